using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Pipes;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Sockets;

/// <summary>
/// A TCP-like stream socket (AF_INET, SOCK_STREAM) on the VM's loopback: bind, listen with a backlog, accept,
/// connect. A connection is two pipes, one per direction, so reads and writes get the pipe's blocking,
/// backpressure and EOF semantics; shutdown(SHUT_WR) closes this side's sending pipe (the peer reads EOF).
/// </summary>
internal sealed class StreamSocket : FileDescription
{
    private readonly SocketTable _table;
    private readonly object _lock = new(); // guards the state, addresses and the backlog; accept sleeps on it
    private volatile SocketState _state;
    private readonly Queue<StreamSocket> _backlog = new();
    private int _backlogMax;
    private PipeReadEnd? _rx;   // bytes from the peer
    private PipeWriteEnd? _tx;  // bytes to the peer
    private IDisposable? _rxEvents, _txEvents;
    private bool _readShut, _writeShut;

    public StreamSocket(SocketTable table, OpenFlags flags = OpenFlags.O_RDWR) : base(flags) => _table = table;

    public string LocalHost { get; private set; } = "0.0.0.0";
    public int LocalPort { get; private set; }
    public string PeerHost { get; private set; } = "";
    public int PeerPort { get; private set; }

    /// <summary>Set while listening: what the host's listener registry reports.</summary>
    public ListenerInfo? Listener { get; private set; }

    public bool IsListening => _state == SocketState.Listening;
    public bool IsConnected => _state == SocketState.Connected;

    /// <summary>bind(2): takes the port (0 = ephemeral). EADDRINUSE when taken, EINVAL when already bound.</summary>
    public Errno Bind(string host, int port)
    {
        if (port < 0 || port > 65535) return Errno.EINVAL;
        lock (_lock)
        {
            if (_state != SocketState.Created || LocalPort != 0) return Errno.EINVAL;
            var e = _table.Reserve(this, port, out var bound);
            if (e != Errno.SUCCESS) return e;
            LocalHost = host;
            LocalPort = bound;
            return Errno.SUCCESS;
        }
    }

    /// <summary>listen(2): an unbound socket gets an ephemeral port first. <paramref name="pid"/> is recorded for the host.</summary>
    public Errno Listen(int backlog, int pid)
    {
        lock (_lock)
        {
            if (_state == SocketState.Listening)
            {
                _backlogMax = Math.Clamp(backlog, 1, 4096);
                return Errno.SUCCESS;
            }
            if (_state != SocketState.Created) return Errno.EINVAL;
            if (LocalPort == 0)
            {
                var e = _table.Reserve(this, 0, out var bound);
                if (e != Errno.SUCCESS) return e;
                LocalPort = bound;
            }
            _backlogMax = Math.Clamp(backlog, 1, 4096); // SOMAXCONN is 4096 on Linux 5.4+
            Listener = new ListenerInfo(LocalHost, LocalPort, pid);
            _state = SocketState.Listening;
        }
        _table.NotifyListening();
        return Errno.SUCCESS;
    }

    /// <summary>accept(2): blocks (unless non-blocking: EAGAIN) until a connection is queued.</summary>
    public Errno Accept(KernelProcess? caller, out StreamSocket? connection)
    {
        connection = null;
        lock (_lock)
        {
            if (_state != SocketState.Listening) return Errno.EINVAL;
            if (_backlog.Count == 0)
            {
                if (IsNonBlocking) return Errno.EAGAIN;
                var e = KernelProcess.Block(caller, _lock, () => _backlog.Count > 0 || _state != SocketState.Listening);
                if (e != Errno.SUCCESS) return e;
                if (_state != SocketState.Listening) return Errno.EINVAL;
            }
            connection = _backlog.Dequeue();
            return Errno.SUCCESS;
        }
    }

    /// <summary>Pending connections not accepted yet.</summary>
    public int Pending
    {
        get { lock (_lock) return _backlog.Count; }
    }

    /// <summary>
    /// connect(2) to a VM port: ECONNREFUSED when nobody listens there or the backlog is full. Completes at once
    /// (the peer is in the listener's backlog); the socket gets an ephemeral local port.
    /// </summary>
    public Errno Connect(string host, int port, int capacity)
    {
        if (port <= 0 || port > 65535) return Errno.ECONNREFUSED;
        lock (_lock)
        {
            if (_state == SocketState.Connected) return Errno.EISCONN;
            if (_state != SocketState.Created) return Errno.EINVAL;
        }
        var listener = _table.FindListening(port);
        if (listener is null) return Errno.ECONNREFUSED;
        if (LocalPort == 0)
        {
            var e = _table.Reserve(this, 0, out var bound);
            if (e != Errno.SUCCESS) return Errno.EADDRNOTAVAIL;
            LocalPort = bound;
            LocalHost = "127.0.0.1";
        }
        var (toServerRead, toServerWrite) = Pipe.Create(capacity);
        var (toClientRead, toClientWrite) = Pipe.Create(capacity);
        var server = new StreamSocket(_table);
        // A dual-stack listener (::) sees IPv4 peers as IPv4-mapped addresses, like Linux.
        var mapped = listener.LocalHost == "::" && !LocalHost.Contains(':');
        server.Attach(toServerRead, toClientWrite,
            listener.LocalHost is "0.0.0.0" or "::" or "" ? (mapped ? "::ffff:127.0.0.1" : "127.0.0.1") : listener.LocalHost,
            port, mapped ? "::ffff:" + LocalHost : LocalHost, LocalPort);
        if (!listener.Enqueue(server))
        {
            server.Release();
            toClientRead.Release();
            toServerWrite.Release();
            return Errno.ECONNREFUSED;
        }
        Attach(toClientRead, toServerWrite, LocalHost, LocalPort, host, port);
        return Errno.SUCCESS;
    }

    /// <summary>
    /// socketpair(2): two sockets already connected to each other, bound to no port (Node's IPC channel between a
    /// parent and a forked child). Each holds one reference; closing either makes the other read EOF.
    /// </summary>
    public static (StreamSocket A, StreamSocket B) CreatePair(SocketTable table, int capacity)
    {
        var (toBRead, toBWrite) = Pipe.Create(capacity);
        var (toARead, toAWrite) = Pipe.Create(capacity);
        var a = new StreamSocket(table);
        var b = new StreamSocket(table);
        a.Attach(toARead, toBWrite, "", 0, "", 0);
        b.Attach(toBRead, toAWrite, "", 0, "", 0);
        return (a, b);
    }

    /// <summary>Makes this socket one end of a connection over <paramref name="rx"/> and <paramref name="tx"/>.</summary>
    internal void Attach(PipeReadEnd rx, PipeWriteEnd tx, string localHost, int localPort, string peerHost, int peerPort)
    {
        lock (_lock)
        {
            _rx = rx;
            _tx = tx;
            LocalHost = localHost;
            LocalPort = localPort;
            PeerHost = peerHost;
            PeerPort = peerPort;
            _rxEvents = rx.Events.Subscribe(Events.Notify);
            _txEvents = tx.Events.Subscribe(Events.Notify);
            _state = SocketState.Connected;
        }
        Events.Notify();
    }

    private bool Enqueue(StreamSocket connection)
    {
        lock (_lock)
        {
            if (_state != SocketState.Listening || _backlog.Count >= _backlogMax) return false;
            _backlog.Enqueue(connection);
            Monitor.PulseAll(_lock);
        }
        Events.Notify();
        return true;
    }

    public override Errno Read(KernelProcess? caller, Span<byte> buffer, out int read)
    {
        read = 0;
        PipeReadEnd? rx;
        lock (_lock)
        {
            if (_state != SocketState.Connected) return _state == SocketState.Listening ? Errno.EINVAL : Errno.ENOTCONN;
            if (_readShut) return Errno.SUCCESS;
            rx = _rx!;
        }
        return rx.Pipe.Read(caller, buffer, IsNonBlocking, out read);
    }

    /// <summary>send(2): EPIPE (and SIGPIPE, which Node ignores) once the peer closed or this side shut down writing.</summary>
    public override Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, out int written) =>
        Send(caller, data, IsNonBlocking, out written);

    /// <summary>send(2) with MSG_DONTWAIT: EAGAIN instead of waiting when the peer's buffer is full.</summary>
    public override Errno TryWrite(KernelProcess? caller, ReadOnlySpan<byte> data, out int written) =>
        Send(caller, data, true, out written);

    private Errno Send(KernelProcess? caller, ReadOnlySpan<byte> data, bool nonBlocking, out int written)
    {
        written = 0;
        PipeWriteEnd? tx;
        lock (_lock)
        {
            if (_state != SocketState.Connected) return Errno.ENOTCONN;
            if (_writeShut) return Errno.EPIPE;
            tx = _tx!;
        }
        return tx.Pipe.Write(caller, data, nonBlocking, out written);
    }

    /// <summary>shutdown(2): SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2.</summary>
    public Errno Shutdown(int how)
    {
        if (how is < 0 or > 2) return Errno.EINVAL;
        PipeReadEnd? rx = null;
        PipeWriteEnd? tx = null;
        lock (_lock)
        {
            if (_state != SocketState.Connected) return Errno.ENOTCONN;
            if (how != 1 && !_readShut)
            {
                _readShut = true;
                rx = _rx;
                _rxEvents?.Dispose();
            }
            if (how != 0 && !_writeShut)
            {
                _writeShut = true;
                tx = _tx;
                _txEvents?.Dispose();
            }
        }
        rx?.Release();
        tx?.Release();
        Events.Notify();
        return Errno.SUCCESS;
    }

    public override PollEvents Poll()
    {
        PipeReadEnd? rx;
        PipeWriteEnd? tx;
        bool readShut, writeShut;
        lock (_lock)
        {
            switch (_state)
            {
                case SocketState.Listening: return _backlog.Count > 0 ? PollEvents.POLLIN : PollEvents.None;
                case SocketState.Connected: break;
                default: return PollEvents.POLLOUT | PollEvents.POLLHUP;
            }
            (rx, tx, readShut, writeShut) = (_rx, _tx, _readShut, _writeShut);
        }
        var ev = PollEvents.None;
        if (readShut) ev |= PollEvents.POLLIN;
        else if ((rx!.Poll() & (PollEvents.POLLIN | PollEvents.POLLHUP)) != 0) ev |= PollEvents.POLLIN;
        // A write that would fail (peer gone, or shut down) does not block either: report it writable.
        if (writeShut || tx!.Poll() != PollEvents.None) ev |= PollEvents.POLLOUT;
        return ev;
    }

    public override Errno Stat(out StatInfo stat)
    {
        var now = Timespec.Now();
        stat = new StatInfo(Dev: 0xFFFE, Ino: (ulong)GetHashCode(), Mode: ModeBits.S_IFSOCK | 0x1FF, Nlink: 1, Uid: 0, Gid: 0,
            Rdev: 0, Size: 0, Blksize: Pipe.PipeBuf, Blocks: 0, Atime: now, Mtime: now, Ctime: now);
        return Errno.SUCCESS;
    }

    protected override void OnLastClose()
    {
        StreamSocket[] pending;
        PipeReadEnd? rx;
        PipeWriteEnd? tx;
        bool wasListening;
        lock (_lock)
        {
            wasListening = _state == SocketState.Listening;
            pending = [.. _backlog];
            _backlog.Clear();
            rx = _readShut ? null : _rx;
            tx = _writeShut ? null : _tx;
            _readShut = _writeShut = true;
            _rxEvents?.Dispose();
            _txEvents?.Dispose();
            _state = SocketState.Closed;
            Listener = null;
            Monitor.PulseAll(_lock);
        }
        _table.Release(this, LocalPort, wasListening);
        foreach (var p in pending) p.Release(); // their peers read EOF
        rx?.Release();
        tx?.Release();
        Events.Notify();
    }

    private enum SocketState { Created, Listening, Connected, Closed }
}
