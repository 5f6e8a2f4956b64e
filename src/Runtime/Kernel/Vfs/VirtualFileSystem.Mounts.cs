using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Vfs.Memory;
using SecureExec.Testing.Kernel.Vfs.Proc;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>The mount table: file systems mounted over directories of the in-memory file system.</summary>
internal sealed partial class VirtualFileSystem
{
    private readonly List<(string Path, Superblock Fs)> _mounts = []; // guarded by Lock; "/" is implicit
    private ulong _lastDev = 0x1F; // guarded by Lock

    /// <summary>The next st_dev, per VM so guests see the same numbers every run (like Linux's anonymous 0:N).</summary>
    private ulong AllocateDev()
    {
        lock (Lock) return ++_lastDev;
    }

    /// <summary>/proc/mounts.</summary>
    internal string MountsText()
    {
        var sb = new StringBuilder();
        sb.Append("tmpfs / tmpfs rw,relatime 0 0\n");
        lock (Lock)
        {
            foreach (var (path, fs) in _mounts)
                sb.Append(fs.Source).Append(' ').Append(path).Append(' ').Append(fs.Type).Append(' ')
                  .Append(fs.ReadOnly ? "ro" : "rw").Append(",relatime 0 0\n");
        }
        return sb.ToString();
    }

    /// <summary>Mounts <paramref name="fs"/> over the directory at <paramref name="guestPath"/> (created with its
    /// parents when missing). EBUSY when something is mounted there already; ENOTDIR for a non-directory; the
    /// mount point must be a directory of the in-memory file system (EINVAL otherwise).</summary>
    internal Errno MountFileSystem(string guestPath, Superblock fs, out string canonical)
    {
        canonical = "";
        lock (Lock)
        {
            // Only directories of the in-memory file system can be mount points: check the existing part of the
            // path first, so nothing is created inside another mount (on the host) before failing.
            var prefix = "";
            foreach (var part in guestPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                prefix += "/" + part;
                var pe = Resolve(PathContext.Host, prefix, FinalComponent.Follow, out var pr);
                if (pe != Errno.SUCCESS) return pe;
                if (pr.Node is null) break;
                if (pr.Node.Type != FileType.Directory) return Errno.ENOTDIR;
                if (pr.Node is MemoryDirectory) continue;
                var isLast = prefix.Length == guestPath.TrimEnd('/').Length;
                return isLast && IsMountRoot(pr.Node) ? Errno.EBUSY : Errno.EINVAL; // a mount point, or inside a mount
            }
            var e = MkdirAll(guestPath);
            if (e != Errno.SUCCESS) return e;
            e = Resolve(PathContext.Host, guestPath, FinalComponent.Follow, out var r);
            if (e != Errno.SUCCESS) return e;
            if (r.Node is null) return Errno.ENOENT;
            if (r.Node.Type != FileType.Directory) return Errno.ENOTDIR;
            if (r.Node == Root || IsMountRoot(r.Node)) return Errno.EBUSY;
            if (r.Node is not MemoryDirectory dir) return Errno.EINVAL;
            dir.Mounted = fs;
            canonical = r.CanonicalPath;
            _mounts.Add((canonical, fs));
            return Errno.SUCCESS;
        }
    }

    private void MountProc()
    {
        var e = MountFileSystem("/proc", new ProcFileSystem(this, AllocateDev()), out _);
        Check(e, "/proc");
    }
}

internal sealed partial class VirtualFileSystem
{
    /// <summary>
    /// Mounts the host directory <paramref name="hostPath"/> at <paramref name="guestPath"/> (missing guest
    /// directories are created). <paramref name="readOnly"/>: guest writes fail with EROFS. The guest can never
    /// reach outside the host directory (see <see cref="Host.HostMount"/>). Host call; Linux hosts only (ENOSYS
    /// elsewhere).
    /// </summary>
    public Errno Mount(string guestPath, string hostPath, bool readOnly)
    {
        if (guestPath.Length == 0 || guestPath[0] != '/') return Errno.EINVAL;
        var e = Host.HostMount.Create(hostPath, readOnly, AllocateDev(), out var mount);
        if (e != Errno.SUCCESS) return e;
        e = MountFileSystem(guestPath, mount, out _);
        if (e != Errno.SUCCESS) mount.Dispose();
        return e;
    }
}
