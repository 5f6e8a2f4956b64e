using System.Text.Json;
using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Zlib;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>zlib: compression streams keyed by small ids; bytes in and out as blobs; the last failure kept per stream.</summary>
internal sealed partial class NodeBridge
{
    /// <summary>Most output one zlib call produces on the host (Node allows 4 GiB; a sandbox bounds decompression bombs).</summary>
    private const long MaxZlibOutput = 256L << 20;

    private readonly Dictionary<int, ZlibCodec> _zlibs = [];
    private readonly Dictionary<int, string> _zlibErrors = [];
    private int _nextZlib;

    private void DispatchZlib(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.ZlibCreate: r.Set(ZlibCreate(Str(a, 1), Str(a, 2))); break;
            case BridgeOp.ZlibWrite:
            {
                var (id, data, flush) = (Int(a, 1), TakeBlob(a, 2), Int(a, 3));
                if (!_zlibs.TryGetValue(id, out var codec)) { Fail(r, Errno.EBADF); break; }
                if (flush is < 0 or > 5) { Fail(r, Errno.EINVAL); break; }
                if (_zlibErrors.ContainsKey(id)) { Fail(r, Errno.EPROTO); break; } // a failed stream stays failed
                try
                {
                    r.Set(AddBlob(codec.Write(data, flush)));
                }
                catch (ZlibException ex)
                {
                    _zlibErrors[id] = $"{ex.Errno},{ex.Message}";
                    Fail(r, Errno.EPROTO);
                }
                break;
            }
            case BridgeOp.ZlibError: r.Set(_zlibErrors.TryGetValue(Int(a, 1), out var error) ? error : ""); break;
            case BridgeOp.ZlibClose:
            {
                var id = Int(a, 1);
                if (_zlibs.Remove(id, out var codec)) codec.Dispose();
                _zlibErrors.Remove(id);
                r.Set(0);
                break;
            }
            default: DispatchAsyncContext(op, a, r); break;
        }
    }

    /// <summary>A JSON object argument; anything else is a bad argument (-EINVAL).</summary>
    private static JsonDocument JsonObjectArg(string text)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (Exception e) when (e is JsonException or ArgumentException) // ArgumentException: a lone surrogate
        {
            throw new BridgeArgumentException();
        }
        if (doc.RootElement.ValueKind == JsonValueKind.Object) return doc;
        doc.Dispose();
        throw new BridgeArgumentException();
    }

    /// <summary>A stream id, or -EINVAL for an unknown mode or an option out of range (JS validates first, as Node does).</summary>
    private int ZlibCreate(string mode, string optionsJson)
    {
        using var json = JsonObjectArg(optionsJson);
        int Option(string name, int fallback) =>
            json.RootElement.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : fallback;
        var maxOutput = json.RootElement.TryGetProperty("maxOutputLength", out var m) && m.TryGetDouble(out var d) && d >= 1
            ? (long)Math.Min(d, MaxZlibOutput) : MaxZlibOutput;
        var (level, strategy, windowBits) = (Option("level", -1), Option("strategy", 0), Option("windowBits", 15));
        if (level is < -1 or > 9 || strategy is < 0 or > 4 || windowBits is not (0 or (>= 8 and <= 15))) return -(int)Errno.EINVAL;
        var (quality, window) = (Option("quality", 11), Option("lgwin", 22));
        if (quality is < 0 or > 11 || window is < 10 or > 24) return -(int)Errno.EINVAL;
        ZlibCodec? codec = mode switch
        {
            "deflate" or "gzip" or "deflateRaw" => new DeflateCodec(mode, level, strategy),
            "inflate" => new InflateCodec(new Inflater(Inflater.Wrap.Zlib, windowBits, maxOutput)),
            "gunzip" => new InflateCodec(new Inflater(Inflater.Wrap.Gzip, windowBits, maxOutput)),
            "inflateRaw" => new InflateCodec(new Inflater(Inflater.Wrap.Raw, windowBits, maxOutput)),
            "unzip" => new InflateCodec(new Inflater(Inflater.Wrap.Auto, windowBits, maxOutput)),
            "brotliCompress" => new BrotliEncodeCodec(quality, window),
            "brotliDecompress" => new BrotliDecodeCodec(maxOutput),
            _ => null,
        };
        if (codec is null) return -(int)Errno.EINVAL;
        _zlibs[++_nextZlib] = codec;
        return _nextZlib;
    }
}
