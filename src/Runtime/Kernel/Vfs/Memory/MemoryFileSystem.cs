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

    public MemoryFileSystem(object @lock, long capacity) : base(AllocateDev(), "tmpfs", "tmpfs", readOnly: false)
    {
        Lock = @lock;
        Capacity = capacity;
        RootDirectory = new MemoryDirectory(this, 0x1ED); // 0755
    }

    /// <summary>The VFS lock: guards every inode of this file system.</summary>
    public object Lock { get; }

    /// <summary>Maximum bytes of regular-file data.</summary>
    public long Capacity { get; }

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

    internal ulong AllocateIno() => _nextIno++;

    /// <summary>Accounts a size change of a regular file (negative frees). Caller holds <see cref="Lock"/>.</summary>
    internal void Account(long delta) => _used += delta;

    /// <summary>st_blocks as Linux reports it for a 4 KiB-block file system: whole 4 KiB blocks in 512-byte units.</summary>
    internal static long BlocksFor(long size) => (size + 4095) / 4096 * 8;

    internal static Timespec Now() => Timespec.Now();
}
