using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Files;

/// <summary>
/// A process's file descriptor table: fd number → (open file description, close-on-exec). New fds take the
/// lowest free number; at <see cref="Limit"/> entries allocation fails with EMFILE (RLIMIT_NOFILE).
/// </summary>
internal sealed class FdTable
{
    private readonly object _lock = new();
    private Entry[] _entries;   // guarded by _lock; a null Description is a free slot

    private struct Entry
    {
        public FileDescription? Description;
        public bool CloseOnExec;
    }

    public FdTable(int limit)
    {
        if (limit <= 0) throw new ArgumentOutOfRangeException(nameof(limit), "the fd limit must be positive");
        Limit = limit;
        _entries = new Entry[Math.Min(limit, 16)];
    }

    /// <summary>The highest fd number + 1 this table accepts (RLIMIT_NOFILE).</summary>
    public int Limit { get; }

    /// <summary>Installs <paramref name="description"/> at the lowest free fd ≥ <paramref name="minimum"/>.
    /// Takes over the caller's reference on success.</summary>
    public Errno Allocate(FileDescription description, bool closeOnExec, out int fd, int minimum = 0)
    {
        fd = -1;
        if (minimum < 0 || minimum >= Limit) return Errno.EINVAL;
        lock (_lock)
        {
            for (var i = minimum; i < Limit; i++)
            {
                if (i >= _entries.Length) Grow(i + 1);
                if (_entries[i].Description is null)
                {
                    _entries[i] = new Entry { Description = description, CloseOnExec = closeOnExec };
                    fd = i;
                    return Errno.SUCCESS;
                }
            }
        }
        return Errno.EMFILE;
    }

    /// <summary>Looks up an fd. The description stays valid while the caller uses it only if the caller
    /// holds a reference; use <see cref="Acquire"/> for operations that may block.</summary>
    public Errno Get(int fd, out FileDescription description)
    {
        lock (_lock)
        {
            if (fd >= 0 && fd < _entries.Length && _entries[fd].Description is { } d)
            {
                description = d;
                return Errno.SUCCESS;
            }
        }
        description = null!;
        return Errno.EBADF;
    }

    /// <summary>Looks up an fd and takes a reference (release it when done), so a concurrent close of the fd
    /// cannot close the description under a blocked read.</summary>
    public Errno Acquire(int fd, out FileDescription description)
    {
        lock (_lock)
        {
            if (fd >= 0 && fd < _entries.Length && _entries[fd].Description is { } d)
            {
                d.AddReference();
                description = d;
                return Errno.SUCCESS;
            }
        }
        description = null!;
        return Errno.EBADF;
    }

    public Errno Close(int fd)
    {
        FileDescription? d;
        lock (_lock)
        {
            if (fd < 0 || fd >= _entries.Length || _entries[fd].Description is null) return Errno.EBADF;
            d = _entries[fd].Description;
            _entries[fd] = default;
        }
        d!.Release();
        return Errno.SUCCESS;
    }

    /// <summary>dup(2) / fcntl(F_DUPFD[_CLOEXEC]).</summary>
    public Errno Dup(int fd, out int newFd, int minimum = 0, bool closeOnExec = false)
    {
        newFd = -1;
        if (Acquire(fd, out var d) is not Errno.SUCCESS) return Errno.EBADF;
        var e = Allocate(d, closeOnExec, out newFd, minimum);
        if (e != Errno.SUCCESS) d.Release();
        return e;
    }

    /// <summary>dup2(2): <paramref name="newFd"/> is closed first (silently); the copy is not close-on-exec.</summary>
    public Errno Dup2(int oldFd, int newFd)
    {
        if (newFd < 0 || newFd >= Limit) return Errno.EBADF;
        FileDescription? replaced = null;
        lock (_lock)
        {
            if (oldFd < 0 || oldFd >= _entries.Length || _entries[oldFd].Description is not { } d) return Errno.EBADF;
            if (oldFd == newFd) return Errno.SUCCESS;
            if (newFd >= _entries.Length) Grow(newFd + 1);
            replaced = _entries[newFd].Description;
            d.AddReference();
            _entries[newFd] = new Entry { Description = d, CloseOnExec = false };
        }
        replaced?.Release();
        return Errno.SUCCESS;
    }

    public Errno GetCloseOnExec(int fd, out bool closeOnExec)
    {
        lock (_lock)
        {
            closeOnExec = false;
            if (fd < 0 || fd >= _entries.Length || _entries[fd].Description is null) return Errno.EBADF;
            closeOnExec = _entries[fd].CloseOnExec;
            return Errno.SUCCESS;
        }
    }

    public Errno SetCloseOnExec(int fd, bool closeOnExec)
    {
        lock (_lock)
        {
            if (fd < 0 || fd >= _entries.Length || _entries[fd].Description is null) return Errno.EBADF;
            _entries[fd].CloseOnExec = closeOnExec;
            return Errno.SUCCESS;
        }
    }

    /// <summary>The open fds, in order (for /proc/PID/fd).</summary>
    public IReadOnlyList<(int Fd, FileDescription Description)> Snapshot()
    {
        lock (_lock)
        {
            var list = new List<(int, FileDescription)>();
            for (var i = 0; i < _entries.Length; i++)
                if (_entries[i].Description is { } d) list.Add((i, d));
            return list;
        }
    }

    /// <summary>A copy for a new process: every fd that is not close-on-exec, at the same numbers (exec semantics).</summary>
    public FdTable CloneInheritable(int limit)
    {
        var child = new FdTable(limit);
        lock (_lock)
        {
            for (var i = 0; i < _entries.Length && i < limit; i++)
            {
                if (_entries[i].Description is { } d && !_entries[i].CloseOnExec)
                {
                    d.AddReference();
                    child.Place(i, d);
                }
            }
        }
        return child;
    }

    /// <summary>Puts <paramref name="description"/> at exactly <paramref name="fd"/> (taking over a reference).
    /// Used when building a new process's table.</summary>
    public Errno Place(int fd, FileDescription description)
    {
        if (fd < 0 || fd >= Limit) return Errno.EBADF;
        FileDescription? replaced;
        lock (_lock)
        {
            if (fd >= _entries.Length) Grow(fd + 1);
            replaced = _entries[fd].Description;
            _entries[fd] = new Entry { Description = description };
        }
        replaced?.Release();
        return Errno.SUCCESS;
    }

    /// <summary>Closes every close-on-exec fd (execve).</summary>
    public void CloseOnExecAll()
    {
        var closing = new List<FileDescription>();
        lock (_lock)
        {
            for (var i = 0; i < _entries.Length; i++)
            {
                if (_entries[i].Description is { } d && _entries[i].CloseOnExec)
                {
                    closing.Add(d);
                    _entries[i] = default;
                }
            }
        }
        foreach (var d in closing) d.Release();
    }

    /// <summary>Closes every fd (process exit).</summary>
    public void CloseAll()
    {
        var closing = new List<FileDescription>();
        lock (_lock)
        {
            for (var i = 0; i < _entries.Length; i++)
            {
                if (_entries[i].Description is { } d) closing.Add(d);
                _entries[i] = default;
            }
        }
        foreach (var d in closing) d.Release();
    }

    public int Count
    {
        get
        {
            lock (_lock) return _entries.Count(e => e.Description is not null);
        }
    }

    private void Grow(int needed)
    {
        var size = Math.Min(Limit, Math.Max(needed, _entries.Length * 2));
        Array.Resize(ref _entries, size);
    }
}
