using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Infisical.Build.Core.Output;

namespace Infisical.Build.Core.Snapshots;

/// <summary>
/// Snapshots on disk, one file per source (named by <see cref="SourceSpec.Key"/>) in a 0700 folder, each file
/// 0600 and replaced atomically. Warm builds and offline fallback read it; nothing else does. A sealed store
/// (encrypt mode) keeps each source's secrets only as an envelope, in a file of its own name, and removes the
/// plaintext entry a pull-mode build of the same source may have left: the store is under obj/, and encrypt mode
/// promises no plaintext there.
/// </summary>
internal sealed class SnapshotStore
{
    private const int SchemaVersion = 1;

    public SnapshotStore(string directory, bool sealedEntries = false)
    {
        Directory = directory;
        SealedEntries = sealedEntries;
    }

    public string Directory { get; }

    /// <summary>Encrypt mode: entries hold envelopes, never plaintext.</summary>
    public bool SealedEntries { get; }

    public string PathFor(SourceSpec source) => PathFor(source, SealedEntries);

    private string PathFor(SourceSpec source, bool sealedEntry) => Path.Combine(Directory, source.Key + (sealedEntry ? ".sealed" : string.Empty) + ".snapshot.json");

    /// <summary>The stored snapshot of this exact source, or null when there is none (or it is for other settings).</summary>
    public SecretSnapshot? TryRead(SourceSpec source)
    {
        if (SealedEntries)
        {
            RemovePlaintextEntry(source);
        }

        return TryReadFile(PathFor(source), source);
    }

    private void RemovePlaintextEntry(SourceSpec source)
    {
        var plain = PathFor(source, sealedEntry: false);
        if (!File.Exists(plain))
        {
            return;
        }

        try
        {
            File.Delete(plain);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.WriteFailed,
                $"InfisicalMode=encrypt could not remove the plaintext snapshot '{plain}' left by a pull-mode build ({ex.GetType().Name}). Delete it (or run 'dotnet clean').");
        }
    }

    /// <summary>Reads a snapshot file; an unreadable one is INFB031 (the store is ours: a damaged file is news).</summary>
    public static SecretSnapshot? TryReadFile(string path, SourceSpec? expected = null)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.GetProperty("schemaVersion").GetInt32() != SchemaVersion)
            {
                return null;
            }

            var source = ReadSource(root.GetProperty("source"));
            if (expected != null && !expected.SameAs(source))
            {
                return null;
            }

            var fetchedAt = DateTimeOffset.Parse(root.GetProperty("fetchedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var etag = root.TryGetProperty("etag", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (root.TryGetProperty("sealed", out var sealedEnvelope))
            {
                return SecretSnapshot.FromStore(source, fetchedAt, etag, sealedEnvelope.GetString()!, root.GetProperty("count").GetInt32());
            }

            return new SecretSnapshot(source, fetchedAt, etag, ReadSecrets(root.GetProperty("secrets")));
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.StoreUnreadable,
                $"The stored Infisical snapshot '{path}' is damaged or unreadable ({ex.GetType().Name}). Delete it (or run 'dotnet clean') and build again.");
        }
    }

    /// <summary>Reads the plaintext secrets of a store entry or of an unsealed envelope payload.</summary>
    public static List<FetchedSecret> ReadSecrets(JsonElement array)
    {
        var secrets = new List<FetchedSecret>();
        foreach (var item in array.EnumerateArray())
        {
            secrets.Add(new FetchedSecret(item.GetProperty("name").GetString()!, item.GetProperty("path").GetString()!, item.GetProperty("value").GetString()!));
        }

        return secrets;
    }

    /// <summary>The secrets as the JSON array a store entry (or a sealed payload) holds.</summary>
    public static void WriteSecrets(Utf8JsonWriter writer, IReadOnlyList<FetchedSecret> secrets)
    {
        writer.WriteStartArray();
        foreach (var secret in secrets)
        {
            writer.WriteStartObject();
            writer.WriteString("name", secret.Name);
            writer.WriteString("path", secret.Path);
            writer.WriteString("value", secret.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes (only when changed) and returns the file's path.</summary>
    public string Write(SecretSnapshot snapshot)
    {
        if (snapshot.IsSealed != SealedEntries)
        {
            // A programming error, never a user's: the store's promise (no plaintext in encrypt mode) rests on it.
            throw new InvalidOperationException(SealedEntries ? "A sealed store was given a plaintext snapshot." : "A plaintext store was given a sealed snapshot.");
        }

        SecureDirectory.Create(Directory);
        var path = PathFor(snapshot.Source);
        AtomicFileWriter.WriteIfChanged(path, Render(snapshot));
        return path;
    }

    private static string Render(SecretSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", SchemaVersion);
            writer.WritePropertyName("source");
            WriteSource(writer, snapshot.Source);
            writer.WriteString("fetchedAt", snapshot.FetchedAt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
            if (snapshot.ETag != null)
            {
                writer.WriteString("etag", snapshot.ETag);
            }

            if (snapshot.IsSealed)
            {
                writer.WriteNumber("count", snapshot.Count);
                writer.WriteString("sealed", snapshot.SealedEnvelope);
            }
            else
            {
                writer.WritePropertyName("secrets");
                WriteSecrets(writer, snapshot.Secrets);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSource(Utf8JsonWriter writer, SourceSpec source)
    {
        writer.WriteStartObject();
        writer.WriteString("host", source.Host);
        writer.WriteString("projectId", source.ProjectId);
        writer.WriteString("projectSlug", source.ProjectSlug);
        writer.WriteString("environment", source.Environment);
        writer.WriteString("secretPath", source.SecretPath);
        writer.WriteBoolean("recursive", source.Recursive);
        writer.WriteBoolean("includeImports", source.IncludeImports);
        writer.WriteBoolean("expandSecretReferences", source.ExpandSecretReferences);
        writer.WriteString("tagSlugs", source.TagSlugs);
        writer.WriteEndObject();
    }

    private static SourceSpec ReadSource(JsonElement e) => new(
        e.GetProperty("host").GetString()!,
        e.GetProperty("projectId").GetString(),
        e.GetProperty("projectSlug").GetString(),
        e.GetProperty("environment").GetString()!,
        e.GetProperty("secretPath").GetString()!,
        e.GetProperty("recursive").GetBoolean(),
        e.GetProperty("includeImports").GetBoolean(),
        e.GetProperty("expandSecretReferences").GetBoolean(),
        e.GetProperty("tagSlugs").GetString());
}
