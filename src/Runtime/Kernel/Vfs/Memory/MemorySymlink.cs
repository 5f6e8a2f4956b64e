using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs.Memory;

/// <summary>A symbolic link: its target text, resolved by the caller in the guest namespace. Size is the target's
/// length in bytes, blocks 0 (a fast symlink).</summary>
internal sealed class MemorySymlink : MemoryNode
{
    public MemorySymlink(MemoryFileSystem fs, string target) : base(fs, 0x1FF)
    {
        Target = target;
        Nlink = 1;
    }

    public string Target { get; }

    /// <summary>Bytes of the target, charged to the file system's budget like a tmpfs page.</summary>
    public long TargetBytes => System.Text.Encoding.UTF8.GetByteCount(Target);

    internal override void OnUnlinked()
    {
        Fs.Account(-TargetBytes);
        base.OnUnlinked();
    }

    public override FileType Type => FileType.Symlink;
    protected override long Size => TargetBytes;
    protected override long Blocks => 0;

    public override Errno Readlink(KernelProcess? caller, out string target)
    {
        target = Target;
        return Errno.SUCCESS;
    }

    // open(O_PATH|O_NOFOLLOW) is not supported; the VFS answers ELOOP before reaching here.
    public override Errno Open(VfsOpen request, out FileDescription file)
    {
        file = null!;
        return Errno.ELOOP;
    }
}
