using System;
using System.Collections.Immutable;

namespace Infisical.Analyzers.Generation;

/// <summary>One constant to generate: the secret name and where the manifest says it lives.</summary>
internal readonly struct SecretNameEntry : IEquatable<SecretNameEntry>
{
    public SecretNameEntry(string name, string environment, string path)
    {
        Name = name;
        Environment = environment;
        Path = path;
    }

    public string Name { get; }

    public string Environment { get; }

    public string Path { get; }

    public bool Equals(SecretNameEntry other) =>
        Name == other.Name && Environment == other.Environment && Path == other.Path;

    public override bool Equals(object? obj) => obj is SecretNameEntry other && Equals(other);

    public override int GetHashCode() => (Name.GetHashCode() * 31 + Environment.GetHashCode()) * 31 + Path.GetHashCode();
}

/// <summary>
/// The names read from one manifest file, or null entries when the file is malformed. Compared by value so
/// the incremental pipeline skips regeneration when a rebuilt manifest lists the same names.
/// </summary>
internal sealed class ManifestNames : IEquatable<ManifestNames>
{
    public ManifestNames(string path, ImmutableArray<SecretNameEntry>? entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>The manifest file's path: manifests are merged in ordinal order of their paths.</summary>
    public string Path { get; }

    /// <summary>The names, or null when the manifest could not be read (INF003 reports why).</summary>
    public ImmutableArray<SecretNameEntry>? Entries { get; }

    public bool Equals(ManifestNames? other) =>
        other is not null && Path == other.Path && SequenceEqual(Entries, other.Entries);

    public override bool Equals(object? obj) => Equals(obj as ManifestNames);

    public override int GetHashCode() => Entries is { } e ? e.Length : -1;

    internal static bool SequenceEqual(ImmutableArray<SecretNameEntry>? a, ImmutableArray<SecretNameEntry>? b)
    {
        if (a is not { } left || b is not { } right)
        {
            return a is null && b is null;
        }

        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!left[i].Equals(right[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The generator's MSBuild inputs: whether to generate, and the namespace to generate into.</summary>
internal sealed class GeneratorOptions : IEquatable<GeneratorOptions>
{
    public GeneratorOptions(bool enabled, string? @namespace)
    {
        Enabled = enabled;
        Namespace = @namespace;
    }

    public bool Enabled { get; }

    /// <summary>A valid dotted namespace, or null for the global namespace.</summary>
    public string? Namespace { get; }

    public bool Equals(GeneratorOptions? other) =>
        other is not null && Enabled == other.Enabled && Namespace == other.Namespace;

    public override bool Equals(object? obj) => Equals(obj as GeneratorOptions);

    public override int GetHashCode() => (Namespace?.GetHashCode() ?? 0) ^ (Enabled ? 1 : 0);
}
