using System;

namespace Infisical.Build.Core.Rendering;

/// <summary>
/// Which consumer the generated <c>.env</c> file is written for (<c>InfisicalDotEnvDialect</c>). Each dialect
/// writes only what its parser(s) read back exactly and refuses the rest with a coded error.
/// </summary>
internal enum DotEnvDialect
{
    /// <summary>Read back exactly by npm dotenv, DotNetEnv, python-dotenv and docker compose alike (the default).</summary>
    Portable,

    /// <summary>The npm <c>dotenv</c> package.</summary>
    Node,

    /// <summary>The DotNetEnv NuGet package (3.x).</summary>
    DotNetEnv,

    /// <summary><c>docker run --env-file</c>: one <c>KEY=VALUE</c> per line, no quoting.</summary>
    Docker,

    /// <summary>Sourced by a POSIX shell (<c>. ./.env</c>).</summary>
    Shell,
}

/// <summary>Maps the <c>InfisicalDotEnvDialect</c> property to a <see cref="DotEnvDialect"/>.</summary>
internal static class DotEnvDialects
{
    public const string PropertyName = "InfisicalDotEnvDialect";

    /// <summary>The property spellings, in the order the docs list them.</summary>
    public static readonly string[] Names = { "portable", "node", "dotnetenv", "docker", "shell" };

    /// <summary>Empty means the default (<c>portable</c>); anything unknown is INFB026.</summary>
    public static DotEnvDialect Parse(string? raw)
    {
        var value = raw?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return DotEnvDialect.Portable;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return (DotEnvDialect)i;
            }
        }

        // The raw text is a build property, not a secret, so it may be quoted back.
        throw new InfisicalBuildException(
            InfisicalBuildErrors.UnknownDotEnvDialect,
            $"{PropertyName}='{value}' is not a known .env dialect. Use one of: {string.Join(", ", Names)} (default: portable).");
    }

    public static string Name(this DotEnvDialect dialect) => Names[(int)dialect];
}
