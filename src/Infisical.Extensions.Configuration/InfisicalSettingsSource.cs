using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Configuration;
using Infisical.Client;
using Microsoft.Extensions.Configuration.Json;

namespace Infisical.Extensions.Configuration;

/// <summary>
/// The generated settings file as a configuration source. It is a JSON file source whose reader first checks
/// whether the file is encrypted (and then opens it with Infisical KMS), and it records where it looked.
/// </summary>
public sealed class InfisicalSettingsSource : JsonConfigurationSource
{
    internal InfisicalSettingsSource(string? resolvedPath, IReadOnlyList<string> searchedPaths, InfisicalSettingsOptions options)
    {
        ResolvedPath = resolvedPath;
        SearchedPaths = searchedPaths;
        Options = options;
    }

    internal InfisicalSettingsOptions Options { get; }

    /// <summary>The file in use, or null when none was found (only possible when optional).</summary>
    public string? ResolvedPath { get; }

    /// <summary>True when no file was found and the source is optional: it then provides no values.</summary>
    public bool IsMissing => ResolvedPath == null;

    /// <summary>Every path looked at, in order.</summary>
    public IReadOnlyList<string> SearchedPaths { get; }

    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new InfisicalSettingsProvider(this);
    }
}

/// <summary>Reads the file through <see cref="SettingsFileFormat"/> so an encrypted file is decrypted before the JSON reader sees it.</summary>
internal sealed class InfisicalSettingsProvider : JsonConfigurationProvider
{
    private readonly InfisicalSettingsSource _source;

    public InfisicalSettingsProvider(InfisicalSettingsSource source)
        : base(source) => _source = source;

    public override void Load()
    {
        try
        {
            base.Load();
        }
        catch (InvalidDataException e) when (e.InnerException is InfisicalConfigurationException or InfisicalException)
        {
            // The file provider wraps every read failure as "failed to load"; ours already says what to fix, and
            // the typed envelope exceptions (tampered, mismatch, key) are what callers catch.
            throw e.InnerException;
        }
    }

    public override void Load(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        using var plain = SettingsFileFormat.Open(buffer.ToArray(), _source.ResolvedPath ?? _source.Path ?? string.Empty, _source.Options);
        base.Load(plain);
    }
}
