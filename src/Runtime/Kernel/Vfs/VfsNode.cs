using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>
/// An inode as path resolution sees it (Linux's struct inode + inode_operations). Directory operations take a
/// name that is never "", "." or ".." and never contains '/'; the caller (<see cref="VirtualFileSystem"/>) has
/// already checked existence, types and read-only mounts, and holds <see cref="VirtualFileSystem.Lock"/>.
/// Open descriptions call <see cref="Stat"/>, <see cref="List"/> and the attribute setters without it, so
/// implementations that need the lock take it themselves (it is reentrant).
/// Defaults answer with the errno Linux gives for an inode that does not support the operation.
/// </summary>
internal abstract class VfsNode(Superblock superblock)
{
    public Superblock Superblock { get; } = superblock;

    /// <summary>The file type (for host inodes: as found when this node was looked up).</summary>
    public abstract FileType Type { get; }

    public abstract Errno Stat(out StatInfo stat);

    /// <summary>Opens this inode (existence, type, access and read-only checks are done).</summary>
    public abstract Errno Open(VfsOpen request, out FileDescription file);

    // ---- directories ----

    public virtual Errno Lookup(string name, out VfsNode child)
    {
        child = null!;
        return Errno.ENOTDIR;
    }

    /// <summary>Entries without "." and "..", sorted by name (ordinal).</summary>
    public virtual Errno List(out IReadOnlyList<DirEntry> entries)
    {
        entries = [];
        return Errno.ENOTDIR;
    }

    /// <summary>open(O_CREAT) of a missing name: creates a regular file and opens it.</summary>
    public virtual Errno Create(string name, uint mode, VfsOpen request, out FileDescription file)
    {
        file = null!;
        return Type == FileType.Directory ? Errno.EPERM : Errno.ENOTDIR;
    }

    public virtual Errno Mkdir(string name, uint mode) => Type == FileType.Directory ? Errno.EPERM : Errno.ENOTDIR;

    public virtual Errno Symlink(string name, string target) => Type == FileType.Directory ? Errno.EPERM : Errno.ENOTDIR;

    /// <summary>link(2): <paramref name="existing"/> is a non-directory of the same file system.</summary>
    public virtual Errno Link(string name, VfsNode existing) => Type == FileType.Directory ? Errno.EPERM : Errno.ENOTDIR;

    /// <summary>Removes a non-directory entry.</summary>
    public virtual Errno Unlink(string name) => Type == FileType.Directory ? Errno.EPERM : Errno.ENOTDIR;

    /// <summary>Removes an empty directory entry.</summary>
    public virtual Errno Rmdir(string name) => Type == FileType.Directory ? Errno.EPERM : Errno.ENOTDIR;

    /// <summary>Moves an entry to <paramref name="newParent"/> (same file system), replacing a compatible target.</summary>
    public virtual Errno Rename(string oldName, VfsNode newParent, string newName) =>
        Type == FileType.Directory ? Errno.EPERM : Errno.ENOTDIR;

    // ---- symlinks ----

    public virtual Errno Readlink(KernelProcess? caller, out string target)
    {
        target = "";
        return Errno.EINVAL;
    }

    /// <summary>For /proc magic links (/proc/PID/fd/N): the inode a final-component follow lands on, instead of
    /// resolving the link text. Null for ordinary symlinks.</summary>
    public virtual VfsNode? FollowMagic(KernelProcess? caller) => null;

    // ---- attributes ----

    public virtual Errno Chmod(uint mode) => Errno.EPERM;

    public virtual Errno Chown(uint uid, uint gid) => Errno.EPERM;

    /// <summary>utimensat: a null time leaves that time unchanged; ctime becomes now.</summary>
    public virtual Errno Utimens(Timespec? atime, Timespec? mtime) => Errno.EPERM;

    public virtual Errno Truncate(long length) => Type == FileType.Directory ? Errno.EISDIR : Errno.EINVAL;

    /// <summary>The registered command behind an executable file (see <see cref="VirtualFileSystem.CreateCommandFile"/>).</summary>
    public virtual Commands.CommandEntry? Command => null;
}

/// <summary>What an open asks for: flags, the canonical guest path, and the calling process.</summary>
internal readonly record struct VfsOpen(OpenFlags Flags, string Path, KernelProcess? Caller);
