using System;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Kms;

namespace Infisical.Client.Envelope;

/// <summary>Wraps and unwraps an envelope's data key. <see cref="KmsDataKeyWrapper"/> is the real one; tests and benchmarks may stub it.</summary>
public interface IDataKeyWrapper
{
    /// <summary>Wraps the 32-byte data key under <paramref name="keyId"/>; returns printable ASCII (base64).</summary>
    Task<string> WrapAsync(string keyId, byte[] dataKey, CancellationToken cancellationToken);

    /// <summary>Recovers the data key. Throws <see cref="EncryptedSettingsKeyException"/> when the key cannot unwrap it.</summary>
    Task<byte[]> UnwrapAsync(string keyId, string wrappedKey, CancellationToken cancellationToken);
}

/// <summary>One Infisical KMS encrypt call per write and one decrypt call per read; only the 32-byte data key goes to KMS.</summary>
public sealed class KmsDataKeyWrapper : IDataKeyWrapper
{
    private readonly KmsClient _kms;

    /// <summary>Wraps with <paramref name="kms"/> (a logged-in client's <c>Kms</c>).</summary>
    public KmsDataKeyWrapper(KmsClient kms) => _kms = kms ?? throw new ArgumentNullException(nameof(kms));

    /// <inheritdoc />
    public Task<string> WrapAsync(string keyId, byte[] dataKey, CancellationToken cancellationToken) =>
        _kms.EncryptAsync(keyId, dataKey, cancellationToken);

    /// <inheritdoc />
    public async Task<byte[]> UnwrapAsync(string keyId, string wrappedKey, CancellationToken cancellationToken)
    {
        try
        {
            return await _kms.DecryptToBytesAsync(keyId, wrappedKey, cancellationToken).ConfigureAwait(false);
        }
        catch (InfisicalApiException e)
        {
            // 400 (ciphertext not from this key), 404 (deleted/unknown key), 403 (no access or disabled key).
            throw new EncryptedSettingsKeyException(
                keyId,
                $"Infisical KMS refused to unwrap the data key with key '{keyId}' ({(int)e.StatusCode} {e.Error}): the key is wrong, deleted or disabled, or this identity may not use it.",
                e);
        }
    }
}
