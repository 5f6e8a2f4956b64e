using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Vfs.Memory;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>
/// The VM's file namespace: an in-memory inode file system at "/", host directories mounted into it, and the
/// synthetic /dev and /proc. Every operation returns the errno Linux returns; guest failures never throw.
/// </summary>
/// <remarks>
/// One lock (<see cref="Lock"/>) guards all metadata and in-memory file data; it is never held while a caller
/// blocks. Permission checks (<see cref="KernelPermissions.FileSystemRead"/>/<see cref="KernelPermissions.FileSystemWrite"/>)
/// apply to guest callers (<see cref="PathContext.Process"/> not null) on file-system storage; device nodes and
/// /proc are exempt. The guest is root: mode bits never deny reading or writing, only execution.
/// </remarks>
internal sealed partial class VirtualFileSystem
{
    private readonly VirtualKernel _kernel;

    public VirtualFileSystem(VirtualKernel kernel)
    {
        _kernel = kernel;
        Memory = new MemoryFileSystem(Lock, kernel.Limits.MaxFileSystemBytes, AllocateDev());
        CreateDefaultLayout();
    }

    /// <summary>Guards every inode of the in-memory file system and the mount table.</summary>
    internal object Lock { get; } = new();

    /// <summary>The in-memory file system that holds "/".</summary>
    internal MemoryFileSystem Memory { get; }

    internal VfsNode Root => Memory.RootDirectory;

    internal VirtualKernel Kernel => _kernel;

    /// <summary>open(2). O_CLOEXEC is the fd table's business; O_PATH is not supported (opened as O_RDONLY).</summary>
    public Errno Open(in PathContext ctx, string path, OpenFlags flags, uint mode, out FileDescription file)
    {
        file = null!;
        var create = (flags & OpenFlags.O_CREAT) != 0;
        var exclusive = create && (flags & OpenFlags.O_EXCL) != 0;
        if (create && (flags & OpenFlags.O_DIRECTORY) != 0) return Errno.EINVAL;
        var final = exclusive || (flags & OpenFlags.O_NOFOLLOW) != 0 ? FinalComponent.NoFollow : FinalComponent.Follow;
        lock (Lock)
        {
            var e = Resolve(ctx, path, final, out var r);
            if (e != Errno.SUCCESS) return e;
            var writes = flags.CanWrite() || (flags & OpenFlags.O_TRUNC) != 0;
            if (r.Node is not { } node)
            {
                if (!create) return Errno.ENOENT;
                if (r.TrailingSlash) return Errno.EISDIR;
                if (r.Directory.Superblock.ReadOnly) return Errno.EROFS;
                if (!Allowed(ctx, write: true, r.Directory)) return Errno.EACCES;
                var request = new VfsOpen(flags, r.CanonicalPath, ctx.Process);
                return r.Directory.Create(r.Name, mode & ~ctx.Umask & 0xFFF, request, out file);
            }
            if (exclusive) return Errno.EEXIST;
            switch (node.Type)
            {
                case FileType.Symlink:
                    return Errno.ELOOP;
                case FileType.Directory when writes || create:
                    return Errno.EISDIR;
                case FileType.Directory:
                    break;
                case not FileType.Directory when (flags & OpenFlags.O_DIRECTORY) != 0:
                    return Errno.ENOTDIR;
            }
            if (writes && node.Superblock.ReadOnly && IsStorage(node)) return Errno.EROFS;
            if (!Allowed(ctx, writes, node)) return Errno.EACCES;
            return node.Open(new VfsOpen(flags, r.CanonicalPath, ctx.Process), out file);
        }
    }

    /// <summary>stat(2) (<paramref name="followSymlinks"/>) or lstat(2).</summary>
    public Errno Stat(in PathContext ctx, string path, bool followSymlinks, out StatInfo stat)
    {
        stat = default;
        lock (Lock)
        {
            var e = ResolveExisting(ctx, path, followSymlinks ? FinalComponent.Follow : FinalComponent.NoFollow, out var node);
            if (e != Errno.SUCCESS) return e;
            if (!Allowed(ctx, write: false, node)) return Errno.EACCES;
            return node.Stat(out stat);
        }
    }

    /// <summary>access(2) for root: R and W always succeed (W: EROFS on a read-only mount); X needs a directory
    /// or any execute bit.</summary>
    public Errno Access(in PathContext ctx, string path, AccessMode mode)
    {
        if ((mode & ~(AccessMode.R_OK | AccessMode.W_OK | AccessMode.X_OK)) != 0) return Errno.EINVAL;
        lock (Lock)
        {
            var e = ResolveExisting(ctx, path, FinalComponent.Follow, out var node);
            if (e != Errno.SUCCESS) return e;
            if (!Allowed(ctx, write: false, node)) return Errno.EACCES;
            if ((mode & AccessMode.W_OK) != 0)
            {
                if (node.Superblock.ReadOnly && IsStorage(node)) return Errno.EROFS;
                if (!Allowed(ctx, write: true, node)) return Errno.EACCES;
            }
            if ((mode & AccessMode.X_OK) != 0 && node.Type != FileType.Directory)
            {
                e = node.Stat(out var st);
                if (e != Errno.SUCCESS) return e;
                if ((st.Mode & 0x49) == 0) return Errno.EACCES; // no x bit for user, group or other
            }
            return Errno.SUCCESS;
        }
    }

    /// <summary>Resolves <paramref name="path"/>. Caller holds <see cref="Lock"/>.</summary>
    internal Errno Resolve(in PathContext ctx, string path, FinalComponent final, out ResolvedPath result) =>
        PathResolver.Resolve(Root, ctx, path, final, out result);

    /// <summary>Resolves a path that must exist. Caller holds <see cref="Lock"/>.</summary>
    internal Errno ResolveExisting(in PathContext ctx, string path, FinalComponent final, out VfsNode node)
    {
        node = null!;
        var e = Resolve(ctx, path, final, out var r);
        if (e != Errno.SUCCESS) return e;
        if (r.Node is null) return Errno.ENOENT;
        node = r.Node;
        return Errno.SUCCESS;
    }

    /// <summary>Regular files, directories and symlinks of a real (memory or host) file system, as opposed to
    /// device nodes and /proc.</summary>
    private static bool IsStorage(VfsNode node) =>
        !node.Superblock.IsSynthetic && node.Type is FileType.Regular or FileType.Directory or FileType.Symlink;

    /// <summary>The FileSystemRead/FileSystemWrite permission check for a guest caller; records the denial.</summary>
    private bool Allowed(in PathContext ctx, bool write, VfsNode node)
    {
        if (ctx.Process is not { } process || !IsStorage(node)) return true;
        var permissions = _kernel.Permissions;
        if (write ? permissions.FileSystemWrite : permissions.FileSystemRead) return true;
        process.LastDenial = write
            ? "file system writes are not permitted in this VM (permission FileSystemWrite)"
            : "file system reads are not permitted in this VM (permission FileSystemRead)";
        return false;
    }
}
