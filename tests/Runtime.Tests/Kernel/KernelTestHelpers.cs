using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Tests.Kernel;

/// <summary>Builds kernel objects for tests without any execution driver.</summary>
internal static class KernelTestHelpers
{
    /// <summary>A process entry with no thread (the test thread acts as the process).</summary>
    public static KernelProcess AddProcess(this VirtualKernel kernel, int parentPid = 1, int fdLimit = 256)
    {
        var p = kernel.Processes.Add(pid => new KernelProcess(kernel, pid, parentPid, pid, ["test"], [], "/", 0x12,
            new FdTable(fdLimit)), int.MaxValue, out var e);
        Assert.Equal(Errno.SUCCESS, e);
        return p;
    }

    /// <summary>Runs <paramref name="action"/> on a dedicated thread (kernel waits block real threads).</summary>
    public static ThreadRun<T> OnThread<T>(Func<T> action) => new(action);
}

/// <summary>A computation on its own OS thread, joined with a timeout.</summary>
internal sealed class ThreadRun<T>
{
    private readonly Thread _thread;
    private T _result = default!;
    private Exception? _error;

    public ThreadRun(Func<T> action)
    {
        _thread = new Thread(() =>
        {
            try { _result = action(); }
            catch (Exception ex) { _error = ex; }
        }) { IsBackground = true };
        _thread.Start();
    }

    public bool IsCompleted => !_thread.IsAlive;

    public bool Wait(int milliseconds) => _thread.Join(milliseconds);

    public T Result
    {
        get
        {
            Assert.True(_thread.Join(10_000), "thread did not finish");
            if (_error is not null) throw new AggregateException(_error);
            return _result;
        }
    }
}

/// <summary>A seekable in-memory file description for fd-table tests (shared offset semantics).</summary>
internal sealed class TestFile() : FileDescription(OpenFlags.O_RDWR)
{
    private readonly object _lock = new();
    private readonly List<byte> _data = [];
    private long _offset;
    public bool Closed { get; private set; }

    public override Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, out int written)
    {
        lock (_lock)
        {
            for (var i = 0; i < data.Length; i++)
            {
                var at = (int)_offset + i;
                if (at < _data.Count) _data[at] = data[i]; else _data.Add(data[i]);
            }
            _offset += data.Length;
            written = data.Length;
            return Errno.SUCCESS;
        }
    }

    public override Errno Read(KernelProcess? caller, Span<byte> buffer, out int read)
    {
        lock (_lock)
        {
            read = (int)Math.Max(0, Math.Min(buffer.Length, _data.Count - _offset));
            for (var i = 0; i < read; i++) buffer[i] = _data[(int)_offset + i];
            _offset += read;
            return Errno.SUCCESS;
        }
    }

    public override Errno Seek(long offset, Whence whence, out long position)
    {
        lock (_lock)
        {
            position = whence switch { Whence.SEEK_SET => offset, Whence.SEEK_CUR => _offset + offset, _ => _data.Count + offset };
            if (position < 0) return Errno.EINVAL;
            _offset = position;
            return Errno.SUCCESS;
        }
    }

    public override Errno Stat(out StatInfo stat)
    {
        stat = new StatInfo(1, 1, ModeBits.S_IFREG | 0x1A4, 1, 0, 0, 0, _data.Count, 4096, 0, default, default, default);
        return Errno.SUCCESS;
    }

    protected override void OnLastClose() => Closed = true;
}
