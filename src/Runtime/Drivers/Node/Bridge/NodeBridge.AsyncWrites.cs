using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>
/// Writes for streams over fds: non-blocking ones (libuv's uv_try_write + a write watcher in the loop) and the
/// console's direct path (a whole string, written synchronously).
/// </summary>
internal sealed partial class NodeBridge
{
    private void DispatchAsyncWrites(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.WriteTry: r.Set(TryWriteFd(Int(a, 1), Length(a, 2))); break;
            case BridgeOp.WriteText: r.Set(WriteText(Int(a, 1), Str(a, 2))); break;
            default: DispatchV8(op, a, r); break;
        }
    }

    private int TryWriteFd(int fd, int length) => WithScratch(p =>
    {
        var e = Process.TryWrite(fd, Span(p)[..length], out var n);
        return e == Errno.SUCCESS ? n : -(int)e;
    });

    /// <summary>UTF-8 of <paramref name="text"/> (lone surrogates become U+FFFD, as in Node), all of it unless an error stops it.</summary>
    private int WriteText(int fd, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var total = 0;
        while (total < bytes.Length)
        {
            var e = Process.Write(fd, bytes.AsSpan(total), out var n);
            if (e != Errno.SUCCESS) return total > 0 ? total : -(int)e;
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
