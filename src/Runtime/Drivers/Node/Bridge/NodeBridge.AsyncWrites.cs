using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>Non-blocking writes for streams over fds (libuv's uv_try_write + a write watcher in the loop).</summary>
internal sealed partial class NodeBridge
{
    private void DispatchAsyncWrites(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.WriteTry: r.Set(TryWriteFd(Int(a, 1), Length(a, 2))); break;
            default: DispatchV8(op, a, r); break;
        }
    }

    private int TryWriteFd(int fd, int length) => WithScratch(p =>
    {
        var e = Process.TryWrite(fd, Span(p)[..length], out var n);
        return e == Errno.SUCCESS ? n : -(int)e;
    });
}
