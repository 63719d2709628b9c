using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Infisical.Build.Core.Rendering;

/// <summary>
/// Renders the names manifest (<c>infisical.manifest.json</c>, schema in docs/architecture.md) the analyzer
/// reads. It holds where the secrets came from and their names and folders: never a value.
/// </summary>
internal static class ManifestWriter
{
    public const int SchemaVersion = 1;

    public static string Render(SecretQuery query, IReadOnlyList<FetchedSecret> secrets)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", SchemaVersion);
            writer.WriteString("host", query.Host);
            WriteOptional(writer, "projectId", query.ProjectId);
            WriteOptional(writer, "projectSlug", query.ProjectSlug);
            writer.WriteString("environment", query.Environment);
            writer.WriteString("secretPath", query.SecretPath);
            writer.WriteBoolean("recursive", query.Recursive);
            writer.WriteStartArray("secrets");
            foreach (var secret in secrets.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Path, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name", secret.Name);
                writer.WriteString("path", secret.Path);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }
}
