using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>Inode attribute system calls by path: chmod, chown, utimensat, truncate.</summary>
internal sealed partial class VirtualFileSystem
{
    /// <summary>chmod(2) / fchmodat: a symlink itself cannot be chmodded (ENOTSUP, like AT_SYMLINK_NOFOLLOW on Linux).</summary>
    public Errno Chmod(in PathContext ctx, string path, uint mode, bool followSymlinks) =>
        ChangeAttributes(ctx, path, followSymlinks, node =>
            node.Type == FileType.Symlink ? Errno.ENOTSUP : node.Chmod(mode & ModeBits.PermissionMask));

    /// <summary>chown(2) / lchown: uint.MaxValue (-1) leaves that id unchanged.</summary>
    public Errno Chown(in PathContext ctx, string path, uint uid, uint gid, bool followSymlinks) =>
        ChangeAttributes(ctx, path, followSymlinks, node => node.Chown(uid, gid));

    /// <summary>utimensat(2): a null time leaves that time unchanged (UTIME_OMIT); ctime becomes now.</summary>
    public Errno Utimens(in PathContext ctx, string path, Timespec? atime, Timespec? mtime, bool followSymlinks) =>
        ChangeAttributes(ctx, path, followSymlinks, node => node.Utimens(atime, mtime));

    /// <summary>truncate(2): EISDIR for a directory, EINVAL for a negative length or a non-regular file.</summary>
    public Errno Truncate(in PathContext ctx, string path, long length)
    {
        if (length < 0) return Errno.EINVAL;
        return ChangeAttributes(ctx, path, followSymlinks: true, node => node.Type switch
        {
            FileType.Regular => node.Truncate(length),
            FileType.Directory => Errno.EISDIR,
            _ => Errno.EINVAL,
        });
    }

    private Errno ChangeAttributes(in PathContext ctx, string path, bool followSymlinks, Func<VfsNode, Errno> change)
    {
        lock (Lock)
        {
            var e = ResolveExisting(ctx, path, followSymlinks ? FinalComponent.Follow : FinalComponent.NoFollow, out var node);
            if (e != Errno.SUCCESS) return e;
            if (node.Superblock.ReadOnly && IsStorage(node)) return Errno.EROFS;
            if (!Allowed(ctx, write: true, node)) return Errno.EACCES;
            return change(node);
        }
    }
}
