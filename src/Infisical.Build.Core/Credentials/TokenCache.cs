using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Build.Core.Output;

namespace Infisical.Build.Core.Credentials;

/// <summary>
/// Access tokens kept between builds and between MSBuild nodes, so a build logs in once per identity and a
/// warm build not at all while the token lives. One file per identity in a per-user folder (0700, files 0600)
/// outside the project, so no obj/ folder, CI cache or artifact ever carries a token; the file name is a hash
/// of the host and identity key. A lock file serialises logins: the first node logs in, the others wait and
/// read what it wrote.
/// </summary>
internal sealed class TokenCache
{
    // A token this close to expiry is not handed out: the build's requests must finish before it lapses.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(60);
    private readonly string? _directory;

    public TokenCache(string? directory) => _directory = directory;

    /// <summary>True when tokens are kept (InfisicalTokenCache is not false and a folder could be chosen).</summary>
    public bool Enabled => _directory != null;

    /// <summary>The per-user default: $XDG_CACHE_HOME or ~/.cache on Unix, %LOCALAPPDATA% on Windows.</summary>
    public static string? DefaultDirectory(Func<string, string?> env)
    {
        var root = env("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(root))
        {
            root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            if (string.IsNullOrWhiteSpace(root))
            {
                var home = env("HOME");
                root = string.IsNullOrWhiteSpace(home) ? null : Path.Combine(home!, ".cache");
            }
        }

        return root == null ? null : Path.Combine(root, "Infisical.Build", "tokens");
    }

    /// <summary>
    /// Runs <paramref name="body"/> holding the identity's lock (so one login happens at a time across processes),
    /// giving it the cached token, if one is still valid.
    /// </summary>
    public async Task<T> WithLockAsync<T>(string host, string identityKey, Func<string?, Task<T>> body, CancellationToken cancellationToken)
    {
        if (_directory == null)
        {
            return await body(null).ConfigureAwait(false);
        }

        SecureDirectory.Create(_directory);
        var path = PathFor(host, identityKey);
        using (await AcquireAsync(path + ".lock", cancellationToken).ConfigureAwait(false))
        {
            return await body(Read(path, host, identityKey)).ConfigureAwait(false);
        }
    }

    public void Store(string host, string identityKey, string token, TimeSpan expiresIn)
    {
        if (_directory == null || expiresIn <= ExpiryMargin)
        {
            return;
        }

        var expiresAt = DateTimeOffset.UtcNow + expiresIn;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("host", host);
            writer.WriteString("identity", identityKey);
            writer.WriteString("expiresAt", expiresAt.ToString("o", CultureInfo.InvariantCulture));
            writer.WriteString("accessToken", token);
            writer.WriteEndObject();
        }

        AtomicFileWriter.WriteIfChanged(PathFor(host, identityKey), Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Forgets a token the server rejected.</summary>
    public void Forget(string host, string identityKey)
    {
        if (_directory != null)
        {
            try
            {
                File.Delete(PathFor(host, identityKey));
            }
            catch (IOException)
            {
            }
        }
    }

    private static string? Read(string path, string host, string identityKey)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.GetProperty("host").GetString() != host || root.GetProperty("identity").GetString() != identityKey)
            {
                return null;
            }

            var expiresAt = DateTimeOffset.Parse(root.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            return expiresAt - DateTimeOffset.UtcNow > ExpiryMargin ? root.GetProperty("accessToken").GetString() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            // An unreadable cache entry costs one login, never a failed build.
            return null;
        }
    }

    private string PathFor(string host, string identityKey) => Path.Combine(_directory!, LoginPlan.Hash(host + "\n" + identityKey) + ".json");

    private static async Task<IDisposable> AcquireAsync(string lockPath, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another node holds it while it logs in; the whole fetch is bounded by the caller's timeout. The file
                // stays: deleting it on close would let a waiter lock the unlinked file while a newcomer locks a new one.
                await Task.Delay(25, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
