using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Http;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Kms;

/// <summary>
/// Infisical KMS (customer-managed keys): key management, encryption, decryption, signing and verification.
/// Nothing here is cached: every call reaches the server, so a disabled or deleted key takes effect at once.
/// </summary>
public sealed class KmsClient
{
    private const string Keys = "/api/v1/kms/keys";
    private readonly InfisicalConnection _connection;

    internal KmsClient(InfisicalConnection connection) => _connection = connection;

    /// <summary>Lists a project's keys, one page at a time.</summary>
    /// <exception cref="ArgumentException">No project id, or offset/limit out of range.</exception>
    public Task<ListKmsKeysResponse> ListKeysAsync(ListKmsKeysOptions options, CancellationToken cancellationToken = default)
    {
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        KmsInputChecks.RequireText(options.ProjectId, nameof(options), "ListKmsKeysOptions.ProjectId");
        if (options.Offset < 0)
        {
            throw new ArgumentException("ListKmsKeysOptions.Offset must be 0 or more.", nameof(options));
        }

        if (options.Limit is < 1 or > 100)
        {
            throw new ArgumentException("ListKmsKeysOptions.Limit must be between 1 and 100.", nameof(options));
        }

        var query = new List<KeyValuePair<string, string>>
        {
            new("projectId", options.ProjectId),
            new("offset", options.Offset.ToString(CultureInfo.InvariantCulture)),
            new("limit", options.Limit.ToString(CultureInfo.InvariantCulture)),
            new("orderBy", options.OrderBy.ToWire()),
            new("orderDirection", options.OrderDirection.ToWire()),
        };
        if (!string.IsNullOrWhiteSpace(options.Search))
        {
            query.Add(new("search", options.Search!.Trim()));
        }

        return SendAsync(
            Get(Keys, query), KmsJsonContext.Default.ListKmsKeysResponse, cancellationToken);
    }

    /// <summary>Fetches a key by id.</summary>
    public async Task<KmsKey> GetKeyByIdAsync(string keyId, CancellationToken cancellationToken = default)
    {
        KmsInputChecks.RequireText(keyId, nameof(keyId), "The key id");
        var answer = await SendAsync(
            Get(KeyPath(keyId)), KmsJsonContext.Default.KeyEnvelope, cancellationToken)
            .ConfigureAwait(false);
        return Unwrap(answer, "GET " + Keys + "/{keyId}");
    }

    /// <summary>Fetches a key by name within a project.</summary>
    public async Task<KmsKey> GetKeyByNameAsync(string keyName, string projectId, CancellationToken cancellationToken = default)
    {
        KmsInputChecks.RequireKeyName(keyName, nameof(keyName));
        KmsInputChecks.RequireText(projectId, nameof(projectId), "The project id");
        var query = new[] { new KeyValuePair<string, string>("projectId", projectId) };
        var path = Keys + "/key-name/" + InfisicalRequest.EscapeSegment(keyName.Trim().ToLowerInvariant());
        var answer = await SendAsync(Get(path, query), KmsJsonContext.Default.KeyEnvelope, cancellationToken).ConfigureAwait(false);
        return Unwrap(answer, "GET " + Keys + "/key-name/{keyName}");
    }

    /// <summary>Creates a key.</summary>
    public async Task<KmsKey> CreateKeyAsync(CreateKmsKeyOptions options, CancellationToken cancellationToken = default)
    {
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        KmsInputChecks.RequireText(options.ProjectId, nameof(options), "CreateKmsKeyOptions.ProjectId");
        KmsInputChecks.RequireKeyName(options.Name, nameof(options));
        var body = new CreateKeyBody
        {
            ProjectId = options.ProjectId,
            Name = options.Name.Trim().ToLowerInvariant(),
            Description = options.Description,
            KeyUsage = options.KeyUsage.ToWire(),
            EncryptionAlgorithm = options.EncryptionAlgorithm.ToWire(),
        };
        var answer = await SendAsync(
            Write(HttpMethod.Post, Keys, body, KmsJsonContext.Default.CreateKeyBody),
            KmsJsonContext.Default.KeyEnvelope, cancellationToken).ConfigureAwait(false);
        return Unwrap(answer, "POST " + Keys);
    }

    /// <summary>Renames, describes, disables or re-enables a key.</summary>
    public async Task<KmsKey> UpdateKeyAsync(string keyId, UpdateKmsKeyOptions options, CancellationToken cancellationToken = default)
    {
        KmsInputChecks.RequireText(keyId, nameof(keyId), "The key id");
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.Name != null)
        {
            KmsInputChecks.RequireKeyName(options.Name, nameof(options));
        }

        var body = new UpdateKeyBody
        {
            Name = options.Name?.Trim().ToLowerInvariant(),
            IsDisabled = options.IsDisabled,
            Description = options.Description,
        };
        var answer = await SendAsync(
            Write(InfisicalRequest.Patch, KeyPath(keyId), body, KmsJsonContext.Default.UpdateKeyBody),
            KmsJsonContext.Default.KeyEnvelope, cancellationToken).ConfigureAwait(false);
        return Unwrap(answer, "PATCH " + Keys + "/{keyId}");
    }

    /// <summary>Deletes a key and returns it as it was. Data encrypted under it can no longer be decrypted.</summary>
    public async Task<KmsKey> DeleteKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        KmsInputChecks.RequireText(keyId, nameof(keyId), "The key id");
        var answer = await SendAsync(
            Write(HttpMethod.Delete, KeyPath(keyId), new EmptyBody(), KmsJsonContext.Default.EmptyBody),
            KmsJsonContext.Default.KeyEnvelope, cancellationToken).ConfigureAwait(false);
        return Unwrap(answer, "DELETE " + Keys + "/{keyId}");
    }

    /// <summary>Encrypts base64 data (at most 4096 bytes once decoded) and returns the opaque base64 ciphertext.</summary>
    /// <exception cref="ArgumentException">The plaintext is not base64 or decodes to more than 4096 bytes; nothing is sent.</exception>
    public async Task<string> EncryptAsync(string keyId, string base64Plaintext, CancellationToken cancellationToken = default)
    {
        KmsInputChecks.RequireText(keyId, nameof(keyId), "The key id");
        KmsInputChecks.RequireBase64UpTo4096(base64Plaintext, nameof(base64Plaintext), "The plaintext");
        var answer = await SendAsync(
            Write(HttpMethod.Post, KeyPath(keyId) + "/encrypt", new EncryptBody { Plaintext = base64Plaintext }, KmsJsonContext.Default.EncryptBody),
            KmsJsonContext.Default.CiphertextEnvelope, cancellationToken).ConfigureAwait(false);
        return answer.Ciphertext ?? throw Missing("ciphertext", "encrypt");
    }

    /// <summary>Encrypts raw bytes (at most 4096); see <see cref="EncryptAsync(string, string, CancellationToken)"/>.</summary>
    public Task<string> EncryptAsync(string keyId, byte[] plaintext, CancellationToken cancellationToken = default)
    {
        if (plaintext == null)
        {
            throw new ArgumentNullException(nameof(plaintext));
        }

        if (plaintext.Length > KmsInputChecks.MaxDecodedBytes)
        {
            throw new ArgumentException(
                $"The plaintext is {plaintext.Length} bytes; Infisical KMS accepts at most {KmsInputChecks.MaxDecodedBytes} bytes per call.",
                nameof(plaintext));
        }

        return EncryptAsync(keyId, Convert.ToBase64String(plaintext), cancellationToken);
    }

    /// <summary>Decrypts a ciphertext produced by <see cref="EncryptAsync(string, string, CancellationToken)"/>; returns base64 plaintext.</summary>
    public async Task<string> DecryptAsync(string keyId, string ciphertext, CancellationToken cancellationToken = default)
    {
        KmsInputChecks.RequireText(keyId, nameof(keyId), "The key id");
        KmsInputChecks.RequireText(ciphertext, nameof(ciphertext), "The ciphertext");
        var answer = await SendAsync(
            Write(HttpMethod.Post, KeyPath(keyId) + "/decrypt", new DecryptBody { Ciphertext = ciphertext }, KmsJsonContext.Default.DecryptBody),
            KmsJsonContext.Default.PlaintextEnvelope, cancellationToken).ConfigureAwait(false);
        return answer.Plaintext ?? throw Missing("plaintext", "decrypt");
    }

    /// <summary>Decrypts and returns the plaintext bytes.</summary>
    public async Task<byte[]> DecryptToBytesAsync(string keyId, string ciphertext, CancellationToken cancellationToken = default) =>
        Convert.FromBase64String(await DecryptAsync(keyId, ciphertext, cancellationToken).ConfigureAwait(false));

    /// <summary>Signs base64 data (≤ 4096 bytes decoded) with a sign-verify key.</summary>
    /// <param name="keyId">A key created with <see cref="KmsKeyUsage.SignVerify"/>.</param>
    /// <param name="base64Data">The message, or its digest when <paramref name="isDigest"/> is true.</param>
    /// <param name="signingAlgorithm">One of the key's <see cref="GetSigningAlgorithmsAsync"/>.</param>
    /// <param name="isDigest">True when <paramref name="base64Data"/> is already a hash of the message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KmsSignature> SignAsync(
        string keyId, string base64Data, KmsSigningAlgorithm signingAlgorithm, bool isDigest = false,
        CancellationToken cancellationToken = default)
    {
        KmsInputChecks.RequireText(keyId, nameof(keyId), "The key id");
        KmsInputChecks.RequireBase64UpTo4096(base64Data, nameof(base64Data), "The data to sign");
        var body = new SignBody { SigningAlgorithm = signingAlgorithm.ToWire(), Data = base64Data, IsDigest = isDigest };
        return SendAsync(
            Write(HttpMethod.Post, KeyPath(keyId) + "/sign", body, KmsJsonContext.Default.SignBody),
            KmsJsonContext.Default.KmsSignature, cancellationToken);
    }

    /// <summary>Checks a signature made by <see cref="SignAsync"/>. A mismatch is a result, not an exception.</summary>
    /// <param name="keyId">The signing key.</param>
    /// <param name="base64Data">The message (or digest), base64.</param>
    /// <param name="signature">The signature, base64.</param>
    /// <param name="signingAlgorithm">The algorithm the signature was made with.</param>
    /// <param name="isDigest">True when <paramref name="base64Data"/> is already a digest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KmsSignatureVerification> VerifyAsync(
        string keyId, string base64Data, string signature, KmsSigningAlgorithm signingAlgorithm, bool isDigest = false,
        CancellationToken cancellationToken = default)
    {
        KmsInputChecks.RequireText(keyId, nameof(keyId), "The key id");
        KmsInputChecks.RequireBase64UpTo4096(base64Data, nameof(base64Data), "The signed data");
        KmsInputChecks.RequireText(signature, nameof(signature), "The signature");
        var body = new VerifyBody
        {
            SigningAlgorithm = signingAlgorithm.ToWire(),
            Data = base64Data,
            Signature = signature,
            IsDigest = isDigest,
        };
        return SendAsync(
            Write(HttpMethod.Post, KeyPath(keyId) + "/verify", body, KmsJsonContext.Default.VerifyBody),
            KmsJsonContext.Default.KmsSignatureVerification, cancellationToken);
    }

    /// <summary>The public half of a sign-verify key, base64 DER (SubjectPublicKeyInfo).</summary>
    public async Task<string> GetPublicKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        KmsInputChecks.RequireText(keyId, nameof(keyId), "The key id");
        var answer = await SendAsync(
            Get(KeyPath(keyId) + "/public-key"), KmsJsonContext.Default.PublicKeyEnvelope, cancellationToken).ConfigureAwait(false);
        return answer.PublicKey ?? throw Missing("publicKey", "public-key");
    }

    /// <summary>
    /// The signing algorithms a key supports, as the API names them (e.g. <c>RSASSA_PSS_SHA_256</c>); see
    /// <see cref="KmsWireNames.TryParseSigningAlgorithm"/> to map them to <see cref="KmsSigningAlgorithm"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetSigningAlgorithmsAsync(string keyId, CancellationToken cancellationToken = default)
    {
        KmsInputChecks.RequireText(keyId, nameof(keyId), "The key id");
        var answer = await SendAsync(
            Get(KeyPath(keyId) + "/signing-algorithms"), KmsJsonContext.Default.SigningAlgorithmsEnvelope, cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<string>?)answer.SigningAlgorithms ?? Array.Empty<string>();
    }

    // Every KMS call goes through here, so a server without the KMS API is reported as such on every call.
    private async Task<T> SendAsync<T>(InfisicalRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        try
        {
            return await _connection.Requests.SendAsync(request, responseType, cancellationToken).ConfigureAwait(false);
        }
        catch (InfisicalApiException e) when (e.IsUnknownRoute)
        {
            throw NoKmsApi(request.Method, request.Path);
        }
    }

    private static InfisicalRequest Write<TBody>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType) =>
        new InfisicalRequest(method, path, RequestOptions.Write).WithJsonBody(body, bodyType);

    private static InfisicalRequest Get(string path, IReadOnlyList<KeyValuePair<string, string>>? query = null) =>
        new InfisicalRequest(HttpMethod.Get, path, RequestOptions.Read).WithQuery(query);

    // Servers older than Infisical KMS (a self-hosted build of July 2024, for one) answer the framework's unknown-route 404
    // (docs/infisical-api-notes.md). The path is named without its query; the original 404 is not attached because
    // its text repeats the whole URL.
    private static InfisicalUnsupportedFeatureException NoKmsApi(HttpMethod method, string path) => new(
        InfisicalServerFeature.Kms,
        $"This Infisical server has no KMS API: {method} {path} answered 404 \"route not found\". The server is too old for "
        + "Infisical KMS (self-hosted builds of July 2024, for one, lack it); upgrade it to use KMS.");

    private static string KeyPath(string keyId) => Keys + "/" + InfisicalRequest.EscapeSegment(keyId.Trim());

    private static KmsKey Unwrap(KeyEnvelope envelope, string route) =>
        envelope.Key ?? throw new InfisicalException($"Infisical answered {route} without a key.");

    private static InfisicalException Missing(string field, string operation) =>
        new($"Infisical answered the KMS {operation} call without '{field}'.");
}
