using Microsoft.Win32.SafeHandles;
using SecureExec.Testing.Abi;
using DeviceNode = SecureExec.Testing.Kernel.Vfs.Dev.DeviceNode;

namespace SecureExec.Testing.Kernel.Vfs.Host;

/// <summary>
/// A host directory mounted into the VM. It holds an O_PATH fd of the directory taken at mount time, and every
/// host access opens beneath that fd without following symlinks (<see cref="HostInterop.OpenBeneath"/>), so no
/// path — with "..", an absolute or relative symlink, or a symlink swapped in between two calls — reaches outside
/// it. Host symlinks are shown to the guest as symlinks and resolved by the guest's path walk in the guest namespace.
/// Owners show as root (0:0); chown is accepted and ignored.
/// </summary>
internal sealed class HostMount : Superblock, IDisposable
{
    private HostMount(SafeFileHandle root, bool readOnly, ulong dev) : base(dev, "hostfs", "hostfs", readOnly)
    {
        RootFd = root;
        RootNode = new HostNode(this, "", FileType.Directory);
    }

    /// <summary>O_PATH fd of the mounted host directory.</summary>
    public SafeFileHandle RootFd { get; }

    public HostNode RootNode { get; }

    public override VfsNode Root => RootNode;

    /// <summary>Opens the host directory to mount (ENOENT, ENOTDIR, EACCES from the host).</summary>
    public static Errno Create(string hostPath, bool readOnly, ulong dev, out HostMount mount)
    {
        mount = null!;
        if (!OperatingSystem.IsLinux()) return Errno.ENOSYS;
        var e = HostInterop.OpenDirectoryPath(Path.GetFullPath(hostPath), out var fd);
        if (e != Errno.SUCCESS) return e;
        mount = new HostMount(fd, readOnly, dev);
        return Errno.SUCCESS;
    }

    /// <summary>Opens a path relative to the mount root, never leaving it.</summary>
    public Errno Open(string relative, int flags, uint mode, out SafeFileHandle fd) =>
        HostInterop.OpenBeneath(RootFd, relative, flags, mode, out fd);

    /// <summary>Opens the directory holding <paramref name="relative"/> (O_PATH) and returns the entry name.</summary>
    public Errno OpenParent(string relative, out SafeFileHandle dir, out string name)
    {
        var slash = relative.LastIndexOf('/');
        name = relative[(slash + 1)..];
        return Open(slash < 0 ? "" : relative[..slash], HostInterop.O_PATH | HostInterop.O_DIRECTORY, 0, out dir);
    }

    /// <summary>lstat of a path relative to the mount root.</summary>
    public Errno Stat(string relative, out HostInterop.Statx st)
    {
        st = default;
        if (relative.Length == 0) return HostInterop.Fstat(RootFd, out st);
        var e = OpenParent(relative, out var dir, out var name);
        if (e != Errno.SUCCESS) return e;
        using (dir) return HostInterop.StatAt(dir, name, out st);
    }

    /// <summary>A host stat as the guest sees it: this mount's device, owner root.</summary>
    public StatInfo ToStatInfo(in HostInterop.Statx st) => new(
        Dev, st.Ino, st.Mode, st.Nlink, 0, 0, DeviceNode.MakeDev(st.RdevMajor, st.RdevMinor), (long)st.Size,
        st.Blksize == 0 ? 4096 : st.Blksize, (long)st.Blocks, st.Atime.ToTimespec(), st.Mtime.ToTimespec(), st.Ctime.ToTimespec());

    public void Dispose() => RootFd.Dispose();
}
