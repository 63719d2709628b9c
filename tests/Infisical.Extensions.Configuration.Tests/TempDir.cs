using System;
using System.IO;

namespace Infisical.Extensions.Configuration.Tests;

/// <summary>A fresh folder per test, removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "infx-" + Guid.NewGuid().ToString("N")));

    public string Path { get; }

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder briefly; the temp folder is cleaned up by the OS.
        }
    }
}
