using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>KernelLimits.MaxFileSystemBytes: writes past it write what fits, then ENOSPC (like a full tmpfs).</summary>
public sealed class LimitTests() : VfsTestBase(limits: new KernelLimits { MaxFileSystemBytes = 16384 })
{
    [Fact]
    public void Write_PastLimit_PartialThenENOSPC()
    {
        var available = (int)(Fs.Memory.Capacity - Fs.Memory.Used);
        var f = OpenOk("/tmp/big", OpenFlags.O_WRONLY | OpenFlags.O_CREAT);
        Assert.Equal(Errno.SUCCESS, f.Write(null, new byte[available + 100], out var written));
        Assert.Equal(available, written);
        Assert.Equal(Errno.ENOSPC, f.Write(null, new byte[1], out written));
        Assert.Equal(0, written);
        Assert.Equal(Errno.ENOSPC, Fs.WriteAllText("/tmp/other", "x"));
        // Overwriting existing bytes needs no space.
        Assert.Equal(Errno.SUCCESS, f.Pwrite(null, new byte[10], 0, out written));
        Assert.Equal(10, written);
        f.Release();
        Assert.Equal(available, StatOk("/tmp/big").Size);
    }

    [Fact]
    public void Unlink_FreesSpace_OnlyAfterLastClose()
    {
        var available = (int)(Fs.Memory.Capacity - Fs.Memory.Used);
        WriteFile("/tmp/big", new string('x', available));
        var f = OpenOk("/tmp/big", OpenFlags.O_RDONLY);
        Assert.Equal(Errno.SUCCESS, Fs.Unlink(Host, "/tmp/big"));
        Assert.Equal(Errno.ENOSPC, Fs.WriteAllText("/tmp/other", "x"));
        f.Release();
        WriteFile("/tmp/other", "x");
    }

    [Fact]
    public void Truncate_GrowPastLimit_ENOSPC_ShrinkFrees()
    {
        WriteFile("/tmp/f", "abc");
        Assert.Equal(Errno.ENOSPC, Fs.Truncate(Host, "/tmp/f", 1 << 20));
        Assert.Equal(3, StatOk("/tmp/f").Size);
        var used = Fs.Memory.Used;
        Assert.Equal(Errno.SUCCESS, Fs.Truncate(Host, "/tmp/f", 0));
        Assert.Equal(used - 3, Fs.Memory.Used);
    }

    [Fact]
    public void Write_SeekedPastLimit_ENOSPC()
    {
        var f = OpenOk("/tmp/sparse", OpenFlags.O_WRONLY | OpenFlags.O_CREAT);
        Assert.Equal(Errno.SUCCESS, f.Seek(1 << 20, Whence.SEEK_SET, out _));
        Assert.Equal(Errno.ENOSPC, f.Write(null, "x"u8, out _));
        f.Release();
        Assert.Equal(0, StatOk("/tmp/sparse").Size);
    }

    [Fact]
    public void Rename_OverFile_FreesReplacedBytes()
    {
        WriteFile("/tmp/a", "aaaa");
        WriteFile("/tmp/b", "bbbbbbbb");
        var used = Fs.Memory.Used;
        Assert.Equal(Errno.SUCCESS, Fs.Rename(Host, "/tmp/a", "/tmp/b"));
        Assert.Equal(used - 8, Fs.Memory.Used);
    }
}

/// <summary>The inode cap (tmpfs nr_inodes): creating files, directories or symlinks past it gives ENOSPC.</summary>
public sealed class InodeLimitTests() : VfsTestBase(limits: new KernelLimits { MaxFileSystemBytes = 16384 })
{
    [Fact]
    public void Create_PastInodeCap_ENOSPC_UnlinkFreesOne()
    {
        var fs = Fs.Memory;
        Assert.Equal(4096, fs.MaxInodes);
        var i = 0;
        Errno e;
        while ((e = Fs.Mkdir(Host, $"/tmp/d{i}", 0x1ED)) == Errno.SUCCESS) i++;
        Assert.Equal(Errno.ENOSPC, e);
        Assert.True(i > 4000);
        Assert.Equal(Errno.ENOSPC, Fs.Symlink(Host, "x", "/tmp/l"));
        Assert.Equal(Errno.ENOSPC, OpenErr("/tmp/f", OpenFlags.O_WRONLY | OpenFlags.O_CREAT));
        Assert.Equal(Errno.SUCCESS, Fs.Rmdir(Host, "/tmp/d0"));
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "x", "/tmp/l"));
        // Hard links need no inode.
        Assert.Equal(Errno.SUCCESS, Fs.Link(Host, "/etc/passwd", "/tmp/p"));
    }

    [Fact]
    public void Symlink_TargetBytesCharged_AndFreed()
    {
        var used = Fs.Memory.Used;
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, new string('t', 1000), "/tmp/l"));
        Assert.Equal(used + 1000, Fs.Memory.Used);
        Assert.Equal(Errno.SUCCESS, Fs.Unlink(Host, "/tmp/l"));
        Assert.Equal(used, Fs.Memory.Used);
    }
}
