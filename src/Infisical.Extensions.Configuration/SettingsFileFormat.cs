using System.IO;

namespace Infisical.Extensions.Configuration;

/// <summary>
/// Tells a plain settings file (a JSON object) from anything else before the JSON reader sees it. This is the
/// seam where decryption plugs in: a file that is not a plain JSON object is handed to <see cref="Decryptor"/>,
/// and without one it is refused with <see cref="InfisicalSettingsEncryptedException"/> instead of a confusing
/// JSON parse error.
/// </summary>
internal static class SettingsFileFormat
{
    /// <summary>Turns an encrypted file's bytes into the plain JSON payload; null until encrypt mode exists.</summary>
    internal static ISettingsDecryptor? Decryptor { get; set; }

    public static bool IsPlainJson(byte[] content)
    {
        var i = 0;

        // A UTF-8 byte-order mark is what some editors add; it is still plain JSON.
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            i = 3;
        }

        for (; i < content.Length; i++)
        {
            var b = content[i];
            if (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{';
        }

        // An empty file is left to the JSON reader, which reports it.
        return true;
    }

    public static Stream Open(byte[] content, string path)
    {
        if (IsPlainJson(content))
        {
            return new MemoryStream(content, writable: false);
        }

        var decryptor = Decryptor ?? throw new InfisicalSettingsEncryptedException(path);
        return new MemoryStream(decryptor.Decrypt(content, path), writable: false);
    }
}

/// <summary>Opens an encrypted settings file (the encrypt mode supplies the implementation).</summary>
internal interface ISettingsDecryptor
{
    byte[] Decrypt(byte[] content, string path);
}
