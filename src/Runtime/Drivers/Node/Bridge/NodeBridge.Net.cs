using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Loop;
using SecureExec.Testing.Kernel.Sockets;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>Sockets and name resolution for <c>net</c>, <c>http</c>, <c>dns</c> and <c>fetch</c>.</summary>
internal sealed partial class NodeBridge
{
    private const int MaxHostLength = 255;

    private void DispatchNet(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.NetListen: r.Set(NetListen(Host(a, 1), Int(a, 2), Int(a, 3))); break;
            case BridgeOp.NetConnect: r.Set(NetConnect(Host(a, 1), Int(a, 2), Bool(a, 3))); break;
            case BridgeOp.NetShutdown: Set(r, Process.Shutdown(Int(a, 1), Int(a, 2))); break;
            case BridgeOp.NetAddress:
            {
                var fd = Int(a, 1);
                string host;
                int port;
                var e = Bool(a, 2) ? Process.GetPeerName(fd, out host, out port) : Process.GetSockName(fd, out host, out port);
                if (e == Errno.SUCCESS) r.Set(host + "\0" + port); else Fail(r, e);
                break;
            }
            case BridgeOp.AcceptStart: Set(r, node.Loop.StartWatching(Int(a, 1), Int(a, 2), WatchMode.Accept)); break;
            case BridgeOp.WriteWatch: Set(r, node.Loop.StartWatching(Int(a, 1), Int(a, 2), WatchMode.Write)); break;
            case BridgeOp.DnsLookup:
            {
                var e = Resolver.Resolve(Process, Host(a, 1), out var addresses);
                if (e == Errno.SUCCESS) r.Set(string.Join('\0', addresses)); else Fail(r, e);
                break;
            }
            case BridgeOp.LastDenial: r.Set(Process.LastDenial ?? ""); break;
            default: DispatchAsyncWrites(op, a, r); break;
        }
    }

    private static string Host(in V8FastArgs a, int i)
    {
        var s = Str(a, i);
        if (s.Length > MaxHostLength || s.Contains('\0')) throw new BridgeArgumentException();
        return s;
    }

    private int NetListen(string host, int port, int backlog)
    {
        if (port is < 0 or > 65535) return -(int)Errno.EINVAL;
        var e = Process.Socket(true, out var fd);
        if (e != Errno.SUCCESS) return -(int)e;
        e = Process.Bind(fd, host, port);
        if (e == Errno.SUCCESS) e = Process.Listen(fd, backlog <= 0 ? 511 : backlog); // Node's default backlog
        if (e == Errno.SUCCESS) return fd;
        Process.Close(fd);
        return -(int)e;
    }

    private int NetConnect(string host, int port, bool tls)
    {
        if (port is <= 0 or > 65535) return -(int)Errno.EINVAL;
        var e = Process.Socket(true, out var fd); // a VM connect completes at once; egress connects block the thread
        if (e != Errno.SUCCESS) return -(int)e;
        Process.LastDenial = null;
        e = Process.Connect(fd, host, port, tls);
        if (e == Errno.SUCCESS) return fd;
        Process.Close(fd);
        return -(int)e;
    }
}
