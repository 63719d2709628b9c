using System;
using System.IO;
using System.Threading.Tasks;
using Infisical.Benchmarks.Shared;
using Infisical.PeerComparison;

// The .NET side of scripts/compare-peers.sh. Every command prints one JSON line per figure.
//   seed FILE                                  writes the benchmark seed
//   load URL (ours|bare|cached) C SECONDS      get-by-name at concurrency C for SECONDS, then a list of 1,000
//   first-call URL (ours|bare)                 login + one get-by-name in this fresh process, timed from process start
if (args.Length >= 2 && args[0] == "seed")
{
    await File.WriteAllTextAsync(args[1], BenchSeed.Json());
    return 0;
}

if (args.Length == 5 && args[0] == "load")
{
    await using var target = await Target.CreateAsync(args[1], args[2]);
    var result = await LoadRun.RunAsync(target.GetAsync, int.Parse(args[3]), TimeSpan.FromSeconds(double.Parse(args[4])));
    Console.WriteLine(result.ToJson(args[2], "get", int.Parse(args[3])));
    if (args[2] != "cached" && args[3] == "1")
    {
        var list = await LoadRun.RepeatAsync(target.ListAsync, 15);
        Console.WriteLine(list.ToJson(args[2], "list1000", 1));
    }

    return 0;
}

if (args.Length == 3 && args[0] == "first-call")
{
    Console.WriteLine(await FirstCall.MeasureAsync(args[1], args[2]));
    return 0;
}

Console.Error.WriteLine("usage: seed FILE | load URL ours|bare|cached CONCURRENCY SECONDS | first-call URL ours|bare");
return 2;
