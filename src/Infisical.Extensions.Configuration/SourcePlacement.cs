using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace Infisical.Extensions.Configuration;

/// <summary>
/// Puts an Infisical source where user secrets sit: after the JSON files and before the environment variables and
/// the command line, so a runtime override still wins.
/// </summary>
internal static class SourcePlacement
{
    // Matched by name so the package needs neither provider package; these are the types the hosting builders add.
    private const string EnvironmentVariablesSource = "Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource";
    private const string CommandLineSource = "Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationSource";

    /// <summary>
    /// Inserts before the last run of environment-variable and command-line sources (the run
    /// <c>WebApplication.CreateBuilder</c> and <c>Host.CreateApplicationBuilder</c> add after appsettings*.json and user
    /// secrets; <c>WebApplication</c> adds further sources of its own after it, so the run need not be last). Appends
    /// when there is no such source. Only the last run counts: the hosts also add <c>DOTNET_</c>-prefixed variables and
    /// the command line first, for host settings, and going before those would put the file under appsettings.json.
    /// </summary>
    public static void Add(IConfigurationBuilder builder, IConfigurationSource source)
    {
        var index = InsertionIndex(builder.Sources);
        if (index == builder.Sources.Count)
        {
            builder.Add(source);
        }
        else
        {
            builder.Sources.Insert(index, source);
        }
    }

    internal static int InsertionIndex(IList<IConfigurationSource> sources)
    {
        var index = sources.Count;
        while (index > 0 && !IsOverride(sources[index - 1]))
        {
            index--;
        }

        if (index == 0)
        {
            return sources.Count;
        }

        while (index > 0 && IsOverride(sources[index - 1]))
        {
            index--;
        }

        return index;
    }

    private static bool IsOverride(IConfigurationSource source)
    {
        var name = source.GetType().FullName;
        return name == EnvironmentVariablesSource || name == CommandLineSource;
    }
}
