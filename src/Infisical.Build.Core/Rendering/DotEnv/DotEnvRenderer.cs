using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Infisical.Build.Core.Rendering.DotEnv;

namespace Infisical.Build.Core.Rendering;

/// <summary>
/// Renders secrets as a <c>.env</c> file in one <see cref="DotEnvDialect"/>. Each secret is one
/// <c>NAME=encoded</c> line ending in <c>\n</c>; the dialect decides the encoding so that the line ends exactly
/// where its parsers end it, which is what keeps neighbouring lines from reading into each other. A secret the
/// dialect cannot hold is left out and reported by name (INFB023 for the name, INFB024 for the value); the
/// value never appears in a message.
/// </summary>
internal static class DotEnvRenderer
{
    /// <summary>Builds the file content, or adds problems naming the secrets (never their values).</summary>
    public static string Render(IReadOnlyList<FetchedSecret> secrets, DotEnvDialect dialect, List<BuildProblem> problems)
    {
        var format = DotEnvFormat.For(dialect);
        var dialectName = dialect.Name();
        var builder = new StringBuilder();
        var seen = new Dictionary<string, FetchedSecret>(StringComparer.Ordinal);
        foreach (var secret in secrets.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Path, StringComparer.Ordinal))
        {
            var nameProblem = format.CheckName(secret.Name);
            if (nameProblem != null)
            {
                problems.Add(new BuildProblem(
                    InfisicalBuildErrors.InvalidDotEnvKey,
                    $"The secret '{Printable(secret.Name)}' cannot be a .env variable name for {DotEnvDialects.PropertyName}={dialectName}: {nameProblem}. Rename it in Infisical, choose another {DotEnvDialects.PropertyName}, or use InfisicalOutputFormat=json.", secret.Name));
                continue;
            }

            if (seen.TryGetValue(secret.Name, out var first))
            {
                problems.Add(new BuildProblem(
                    InfisicalBuildErrors.DuplicateSecretName,
                    $"The secret name '{secret.Name}' exists in more than one folder ({first.Path} and {secret.Path}); a .env file can hold only one. Rename one, or narrow InfisicalSecretPath / turn off InfisicalRecursive.", secret.Name));
                continue;
            }

            seen.Add(secret.Name, secret);
            var encoded = Encode(format, secret.Value, out var valueProblem);
            if (encoded == null)
            {
                problems.Add(new BuildProblem(
                    InfisicalBuildErrors.UnrepresentableDotEnvValue,
                    $"The value of secret '{secret.Name}' cannot be written for {DotEnvDialects.PropertyName}={dialectName} so that its parsers read it back exactly: {valueProblem}. Choose another {DotEnvDialects.PropertyName} (see docs/msbuild.md), use InfisicalOutputFormat=json, or change the value.", secret.Name));
                continue;
            }

            builder.Append(secret.Name).Append('=').Append(encoded).Append('\n');
        }

        return builder.ToString();
    }

    private static string? Encode(DotEnvFormat format, string value, out string reason)
    {
        // No environment variable can hold NUL (the OS interface is C strings), and an unpaired surrogate has no
        // UTF-8 form: every dialect refuses both before looking at quoting.
        if (value.IndexOf('\0') >= 0)
        {
            reason = "it holds a NUL character, which no environment variable can carry";
            return null;
        }

        if (DotEnvText.HasUnpairedSurrogate(value))
        {
            reason = "it holds an unpaired UTF-16 surrogate, which has no UTF-8 form";
            return null;
        }

        return format.Encode(value, out reason);
    }

    /// <summary>A refused name may hold control characters; show them as escapes so the message stays one line.</summary>
    private static string Printable(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4"));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
