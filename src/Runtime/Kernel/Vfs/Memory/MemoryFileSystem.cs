using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Vfs.Memory;

/// <summary>
/// The in-memory inode file system (like tmpfs) that holds "/". Its metadata and file data are guarded by
/// <see cref="Lock"/> (the VFS lock). <see cref="Capacity"/> bounds the regular-file bytes it stores
/// (<see cref="KernelLimits.MaxFileSystemBytes"/>): beyond it writes fail with ENOSPC.
/// </summary>
internal sealed class MemoryFileSystem : Superblock
{
    private ulong _nextIno = 1; // guarded by Lock
    private long _used;         // guarded by Lock
    private long _inodes;       // guarded by Lock: live inodes

    public MemoryFileSystem(object @lock, long capacity, ulong dev) : base(dev, "tmpfs", "tmpfs", readOnly: false)
    {
        Lock = @lock;
        Capacity = capacity;
        MaxInodes = Math.Max(4096, capacity / 1024);
        RootDirectory = new MemoryDirectory(this, 0x1ED); // 0755
    }

    /// <summary>The VFS lock: guards every inode of this file system.</summary>
    public object Lock { get; }

    /// <summary>Maximum bytes of regular-file data.</summary>
    public long Capacity { get; }

    /// <summary>Live inodes allowed (tmpfs's nr_inodes): one per KiB of <see cref="Capacity"/>, at least 4096.
    /// Creating more fails with ENOSPC, so empty files and directories cannot exhaust host memory either.</summary>
    public long MaxInodes { get; }

    public MemoryDirectory RootDirectory { get; }

    public override VfsNode Root => RootDirectory;

    /// <summary>Bytes of regular-file data currently stored (unlinked files still open included).</summary>
    public long Used
    {
        get
        {
            lock (Lock) return _used;
        }
    }

    /// <summary>Bytes still free. Caller holds <see cref="Lock"/>.</summary>
    internal long Available => Math.Max(0, Capacity - _used);

    /// <summary>A new inode number; counts a live inode. Caller holds <see cref="Lock"/>.</summary>
    internal ulong AllocateIno()
    {
        _inodes++;
        return _nextIno++;
    }

    /// <summary>True when one more inode may be created. Caller holds <see cref="Lock"/>.</summary>
    internal bool CanCreateInode => _inodes < MaxInodes;

    /// <summary>An inode was freed (no links, not open). Caller holds <see cref="Lock"/>.</summary>
    internal void FreeInode() => _inodes--;

    /// <summary>Live inodes. Caller holds <see cref="Lock"/>.</summary>
    internal long Inodes => _inodes;

    /// <summary>Accounts a size change of a regular file (negative frees). Caller holds <see cref="Lock"/>.</summary>
    internal void Account(long delta) => _used += delta;

    /// <summary>st_blocks as Linux reports it for a 4 KiB-block file system: whole 4 KiB blocks in 512-byte units.</summary>
    internal static long BlocksFor(long size) => (size + 4095) / 4096 * 8;

    internal static Timespec Now() => Timespec.Now();
}
