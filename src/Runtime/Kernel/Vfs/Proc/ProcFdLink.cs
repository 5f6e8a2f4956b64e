using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Pipes;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs.Proc;

/// <summary>
/// /proc/PID/fd/N: a "magic" symlink. readlink gives the description's path ("pipe:[ino]" for a pipe). Following
/// it as the final component lands on the open file itself, not on its path: for a VFS file that is its inode
/// (opening reopens it, as on Linux); for anything else (a pipe, a socket) opening returns that same open
/// description, so /dev/stdin works on a pipe.
/// </summary>
internal sealed class ProcFdLink(ProcFileSystem fs, string path, KernelProcess process, int fd, OpenFlags flags)
    : ProcNode(fs, path, flags.CanRead() && flags.CanWrite() ? 0x1C0u : flags.CanWrite() ? 0xC0u : 0x140u)
{
    public override FileType Type => FileType.Symlink;

    public override Errno Readlink(KernelProcess? caller, out string target)
    {
        target = "";
        if (process.Fds.Get(fd, out var d) != Errno.SUCCESS) return Errno.ENOENT;
        target = Describe(d);
        return Errno.SUCCESS;
    }

    public override VfsNode? FollowMagic(KernelProcess? caller)
    {
        if (process.Fds.Get(fd, out var d) != Errno.SUCCESS) return null;
        if (d is IVfsDescription v) return v.Node;
        return new DescriptionNode(Proc, ProcPath, d);
    }

    public override Errno Open(VfsOpen request, out FileDescription file)
    {
        file = null!;
        return Errno.ELOOP;
    }

    /// <summary>What readlink shows for an open description.</summary>
    public static string Describe(FileDescription d)
    {
        if (d.Path is { } p) return p;
        d.Stat(out var st);
        return d switch
        {
            PipeReadEnd or PipeWriteEnd => $"pipe:[{st.Ino}]",
            _ when st.Type == FileType.Socket => $"socket:[{st.Ino}]",
            _ when st.Type == FileType.Fifo => $"pipe:[{st.Ino}]",
            _ => $"anon_inode:[{st.Ino}]",
        };
    }
}

/// <summary>An open description reached through /proc/PID/fd/N that is not a VFS file (a pipe, a socket):
/// opening it returns the same description with one more reference.</summary>
internal sealed class DescriptionNode(ProcFileSystem fs, string path, FileDescription description) : ProcNode(fs, path, 0x180)
{
    public override FileType Type => description.Stat(out var st) == Errno.SUCCESS ? st.Type : FileType.Unknown;

    public override Errno Stat(out StatInfo stat) => description.Stat(out stat);

    public override Errno Open(VfsOpen request, out FileDescription file)
    {
        description.AddReference();
        file = description;
        return Errno.SUCCESS;
    }
}
