using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client.Caching;
using Infisical.Client.Http;
using Infisical.Client.Json;
using Infisical.Client.Pipeline;

namespace Infisical.Client.Secrets;

/// <summary>
/// Secrets on the v3 raw routes. Reads are cached per host, identity and full query for
/// <see cref="InfisicalClientOptions.CacheTtl"/> and revalidated with ETags afterwards; every write through this client
/// marks all cached reads stale.
/// </summary>
public sealed partial class SecretsClient : IDisposable
{
    private readonly InfisicalConnection _connection;
    private readonly SecretCache _cache;

    internal SecretsClient(InfisicalConnection connection)
    {
        _connection = connection;
        _cache = new SecretCache(connection.Options);
    }

    /// <summary>Lists a folder's secrets with imports merged in (see <see cref="ListSecretsResponse"/> for precedence).</summary>
    /// <exception cref="ArgumentException">Project or environment missing.</exception>
    /// <exception cref="InfisicalApiException">The server refused (403 permission, 422 validation, ...).</exception>
    /// <exception cref="InfisicalResponseException">The answer lacks its <c>secrets</c> array or a secret its value.</exception>
    public async Task<ListSecretsResponse> ListAsync(ListSecretsOptions options, CancellationToken cancellationToken = default)
    {
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        // Built (and so validated) before any I/O, including the token fetch. Tag slugs are a list the caller may
        // change after the call, so a read with tags is keyed by its URL rather than by the options record.
        var request = SecretRequests.List(options);
        var wire = await ReadThroughCacheAsync(
            request, options.TagSlugs is { Count: > 0 } ? request.BuildRelativeUrl() : options,
            ClientJsonContext.Default.ListSecretsWire, RequireSecretsArray, cancellationToken).ConfigureAwait(false);
        return ToResponse(wire);
    }

    private static ListSecretsResponse ToResponse(ListSecretsWire wire)
    {
        var own = (IReadOnlyList<BaseSecret>)wire.Secrets!;
        var imports = (IReadOnlyList<SecretImport>?)wire.Imports?.AsReadOnly() ?? Array.Empty<SecretImport>();
        return new ListSecretsResponse { Secrets = ImportMerger.Merge(own, imports), Imports = imports };
    }

    /// <summary>Gets one secret by name (optionally a past version, or a personal one).</summary>
    /// <exception cref="InfisicalApiException">404 (current servers) or 400 (2024 servers) when it does not exist.</exception>
    public Task<BaseSecret> GetByNameAsync(GetSecretOptions options, CancellationToken cancellationToken = default)
    {
        // A fresh hit answers synchronously: no request built, no await, nothing allocated but the key. An entry
        // exists only for options that once made a valid request, and equal records make the same request.
        if (options != null && _cache.Enabled && _connection.Tokens.UsableState() is { } token
            && _cache.Find(new ReadKey(token.Identity, options), out var fresh) is { } entry && fresh)
        {
            return entry.Answer(static wire => ((SecretReadWire)wire).Secret!);
        }

        return GetByNameThroughCacheAsync(options!, cancellationToken);
    }

    private async Task<BaseSecret> GetByNameThroughCacheAsync(GetSecretOptions options, CancellationToken cancellationToken)
    {
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var wire = await ReadThroughCacheAsync(
            SecretRequests.Get(options), options, ClientJsonContext.Default.SecretReadWire, RequireSecret, cancellationToken).ConfigureAwait(false);
        return wire.Secret!;
    }

    /// <summary>Creates a secret. The result holds the secret, or the approval request a policy opened instead.</summary>
    public Task<SecretMutationResult> CreateAsync(CreateSecretOptions options, CancellationToken cancellationToken = default) =>
        MutateAsync(() => SecretRequests.Create(options ?? throw new ArgumentNullException(nameof(options))), cancellationToken);

    /// <summary>Updates (and optionally renames) a secret. Null options are left unchanged.</summary>
    /// <exception cref="InfisicalUnsupportedFeatureException">
    /// The server lacks what was asked (older self-hosted servers: renames, comment updates, updates without a value);
    /// the message says whether the rest of the update was applied.
    /// </exception>
    public async Task<SecretMutationResult> UpdateAsync(UpdateSecretOptions options, CancellationToken cancellationToken = default)
    {
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        SecretMutationResult result;
        try
        {
            result = await MutateAsync(() => SecretRequests.Update(options), cancellationToken).ConfigureAwait(false);
        }
        catch (InfisicalApiException e) when (UpdateAnswerCheck.IsValueRequired(e, options))
        {
            throw UpdateAnswerCheck.ValueRequired(options);
        }

        UpdateAnswerCheck.Verify(options, result);
        return result;
    }

    /// <summary>Deletes a secret by name.</summary>
    public Task<SecretMutationResult> DeleteByNameAsync(DeleteSecretOptions options, CancellationToken cancellationToken = default) =>
        MutateAsync(() => SecretRequests.Delete(options ?? throw new ArgumentNullException(nameof(options))), cancellationToken);

    /// <summary>Drops the cache.</summary>
    public void Dispose() => _cache.Dispose();

    private async Task<SecretMutationResult> MutateAsync(Func<InfisicalRequest> build, CancellationToken cancellationToken)
    {
        var request = build();
        try
        {
            var wire = await _connection.Requests.SendAsync(request, ClientJsonContext.Default.SecretEnvelopeWire, cancellationToken).ConfigureAwait(false);
            if (wire.Secret == null && wire.Approval == null)
            {
                throw new InfisicalException($"Infisical answered {request.Method} {request.Path} with neither a secret nor an approval.");
            }

            return new SecretMutationResult { Secret = wire.Secret, Approval = wire.Approval };
        }
        finally
        {
            // Even a failed or timed-out write may have changed something; stale entries only cost a revalidation.
            _cache.InvalidateAll();
        }
    }

    // No array is not "no secrets" (an empty folder answers "secrets": []): taking it as empty would blank the caller's data.
    private static void RequireSecretsArray(ListSecretsWire wire)
    {
        if (wire.Secrets == null)
        {
            throw SecretShapeChecks.Refused("it has no \"secrets\" array");
        }
    }

    private static void RequireSecret(SecretReadWire wire)
    {
        if (wire.Secret == null)
        {
            throw SecretShapeChecks.Refused("it has no \"secret\" object");
        }
    }

    /// <summary>
    /// Reads through the cache; <paramref name="check"/> runs on every fresh answer before it is cached, and
    /// <paramref name="what"/> is what the read asks, for its cache key (see <see cref="ReadKey"/>).
    /// </summary>
    private async Task<T> ReadThroughCacheAsync<T>(
        InfisicalRequest request, object what, JsonTypeInfo<T> type, Action<T> check, CancellationToken cancellationToken)
        where T : class
    {
        if (!_cache.Enabled)
        {
            var answer = await _connection.Requests.SendAsync(request, type, cancellationToken).ConfigureAwait(false);
            check(answer);
            return answer;
        }

        var token = await _connection.Tokens.GetStateAsync(cancellationToken).ConfigureAwait(false);
        var generation = _cache.Generation;
        var key = new ReadKey(token.Identity, what);
        var entry = _cache.Find(key, out var fresh);
        if (entry != null && fresh)
        {
            return (T)entry.Value;
        }

        var conditional = entry?.ETag is { } etag ? request.WithIfNoneMatch(etag) : request;
        var response = await _connection.Requests.SendForResponseAsync(conditional, type, cancellationToken).ConfigureAwait(false);
        if (response.NotModified && entry != null)
        {
            _cache.Store(key, entry.Value, response.ETag ?? entry.ETag, generation);
            return (T)entry.Value;
        }

        var value = response.Value ?? throw new InfisicalResponseException("Infisical returned an empty answer to a secret read.");
        check(value);
        _cache.Store(key, value, response.ETag, generation);
        return value;
    }
}
