namespace SecureExec.Testing.Abi;

/// <summary>st_mode bits from &lt;sys/stat.h&gt; (Linux values).</summary>
public static class ModeBits
{
    public const uint S_IFMT = 0xF000;
    public const uint S_IFSOCK = 0xC000;
    public const uint S_IFLNK = 0xA000;
    public const uint S_IFREG = 0x8000;
    public const uint S_IFBLK = 0x6000;
    public const uint S_IFDIR = 0x4000;
    public const uint S_IFCHR = 0x2000;
    public const uint S_IFIFO = 0x1000;

    public const uint S_ISUID = 0x800;
    public const uint S_ISGID = 0x400;
    public const uint S_ISVTX = 0x200;
    /// <summary>All permission bits including setuid/setgid/sticky (07777).</summary>
    public const uint PermissionMask = 0xFFF;

    public static FileType TypeOf(uint mode) => (mode & S_IFMT) switch
    {
        S_IFREG => FileType.Regular,
        S_IFDIR => FileType.Directory,
        S_IFLNK => FileType.Symlink,
        S_IFCHR => FileType.CharDevice,
        S_IFBLK => FileType.BlockDevice,
        S_IFIFO => FileType.Fifo,
        S_IFSOCK => FileType.Socket,
        _ => FileType.Unknown,
    };

    public static uint TypeBits(FileType type) => type switch
    {
        FileType.Regular => S_IFREG,
        FileType.Directory => S_IFDIR,
        FileType.Symlink => S_IFLNK,
        FileType.CharDevice => S_IFCHR,
        FileType.BlockDevice => S_IFBLK,
        FileType.Fifo => S_IFIFO,
        FileType.Socket => S_IFSOCK,
        _ => 0,
    };
}

/// <summary>The file types a directory entry or inode can have (d_type).</summary>
public enum FileType { Unknown, Regular, Directory, Symlink, CharDevice, BlockDevice, Fifo, Socket }
