using System.Security.Cryptography;
using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Crypto;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>crypto: random bytes and hashes/HMACs (<see cref="NodeHash"/>), bytes through the scratch array.</summary>
internal sealed partial class NodeBridge
{
    private readonly Dictionary<int, NodeHash> _hashes = [];
    private int _nextHash;

    private void DispatchCrypto(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.RandomFill:
            {
                var n = Length(a, 1);
                r.Set(WithScratch(p =>
                {
                    RandomNumberGenerator.Fill(Span(p)[..n]);
                    return n;
                }));
                break;
            }
            case BridgeOp.HashCreate: r.Set(HashCreate(Str(a, 1), Int(a, 2))); break;
            case BridgeOp.HashUpdate:
            {
                var n = Length(a, 2);
                if (!_hashes.TryGetValue(Int(a, 1), out var hash)) Fail(r, Errno.EBADF);
                else r.Set(WithScratch(p =>
                {
                    hash.Append(Span(p)[..n]);
                    return 0;
                }));
                break;
            }
            case BridgeOp.HashDigest:
            {
                if (!_hashes.Remove(Int(a, 1), out var hash)) Fail(r, Errno.EBADF);
                else
                    using (hash)
                        r.Set(WithScratch(p => hash.Finish(Span(p))));
                break;
            }
            case BridgeOp.HashCopy:
            {
                if (!_hashes.TryGetValue(Int(a, 1), out var hash)) Fail(r, Errno.EBADF);
                else
                {
                    _hashes[++_nextHash] = hash.Clone();
                    r.Set(_nextHash);
                }
                break;
            }
            default: DispatchCryptoKdf(op, a, r); break;
        }
    }

    private int HashCreate(string algorithm, int keyLength)
    {
        if (keyLength > ScratchSize) throw new BridgeArgumentException();
        var hash = keyLength < 0
            ? NodeHash.Create(algorithm)
            : NodeHash.CreateHmac(algorithm, WithScratch(p => Span(p)[..keyLength].ToArray()));
        if (hash is null) return -(int)Errno.EINVAL;
        var id = ++_nextHash;
        _hashes[id] = hash;
        return id;
    }

    /// <summary>Takes (removes) a blob handed over by JS as an argument.</summary>
    private byte[] TakeBlob(in V8FastArgs a, int i)
    {
        if (!_blobs.Remove(Int(a, i), out var data)) throw new BridgeArgumentException();
        return data;
    }

    /// <summary>Like <see cref="TakeBlob"/>, with 0 meaning "none".</summary>
    private byte[]? TakeOptionalBlob(in V8FastArgs a, int i) => Int(a, i) == 0 ? null : TakeBlob(a, i);
}
