using System;
using System.IO;
using System.Text;

namespace Infisical.Build.Core.Output;

/// <summary>
/// Writes a generated file only when its content changed, so an unchanged build keeps the timestamp and
/// everything downstream stays up to date. The new content goes to a temporary file in the same folder first
/// and is then moved over the old one, so no reader ever sees a half-written file. On Unix the file is created
/// owner-only (0600) from its first byte, whatever the umask, because it holds secret values; a file found with
/// a looser mode is tightened even when its content is unchanged. (Only the net8.0 build can set Unix modes
/// without native calls; it is the one MSBuild loads on Unix, as .NET Framework MSBuild runs only on Windows.)
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
                SecureDirectory.TightenFile(path);
                return false;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                WriteOwnerOnly(temp, bytes);
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

    private static void WriteOwnerOnly(string temp, byte[] bytes)
    {
#if NET
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Passed to open(2): the file never exists with a wider mode, and a umask can only remove bits.
            options.UnixCreateMode = SecureDirectory.OwnerReadWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(bytes, 0, bytes.Length);
        }
#else
        File.WriteAllBytes(temp, bytes);
#endif
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
