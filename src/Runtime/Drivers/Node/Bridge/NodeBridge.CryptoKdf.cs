using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Crypto;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>crypto key derivation: pbkdf2, hkdf, scrypt. Inputs are blobs (consumed); the key comes back as a blob.</summary>
internal sealed partial class NodeBridge
{
    /// <summary>Largest derived key or scrypt memory the host computes for a guest.</summary>
    private const int MaxDerivedBytes = 1 << 26;

    private void DispatchCryptoKdf(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.Pbkdf2:
            {
                var (iterations, keylen) = (Int(a, 2), Int(a, 3));
                var (password, salt) = (TakeBlob(a, 4), TakeBlob(a, 5));
                using var hmac = NodeHash.CreateHmac(Str(a, 1), password);
                if (hmac is null) Fail(r, Errno.ENOENT);
                else if (iterations < 1 || keylen < 0 || keylen > MaxDerivedBytes) Fail(r, Errno.EINVAL);
                else r.Set(AddBlob(Kdf.Pbkdf2(hmac, salt, iterations, keylen)));
                break;
            }
            case BridgeOp.Hkdf:
            {
                var keylen = Int(a, 2);
                var (ikm, salt, info) = (TakeBlob(a, 3), TakeBlob(a, 4), TakeBlob(a, 5));
                var digest = Str(a, 1);
                using var probe = NodeHash.Create(digest);
                if (probe is null) Fail(r, Errno.ENOENT);
                else if (keylen < 0 || keylen > 255 * probe.Size) Fail(r, Errno.EINVAL);
                else r.Set(AddBlob(Kdf.Hkdf(digest, ikm, salt, info, keylen)));
                break;
            }
            case BridgeOp.Scrypt:
            {
                var (n, blockSize, parallel, keylen) = (Int(a, 1), Int(a, 2), Int(a, 3), Int(a, 4));
                var (password, salt) = (TakeBlob(a, 5), TakeBlob(a, 6));
                var memory = 128L * n * blockSize;
                if (n < 2 || (n & (n - 1)) != 0 || blockSize < 1 || parallel < 1 || keylen < 0 || keylen > MaxDerivedBytes ||
                    memory > MaxDerivedBytes * 4L || (long)blockSize * parallel >= 1 << 30 || 128L * blockSize * parallel > MaxDerivedBytes)
                    Fail(r, Errno.EINVAL);
                else r.Set(AddBlob(Kdf.Scrypt(password, salt, n, blockSize, parallel, keylen)));
                break;
            }
            default: DispatchCipher(op, a, r); break;
        }
    }
}
