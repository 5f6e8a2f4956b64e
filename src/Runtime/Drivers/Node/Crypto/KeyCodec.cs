using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>Why a key could not be read; the bridge answers with an errno per kind.</summary>
internal enum KeyFailure { None, Malformed, Unsupported, PassphraseRequired, BadPassphrase }

/// <summary>
/// Asymmetric keys as Node's KeyObject sees them, kept by the guest as normalised DER (PKCS#8 for private,
/// SPKI for public keys): reading PEM/DER/JWK in Node's formats, writing them back, and the key's details.
/// </summary>
internal static class KeyCodec
{
    public const string RsaOid = "1.2.840.113549.1.1.1", EcOid = "1.2.840.10045.2.1";

    public sealed record Imported(bool IsPrivate, byte[] Der, KeyFailure Failure = KeyFailure.None);

    /// <summary>Reads a key; <paramref name="wantPrivate"/> false turns a private key into its public key.</summary>
    public static Imported Import(string format, string type, bool wantPrivate, byte[] data, string? passphrase)
    {
        try
        {
            var (isPrivate, der) = format switch
            {
                "pem" => FromPem(Encoding.UTF8.GetString(data), passphrase),
                "jwk" => FromJwk(Encoding.UTF8.GetString(data)),
                _ => FromDer(type, data, wantPrivate, passphrase),
            };
            var oid = Algorithm(der, isPrivate);
            if (Okp.TypeOf(oid) is not null) return ImportOkp(oid, isPrivate, der, wantPrivate);
            if (oid is not (RsaOid or EcOid)) return new(false, [], KeyFailure.Unsupported);
            if (!isPrivate && wantPrivate) return new(false, [], KeyFailure.Malformed);
            if (isPrivate && !wantPrivate)
            {
                using var key = Load(der, true);
                return new(false, key.ExportSubjectPublicKeyInfo());
            }
            using (Load(der, isPrivate)) { } // validates the key material
            return new(isPrivate, der);
        }
        catch (KeyImportException ex)
        {
            return new(false, [], ex.Failure);
        }
        catch (Exception ex) when (ex is CryptographicException or AsnContentException or FormatException or ArgumentException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return new(false, [], KeyFailure.Malformed);
        }
    }

    private static Imported ImportOkp(string oid, bool isPrivate, byte[] der, bool wantPrivate)
    {
        if (!isPrivate) return wantPrivate ? new(false, [], KeyFailure.Malformed) : new(false, Okp.Spki(oid, Okp.ReadPublic(der)));
        var raw = Okp.ReadPrivate(der);
        return wantPrivate ? new(true, Okp.Pkcs8(oid, raw)) : new(false, Okp.Spki(oid, Okp.PublicFromPrivate(oid, raw)));
    }

    /// <summary>The algorithm OID when the key is Ed25519 or X25519 (handled by <see cref="Okp"/>), else null.</summary>
    public static string? OkpOid(byte[] der, bool isPrivate)
    {
        var oid = Algorithm(der, isPrivate);
        return Okp.TypeOf(oid) is null ? null : oid;
    }

    /// <summary>The raw public key of an Ed25519/X25519 key given as PKCS#8 or SPKI.</summary>
    public static byte[] OkpPublic(string oid, byte[] der, bool isPrivate) =>
        isPrivate ? Okp.PublicFromPrivate(oid, Okp.ReadPrivate(der)) : Okp.ReadPublic(der);

    private sealed class KeyImportException(KeyFailure failure) : Exception
    {
        public KeyFailure Failure { get; } = failure;
    }

    private static (bool, byte[]) FromPem(string text, string? passphrase)
    {
        var fields = PemEncoding.Find(text);
        var label = text[fields.Label];
        var der = Convert.FromBase64String(text[fields.Base64Data]);
        switch (label)
        {
            case "PRIVATE KEY": return (true, der);
            case "PUBLIC KEY": return (false, der);
            case "RSA PRIVATE KEY": return FromDer("pkcs1", der, true, null);
            case "RSA PUBLIC KEY": return FromDer("pkcs1", der, false, null);
            case "EC PRIVATE KEY": return FromDer("sec1", der, true, null);
            case "ENCRYPTED PRIVATE KEY": return FromDer("pkcs8", der, true, passphrase);
            case "CERTIFICATE":
            {
                using var cert = X509CertificateLoader.LoadCertificate(der);
                return (false, cert.PublicKey.ExportSubjectPublicKeyInfo());
            }
            default: throw new KeyImportException(KeyFailure.Unsupported);
        }
    }

    private static (bool, byte[]) FromDer(string type, byte[] der, bool wantPrivate, string? passphrase)
    {
        switch (type)
        {
            case "pkcs1" when wantPrivate:
            {
                using var rsa = RSA.Create();
                rsa.ImportRSAPrivateKey(der, out _);
                return (true, rsa.ExportPkcs8PrivateKey());
            }
            case "pkcs1":
            {
                using var rsa = RSA.Create();
                rsa.ImportRSAPublicKey(der, out _);
                return (false, rsa.ExportSubjectPublicKeyInfo());
            }
            case "sec1":
            {
                using var ec = ECDsa.Create();
                ec.ImportECPrivateKey(der, out _);
                return (true, ec.ExportPkcs8PrivateKey());
            }
            case "spki": return (false, der);
            default:
                if (IsEncryptedPkcs8(der))
                {
                    if (passphrase is null) throw new KeyImportException(KeyFailure.PassphraseRequired);
                    try
                    {
                        using var rsa = RSA.Create();
                        rsa.ImportEncryptedPkcs8PrivateKey(passphrase, der, out _);
                        return (true, rsa.ExportPkcs8PrivateKey());
                    }
                    catch (CryptographicException)
                    {
                        try
                        {
                            using var ec = ECDsa.Create();
                            ec.ImportEncryptedPkcs8PrivateKey(passphrase, der, out _);
                            return (true, ec.ExportPkcs8PrivateKey());
                        }
                        catch (CryptographicException)
                        {
                            throw new KeyImportException(KeyFailure.BadPassphrase);
                        }
                    }
                }
                return (true, der);
        }
    }

    /// <summary>EncryptedPrivateKeyInfo starts with an AlgorithmIdentifier SEQUENCE; PrivateKeyInfo with an INTEGER.</summary>
    private static bool IsEncryptedPkcs8(byte[] der)
    {
        var seq = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        return seq.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence);
    }

    /// <summary>The algorithm OID of a PKCS#8 or SPKI structure.</summary>
    public static string Algorithm(byte[] der, bool isPrivate)
    {
        var seq = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        if (isPrivate) seq.ReadInteger();
        return seq.ReadSequence().ReadObjectIdentifier();
    }

    public static AsymmetricAlgorithm Load(byte[] der, bool isPrivate)
    {
        AsymmetricAlgorithm key = Algorithm(der, isPrivate) == RsaOid ? RSA.Create() : ECDsa.Create();
        try
        {
            if (isPrivate) key.ImportPkcs8PrivateKey(der, out _);
            else key.ImportSubjectPublicKeyInfo(der, out _);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Node's asymmetricKeyType and asymmetricKeyDetails as JSON (publicExponent as a decimal string).</summary>
    public static string Describe(byte[] der, bool isPrivate)
    {
        if (OkpOid(der, isPrivate) is { } okp)
            return JsonSerializer.Serialize(new Dictionary<string, object> { ["asymmetricKeyType"] = Okp.TypeOf(okp)! });
        using var key = Load(der, isPrivate);
        if (key is RSA rsa)
        {
            var p = rsa.ExportParameters(false);
            var exponent = new System.Numerics.BigInteger(p.Exponent, isUnsigned: true, isBigEndian: true);
            return JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["asymmetricKeyType"] = "rsa", ["modulusLength"] = p.Modulus!.Length * 8, ["publicExponent"] = exponent.ToString(),
            });
        }
        var ec = (ECDsa)key;
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["asymmetricKeyType"] = "ec", ["namedCurve"] = CurveName(ec.ExportParameters(false).Curve),
        });
    }

    /// <summary>OpenSSL's curve names (what Node reports as namedCurve).</summary>
    public static string CurveName(ECCurve curve) => curve.Oid.Value switch
    {
        "1.2.840.10045.3.1.7" => "prime256v1",
        "1.3.132.0.34" => "secp384r1",
        "1.3.132.0.35" => "secp521r1",
        "1.3.132.0.10" => "secp256k1",
        _ => curve.Oid.FriendlyName ?? curve.Oid.Value ?? "unknown",
    };

    /// <summary>A curve by any name Node accepts for it, or null.</summary>
    public static ECCurve? Curve(string name) => name switch
    {
        "P-256" or "prime256v1" => ECCurve.NamedCurves.nistP256,
        "P-384" or "secp384r1" => ECCurve.NamedCurves.nistP384,
        "P-521" or "secp521r1" => ECCurve.NamedCurves.nistP521,
        "secp256k1" => ECCurve.CreateFromValue("1.3.132.0.10"),
        _ => null,
    };

    private static string JwkCurve(ECCurve curve) => curve.Oid.Value switch
    {
        "1.2.840.10045.3.1.7" => "P-256",
        "1.3.132.0.34" => "P-384",
        "1.3.132.0.35" => "P-521",
        "1.3.132.0.10" => "secp256k1",
        _ => throw new CryptographicException("curve without a JWK name"),
    };

    /// <summary>Writes a key as Node's export() does; null for a format/type pair Node rejects.</summary>
    public static byte[]? Export(byte[] der, bool isPrivate, string format, string type)
    {
        if (OkpOid(der, isPrivate) is { } okp) return ExportOkp(okp, der, isPrivate, format, type);
        using var key = Load(der, isPrivate);
        if (format == "jwk") return Encoding.UTF8.GetBytes(ToJwk(key, isPrivate));
        byte[]? bytes = (key, isPrivate, type) switch
        {
            (_, true, "pkcs8") => key.ExportPkcs8PrivateKey(),
            (_, false, "spki") => key.ExportSubjectPublicKeyInfo(),
            (RSA rsa, true, "pkcs1") => rsa.ExportRSAPrivateKey(),
            (RSA rsa, false, "pkcs1") => rsa.ExportRSAPublicKey(),
            (ECDsa ec, true, "sec1") => ec.ExportECPrivateKey(),
            _ => null,
        };
        if (bytes is null || format == "der") return bytes;
        var label = (isPrivate, type) switch
        {
            (true, "pkcs8") => "PRIVATE KEY",
            (false, "spki") => "PUBLIC KEY",
            (true, "pkcs1") => "RSA PRIVATE KEY",
            (false, "pkcs1") => "RSA PUBLIC KEY",
            _ => "EC PRIVATE KEY",
        };
        return Encoding.ASCII.GetBytes(new string(PemEncoding.Write(label, bytes)) + "\n");
    }

    private static byte[]? ExportOkp(string oid, byte[] der, bool isPrivate, string format, string type)
    {
        if (format == "jwk")
        {
            var jwk = new Dictionary<string, string> { ["crv"] = Okp.Curve(oid) };
            if (isPrivate) jwk["d"] = B64(Okp.ReadPrivate(der));
            jwk["x"] = B64(OkpPublic(oid, der, isPrivate));
            jwk["kty"] = "OKP";
            return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(jwk));
        }
        if ((isPrivate ? "pkcs8" : "spki") != type) return null;
        var bytes = isPrivate ? Okp.Pkcs8(oid, Okp.ReadPrivate(der)) : Okp.Spki(oid, Okp.ReadPublic(der));
        if (format == "der") return bytes;
        return Encoding.ASCII.GetBytes(new string(PemEncoding.Write(isPrivate ? "PRIVATE KEY" : "PUBLIC KEY", bytes)) + "\n");
    }

    private static string B64(byte[]? b) => Convert.ToBase64String(b ?? []).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromB64(JsonElement jwk, string name)
    {
        var s = jwk.GetProperty(name).GetString() ?? throw new FormatException();
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    private static string ToJwk(AsymmetricAlgorithm key, bool isPrivate)
    {
        var jwk = new Dictionary<string, string>();
        if (key is RSA rsa)
        {
            var p = rsa.ExportParameters(isPrivate);
            jwk["kty"] = "RSA";
            jwk["n"] = B64(p.Modulus);
            jwk["e"] = B64(p.Exponent);
            if (isPrivate)
            {
                jwk["d"] = B64(p.D); jwk["p"] = B64(p.P); jwk["q"] = B64(p.Q);
                jwk["dp"] = B64(p.DP); jwk["dq"] = B64(p.DQ); jwk["qi"] = B64(p.InverseQ);
            }
        }
        else
        {
            var p = ((ECDsa)key).ExportParameters(isPrivate);
            jwk["kty"] = "EC";
            jwk["x"] = B64(p.Q.X);
            jwk["y"] = B64(p.Q.Y);
            jwk["crv"] = JwkCurve(p.Curve);
            if (isPrivate) jwk["d"] = B64(p.D);
        }
        return JsonSerializer.Serialize(jwk);
    }

    private static (bool, byte[]) FromJwk(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var jwk = doc.RootElement;
        var kty = jwk.GetProperty("kty").GetString();
        var isPrivate = jwk.TryGetProperty("d", out _);
        if (kty == "RSA")
        {
            var p = new RSAParameters { Modulus = FromB64(jwk, "n"), Exponent = FromB64(jwk, "e") };
            if (isPrivate)
            {
                p.D = FromB64(jwk, "d"); p.P = FromB64(jwk, "p"); p.Q = FromB64(jwk, "q");
                p.DP = FromB64(jwk, "dp"); p.DQ = FromB64(jwk, "dq"); p.InverseQ = FromB64(jwk, "qi");
            }
            using var rsa = RSA.Create(p);
            return (isPrivate, isPrivate ? rsa.ExportPkcs8PrivateKey() : rsa.ExportSubjectPublicKeyInfo());
        }
        if (kty == "EC")
        {
            var curve = Curve(jwk.GetProperty("crv").GetString() ?? "") ?? throw new KeyImportException(KeyFailure.Unsupported);
            var p = new ECParameters { Curve = curve, Q = new ECPoint { X = FromB64(jwk, "x"), Y = FromB64(jwk, "y") } };
            if (isPrivate) p.D = FromB64(jwk, "d");
            using var ec = ECDsa.Create(p);
            return (isPrivate, isPrivate ? ec.ExportPkcs8PrivateKey() : ec.ExportSubjectPublicKeyInfo());
        }
        if (kty == "OKP")
        {
            var oid = Okp.OidOfCurve(jwk.GetProperty("crv").GetString() ?? "") ?? throw new KeyImportException(KeyFailure.Unsupported);
            return isPrivate ? (true, Okp.Pkcs8(oid, FromB64(jwk, "d"))) : (false, Okp.Spki(oid, FromB64(jwk, "x")));
        }
        throw new KeyImportException(KeyFailure.Unsupported);
    }
}
