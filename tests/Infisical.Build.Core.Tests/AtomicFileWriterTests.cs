using System;
using System.IO;

using Xunit;

namespace Infisical.Build.Core.Tests;

public class AtomicFileWriterTests
{
    [Fact]
    public void Rewrites_only_when_content_changes_and_leaves_no_temporary_files()
    {
        var dir = Path.Combine(Path.GetTempPath(), "infisical-atomic-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(dir, "nested", "file.json");
        try
        {
            Assert.True(AtomicFileWriter.WriteIfChanged(path, "one"));
            var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, stamp);

            Assert.False(AtomicFileWriter.WriteIfChanged(path, "one"));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));

            Assert.True(AtomicFileWriter.WriteIfChanged(path, "two"));
            Assert.Equal("two", File.ReadAllText(path));
            Assert.NotEqual(stamp, File.GetLastWriteTimeUtc(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>Issue 12 point 5: generated secret files are 0600 and their folder 0700 on Unix, whatever the umask.</summary>
[Collection("umask")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SecureFileModeTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerAll = OwnerReadWrite | UnixFileMode.UserExecute;

    [Fact]
    public void Files_are_created_0600_and_looser_existing_files_are_tightened_under_a_permissive_umask()
    {
        Assert.False(OperatingSystem.IsWindows(), "file modes are a Unix guarantee; this suite runs on Linux");
        var dir = Path.Combine(Path.GetTempPath(), "infisical-mode-" + Guid.NewGuid().ToString("N"));
        var previous = umask(0);
        try
        {
            var path = Path.Combine(dir, "secrets.env");
            Assert.True(AtomicFileWriter.WriteIfChanged(path, "A='1'\n"));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));

            // A file an older build left world-readable: tightened on rewrite and when the content is unchanged.
            File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            Assert.False(AtomicFileWriter.WriteIfChanged(path, "A='1'\n"));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
            File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.OtherWrite);
            Assert.True(AtomicFileWriter.WriteIfChanged(path, "A='2'\n"));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            umask(previous);
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Secure_directories_are_0700_new_or_existing()
    {
        var dir = Path.Combine(Path.GetTempPath(), "infisical-dir-" + Guid.NewGuid().ToString("N"));
        var previous = umask(0);
        try
        {
            var nested = Path.Combine(dir, "obj", "infisical");
            SecureDirectory.Create(nested);
            Assert.Equal(OwnerAll, File.GetUnixFileMode(nested));

            File.SetUnixFileMode(nested, OwnerAll | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            SecureDirectory.Create(nested);
            Assert.Equal(OwnerAll, File.GetUnixFileMode(nested));
        }
        finally
        {
            umask(previous);
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_file_where_the_folder_should_be_is_INFB030_naming_the_folder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "infisical-dir-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var blocker = Path.Combine(dir, "obj");
            File.WriteAllText(blocker, "not a folder");

            var error = Assert.Throws<InfisicalBuildException>(() => SecureDirectory.Create(Path.Combine(blocker, "infisical")));

            Assert.Equal(InfisicalBuildErrors.WriteFailed, error.Code);
            Assert.Contains(Path.Combine(blocker, "infisical"), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // The test sets the process umask to 0 so that only the writer's own mode can explain a 0600 result.
    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int umask(int mask);
}
