using System.Security.Cryptography;
using Infisical.Client.Envelope;

namespace Infisical.Client.Tests.Envelope;

/// <summary>The netstandard2.0/.NET Framework GCM path, checked against NIST vectors and the platform's AesGcm.</summary>
public sealed class ManagedAesGcmTests
{
    [Fact]
    public void NistVectorAes256EmptyPlaintext()
    {
        var tag = new byte[16];
        ManagedAesGcm.Encrypt(new byte[32], new byte[12], Array.Empty<byte>(), Array.Empty<byte>(), tag, Array.Empty<byte>());
        Assert.Equal("530f8afbc74536b9a963b4f1c4cb738b", Convert.ToHexString(tag).ToLowerInvariant());
    }

    [Fact]
    public void NistVectorAes256OneZeroBlock()
    {
        var tag = new byte[16];
        var ciphertext = new byte[16];
        ManagedAesGcm.Encrypt(new byte[32], new byte[12], new byte[16], ciphertext, tag, Array.Empty<byte>());
        Assert.Equal("cea7403d4d606b6e074ec5d3baf39d18", Convert.ToHexString(ciphertext).ToLowerInvariant());
        Assert.Equal("d0d1c8a799996bf0265b98b5d48ab919", Convert.ToHexString(tag).ToLowerInvariant());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 7)]
    [InlineData(15, 16)]
    [InlineData(16, 17)]
    [InlineData(4095, 33)]
    [InlineData(4097, 300)]
    [InlineData(1 << 20, 120)]
    public void MatchesThePlatformAesGcm(int length, int aadLength)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plaintext = RandomNumberGenerator.GetBytes(length);
        var aad = RandomNumberGenerator.GetBytes(aadLength);
        var managedCipher = new byte[length];
        var managedTag = new byte[16];
        var platformCipher = new byte[length];
        var platformTag = new byte[16];

        ManagedAesGcm.Encrypt(key, nonce, plaintext, managedCipher, managedTag, aad);
        using (var gcm = new AesGcm(key, 16))
        {
            gcm.Encrypt(nonce, plaintext, platformCipher, platformTag, aad);
        }

        Assert.Equal(platformCipher, managedCipher);
        Assert.Equal(platformTag, managedTag);
        var back = new byte[length];
        Assert.True(ManagedAesGcm.TryDecrypt(key, nonce, platformCipher, platformTag, back, aad));
        Assert.Equal(plaintext, back);
    }

    [Fact]
    public void AChangedAssociatedDataByteFailsTheTag()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var aad = RandomNumberGenerator.GetBytes(40);
        var ciphertext = new byte[64];
        var tag = new byte[16];
        ManagedAesGcm.Encrypt(key, nonce, new byte[64], ciphertext, tag, aad);
        aad[39] ^= 0x80;

        Assert.False(ManagedAesGcm.TryDecrypt(key, nonce, ciphertext, tag, new byte[64], aad));
    }
}
