using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Crypto;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>crypto ciphers (createCipheriv/createDecipheriv): host-side streams keyed by small ids, gone after final.</summary>
internal sealed partial class NodeBridge
{
    private readonly Dictionary<int, NodeCipher> _ciphers = [];
    private int _nextCipher;

    private void DispatchCipher(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.CipherCreate: r.Set(CipherCreate(Str(a, 1), Bool(a, 2), TakeBlob(a, 3), TakeOptionalBlob(a, 4), Int(a, 5))); break;
            case BridgeOp.CipherUpdate:
            {
                var input = TakeBlob(a, 2);
                if (!_ciphers.TryGetValue(Int(a, 1), out var cipher)) Fail(r, Errno.EBADF);
                else r.Set(AddBlob(cipher.Update(input)));
                break;
            }
            case BridgeOp.CipherFinal:
            {
                if (!_ciphers.Remove(Int(a, 1), out var cipher)) { Fail(r, Errno.EBADF); break; }
                using (cipher)
                {
                    var (output, failure) = cipher.Final();
                    switch (failure)
                    {
                        case CipherFailure.None: r.Set(AddBlob(output)); break;
                        case CipherFailure.BadDecrypt: Fail(r, Errno.EBADMSG); break;
                        case CipherFailure.WrongFinalBlockLength: Fail(r, Errno.EMSGSIZE); break;
                        default: Fail(r, Errno.EPROTO); break;
                    }
                }
                break;
            }
            case BridgeOp.CipherSetAAD:
            {
                var aad = TakeBlob(a, 2);
                Set(r, !_ciphers.TryGetValue(Int(a, 1), out var cipher) ? Errno.EBADF : cipher.SetAad(aad) ? Errno.SUCCESS : Errno.EINVAL);
                break;
            }
            case BridgeOp.CipherSetAutoPadding:
                Set(r, !_ciphers.TryGetValue(Int(a, 1), out var padded) ? Errno.EBADF : padded.SetAutoPadding(Bool(a, 2)) ? Errno.SUCCESS : Errno.EINVAL);
                break;
            case BridgeOp.CipherSetAuthTag:
            {
                var tag = TakeBlob(a, 2);
                Set(r, !_ciphers.TryGetValue(Int(a, 1), out var cipher) ? Errno.EBADF : cipher.SetAuthTag(tag) ? Errno.SUCCESS : Errno.EINVAL);
                break;
            }
            default: DispatchKeys(op, a, r); break;
        }
    }

    /// <summary>A cipher id; -ENOENT for an unknown cipher, -EINVAL for a wrong key/IV/tag length (JS checks first).</summary>
    private int CipherCreate(string name, bool decrypt, byte[] key, byte[]? iv, int tagLength)
    {
        if (NodeCipher.Describe(name) is not { } d) return -(int)Errno.ENOENT;
        iv ??= [];
        var ivOk = d.Mode switch { "gcm" => iv.Length > 0 && iv.Length <= 1024, "ecb" => iv.Length == 0, _ => iv.Length == d.IvLength };
        if (key.Length != d.KeyLength || !ivOk || tagLength is < 4 or > 16) return -(int)Errno.EINVAL;
        _ciphers[++_nextCipher] = new NodeCipher(d.Mode, decrypt, key, iv, tagLength);
        return _nextCipher;
    }
}
