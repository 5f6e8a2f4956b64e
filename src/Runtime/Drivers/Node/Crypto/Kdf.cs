using System.Buffers.Binary;
using System.Numerics;

namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>Key derivation: PBKDF2 (RFC 8018 §5.2), HKDF (RFC 5869), both over any HMAC, and scrypt (RFC 7914).</summary>
internal static class Kdf
{
    /// <summary>PBKDF2 with <paramref name="hmac"/> already keyed with the password.</summary>
    public static byte[] Pbkdf2(NodeHash hmac, byte[] salt, int iterations, int length)
    {
        var output = new byte[length];
        var hLen = hmac.Size;
        var u = new byte[hLen];
        var t = new byte[hLen];
        Span<byte> index = stackalloc byte[4];
        for (uint block = 1, offset = 0; offset < length; block++, offset += (uint)hLen)
        {
            BinaryPrimitives.WriteUInt32BigEndian(index, block);
            hmac.Append(salt);
            hmac.Append(index);
            hmac.Finish(u);
            u.CopyTo(t, 0);
            for (var i = 1; i < iterations; i++)
            {
                hmac.Append(u);
                hmac.Finish(u);
                for (var j = 0; j < hLen; j++) t[j] ^= u[j];
            }
            t.AsSpan(0, (int)Math.Min(hLen, length - offset)).CopyTo(output.AsSpan((int)offset));
        }
        return output;
    }

    public static byte[] Hkdf(string digest, byte[] ikm, byte[] salt, byte[] info, int length)
    {
        // An empty salt acts as HashLen zero bytes: HMAC pads keys with zeros anyway.
        using var extract = NodeHash.CreateHmac(digest, salt)!;
        extract.Append(ikm);
        var prk = extract.Finish();
        using var expand = NodeHash.CreateHmac(digest, prk)!;
        var output = new byte[length];
        var t = Array.Empty<byte>();
        for (int done = 0, i = 1; done < length; i++)
        {
            expand.Append(t);
            expand.Append(info);
            expand.Append([(byte)i]);
            t = expand.Finish();
            var n = Math.Min(t.Length, length - done);
            t.AsSpan(0, n).CopyTo(output.AsSpan(done));
            done += n;
        }
        return output;
    }

    private static byte[] Pbkdf2Sha256(byte[] password, byte[] salt, int length)
    {
        using var hmac = NodeHash.CreateHmac("sha256", password)!;
        return Pbkdf2(hmac, salt, 1, length);
    }

    /// <summary>scrypt(P, S, N, r, p, dkLen) as RFC 7914 §6 defines it.</summary>
    public static byte[] Scrypt(byte[] password, byte[] salt, int n, int r, int p, int length)
    {
        var blockBytes = 128 * r;
        var b = Pbkdf2Sha256(password, salt, p * blockBytes);
        var x = new uint[32 * r];
        var v = new uint[32 * r * n];
        var tmp = new uint[32 * r];
        for (var i = 0; i < p; i++)
        {
            var chunk = b.AsSpan(i * blockBytes, blockBytes);
            for (var k = 0; k < x.Length; k++) x[k] = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(4 * k)..]);
            RoMix(x, v, tmp, n, r);
            for (var k = 0; k < x.Length; k++) BinaryPrimitives.WriteUInt32LittleEndian(chunk[(4 * k)..], x[k]);
        }
        return Pbkdf2Sha256(password, b, length);
    }

    private static void RoMix(uint[] x, uint[] v, uint[] tmp, int n, int r)
    {
        var words = 32 * r;
        for (var i = 0; i < n; i++)
        {
            Array.Copy(x, 0, v, i * words, words);
            BlockMix(x, tmp, r);
        }
        for (var i = 0; i < n; i++)
        {
            var j = (int)(x[words - 16] & (uint)(n - 1));
            for (var k = 0; k < words; k++) x[k] ^= v[j * words + k];
            BlockMix(x, tmp, r);
        }
    }

    /// <summary>scryptBlockMix (RFC 7914 §4) in place, with Salsa20/8 as the hash.</summary>
    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> x = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(x);
        for (var i = 0; i < 2 * r; i++)
        {
            for (var k = 0; k < 16; k++) x[k] ^= b[i * 16 + k];
            Salsa208(x);
            // Even blocks go to the first half, odd ones to the second.
            x.CopyTo(y.AsSpan(((i & 1) * r + (i >> 1)) * 16, 16));
        }
        y.CopyTo(b, 0);
    }

    private static void Salsa208(Span<uint> b)
    {
        Span<uint> x = stackalloc uint[16];
        b.CopyTo(x);
        for (var i = 0; i < 8; i += 2)
        {
            x[4] ^= BitOperations.RotateLeft(x[0] + x[12], 7); x[8] ^= BitOperations.RotateLeft(x[4] + x[0], 9);
            x[12] ^= BitOperations.RotateLeft(x[8] + x[4], 13); x[0] ^= BitOperations.RotateLeft(x[12] + x[8], 18);
            x[9] ^= BitOperations.RotateLeft(x[5] + x[1], 7); x[13] ^= BitOperations.RotateLeft(x[9] + x[5], 9);
            x[1] ^= BitOperations.RotateLeft(x[13] + x[9], 13); x[5] ^= BitOperations.RotateLeft(x[1] + x[13], 18);
            x[14] ^= BitOperations.RotateLeft(x[10] + x[6], 7); x[2] ^= BitOperations.RotateLeft(x[14] + x[10], 9);
            x[6] ^= BitOperations.RotateLeft(x[2] + x[14], 13); x[10] ^= BitOperations.RotateLeft(x[6] + x[2], 18);
            x[3] ^= BitOperations.RotateLeft(x[15] + x[11], 7); x[7] ^= BitOperations.RotateLeft(x[3] + x[15], 9);
            x[11] ^= BitOperations.RotateLeft(x[7] + x[3], 13); x[15] ^= BitOperations.RotateLeft(x[11] + x[7], 18);
            x[1] ^= BitOperations.RotateLeft(x[0] + x[3], 7); x[2] ^= BitOperations.RotateLeft(x[1] + x[0], 9);
            x[3] ^= BitOperations.RotateLeft(x[2] + x[1], 13); x[0] ^= BitOperations.RotateLeft(x[3] + x[2], 18);
            x[6] ^= BitOperations.RotateLeft(x[5] + x[4], 7); x[7] ^= BitOperations.RotateLeft(x[6] + x[5], 9);
            x[4] ^= BitOperations.RotateLeft(x[7] + x[6], 13); x[5] ^= BitOperations.RotateLeft(x[4] + x[7], 18);
            x[11] ^= BitOperations.RotateLeft(x[10] + x[9], 7); x[8] ^= BitOperations.RotateLeft(x[11] + x[10], 9);
            x[9] ^= BitOperations.RotateLeft(x[8] + x[11], 13); x[10] ^= BitOperations.RotateLeft(x[9] + x[8], 18);
            x[12] ^= BitOperations.RotateLeft(x[15] + x[14], 7); x[13] ^= BitOperations.RotateLeft(x[12] + x[15], 9);
            x[14] ^= BitOperations.RotateLeft(x[13] + x[12], 13); x[15] ^= BitOperations.RotateLeft(x[14] + x[13], 18);
        }
        for (var i = 0; i < 16; i++) b[i] += x[i];
    }
}
