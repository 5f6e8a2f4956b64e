using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Files;

/// <summary>
/// An open file description (what open(2) creates and dup(2) shares): the object behind one or more fds,
/// with its own offset and status flags. Subclasses override what their file type supports; everything
/// else answers with the errno Linux gives for that file type.
/// </summary>
/// <remarks>
/// <c>caller</c> is the process doing the call (null when the host calls): blocking operations wait through
/// <see cref="KernelProcess.Block"/> so a kill wakes them, and a write to a broken pipe signals it.
/// </remarks>
internal abstract class FileDescription
{
    private int _references = 1;

    protected FileDescription(OpenFlags flags) => Flags = flags;

    /// <summary>Access mode and status flags (O_APPEND, O_NONBLOCK) as given to open or set by fcntl.</summary>
    public OpenFlags Flags { get; set; }

    /// <summary>The guest path this was opened with, canonical at open time (null for pipes and sockets).</summary>
    public string? Path { get; init; }

    /// <summary>Readiness changes (data arrived, space freed, peer closed) are announced here for poll.</summary>
    public WaitQueue Events { get; } = new();

    public bool IsNonBlocking => (Flags & OpenFlags.O_NONBLOCK) != 0;

    public virtual Errno Read(KernelProcess? caller, Span<byte> buffer, out int read)
    {
        read = 0;
        return Errno.EBADF;
    }

    public virtual Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, out int written)
    {
        written = 0;
        return Errno.EBADF;
    }

    /// <summary>A write that never waits (O_NONBLOCK for this call only): EAGAIN when nothing fits now.
    /// Descriptions that never block (files, devices) just write.</summary>
    public virtual Errno TryWrite(KernelProcess? caller, ReadOnlySpan<byte> data, out int written) => Write(caller, data, out written);

    public virtual Errno Pread(KernelProcess? caller, Span<byte> buffer, long offset, out int read)
    {
        read = 0;
        return Errno.ESPIPE;
    }

    public virtual Errno Pwrite(KernelProcess? caller, ReadOnlySpan<byte> data, long offset, out int written)
    {
        written = 0;
        return Errno.ESPIPE;
    }

    public virtual Errno Seek(long offset, Whence whence, out long position)
    {
        position = 0;
        return Errno.ESPIPE;
    }

    public abstract Errno Stat(out StatInfo stat);

    public virtual Errno Truncate(long length) => Errno.EINVAL;

    public virtual Errno Chmod(uint mode) => Errno.EPERM;

    public virtual Errno Utimens(Timespec? atime, Timespec? mtime) => Errno.EPERM;

    public virtual Errno Sync() => Errno.SUCCESS;

    /// <summary>All entries of a directory (without "." and ".."), in a stable order.</summary>
    public virtual Errno ReadDirectory(out IReadOnlyList<DirEntry> entries)
    {
        entries = [];
        return Errno.ENOTDIR;
    }

    /// <summary>Current readiness for poll(2): never blocks.</summary>
    public virtual PollEvents Poll() => PollEvents.POLLIN | PollEvents.POLLOUT;

    public virtual bool IsTerminal => false;

    /// <summary>Another fd (or holder) now refers to this description.</summary>
    public void AddReference() => Interlocked.Increment(ref _references);

    /// <summary>Drops one reference; the last one closes the description.</summary>
    public void Release()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left == 0) OnLastClose();
        else if (left < 0) throw new InvalidOperationException("file description released more times than referenced");
    }

    /// <summary>Called once, when no fd refers to this description any more.</summary>
    protected virtual void OnLastClose() { }
}

/// <summary>poll(2) event bits (Linux values).</summary>
[Flags]
internal enum PollEvents : short
{
    None = 0,
    POLLIN = 0x1,
    POLLPRI = 0x2,
    POLLOUT = 0x4,
    POLLERR = 0x8,
    POLLHUP = 0x10,
    POLLNVAL = 0x20,
}
