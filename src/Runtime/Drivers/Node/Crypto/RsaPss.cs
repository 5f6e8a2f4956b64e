using System.Numerics;
using System.Security.Cryptography;

namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>
/// RSASSA-PSS (RFC 8017 §8.1, EMSA-PSS §9.1 with MGF1) with any salt length, which .NET's RSA does not offer
/// (it fixes the salt to the digest length, while Node signs with the maximum and verifies any length).
/// </summary>
internal static class RsaPss
{
    // Node's crypto.constants: RSA_PSS_SALTLEN_DIGEST, RSA_PSS_SALTLEN_MAX_SIGN / RSA_PSS_SALTLEN_AUTO.
    public const int SaltLengthDigest = -1, SaltLengthMaxOrAuto = -2;

    public static byte[]? Sign(RSA rsa, HashAlgorithmName hash, byte[] data, int saltLength)
    {
        var p = rsa.ExportParameters(true);
        var n = ToInt(p.Modulus!);
        var modBits = (int)n.GetBitLength();
        var emBits = modBits - 1;
        var emLen = (emBits + 7) / 8;
        var hLen = Digests.Size(hash);
        var sLen = saltLength == SaltLengthDigest ? hLen : saltLength == SaltLengthMaxOrAuto ? emLen - hLen - 2 : saltLength;
        if (sLen < 0 || emLen < hLen + sLen + 2) return null;
        var salt = RandomNumberGenerator.GetBytes(sLen);
        var h = HashPrime(hash, CryptographicOperations.HashData(hash, data), salt);
        var db = new byte[emLen - hLen - 1];
        db[emLen - sLen - hLen - 2] = 1;
        salt.CopyTo(db, db.Length - sLen);
        var mask = Mgf1(hash, h, db.Length);
        for (var i = 0; i < db.Length; i++) db[i] ^= mask[i];
        db[0] &= (byte)(0xff >> (8 * emLen - emBits));
        byte[] em = [.. db, .. h, 0xbc];
        // RSASP1 with the CRT parameters.
        var m = ToInt(em);
        var (pp, q) = (ToInt(p.P!), ToInt(p.Q!));
        var m1 = BigInteger.ModPow(m, ToInt(p.DP!), pp);
        var m2 = BigInteger.ModPow(m, ToInt(p.DQ!), q);
        var hh = ToInt(p.InverseQ!) * (m1 - m2) % pp;
        if (hh < 0) hh += pp;
        return ToBytes(m2 + hh * q, p.Modulus!.Length);
    }

    public static bool Verify(RSA rsa, HashAlgorithmName hash, byte[] data, byte[] signature, int saltLength)
    {
        var p = rsa.ExportParameters(false);
        var n = ToInt(p.Modulus!);
        if (signature.Length != p.Modulus!.Length) return false;
        var s = ToInt(signature);
        if (s >= n) return false;
        var emBits = (int)n.GetBitLength() - 1;
        var emLen = (emBits + 7) / 8;
        var hLen = Digests.Size(hash);
        var em = ToBytes(BigInteger.ModPow(s, ToInt(p.Exponent!), n), emLen);
        if (em is null || emLen < hLen + 2 || em[^1] != 0xbc) return false;
        var db = em[..(emLen - hLen - 1)];
        var h = em[(emLen - hLen - 1)..^1];
        var topBits = 8 * emLen - emBits;
        if ((db[0] & ~(0xff >> topBits)) != 0) return false;
        var mask = Mgf1(hash, h, db.Length);
        for (var i = 0; i < db.Length; i++) db[i] ^= mask[i];
        db[0] &= (byte)(0xff >> topBits);
        var one = Array.FindIndex(db, b => b != 0);
        if (one < 0 || db[one] != 1) return false;
        var sLen = db.Length - one - 1;
        if (saltLength >= 0 && sLen != saltLength) return false;
        if (saltLength == SaltLengthDigest && sLen != hLen) return false;
        var expected = HashPrime(hash, CryptographicOperations.HashData(hash, data), db[(one + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, h);
    }

    private static byte[] HashPrime(HashAlgorithmName hash, byte[] mHash, byte[] salt) =>
        CryptographicOperations.HashData(hash, [.. new byte[8], .. mHash, .. salt]);

    private static byte[] Mgf1(HashAlgorithmName hash, byte[] seed, int length)
    {
        var output = new byte[length];
        var counter = new byte[4];
        for (int done = 0, c = 0; done < length; c++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(counter, c);
            var block = CryptographicOperations.HashData(hash, [.. seed, .. counter]);
            var n = Math.Min(block.Length, length - done);
            block.AsSpan(0, n).CopyTo(output.AsSpan(done));
            done += n;
        }
        return output;
    }

    private static BigInteger ToInt(byte[] b) => new(b, isUnsigned: true, isBigEndian: true);

    /// <summary>I2OSP: big-endian, left-padded to <paramref name="length"/>; null when it does not fit.</summary>
    private static byte[]? ToBytes(BigInteger x, int length)
    {
        var b = x.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (b.Length > length) return null;
        var output = new byte[length];
        b.CopyTo(output, length - b.Length);
        return output;
    }
}
