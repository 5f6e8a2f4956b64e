using Microsoft.Win32.SafeHandles;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs.Host;

/// <summary>
/// An open directory of a host mount. It lists the directory it opened (getdents64 on its own fd), as Linux does
/// even after the directory is renamed; never through a path, so nothing swapped in later is listed instead.
/// </summary>
internal sealed class HostDirectoryDescription(HostNode node, SafeFileHandle fd, OpenFlags flags) : FileDescription(flags), IVfsDescription
{
    private readonly object _lock = new(); // serializes getdents64 on the shared fd offset

    public HostNode Node { get; } = node;

    VfsNode IVfsDescription.Node => Node;

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

    public override Errno Seek(long offset, Whence whence, out long position)
    {
        position = 0;
        if (whence == Whence.SEEK_END || offset < 0) return Errno.EINVAL;
        position = offset;
        return Errno.SUCCESS;
    }

    public override Errno Stat(out StatInfo stat)
    {
        stat = default;
        var e = HostInterop.Fstat(fd, out var st);
        if (e == Errno.SUCCESS) stat = Node.Mount.ToStatInfo(st);
        return e;
    }

    public override Errno ReadDirectory(out IReadOnlyList<DirEntry> entries)
    {
        lock (_lock) return List(fd, out entries);
    }

    public override Errno Chmod(uint mode) => Node.Mount.ReadOnly ? Errno.EROFS : HostInterop.Fchmod(fd, mode & ModeBits.PermissionMask);

    public override Errno Utimens(Timespec? atime, Timespec? mtime) =>
        Node.Mount.ReadOnly ? Errno.EROFS : HostInterop.Futimens(fd, atime, mtime);

    protected override void OnLastClose() => fd.Dispose();

    /// <summary>Entries of an open host directory sorted by name (ordinal); d_type unknown is filled in by lstat.</summary>
    internal static Errno List(SafeFileHandle fd, out IReadOnlyList<DirEntry> entries)
    {
        entries = [];
        var e = HostInterop.ReadDirectory(fd, out var raw);
        if (e != Errno.SUCCESS) return e;
        var list = new List<DirEntry>(raw.Count);
        foreach (var (name, ino, type) in raw)
        {
            var t = HostInterop.DirentType(type);
            if (t == FileType.Unknown && HostInterop.StatAt(fd, name, out var st) == Errno.SUCCESS) t = ModeBits.TypeOf(st.Mode);
            list.Add(new DirEntry(name, ino, t));
        }
        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        entries = list;
        return Errno.SUCCESS;
    }
}
