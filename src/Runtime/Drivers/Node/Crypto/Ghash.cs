using System.Buffers.Binary;

namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>GHASH of NIST SP 800-38D §6.4, fed in pieces; partial blocks are zero-padded when a section ends.</summary>
internal sealed class Ghash
{
    private static readonly UInt128 R = (UInt128)0xE1 << 120;
    private readonly byte[] _pending = new byte[16];
    private int _pendingLength;
    private UInt128 _y;
    // _table[16 * 256 * 0 + …]: for byte position p and value b, b·x^(8p)·H, so X·H is 16 lookups (X·H is linear in X).
    private readonly UInt128[] _table = new UInt128[16 * 256];

    public Ghash(UInt128 h)
    {
        // basis[i] = H·x^i, the V sequence of Algorithm 1.
        Span<UInt128> basis = stackalloc UInt128[128];
        var v = h;
        for (var i = 0; i < 128; i++)
        {
            basis[i] = v;
            v = (v & 1) == 0 ? v >> 1 : (v >> 1) ^ R;
        }
        for (var p = 0; p < 16; p++)
            for (var b = 1; b < 256; b++)
            {
                UInt128 acc = 0;
                for (var j = 0; j < 8; j++)
                    if ((b & (0x80 >> j)) != 0) acc ^= basis[8 * p + j];
                _table[p * 256 + b] = acc;
            }
    }

    public void Update(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var n = Math.Min(16 - _pendingLength, data.Length);
            data[..n].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += n;
            data = data[n..];
            if (_pendingLength == 16) Flush();
        }
    }

    /// <summary>Ends a section (AAD or ciphertext): pads the partial block with zeros.</summary>
    public void Pad()
    {
        if (_pendingLength == 0) return;
        _pending.AsSpan(_pendingLength).Clear();
        Flush();
    }

    public UInt128 Value => _y;

    private void Flush()
    {
        var x = _y ^ BinaryPrimitives.ReadUInt128BigEndian(_pending);
        UInt128 z = 0;
        for (var p = 0; p < 16; p++) z ^= _table[p * 256 + (int)((x >> (120 - 8 * p)) & 0xff)];
        _y = z;
        _pendingLength = 0;
    }
}
