using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>
/// The body of spawnSync: writes input to the child's stdin on a helper thread, reads every output pipe on the
/// calling process thread (kill-aware waits), enforces timeout and maxBuffer, then reaps the child.
/// </summary>
internal sealed class SyncChildRun(KernelProcess parent, KernelProcess child, FileDescription?[] ends, byte[] input,
    double timeoutMs, Signal killSignal, double maxBuffer, Action<ulong> deferSignals)
{
    private readonly object _monitor = new();
    private bool _changed;

    /// <summary>Collected bytes per child fd (null where the fd was not a pipe to the parent).</summary>
    public byte[]?[] Outputs { get; } = new byte[]?[ends.Length];

    public (WaitStatus? Status, Errno Error) Run()
    {
        var readers = new List<(int Fd, FileDescription End, MemoryStream Data)>();
        var subscriptions = new List<IDisposable>();
        for (var i = 0; i < ends.Length; i++)
        {
            if (ends[i] is not { } end) continue;
            if (i == 0)
            {
                FeedInput(end);
                continue;
            }
            readers.Add((i, end, new MemoryStream()));
            subscriptions.Add(end.Events.Subscribe(Changed));
        }
        var error = Errno.SUCCESS;
        var deadline = timeoutMs > 0 ? Environment.TickCount64 + (long)timeoutMs : long.MaxValue;
        var killed = false;
        var buffer = new byte[65536];
        try
        {
            var open = readers.Count;
            var done = new bool[readers.Count];
            while (open > 0)
            {
                for (var i = 0; i < readers.Count; i++)
                {
                    if (done[i] || (readers[i].End.Poll() & (PollEvents.POLLIN | PollEvents.POLLHUP | PollEvents.POLLERR)) == 0) continue;
                    var e = readers[i].End.Read(parent, buffer, out var n);
                    if (e == Errno.EINTR && parent.FatalSignal is null) continue;
                    if (e != Errno.SUCCESS || n == 0)
                    {
                        done[i] = true;
                        open--;
                        continue;
                    }
                    readers[i].Data.Write(buffer, 0, n);
                    if (!killed && readers[i].Data.Length > maxBuffer)
                    {
                        error = Errno.ENOBUFS;
                        killed = true;
                        parent.Kernel.Kill(parent, child.Pid, (int)killSignal);
                    }
                }
                if (open == 0) break;
                if (parent.FatalSignal is not null) return (null, Errno.EINTR);
                if (!killed && Environment.TickCount64 >= deadline)
                {
                    error = Errno.ETIMEDOUT;
                    killed = true;
                    parent.Kernel.Kill(parent, child.Pid, (int)killSignal);
                }
                lock (_monitor)
                {
                    var wait = killed || deadline == long.MaxValue ? (TimeSpan?)null : TimeSpan.FromMilliseconds(Math.Max(1, deadline - Environment.TickCount64));
                    parent.Block(_monitor, () => _changed || readers.Any(r => (r.End.Poll() & (PollEvents.POLLIN | PollEvents.POLLHUP | PollEvents.POLLERR)) != 0), wait);
                    _changed = false;
                }
                deferSignals(parent.TakePendingSignals()); // handled by the event loop after the call
            }
        }
        finally
        {
            foreach (var s in subscriptions) s.Dispose();
            foreach (var r in readers)
            {
                r.End.Release();
                Outputs[r.Fd] = r.Data.ToArray();
            }
        }
        return (WaitChild(ref error), error);
    }

    private WaitStatus? WaitChild(ref Errno error)
    {
        while (true)
        {
            var e = parent.Kernel.Processes.Wait(parent, child.Pid, WaitOptions.None, out _, out var status);
            if (e == Errno.SUCCESS) return status;
            if (e != Errno.EINTR || parent.FatalSignal is not null)
            {
                if (error == Errno.SUCCESS) error = e;
                return null;
            }
        }
    }

    private void FeedInput(FileDescription stdin)
    {
        if (input.Length == 0)
        {
            stdin.Release();
            return;
        }
        ReusableThreads.Start($"secure-exec pid {parent.Pid} spawnSync stdin", 0, () =>
        {
            try
            {
                var offset = 0;
                while (offset < input.Length)
                {
                    if (stdin.Write(null, input.AsSpan(offset), out var n) != Errno.SUCCESS || n == 0) break;
                    offset += n;
                }
            }
            finally
            {
                stdin.Release();
            }
        });
    }

    private void Changed()
    {
        lock (_monitor)
        {
            _changed = true;
            Monitor.PulseAll(_monitor);
        }
    }
}
