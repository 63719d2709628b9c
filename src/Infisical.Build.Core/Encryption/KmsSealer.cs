using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Build.Core.Snapshots;
using Infisical.Client;
using Infisical.Client.Envelope;

namespace Infisical.Build.Core.Encryption;

/// <summary>
/// Encrypt mode's one cipher: seals a payload into an encrypted-settings envelope (docs/encrypted-settings.md) and
/// opens one again, through a logged-in client's KMS. Used for the store's entries (so obj/ never holds a value)
/// and for the settings file itself. Every seal makes a fresh data key, so the callers decide when a write is due:
/// an unchanged snapshot must not reach this class at all. The KMS key name, when that is what was given, is
/// resolved once per instance.
/// </summary>
internal sealed class KmsSealer
{
    private readonly EncryptModeSettings _mode;
    private string? _keyId;

    public KmsSealer(EncryptModeSettings mode)
    {
        if (!mode.Encrypt)
        {
            throw new ArgumentException("Pull mode seals nothing.", nameof(mode));
        }

        _mode = mode;
    }

    /// <summary>The KMS key id in use, once a seal has resolved it.</summary>
    public string? KeyId => _keyId ?? _mode.KeyId;

    /// <summary>A plaintext snapshot with its secrets replaced by their envelope (one KMS encrypt call).</summary>
    public async Task<SecretSnapshot> SealAsync(SecretSnapshot snapshot, InfisicalClient client, CancellationToken cancellationToken)
    {
        var payload = Payload(snapshot.Secrets);
        try
        {
            return snapshot.Sealed(await SealAsync(payload, snapshot.Source, client, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            Array.Clear(payload, 0, payload.Length);
        }
    }

    /// <summary>A sealed snapshot's secrets in plaintext, in memory only (one KMS decrypt call).</summary>
    public async Task<SecretSnapshot> UnsealAsync(SecretSnapshot snapshot, InfisicalClient client, CancellationToken cancellationToken)
    {
        var payload = await OpenAsync(snapshot.SealedEnvelope!, snapshot.Source, client, "the stored snapshot of " + snapshot.Source.Describe(), cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(payload);
            return new SecretSnapshot(snapshot.Source, snapshot.FetchedAt, snapshot.ETag, SnapshotStore.ReadSecrets(document.RootElement));
        }
        finally
        {
            Array.Clear(payload, 0, payload.Length);
        }
    }

    /// <summary>Seals <paramref name="payload"/> under the configured key, with <paramref name="source"/>'s host, project and environment in the header.</summary>
    public async Task<string> SealAsync(byte[] payload, SourceSpec source, InfisicalClient client, CancellationToken cancellationToken)
    {
        var projectId = await ProjectIdAsync(source, client, cancellationToken).ConfigureAwait(false);
        var keyId = _keyId ??= _mode.KeyId ?? await ResolveKeyAsync(projectId, client, cancellationToken).ConfigureAwait(false);
        try
        {
            var file = await EncryptedSettingsEnvelope.EncryptAsync(
                payload, new EnvelopeHeader(keyId, source.Host, projectId, source.Environment), client.Kms, cancellationToken).ConfigureAwait(false);

            // The envelope is ASCII by its definition, so the text is byte-exact.
            return Encoding.ASCII.GetString(file);
        }
        catch (InfisicalApiException e) when (!IsTokenProblem(e))
        {
            // The status only: a server's error text could echo the request, and the request carried the data key.
            throw new InfisicalBuildException(
                InfisicalBuildErrors.KmsEncryptFailed,
                $"Infisical KMS refused to wrap the settings key with key '{keyId}' (HTTP {(int)e.StatusCode}). Check that the key exists, is enabled and that the build identity may encrypt with it.");
        }
    }

    private async Task<byte[]> OpenAsync(string envelope, SourceSpec source, InfisicalClient client, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await EncryptedSettingsEnvelope.DecryptAsync(
                Encoding.ASCII.GetBytes(envelope), client.Kms, new EnvelopeExpectations { Host = source.Host, Environment = source.Environment }, cancellationToken).ConfigureAwait(false);
        }
        catch (EncryptedSettingsKeyException e) when (e.InnerException is InfisicalApiException api && IsTokenProblem(api))
        {
            // Let the caller's re-login handle an expired or revoked token.
            throw api;
        }
        catch (EncryptedSettingsException e)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.SealedEntryUnusable,
                $"Infisical could not open {what}: {e.Message} Build once with -p:InfisicalRefresh=true (or run 'dotnet clean') to fetch and seal it again.");
        }
    }

    private static bool IsTokenProblem(InfisicalApiException e) => e.IsTokenError || e.StatusCode == HttpStatusCode.Unauthorized;

    private static async Task<string> ProjectIdAsync(SourceSpec source, InfisicalClient client, CancellationToken cancellationToken) =>
        source.ProjectId ?? (await client.Projects.GetAsync(null, source.ProjectSlug, cancellationToken).ConfigureAwait(false)).Id;

    private async Task<string> ResolveKeyAsync(string projectId, InfisicalClient client, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.Kms.GetKeyByNameAsync(_mode.KeyName!, projectId, cancellationToken).ConfigureAwait(false)).Id;
        }
        catch (InfisicalApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.KmsKeyNotFound,
                $"No KMS key named '{_mode.KeyName}' in project '{projectId}' (InfisicalKmsKeyName). Create it under KMS in the project, or set InfisicalKmsKeyId.");
        }
    }

    private static byte[] Payload(IReadOnlyList<FetchedSecret> secrets)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            SnapshotStore.WriteSecrets(writer, secrets);
        }

        return stream.ToArray();
    }
}
