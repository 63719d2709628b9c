using System;
using System.Security.Cryptography;

namespace Infisical.Client.Envelope;

/// <summary>
/// AES-GCM (NIST SP 800-38D) for targets without a platform implementation: CTR mode and GHASH over the platform's
/// AES-ECB block cipher. Only 96-bit nonces and 128-bit tags. GHASH multiplies with masks instead of branches so its
/// timing does not depend on the hash key; the tag is compared in constant time. Compiled on every target so the
/// tests can check it against the platform's AesGcm.
/// </summary>
internal static class ManagedAesGcm
{
    private const int Block = 16;

    // Counter blocks are encrypted in batches: one ECB call per 4 KiB keeps the per-call overhead low.
    private const int Batch = 256 * Block;

    public static void Encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] ciphertext, byte[] tag, byte[] associatedData)
    {
        Check(key, nonce, tag, plaintext.Length, ciphertext.Length);
        using var aes = CreateEcb(key);
        using var ecb = aes.CreateEncryptor();
        var j0 = CounterZero(nonce);
        Ctr(ecb, j0, plaintext, ciphertext);
        ComputeTag(ecb, j0, associatedData, ciphertext, tag);
    }

    public static bool TryDecrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] tag, byte[] plaintext, byte[] associatedData)
    {
        Check(key, nonce, tag, ciphertext.Length, plaintext.Length);
        using var aes = CreateEcb(key);
        using var ecb = aes.CreateEncryptor();
        var j0 = CounterZero(nonce);
        var expected = new byte[Block];
        ComputeTag(ecb, j0, associatedData, ciphertext, expected);
        var diff = 0;
        for (var i = 0; i < Block; i++)
        {
            diff |= expected[i] ^ tag[i];
        }

        if (diff != 0)
        {
            return false;
        }

        Ctr(ecb, j0, ciphertext, plaintext);
        return true;
    }

    private static void Check(byte[] key, byte[] nonce, byte[] tag, int inputLength, int outputLength)
    {
        if (key.Length != 32 || nonce.Length != 12 || tag.Length != Block || inputLength != outputLength)
        {
            throw new ArgumentException("AES-256-GCM needs a 32-byte key, a 12-byte nonce, a 16-byte tag and equal lengths.");
        }
    }

    private static Aes CreateEcb(byte[] key)
    {
        var aes = Aes.Create();
        aes.Mode = CipherMode.ECB;
        aes.Padding = PaddingMode.None;
        aes.Key = key;
        return aes;
    }

    private static byte[] CounterZero(byte[] nonce)
    {
        var j0 = new byte[Block];
        Buffer.BlockCopy(nonce, 0, j0, 0, 12);
        j0[15] = 1;
        return j0;
    }

    // Keystream from inc32(J0) onwards, XORed into output.
    private static void Ctr(ICryptoTransform ecb, byte[] j0, byte[] input, byte[] output)
    {
        var counters = new byte[Batch];
        var stream = new byte[Batch];
        var counter = (uint)((j0[12] << 24) | (j0[13] << 16) | (j0[14] << 8) | j0[15]);
        for (var offset = 0; offset < input.Length; offset += Batch)
        {
            var length = Math.Min(Batch, input.Length - offset);
            var blocks = (length + Block - 1) / Block;
            for (var b = 0; b < blocks; b++)
            {
                counter++;
                var at = b * Block;
                Buffer.BlockCopy(j0, 0, counters, at, 12);
                counters[at + 12] = (byte)(counter >> 24);
                counters[at + 13] = (byte)(counter >> 16);
                counters[at + 14] = (byte)(counter >> 8);
                counters[at + 15] = (byte)counter;
            }

            ecb.TransformBlock(counters, 0, blocks * Block, stream, 0);
            for (var i = 0; i < length; i++)
            {
                output[offset + i] = (byte)(input[offset + i] ^ stream[i]);
            }
        }

        Array.Clear(stream, 0, stream.Length);
    }

    private static void ComputeTag(ICryptoTransform ecb, byte[] j0, byte[] aad, byte[] ciphertext, byte[] tag)
    {
        var h = new byte[Block];
        ecb.TransformBlock(new byte[Block], 0, Block, h, 0);
        var hHi = ReadUInt64(h, 0);
        var hLo = ReadUInt64(h, 8);
        ulong yHi = 0, yLo = 0;
        Absorb(aad, hHi, hLo, ref yHi, ref yLo);
        Absorb(ciphertext, hHi, hLo, ref yHi, ref yLo);
        yHi ^= (ulong)aad.Length * 8;
        yLo ^= (ulong)ciphertext.Length * 8;
        Multiply(ref yHi, ref yLo, hHi, hLo);

        var s = new byte[Block];
        ecb.TransformBlock(j0, 0, Block, s, 0);
        WriteUInt64(tag, 0, ReadUInt64(s, 0) ^ yHi);
        WriteUInt64(tag, 8, ReadUInt64(s, 8) ^ yLo);
        Array.Clear(h, 0, Block);
    }

    // GHASH over data zero-padded to whole blocks.
    private static void Absorb(byte[] data, ulong hHi, ulong hLo, ref ulong yHi, ref ulong yLo)
    {
        var last = new byte[Block];
        for (var offset = 0; offset < data.Length; offset += Block)
        {
            if (data.Length - offset >= Block)
            {
                yHi ^= ReadUInt64(data, offset);
                yLo ^= ReadUInt64(data, offset + 8);
            }
            else
            {
                Array.Clear(last, 0, Block);
                Buffer.BlockCopy(data, offset, last, 0, data.Length - offset);
                yHi ^= ReadUInt64(last, 0);
                yLo ^= ReadUInt64(last, 8);
            }

            Multiply(ref yHi, ref yLo, hHi, hLo);
        }
    }

    // Y = Y * H in GF(2^128) with GCM's bit order (SP 800-38D, algorithm 1), branch-free.
    private static void Multiply(ref ulong xHi, ref ulong xLo, ulong hHi, ulong hLo)
    {
        ulong zHi = 0, zLo = 0, vHi = hHi, vLo = hLo;
        for (var i = 0; i < 128; i++)
        {
            var bit = i < 64 ? (xHi >> (63 - i)) & 1 : (xLo >> (127 - i)) & 1;
            var mask = 0UL - bit;
            zHi ^= vHi & mask;
            zLo ^= vLo & mask;
            var carry = 0UL - (vLo & 1);
            vLo = (vLo >> 1) | (vHi << 63);
            vHi = (vHi >> 1) ^ (0xE100000000000000UL & carry);
        }

        xHi = zHi;
        xLo = zLo;
    }

    private static ulong ReadUInt64(byte[] b, int at)
    {
        ulong v = 0;
        for (var i = 0; i < 8; i++)
        {
            v = (v << 8) | b[at + i];
        }

        return v;
    }

    private static void WriteUInt64(byte[] b, int at, ulong v)
    {
        for (var i = 7; i >= 0; i--)
        {
            b[at + i] = (byte)v;
            v >>= 8;
        }
    }
}
