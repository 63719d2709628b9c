using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Infisical.Client.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(EnvelopeBenchmarks).Assembly).Run(args);
