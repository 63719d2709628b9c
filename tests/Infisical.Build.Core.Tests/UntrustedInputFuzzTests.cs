using System;
using System.IO;
using CsCheck;
using Infisical.Build.Core.Snapshots;
using Xunit;

namespace Infisical.Build.Core.Tests;

/// <summary>
/// Files the build reads but does not control — a committed .infisical.json, a snapshot left in obj/ by another
/// version or a crash — fuzzed with random and mutated text: the only outcomes are a value or a coded error.
/// INFISICAL_FUZZ_ITERATIONS raises the count (docs/security.md).
/// </summary>
public sealed class UntrustedInputFuzzTests : IDisposable
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("INFISICAL_FUZZ_ITERATIONS"), out var n) ? n : 400;
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "infisical-fuzz-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_project_config_file_is_read_or_refused_with_INFB008_never_anything_else()
    {
        const string valid = "{\"workspaceId\":\"p1\",\"defaultEnvironment\":\"dev\",\"gitBranchToEnvironmentMapping\":{\"main\":\"prod\"},\"defaultSecretPath\":\"/app\",\"domain\":\"https://h\"}";
        Mutated(valid).Sample(text =>
        {
            var path = Path.Combine(_dir, ".infisical.json");
            File.WriteAllText(path, text);
            try
            {
                InfisicalProjectConfig.Load(path);
            }
            catch (InfisicalBuildException ex)
            {
                Assert.Equal(InfisicalBuildErrors.InvalidProjectConfigFile, ex.Code);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_stored_snapshot_is_read_ignored_or_refused_with_INFB031_never_anything_else()
    {
        var source = new SourceSpec("https://h", "p", null, "dev", "/", false, true, true, null);
        var store = new SnapshotStore(Path.Combine(_dir, "store"));
        var path = store.Write(new SecretSnapshot(source, DateTimeOffset.UtcNow, "\"e1\"", new[] { new FetchedSecret("A", "/", "v"), new FetchedSecret("B__C", "/x", "w") }));
        var valid = File.ReadAllText(path);
        Mutated(valid).Sample(text =>
        {
            File.WriteAllText(path, text);
            try
            {
                store.TryRead(source);
            }
            catch (InfisicalBuildException ex)
            {
                Assert.Equal(InfisicalBuildErrors.StoreUnreadable, ex.Code);
            }
        }, iter: Iterations);
    }

    /// <summary>Random text, and the valid document with a random cut, insertion or replacement.</summary>
    private static Gen<string> Mutated(string valid) =>
        Gen.OneOf(
            Gen.String,
            Gen.Int[0, valid.Length].Select(cut => valid.Substring(0, cut)),
            Gen.Select(Gen.Int[0, valid.Length], Gen.String[0, 8], (at, insert) => valid.Insert(at, insert)),
            Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Char, (at, c) => valid.Substring(0, at) + c + valid.Substring(at + 1)),
            Gen.Const(valid.Replace("\"v\"", "null", StringComparison.Ordinal)),
            Gen.Const(valid.Replace("\"secrets\"", "\"secretz\"", StringComparison.Ordinal)));
}
