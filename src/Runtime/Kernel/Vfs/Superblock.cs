namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>
/// One mounted file system (Linux's struct super_block): its device number, whether it is read-only, and
/// the type and source /proc/mounts shows.
/// </summary>
internal abstract class Superblock(ulong dev, string type, string source, bool readOnly)
{
    /// <summary>st_dev of every inode in this file system.</summary>
    public ulong Dev { get; } = dev;

    /// <summary>Writes fail with EROFS.</summary>
    public bool ReadOnly { get; } = readOnly;

    /// <summary>The file system type /proc/mounts shows ("tmpfs", "proc", "hostfs").</summary>
    public string Type { get; } = type;

    /// <summary>The source /proc/mounts shows (never a host path).</summary>
    public string Source { get; } = source;

    public abstract VfsNode Root { get; }

    /// <summary>Generated content (/proc): not file-system storage, so the FileSystemRead/Write permissions do not apply.</summary>
    public virtual bool IsSynthetic => false;
}
