using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>An open directory of any file system: listing and stat go to the inode; read(2) gives EISDIR.</summary>
internal sealed class DirectoryDescription(VfsNode node, OpenFlags flags) : FileDescription(flags), IVfsDescription
{
    public VfsNode Node { get; } = node;

    public override Errno Read(KernelProcess? caller, Span<byte> buffer, out int read)
    {
        read = 0;
        return Errno.EISDIR;
    }

    public override Errno Pread(KernelProcess? caller, Span<byte> buffer, long offset, out int read)
    {
        read = 0;
        return Errno.EISDIR;
    }

    // lseek on a directory is allowed; the listing is always returned whole, so only the offset is kept.
    public override Errno Seek(long offset, Whence whence, out long position)
    {
        position = 0;
        if (whence != Whence.SEEK_SET && whence != Whence.SEEK_CUR) return Errno.EINVAL;
        if (offset < 0) return Errno.EINVAL;
        position = offset;
        return Errno.SUCCESS;
    }

    public override Errno Stat(out StatInfo stat) => Node.Stat(out stat);

    public override Errno Truncate(long length) => Errno.EINVAL;

    public override Errno Chmod(uint mode) => Node.Superblock.ReadOnly ? Errno.EROFS : Node.Chmod(mode);

    public override Errno Utimens(Timespec? atime, Timespec? mtime) =>
        Node.Superblock.ReadOnly ? Errno.EROFS : Node.Utimens(atime, mtime);

    public override Errno ReadDirectory(out IReadOnlyList<DirEntry> entries) => Node.List(out entries);
}
