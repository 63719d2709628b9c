using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Infisical.Extensions.Configuration;

/// <summary>Adds Infisical settings to a configuration builder.</summary>
public static class InfisicalConfigurationExtensions
{
    /// <summary>
    /// Adds the settings file Infisical.Build generated (<c>appsettings.Infisical.json</c>), required, placed
    /// before the environment variables and the command line so both still override it.
    /// </summary>
    public static IConfigurationBuilder AddInfisicalSettings(this IConfigurationBuilder builder) =>
        AddInfisicalSettings(builder, static _ => { });

    /// <summary>Adds the generated settings file with the given options; see <see cref="InfisicalSettingsOptions"/>.</summary>
    public static IConfigurationBuilder AddInfisicalSettings(this IConfigurationBuilder builder, Action<InfisicalSettingsOptions> configure)
    {
        if (builder == null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (configure == null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        var options = new InfisicalSettingsOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("InfisicalSettingsOptions.Path is empty.", nameof(configure));
        }

        var searched = Candidates(builder, options.Path).ToList();
        var found = searched.FirstOrDefault(File.Exists);
        if (found == null && !options.Optional)
        {
            throw new InfisicalConfigurationException(
                $"The Infisical settings file '{options.Path}' was not found. Searched: {string.Join(", ", searched)}. "
                + "Build the app with Infisical.Build and an environment (dotnet build -p:InfisicalEnv=<env>), point Path at the file, "
                + "or set Optional = true where running without it is expected (for example in tests).");
        }

        if (found == null)
        {
            // There is no logger while configuration is built; the trace and the source's IsMissing are the record.
            Trace.TraceWarning("Infisical settings file '{0}' not found (optional); searched: {1}.", options.Path, string.Join(", ", searched));
        }

        // When missing, watch the first place it would be found, so ReloadOnChange picks up a file built later.
        var path = found ?? searched[0];
        var source = new InfisicalSettingsSource(found, searched, options)
        {
            Path = path,
            Optional = found == null,
            ReloadOnChange = options.ReloadOnChange,
        };

        // Roots the file provider at the nearest existing folder of the absolute path (the file's own when found).
        source.ResolveFileProvider();

        SourcePlacement.Add(builder, source);
        return builder;
    }

    /// <summary>
    /// Adds Infisical secrets fetched live at start-up (and every <see cref="InfisicalOptions.ReloadInterval"/>),
    /// placed before the environment variables and the command line. <c>A__B</c> names become <c>A:B</c> keys.
    /// </summary>
    public static IConfigurationBuilder AddInfisical(this IConfigurationBuilder builder, Action<InfisicalOptions> configure)
    {
        if (builder == null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (configure == null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        var options = new InfisicalOptions();
        configure(options);
        options.Validate();
        SourcePlacement.Add(builder, new InfisicalConfigurationSource(options));
        return builder;
    }

    private static IEnumerable<string> Candidates(IConfigurationBuilder builder, string path)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return new[] { System.IO.Path.GetFullPath(path) };
        }

        // Next to the app first: that is where the build copies the file, under dotnet run, watch, test and publish.
        // Then the content root (the host sets the builder's base path to it), then the working directory.
        var bases = new List<string?> { AppContext.BaseDirectory };
        if (builder.Properties.TryGetValue("FileProvider", out var provider) && provider is PhysicalFileProvider physical)
        {
            bases.Add(physical.Root);
        }

        bases.Add(Directory.GetCurrentDirectory());
        return bases
            .Where(b => !string.IsNullOrEmpty(b))
            .Select(b => System.IO.Path.GetFullPath(System.IO.Path.Combine(b!, path)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
