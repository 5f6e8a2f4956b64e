using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Vfs.Memory;

namespace SecureExec.Testing.Kernel.Vfs.Dev;

/// <summary>A character device inode in the in-memory file system (/dev/null…): opening it creates the
/// device's description. Size 0; st_rdev as Linux numbers the device.</summary>
internal sealed class DeviceNode : MemoryNode
{
    private readonly Func<DeviceNode, OpenFlags, Errno> _check;
    private readonly Func<DeviceNode, VfsOpen, FileDescription> _open;

    public DeviceNode(MemoryFileSystem fs, uint major, uint minor, uint permissions,
        Func<DeviceNode, VfsOpen, FileDescription> open, Func<DeviceNode, OpenFlags, Errno>? check = null)
        : base(fs, permissions)
    {
        Nlink = 1;
        Major = major;
        Minor = minor;
        _open = open;
        _check = check ?? ((_, _) => Errno.SUCCESS);
    }

    public uint Major { get; }
    public uint Minor { get; }

    public override FileType Type => FileType.CharDevice;
    protected override ulong Rdev => MakeDev(Major, Minor);
    protected override long Blocks => 0;

    /// <summary>makedev(3) (glibc's encoding of dev_t).</summary>
    public static ulong MakeDev(uint major, uint minor) =>
        (minor & 0xFFul) | ((major & 0xFFFul) << 8) | ((ulong)(minor & ~0xFFu) << 12) | ((ulong)(major & ~0xFFFu) << 32);

    public override Errno Open(VfsOpen request, out FileDescription file)
    {
        file = null!;
        var e = _check(this, request.Flags);
        if (e != Errno.SUCCESS) return e;
        file = _open(this, request);
        return Errno.SUCCESS;
    }

    // truncate(2) of a character device: Linux gives EINVAL; O_TRUNC on open is ignored.
    public override Errno Truncate(long length) => Errno.EINVAL;
}
