using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Bridge;
using SecureExec.Testing.Drivers.Node.Loop;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>The event loop phases, in libuv's order: timers, poll (I/O, child exits, signals), check
/// (immediates); each callback is its own JS call, so microtasks run between callbacks like in Node.</summary>
internal sealed partial class NodeInstance
{
    private void RunLoop()
    {
        while (true)
        {
            if (Process.FatalSignal is not null || _interrupted) return;
            Process.WaitWhileStopped();
            RunTimers();
            if (!Loop.IsAlive)
            {
                Call(DispatchKind.BeforeExit);
                if (!Loop.IsAlive) return;
                continue;
            }
            Loop.Wait();
            if (Process.FatalSignal is not null || _interrupted) return;
            RunSignals();
            RunReads();
            var exited = Loop.TakeExitedChildren();
            // A child closes its fds before its exit is recorded: read what is already there (its last output, the
            // EOF that ends a fork's IPC channel with 'disconnect') before 'exit', as libuv's reads usually do.
            for (var pass = 0; exited.Count > 0 && pass < MaxReadPassesBeforeExit && Loop.ReadyReaders().Count > 0; pass++) RunReads();
            foreach (var (id, pid) in exited)
            {
                var status = Process.Kernel.Processes.Wait(Process, pid, WaitOptions.WNOHANG, out _, out var ws) == Errno.SUCCESS
                    ? ws.Raw : 0;
                Call(DispatchKind.ChildExit, id, status);
            }
            foreach (var id in Loop.TakePosts()) Call(DispatchKind.Post, id);
            foreach (var (id, value) in Loop.TakeDelivered()) Call(DispatchKind.Read, id, value); // worker_threads
            foreach (var id in Loop.TakeImmediates())
                if (!Loop.IsImmediateCleared(id)) Call(DispatchKind.Immediate, id);
        }
    }

    private const int MaxReadPassesBeforeExit = 32;

    private void RunTimers()
    {
        foreach (var id in Loop.TakeDueTimers())
        {
            if (!Loop.IsTimerActive(id)) continue; // cleared by an earlier callback
            Call(DispatchKind.Timer, id);
            Loop.AfterTimer(id);
        }
    }

    private void RunSignals()
    {
        if (Worker is not null) return; // signals go to the main thread, like Node
        var pending = Process.TakePendingSignals() | _deferredSignals;
        _deferredSignals = 0;
        for (var n = 1; pending != 0 && n <= Signals.Max; n++)
        {
            if ((pending & (1UL << n)) == 0) continue;
            pending &= ~(1UL << n);
            Call(DispatchKind.Signal, n);
        }
    }

    private void RunReads()
    {
        foreach (var (id, fd, description, mode) in Loop.ReadyReaders())
        {
            if (!Loop.IsWatching(id)) continue; // stopped by an earlier callback
            if (mode == WatchMode.Write)
            {
                Loop.StopReading(id);
                Call(DispatchKind.Read, id, 0);
                continue;
            }
            if (mode == WatchMode.Accept)
            {
                var e = Process.Accept(fd, true, out var accepted);
                if (e == Errno.EAGAIN || e == Errno.EINTR) continue;
                Call(DispatchKind.Read, id, e == Errno.SUCCESS ? accepted : -(int)e);
                continue;
            }
            var n = ReadInto(description);
            if (n == -(int)Errno.EINTR || n == -(int)Errno.EAGAIN) continue;
            Call(DispatchKind.Read, id, n);
        }
    }

    private unsafe int ReadInto(Kernel.Files.FileDescription description) => Scratch.InvokeWithDirectAccess(p =>
    {
        if (p == IntPtr.Zero) return -(int)Errno.EFAULT; // the guest detached the scratch buffer
        var e = description.Read(Process, new Span<byte>((void*)p, NodeBridge.ScratchSize), out var n);
        return e == Errno.SUCCESS ? n : -(int)e;
    });
}
