using System;
using System.Collections.Concurrent;
using Infisical.Analyzers.Configuration;

namespace Infisical.Analyzers.Analysis;

/// <summary>A name that should be reported, with the hint and code-fix replacement if one exists.</summary>
internal sealed class Finding
{
    public Finding(string shownName, CloseName? closest, string? suggestion, string? replacement, string? note, bool unknownEverywhere)
    {
        ShownName = shownName;
        Closest = closest;
        IsUnknownEverywhere = unknownEverywhere;
        Suggestion = suggestion;
        Replacement = replacement;
        Note = note;
    }

    public string ShownName { get; }

    /// <summary>The close known name, if any.</summary>
    public CloseName? Closest { get; }

    /// <summary>True for INF005: no known name is close, so the value may well come from a source the compiler cannot see.</summary>
    public bool IsUnknownEverywhere { get; }

    /// <summary>The name as the code should spell it (a configuration key for configuration APIs).</summary>
    public string? Suggestion { get; }

    /// <summary>The literal's new text; null when the fix cannot be expressed in the flagged literal alone.</summary>
    public string? Replacement { get; }

    /// <summary>The suggested secret as the manifest spells it, when the suggestion is an Infisical secret.</summary>
    public string? SuggestedSecret => Closest?.Secret is { } secret ? secret.Name : null;

    public string? Note { get; }
}

/// <summary>
/// Decides whether a name read in code is missing from Infisical, and how loudly to say so. A missing name
/// close to a known one (a secret, or a key another visible source provides) is a likely typo: INF001. A
/// candidate (see <see cref="CandidateKinds"/>) known nowhere is reported as INF005, quietly, because its value
/// may come from a source the compiler cannot see (the consuming app, the platform). Platform names never count.
/// </summary>
internal sealed class NameChecker
{
    private readonly KnownNames _known;
    private readonly bool _isApp;

    private readonly ConcurrentDictionary<CheckKey, Finding?> _decided = new();

    // Most names read are provided, and a provided name is never reported whatever the file's options say: that
    // is decided without the options, so the caller need not look them up for it.
    private readonly ConcurrentDictionary<CheckKey, bool> _provided = new();

    /// <param name="known">Every name visible to the compilation.</param>
    /// <param name="isApp">True when another configuration source file is visible (see <see cref="CandidateKinds.AllInApps"/>).</param>
    public NameChecker(KnownNames known, bool isApp)
    {
        _known = known;
        _isApp = isApp;
    }

    /// <param name="kind">How the API reads the name.</param>
    /// <param name="section">The composed section ("" at the root) the literal is relative to.</param>
    /// <param name="literal">The name exactly as passed to the API.</param>
    /// <param name="settings">Options for the file being analysed.</param>
    public Finding? Check(NameKind kind, string section, string literal, AnalyzerSettings settings)
    {
        // The same few names are read in file after file: decide each (kind, section, literal, options) once.
        // The platform test alone is dozens of prefix comparisons per name.
        var key = new CheckKey(kind, section, literal, settings);
        return _decided.TryGetValue(key, out var decided) ? decided : _decided.GetOrAdd(key, Decide(kind, section, literal, settings));
    }

    /// <summary>True when the name is known (or the platform's), so that <see cref="Check"/> finds nothing whatever the options.</summary>
    public bool IsProvided(NameKind kind, string section, string literal)
    {
        var key = new CheckKey(kind, section, literal, settings: null);
        if (_provided.TryGetValue(key, out var provided))
        {
            return provided;
        }

        var name = KeyNames.Combine(section, literal);
        provided = name.Length == 0 || kind switch
        {
            NameKind.InfisicalSecret => _known.HasSecret(name),
            NameKind.EnvironmentVariable => _known.HasSecret(name) || _known.OtherSourceProvides(KeyNames.ToConfigurationKey(name)) || IsPlatform(name),
            _ => _known.ProvidesKey(name) || (kind == NameKind.ConfigurationSection && _known.ProvidesSection(name)) || IsPlatform(name),
        };
        _provided.TryAdd(key, provided);
        return provided;
    }

    private Finding? Decide(NameKind kind, string section, string literal, AnalyzerSettings settings)
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

    /// <summary>An Infisical client call names a secret outright: missing is always INF001, close match or not.</summary>
    private Finding? CheckSecret(string name)
    {
        if (_known.HasSecret(name))
        {
            return null;
        }

        var closest = Closest(name, 'x');
        var secret = closest?.Secret is { } s ? s.Name : null;
        return new Finding(name, closest, secret, secret, CaseNote(name, secret, "Infisical secret names are case-sensitive"), unknownEverywhere: false);
    }

    private Finding? CheckEnvironmentVariable(string name, AnalyzerSettings settings)
    {
        // Hash lookups first: most names read are known, and the platform list is the slower test.
        if (_known.HasSecret(name) ||
            (!settings.EnvironmentVariablesCaseSensitive && _known.SecretIgnoringCase(name) is not null) ||
            _known.OtherSourceProvides(KeyNames.ToConfigurationKey(name)) || IsPlatform(name))
        {
            return null;
        }

        var closest = settings.Checks(CandidateKinds.NearMisses) ? Closest(name, 'x') : null;
        if (closest is null && !IsCandidate(name, name, settings))
        {
            return null;
        }

        var note = CaseNote(name, closest?.Name, "environment variable names are case-sensitive on Linux and macOS") ?? OriginNote(closest);
        return new Finding(name, closest, closest?.Name, closest?.Name, note, unknownEverywhere: closest is null);
    }

    private Finding? CheckConfigurationKey(NameKind kind, string section, string literal, string key, AnalyzerSettings settings)
    {
        if (_known.ProvidesKey(key) || (kind == NameKind.ConfigurationSection && _known.ProvidesSection(key)) || IsPlatform(key))
        {
            return null;
        }

        var closest = settings.Checks(CandidateKinds.NearMisses) ? Closest(key, kind == NameKind.ConfigurationSection ? 's' : 'k') : null;
        if (closest is null && !IsCandidate(key, literal, settings))
        {
            return null;
        }

        var suggestion = closest is null ? null : KeyNames.ToConfigurationKey(closest.Name);
        return new Finding(key, closest, suggestion, RelativeTo(section, suggestion), OriginNote(closest), unknownEverywhere: closest is null);
    }

    // The pattern is tried on the full (composed) name and on the part written at this call:
    // a SCREAMING_SNAKE leaf under a section ("Mail" → "SMTP_HOST") still counts.
    private bool IsCandidate(string name, string literal, AnalyzerSettings settings)
    {
        var kinds = settings.Candidates;
        return (kinds & CandidateKinds.All) != 0 ||
               (_isApp && (kinds & CandidateKinds.AllInApps) != 0) ||
               ((kinds & CandidateKinds.ScreamingSnake) != 0 && (Matches(settings, name) || Matches(settings, literal))) ||
               ((kinds & CandidateKinds.ManifestSections) != 0 && _known.IsInManifestSection(name));
    }

    private static string? OriginNote(CloseName? closest) =>
        closest?.Origin is { } origin ? "a key in " + origin : null;

    private CloseName? Closest(string name, char mode) => _known.Closest(name, mode);

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

/// <summary>What a check depends on besides the compilation's names (settings are cached per options object).</summary>
internal readonly struct CheckKey : IEquatable<CheckKey>
{
    private readonly NameKind _kind;
    private readonly string _section;
    private readonly string _literal;
    private readonly AnalyzerSettings? _settings;

    public CheckKey(NameKind kind, string section, string literal, AnalyzerSettings? settings)
    {
        _kind = kind;
        _section = section;
        _literal = literal;
        _settings = settings;
    }

    public bool Equals(CheckKey other) =>
        _kind == other._kind && ReferenceEquals(_settings, other._settings) &&
        string.Equals(_section, other._section, StringComparison.Ordinal) && string.Equals(_literal, other._literal, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is CheckKey other && Equals(other);

    public override int GetHashCode() => unchecked((((int)_kind * 397) ^ Hash(_section)) * 397 ^ Hash(_literal));

    // FNV-1a: every checked name is hashed, and the randomized ordinal hash (Marvin) cost several times more
    // on these short names. The keys are the project's own literals, so flooding is not a concern.
    private static int Hash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            for (var i = 0; i < text.Length; i++)
            {
                hash = (hash ^ text[i]) * 16777619;
            }

            return hash;
        }
    }
}
