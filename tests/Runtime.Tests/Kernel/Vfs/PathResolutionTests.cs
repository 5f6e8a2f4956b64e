using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

public sealed class PathResolutionTests : VfsTestBase
{
    [Fact]
    public void Stat_EmptyPath_ENOENT() => Assert.Equal(Errno.ENOENT, Fs.Stat(Host, "", true, out _));

    [Fact]
    public void Stat_DotAndDotDot_ResolveLikeLinux()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/tmp/a", 0x1FF));
        Assert.Equal(StatOk("/tmp").Ino, StatOk("/tmp/a/..").Ino);
        Assert.Equal(StatOk("/tmp/a").Ino, StatOk("/tmp/./a/.").Ino);
        Assert.Equal(StatOk("/").Ino, StatOk("/../../..").Ino);
        Assert.Equal(StatOk("/tmp").Ino, StatOk("//tmp//").Ino);
    }

    [Fact]
    public void Realpath_RelativeToCwd_Canonical()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/tmp/a", 0x1FF));
        Assert.Equal(Errno.SUCCESS, Fs.Realpath(At("/tmp/a"), "../a/./", out var p));
        Assert.Equal("/tmp/a", p);
        Assert.Equal(Errno.SUCCESS, Fs.Realpath(At("/tmp"), ".", out p));
        Assert.Equal("/tmp", p);
        Assert.Equal(Errno.SUCCESS, Fs.Realpath(Host, "/bin", out p));
        Assert.Equal("/usr/bin", p);
    }

    [Fact]
    public void Stat_FileWithTrailingSlash_ENOTDIR()
    {
        WriteFile("/tmp/f", "x");
        Assert.Equal(Errno.ENOTDIR, Fs.Stat(Host, "/tmp/f/", true, out _));
        Assert.Equal(Errno.ENOTDIR, Fs.Stat(Host, "/tmp/f/.", true, out _));
        Assert.Equal(Errno.ENOTDIR, Fs.Stat(Host, "/tmp/f/x", true, out _));
    }

    [Fact]
    public void Lstat_SymlinkToDirWithTrailingSlash_FollowsLikeLinux()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/tmp/d", 0x1FF));
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "d", "/tmp/ld"));
        Assert.Equal(FileType.Symlink, StatOk("/tmp/ld", follow: false).Type);
        Assert.Equal(FileType.Directory, StatOk("/tmp/ld/", follow: false).Type);
    }

    [Fact]
    public void Stat_SymlinkLoop_ELOOP()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "loop2", "/tmp/loop1"));
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "loop1", "/tmp/loop2"));
        Assert.Equal(Errno.ELOOP, Fs.Stat(Host, "/tmp/loop1", true, out _));
        Assert.Equal(FileType.Symlink, StatOk("/tmp/loop1", follow: false).Type);
        Assert.Equal(Errno.ELOOP, OpenErr("/tmp/loop1", OpenFlags.O_RDONLY | OpenFlags.O_CREAT));
    }

    [Fact]
    public void Stat_FortySymlinks_OkButFortyOne_ELOOP()
    {
        WriteFile("/tmp/target", "x");
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "target", "/tmp/l0"));
        for (var i = 1; i <= 40; i++) Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, $"l{i - 1}", $"/tmp/l{i}"));
        Assert.Equal(Errno.SUCCESS, Fs.Stat(Host, "/tmp/l39", true, out _));
        Assert.Equal(Errno.ELOOP, Fs.Stat(Host, "/tmp/l40", true, out _));
    }

    [Fact]
    public void Stat_LongNames_ENAMETOOLONG()
    {
        Assert.Equal(Errno.ENAMETOOLONG, Fs.Stat(Host, "/tmp/" + new string('a', 256), true, out _));
        Assert.Equal(Errno.ENOENT, Fs.Stat(Host, "/tmp/" + new string('a', 255), true, out _));
        Assert.Equal(Errno.ENAMETOOLONG, Fs.Stat(Host, "/" + string.Concat(Enumerable.Repeat("a/", 2048)), true, out _));
    }

    [Fact]
    public void Stat_ThroughRegularFile_ENOTDIR_MissingParent_ENOENT()
    {
        WriteFile("/tmp/f", "x");
        Assert.Equal(Errno.ENOTDIR, Fs.Mkdir(Host, "/tmp/f/x", 0x1FF));
        Assert.Equal(Errno.ENOENT, Fs.Mkdir(Host, "/tmp/nox/x", 0x1FF));
    }

    [Fact]
    public void Stat_AbsoluteSymlinkInPath_Followed()
    {
        WriteFile("/tmp/d/f", "hello");
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "/tmp/d", "/tmp/abs"));
        Assert.Equal("hello", ReadFile("/tmp/abs/f"));
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "../d/f", "/tmp/d/rel"));
        Assert.Equal("hello", ReadFile("/tmp/abs/rel"));
    }

    [Fact]
    public void Stat_SymlinkToSlash_IsRoot()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "/", "/tmp/r"));
        Assert.Equal(StatOk("/").Ino, StatOk("/tmp/r").Ino);
        Assert.Equal(Errno.SUCCESS, Fs.Realpath(Host, "/tmp/r/tmp", out var p));
        Assert.Equal("/tmp", p);
    }

    [Fact]
    public void ResolveDirectory_File_ENOTDIR_Missing_ENOENT()
    {
        WriteFile("/tmp/f", "x");
        Assert.Equal(Errno.ENOTDIR, Fs.ResolveDirectory(Host, "/tmp/f", out _));
        Assert.Equal(Errno.ENOENT, Fs.ResolveDirectory(Host, "/tmp/none", out _));
        Assert.Equal(Errno.SUCCESS, Fs.ResolveDirectory(Host, "/bin", out var dir));
        Assert.Equal("/usr/bin", dir);
    }

    [Fact]
    public void Stat_PathWithNul_EINVAL() => Assert.Equal(Errno.EINVAL, Fs.Stat(Host, "/tmp/a\0b", true, out _));

    [Fact]
    public void Symlink_TargetOf4096Bytes_ENAMETOOLONG()
    {
        Assert.Equal(Errno.ENAMETOOLONG, Fs.Symlink(Host, new string('a', 4096), "/tmp/l"));
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, new string('a', 4095), "/tmp/l"));
    }

    [Fact]
    public void Rmdir_CwdRemoved_RelativeLookups_ENOENT()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/tmp/gone", 0x1ED));
        Assert.Equal(Errno.SUCCESS, Fs.Rmdir(Host, "/tmp/gone"));
        Assert.Equal(Errno.ENOENT, Fs.Stat(At("/tmp/gone"), ".", true, out _));
        Assert.Equal(Errno.SUCCESS, Fs.Stat(At("/tmp/gone"), "/tmp", true, out _));
    }

    [Fact]
    public void Rename_AncestorOverDescendant_ENOTEMPTY()
    {
        Assert.Equal(Errno.SUCCESS, Fs.MkdirAll("/tmp/ts/x"));
        Assert.Equal(Errno.ENOTEMPTY, Fs.Rename(Host, "/tmp/ts/x", "/tmp/ts"));
        Assert.Equal(Errno.EINVAL, Fs.Rename(Host, "/tmp/ts", "/tmp/ts/x/y"));
    }

    [Fact]
    public void Stat_DeviceNumbers_SameInEveryVm()
    {
        using var other = new SecureExec.Testing.Kernel.VirtualKernel();
        Assert.Equal(Errno.SUCCESS, other.FileSystem.Stat(Host, "/", true, out var root));
        Assert.Equal(Errno.SUCCESS, other.FileSystem.Stat(Host, "/proc", true, out var proc));
        Assert.Equal(StatOk("/").Dev, root.Dev);
        Assert.Equal(StatOk("/proc").Dev, proc.Dev);
        Assert.Equal(StatOk("/etc/passwd").Ino, other.FileSystem.Stat(Host, "/etc/passwd", true, out var p) == Errno.SUCCESS ? p.Ino : 0);
    }
}
