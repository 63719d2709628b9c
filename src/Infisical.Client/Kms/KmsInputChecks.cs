using System;
using System.Text.RegularExpressions;

namespace Infisical.Client.Kms;

/// <summary>
/// Checks the server would make anyway, done before sending so that a mistake fails fast with a message naming the
/// argument, and so that an oversized plaintext never leaves the process.
/// </summary>
internal static class KmsInputChecks
{
    /// <summary>The server refuses plaintexts, data to sign and ciphertexts that decode to more bytes than this.</summary>
    public const int MaxDecodedBytes = 4096;

    private static readonly Regex Slug = new("^[a-z0-9-]{1,32}$", RegexOptions.CultureInvariant);

    public static void RequireText(string? value, string parameterName, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{what} is required.", parameterName);
        }
    }

    public static void RequireKeyName(string? name, string parameterName)
    {
        RequireText(name, parameterName, "The key name");
        if (!Slug.IsMatch(name!.Trim().ToLowerInvariant()))
        {
            throw new ArgumentException(
                "A KMS key name must be 1-32 characters of lowercase letters, digits and hyphens.", parameterName);
        }
    }

    /// <summary>Verifies <paramref name="base64"/> is base64 and decodes to at most 4096 bytes; never echoes the data.</summary>
    public static void RequireBase64UpTo4096(string? base64, string parameterName, string what)
    {
        if (base64 == null || base64.Length == 0)
        {
            throw new ArgumentException($"{what} is required (base64).", parameterName);
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"{what} must be base64 encoded.", parameterName);
        }

        if (decoded.Length > MaxDecodedBytes)
        {
            throw new ArgumentException(
                $"{what} decodes to {decoded.Length} bytes; Infisical KMS accepts at most {MaxDecodedBytes} bytes per call. "
                + "Encrypt a data key with KMS and the data with that key instead.",
                parameterName);
        }
    }
}
