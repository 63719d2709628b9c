using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Infisical.Client.Benchmarks -- --filter '*'
// (scripts/perf.sh runs every benchmark project and the scripts behind docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(EnvelopeBenchmarks).Assembly).Run(args);
