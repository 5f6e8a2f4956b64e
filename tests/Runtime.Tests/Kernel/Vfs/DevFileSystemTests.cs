using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>/dev: device numbers and behaviour as on Linux (checked with python3 on Debian 12).</summary>
public sealed class DevFileSystemTests : VfsTestBase
{
    [Theory]
    [InlineData("/dev/null", 1u, 3u)]
    [InlineData("/dev/zero", 1u, 5u)]
    [InlineData("/dev/full", 1u, 7u)]
    [InlineData("/dev/random", 1u, 8u)]
    [InlineData("/dev/urandom", 1u, 9u)]
    public void Stat_Device_CharacterDeviceWithLinuxNumbers(string path, uint major, uint minor)
    {
        var st = StatOk(path);
        Assert.Equal(ModeBits.S_IFCHR | 0x1B6, st.Mode);
        Assert.Equal((ulong)(major << 8 | minor), st.Rdev);
        Assert.Equal(0, st.Size);
    }

    [Theory]
    [InlineData("/dev/stdin", "/proc/self/fd/0")]
    [InlineData("/dev/stdout", "/proc/self/fd/1")]
    [InlineData("/dev/stderr", "/proc/self/fd/2")]
    [InlineData("/dev/fd", "/proc/self/fd")]
    public void Readlink_StdioLinks_PointIntoProcSelf(string path, string target)
    {
        Assert.Equal(Errno.SUCCESS, Fs.Readlink(Host, path, out var t));
        Assert.Equal(target, t);
    }

    [Fact]
    public void ReadWrite_DevNull_EofAndDiscard()
    {
        var f = OpenOk("/dev/null", OpenFlags.O_RDWR | OpenFlags.O_TRUNC);
        Assert.Equal(5, Write(f, "hello"));
        Assert.Equal("", Read(f));
        Assert.Equal(Errno.SUCCESS, f.Seek(100, Whence.SEEK_SET, out var pos));
        Assert.Equal(0, pos);
        f.Release();
    }

    [Fact]
    public void Read_DevZero_Zeros()
    {
        var f = OpenOk("/dev/zero", OpenFlags.O_RDWR);
        var buffer = new byte[] { 1, 2, 3 };
        Assert.Equal(Errno.SUCCESS, f.Read(null, buffer, out var n));
        Assert.Equal(3, n);
        Assert.Equal(new byte[3], buffer);
        Assert.Equal(3, Write(f, "abc"));
        f.Release();
    }

    [Fact]
    public void Write_DevFull_ENOSPC()
    {
        var f = OpenOk("/dev/full", OpenFlags.O_RDWR);
        Assert.Equal(Errno.ENOSPC, f.Write(null, "x"u8, out var n));
        Assert.Equal(0, n);
        Assert.Equal("\0\0", Read(f, 2));
        f.Release();
    }

    [Fact]
    public void Read_DevUrandom_RandomBytes()
    {
        var f = OpenOk("/dev/urandom", OpenFlags.O_RDONLY);
        var a = new byte[32];
        var b = new byte[32];
        Assert.Equal(Errno.SUCCESS, f.Read(null, a, out var n));
        Assert.Equal(32, n);
        Assert.Equal(Errno.SUCCESS, f.Read(null, b, out _));
        Assert.NotEqual(a, b);
        f.Release();
    }

    [Fact]
    public void Open_DevTty_ENXIO() => Assert.Equal(Errno.ENXIO, OpenErr("/dev/tty", OpenFlags.O_RDWR));

    [Fact]
    public void Access_DevNullExecute_EACCES() => Assert.Equal(Errno.EACCES, Fs.Access(Host, "/dev/null", AccessMode.X_OK));

    [Fact]
    public void Truncate_Device_EINVAL() => Assert.Equal(Errno.EINVAL, Fs.Truncate(Host, "/dev/null", 0));

    [Fact]
    public void Open_DevNullForWriteWithWritesDenied_Allowed()
    {
        using var k = new SecureExec.Testing.Kernel.VirtualKernel(new SecureExec.Testing.Kernel.KernelPermissions { FileSystemWrite = false });
        Assert.Equal(Errno.SUCCESS, k.FileSystem.Open(k.Init.PathContext, "/dev/null", OpenFlags.O_WRONLY | OpenFlags.O_TRUNC, 0, out var f));
        f.Release();
    }

    [Fact]
    public void Mkdir_InDev_Succeeds()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/dev/x", 0x1ED));
        Assert.Equal(FileType.Directory, StatOk("/dev/shm").Type);
    }
}
