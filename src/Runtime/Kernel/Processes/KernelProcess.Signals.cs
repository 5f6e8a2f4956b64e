using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Processes;

/// <summary>Signal state and blocking waits: every blocking kernel wait goes through <see cref="Block"/>
/// so that a signal wakes it.</summary>
internal sealed partial class KernelProcess
{
    private readonly object _signalLock = new();
    private readonly SignalDisposition[] _dispositions = new SignalDisposition[Signals.Max + 1]; // guarded by _signalLock
    private long _pendingCaught;      // bit n: caught signal n arrived and was not yet taken (Interlocked)
    private int _fatalSignal;         // the signal that is killing the process, 0 while none (Interlocked)
    private readonly List<object> _blockedOn = []; // monitors blocking waits sleep on, one per waiting thread (lock: itself)
    private readonly object _stopLock = new();
    private bool _stopped;            // guarded by _stopLock
    private Action[] _fatalSignalListeners = []; // replaced, never changed in place (lock: _signalLock)

    /// <summary>The signal that is ending this process, if one arrived. Drivers unwind when they see it.</summary>
    public Signal? FatalSignal => Volatile.Read(ref _fatalSignal) is var s and not 0 ? (Signal)s : null;

    /// <summary>True when a blocking wait should return EINTR: the process is dying or has a caught signal pending.</summary>
    public bool IsInterrupted => Volatile.Read(ref _fatalSignal) != 0 || Interlocked.Read(ref _pendingCaught) != 0;

    public SignalDisposition GetDisposition(Signal signal)
    {
        lock (_signalLock) return _dispositions[(int)signal];
    }

    /// <summary>sigaction: sets how <paramref name="signal"/> is handled; SIGKILL/SIGSTOP give EINVAL.</summary>
    public Errno SetDisposition(Signal signal, SignalDisposition disposition, out SignalDisposition previous)
    {
        previous = SignalDisposition.Default;
        if (!Signals.IsValid((int)signal) || !signal.IsCatchable()) return Errno.EINVAL;
        lock (_signalLock)
        {
            previous = _dispositions[(int)signal];
            _dispositions[(int)signal] = disposition;
        }
        if (disposition == SignalDisposition.Ignore) Interlocked.And(ref _pendingCaught, ~(1L << (int)signal));
        return Errno.SUCCESS;
    }

    /// <summary>Returns and clears the caught signals that arrived (bit n = signal n).</summary>
    public ulong TakePendingSignals() => (ulong)Interlocked.Exchange(ref _pendingCaught, 0);

    /// <summary>execve: caught signals go back to their default action; ignored ones stay ignored.</summary>
    internal void ResetCaughtSignals()
    {
        lock (_signalLock)
            for (var i = 0; i < _dispositions.Length; i++)
                if (_dispositions[i] == SignalDisposition.Catch) _dispositions[i] = SignalDisposition.Default;
        Interlocked.Exchange(ref _pendingCaught, 0);
    }

    /// <summary>A new process inherits ignored dispositions (spawn = fork + exec).</summary>
    internal void InheritIgnoredSignals(KernelProcess parent)
    {
        lock (parent._signalLock)
            for (var i = 0; i < _dispositions.Length; i++)
                if (parent._dispositions[i] == SignalDisposition.Ignore) _dispositions[i] = SignalDisposition.Ignore;
    }

    /// <summary>Delivers a signal according to its disposition (signal(7)). Never blocks; call without holding
    /// other kernel locks.</summary>
    internal void Deliver(Signal signal)
    {
        if (State == ProcessState.Zombie) return;
        if (signal == Signal.SIGKILL)
        {
            Kill(signal);
            return;
        }
        if (signal == Signal.SIGCONT) Continue();
        SignalDisposition disposition;
        lock (_signalLock) disposition = _dispositions[(int)signal];
        if (signal == Signal.SIGSTOP)
        {
            Stop();
            return;
        }
        switch (disposition)
        {
            case SignalDisposition.Ignore:
                return;
            case SignalDisposition.Catch:
                Interlocked.Or(ref _pendingCaught, 1L << (int)signal);
                WakeBlockedWait();
                return;
        }
        switch (signal.DefaultAction())
        {
            case SignalDefaultAction.Terminate or SignalDefaultAction.CoreDump:
                Kill(signal);
                break;
            case SignalDefaultAction.Stop:
                Stop();
                break;
        }
    }

    /// <summary>
    /// Registers a wake-up for code that cannot poll <see cref="FatalSignal"/> while it runs (a V8 engine in a busy
    /// loop): called on the delivering thread as soon as a fatal signal arrives, so it must be quick and never block.
    /// </summary>
    public void AddFatalSignalListener(Action wake)
    {
        lock (_signalLock) _fatalSignalListeners = [.. _fatalSignalListeners, wake];
        if (FatalSignal is not null) wake(); // the signal came first
    }

    public void RemoveFatalSignalListener(Action wake)
    {
        lock (_signalLock) _fatalSignalListeners = [.. _fatalSignalListeners.Where(l => l != wake)];
    }

    private void Kill(Signal signal)
    {
        Interlocked.CompareExchange(ref _fatalSignal, (int)signal, 0);
        Continue(); // a stopped process must run to die
        WakeBlockedWait();
        foreach (var wake in Volatile.Read(ref _fatalSignalListeners))
        {
            try
            {
                wake();
            }
            catch (Exception)
            {
                // a driver's wake-up failed (its engine is going away); the driver's own polling still sees the signal
            }
        }
    }

    private void Stop()
    {
        lock (_stopLock) _stopped = true;
        Kernel.Processes.OnStateChange(this, ProcessState.Stopped);
    }

    private void Continue()
    {
        lock (_stopLock)
        {
            if (!_stopped) return;
            _stopped = false;
            Monitor.PulseAll(_stopLock);
        }
        Kernel.Processes.OnStateChange(this, ProcessState.Running);
    }

    /// <summary>Called by drivers at safe points: parks the thread while the process is stopped (SIGSTOP).</summary>
    public void WaitWhileStopped()
    {
        lock (_stopLock)
            while (_stopped && Volatile.Read(ref _fatalSignal) == 0) Monitor.Wait(_stopLock);
    }

    private void WakeBlockedWait()
    {
        object[] monitors;
        lock (_blockedOn) monitors = [.. _blockedOn]; // never hold this lock while taking a waiter's monitor
        foreach (var monitor in monitors)
            lock (monitor) Monitor.PulseAll(monitor);
    }

    /// <summary>Whether a thread of the process sleeps in <see cref="Block"/> now (for tests that kill during a wait).</summary>
    internal bool IsBlocked
    {
        get
        {
            lock (_blockedOn) return _blockedOn.Count > 0;
        }
    }

    /// <summary>
    /// Sleeps on <paramref name="monitor"/> (which the caller holds) until <paramref name="ready"/> is true.
    /// Returns EINTR when a signal arrives for this process, ETIMEDOUT when the timeout passes.
    /// Whoever changes what <paramref name="ready"/> reads must <c>Monitor.PulseAll(monitor)</c>.
    /// </summary>
    public Errno Block(object monitor, Func<bool> ready, TimeSpan? timeout = null)
    {
        lock (_blockedOn) _blockedOn.Add(monitor); // a process may have several waiting threads (worker_threads)
        try
        {
            return WaitLoop(this, monitor, ready, timeout);
        }
        finally
        {
            lock (_blockedOn) _blockedOn.Remove(monitor);
        }
    }

    /// <summary><see cref="Block"/> for a caller that may be the host (null process): the host simply waits.</summary>
    public static Errno Block(KernelProcess? caller, object monitor, Func<bool> ready, TimeSpan? timeout = null) =>
        caller is not null ? caller.Block(monitor, ready, timeout) : WaitLoop(null, monitor, ready, timeout);

    /// <summary>Monitor.Wait until ready; a process (not the host) also stops at a signal (EINTR).</summary>
    private static Errno WaitLoop(KernelProcess? process, object monitor, Func<bool> ready, TimeSpan? timeout)
    {
        var deadline = timeout is { } t ? System.Environment.TickCount64 + (long)t.TotalMilliseconds : long.MaxValue;
        while (!ready())
        {
            if (process is { IsInterrupted: true }) return Errno.EINTR;
            var remaining = deadline - System.Environment.TickCount64;
            if (remaining <= 0) return Errno.ETIMEDOUT;
            Monitor.Wait(monitor, (int)Math.Min(remaining, int.MaxValue));
        }
        return Errno.SUCCESS;
    }

    /// <summary>nanosleep: sleeps, waking early (EINTR) on a signal.</summary>
    public Errno Sleep(TimeSpan duration)
    {
        var monitor = new object();
        lock (monitor)
        {
            var e = Block(monitor, static () => false, duration);
            return e == Errno.ETIMEDOUT ? Errno.SUCCESS : e;
        }
    }
}
