using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs.Memory;

/// <summary>An open regular file of the in-memory file system: the offset, and I/O on the shared inode.</summary>
internal sealed class RegularFileDescription : FileDescription, IVfsDescription
{
    private readonly object _positionLock = new();
    private long _position; // guarded by _positionLock (read/write/seek on one description are serialized)
    private int _closed;

    public RegularFileDescription(MemoryFile file, OpenFlags flags) : base(flags) => File = file;

    public MemoryFile File { get; }

    VfsNode IVfsDescription.Node => File;

    public override Errno Read(KernelProcess? caller, Span<byte> buffer, out int read)
    {
        read = 0;
        if (!Flags.CanRead()) return Errno.EBADF;
        lock (_positionLock)
        {
            read = File.ReadAt(_position, buffer);
            _position += read;
        }
        return Errno.SUCCESS;
    }

    public override Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, out int written)
    {
        written = 0;
        if (!Flags.CanWrite()) return Errno.EBADF;
        lock (_positionLock)
        {
            var e = File.WriteAt(_position, data, (Flags & OpenFlags.O_APPEND) != 0, out written, out var end);
            if (e == Errno.SUCCESS) _position = end;
            return e;
        }
    }

    public override Errno Pread(KernelProcess? caller, Span<byte> buffer, long offset, out int read)
    {
        read = 0;
        if (!Flags.CanRead()) return Errno.EBADF;
        if (offset < 0) return Errno.EINVAL;
        read = File.ReadAt(offset, buffer);
        return Errno.SUCCESS;
    }

    // Linux: pwrite on an O_APPEND description appends regardless of the offset.
    public override Errno Pwrite(KernelProcess? caller, ReadOnlySpan<byte> data, long offset, out int written)
    {
        written = 0;
        if (!Flags.CanWrite()) return Errno.EBADF;
        if (offset < 0) return Errno.EINVAL;
        return File.WriteAt(offset, data, (Flags & OpenFlags.O_APPEND) != 0, out written, out _);
    }

    public override Errno Seek(long offset, Whence whence, out long position)
    {
        lock (_positionLock)
        {
            position = _position;
            var b = whence switch
            {
                Whence.SEEK_SET => 0,
                Whence.SEEK_CUR => _position,
                Whence.SEEK_END => File.Length,
                _ => -1,
            };
            if (b < 0) return Errno.EINVAL;
            var target = b + offset;
            if (target < 0 || (offset > 0 && target < b)) return Errno.EINVAL;
            _position = position = target;
            return Errno.SUCCESS;
        }
    }

    public override Errno Stat(out StatInfo stat) => File.Stat(out stat);

    // ftruncate on a description not open for writing: EINVAL (Linux).
    public override Errno Truncate(long length) => Flags.CanWrite() ? File.Truncate(length) : Errno.EINVAL;

    public override Errno Chmod(uint mode) => File.Chmod(mode);

    public override Errno Utimens(Timespec? atime, Timespec? mtime) => File.Utimens(atime, mtime);

    protected override void OnLastClose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0) File.OnClose();
    }
}
