namespace SecureExec.Testing.Drivers.Node.Zlib;

/// <summary>A canonical Huffman code (RFC 1951 §3.2.2) as counts per length and symbols in code order.</summary>
internal sealed class Huffman
{
    public const int MaxBits = 15;
    public readonly short[] Count = new short[MaxBits + 1];
    public readonly short[] Symbol;
    /// <summary>Longest code length in use (0 when no symbol has a code).</summary>
    public int MaxLength { get; private set; }

    public Huffman(int symbols) => Symbol = new short[symbols];

    /// <summary>Builds the code from lengths; returns 0 when complete, &gt; 0 when incomplete, &lt; 0 when over-subscribed.</summary>
    public int Build(ReadOnlySpan<byte> lengths)
    {
        Array.Clear(Count);
        foreach (var l in lengths) Count[l]++;
        MaxLength = 0;
        for (var len = MaxBits; len > 0; len--)
            if (Count[len] != 0) { MaxLength = len; break; }
        if (Count[0] == lengths.Length) return 0;
        var left = 1;
        for (var len = 1; len <= MaxBits; len++)
        {
            left <<= 1;
            left -= Count[len];
            if (left < 0) return left;
        }
        Span<short> offs = stackalloc short[MaxBits + 1];
        offs[1] = 0;
        for (var len = 1; len < MaxBits; len++) offs[len + 1] = (short)(offs[len] + Count[len]);
        for (short symbol = 0; symbol < lengths.Length; symbol++)
            if (lengths[symbol] != 0) Symbol[offs[lengths[symbol]]++] = symbol;
        return left;
    }
}
