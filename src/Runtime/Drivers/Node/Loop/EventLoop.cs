using System.Diagnostics;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Drivers.Node.Loop;

/// <summary>
/// The queues of one Node process's event loop (libuv's role): timers, immediates, posted callbacks, fd read
/// watchers and child-exit watches. Only the process thread touches them, except the wake-up state
/// (<see cref="_wake"/>), which readiness notifications from other threads set.
/// </summary>
internal sealed partial class EventLoop(KernelProcess process) : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<int, Timer> _timers = [];
    private readonly SortedSet<(double Due, long Seq, int Id)> _timerQueue = [];
    private long _timerSeq;
    private readonly List<int> _immediates = [];
    private readonly HashSet<int> _clearedImmediates = [];
    private readonly HashSet<int> _pendingImmediates = []; // queued and not cleared (the limit counts these)
    private readonly Queue<int> _posts = new();
    private readonly Dictionary<int, ReadWatcher> _readers = [];
    private readonly Dictionary<int, ChildWatch> _children = [];
    private readonly object _wake = new(); // guards _woken and _exitedChildren; the loop sleeps on it
    private bool _woken;
    private readonly Queue<int> _exitedChildren = new();

    private sealed class Timer
    {
        public double Due;
        public double Repeat;
        public bool Ref = true;
        public long Seq;
    }

    private sealed class ReadWatcher(int fd, FileDescription description, WatchMode mode)
    {
        public int Fd { get; } = fd;
        public FileDescription Description { get; } = description;
        public WatchMode Mode { get; } = mode;
        public IDisposable? Subscription;
        public bool Ref = true;
    }

    private sealed class ChildWatch(int pid)
    {
        public int Pid { get; } = pid;
        public bool Ref = true;
    }

    /// <summary>Milliseconds since the loop started (Node's loop time base).</summary>
    public double Now => _clock.Elapsed.TotalMilliseconds;

    public double NowNanoseconds => _clock.ElapsedTicks * (1e9 / Stopwatch.Frequency);

    public bool TicksPending { get; set; }

    // ---- timers ----

    /// <summary>Live timers, and pending immediates, allowed (RuntimeLimits.MaxTimersPerProcess).</summary>
    public int MaxTimers { get; init; } = int.MaxValue;

    /// <summary>Starts (or restarts) a timer; false when <see cref="MaxTimers"/> live timers exist already.</summary>
    public bool StartTimer(int id, double ms, double repeat)
    {
        if (_timers.Count >= MaxTimers && !_timers.ContainsKey(id)) return false;
        ClearTimer(id);
        var t = new Timer { Due = Now + Math.Max(1, ms), Repeat = repeat, Seq = ++_timerSeq };
        _timers[id] = t;
        _timerQueue.Add((t.Due, t.Seq, id));
        return true;
    }

    public void ClearTimer(int id)
    {
        if (_timers.Remove(id, out var t)) _timerQueue.Remove((t.Due, t.Seq, id));
    }

    public void RefTimer(int id, bool value)
    {
        if (_timers.TryGetValue(id, out var t)) t.Ref = value;
    }

    /// <summary>Timers due now, in order (a timer fired here is removed, or rescheduled when it repeats).</summary>
    public List<int> TakeDueTimers()
    {
        var due = new List<int>();
        var now = Now;
        while (_timerQueue.Count > 0 && _timerQueue.Min.Due <= now)
        {
            var (_, _, id) = _timerQueue.Min;
            _timerQueue.Remove(_timerQueue.Min);
            due.Add(id);
        }
        return due;
    }

    /// <summary>After a fired timer's callback: reschedules an interval, forgets a one-shot timer.</summary>
    public void AfterTimer(int id)
    {
        if (!_timers.TryGetValue(id, out var t)) return;
        if (_timerQueue.Contains((t.Due, t.Seq, id))) return; // restarted by its callback (refresh)
        if (t.Repeat > 0)
        {
            t.Due = Now + Math.Max(1, t.Repeat);
            t.Seq = ++_timerSeq;
            _timerQueue.Add((t.Due, t.Seq, id));
        }
        else
        {
            _timers.Remove(id);
        }
    }

    public bool IsTimerActive(int id) => _timers.ContainsKey(id);

    // ---- immediates and posts ----

    /// <summary>Queues an immediate; false when <see cref="MaxTimers"/> are pending (queued, not cleared) already.</summary>
    public bool AddImmediate(int id)
    {
        if (_pendingImmediates.Count >= MaxTimers) return false;
        _clearedImmediates.Remove(id);
        _immediates.Add(id);
        _pendingImmediates.Add(id);
        return true;
    }

    public void ClearImmediate(int id)
    {
        _clearedImmediates.Add(id);
        _pendingImmediates.Remove(id);
    }

    public List<int> TakeImmediates()
    {
        var list = new List<int>(_immediates.Count);
        foreach (var id in _immediates)
            if (!_clearedImmediates.Contains(id)) list.Add(id);
        _immediates.Clear();
        _clearedImmediates.Clear();
        _pendingImmediates.Clear();
        return list;
    }

    /// <summary>Whether an immediate taken by <see cref="TakeImmediates"/> was cleared by an earlier one.</summary>
    public bool IsImmediateCleared(int id) => _clearedImmediates.Remove(id);

    public void Post(int id) => _posts.Enqueue(id);

    public List<int> TakePosts()
    {
        var list = new List<int>(_posts);
        _posts.Clear();
        return list;
    }

    // ---- read watchers ----

    public Errno StartReading(int fd, int id) => StartWatching(fd, id, WatchMode.Read);

    /// <summary>Watches an fd: reads (chunks), accepts (new fds) or one writability notice.</summary>
    public Errno StartWatching(int fd, int id, WatchMode mode)
    {
        if (process.Fds.Acquire(fd, out var d) != Errno.SUCCESS) return Errno.EBADF;
        var w = new ReadWatcher(fd, d, mode);
        w.Subscription = d.Events.Subscribe(Wake);
        StopReading(id);
        _readers[id] = w;
        return Errno.SUCCESS;
    }

    public void StopReading(int id)
    {
        if (!_readers.Remove(id, out var w)) return;
        w.Subscription?.Dispose();
        w.Description.Release();
    }

    public bool SetRef(int id, bool value)
    {
        if (_readers.TryGetValue(id, out var r))
        {
            r.Ref = value;
            return true;
        }
        if (_children.TryGetValue(id, out var c))
        {
            c.Ref = value;
            return true;
        }
        return false;
    }

    /// <summary>Watchers whose fd is ready: readable (data, EOF or an error), a connection to accept, or writable.</summary>
    public List<(int Id, int Fd, FileDescription Description, WatchMode Mode)> ReadyReaders()
    {
        var list = new List<(int, int, FileDescription, WatchMode)>();
        foreach (var (id, w) in _readers)
        {
            var wanted = w.Mode == WatchMode.Write ? PollEvents.POLLOUT | PollEvents.POLLERR | PollEvents.POLLHUP
                : PollEvents.POLLIN | PollEvents.POLLHUP | PollEvents.POLLERR;
            if ((w.Description.Poll() & wanted) != 0) list.Add((id, w.Fd, w.Description, w.Mode));
        }
        return list;
    }

    // ---- children ----

    public void WatchChild(KernelProcess child, int id)
    {
        _children[id] = new ChildWatch(child.Pid);
        child.Exited.ContinueWith(_ =>
        {
            lock (_wake)
            {
                _exitedChildren.Enqueue(id);
                _woken = true;
                Monitor.PulseAll(_wake);
            }
        }, TaskScheduler.Default);
    }

    /// <summary>Children that exited: (watch id, pid).</summary>
    public List<(int Id, int Pid)> TakeExitedChildren()
    {
        var list = new List<(int, int)>();
        lock (_wake)
        {
            while (_exitedChildren.TryDequeue(out var id))
                if (_children.Remove(id, out var c)) list.Add((id, c.Pid));
        }
        return list;
    }

    // ---- liveness and waiting ----

    /// <summary>Whether anything keeps the loop alive (uv_loop_alive).</summary>
    public bool IsAlive =>
        _immediates.Count > 0 || _posts.Count > 0 || TicksPending
        || _timers.Values.Any(t => t.Ref)
        || _readers.Values.Any(r => r.Ref)
        || _children.Values.Any(c => c.Ref)
        || _externalRefs.Count > 0;

    /// <summary>Work that needs no waiting: immediates, posted callbacks, ready fds, exited children.</summary>
    private bool HasWork()
    {
        if (_immediates.Count > 0 || _posts.Count > 0 || TicksPending) return true;
        lock (_wake)
            if (_exitedChildren.Count > 0 || _remote.Count > 0) return true;
        return ReadyReaders().Count > 0;
    }

    /// <summary>
    /// The poll phase's wait: until there is work, the next timer is due, or a signal arrives (EINTR).
    /// </summary>
    public Errno Wait()
    {
        if (HasWork()) return Errno.SUCCESS;
        TimeSpan? timeout = null;
        if (_timerQueue.Count > 0) timeout = TimeSpan.FromMilliseconds(Math.Max(0, _timerQueue.Min.Due - Now));
        lock (_wake)
        {
            var e = process.Block(_wake, () => _woken || _exitedChildren.Count > 0 || ReadyReaders().Count > 0, timeout);
            if (e == Errno.EINTR && LeavesSignalsToMainThread && process.FatalSignal is null && !_woken)
                Monitor.Wait(_wake, 10); // until the main thread takes the caught signal: wait in short steps, not a spin
            _woken = false;
            return e == Errno.ETIMEDOUT ? Errno.SUCCESS : e;
        }
    }

    private void Wake()
    {
        lock (_wake)
        {
            _woken = true;
            Monitor.PulseAll(_wake);
        }
    }

    public bool IsWatching(int id) => _readers.ContainsKey(id);

    public void Dispose()
    {
        foreach (var id in _readers.Keys.ToList()) StopReading(id);
    }
}

/// <summary>What an fd watcher waits for.</summary>
internal enum WatchMode
{
    Read,    // chunks read into the scratch array
    Accept,  // connections accepted on a listening socket
    Write,   // one notice that the fd became writable (the watcher then stops)
}
