using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Vfs.Proc;

/// <summary>
/// Base of /proc inodes: a path (for the inode number), permission bits, owner root, times = VM boot (Linux shows
/// the time the inode was first instantiated). Contents are never stored; attributes cannot change (EPERM).
/// </summary>
internal abstract class ProcNode(ProcFileSystem fs, string path, uint permissions) : VfsNode(fs)
{
    public ProcFileSystem Proc { get; } = fs;
    public string ProcPath { get; } = path;
    public uint Permissions { get; } = permissions;

    protected virtual long Size => 0;
    protected virtual uint Nlink => 1;

    public override Errno Stat(out StatInfo stat)
    {
        var t = Timespec.FromUnixNanoseconds((Proc.BootTime - DateTime.UnixEpoch).Ticks * 100);
        stat = new StatInfo(Proc.Dev, Proc.InoOf(ProcPath), ModeBits.TypeBits(Type) | Permissions, Nlink, 0, 0, 0, Size,
            1024, 0, t, t, t);
        return Errno.SUCCESS;
    }
}
