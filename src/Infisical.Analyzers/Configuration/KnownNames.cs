using System;
using System.Collections.Generic;
using Infisical.Analyzers.Manifest;

namespace Infisical.Analyzers.Configuration;

/// <summary>
/// Every name the compilation can see, indexed for O(1) lookups: the manifest's secret names (exact and as
/// configuration keys), and keys other configuration sources provide (appsettings*.json, launchSettings.json).
/// Built once per compilation.
/// </summary>
internal sealed class KnownNames
{
    private readonly HashSet<string> _secretNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _secretNamesIgnoringCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _secretKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _secretSections = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _secretTopSections = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _otherKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _otherSections = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _allSecretNames = new();
    private readonly List<string> _allSecretNamesAndSections = new();

    public KnownNames(IReadOnlyList<SecretManifest> manifests, IEnumerable<string> otherSourceKeys)
    {
        foreach (var manifest in manifests)
        {
            foreach (var secret in manifest.Secrets)
            {
                AddSecret(secret.Name);
            }
        }

        foreach (var key in otherSourceKeys)
        {
            var configKey = KeyNames.ToConfigurationKey(key);
            _otherKeys.Add(configKey);
            foreach (var prefix in KeyNames.SectionPrefixes(configKey))
            {
                _otherSections.Add(prefix);
            }
        }
    }

    /// <summary>True when the exact (case-sensitive) secret name is in a manifest.</summary>
    public bool HasSecret(string name) => _secretNames.Contains(name);

    /// <summary>The manifest name differing from this one only by case, if any.</summary>
    public string? SecretIgnoringCase(string name) =>
        _secretNamesIgnoringCase.TryGetValue(name, out var found) ? found : null;

    /// <summary>True when a manifest secret or another source provides this configuration key (case-insensitive).</summary>
    public bool ProvidesKey(string configurationKey) =>
        _secretKeys.Contains(configurationKey) || _otherKeys.Contains(configurationKey);

    /// <summary>True when some known key lives under this section.</summary>
    public bool ProvidesSection(string configurationKey) =>
        _secretSections.Contains(configurationKey) || _otherSections.Contains(configurationKey);

    /// <summary>True when another source (not Infisical) provides the key or section.</summary>
    public bool OtherSourceProvides(string configurationKey) =>
        _otherKeys.Contains(configurationKey) || _otherSections.Contains(configurationKey);

    /// <summary>True when the key's first section is one the manifest uses ("ConnectionStrings").</summary>
    public bool IsInManifestSection(string configurationKey) =>
        configurationKey.IndexOf(':') > 0 && _secretTopSections.Contains(KeyNames.FirstSegment(configurationKey));

    /// <summary>
    /// The closest manifest name within typo distance, compared as configuration keys (case-insensitive)
    /// or as exact names. Runs only for names that are missing, which are rare.
    /// </summary>
    public string? FindClosest(string wanted, bool asConfigurationKey, bool includeSections = false)
    {
        var max = EditDistance.Threshold(wanted.Length);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in includeSections ? _allSecretNamesAndSections : _allSecretNames)
        {
            var candidate = asConfigurationKey ? KeyNames.ToConfigurationKey(name) : name;
            var distance = EditDistance.Compute(wanted, candidate, max, ignoreCase: true);
            if (!asConfigurationKey && distance == 0 && !string.Equals(wanted, candidate, StringComparison.Ordinal))
            {
                // Same letters, different case: for exact names that is a real difference, and the best hint.
                return name;
            }

            if (distance <= max && distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }

        return best;
    }

    private void AddSecret(string name)
    {
        if (!_secretNames.Add(name))
        {
            return;
        }

        _allSecretNames.Add(name);
        _allSecretNamesAndSections.Add(name);
        if (!_secretNamesIgnoringCase.ContainsKey(name))
        {
            _secretNamesIgnoringCase.Add(name, name);
        }

        var key = KeyNames.ToConfigurationKey(name);
        _secretKeys.Add(key);

        foreach (var prefix in KeyNames.SectionPrefixes(key))
        {
            if (_secretSections.Add(prefix))
            {
                _allSecretNamesAndSections.Add(prefix);
            }
        }

        if (key.IndexOf(':') > 0)
        {
            _secretTopSections.Add(KeyNames.FirstSegment(key));
        }
    }
}
