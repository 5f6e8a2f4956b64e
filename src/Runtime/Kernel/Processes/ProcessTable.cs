using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Processes;

/// <summary>
/// All processes of a VM: pid allocation, parent/child links, zombies and waitpid. Pid 1 is the kernel's
/// init: it has no thread, adopts orphans and reaps its children at once (the host observes those through
/// <see cref="KernelProcess.Exited"/>).
/// </summary>
internal sealed class ProcessTable
{
    /// <summary>Guards the table, parent links, states and reaping; waitpid sleeps on it.</summary>
    private readonly object _lock = new();
    private readonly Dictionary<int, KernelProcess> _processes = [];
    private int _nextPid = 1;
    private int _live;

    internal object Lock => _lock;

    public KernelProcess? Get(int pid)
    {
        lock (_lock) return _processes.GetValueOrDefault(pid);
    }

    /// <summary>Every process in the table (zombies included), by pid.</summary>
    public IReadOnlyList<KernelProcess> All
    {
        get
        {
            lock (_lock) return [.. _processes.Values.OrderBy(p => p.Pid)];
        }
    }

    /// <summary>Processes that have not exited.</summary>
    public int LiveCount
    {
        get
        {
            lock (_lock) return _live;
        }
    }

    internal KernelProcess Add(Func<int, KernelProcess> create, int limit, out Errno error)
    {
        lock (_lock)
        {
            if (_live >= limit)
            {
                error = Errno.EAGAIN;
                return null!;
            }
            var pid = _nextPid++;
            var p = create(pid);
            _processes.Add(pid, p);
            _live++;
            error = Errno.SUCCESS;
            return p;
        }
    }

    /// <summary>Records an exit: the process becomes a zombie for its parent, its children go to init, and the
    /// parent is told (SIGCHLD). Children of init are reaped at once.</summary>
    internal void OnExit(KernelProcess process, WaitStatus status)
    {
        KernelProcess? parent;
        lock (_lock)
        {
            process.MarkExited(status);
            _live--;
            foreach (var child in _processes.Values.Where(c => c.ParentPid == process.Pid).ToList())
            {
                child.ParentPid = 1;
                if (child.State == ProcessState.Zombie) _processes.Remove(child.Pid);
            }
            parent = _processes.GetValueOrDefault(process.ParentPid);
            var autoReap = parent is null || parent.Pid == 1 || parent.State == ProcessState.Zombie
                || parent.GetDisposition(Signal.SIGCHLD) == SignalDisposition.Ignore;
            if (autoReap) _processes.Remove(process.Pid);
            Monitor.PulseAll(_lock);
        }
        process.CompleteExit(status);
        if (parent is not null && parent.Pid != 1) parent.Deliver(Signal.SIGCHLD);
    }

    internal void OnStateChange(KernelProcess process, ProcessState state)
    {
        lock (_lock)
        {
            if (process.State == ProcessState.Zombie) return;
            process.State = state;
            process.StopReportPending = state == ProcessState.Stopped;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>
    /// waitpid(2) for <paramref name="caller"/>: pid &gt; 0 that child, -1 any child, 0 any child in the caller's
    /// process group, &lt; -1 any child in group -pid. Returns the pid in <paramref name="reaped"/> (0 with
    /// WNOHANG when none is ready); ECHILD when no child matches; EINTR when a signal arrives.
    /// </summary>
    public Errno Wait(KernelProcess caller, int pid, WaitOptions options, out int reaped, out WaitStatus status)
    {
        var found = 0;
        var foundStatus = default(WaitStatus);
        var noChildren = false;
        bool Check()
        {
            noChildren = true;
            foreach (var c in _processes.Values)
            {
                if (c.ParentPid != caller.Pid || !Matches(c)) continue;
                noChildren = false;
                if (c.State == ProcessState.Zombie)
                {
                    found = c.Pid;
                    foundStatus = c.ExitStatus!.Value;
                    return true;
                }
                if ((options & WaitOptions.WUNTRACED) != 0 && c.StopReportPending)
                {
                    found = c.Pid;
                    foundStatus = WaitStatus.Stopped(Signal.SIGSTOP);
                    return true;
                }
            }
            return noChildren;
        }
        bool Matches(KernelProcess c) => pid switch
        {
            > 0 => c.Pid == pid,
            -1 => true,
            0 => c.ProcessGroup == caller.ProcessGroup,
            _ => c.ProcessGroup == -pid,
        };

        lock (_lock)
        {
            reaped = 0;
            status = default;
            Errno e;
            if ((options & WaitOptions.WNOHANG) != 0)
                e = Check() ? Errno.SUCCESS : Errno.EAGAIN;
            else
                e = caller.Block(_lock, Check);
            if (e == Errno.EAGAIN) return Errno.SUCCESS; // WNOHANG, nothing ready: returns 0
            if (e != Errno.SUCCESS) return e;
            if (found == 0) return Errno.ECHILD;
            var child = _processes[found];
            if (child.State == ProcessState.Zombie) _processes.Remove(found);
            else child.StopReportPending = false;
            reaped = found;
            status = foundStatus;
            return Errno.SUCCESS;
        }
    }

    /// <summary>getpgid(2): pid 0 = the caller. ESRCH for an unknown or exited process.</summary>
    public Errno GetProcessGroup(KernelProcess caller, int pid, out int group)
    {
        lock (_lock)
        {
            var target = pid == 0 ? caller : _processes.GetValueOrDefault(pid);
            group = target is null || target.State == ProcessState.Zombie ? 0 : target.ProcessGroup;
            return group == 0 ? Errno.ESRCH : Errno.SUCCESS;
        }
    }

    /// <summary>setpgid(2): the caller or one of its children joins an existing group, or leads a new one
    /// (pgid 0 or its own pid). ESRCH for a process that is neither; EPERM for a group nobody is in.</summary>
    public Errno SetProcessGroup(KernelProcess caller, int pid, int pgid)
    {
        if (pgid < 0) return Errno.EINVAL;
        lock (_lock)
        {
            var target = pid == 0 ? caller : _processes.GetValueOrDefault(pid);
            if (target is null || (target != caller && target.ParentPid != caller.Pid) || target.State == ProcessState.Zombie)
                return Errno.ESRCH;
            var group = pgid == 0 ? target.Pid : pgid;
            if (group != target.Pid && !_processes.Values.Any(p => p.ProcessGroup == group && p.State != ProcessState.Zombie))
                return Errno.EPERM;
            target.ProcessGroup = group;
            return Errno.SUCCESS;
        }
    }

    /// <summary>Processes a kill(2) pid argument names, as seen by <paramref name="sender"/> (null = host).</summary>
    internal List<KernelProcess> Targets(KernelProcess? sender, int pid)
    {
        lock (_lock)
        {
            IEnumerable<KernelProcess> live = _processes.Values.Where(p => p.State != ProcessState.Zombie && p.Pid != 1);
            return pid switch
            {
                > 0 => [.. live.Where(p => p.Pid == pid)],
                0 when sender is not null => [.. live.Where(p => p.ProcessGroup == sender.ProcessGroup)],
                -1 => [.. live.Where(p => p != sender)],
                < -1 => [.. live.Where(p => p.ProcessGroup == -pid)],
                _ => [],
            };
        }
    }

    internal void Remove(KernelProcess process)
    {
        lock (_lock)
        {
            if (_processes.Remove(process.Pid) && process.State != ProcessState.Zombie) _live--;
            Monitor.PulseAll(_lock);
        }
    }
}
