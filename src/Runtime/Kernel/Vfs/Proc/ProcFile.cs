using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;

namespace SecureExec.Testing.Kernel.Vfs.Proc;

/// <summary>A /proc file: its content is generated at open time (null from the generator: the process is gone,
/// ESRCH). Size shows 0, as on Linux. Opening for writing gives EACCES.</summary>
internal sealed class ProcFile(ProcFileSystem fs, string path, uint permissions, Func<VfsOpen, byte[]?> content)
    : ProcNode(fs, path, permissions)
{
    public override FileType Type => FileType.Regular;

    public override Errno Open(VfsOpen request, out FileDescription file)
    {
        file = null!;
        if (request.Flags.CanWrite() || (request.Flags & OpenFlags.O_TRUNC) != 0) return Errno.EACCES;
        var bytes = content(request);
        if (bytes is null) return Errno.ESRCH;
        file = new SyntheticFileDescription(this, bytes, request.Flags) { Path = request.Path };
        return Errno.SUCCESS;
    }
}

/// <summary>A /proc symlink with a computed target (null: the process is gone, ENOENT).</summary>
internal sealed class ProcSymlink(ProcFileSystem fs, string path, Func<Processes.KernelProcess?, string?> target)
    : ProcNode(fs, path, 0x1FF)
{
    public override FileType Type => FileType.Symlink;

    public override Errno Readlink(Processes.KernelProcess? caller, out string text)
    {
        text = target(caller) ?? "";
        return text.Length == 0 ? Errno.ENOENT : Errno.SUCCESS;
    }

    public override Errno Open(VfsOpen request, out FileDescription file)
    {
        file = null!;
        return Errno.ELOOP;
    }
}
