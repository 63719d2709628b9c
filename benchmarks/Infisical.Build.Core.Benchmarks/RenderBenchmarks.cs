using System;
using System.Collections;
using System.Linq;
using BenchmarkDotNet.Attributes;

/// <summary>
/// What the build does with 10,000 fetched secrets once they are in memory: render the appsettings-style JSON, the
/// <c>.env</c> file (portable dialect) and the names-only manifest, and merge four sources into one set. No I/O.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(ShortInProcessConfig))]
public class RenderBenchmarks
{
    private const int Count = 10_000;
    private readonly Func<object[], object> _json = CoreEntryPoints.Bind("Rendering.ConfigurationJsonWriter", "Render");
    private readonly Func<object[], object> _dotEnv = CoreEntryPoints.Bind("Rendering.DotEnvRenderer", "Render");
    private readonly Func<object[], object> _manifest = CoreEntryPoints.Bind("Rendering.ManifestWriter", "Render");
    private readonly Func<object[], object> _merge = CoreEntryPoints.Bind("Merging.SourceMerger", "Merge");
    private IList _secrets = null!;
    private IList _sources = null!;
    private IList _merged = null!;
    private IList _snapshots = null!;
    private object _portable = null!;

    [GlobalSetup]
    public void Setup()
    {
        _secrets = Secrets(0, Count);
        _portable = Enum.ToObject(CoreEntryPoints.T("Rendering.DotEnvDialect"), 0);
        var sources = Enumerable.Range(0, 4).Select(Source).ToArray();
        _sources = CoreEntryPoints.ListOf("Settings.SourceSpec", sources);
        _merged = CoreEntryPoints.ListOf("Merging.MergedSecret", _secrets.Cast<object>().Select(s => CoreEntryPoints.New("Merging.MergedSecret", s, 0)));

        // Four sources of 2,500 secrets; each overrides 100 names of the one before it, as layered folders do.
        _snapshots = CoreEntryPoints.ListOf("Snapshots.SecretSnapshot", sources.Select((source, i) =>
            CoreEntryPoints.New("Snapshots.SecretSnapshot", source, DateTimeOffset.UnixEpoch, "\"etag\"", Secrets(i * 2400, 2500))));
    }

    [Benchmark(Description = "Render JSON, 10,000 secrets")]
    public object Json() => _json(new[] { _secrets, CoreEntryPoints.Problems() });

    [Benchmark(Description = "Render .env (portable), 10,000 secrets")]
    public object DotEnv() => _dotEnv(new[] { _secrets, _portable, CoreEntryPoints.Problems() });

    [Benchmark(Description = "Render manifest, 10,000 names")]
    public object Manifest() => _manifest(new object[] { _sources, _merged });

    [Benchmark(Description = "Merge 4 sources x 2,500 (400 overrides)")]
    public object Merge() => _merge(new[] { _snapshots, false, CoreEntryPoints.Problems() });

    private static object Source(int i) => CoreEntryPoints.New(
        "Settings.SourceSpec", "https://app.infisical.com", null, "bench", "prod", "/layer" + i, false, true, true, null);

    // Names nest two levels under 50 sections (ConnectionStrings__Db style), values are connection-string sized.
    private static IList Secrets(int from, int count) => CoreEntryPoints.ListOf("Fetching.FetchedSecret", Enumerable.Range(from, count).Select(i =>
        CoreEntryPoints.New("Fetching.FetchedSecret", "Section" + (i % 50) + "__Key_" + i, "/", "Server=db" + i + ".internal;User=app;Password=p" + (i * 7919).ToString("x8"))));
}
