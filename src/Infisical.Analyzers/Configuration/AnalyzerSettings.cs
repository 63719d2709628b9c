using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Infisical.Analyzers.Configuration;

/// <summary>Which keys read through configuration or the environment are checked against the manifest.</summary>
[Flags]
internal enum CandidateKinds
{
    None = 0,

    /// <summary>Keys that match the candidate pattern (SCREAMING_SNAKE_CASE by default).</summary>
    ScreamingSnake = 1,

    /// <summary>Keys within typo distance of a manifest name ("did you mean").</summary>
    NearMisses = 2,

    /// <summary>Keys under a section that the manifest uses (ConnectionStrings when it holds ConnectionStrings__Db).</summary>
    ManifestSections = 4,

    /// <summary>Every key that is not a platform name.</summary>
    All = 8,

    /// <summary>
    /// Every key, in a project where another configuration source is visible (appsettings*, launchSettings, user
    /// secrets): an application. A project with none, typically a library, reads keys its consumers provide.
    /// </summary>
    AllInApps = 16,
}

/// <summary>
/// The analyzer's options, read from .editorconfig / global AnalyzerConfig files (keys documented in
/// docs/diagnostics/README.md). One instance per distinct options object, cached.
/// </summary>
internal sealed class AnalyzerSettings
{
    public const string CandidateKeysKey = "infisical.candidate_keys";
    public const string CandidatePatternKey = "infisical.candidate_pattern";
    public const string IgnoredNamesKey = "infisical.ignored_names";
    public const string IgnoredPrefixesKey = "infisical.ignored_prefixes";
    public const string EnvironmentCaseSensitiveKey = "infisical.environment_variables_case_sensitive";

    /// <summary>Upper-case words joined by '_', optionally in sections (API_KEY, DB__PASSWORD, DB:PASSWORD).</summary>
    public const string DefaultPattern = "^[A-Z][A-Z0-9]*(?:(?:_{1,2}|:)[A-Z0-9]+)*$";

    private static readonly ConditionalWeakTable<AnalyzerConfigOptions, AnalyzerSettings> Cache = new();
    private static readonly Regex DefaultRegex = new(DefaultPattern, RegexOptions.CultureInvariant);

    private readonly HashSet<string> _ignoredNames;
    private readonly string[] _ignoredPrefixes;

    private AnalyzerSettings(AnalyzerConfigOptions options)
    {
        Candidates = ReadCandidates(options);
        CandidatePattern = ReadPattern(options, out var patternError);
        PatternError = patternError;
        _ignoredNames = new HashSet<string>(ReadList(options, IgnoredNamesKey), StringComparer.OrdinalIgnoreCase);
        _ignoredPrefixes = ReadList(options, IgnoredPrefixesKey).ToArray();
        EnvironmentVariablesCaseSensitive = !options.TryGetValue(EnvironmentCaseSensitiveKey, out var cs) ||
            !string.Equals(cs.Trim(), "false", StringComparison.OrdinalIgnoreCase);
    }

    public CandidateKinds Candidates { get; }

    /// <summary>True when this kind of key is checked ('all' includes every kind).</summary>
    public bool Checks(CandidateKinds kind) => (Candidates & (kind | CandidateKinds.All)) != 0;

    public Regex CandidatePattern { get; }

    /// <summary>Why the configured candidate pattern was not usable, or null.</summary>
    public string? PatternError { get; private set; }

    /// <summary>Linux and macOS compare environment variable names case-sensitively; Windows does not.</summary>
    public bool EnvironmentVariablesCaseSensitive { get; }

    public static AnalyzerSettings For(AnalyzerConfigOptions options) =>
        Cache.GetValue(options, static o => new AnalyzerSettings(o));

    /// <summary>True for names the user told the analyzer to leave alone.</summary>
    public bool IsIgnored(string name)
    {
        if (_ignoredNames.Contains(name))
        {
            return true;
        }

        foreach (var prefix in _ignoredPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static CandidateKinds ReadCandidates(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue(CandidateKeysKey, out var raw) || raw.Trim().Length == 0)
        {
            // Chosen from the realistic corpus's figures (docs/diagnostics/INF005.md).
            return CandidateKinds.NearMisses | CandidateKinds.ScreamingSnake | CandidateKinds.AllInApps;
        }

        var kinds = CandidateKinds.None;
        foreach (var word in Split(raw))
        {
            kinds |= word.ToLowerInvariant() switch
            {
                "screaming_snake" or "pattern" => CandidateKinds.ScreamingSnake,
                "near_misses" => CandidateKinds.NearMisses,
                "manifest_sections" => CandidateKinds.ManifestSections,
                "all" => CandidateKinds.All,
                "all_in_apps" => CandidateKinds.AllInApps,
                _ => CandidateKinds.None,
            };
        }

        return kinds;
    }

    private static Regex ReadPattern(AnalyzerConfigOptions options, out string? error)
    {
        error = null;
        if (options.TryGetValue(CandidatePatternKey, out var raw) && raw.Trim().Length > 0)
        {
            try
            {
                return new Regex(raw.Trim(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
            }
            catch (ArgumentException ex)
            {
                // An invalid pattern falls back to the default (and INF004 says so) rather than breaking the build.
                error = "it is not a valid .NET regular expression (" + ex.Message + "); the default pattern is used";
            }
        }

        return DefaultRegex;
    }

    private static List<string> ReadList(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var raw) ? Split(raw) : new List<string>();

    private static List<string> Split(string raw)
    {
        var list = new List<string>();
        foreach (var part in raw.Split(new[] { ',', ' ', '\t', '|' }, StringSplitOptions.RemoveEmptyEntries))
        {
            list.Add(part.Trim());
        }

        return list;
    }
}
