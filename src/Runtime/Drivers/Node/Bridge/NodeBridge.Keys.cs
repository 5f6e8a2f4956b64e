using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Crypto;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>
/// crypto asymmetric keys (RSA, EC, Ed25519, X25519): stateless; the guest keeps each key as normalised DER and hands it in as a
/// blob for every operation, so no key object lives on the host.
/// </summary>
internal sealed partial class NodeBridge
{
    private void DispatchKeys(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.KeyImport:
            {
                var (format, type, wantPrivate, data) = (Str(a, 1), Str(a, 2), Bool(a, 3), TakeBlob(a, 4));
                string? passphrase = a.Count > 5 && a.TryGet(5, out string p) ? p : null;
                var key = KeyCodec.Import(format, type, wantPrivate, data, passphrase);
                switch (key.Failure)
                {
                    case KeyFailure.None: r.Set($"{{\"private\":{(key.IsPrivate ? "true" : "false")},\"blob\":{AddBlob(key.Der)}}}"); break;
                    case KeyFailure.Unsupported: Fail(r, Errno.ENOTSUP); break;
                    case KeyFailure.PassphraseRequired: Fail(r, Errno.EPERM); break;
                    case KeyFailure.BadPassphrase: Fail(r, Errno.EACCES); break;
                    default: Fail(r, Errno.EINVAL); break;
                }
                break;
            }
            case BridgeOp.KeyExport:
            {
                var (der, isPrivate, format, type) = (TakeBlob(a, 1), Bool(a, 2), Str(a, 3), Str(a, 4));
                var bytes = KeyOperation(() => KeyCodec.Export(der, isPrivate, format, type));
                if (bytes is null) Fail(r, Errno.EINVAL);
                else r.Set(AddBlob(bytes));
                break;
            }
            case BridgeOp.KeyDetails:
            {
                var (der, isPrivate) = (TakeBlob(a, 1), Bool(a, 2));
                var json = KeyOperation(() => KeyCodec.Describe(der, isPrivate));
                if (json is null) Fail(r, Errno.EINVAL);
                else r.Set(json);
                break;
            }
            case BridgeOp.KeyGenerate: r.Set(KeyGenerate(Str(a, 1), Str(a, 2))); break;
            case BridgeOp.Sign:
            {
                var (digest, der, isPrivate, data) = (Str(a, 1), TakeBlob(a, 2), Bool(a, 3), TakeBlob(a, 4));
                using var options = JsonObjectArg(Str(a, 5));
                if (!isPrivate) { Fail(r, Errno.EINVAL); break; }
                if (KeyOperation(() => KeyCodec.OkpOid(der, true)) is { } okp)
                {
                    var okpSignature = okp == Okp.Ed25519Oid && digest.Length == 0 ? KeyOperation(() => Okp.Sign(Okp.ReadPrivate(der), data)) : null;
                    if (okpSignature is null) Fail(r, Errno.EINVAL);
                    else r.Set(AddBlob(okpSignature));
                    break;
                }
                if (Digests.Find(digest.Length == 0 ? "sha256" : digest) is not { } hash) { Fail(r, Errno.ENOENT); break; }
                var signature = KeyOperation(() => Sign(hash, der, data, options.RootElement));
                if (signature is null) Fail(r, Errno.EINVAL);
                else r.Set(AddBlob(signature));
                break;
            }
            case BridgeOp.Verify:
            {
                var (digest, der, isPrivate, data, signature) = (Str(a, 1), TakeBlob(a, 2), Bool(a, 3), TakeBlob(a, 4), TakeBlob(a, 5));
                using var options = JsonObjectArg(Str(a, 6));
                if (KeyOperation(() => KeyCodec.OkpOid(der, isPrivate)) is { } okp)
                {
                    var valid = okp == Okp.Ed25519Oid && digest.Length == 0
                        ? KeyOperation(() => (bool?)Okp.Verify(KeyCodec.OkpPublic(okp, der, isPrivate), data, signature))
                        : null;
                    if (valid is null) Fail(r, Errno.EINVAL);
                    else r.Set(valid.Value ? 1 : 0);
                    break;
                }
                if (Digests.Find(digest.Length == 0 ? "sha256" : digest) is not { } hash) { Fail(r, Errno.ENOENT); break; }
                var ok = KeyOperation(() => (bool?)Verify(hash, der, isPrivate, data, signature, options.RootElement));
                if (ok is null) Fail(r, Errno.EINVAL);
                else r.Set(ok.Value ? 1 : 0);
                break;
            }
            case BridgeOp.RsaCrypt:
            {
                var (encrypt, der, isPrivate, data) = (Bool(a, 1), TakeBlob(a, 2), Bool(a, 3), TakeBlob(a, 4));
                using var options = JsonObjectArg(Str(a, 5));
                var padding = Option(options.RootElement, "padding", 4);
                var oaepHash = options.RootElement.TryGetProperty("oaepHash", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : "sha1";
                if (Digests.Find(oaepHash) is not { } oaep) { Fail(r, Errno.ENOENT); break; }
                RSAEncryptionPadding? mode = padding switch { 1 => RSAEncryptionPadding.Pkcs1, 4 => RSAEncryptionPadding.CreateOaep(oaep), _ => null };
                if (mode is null) { Fail(r, Errno.ENOTSUP); break; }
                try
                {
                    using var key = KeyCodec.Load(der, isPrivate);
                    if (key is not RSA rsa) { Fail(r, Errno.EINVAL); break; }
                    if (!encrypt && !isPrivate) { Fail(r, Errno.EINVAL); break; }
                    r.Set(AddBlob(encrypt ? rsa.Encrypt(data, mode) : rsa.Decrypt(data, mode)));
                }
                catch (CryptographicException)
                {
                    Fail(r, Errno.EBADMSG);
                }
                break;
            }
            case BridgeOp.EcdhDerive:
            {
                var (privateDer, publicDer) = (TakeBlob(a, 1), TakeBlob(a, 2));
                var secret = KeyOperation(() =>
                {
                    if (KeyCodec.OkpOid(privateDer, true) is { } okp)
                    {
                        return okp == Okp.X25519Oid && KeyCodec.OkpOid(publicDer, false) == Okp.X25519Oid
                            ? Okp.Derive(Okp.ReadPrivate(privateDer), Okp.ReadPublic(publicDer))
                            : null;
                    }
                    using var mine = ECDiffieHellman.Create();
                    mine.ImportPkcs8PrivateKey(privateDer, out _);
                    using var theirs = ECDiffieHellman.Create();
                    theirs.ImportSubjectPublicKeyInfo(publicDer, out _);
                    return mine.DeriveRawSecretAgreement(theirs.PublicKey);
                });
                if (secret is null) Fail(r, Errno.EINVAL);
                else r.Set(AddBlob(secret));
                break;
            }
            default: DispatchZlib(op, a, r); break;
        }
    }

    /// <summary>Runs a key operation; malformed keys or data give null instead of an exception.</summary>
    private static T? KeyOperation<T>(Func<T?> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception ex) when (ex is CryptographicException or System.Formats.Asn1.AsnContentException or ArgumentException or InvalidOperationException)
        {
            return default;
        }
    }

    private static int Option(JsonElement options, string name, int fallback) =>
        options.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : fallback;

    private static byte[]? Sign(HashAlgorithmName hash, byte[] der, byte[] data, JsonElement options)
    {
        using var key = KeyCodec.Load(der, true);
        if (key is ECDsa ec)
            return ec.SignData(data, hash, DsaFormat(options));
        var rsa = (RSA)key;
        return Option(options, "padding", 1) == 6
            ? RsaPss.Sign(rsa, hash, data, Option(options, "saltLength", RsaPss.SaltLengthMaxOrAuto))
            : rsa.SignData(data, hash, RSASignaturePadding.Pkcs1);
    }

    private static bool Verify(HashAlgorithmName hash, byte[] der, bool isPrivate, byte[] data, byte[] signature, JsonElement options)
    {
        using var key = KeyCodec.Load(der, isPrivate);
        if (key is ECDsa ec)
            return ec.VerifyData(data, signature, hash, DsaFormat(options));
        var rsa = (RSA)key;
        return Option(options, "padding", 1) == 6
            ? RsaPss.Verify(rsa, hash, data, signature, Option(options, "saltLength", RsaPss.SaltLengthMaxOrAuto))
            : rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
    }

    private static DSASignatureFormat DsaFormat(JsonElement options) =>
        options.TryGetProperty("dsaEncoding", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() == "ieee-p1363"
            ? DSASignatureFormat.IeeeP1363FixedFieldConcatenation
            : DSASignatureFormat.Rfc3279DerSequence;

    /// <summary>"privateBlob,publicBlob" of a new key pair; -ENOTSUP for a type or parameter .NET cannot make.</summary>
    private object KeyGenerate(string type, string optionsJson)
    {
        using var options = JsonObjectArg(optionsJson);
        AsymmetricAlgorithm key;
        switch (type)
        {
            case "rsa":
            {
                var bits = Option(options.RootElement, "modulusLength", 0);
                if (Option(options.RootElement, "publicExponent", 65537) != 65537) return -(int)Errno.ENOTSUP;
                if (bits is < 512 or > 16384) return -(int)Errno.EINVAL;
                key = RSA.Create(bits);
                break;
            }
            case "ec":
            {
                var name = options.RootElement.TryGetProperty("namedCurve", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
                if (KeyCodec.Curve(name) is not { } curve) return -(int)Errno.EINVAL;
                key = ECDsa.Create(curve);
                break;
            }
            case "ed25519" or "x25519":
            {
                var oid = type == "ed25519" ? Okp.Ed25519Oid : Okp.X25519Oid;
                var raw = Okp.Generate(oid);
                return $"{AddBlob(Okp.Pkcs8(oid, raw))},{AddBlob(Okp.Spki(oid, Okp.PublicFromPrivate(oid, raw)))}";
            }
            default: return -(int)Errno.ENOTSUP;
        }
        using (key)
            return $"{AddBlob(key.ExportPkcs8PrivateKey())},{AddBlob(key.ExportSubjectPublicKeyInfo())}";
    }
}
