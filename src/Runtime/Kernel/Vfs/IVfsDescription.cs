namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>An open description of a VFS inode (a regular file or directory), so /proc/PID/fd/N can reopen it.</summary>
internal interface IVfsDescription
{
    VfsNode Node { get; }
}
