using System;
using System.Collections.Concurrent;
using Infisical.Analyzers.Configuration;

namespace Infisical.Analyzers.Analysis;

/// <summary>A name that should be reported, with the hint and code-fix replacement if one exists.</summary>
internal sealed class Finding
{
    public Finding(string shownName, string? suggestion, string? replacement, string? suggestedSecret, string? note)
    {
        ShownName = shownName;
        Suggestion = suggestion;
        Replacement = replacement;
        SuggestedSecret = suggestedSecret;
        Note = note;
    }

    public string ShownName { get; }

    /// <summary>The name as the code should spell it (a configuration key for configuration APIs).</summary>
    public string? Suggestion { get; }

    /// <summary>The literal's new text; null when the fix cannot be expressed in the flagged literal alone.</summary>
    public string? Replacement { get; }

    public string? SuggestedSecret { get; }

    public string? Note { get; }
}

/// <summary>
/// Decides whether a name read in code is missing from Infisical. Precision first: a name is only reported
/// when it is a candidate (see <see cref="CandidateKinds"/>), is not a platform name, and no other source
/// visible to the compiler provides it.
/// </summary>
internal sealed class NameChecker
{
    private readonly KnownNames _known;

    // Missing names repeat across files (the same key read in many places): search for a close name once.
    private readonly ConcurrentDictionary<string, string?> _closest = new(StringComparer.Ordinal);

    public NameChecker(KnownNames known)
    {
        _known = known;
    }

    /// <param name="kind">How the API reads the name.</param>
    /// <param name="section">The composed section ("" at the root) the literal is relative to.</param>
    /// <param name="literal">The name exactly as passed to the API.</param>
    /// <param name="settings">Options for the file being analysed.</param>
    public Finding? Check(NameKind kind, string section, string literal, AnalyzerSettings settings)
    {
        var name = KeyNames.Combine(section, literal);
        if (name.Length == 0 || settings.IsIgnored(name) || settings.IsIgnored(literal))
        {
            return null;
        }

        return kind switch
        {
            NameKind.InfisicalSecret => CheckSecret(name),
            NameKind.EnvironmentVariable => CheckEnvironmentVariable(name, settings),
            _ => CheckConfigurationKey(kind, section, literal, name, settings),
        };
    }

    private Finding? CheckSecret(string name)
    {
        if (_known.HasSecret(name))
        {
            return null;
        }

        var closest = Closest(name, 'x');
        return new Finding(name, closest, closest, closest, CaseNote(name, closest, "Infisical secret names are case-sensitive"));
    }

    private Finding? CheckEnvironmentVariable(string name, AnalyzerSettings settings)
    {
        if (IsPlatform(name) || _known.HasSecret(name) ||
            (!settings.EnvironmentVariablesCaseSensitive && _known.SecretIgnoringCase(name) is not null) ||
            _known.OtherSourceProvides(KeyNames.ToConfigurationKey(name)))
        {
            return null;
        }

        var closest = Closest(name, 'x');
        if (!IsCandidate(name, name, closest, settings))
        {
            return null;
        }

        var note = CaseNote(name, closest, "environment variable names are case-sensitive on Linux and macOS");
        return new Finding(name, closest, closest, closest, note);
    }

    private Finding? CheckConfigurationKey(NameKind kind, string section, string literal, string key, AnalyzerSettings settings)
    {
        if (IsPlatform(key) || _known.ProvidesKey(key) ||
            (kind == NameKind.ConfigurationSection && _known.ProvidesSection(key)))
        {
            return null;
        }

        var closest = Closest(key, kind == NameKind.ConfigurationSection ? 's' : 'k');
        if (!IsCandidate(key, literal, closest, settings))
        {
            return null;
        }

        string? suggestion = closest is null ? null : KeyNames.ToConfigurationKey(closest);
        return new Finding(key, suggestion, RelativeTo(section, suggestion), closest, note: null);
    }

    // The pattern is tried on the full (composed) name and on the part written at this call:
    // a SCREAMING_SNAKE leaf under a section ("Mail" → "SMTP_HOST") still counts.
    private bool IsCandidate(string name, string literal, string? closest, AnalyzerSettings settings)
    {
        var kinds = settings.Candidates;
        return (kinds & CandidateKinds.All) != 0 ||
               ((kinds & CandidateKinds.NearMisses) != 0 && closest is not null) ||
               ((kinds & CandidateKinds.ScreamingSnake) != 0 && (Matches(settings, name) || Matches(settings, literal))) ||
               ((kinds & CandidateKinds.ManifestSections) != 0 && _known.IsInManifestSection(name));
    }

    /// <param name="name">The name to look up.</param>
    /// <param name="mode">'x' exact names, 'k' configuration keys, 's' configuration keys and sections.</param>
    private string? Closest(string name, char mode) =>
        _closest.GetOrAdd(mode + name, _ => _known.FindClosest(name, asConfigurationKey: mode != 'x', includeSections: mode == 's'));

    private static bool Matches(AnalyzerSettings settings, string name)
    {
        try
        {
            return settings.CandidatePattern.IsMatch(name);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsPlatform(string name) =>
        PlatformNames.IsPlatformName(name) || PlatformNames.IsPlatformName(KeyNames.ToConfigurationKey(name));

    /// <summary>The suggestion with the already-composed section removed, or null when the section itself differs.</summary>
    private static string? RelativeTo(string section, string? suggestion)
    {
        if (suggestion is null || section.Length == 0)
        {
            return suggestion;
        }

        return suggestion.Length > section.Length + 1 &&
               suggestion.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)
            ? suggestion.Substring(section.Length + 1)
            : null;
    }

    private static string? CaseNote(string name, string? closest, string why) =>
        closest is not null && string.Equals(name, closest, StringComparison.OrdinalIgnoreCase) ? why : null;
}
