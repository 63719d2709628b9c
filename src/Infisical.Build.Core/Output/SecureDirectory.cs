using System.IO;

namespace Infisical.Build.Core.Output;

/// <summary>Folders that hold secrets (generated files, the snapshot store, the token cache): 0700 on Unix.</summary>
internal static class SecureDirectory
{
    public static void Create(string path)
    {
#if NET
        if (!System.OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
#endif
        Directory.CreateDirectory(path);
    }
}
