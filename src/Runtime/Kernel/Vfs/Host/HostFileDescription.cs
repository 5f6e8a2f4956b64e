using Microsoft.Win32.SafeHandles;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs.Host;

/// <summary>An open regular file of a host mount: pread/pwrite on the host fd at this description's offset.
/// Host files are not counted against <see cref="KernelLimits.MaxFileSystemBytes"/>.</summary>
internal sealed class HostFileDescription(HostNode node, SafeFileHandle fd, OpenFlags flags) : FileDescription(flags), IVfsDescription
{
    private readonly object _positionLock = new();
    private long _position; // guarded by _positionLock

    public HostNode Node { get; } = node;

    VfsNode IVfsDescription.Node => Node;

    public override Errno Read(KernelProcess? caller, Span<byte> buffer, out int read)
    {
        read = 0;
        if (!Flags.CanRead()) return Errno.EBADF;
        lock (_positionLock)
        {
            var e = HostInterop.Pread(fd, buffer, _position, out read);
            if (e == Errno.SUCCESS) _position += read;
            return e;
        }
    }

    public override Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, out int written)
    {
        written = 0;
        if (!Flags.CanWrite()) return Errno.EBADF;
        lock (_positionLock)
        {
            // The host fd has O_APPEND when this description has it, and pwrite then appends (Linux).
            var e = HostInterop.Pwrite(fd, data, _position, out written);
            if (e != Errno.SUCCESS) return e;
            if ((Flags & OpenFlags.O_APPEND) != 0)
            {
                e = HostInterop.Fstat(fd, out var st);
                _position = (long)st.Size;
                return e;
            }
            _position += written;
            return Errno.SUCCESS;
        }
    }

    public override Errno Pread(KernelProcess? caller, Span<byte> buffer, long offset, out int read)
    {
        read = 0;
        if (!Flags.CanRead()) return Errno.EBADF;
        return offset < 0 ? Errno.EINVAL : HostInterop.Pread(fd, buffer, offset, out read);
    }

    public override Errno Pwrite(KernelProcess? caller, ReadOnlySpan<byte> data, long offset, out int written)
    {
        written = 0;
        if (!Flags.CanWrite()) return Errno.EBADF;
        return offset < 0 ? Errno.EINVAL : HostInterop.Pwrite(fd, data, offset, out written);
    }

    public override Errno Seek(long offset, Whence whence, out long position)
    {
        lock (_positionLock)
        {
            position = _position;
            long b;
            switch (whence)
            {
                case Whence.SEEK_SET: b = 0; break;
                case Whence.SEEK_CUR: b = _position; break;
                case Whence.SEEK_END:
                    var e = HostInterop.Fstat(fd, out var st);
                    if (e != Errno.SUCCESS) return e;
                    b = (long)st.Size;
                    break;
                default: return Errno.EINVAL;
            }
            if (b + offset < 0) return Errno.EINVAL;
            _position = position = b + offset;
            return Errno.SUCCESS;
        }
    }

    public override Errno Stat(out StatInfo stat)
    {
        stat = default;
        var e = HostInterop.Fstat(fd, out var st);
        if (e == Errno.SUCCESS) stat = Node.Mount.ToStatInfo(st);
        return e;
    }

    public override Errno Truncate(long length)
    {
        if (!Flags.CanWrite() || length < 0) return Errno.EINVAL;
        return HostInterop.Ftruncate(fd, length);
    }

    public override Errno Chmod(uint mode) => Node.Mount.ReadOnly ? Errno.EROFS : HostInterop.Fchmod(fd, mode & ModeBits.PermissionMask);

    public override Errno Utimens(Timespec? atime, Timespec? mtime) =>
        Node.Mount.ReadOnly ? Errno.EROFS : HostInterop.Futimens(fd, atime, mtime);

    protected override void OnLastClose() => fd.Dispose();
}
