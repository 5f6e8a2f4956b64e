using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>KernelPermissions.FileSystemRead/Write: EACCES for guest callers with the reason recorded; the host is exempt.</summary>
public sealed class FileSystemWriteDeniedTests() : VfsTestBase(new KernelPermissions { FileSystemWrite = false })
{
    private PathContext Guest => Kernel.Init.PathContext;

    [Fact]
    public void Open_ForWrite_EACCES_WithReason()
    {
        WriteFile("/tmp/f", "x");
        Assert.Equal(Errno.EACCES, Fs.Open(Guest, "/tmp/f", OpenFlags.O_WRONLY, 0, out _));
        Assert.Equal("file system writes are not permitted in this VM (permission FileSystemWrite)", Kernel.Init.LastDenial);
        Assert.Equal(Errno.EACCES, Fs.Open(Guest, "/tmp/new", OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0x1A4, out _));
        Assert.Equal(Errno.SUCCESS, Fs.Open(Guest, "/tmp/f", OpenFlags.O_RDONLY, 0, out var f));
        f.Release();
    }

    [Fact]
    public void Namespace_Changes_EACCES()
    {
        WriteFile("/tmp/f", "x");
        Assert.Equal(Errno.EACCES, Fs.Mkdir(Guest, "/tmp/d", 0x1ED));
        Assert.Equal(Errno.EACCES, Fs.Unlink(Guest, "/tmp/f"));
        Assert.Equal(Errno.EACCES, Fs.Rename(Guest, "/tmp/f", "/tmp/g"));
        Assert.Equal(Errno.EACCES, Fs.Symlink(Guest, "f", "/tmp/l"));
        Assert.Equal(Errno.EACCES, Fs.Link(Guest, "/tmp/f", "/tmp/h"));
        Assert.Equal(Errno.EACCES, Fs.Chmod(Guest, "/tmp/f", 0x1FF, true));
        Assert.Equal(Errno.EACCES, Fs.Truncate(Guest, "/tmp/f", 0));
        Assert.Equal(Errno.EACCES, Fs.Access(Guest, "/tmp/f", AccessMode.W_OK));
        Assert.Equal(Errno.SUCCESS, Fs.Access(Guest, "/tmp/f", AccessMode.R_OK));
    }

    [Fact]
    public void Mkdir_ExistingWithWritesDenied_EEXIST()
    {
        Assert.Equal(Errno.EEXIST, Fs.Mkdir(Guest, "/tmp", 0x1ED));
        Assert.Equal(Errno.ENOENT, Fs.Unlink(Guest, "/tmp/missing"));
    }

    [Fact]
    public void WriteAllText_Host_NotRestricted() => WriteFile("/tmp/host-file", "ok");
}

public sealed class FileSystemReadDeniedTests() : VfsTestBase(new KernelPermissions { FileSystemRead = false })
{
    private PathContext Guest => Kernel.Init.PathContext;

    [Fact]
    public void StatOpenReadlink_EACCES_WithReason()
    {
        Assert.Equal(Errno.EACCES, Fs.Stat(Guest, "/etc/passwd", true, out _));
        Assert.Equal("file system reads are not permitted in this VM (permission FileSystemRead)", Kernel.Init.LastDenial);
        Assert.Equal(Errno.EACCES, Fs.Open(Guest, "/etc/passwd", OpenFlags.O_RDONLY, 0, out _));
        Assert.Equal(Errno.EACCES, Fs.Readlink(Guest, "/bin", out _));
        Assert.Equal(Errno.EACCES, Fs.Realpath(Guest, "/bin", out _));
    }

    [Fact]
    public void Open_DevicesAndProcWithReadsDenied_Allowed()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Open(Guest, "/dev/zero", OpenFlags.O_RDONLY, 0, out var f));
        f.Release();
        Assert.Equal(Errno.SUCCESS, Fs.Open(Guest, "/proc/self/status", OpenFlags.O_RDONLY, 0, out f));
        f.Release();
    }

    [Fact]
    public void ResolveDirectory_ReadsDenied_Allowed() => Assert.Equal(Errno.SUCCESS, Fs.ResolveDirectory(Guest, "/tmp", out _));
}
