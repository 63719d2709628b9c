using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Infisical.Build.Core.Merging;

namespace Infisical.Build.Core.Rendering;

/// <summary>
/// Renders the names manifest (<c>infisical.manifest.json</c>, schema version 2 in docs/diagnostics/README.md)
/// the analyzer reads: the sources, and each secret's name, folder and source index. Never a value.
/// </summary>
internal static class ManifestWriter
{
    public const int SchemaVersion = 2;

    public static string Render(IReadOnlyList<SourceSpec> sources, IReadOnlyList<MergedSecret> secrets)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", SchemaVersion);
            writer.WriteStartArray("sources");
            foreach (var source in sources)
            {
                writer.WriteStartObject();
                writer.WriteString("host", source.Host);
                WriteOptional(writer, "projectId", source.ProjectId);
                WriteOptional(writer, "projectSlug", source.ProjectSlug);
                writer.WriteString("environment", source.Environment);
                writer.WriteString("secretPath", source.SecretPath);
                writer.WriteBoolean("recursive", source.Recursive);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("secrets");
            foreach (var merged in secrets.OrderBy(s => s.Secret.Name, StringComparer.Ordinal).ThenBy(s => s.Secret.Path, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name", merged.Secret.Name);
                writer.WriteString("path", merged.Secret.Path);
                writer.WriteNumber("source", merged.SourceIndex);
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
