using System;

namespace Infisical.Build.Core.Settings;

/// <summary>The parsed InfisicalOutputFormat: <c>json</c>, <c>dotenv</c> or both (<c>json;dotenv</c>).</summary>
internal sealed class OutputFormats
{
    private OutputFormats(bool json, bool dotEnv)
    {
        Json = json;
        DotEnv = dotEnv;
    }

    public bool Json { get; }

    public bool DotEnv { get; }

    public static OutputFormats Parse(string? value)
    {
        bool json = false, dotEnv = false;
        foreach (var raw in (value ?? string.Empty).Split(new[] { ';', ',', '+' }, StringSplitOptions.RemoveEmptyEntries))
        {
            switch (raw.Trim().ToLowerInvariant())
            {
                case "json":
                    json = true;
                    break;
                case "dotenv":
                    dotEnv = true;
                    break;
                case "":
                    break;
                default:
                    throw Invalid(value);
            }
        }

        return json || dotEnv ? new OutputFormats(json, dotEnv) : throw Invalid(value);
    }

    private static InfisicalBuildException Invalid(string? value) =>
        new(InfisicalBuildErrors.InvalidOutputFormat,
            $"InfisicalOutputFormat '{value}' is not supported. Use 'json', 'dotenv' or 'json;dotenv'.");
}
