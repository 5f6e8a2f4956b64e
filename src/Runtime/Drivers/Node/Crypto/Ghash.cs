using System.Buffers.Binary;

namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>GHASH of NIST SP 800-38D §6.4, fed in pieces; partial blocks are zero-padded when a section ends.</summary>
internal sealed class Ghash(UInt128 h)
{
    private static readonly UInt128 R = (UInt128)0xE1 << 120;
    private readonly byte[] _pending = new byte[16];
    private int _pendingLength;
    private UInt128 _y;

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
        _y = Multiply(_y ^ BinaryPrimitives.ReadUInt128BigEndian(_pending), h);
        _pendingLength = 0;
    }

    /// <summary>Multiplication in GF(2^128), Algorithm 1 of SP 800-38D.</summary>
    private static UInt128 Multiply(UInt128 x, UInt128 y)
    {
        UInt128 z = 0, v = y;
        for (var i = 127; i >= 0; i--)
        {
            if (((x >> i) & 1) != 0) z ^= v;
            v = (v & 1) == 0 ? v >> 1 : (v >> 1) ^ R;
        }
        return z;
    }
}
