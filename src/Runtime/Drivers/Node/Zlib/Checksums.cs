namespace SecureExec.Testing.Drivers.Node.Zlib;

/// <summary>Adler-32 (RFC 1950 §8) and CRC-32 (ISO 3309, as gzip and zlib.crc32 use it).</summary>
internal static class Checksums
{
    private static readonly uint[] s_crcTable = BuildCrcTable();

    public static uint Adler32(uint adler, ReadOnlySpan<byte> data)
    {
        uint a = adler & 0xffff, b = adler >> 16;
        while (!data.IsEmpty)
        {
            // 5552 is the most bytes before b can overflow 32 bits (zlib's NMAX).
            var n = Math.Min(5552, data.Length);
            foreach (var x in data[..n])
            {
                a += x;
                b += a;
            }
            a %= 65521;
            b %= 65521;
            data = data[n..];
        }
        return (b << 16) | a;
    }

    public static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        crc = ~crc;
        foreach (var x in data) crc = s_crcTable[(crc ^ x) & 0xff] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xedb88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
