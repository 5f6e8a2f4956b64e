using System.Buffers.Binary;
using System.Numerics;

namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>SHA-224 (FIPS 180-4 §6.3: SHA-256 with its own initial values, truncated to 28 bytes); .NET has none.</summary>
internal sealed class Sha224 : NodeHash
{
    private static readonly uint[] s_k =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];
    private static readonly uint[] s_initial = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];

    private readonly uint[] _h = (uint[])s_initial.Clone();
    private readonly byte[] _block = new byte[64];
    private int _blockLength;
    private long _length;

    public override int Size => 28;

    public override void Append(ReadOnlySpan<byte> data)
    {
        _length += data.Length;
        while (!data.IsEmpty)
        {
            var n = Math.Min(64 - _blockLength, data.Length);
            data[..n].CopyTo(_block.AsSpan(_blockLength));
            _blockLength += n;
            data = data[n..];
            if (_blockLength == 64)
            {
                Compress(_block);
                _blockLength = 0;
            }
        }
    }

    public override int Finish(Span<byte> destination)
    {
        var bits = _length * 8;
        Span<byte> pad = stackalloc byte[72];
        var padLength = (_blockLength < 56 ? 56 : 120) - _blockLength;
        pad.Clear();
        pad[0] = 0x80;
        BinaryPrimitives.WriteInt64BigEndian(pad[padLength..], bits);
        Append(pad[..(padLength + 8)]);
        for (var i = 0; i < 7; i++) BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], _h[i]);
        s_initial.CopyTo(_h, 0);
        (_blockLength, _length) = (0, 0);
        return 28;
    }

    public override NodeHash Clone()
    {
        var copy = new Sha224();
        _h.CopyTo(copy._h, 0);
        _block.CopyTo(copy._block, 0);
        (copy._blockLength, copy._length) = (_blockLength, _length);
        return copy;
    }

    private void Compress(ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[64];
        for (var i = 0; i < 16; i++) w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * i)..]);
        for (var i = 16; i < 64; i++)
        {
            var s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint a = _h[0], b = _h[1], c = _h[2], d = _h[3], e = _h[4], f = _h[5], g = _h[6], h = _h[7];
        for (var i = 0; i < 64; i++)
        {
            var t1 = h + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25)) + ((e & f) ^ (~e & g)) + s_k[i] + w[i];
            var t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            (h, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
        }
        _h[0] += a; _h[1] += b; _h[2] += c; _h[3] += d; _h[4] += e; _h[5] += f; _h[6] += g; _h[7] += h;
    }
}
