using System.Collections.Concurrent;

namespace SecureExec.Testing.Kernel.Vfs.Proc;

/// <summary>
/// The synthetic /proc: every inode is made on lookup from the live process table, and file contents are
/// generated when a file is opened. Inode numbers are stable per path for the VM's lifetime.
/// </summary>
internal sealed class ProcFileSystem : Superblock
{
    private readonly ConcurrentDictionary<string, ulong> _inos = new(StringComparer.Ordinal);
    private long _nextIno = 1;
    private readonly long _bootTimestamp;

    public ProcFileSystem(VirtualFileSystem vfs, ulong dev) : base(dev, "proc", "proc", readOnly: false)
    {
        Vfs = vfs;
        BootTime = DateTime.UtcNow;
        _bootTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        RootDirectory = ProcTree.CreateRoot(this);
    }

    public VirtualFileSystem Vfs { get; }

    /// <summary>When the VM started (for uptime and process start times).</summary>
    public DateTime BootTime { get; }

    /// <summary>Time since the VM started, from a monotonic clock (host clock changes do not affect it).</summary>
    public TimeSpan Uptime => System.Diagnostics.Stopwatch.GetElapsedTime(_bootTimestamp);

    public ProcDirectory RootDirectory { get; }

    public override VfsNode Root => RootDirectory;

    public override bool IsSynthetic => true;

    /// <summary>The inode number of a /proc path (stable while the VM lives).</summary>
    public ulong InoOf(string path) => _inos.GetOrAdd(path, _ => (ulong)Interlocked.Increment(ref _nextIno));
}
