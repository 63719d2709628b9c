using System;
using System.IO;
using System.Text;

namespace Infisical.Build.Core.Output;

/// <summary>
/// Writes a generated file only when its content changed, so an unchanged build keeps the timestamp and
/// everything downstream stays up to date. The new content goes to a temporary file in the same folder first
/// and is then moved over the old one, so no reader ever sees a half-written file.
/// </summary>
internal static class AtomicFileWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Returns true when the file was (re)written, false when it already held this content.</summary>
    public static bool WriteIfChanged(string path, string content)
    {
        var bytes = Utf8NoBom.GetBytes(content);
        try
        {
            if (File.Exists(path) && ContentEquals(path, bytes))
            {
                return false;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllBytes(temp, bytes);
                Replace(temp, path);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.WriteFailed,
                $"Could not write '{path}' ({ex.GetType().Name}). Check that the obj/ folder is writable and not locked by another process, then build again.");
        }
    }

    private static bool ContentEquals(string path, byte[] expected)
    {
        var info = new FileInfo(path);
        if (info.Length != expected.Length)
        {
            return false;
        }

        return File.ReadAllBytes(path).AsSpan().SequenceEqual(expected);
    }

    private static void Replace(string source, string destination)
    {
#if !NET
        if (File.Exists(destination))
        {
            File.Replace(source, destination, null);
            return;
        }

        File.Move(source, destination);
#else
        File.Move(source, destination, overwrite: true);
#endif
    }
}
