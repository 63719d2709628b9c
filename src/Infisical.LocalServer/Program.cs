using System;
using Infisical.LocalServer;
using Microsoft.AspNetCore.Builder;

// Command line: --urls http://127.0.0.1:PORT --seed FILE [--compat 2024|current] [--enable-test-controls] [--log-level LEVEL]
string url = "http://127.0.0.1:8080";
var options = new LocalServerOptions();
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"option {args[i]} needs a value");
    switch (args[i])
    {
        case "--urls": url = Next().Split(';')[0]; break;
        case "--seed": options.SeedFile = Next(); break;
        case "--compat":
            var level = Next();
            options.Compatibility = level is "2024" or "legacy2024" or "Legacy2024" ? CompatibilityLevel.Legacy2024
                : level is "current" or "Current" ? CompatibilityLevel.Current
                : throw new ArgumentException($"--compat must be 'current' or '2024', not '{level}'");
            break;
        case "--enable-test-controls": options.EnableTestControls = true; break;
        case "--log-level": options.LogLevel = Enum.Parse<Microsoft.Extensions.Logging.LogLevel>(Next(), ignoreCase: true); break;
        default:
            Console.Error.WriteLine($"infisical-local-server: unknown option '{args[i]}'. Use --urls URL --seed FILE [--compat 2024] [--enable-test-controls].");
            return 2;
    }
}

WebApplication app;
try
{
    app = ServerHost.Build(options, url);
}
catch (SeedException ex)
{
    Console.Error.WriteLine("infisical-local-server: " + ex.Message);
    return 2;
}

Console.WriteLine($"Infisical local server ({options.Compatibility}) listening on {url}");
app.Run();
return 0;
