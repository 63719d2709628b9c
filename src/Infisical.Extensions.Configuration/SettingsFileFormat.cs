using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Infisical.Client;
using Infisical.Client.Envelope;

namespace Infisical.Extensions.Configuration;

/// <summary>
/// Tells an encrypted settings file (InfisicalMode=encrypt) from a plain one before the JSON reader sees it, and
/// opens an encrypted one: header checks first (layout, digest, host, expected environment — no request), then a
/// login with credentials from the environment and one KMS decrypt call (docs/encrypted-settings.md).
/// </summary>
internal static class SettingsFileFormat
{
    // Recognised by markers that no single changed byte can all remove, so a damaged envelope is reported as one
    // (by the strict reader) instead of being read as a plain JSON file of envelope fields.
    private static readonly string FormatMarker = "\"format\": \"" + EncryptedSettingsEnvelope.FormatName + "\"";

    public static bool IsEnvelope(byte[] content)
    {
        var text = Encoding.ASCII.GetString(content);
        return text.Contains(FormatMarker)
            || (text.Contains("\"wrappedKey\": \"") && text.Contains("\"headerSha256\": \""));
    }

    public static Stream Open(byte[] content, string path, InfisicalSettingsOptions options) =>
        new MemoryStream(IsEnvelope(content) ? Decrypt(content, path, options) : content, writable: false);

    private static byte[] Decrypt(byte[] content, string path, InfisicalSettingsOptions options)
    {
        // Credentials go where the app's own settings say, never where the file says: the header is checked against them.
        var header = EncryptedSettingsEnvelope.ReadHeader(content);
        InfisicalAuth auth;
        try
        {
            auth = options.Auth ?? InfisicalAuth.FromEnvironment(options.GetEnvironmentVariable);
        }
        catch (InfisicalConfigurationException e)
        {
            throw new InfisicalConfigurationException(
                $"The settings file '{path}' is encrypted (built with InfisicalMode=encrypt, key '{header.KmsKeyId}'); opening it needs Infisical credentials. {e.Message}", e);
        }

        using var client = new InfisicalClient(new InfisicalClientOptions { Host = options.ResolveHost(), Token = auth.AccessToken, CacheTtl = null });
        var expected = new EnvelopeExpectations { Host = client.Host, Environment = Blank(options.ExpectedEnvironment) };
        if (!string.Equals(header.Host, client.Host, StringComparison.Ordinal))
        {
            throw new EncryptedSettingsMismatchException("host", client.Host, header.Host);
        }

        if (expected.Environment != null && !string.Equals(header.Environment, expected.Environment, StringComparison.Ordinal))
        {
            throw new EncryptedSettingsMismatchException("environment", expected.Environment, header.Environment);
        }

        // Configuration loading is synchronous; the pool thread keeps a caller's synchronization context out of it.
        return Task.Run(async () =>
        {
            await auth.LoginAsync(client, CancellationToken.None).ConfigureAwait(false);
            return await EncryptedSettingsEnvelope.DecryptAsync(content, client.Kms, expected).ConfigureAwait(false);
        }).GetAwaiter().GetResult();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
