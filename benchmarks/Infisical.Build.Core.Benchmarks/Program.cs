using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Infisical.Build.Core.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
