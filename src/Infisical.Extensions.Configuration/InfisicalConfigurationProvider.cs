using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client;
using Infisical.Client.Secrets;
using Microsoft.Extensions.Configuration;

namespace Infisical.Extensions.Configuration;

/// <summary>
/// Secrets fetched with <see cref="InfisicalClient"/>: once at load, then on a timer when
/// <see cref="InfisicalOptions.ReloadInterval"/> is set. A changed set of values raises the reload token; a failed
/// periodic fetch keeps the last good values and is recorded in <see cref="LastError"/>. Dispose stops the timer.
/// </summary>
public sealed class InfisicalConfigurationProvider : ConfigurationProvider, IDisposable
{
    private readonly InfisicalOptions _options;
    private readonly object _gate = new();
    private InfisicalClient? _client;
    private Timer? _timer;
    private int _fetching;
    private bool _disposed;

    internal InfisicalConfigurationProvider(InfisicalOptions options) => _options = options;

    /// <summary>The last failed fetch (null after a success); messages carry no secret values.</summary>
    public InfisicalConfigurationException? LastError { get; private set; }

    /// <summary>How many fetches have completed successfully.</summary>
    public int SuccessfulFetches { get; private set; }

    /// <inheritdoc />
    public override void Load()
    {
        // Configuration loading is synchronous; the fetch runs on the thread pool so a caller's
        // synchronization context cannot deadlock it.
        try
        {
            Data = Task.Run(() => FetchAsync(CancellationToken.None)).GetAwaiter().GetResult();
            SuccessfulFetches++;
            LastError = null;
        }
        catch (InfisicalConfigurationException e) when (_options.Optional)
        {
            LastError = e;
            Trace.TraceWarning("Infisical configuration source starts empty: {0}", e.Message);
        }

        StartTimer();
    }

    private void StartTimer()
    {
        lock (_gate)
        {
            if (_timer != null || _disposed || _options.ReloadInterval is not { } interval)
            {
                return;
            }

            _timer = new Timer(_ => _ = TickAsync(), null, interval, interval);
        }
    }

    private async Task TickAsync()
    {
        // One fetch at a time: a slow server must not pile up overlapping requests.
        if (Interlocked.Exchange(ref _fetching, 1) == 1)
        {
            return;
        }

        try
        {
            var data = await FetchAsync(CancellationToken.None).ConfigureAwait(false);
            SuccessfulFetches++;
            LastError = null;
            if (!Same(Data, data))
            {
                Data = data;
                OnReload();
            }
        }
        catch (InfisicalConfigurationException e)
        {
            LastError = e;
            Trace.TraceWarning("Infisical configuration reload failed; keeping the last values: {0}", e.Message);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while a fetch was in flight.
        }
        finally
        {
            Interlocked.Exchange(ref _fetching, 0);
        }
    }

    private async Task<IDictionary<string, string?>> FetchAsync(CancellationToken cancellationToken)
    {
        var project = _options.ProjectId ?? _options.ProjectSlug;
        var where = $"project '{project}', environment '{_options.Environment}', path '{_options.SecretPath}' at {_options.ResolveHost()}";
        try
        {
            var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
            var list = await client.Secrets.ListAsync(
                new ListSecretsOptions
                {
                    ProjectId = string.IsNullOrWhiteSpace(_options.ProjectId) ? null : _options.ProjectId,
                    ProjectSlug = string.IsNullOrWhiteSpace(_options.ProjectId) ? _options.ProjectSlug : null,
                    EnvironmentSlug = _options.Environment!,
                    SecretPath = _options.SecretPath,
                    Recursive = _options.Recursive,
                    IncludeImports = _options.IncludeImports,
                    ExpandSecretReferences = _options.ExpandSecretReferences,
                    ViewSecretValue = true,
                },
                cancellationToken).ConfigureAwait(false);
            return ToKeys(list.Secrets, where);
        }
        catch (InfisicalException e)
        {
            // The client's messages name routes and statuses, never tokens or values.
            throw new InfisicalConfigurationException($"Could not read Infisical secrets ({where}): {e.Message}", e);
        }
    }

    /// <summary>
    /// <c>A__B</c> becomes <c>A:B</c>, the rule of the build's JSON writer and of environment variables. The list
    /// holds a folder's own secrets before imported ones, and own ones win; a name in two folders is an error.
    /// </summary>
    internal static IDictionary<string, string?> ToKeys(IEnumerable<BaseSecret> secrets, string where)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var owners = new Dictionary<string, BaseSecret>(StringComparer.OrdinalIgnoreCase);
        foreach (var secret in secrets)
        {
            var key = secret.SecretKey.Replace("__", ConfigurationPath.KeyDelimiter);
            if (owners.TryGetValue(key, out var first))
            {
                if (first.Environment == secret.Environment && first.SecretPath != secret.SecretPath && string.Equals(first.SecretKey, secret.SecretKey, StringComparison.Ordinal))
                {
                    throw new InfisicalConfigurationException(
                        $"The secret '{secret.SecretKey}' exists in {first.SecretPath} and {secret.SecretPath} ({where}); only one can be a configuration value. Rename one or turn off Recursive.");
                }

                continue;
            }

            owners[key] = secret;
            data[key] = secret.SecretValue;
        }

        return data;
    }

    private async Task<InfisicalClient> ClientAsync(CancellationToken cancellationToken)
    {
        if (_client != null)
        {
            return _client;
        }

        var auth = _options.Auth ?? InfisicalAuth.FromEnvironment(_options.GetEnvironmentVariable);
        var clientOptions = new InfisicalClientOptions { CacheTtl = null };
        _options.ConfigureClient?.Invoke(clientOptions);
        clientOptions.Host = _options.ResolveHost();
        clientOptions.Token = auth.AccessToken;
        var client = new InfisicalClient(clientOptions);
        try
        {
            await auth.LoginAsync(client, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                client.Dispose();
                throw new ObjectDisposedException(nameof(InfisicalConfigurationProvider));
            }

            _client = client;
        }

        return client;
    }

    private static bool Same(IDictionary<string, string?> a, IDictionary<string, string?> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
            _client?.Dispose();
            _client = null;
        }
    }
}
