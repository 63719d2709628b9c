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
/// 0600 and replaced atomically. Warm builds and offline fallback read it; nothing else does.
/// </summary>
internal sealed class SnapshotStore
{
    private const int SchemaVersion = 1;

    public SnapshotStore(string directory) => Directory = directory;

    public string Directory { get; }

    public string PathFor(SourceSpec source) => Path.Combine(Directory, source.Key + ".snapshot.json");

    /// <summary>The stored snapshot of this exact source, or null when there is none (or it is for other settings).</summary>
    public SecretSnapshot? TryRead(SourceSpec source) => TryReadFile(PathFor(source), source);

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

            var secrets = new List<FetchedSecret>();
            foreach (var item in root.GetProperty("secrets").EnumerateArray())
            {
                secrets.Add(new FetchedSecret(item.GetProperty("name").GetString()!, item.GetProperty("path").GetString()!, item.GetProperty("value").GetString()!));
            }

            var fetchedAt = DateTimeOffset.Parse(root.GetProperty("fetchedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var etag = root.TryGetProperty("etag", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return new SecretSnapshot(source, fetchedAt, etag, secrets);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.StoreUnreadable,
                $"The stored Infisical snapshot '{path}' is damaged or unreadable ({ex.GetType().Name}). Delete it (or run 'dotnet clean') and build again.");
        }
    }

    /// <summary>Writes (only when changed) and returns the file's path.</summary>
    public string Write(SecretSnapshot snapshot)
    {
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

            writer.WriteStartArray("secrets");
            foreach (var secret in snapshot.Secrets)
            {
                writer.WriteStartObject();
                writer.WriteString("name", secret.Name);
                writer.WriteString("path", secret.Path);
                writer.WriteString("value", secret.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
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
