using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Vfs.Memory;

/// <summary>
/// An inode of the <see cref="MemoryFileSystem"/>: number, permission bits, link count, owner and times.
/// Every field is guarded by the file system's lock (<see cref="MemoryFileSystem.Lock"/>).
/// </summary>
internal abstract class MemoryNode : VfsNode
{
    protected MemoryNode(MemoryFileSystem fs, uint permissions) : base(fs)
    {
        Fs = fs;
        Ino = fs.AllocateIno();
        Permissions = permissions & ModeBits.PermissionMask;
        Atime = Mtime = Ctime = MemoryFileSystem.Now();
    }

    public MemoryFileSystem Fs { get; }
    public ulong Ino { get; }
    public uint Permissions { get; set; }
    public uint Nlink { get; set; }
    public uint Uid { get; set; }
    public uint Gid { get; set; }
    public Timespec Atime { get; set; }
    public Timespec Mtime { get; set; }
    public Timespec Ctime { get; set; }

    protected virtual long Size => 0;
    protected virtual long Blocks => MemoryFileSystem.BlocksFor(Size);
    protected virtual ulong Rdev => 0;

    public override Errno Stat(out StatInfo stat)
    {
        lock (Fs.Lock)
        {
            stat = new StatInfo(Fs.Dev, Ino, ModeBits.TypeBits(Type) | Permissions, Nlink, Uid, Gid, Rdev, Size,
                4096, Blocks, Atime, Mtime, Ctime);
        }
        return Errno.SUCCESS;
    }

    public override Errno Chmod(uint mode)
    {
        lock (Fs.Lock)
        {
            Permissions = mode & ModeBits.PermissionMask;
            Ctime = MemoryFileSystem.Now();
        }
        return Errno.SUCCESS;
    }

    public override Errno Chown(uint uid, uint gid)
    {
        lock (Fs.Lock)
        {
            if (uid != uint.MaxValue) Uid = uid;
            if (gid != uint.MaxValue) Gid = gid;
            Ctime = MemoryFileSystem.Now();
        }
        return Errno.SUCCESS;
    }

    public override Errno Utimens(Timespec? atime, Timespec? mtime)
    {
        lock (Fs.Lock)
        {
            if (atime is { } a) Atime = a;
            if (mtime is { } m) Mtime = m;
            Ctime = MemoryFileSystem.Now();
        }
        return Errno.SUCCESS;
    }

    /// <summary>A write or a directory change: mtime and ctime become now. Caller holds the lock.</summary>
    internal void TouchModified() => Mtime = Ctime = MemoryFileSystem.Now();

    /// <summary>relatime: a read updates atime only when it is not newer than mtime or ctime. Caller holds the lock.</summary>
    internal void TouchAccessed()
    {
        if (Atime.TotalNanoseconds <= Mtime.TotalNanoseconds || Atime.TotalNanoseconds <= Ctime.TotalNanoseconds)
            Atime = MemoryFileSystem.Now();
    }

    /// <summary>The last link went away (unlink, rmdir, or replaced by rename): the inode is freed unless it is
    /// still open (regular files). Caller holds the lock.</summary>
    internal virtual void OnUnlinked() => Fs.FreeInode();
}
