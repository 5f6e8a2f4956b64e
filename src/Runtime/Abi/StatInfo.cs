namespace SecureExec.Testing.Abi;

/// <summary>A point in time as (seconds, nanoseconds) since the Unix epoch, like struct timespec.</summary>
public readonly record struct Timespec(long Seconds, long Nanoseconds)
{
    public static Timespec FromUnixNanoseconds(long ns) => new(Math.DivRem(ns, 1_000_000_000L, out var rem) - (rem < 0 ? 1 : 0), rem < 0 ? rem + 1_000_000_000L : rem);
    public long TotalNanoseconds => Seconds * 1_000_000_000L + Nanoseconds;
    public static Timespec Now() => FromUnixNanoseconds((DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100);
}

/// <summary>struct stat as the kernel reports it.</summary>
public readonly record struct StatInfo(
    ulong Dev, ulong Ino, uint Mode, uint Nlink, uint Uid, uint Gid, ulong Rdev, long Size,
    long Blksize, long Blocks, Timespec Atime, Timespec Mtime, Timespec Ctime)
{
    public FileType Type => ModeBits.TypeOf(Mode);
    public uint Permissions => Mode & ModeBits.PermissionMask;
}

/// <summary>One directory entry as readdir returns it.</summary>
public readonly record struct DirEntry(string Name, ulong Ino, FileType Type);
