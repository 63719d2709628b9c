using System.IO;

namespace Infisical.Build.Core.Output;

/// <summary>
/// Owner-only folders and files for generated secrets on Unix: folders 0700, files 0600. On Windows (and in the
/// netstandard2.0 build, which .NET Framework MSBuild loads only on Windows) these are plain creates, since
/// Unix modes do not apply there.
/// </summary>
internal static class SecureDirectory
{
#if NET
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode OwnerAll = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
#endif

    /// <summary>Creates the folder (and missing parents) and leaves the folder itself at 0700; a failure is INFB030.</summary>
    public static DirectoryInfo Create(string path)
    {
        try
        {
            return CreateOwnerOnly(path);
        }
        catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.WriteFailed,
                $"Could not create the folder '{path}' ({ex.GetType().Name}). Check that it is writable and that no file stands where the folder should be.");
        }
    }

    private static DirectoryInfo CreateOwnerOnly(string path)
    {
#if NET
        if (!System.OperatingSystem.IsWindows())
        {
            var info = Directory.CreateDirectory(path, OwnerAll);

            // CreateDirectory keeps an existing folder's mode, so a folder an older build made 0755 is tightened.
            if ((File.GetUnixFileMode(path) & ~OwnerAll) != 0)
            {
                File.SetUnixFileMode(path, OwnerAll);
            }

            return info;
        }
#endif
        return Directory.CreateDirectory(path);
    }

    /// <summary>Removes group and other permissions from an existing generated file.</summary>
    public static void TightenFile(string path)
    {
#if NET
        if (!System.OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerReadWrite) != 0)
        {
            File.SetUnixFileMode(path, OwnerReadWrite);
        }
#endif
    }
}
