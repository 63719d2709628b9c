using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Infisical.Analyzers.Manifest;

namespace Infisical.Analyzers.Configuration;

/// <summary>A close known name found for a missing one: an Infisical secret, or a key another source provides.</summary>
internal sealed class CloseName
{
    public CloseName(string name, ManifestSecret? secret, string? origin)
    {
        Name = name;
        Secret = secret;
        Origin = origin;
    }

    /// <summary>The secret name as in the manifest, or the configuration key as another source spells it.</summary>
    public string Name { get; }

    /// <summary>The secret (or the first secret under the section) when the name is Infisical's.</summary>
    public ManifestSecret? Secret { get; }

    /// <summary>The file that provides the name when it is not Infisical's ("appsettings.json", "user secrets").</summary>
    public string? Origin { get; }
}

/// <summary>
/// Every name the compilation can see, indexed for O(1) lookups: the manifests' secret names (exact and as
/// configuration keys, each with the source it came from), and keys other configuration sources provide
/// (appsettings*.json, launchSettings.json, user secrets). Built once per compilation.
/// </summary>
internal sealed class KnownNames
{
    // Beyond this many distinct missing names (an IDE session typing one literal after another) searches are no longer remembered.
    private const int MaxRemembered = 4096;

    // The last names built, reused while every compilation sees the same manifests and other sources: the
    // parsed files are cached already, so each build of the same project would otherwise index the same names
    // again, and search them again for the same missing names.
    private static Cached? s_last;

    // Missing names repeat across files (the same key read in many places): search for a close name once.
    private readonly ConcurrentDictionary<string, CloseName?> _closest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManifestSecret> _secretNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _secretNamesIgnoringCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _secretKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ManifestSecret> _secretSections = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _secretTopSections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _otherKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _otherSections = new(StringComparer.OrdinalIgnoreCase);

    // Search lists for "did you mean", in the order ties are broken: Infisical first, first listing first.
    private readonly List<ManifestSecret> _secretList = new();
    private readonly List<KeyValuePair<string, ManifestSecret>> _sectionList = new();
    private readonly List<KeyValuePair<string, string>> _otherKeyList = new();
    private readonly List<KeyValuePair<string, string>> _otherSectionList = new();

    // Both inputs come in a deterministic order (files by path): the first listing of a name is the one a message names.
    public KnownNames(IReadOnlyList<SecretManifest> manifests, IEnumerable<KeyValuePair<string, string>> otherSourceKeys)
    {
        foreach (var manifest in manifests)
        {
            foreach (var secret in manifest.Secrets)
            {
                AddSecret(secret);
            }
        }

        foreach (var pair in otherSourceKeys)
        {
            var configKey = KeyNames.ToConfigurationKey(pair.Key);
            if (!_otherKeys.ContainsKey(configKey))
            {
                _otherKeys.Add(configKey, pair.Value);
                _otherKeyList.Add(new KeyValuePair<string, string>(configKey, pair.Value));
            }

            foreach (var prefix in KeyNames.SectionPrefixes(configKey))
            {
                if (!_otherSections.ContainsKey(prefix))
                {
                    _otherSections.Add(prefix, pair.Value);
                    _otherSectionList.Add(new KeyValuePair<string, string>(prefix, pair.Value));
                }
            }
        }
    }

    /// <summary>
    /// The names of these manifests (parsed-file instances, ordered by path) and other sources' keys: the
    /// previous compilation's when they are the same, else built now.
    /// </summary>
    public static KnownNames For(IReadOnlyList<SecretManifest> manifests, IReadOnlyList<KeyValuePair<string, string>> otherSourceKeys)
    {
        var last = s_last;
        if (last is not null && last.Matches(manifests, otherSourceKeys))
        {
            return last.Names;
        }

        var names = new KnownNames(manifests, otherSourceKeys);
        s_last = new Cached(manifests, otherSourceKeys, names);
        return names;
    }

    /// <summary>
    /// <see cref="FindClosest"/>, remembered per name and mode.
    /// </summary>
    /// <param name="name">The name to look up.</param>
    /// <param name="mode">'x' exact names, 'k' configuration keys, 's' configuration keys and sections.</param>
    public CloseName? Closest(string name, char mode)
    {
        var key = mode + name;
        if (_closest.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = FindClosest(name, asConfigurationKey: mode != 'x', includeSections: mode == 's');
        if (_closest.Count < MaxRemembered)
        {
            _closest.TryAdd(key, found);
        }

        return found;
    }

    /// <summary>True when the exact (case-sensitive) secret name is in a manifest.</summary>
    public bool HasSecret(string name) => _secretNames.ContainsKey(name);

    /// <summary>The manifest name differing from this one only by case, if any.</summary>
    public string? SecretIgnoringCase(string name) =>
        _secretNamesIgnoringCase.TryGetValue(name, out var found) ? found : null;

    /// <summary>The first listing of a secret name (ordinal), for the source it came from.</summary>
    public ManifestSecret? Secret(string name) => _secretNames.TryGetValue(name, out var secret) ? secret : null;

    /// <summary>True when a manifest secret or another source provides this configuration key (case-insensitive).</summary>
    public bool ProvidesKey(string configurationKey) =>
        _secretKeys.Contains(configurationKey) || _otherKeys.ContainsKey(configurationKey);

    /// <summary>True when some known key lives under this section.</summary>
    public bool ProvidesSection(string configurationKey) =>
        _secretSections.ContainsKey(configurationKey) || _otherSections.ContainsKey(configurationKey);

    /// <summary>True when another source (not Infisical) provides the key or section.</summary>
    public bool OtherSourceProvides(string configurationKey) =>
        _otherKeys.ContainsKey(configurationKey) || _otherSections.ContainsKey(configurationKey);

    /// <summary>True when the key's first section is one the manifest uses ("ConnectionStrings").</summary>
    public bool IsInManifestSection(string configurationKey) =>
        configurationKey.IndexOf(':') > 0 && _secretTopSections.Contains(KeyNames.FirstSegment(configurationKey));

    /// <summary>
    /// The closest known name within typo distance: Infisical's names first, then keys of the other sources.
    /// Compared as configuration keys (case-insensitive) or as exact secret names. Runs only for names that
    /// are missing, once per distinct name.
    /// </summary>
    public CloseName? FindClosest(string wanted, bool asConfigurationKey, bool includeSections = false)
    {
        var max = EditDistance.Threshold(wanted.Length);
        CloseName? best = null;
        var bestDistance = max + 1;
        foreach (var secret in _secretList)
        {
            var candidate = asConfigurationKey ? KeyNames.ToConfigurationKey(secret.Name) : secret.Name;
            var distance = EditDistance.Compute(wanted, candidate, max, ignoreCase: true);
            if (!asConfigurationKey && distance == 0 && !string.Equals(wanted, candidate, StringComparison.Ordinal))
            {
                // Same letters, different case: for exact names that is a real difference, and the best hint.
                return new CloseName(secret.Name, secret, null);
            }

            if (distance < bestDistance)
            {
                best = new CloseName(secret.Name, secret, null);
                bestDistance = distance;
            }
        }

        if (includeSections)
        {
            foreach (var section in _sectionList)
            {
                var distance = EditDistance.Compute(wanted, section.Key, max, ignoreCase: true);
                if (distance < bestDistance)
                {
                    best = new CloseName(section.Key, section.Value, null);
                    bestDistance = distance;
                }
            }
        }

        // Other sources hold configuration keys; an environment variable is compared in its key form.
        var wantedKey = asConfigurationKey ? wanted : KeyNames.ToConfigurationKey(wanted);
        foreach (var list in includeSections ? new[] { _otherKeyList, _otherSectionList } : new[] { _otherKeyList })
        {
            foreach (var pair in list)
            {
                var distance = EditDistance.Compute(wantedKey, pair.Key, max, ignoreCase: true);
                if (distance > 0 && distance < bestDistance)
                {
                    best = new CloseName(asConfigurationKey ? pair.Key : pair.Key.Replace(":", "__"), null, pair.Value);
                    bestDistance = distance;
                }
            }
        }

        return best;
    }

    internal sealed class Cached
    {
        private readonly SecretManifest[] _manifests;
        private readonly KeyValuePair<string, string>[] _otherKeys;

        public Cached(IReadOnlyList<SecretManifest> manifests, IReadOnlyList<KeyValuePair<string, string>> otherKeys, KnownNames names)
        {
            _manifests = new SecretManifest[manifests.Count];
            for (var i = 0; i < _manifests.Length; i++)
            {
                _manifests[i] = manifests[i];
            }

            _otherKeys = new KeyValuePair<string, string>[otherKeys.Count];
            for (var i = 0; i < _otherKeys.Length; i++)
            {
                _otherKeys[i] = otherKeys[i];
            }

            Names = names;
        }

        public KnownNames Names { get; }

        public bool Matches(IReadOnlyList<SecretManifest> manifests, IReadOnlyList<KeyValuePair<string, string>> otherKeys)
        {
            if (manifests.Count != _manifests.Length || otherKeys.Count != _otherKeys.Length)
            {
                return false;
            }

            for (var i = 0; i < _manifests.Length; i++)
            {
                if (!ReferenceEquals(manifests[i], _manifests[i]))
                {
                    return false;
                }
            }

            for (var i = 0; i < _otherKeys.Length; i++)
            {
                if (!string.Equals(otherKeys[i].Key, _otherKeys[i].Key, StringComparison.Ordinal) ||
                    !string.Equals(otherKeys[i].Value, _otherKeys[i].Value, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private void AddSecret(ManifestSecret secret)
    {
        var name = secret.Name;
        if (_secretNames.ContainsKey(name))
        {
            return;
        }

        _secretNames.Add(name, secret);
        _secretList.Add(secret);
        if (!_secretNamesIgnoringCase.ContainsKey(name))
        {
            _secretNamesIgnoringCase.Add(name, name);
        }

        var key = KeyNames.ToConfigurationKey(name);
        _secretKeys.Add(key);

        foreach (var prefix in KeyNames.SectionPrefixes(key))
        {
            if (!_secretSections.ContainsKey(prefix))
            {
                _secretSections.Add(prefix, secret);
                _sectionList.Add(new KeyValuePair<string, ManifestSecret>(prefix, secret));
            }
        }

        if (key.IndexOf(':') > 0)
        {
            _secretTopSections.Add(KeyNames.FirstSegment(key));
        }
    }
}
