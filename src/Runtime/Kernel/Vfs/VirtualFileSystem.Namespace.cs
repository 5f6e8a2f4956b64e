using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>Directory-entry system calls: mkdir, rmdir, unlink, rename, link, symlink, readlink.</summary>
internal sealed partial class VirtualFileSystem
{
    /// <summary>mkdir(2): EEXIST for any existing entry (a dangling symlink too), ENOENT/ENOTDIR for the parent.</summary>
    public Errno Mkdir(in PathContext ctx, string path, uint mode)
    {
        lock (Lock)
        {
            var e = Resolve(ctx, path, FinalComponent.Entry, out var r);
            if (e != Errno.SUCCESS) return e;
            if (r.Node is not null) return Errno.EEXIST;
            if (r.Directory.Superblock.ReadOnly) return Errno.EROFS;
            if (!Allowed(ctx, write: true, r.Directory)) return Errno.EACCES;
            return r.Directory.Mkdir(r.Name, mode & ~ctx.Umask & 0x3FF);
        }
    }

    /// <summary>rmdir(2): EINVAL for ".", ENOTEMPTY for "..", EBUSY for "/" and mount points.</summary>
    public Errno Rmdir(in PathContext ctx, string path)
    {
        lock (Lock)
        {
            var e = Resolve(ctx, path, FinalComponent.Entry, out var r);
            if (e != Errno.SUCCESS) return e;
            switch (r.Name)
            {
                case ".": return Errno.EINVAL;
                case "..": return Errno.ENOTEMPTY;
                case "": return Errno.EBUSY;
            }
            if (r.Directory.Superblock.ReadOnly) return Errno.EROFS;
            if (r.Node is not { } node) return Errno.ENOENT;
            if (node.Type != FileType.Directory) return Errno.ENOTDIR;
            if (IsMountRoot(node)) return Errno.EBUSY;
            e = node.List(out var entries);
            if (e != Errno.SUCCESS) return e;
            if (entries.Count > 0) return Errno.ENOTEMPTY;
            if (!Allowed(ctx, write: true, r.Directory)) return Errno.EACCES;
            return r.Directory.Rmdir(r.Name);
        }
    }

    /// <summary>unlink(2): EISDIR for a directory (what Linux returns), ENOTDIR for "file/".</summary>
    public Errno Unlink(in PathContext ctx, string path)
    {
        lock (Lock)
        {
            var e = Resolve(ctx, path, FinalComponent.Entry, out var r);
            if (e != Errno.SUCCESS) return e;
            if (r.IsSpecial) return Errno.EISDIR;
            if (r.Directory.Superblock.ReadOnly) return Errno.EROFS;
            if (r.Node is not { } node) return Errno.ENOENT;
            if (node.Type == FileType.Directory) return Errno.EISDIR;
            if (r.TrailingSlash) return Errno.ENOTDIR;
            if (!Allowed(ctx, write: true, r.Directory)) return Errno.EACCES;
            return r.Directory.Unlink(r.Name);
        }
    }

    /// <summary>
    /// rename(2), atomic under the VFS lock: replaces a file, or an empty directory with a directory; ENOTEMPTY,
    /// ENOTDIR (dir over file), EISDIR (file over dir), EINVAL (into its own subtree), EBUSY ("." or mount points),
    /// EXDEV across file systems. Renaming an entry onto a link to the same inode does nothing.
    /// </summary>
    public Errno Rename(in PathContext ctx, string oldPath, string newPath)
    {
        lock (Lock)
        {
            var e = Resolve(ctx, oldPath, FinalComponent.Entry, out var from);
            if (e != Errno.SUCCESS) return e;
            e = Resolve(ctx, newPath, FinalComponent.Entry, out var to);
            if (e != Errno.SUCCESS) return e;
            if (from.IsSpecial || to.IsSpecial) return Errno.EBUSY;
            if (from.Directory.Superblock != to.Directory.Superblock) return Errno.EXDEV;
            if (from.Directory.Superblock.ReadOnly) return Errno.EROFS;
            if (from.Node is not { } node) return Errno.ENOENT;
            var isDir = node.Type == FileType.Directory;
            if (!isDir && (from.TrailingSlash || to.TrailingSlash)) return Errno.ENOTDIR;
            if (IsMountRoot(node)) return Errno.EBUSY;
            if (isDir && to.Steps.Exists(s => s.Node == node)) return Errno.EINVAL;
            if (to.Node is { } existing)
            {
                if (existing == node) return Errno.SUCCESS;
                if (IsMountRoot(existing)) return Errno.EBUSY;
                if (isDir)
                {
                    if (existing.Type != FileType.Directory) return Errno.ENOTDIR;
                    e = existing.List(out var entries);
                    if (e != Errno.SUCCESS) return e;
                    if (entries.Count > 0) return Errno.ENOTEMPTY;
                }
                else if (existing.Type == FileType.Directory)
                {
                    return Errno.EISDIR;
                }
            }
            if (!Allowed(ctx, write: true, from.Directory)) return Errno.EACCES;
            return from.Directory.Rename(from.Name, to.Directory, to.Name);
        }
    }

    /// <summary>link(2) (the existing path's final symlink is not followed): EPERM for directories, EEXIST,
    /// EXDEV across file systems.</summary>
    public Errno Link(in PathContext ctx, string existingPath, string newPath)
    {
        lock (Lock)
        {
            var e = Resolve(ctx, existingPath, FinalComponent.NoFollow, out var from);
            if (e != Errno.SUCCESS) return e;
            e = Resolve(ctx, newPath, FinalComponent.Entry, out var to);
            if (e != Errno.SUCCESS) return e;
            if (from.Node is not { } node) return Errno.ENOENT;
            if (to.Node is not null) return Errno.EEXIST;
            if (to.TrailingSlash) return Errno.ENOENT;
            if (node.Superblock != to.Directory.Superblock) return Errno.EXDEV;
            if (node.Type == FileType.Directory) return Errno.EPERM;
            if (to.Directory.Superblock.ReadOnly) return Errno.EROFS;
            if (!Allowed(ctx, write: true, to.Directory)) return Errno.EACCES;
            return to.Directory.Link(to.Name, node);
        }
    }

    /// <summary>symlink(2): the target is stored as given (ENOENT when empty); EEXIST for any existing entry.</summary>
    public Errno Symlink(in PathContext ctx, string target, string linkPath)
    {
        if (target.Length == 0) return Errno.ENOENT;
        if (target.Contains('\0')) return Errno.EINVAL;
        if (System.Text.Encoding.UTF8.GetByteCount(target) >= PathResolver.PathMax) return Errno.ENAMETOOLONG;
        lock (Lock)
        {
            var e = Resolve(ctx, linkPath, FinalComponent.Entry, out var r);
            if (e != Errno.SUCCESS) return e;
            if (r.Node is not null) return Errno.EEXIST;
            if (r.TrailingSlash) return Errno.ENOENT;
            if (r.Directory.Superblock.ReadOnly) return Errno.EROFS;
            if (!Allowed(ctx, write: true, r.Directory)) return Errno.EACCES;
            return r.Directory.Symlink(r.Name, target);
        }
    }

    /// <summary>readlink(2): EINVAL when the path is not a symlink.</summary>
    public Errno Readlink(in PathContext ctx, string path, out string target)
    {
        target = "";
        lock (Lock)
        {
            var e = ResolveExisting(ctx, path, FinalComponent.NoFollow, out var node);
            if (e != Errno.SUCCESS) return e;
            if (node.Type != FileType.Symlink) return Errno.EINVAL;
            if (!Allowed(ctx, write: false, node)) return Errno.EACCES;
            return node.Readlink(ctx.Process, out target);
        }
    }

    /// <summary>The root of a mounted file system (other than "/" itself, which is also busy).</summary>
    private static bool IsMountRoot(VfsNode node) => node.Superblock.Root == node;
}
