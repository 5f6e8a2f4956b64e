using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>A read-only snapshot of generated content (/proc files): read, pread, lseek; stat is the inode's.</summary>
internal sealed class SyntheticFileDescription(VfsNode node, byte[] content, OpenFlags flags) : FileDescription(flags), IVfsDescription
{
    private readonly object _lock = new();
    private long _position; // guarded by _lock

    public VfsNode Node { get; } = node;

    public override Errno Read(KernelProcess? caller, Span<byte> buffer, out int read)
    {
        lock (_lock)
        {
            read = CopyAt(_position, buffer);
            _position += read;
        }
        return Errno.SUCCESS;
    }

    public override Errno Pread(KernelProcess? caller, Span<byte> buffer, long offset, out int read)
    {
        read = 0;
        if (offset < 0) return Errno.EINVAL;
        read = CopyAt(offset, buffer);
        return Errno.SUCCESS;
    }

    public override Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, out int written)
    {
        written = 0;
        return Errno.EBADF;
    }

    public override Errno Seek(long offset, Whence whence, out long position)
    {
        lock (_lock)
        {
            position = _position;
            var b = whence switch { Whence.SEEK_SET => 0, Whence.SEEK_CUR => _position, Whence.SEEK_END => content.Length, _ => -1L };
            if (b < 0 || b + offset < 0) return Errno.EINVAL;
            _position = position = b + offset;
            return Errno.SUCCESS;
        }
    }

    public override Errno Stat(out StatInfo stat) => Node.Stat(out stat);

    private int CopyAt(long offset, Span<byte> buffer)
    {
        if (offset >= content.Length) return 0;
        var n = (int)Math.Min(buffer.Length, content.Length - offset);
        content.AsSpan((int)offset, n).CopyTo(buffer);
        return n;
    }
}
