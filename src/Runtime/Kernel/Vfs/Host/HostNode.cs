using Microsoft.Win32.SafeHandles;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;
using static SecureExec.Testing.Kernel.Vfs.Host.HostInterop;

namespace SecureExec.Testing.Kernel.Vfs.Host;

/// <summary>
/// An inode of a <see cref="HostMount"/>, named by its path relative to the mount root. Nothing is cached but the
/// type found at lookup: every operation re-opens beneath the mount root, so a host change between two guest
/// calls (even a directory replaced by a symlink) is seen, and never followed.
/// </summary>
internal sealed class HostNode(HostMount mount, string relative, FileType type) : VfsNode(mount)
{
    public HostMount Mount { get; } = mount;

    /// <summary>Path below the mount root ("" for the root itself).</summary>
    public string Relative { get; } = relative;

    public override FileType Type { get; } = type;

    private string Child(string name) => Relative.Length == 0 ? name : Relative + "/" + name;

    public override Errno Stat(out StatInfo stat)
    {
        stat = default;
        var e = Mount.Stat(Relative, out var st);
        if (e != Errno.SUCCESS) return e;
        stat = Mount.ToStatInfo(st);
        return Errno.SUCCESS;
    }

    public override Errno Lookup(string name, out VfsNode child)
    {
        child = null!;
        var path = Child(name);
        var e = Mount.Stat(path, out var st);
        if (e != Errno.SUCCESS) return e;
        child = new HostNode(Mount, path, ModeBits.TypeOf(st.Mode));
        return Errno.SUCCESS;
    }

    public override Errno List(out IReadOnlyList<DirEntry> entries)
    {
        entries = [];
        var e = Mount.Open(Relative, O_RDONLY | O_DIRECTORY, 0, out var fd);
        if (e != Errno.SUCCESS) return e;
        using (fd) return HostDirectoryDescription.List(fd, out entries);
    }

    public override Errno Open(VfsOpen request, out FileDescription file) => OpenPath(Relative, request, create: false, 0, out file);

    public override Errno Create(string name, uint mode, VfsOpen request, out FileDescription file) =>
        OpenPath(Child(name), request, create: true, mode, out file);

    /// <summary>Opens a host file or directory for the guest. Only regular files and directories are opened:
    /// a host FIFO, socket or device gives ENXIO (opening one could block or reach outside the VM).</summary>
    private Errno OpenPath(string path, VfsOpen request, bool create, uint mode, out FileDescription file)
    {
        file = null!;
        var flags = request.Flags;
        var writes = flags.CanWrite() || (flags & OpenFlags.O_TRUNC) != 0 || create;
        if (writes && Mount.ReadOnly) return Errno.EROFS;
        var hostFlags = (int)(flags & (OpenFlags.O_ACCMODE | OpenFlags.O_TRUNC | OpenFlags.O_APPEND | OpenFlags.O_DIRECTORY))
            | O_NONBLOCK | O_NOCTTY | (create ? O_CREAT | O_EXCL : 0);
        var e = Mount.Open(path, hostFlags, mode, out var fd);
        if (e != Errno.SUCCESS) return e;
        e = Fstat(fd, out var st);
        if (e != Errno.SUCCESS)
        {
            fd.Dispose();
            return e;
        }
        var node = create ? new HostNode(Mount, path, FileType.Regular) : this;
        switch (ModeBits.TypeOf(st.Mode))
        {
            case FileType.Regular:
                file = new HostFileDescription(node, fd, flags) { Path = request.Path };
                return Errno.SUCCESS;
            case FileType.Directory:
                file = new HostDirectoryDescription(node, fd, flags) { Path = request.Path };
                return Errno.SUCCESS;
            default:
                fd.Dispose();
                return Errno.ENXIO;
        }
    }

    /// <summary>Runs <paramref name="action"/> with an O_PATH fd of this directory.</summary>
    private Errno WithDirectory(Func<SafeFileHandle, Errno> action)
    {
        var e = Mount.Open(Relative, O_PATH | O_DIRECTORY, 0, out var dir);
        if (e != Errno.SUCCESS) return e;
        using (dir) return action(dir);
    }

    public override Errno Mkdir(string name, uint mode) => WithDirectory(d => MkdirAt(d, name, mode));

    public override Errno Symlink(string name, string target) => WithDirectory(d => SymlinkAt(target, d, name));

    public override Errno Unlink(string name) => WithDirectory(d => UnlinkAt(d, name, directory: false));

    public override Errno Rmdir(string name) => WithDirectory(d => UnlinkAt(d, name, directory: true));

    public override Errno Link(string name, VfsNode existing)
    {
        if (existing is not HostNode source || source.Mount != Mount || source.Relative.Length == 0) return Errno.EXDEV;
        var e = Mount.OpenParent(source.Relative, out var sourceDir, out var sourceName);
        if (e != Errno.SUCCESS) return e;
        using (sourceDir) return WithDirectory(d => LinkAt(sourceDir, sourceName, d, name));
    }

    public override Errno Rename(string oldName, VfsNode newParent, string newName)
    {
        if (newParent is not HostNode target || target.Mount != Mount) return Errno.EXDEV;
        return WithDirectory(from => target.WithDirectory(to => RenameAt(from, oldName, to, newName)));
    }

    public override Errno Readlink(KernelProcess? caller, out string target)
    {
        target = "";
        if (Relative.Length == 0) return Errno.EINVAL;
        var e = Mount.OpenParent(Relative, out var dir, out var name);
        if (e != Errno.SUCCESS) return e;
        using (dir) return ReadlinkAt(dir, name, out target);
    }

    /// <summary>Runs <paramref name="action"/> with an O_PATH fd of this inode. ELOOP if it became a symlink (an
    /// O_PATH|O_NOFOLLOW open returns the link itself; the action, which goes through /proc/self/fd, must not see one).</summary>
    private Errno WithInode(Func<SafeFileHandle, Errno> action)
    {
        var e = Mount.Open(Relative, O_PATH, 0, out var fd);
        if (e != Errno.SUCCESS) return e;
        using (fd)
        {
            e = Fstat(fd, out var st);
            if (e != Errno.SUCCESS) return e;
            if (ModeBits.TypeOf(st.Mode) == FileType.Symlink) return Errno.ELOOP;
            return action(fd);
        }
    }

    public override Errno Chmod(uint mode) => WithInode(fd => Fchmod(fd, mode));

    // The guest sees every host file as owned by root; ownership changes are accepted and not applied.
    public override Errno Chown(uint uid, uint gid) => WithInode(_ => Errno.SUCCESS);

    public override Errno Utimens(Timespec? atime, Timespec? mtime) => WithInode(fd => Futimens(fd, atime, mtime));

    public override Errno Truncate(long length)
    {
        if (length < 0) return Errno.EINVAL;
        var e = Mount.Open(Relative, O_WRONLY | O_NONBLOCK, 0, out var fd);
        if (e != Errno.SUCCESS) return e;
        using (fd) return Ftruncate(fd, length);
    }
}
