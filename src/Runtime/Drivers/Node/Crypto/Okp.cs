using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>
/// Ed25519 and X25519 keys (RFC 8410 "octet key pairs"; .NET has neither): PKCS#8/SPKI encoding of the 32-byte
/// raw keys, generation, Ed25519 signatures (RFC 8032, deterministic) and X25519 agreement (RFC 7748), the
/// curve arithmetic by BouncyCastle.
/// </summary>
internal static class Okp
{
    public const string Ed25519Oid = "1.3.101.112", X25519Oid = "1.3.101.110";
    private const int KeySize = 32;

    /// <summary>Node's asymmetricKeyType for an algorithm OID, or null when it is not an OKP algorithm.</summary>
    public static string? TypeOf(string oid) => oid switch
    {
        Ed25519Oid => "ed25519",
        X25519Oid => "x25519",
        _ => null,
    };

    /// <summary>The JWK "crv" of an OKP algorithm.</summary>
    public static string Curve(string oid) => oid == Ed25519Oid ? "Ed25519" : "X25519";

    public static string? OidOfCurve(string crv) => crv switch
    {
        "Ed25519" => Ed25519Oid,
        "X25519" => X25519Oid,
        _ => null,
    };

    public static byte[] Pkcs8(string oid, byte[] raw)
    {
        Check(raw);
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(0);
            using (w.PushSequence()) w.WriteObjectIdentifier(oid);
            var inner = new AsnWriter(AsnEncodingRules.DER);
            inner.WriteOctetString(raw);
            w.WriteOctetString(inner.Encode());
        }
        return w.Encode();
    }

    public static byte[] Spki(string oid, byte[] raw)
    {
        Check(raw);
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence()) w.WriteObjectIdentifier(oid);
            w.WriteBitString(raw);
        }
        return w.Encode();
    }

    /// <summary>The raw private key of a PKCS#8 OneAsymmetricKey (v1 or v2; the optional public key is ignored).</summary>
    public static byte[] ReadPrivate(byte[] der)
    {
        var seq = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        seq.ReadInteger();
        seq.ReadSequence();
        var raw = new AsnReader(seq.ReadOctetString(), AsnEncodingRules.DER).ReadOctetString();
        Check(raw);
        return raw;
    }

    public static byte[] ReadPublic(byte[] der)
    {
        var seq = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        seq.ReadSequence();
        var raw = seq.ReadBitString(out var unused);
        if (unused != 0) throw new CryptographicException("bad OKP public key");
        Check(raw);
        return raw;
    }

    public static byte[] PublicFromPrivate(string oid, byte[] raw) => oid == Ed25519Oid
        ? new Ed25519PrivateKeyParameters(raw).GeneratePublicKey().GetEncoded()
        : new X25519PrivateKeyParameters(raw).GeneratePublicKey().GetEncoded();

    /// <summary>A new raw private key; X25519 keys are clamped as OpenSSL stores them.</summary>
    public static byte[] Generate(string oid)
    {
        var raw = RandomNumberGenerator.GetBytes(KeySize);
        if (oid == X25519Oid)
        {
            raw[0] &= 248;
            raw[31] &= 127;
            raw[31] |= 64;
        }
        return raw;
    }

    public static byte[] Sign(byte[] privateRaw, byte[] data)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, new Ed25519PrivateKeyParameters(privateRaw));
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public static bool Verify(byte[] publicRaw, byte[] data, byte[] signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(publicRaw));
        verifier.BlockUpdate(data, 0, data.Length);
        return verifier.VerifySignature(signature);
    }

    public static byte[] Derive(byte[] privateRaw, byte[] publicRaw)
    {
        var agreement = new X25519Agreement();
        agreement.Init(new X25519PrivateKeyParameters(privateRaw));
        var secret = new byte[agreement.AgreementSize];
        agreement.CalculateAgreement(new X25519PublicKeyParameters(publicRaw), secret, 0);
        return secret;
    }

    private static void Check(byte[] raw)
    {
        if (raw.Length != KeySize) throw new CryptographicException("OKP keys are 32 bytes");
    }
}
