using System.Security.Cryptography;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs.Dev;

/// <summary>
/// An open character device of /dev: reads and writes never block, lseek succeeds and stays at 0, pread and
/// pwrite behave like read and write, and stat is the device inode's.
/// </summary>
internal abstract class CharDeviceDescription(DeviceNode node, OpenFlags flags) : FileDescription(flags), IVfsDescription
{
    public DeviceNode Node { get; } = node;

    VfsNode IVfsDescription.Node => Node;

    public override Errno Pread(KernelProcess? caller, Span<byte> buffer, long offset, out int read) => Read(caller, buffer, out read);

    public override Errno Pwrite(KernelProcess? caller, ReadOnlySpan<byte> data, long offset, out int written) =>
        Write(caller, data, out written);

    public override Errno Seek(long offset, Whence whence, out long position)
    {
        position = 0;
        return Errno.SUCCESS;
    }

    public override Errno Stat(out StatInfo stat) => Node.Stat(out stat);

    public override Errno Truncate(long length) => Errno.EINVAL;

    public override Errno Chmod(uint mode) => Node.Chmod(mode);

    public override Errno Utimens(Timespec? atime, Timespec? mtime) => Node.Utimens(atime, mtime);
}

/// <summary>/dev/null (1,3): reads give end of file, writes are discarded.</summary>
internal sealed class NullDevice(DeviceNode node, OpenFlags flags) : CharDeviceDescription(node, flags)
{
    public override Errno Read(KernelProcess? caller, Span<byte> buffer, out int read)
    {
        read = 0;
        return Errno.SUCCESS;
    }

    public override Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, out int written)
    {
        written = data.Length;
        return Errno.SUCCESS;
    }
}

/// <summary>/dev/zero (1,5) and /dev/full (1,7): reads give zeros; writes are discarded, or fail with ENOSPC on full.</summary>
internal sealed class ZeroDevice(DeviceNode node, OpenFlags flags, bool full) : CharDeviceDescription(node, flags)
{
    public override Errno Read(KernelProcess? caller, Span<byte> buffer, out int read)
    {
        buffer.Clear();
        read = buffer.Length;
        return Errno.SUCCESS;
    }

    public override Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, out int written)
    {
        written = full ? 0 : data.Length;
        return full && data.Length > 0 ? Errno.ENOSPC : Errno.SUCCESS;
    }
}

/// <summary>/dev/random (1,8) and /dev/urandom (1,9): cryptographically random bytes; writes are accepted (Linux
/// mixes them into the pool).</summary>
internal sealed class RandomDevice(DeviceNode node, OpenFlags flags) : CharDeviceDescription(node, flags)
{
    public override Errno Read(KernelProcess? caller, Span<byte> buffer, out int read)
    {
        RandomNumberGenerator.Fill(buffer);
        read = buffer.Length;
        return Errno.SUCCESS;
    }

    public override Errno Write(KernelProcess? caller, ReadOnlySpan<byte> data, out int written)
    {
        written = data.Length;
        return Errno.SUCCESS;
    }
}
