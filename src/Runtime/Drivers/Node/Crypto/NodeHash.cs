using System.Security.Cryptography;

namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>
/// A running hash or HMAC of a guest: .NET's IncrementalHash where it has the digest, our own code for the
/// ones it lacks (sha224). Finish returns the digest and resets to the start (keyed, for an HMAC).
/// </summary>
internal abstract class NodeHash : IDisposable
{
    public abstract int Size { get; }
    public abstract void Append(ReadOnlySpan<byte> data);
    public abstract int Finish(Span<byte> destination);
    public abstract NodeHash Clone();
    public virtual void Dispose() { }

    public byte[] Finish()
    {
        var output = new byte[Size];
        Finish(output);
        return output;
    }

    /// <summary>A hash by Node name, or null when the host has none.</summary>
    public static NodeHash? Create(string name)
    {
        if (name.Equals("sha224", StringComparison.OrdinalIgnoreCase) || name.Equals("sha-224", StringComparison.OrdinalIgnoreCase)) return new Sha224();
        return Digests.Find(name) is { } n ? new Incremental(IncrementalHash.CreateHash(n), Digests.Size(n)) : null;
    }

    /// <summary>An HMAC (RFC 2104) by Node digest name, or null.</summary>
    public static NodeHash? CreateHmac(string name, ReadOnlySpan<byte> key)
    {
        if (Digests.Find(name) is { } n) return new Incremental(IncrementalHash.CreateHMAC(n, key), Digests.Size(n));
        return Create(name) is { } inner ? new Hmac(inner, key) : null;
    }

    private sealed class Incremental(IncrementalHash hash, int size) : NodeHash
    {
        public override int Size => size;
        public override void Append(ReadOnlySpan<byte> data) => hash.AppendData(data);
        public override int Finish(Span<byte> destination) => hash.GetHashAndReset(destination);
        public override NodeHash Clone() => new Incremental(hash.Clone(), size);
        public override void Dispose() => hash.Dispose();
    }

    /// <summary>HMAC over one of our own hashes (64-byte block, as SHA-224 has).</summary>
    private sealed class Hmac : NodeHash
    {
        private const int Block = 64;
        private readonly NodeHash _inner;
        private readonly byte[] _outerPad;
        private readonly byte[] _innerPad;

        public Hmac(NodeHash inner, ReadOnlySpan<byte> key)
        {
            var k = new byte[Block];
            if (key.Length > Block)
            {
                var h = inner.Clone();
                h.Append(key);
                h.Finish().CopyTo(k, 0);
            }
            else key.CopyTo(k);
            _innerPad = k.Select(b => (byte)(b ^ 0x36)).ToArray();
            _outerPad = k.Select(b => (byte)(b ^ 0x5c)).ToArray();
            _inner = inner;
            _inner.Append(_innerPad);
        }

        private Hmac(NodeHash inner, byte[] innerPad, byte[] outerPad) => (_inner, _innerPad, _outerPad) = (inner, innerPad, outerPad);

        public override int Size => _inner.Size;
        public override void Append(ReadOnlySpan<byte> data) => _inner.Append(data);

        public override int Finish(Span<byte> destination)
        {
            var innerDigest = _inner.Finish();
            var outer = _inner.Clone();
            outer.Append(_outerPad);
            outer.Append(innerDigest);
            var n = outer.Finish(destination);
            _inner.Append(_innerPad);
            return n;
        }

        public override NodeHash Clone() => new Hmac(_inner.Clone(), _innerPad, _outerPad);
    }
}
