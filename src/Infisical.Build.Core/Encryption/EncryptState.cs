using System;
using System.IO;
using System.Text;
using Infisical.Build.Core.Pipeline;
using Infisical.Build.Core.Snapshots;

namespace Infisical.Build.Core.Encryption;

/// <summary>
/// What the current encrypted settings file was made from: the key setting, the render settings and a digest of
/// each source's sealed store entry, plus a digest of the file itself. A 304 leaves the entries' envelopes as they
/// are, so an unchanged description means the file is current and no KMS call is due (a re-encryption would
/// produce new bytes for the same settings). Digests are of ciphertext, so the file reveals nothing about values.
/// </summary>
internal static class EncryptState
{
    private const string Header = "infisical-encrypt-state 1";

    public static string Describe(EncryptModeSettings mode, OutputRequest request, System.Collections.Generic.IReadOnlyList<SecretSnapshot> snapshots)
    {
        var text = new StringBuilder()
            .Append(Header).Append('\n')
            .Append("key=").Append(mode.KeyId ?? "name:" + mode.KeyName).Append('\n')
            .Append("json=").Append(request.JsonPath).Append('\n')
            .Append("manifest=").Append(request.ManifestPath).Append('\n')
            .Append("required=").Append(string.Join(",", request.RequiredSecrets)).Append('\n')
            .Append("duplicates-are-errors=").Append(request.DuplicatesAreErrors ? "true" : "false").Append('\n')
            .Append("skip-unrepresentable=").Append(request.SkipUnrepresentable ? "true" : "false").Append('\n');
        foreach (var snapshot in snapshots)
        {
            text.Append("source=").Append(snapshot.Source.Key).Append(' ').Append(Sha256(Encoding.ASCII.GetBytes(snapshot.SealedEnvelope!))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>True when the state file records <paramref name="description"/> and both files are as it left them.</summary>
    public static bool IsCurrent(string statePath, string description, OutputRequest request)
    {
        if (!File.Exists(statePath) || request.JsonPath == null || !File.Exists(request.JsonPath) || !File.Exists(request.ManifestPath))
        {
            return false;
        }

        return File.ReadAllText(statePath) == Complete(description, request.JsonPath);
    }

    public static void Record(string statePath, string description, OutputRequest request) =>
        AtomicFileWriter.WriteIfChanged(statePath, Complete(description, request.JsonPath!));

    private static string Complete(string description, string jsonPath) => description + "output=" + Sha256(File.ReadAllBytes(jsonPath)) + "\n";

    private static string Sha256(byte[] bytes) => Infisical.Client.Envelope.EncryptedSettingsEnvelope.Digest(bytes);
}
