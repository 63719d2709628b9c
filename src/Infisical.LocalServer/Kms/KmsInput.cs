using System;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Infisical.LocalServer;

/// <summary>The KMS routes' zod rules: UUID key ids, slug names, base64 payloads of at most 4096 bytes.</summary>
internal static partial class KmsInput
{
    /// <summary>Largest decoded plaintext, data or ciphertext the routes accept.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>Slug rule for key names: lowercase letters, digits, hyphens; 1–32 characters.</summary>
    public static bool IsSlug(string value) => SlugPattern().IsMatch(value);

    /// <summary>Whether a usage and an algorithm go together.</summary>
    public static bool UsageMatches(string usage, string algorithm) => usage switch
    {
        KmsAlgorithms.EncryptDecrypt => KmsAlgorithms.Symmetric.ContainsKey(algorithm),
        KmsAlgorithms.SignVerify => KmsAlgorithms.Asymmetric.ContainsKey(algorithm),
        _ => false,
    };

    /// <summary>Strict base64 decoding (no whitespace, correct padding).</summary>
    public static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (text.Length % 4 != 0 || text.AsSpan().IndexOfAny(" \t\r\n") >= 0)
        {
            return false;
        }

        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>Checks a base64 payload field, adding the route's refinement issues; returns the bytes when valid.</summary>
    public static byte[]? Payload(InputReader input, JsonObject body, string field, string label)
    {
        var text = input.String(body, field, required: true, trim: false);
        if (text == null)
        {
            return null;
        }

        if (!TryDecodeBase64(text, out var bytes))
        {
            input.Add(ZodIssues.Custom(new[] { field }, $"{label} must be base64 encoded"));
            return null;
        }

        if (bytes.Length > MaxPayloadBytes)
        {
            input.Add(ZodIssues.Custom(new[] { field }, $"{label} must be at most {MaxPayloadBytes} bytes"));
            return null;
        }

        return bytes;
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
