using System;
using Infisical.LocalServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

// Command line: --urls http://127.0.0.1:PORT --seed FILE [--compat 2024|current] [--enable-test-controls] [--log-level LEVEL] [--latency real|none|login=MS,list=MS,get=MS,other=MS]
const string Usage = "Use --urls http://127.0.0.1:PORT --seed FILE [--compat 2024|current] [--enable-test-controls] [--log-level Warning] [--latency real|login=130,list=25,get=170].";
string url = "http://127.0.0.1:8080";
var options = new LocalServerOptions();
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"option {args[i]} needs a value.");
        switch (args[i])
        {
            case "--urls": url = Next().Split(';')[0]; break;
            case "--seed": options.SeedFile = Next(); break;
            case "--compat":
                var level = Next();
                options.Compatibility = level.ToLowerInvariant() switch
                {
                    "2024" or "legacy2024" => CompatibilityLevel.Legacy2024,
                    "current" => CompatibilityLevel.Current,
                    _ => throw new ArgumentException($"--compat must be 'current' or '2024', not '{level}'."),
                };
                break;
            case "--enable-test-controls": options.EnableTestControls = true; break;
            case "--latency": options.Latency = LatencyProfile.Parse(Next()); break;
            case "--log-level":
                var text = Next();
                options.LogLevel = Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(text, ignoreCase: true, out var parsed)
                    ? parsed
                    : throw new ArgumentException($"--log-level must be Trace, Debug, Information, Warning, Error or None, not '{text}'.");
                break;
            default: throw new ArgumentException($"unknown option '{args[i]}'.");
        }
    }

    var app = ServerHost.Build(options, url);
    app.Start();
    Console.WriteLine($"Infisical local server ({options.Compatibility}) listening on {url}");
    app.WaitForShutdown();
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"infisical-local-server: {ex.Message} {Usage}");
    return 2;
}
catch (SeedException ex)
{
    Console.Error.WriteLine("infisical-local-server: " + ex.Message);
    return 2;
}
catch (System.IO.IOException ex)
{
    // Typically the port is taken; the message names the address.
    Console.Error.WriteLine("infisical-local-server: cannot listen: " + ex.Message);
    return 3;
}

/// <summary>The command-line entry point; not part of the embedding API.</summary>
internal partial class Program
{
}
