using System.Buffers.Binary;

namespace SecureExec.Testing.Drivers.Node.Zlib;

/// <summary>
/// Streaming inflate (RFC 1951) with the zlib (RFC 1950) and gzip (RFC 1952) wrappers, reporting zlib's own
/// error texts. It decodes whole blocks: when the input ends inside a block it rolls back to the block's start
/// and waits for more, so output appears block by block and truncation is detected at finish.
/// </summary>
internal sealed class Inflater
{
    public enum Wrap { Raw, Zlib, Gzip, Auto }

    private enum Phase { Header, Blocks, Trailer, MemberEnd, Done }

    private static readonly short[] s_lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly byte[] s_lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly short[] s_distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly byte[] s_distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    private static readonly byte[] s_codeOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    private static readonly (Huffman Lit, Huffman Dist) s_fixed = BuildFixed();

    private readonly Wrap _configured;
    private readonly int _windowBits;
    private readonly long _maxOutput;
    private Wrap _wrap;
    private Phase _phase = Phase.Header;
    private bool _lastBlock;

    private byte[] _in = new byte[4096];
    private int _inLength, _pos;
    private uint _bitBuf;
    private int _bitCount;

    // _out holds up to 32 KiB of history before _emitted, then output not yet handed out.
    private byte[] _out = new byte[65536];
    private int _outLength, _emitted, _checked;
    private long _memberOutput;
    private int _window;
    private uint _check;

    private readonly Huffman _lit = new(288), _dist = new(32), _codes = new(19);
    private readonly byte[] _lengths = new byte[320];

    public Inflater(Wrap wrap, int windowBits, long maxOutput)
    {
        _configured = _wrap = wrap;
        _windowBits = windowBits;
        _window = 1 << (windowBits == 0 ? 15 : windowBits);
        _maxOutput = maxOutput;
    }

    /// <summary>Total input bytes consumed by complete blocks so far (for bytesWritten).</summary>
    public long Consumed { get; private set; }

    /// <summary>Feeds <paramref name="data"/> and returns the output of every block now complete.</summary>
    public byte[] Write(ReadOnlySpan<byte> data, bool finish)
    {
        Append(data);
        try
        {
            Run();
        }
        catch (NeedInputException)
        {
            Rollback();
            if (finish) throw new ZlibException(ZlibException.Z_BUF_ERROR, "unexpected end of file");
        }
        var output = _out.AsSpan(_emitted, _checked - _emitted).ToArray();
        _emitted = _checked;
        Compact();
        return output;
    }

    private sealed class NeedInputException : Exception;

    private void Run()
    {
        while (true)
        {
            switch (_phase)
            {
                case Phase.Header:
                    ReadHeader();
                    _phase = Phase.Blocks;
                    _lastBlock = false;
                    Commit();
                    break;
                case Phase.Blocks:
                    if (_lastBlock) { _phase = Phase.Trailer; break; }
                    _lastBlock = Bits(1) == 1;
                    ReadBlock((int)Bits(2));
                    Commit();
                    break;
                case Phase.Trailer:
                    ReadTrailer();
                    _phase = _wrap == Wrap.Gzip ? Phase.MemberEnd : Phase.Done;
                    Commit();
                    break;
                case Phase.MemberEnd:
                    // Like Node: more input after a gzip member starts another member, unless it begins with 0.
                    if (_pos == _inLength) return;
                    if (_in[_pos] == 0) { _phase = Phase.Done; break; }
                    _phase = Phase.Header;
                    break;
                default:
                    _pos = _inLength;
                    Commit();
                    return;
            }
        }
    }

    // ---- input and checkpoints ----

    private int _savedPos, _savedBitCount, _savedOutLength;
    private uint _savedBitBuf;
    private Phase _savedPhase;
    private bool _savedLast;

    private void Append(ReadOnlySpan<byte> data)
    {
        // Drop input before the checkpoint, then append.
        if (_savedPos > 0)
        {
            Buffer.BlockCopy(_in, _savedPos, _in, 0, _inLength - _savedPos);
            _inLength -= _savedPos;
            _pos -= _savedPos;
            _savedPos = 0;
        }
        if (_inLength + data.Length > _in.Length) Array.Resize(ref _in, Math.Max(_in.Length * 2, _inLength + data.Length));
        data.CopyTo(_in.AsSpan(_inLength));
        _inLength += data.Length;
    }

    private void Commit()
    {
        if (_wrap == Wrap.Gzip) _check = Checksums.Crc32(_check, _out.AsSpan(_checked, _outLength - _checked));
        else if (_wrap == Wrap.Zlib) _check = Checksums.Adler32(_check, _out.AsSpan(_checked, _outLength - _checked));
        _memberOutput += _outLength - _checked;
        _checked = _outLength;
        Consumed += _pos - _savedPos;
        (_savedPos, _savedBitBuf, _savedBitCount, _savedOutLength, _savedPhase, _savedLast) = (_pos, _bitBuf, _bitCount, _outLength, _phase, _lastBlock);
    }

    private void Rollback() =>
        (_pos, _bitBuf, _bitCount, _outLength, _phase, _lastBlock) = (_savedPos, _savedBitBuf, _savedBitCount, _savedOutLength, _savedPhase, _savedLast);

    private uint Bits(int need)
    {
        while (_bitCount < need)
        {
            if (_pos == _inLength) throw new NeedInputException();
            _bitBuf |= (uint)_in[_pos++] << _bitCount;
            _bitCount += 8;
        }
        var value = _bitBuf & (uint)((1L << need) - 1);
        _bitBuf >>= need;
        _bitCount -= need;
        return value;
    }

    private void AlignToByte() => (_bitBuf, _bitCount) = (0, 0);

    private byte Byte() => (byte)Bits(8);

    // ---- wrappers ----

    private void ReadHeader()
    {
        _check = _wrap == Wrap.Zlib || _configured == Wrap.Zlib ? 1u : 0u;
        _memberOutput = 0;
        if (_configured == Wrap.Raw) return;
        AlignToByte();
        var b0 = Byte();
        var b1 = Byte();
        if (_configured is Wrap.Gzip or Wrap.Auto && b0 == 0x1f && b1 == 0x8b)
        {
            _wrap = Wrap.Gzip;
            _check = 0;
            ReadGzipHeader();
            return;
        }
        if (_configured == Wrap.Gzip) throw ZlibException.DataError("incorrect header check");
        _wrap = Wrap.Zlib;
        _check = 1;
        if (((b0 << 8) | b1) % 31 != 0) throw ZlibException.DataError("incorrect header check");
        if ((b0 & 0x0f) != 8) throw ZlibException.DataError("unknown compression method");
        var bits = (b0 >> 4) + 8;
        if (bits > (_windowBits == 0 ? 15 : _windowBits)) throw ZlibException.DataError("invalid window size");
        _window = 1 << bits;
        if ((b1 & 0x20) != 0) throw new ZlibException(ZlibException.Z_NEED_DICT, "Missing dictionary");
    }

    private void ReadGzipHeader()
    {
        var start = _pos - 2;
        if (Byte() != 8) throw ZlibException.DataError("unknown compression method");
        var flags = Byte();
        if ((flags & 0xe0) != 0) throw ZlibException.DataError("unknown header flags set");
        for (var i = 0; i < 6; i++) Byte(); // MTIME, XFL, OS
        if ((flags & 4) != 0)
        {
            var xlen = Byte() | (Byte() << 8);
            for (var i = 0; i < xlen; i++) Byte();
        }
        if ((flags & 8) != 0) while (Byte() != 0) { }
        if ((flags & 16) != 0) while (Byte() != 0) { }
        if ((flags & 2) != 0)
        {
            var crc = Checksums.Crc32(0, _in.AsSpan(start, _pos - start)) & 0xffff;
            if ((Byte() | (Byte() << 8)) != crc) throw ZlibException.DataError("header crc mismatch");
        }
        _window = 1 << (_windowBits == 0 ? 15 : Math.Min(_windowBits, 15));
    }

    private void ReadTrailer()
    {
        if (_wrap == Wrap.Raw) return;
        AlignToByte();
        Span<byte> t = stackalloc byte[8];
        var n = _wrap == Wrap.Gzip ? 8 : 4;
        for (var i = 0; i < n; i++) t[i] = Byte();
        // The checksum covers output through the last block, which Commit() has added.
        if (_wrap == Wrap.Zlib)
        {
            if (BinaryPrimitives.ReadUInt32BigEndian(t) != _check) throw ZlibException.DataError("incorrect data check");
            return;
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(t) != _check) throw ZlibException.DataError("incorrect data check");
        if (BinaryPrimitives.ReadUInt32LittleEndian(t[4..]) != (uint)_memberOutput) throw ZlibException.DataError("incorrect length check");
    }

    // ---- blocks ----

    private void ReadBlock(int type)
    {
        switch (type)
        {
            case 0: Stored(); break;
            case 1: Codes(s_fixed.Lit, s_fixed.Dist); break;
            case 2: Dynamic(); break;
            default: throw ZlibException.DataError("invalid block type");
        }
    }

    private void Stored()
    {
        AlignToByte();
        var len = Byte() | (Byte() << 8);
        var nlen = Byte() | (Byte() << 8);
        if (len != (~nlen & 0xffff)) throw ZlibException.DataError("invalid stored block lengths");
        if (_inLength - _pos < len) throw new NeedInputException();
        EnsureOutput(len);
        _in.AsSpan(_pos, len).CopyTo(_out.AsSpan(_outLength));
        _pos += len;
        _outLength += len;
    }

    private void Dynamic()
    {
        var nlen = (int)Bits(5) + 257;
        var ndist = (int)Bits(5) + 1;
        var ncode = (int)Bits(4) + 4;
        if (nlen > 286 || ndist > 30) throw ZlibException.DataError("too many length or distance symbols");
        Array.Clear(_lengths);
        for (var i = 0; i < ncode; i++) _lengths[s_codeOrder[i]] = (byte)Bits(3);
        if (_codes.Build(_lengths.AsSpan(0, 19)) != 0 || _codes.MaxLength == 0) throw ZlibException.DataError("invalid code lengths set");
        Array.Clear(_lengths);
        for (var index = 0; index < nlen + ndist;)
        {
            var symbol = Decode(_codes);
            if (symbol < 0) throw ZlibException.DataError("invalid code lengths set");
            if (symbol < 16) { _lengths[index++] = (byte)symbol; continue; }
            byte len = 0;
            int copy;
            if (symbol == 16)
            {
                if (index == 0) throw ZlibException.DataError("invalid bit length repeat");
                len = _lengths[index - 1];
                copy = 3 + (int)Bits(2);
            }
            else copy = symbol == 17 ? 3 + (int)Bits(3) : 11 + (int)Bits(7);
            if (index + copy > nlen + ndist) throw ZlibException.DataError("invalid bit length repeat");
            while (copy-- > 0) _lengths[index++] = len;
        }
        if (_lengths[256] == 0) throw ZlibException.DataError("invalid code -- missing end-of-block");
        var err = _lit.Build(_lengths.AsSpan(0, nlen));
        if (err < 0 || (err > 0 && _lit.MaxLength != 1)) throw ZlibException.DataError("invalid literal/lengths set");
        err = _dist.Build(_lengths.AsSpan(nlen, ndist));
        if (err < 0 || (err > 0 && _dist.MaxLength != 1)) throw ZlibException.DataError("invalid distances set");
        Codes(_lit, _dist);
    }

    private void Codes(Huffman lit, Huffman dist)
    {
        while (true)
        {
            var symbol = Decode(lit);
            if (symbol < 0) throw ZlibException.DataError("invalid literal/length code");
            if (symbol < 256)
            {
                EnsureOutput(1);
                _out[_outLength++] = (byte)symbol;
                continue;
            }
            if (symbol == 256) return;
            symbol -= 257;
            if (symbol >= 29) throw ZlibException.DataError("invalid literal/length code");
            var len = s_lengthBase[symbol] + (int)Bits(s_lengthExtra[symbol]);
            var dsym = Decode(dist);
            if (dsym is < 0 or >= 30) throw ZlibException.DataError("invalid distance code");
            var distance = s_distBase[dsym] + (int)Bits(s_distExtra[dsym]);
            var history = Math.Min(_window, _memberOutput + (_outLength - _checked));
            if (distance > history) throw ZlibException.DataError("invalid distance too far back");
            EnsureOutput(len);
            var from = _outLength - distance;
            for (var i = 0; i < len; i++) _out[_outLength++] = _out[from + i];
        }
    }

    private int Decode(Huffman h)
    {
        int code = 0, first = 0, index = 0;
        for (var len = 1; len <= Huffman.MaxBits; len++)
        {
            code |= (int)Bits(1);
            int count = h.Count[len];
            if (code - count < first) return h.Symbol[index + (code - first)];
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        return -1;
    }

    // ---- output ----

    private void EnsureOutput(int n)
    {
        if (_outLength - _emitted + (long)n > _maxOutput) throw new ZlibException(ZlibBufferTooLarge, "Cannot create a Buffer larger than the maximum output length");
        if (_outLength + n <= _out.Length) return;
        Array.Resize(ref _out, Math.Max(_out.Length * 2, _outLength + n));
    }

    /// <summary>Errno used for maxOutputLength (Node's ERR_BUFFER_TOO_LARGE), outside zlib's codes.</summary>
    public const int ZlibBufferTooLarge = -1000;

    /// <summary>Keeps 32 KiB of history before the emitted point and moves the rest down.</summary>
    private void Compact()
    {
        var keepFrom = Math.Max(0, _emitted - 32768);
        if (keepFrom < 65536) return;
        Buffer.BlockCopy(_out, keepFrom, _out, 0, _outLength - keepFrom);
        _outLength -= keepFrom;
        _emitted -= keepFrom;
        _checked -= keepFrom;
        _savedOutLength -= keepFrom;
    }

    private static (Huffman, Huffman) BuildFixed()
    {
        var lengths = new byte[288];
        for (var i = 0; i < 144; i++) lengths[i] = 8;
        for (var i = 144; i < 256; i++) lengths[i] = 9;
        for (var i = 256; i < 280; i++) lengths[i] = 7;
        for (var i = 280; i < 288; i++) lengths[i] = 8;
        var lit = new Huffman(288);
        lit.Build(lengths);
        var dist = new Huffman(32);
        dist.Build(Enumerable.Repeat((byte)5, 32).ToArray());
        return (lit, dist);
    }
}
