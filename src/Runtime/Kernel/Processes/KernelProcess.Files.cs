using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Pipes;

namespace SecureExec.Testing.Kernel.Processes;

/// <summary>fd-based system calls (open, read, write, close, lseek, pipe, dup…) for drivers to call.</summary>
internal sealed partial class KernelProcess
{
    /// <summary>open(2) / openat with this process's cwd and umask.</summary>
    public Errno Open(string path, OpenFlags flags, uint mode, out int fd)
    {
        fd = -1;
        var e = Kernel.FileSystem.Open(PathContext, path, flags, mode, out var file);
        if (e != Errno.SUCCESS) return e;
        e = Fds.Allocate(file, (flags & OpenFlags.O_CLOEXEC) != 0, out fd);
        if (e != Errno.SUCCESS) file.Release();
        return e;
    }

    public Errno Read(int fd, Span<byte> buffer, out int read)
    {
        read = 0;
        if (Fds.Acquire(fd, out var d) != Errno.SUCCESS) return Errno.EBADF;
        try
        {
            return d.Flags.CanRead() || d is PipeReadEnd ? d.Read(this, buffer, out read) : Errno.EBADF;
        }
        finally
        {
            d.Release();
        }
    }

    public Errno Write(int fd, ReadOnlySpan<byte> data, out int written)
    {
        written = 0;
        if (Fds.Acquire(fd, out var d) != Errno.SUCCESS) return Errno.EBADF;
        try
        {
            return d.Flags.CanWrite() ? d.Write(this, data, out written) : Errno.EBADF;
        }
        finally
        {
            d.Release();
        }
    }

    /// <summary>write(2) that returns EAGAIN instead of waiting when <paramref name="fd"/> cannot take data now.</summary>
    public Errno TryWrite(int fd, ReadOnlySpan<byte> data, out int written)
    {
        written = 0;
        if (Fds.Acquire(fd, out var d) != Errno.SUCCESS) return Errno.EBADF;
        try
        {
            return d.Flags.CanWrite() ? d.TryWrite(this, data, out written) : Errno.EBADF;
        }
        finally
        {
            d.Release();
        }
    }

    public Errno Pread(int fd, Span<byte> buffer, long offset, out int read)
    {
        read = 0;
        if (offset < 0) return Errno.EINVAL;
        if (Fds.Acquire(fd, out var d) != Errno.SUCCESS) return Errno.EBADF;
        try
        {
            return d.Flags.CanRead() ? d.Pread(this, buffer, offset, out read) : Errno.EBADF;
        }
        finally
        {
            d.Release();
        }
    }

    public Errno Pwrite(int fd, ReadOnlySpan<byte> data, long offset, out int written)
    {
        written = 0;
        if (offset < 0) return Errno.EINVAL;
        if (Fds.Acquire(fd, out var d) != Errno.SUCCESS) return Errno.EBADF;
        try
        {
            return d.Flags.CanWrite() ? d.Pwrite(this, data, offset, out written) : Errno.EBADF;
        }
        finally
        {
            d.Release();
        }
    }

    public Errno Seek(int fd, long offset, Whence whence, out long position)
    {
        position = 0;
        if (Fds.Get(fd, out var d) != Errno.SUCCESS) return Errno.EBADF;
        return d.Seek(offset, whence, out position);
    }

    public Errno Close(int fd) => Fds.Close(fd);

    /// <summary>pipe2(2): fds[0] reads, fds[1] writes. Flags: O_CLOEXEC, O_NONBLOCK.</summary>
    public Errno CreatePipe(OpenFlags flags, out int readFd, out int writeFd)
    {
        readFd = writeFd = -1;
        var (r, w) = Pipe.Create(Kernel.Limits.PipeCapacity, flags);
        var cloexec = (flags & OpenFlags.O_CLOEXEC) != 0;
        var e = Fds.Allocate(r, cloexec, out readFd);
        if (e != Errno.SUCCESS)
        {
            r.Release();
            w.Release();
            return e;
        }
        e = Fds.Allocate(w, cloexec, out writeFd);
        if (e != Errno.SUCCESS)
        {
            Fds.Close(readFd);
            w.Release();
            readFd = -1;
        }
        return e;
    }

    public Errno Fstat(int fd, out StatInfo stat)
    {
        stat = default;
        if (Fds.Get(fd, out var d) != Errno.SUCCESS) return Errno.EBADF;
        return d.Stat(out stat);
    }

    /// <summary>chdir(2): the target must be a directory (ENOENT, ENOTDIR otherwise).</summary>
    public Errno ChangeDirectory(string path)
    {
        var e = Kernel.FileSystem.ResolveDirectory(PathContext, path, out var canonical);
        if (e == Errno.SUCCESS) Cwd = canonical;
        return e;
    }

    /// <summary>isatty(3): true only for terminal descriptions (the VM has none unless the host attaches one).</summary>
    public bool IsTerminal(int fd) => Fds.Get(fd, out var d) == Errno.SUCCESS && d.IsTerminal;
}
