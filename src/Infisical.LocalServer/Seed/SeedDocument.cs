using System;
using System.IO;
using System.Text.Json;

namespace Infisical.LocalServer;

/// <summary>
/// The seed JSON: <c>{ "identities": [...], "projects": [...], "rateLimit": {...} }</c> (format in docs/local-server.md).
/// Unknown fields are kept in the raw JSON for other modules to read.
/// </summary>
public sealed class SeedDocument
{
    private SeedDocument(JsonElement root) => Root = root;

    /// <summary>The whole document.</summary>
    internal JsonElement Root { get; }

    /// <summary>A document with no identities and no projects.</summary>
    public static SeedDocument Empty => Parse("{}");

    /// <summary>Parses seed JSON; throws <see cref="SeedException"/> naming the problem (never a value).</summary>
    public static SeedDocument Parse(string json)
    {
        if (json == null)
        {
            throw new SeedException("seed: no document was given.");
        }

        var raw = LoneSurrogates.IndexIn(json);
        if (raw >= 0)
        {
            throw new SeedException($"seed: the text holds a lone UTF-16 surrogate at character {raw}; names and values must be valid Unicode.");
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SeedException("seed: the document must be a JSON object with \"identities\" and \"projects\" arrays.");
            }

            // An escaped lone surrogate ("\ud800") parses, but reading it later throws deep inside the loader.
            if (LoneSurrogates.PathIn(document.RootElement) is { } where)
            {
                throw new SeedException($"seed: {where} escapes a lone UTF-16 surrogate; names and values must be valid Unicode.");
            }

            return new SeedDocument(document.RootElement.Clone());
        }
        catch (JsonException ex)
        {
            throw new SeedException($"seed: not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine}).");
        }
    }

    /// <summary>Reads and parses a seed file.</summary>
    public static SeedDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SeedException($"seed: file '{path}' does not exist.");
        }

        return Parse(File.ReadAllText(path));
    }
}

/// <summary>A seed document that cannot be used; the message names the field to fix.</summary>
public sealed class SeedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SeedException(string message)
        : base(message)
    {
    }
}
