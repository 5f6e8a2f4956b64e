using System.Buffers;
using System.IO.Compression;

namespace SecureExec.Testing.Drivers.Node.Zlib;

/// <summary>One zlib/brotli stream of a guest: bytes in with a flush kind, bytes out.</summary>
internal abstract class ZlibCodec : IDisposable
{
    // zlib flush kinds (Z_NO_FLUSH … Z_BLOCK) and brotli operations (PROCESS, FLUSH, FINISH).
    public const int Z_NO_FLUSH = 0, Z_FINISH = 4;
    public const int BROTLI_OPERATION_FLUSH = 1, BROTLI_OPERATION_FINISH = 2;

    public abstract byte[] Write(ReadOnlySpan<byte> data, int flush);

    public virtual void Dispose() { }
}

/// <summary>deflate/gzip/deflateRaw through .NET's zlib (zlib-ng since .NET 9): level and strategy apply;
/// windowBits and memLevel are fixed at zlib's defaults (15, 8) because .NET does not expose them.</summary>
internal sealed class DeflateCodec : ZlibCodec
{
    private readonly MemoryStream _sink = new();
    private readonly string _mode;
    private readonly int _level, _strategy;
    private Stream? _stream;
    private bool _wroteAny;

    public DeflateCodec(string mode, int level, int strategy)
    {
        (_mode, _level, _strategy) = (mode, level, strategy);
        var options = new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = (ZLibCompressionStrategy)strategy };
        _stream = mode switch
        {
            "gzip" => new GZipStream(_sink, options, leaveOpen: true),
            "deflateRaw" => new DeflateStream(_sink, options, leaveOpen: true),
            _ => new ZLibStream(_sink, options, leaveOpen: true),
        };
    }

    public override byte[] Write(ReadOnlySpan<byte> data, int flush)
    {
        if (_stream is null) return [];
        _stream.Write(data);
        _wroteAny |= !data.IsEmpty;
        if (flush == Z_FINISH && !_wroteAny)
        {
            // .NET writes nothing for a stream that never saw data; zlib writes an empty stream.
            _stream.Dispose();
            _stream = null;
            return EmptyStream();
        }
        if (flush == Z_FINISH)
        {
            _stream.Dispose();
            _stream = null;
        }
        else if (flush != Z_NO_FLUSH) _stream.Flush(); // Z_SYNC_FLUSH (.NET has no Z_FULL_FLUSH or Z_PARTIAL_FLUSH)
        var output = _sink.ToArray();
        _sink.SetLength(0);
        return output;
    }

    public override void Dispose() => _stream?.Dispose();

    /// <summary>What zlib's deflate emits for no input: wrapper header, one empty final block, trailer.</summary>
    private byte[] EmptyStream()
    {
        var level = _level == -1 ? 6 : _level;
        byte[] body = level == 0 ? [0x01, 0x00, 0x00, 0xff, 0xff] : [0x03, 0x00];
        switch (_mode)
        {
            case "gzip":
                byte xfl = level == 9 ? (byte)2 : _strategy >= 2 || level < 2 ? (byte)4 : (byte)0;
                return [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3, .. body, 0, 0, 0, 0, 0, 0, 0, 0];
            case "deflateRaw":
                return body;
            default:
                var flevel = _strategy >= 2 || level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3;
                var flg = flevel << 6;
                flg += 31 - ((0x78 << 8) + flg) % 31;
                return [0x78, (byte)flg, .. body, 0, 0, 0, 1];
        }
    }
}

/// <summary>inflate/gunzip/inflateRaw/unzip through <see cref="Inflater"/> (zlib's messages, exact truncation checks).</summary>
internal sealed class InflateCodec(Inflater inflater) : ZlibCodec
{
    public override byte[] Write(ReadOnlySpan<byte> data, int flush) => inflater.Write(data, flush == Z_FINISH);
}

internal sealed class BrotliEncodeCodec(int quality, int window) : ZlibCodec
{
    private BrotliEncoder _encoder = new(quality, window);
    private bool _finished;

    public override byte[] Write(ReadOnlySpan<byte> data, int flush)
    {
        if (_finished) return [];
        var output = new ArrayBufferWriter<byte>();
        var final = flush == BROTLI_OPERATION_FINISH;
        while (true)
        {
            var status = _encoder.Compress(data, output.GetSpan(65536), out var consumed, out var written, final);
            output.Advance(written);
            data = data[consumed..];
            if (status == System.Buffers.OperationStatus.InvalidData) throw new ZlibException(-1, "Compression failed");
            if (status == System.Buffers.OperationStatus.Done && data.IsEmpty) break;
        }
        if (flush == BROTLI_OPERATION_FLUSH)
        {
            while (true)
            {
                var status = _encoder.Flush(output.GetSpan(65536), out var written);
                output.Advance(written);
                if (status == System.Buffers.OperationStatus.Done) break;
            }
        }
        _finished = final;
        return output.WrittenSpan.ToArray();
    }

    public override void Dispose() => _encoder.Dispose();
}

internal sealed class BrotliDecodeCodec(long maxOutput) : ZlibCodec
{
    private BrotliDecoder _decoder;
    private bool _done;

    public override byte[] Write(ReadOnlySpan<byte> data, int flush)
    {
        var output = new ArrayBufferWriter<byte>();
        while (!_done)
        {
            var status = _decoder.Decompress(data, output.GetSpan(65536), out var consumed, out var written);
            output.Advance(written);
            data = data[consumed..];
            if (output.WrittenCount > maxOutput) throw new ZlibException(Inflater.ZlibBufferTooLarge, "Cannot create a Buffer larger than the maximum output length");
            if (status == System.Buffers.OperationStatus.Done) _done = true;
            else if (status == System.Buffers.OperationStatus.InvalidData) throw new ZlibException(-1, "Decompression failed");
            else if (status == System.Buffers.OperationStatus.NeedMoreData)
            {
                if (flush == BROTLI_OPERATION_FINISH) throw new ZlibException(ZlibException.Z_BUF_ERROR, "unexpected end of file");
                break;
            }
        }
        return output.WrittenSpan.ToArray();
    }

    public override void Dispose() => _decoder.Dispose();
}
