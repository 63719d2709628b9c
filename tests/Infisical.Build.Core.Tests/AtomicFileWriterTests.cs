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
