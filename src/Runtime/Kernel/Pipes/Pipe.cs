using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Pipes;

/// <summary>
/// A pipe(7): a bounded byte ring shared by a read end and a write end. Reads block until data or EOF (no
/// writers left); writes block until there is room, and fail with EPIPE + SIGPIPE once no reader is left.
/// Writes of at most <see cref="PipeBuf"/> bytes are atomic.
/// </summary>
internal sealed class Pipe
{
    /// <summary>PIPE_BUF: writes up to this size are never interleaved with other writers.</summary>
    public const int PipeBuf = 4096;

    private readonly object _lock = new(); // guards everything below; readers and writers sleep on it
    private readonly byte[] _ring;
    private int _head;   // next byte to read
    private int _count;  // bytes in the ring
    private int _readers;
    private int _writers;
    private readonly Timespec _created = Timespec.Now();
    private static long s_nextIno = 1;
    private readonly ulong _ino = (ulong)Interlocked.Increment(ref s_nextIno);

    private Pipe(int capacity) => _ring = new byte[capacity];

    public int Capacity => _ring.Length;

    /// <summary>Creates a pipe and its two ends (each holding one reference).</summary>
    public static (PipeReadEnd Read, PipeWriteEnd Write) Create(int capacity = 65536, OpenFlags statusFlags = 0)
    {
        var pipe = new Pipe(capacity) { _readers = 1, _writers = 1 };
        var r = new PipeReadEnd(pipe, OpenFlags.O_RDONLY | (statusFlags & OpenFlags.O_NONBLOCK));
        var w = new PipeWriteEnd(pipe, OpenFlags.O_WRONLY | (statusFlags & OpenFlags.O_NONBLOCK));
        pipe.ReadEnd = r;
        pipe.WriteEnd = w;
        return (r, w);
    }

    internal PipeReadEnd ReadEnd { get; private set; } = null!;
    internal PipeWriteEnd WriteEnd { get; private set; } = null!;

    internal Errno Read(KernelProcess? caller, Span<byte> buffer, bool nonBlocking, out int read)
    {
        read = 0;
        if (buffer.Length == 0) return Errno.SUCCESS;
        lock (_lock)
        {
            if (_count == 0 && _writers > 0)
            {
                if (nonBlocking) return Errno.EAGAIN;
                var e = KernelProcess.Block(caller, _lock, () => _count > 0 || _writers == 0);
                if (e != Errno.SUCCESS) return e;
            }
            read = CopyOut(buffer);
            if (read > 0) Monitor.PulseAll(_lock);
        }
        if (read > 0) WriteEnd.Events.Notify();
        return Errno.SUCCESS;
    }

    internal Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, bool nonBlocking, out int written)
    {
        written = 0;
        if (data.Length == 0) return Errno.SUCCESS;
        var atomic = data.Length <= PipeBuf;
        var brokenPipe = false;
        var notifyReader = false;
        var error = Errno.SUCCESS;
        lock (_lock)
        {
            while (written < data.Length)
            {
                if (_readers == 0)
                {
                    brokenPipe = true;
                    break;
                }
                var need = atomic ? data.Length : 1;
                if (_ring.Length - _count < need)
                {
                    if (nonBlocking)
                    {
                        if (written == 0) error = Errno.EAGAIN;
                        break;
                    }
                    if (notifyReader)
                    {
                        // Poll-based readers (an event loop) sleep until notified: tell them before waiting for room,
                        // outside the lock (their wake-up takes its own lock, then polls this pipe).
                        Monitor.Exit(_lock);
                        try { ReadEnd.Events.Notify(); }
                        finally { Monitor.Enter(_lock); }
                        notifyReader = false;
                        continue;
                    }
                    var e = KernelProcess.Block(caller, _lock, () => _ring.Length - _count >= need || _readers == 0);
                    if (e != Errno.SUCCESS)
                    {
                        if (written == 0) error = e;
                        break;
                    }
                    continue;
                }
                written += CopyIn(data[written..]);
                Monitor.PulseAll(_lock);
                notifyReader = true;
            }
        }
        if (notifyReader) ReadEnd.Events.Notify();
        if (brokenPipe && written == 0)
        {
            caller?.Deliver(Signal.SIGPIPE);
            return Errno.EPIPE;
        }
        return error;
    }

    private int CopyOut(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _count);
        var first = Math.Min(n, _ring.Length - _head);
        _ring.AsSpan(_head, first).CopyTo(buffer);
        _ring.AsSpan(0, n - first).CopyTo(buffer[first..]);
        _head = (_head + n) % _ring.Length;
        _count -= n;
        return n;
    }

    private int CopyIn(ReadOnlySpan<byte> data)
    {
        var n = Math.Min(data.Length, _ring.Length - _count);
        var tail = (_head + _count) % _ring.Length;
        var first = Math.Min(n, _ring.Length - tail);
        data[..first].CopyTo(_ring.AsSpan(tail, first));
        data[first..n].CopyTo(_ring.AsSpan(0, n - first));
        _count += n;
        return n;
    }

    internal PollEvents PollRead()
    {
        lock (_lock)
        {
            var ev = PollEvents.None;
            if (_count > 0) ev |= PollEvents.POLLIN;
            if (_writers == 0) ev |= PollEvents.POLLHUP;
            return ev;
        }
    }

    internal PollEvents PollWrite()
    {
        lock (_lock)
        {
            if (_readers == 0) return PollEvents.POLLERR;
            return _ring.Length - _count >= PipeBuf || _count == 0 ? PollEvents.POLLOUT : PollEvents.None;
        }
    }

    internal int Available
    {
        get
        {
            lock (_lock) return _count;
        }
    }

    internal void CloseReader()
    {
        lock (_lock)
        {
            _readers--;
            Monitor.PulseAll(_lock);
        }
        WriteEnd.Events.Notify();
    }

    internal void CloseWriter()
    {
        lock (_lock)
        {
            _writers--;
            Monitor.PulseAll(_lock);
        }
        ReadEnd.Events.Notify();
    }

    internal StatInfo Stat() => new(Dev: 0xFFFF, Ino: _ino, Mode: ModeBits.S_IFIFO | 0x180, Nlink: 1, Uid: 0, Gid: 0,
        Rdev: 0, Size: 0, Blksize: PipeBuf, Blocks: 0, Atime: _created, Mtime: _created, Ctime: _created);
}

/// <summary>The read end of a <see cref="Pipe"/>.</summary>
internal sealed class PipeReadEnd : FileDescription
{
    internal PipeReadEnd(Pipe pipe, OpenFlags flags) : base(flags) => Pipe = pipe;

    public Pipe Pipe { get; }

    public override Errno Read(KernelProcess? caller, Span<byte> buffer, out int read) =>
        Pipe.Read(caller, buffer, IsNonBlocking, out read);

    public override Errno Stat(out StatInfo stat)
    {
        stat = Pipe.Stat();
        return Errno.SUCCESS;
    }

    public override PollEvents Poll() => Pipe.PollRead();

    protected override void OnLastClose() => Pipe.CloseReader();
}

/// <summary>The write end of a <see cref="Pipe"/>.</summary>
internal sealed class PipeWriteEnd : FileDescription
{
    internal PipeWriteEnd(Pipe pipe, OpenFlags flags) : base(flags) => Pipe = pipe;

    public Pipe Pipe { get; }

    public override Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, out int written) =>
        Pipe.Write(caller, data, IsNonBlocking, out written);

    public override Errno TryWrite(KernelProcess? caller, ReadOnlySpan<byte> data, out int written) =>
        Pipe.Write(caller, data, true, out written);

    public override Errno Stat(out StatInfo stat)
    {
        stat = Pipe.Stat();
        return Errno.SUCCESS;
    }

    public override PollEvents Poll() => Pipe.PollWrite();

    protected override void OnLastClose() => Pipe.CloseWriter();
}
