using System;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Build.Core.Output;
using Infisical.Client;
using Infisical.Client.Envelope;
using Infisical.Client.Kms;

namespace Infisical.Build.Core.Encryption;

/// <summary>
/// Encrypt mode's output: the rendered settings JSON stays in memory and only its envelope reaches disk (the atomic
/// writer's temporary file holds the envelope too). Every call makes a fresh data key, so the caller decides
/// whether a write is due (changed snapshot or missing file); an unchanged snapshot must not call this at all.
/// </summary>
internal static class EncryptedOutputWriter
{
    /// <summary>Encrypts <paramref name="settingsJson"/> and writes the envelope; returns the key id used.</summary>
    public static async Task<string> WriteAsync(
        string path, string settingsJson, EncryptModeSettings mode, string host, string projectId, string environment,
        KmsClient kms, CancellationToken cancellationToken)
    {
        var keyId = mode.KeyId ?? await ResolveAsync(mode.KeyName!, projectId, kms, cancellationToken).ConfigureAwait(false);
        var payload = new UTF8Encoding(false).GetBytes(settingsJson);
        byte[] file;
        try
        {
            file = await EncryptedSettingsEnvelope.EncryptAsync(
                payload, new EnvelopeHeader(keyId, host, projectId, environment), kms, cancellationToken).ConfigureAwait(false);
        }
        catch (InfisicalApiException e)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.KmsEncryptFailed,
                $"Infisical KMS refused to wrap the settings key with key '{keyId}' ({(int)e.StatusCode} {e.Error}). Check that the key exists, is enabled and that the build identity may encrypt with it.");
        }
        finally
        {
            Array.Clear(payload, 0, payload.Length);
        }

        // The envelope is ASCII, so writing it as text is byte-exact.
        AtomicFileWriter.WriteIfChanged(path, Encoding.ASCII.GetString(file));
        return keyId;
    }

    private static async Task<string> ResolveAsync(string keyName, string projectId, KmsClient kms, CancellationToken cancellationToken)
    {
        try
        {
            return (await kms.GetKeyByNameAsync(keyName, projectId, cancellationToken).ConfigureAwait(false)).Id;
        }
        catch (InfisicalApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new InfisicalBuildException(
                InfisicalBuildErrors.KmsKeyNotFound,
                $"No KMS key named '{keyName}' in project '{projectId}' (InfisicalKmsKeyName). Create it under KMS in the project, or set InfisicalKmsKeyId.");
        }
    }
}
