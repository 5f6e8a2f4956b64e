using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>mkdir, rmdir, unlink, rename, link, symlink, readlink: errnos as Linux returns them.</summary>
public sealed class NamespaceTests : VfsTestBase
{
    public NamespaceTests()
    {
        WriteFile("/w/f", "x");
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/w/d", 0x1ED));
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/w/e", 0x1ED));
        WriteFile("/w/ne/x", "");
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "f", "/w/lf"));
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "d", "/w/ld"));
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "nope", "/w/dangling"));
    }

    [Theory]
    [InlineData("/w/d", Errno.EEXIST)]
    [InlineData("/w/d/", Errno.EEXIST)]
    [InlineData("/w/f", Errno.EEXIST)]
    [InlineData("/w/dangling", Errno.EEXIST)]
    [InlineData("/w/.", Errno.EEXIST)]
    [InlineData("/w/d/..", Errno.EEXIST)]
    [InlineData("/", Errno.EEXIST)]
    [InlineData("/w/f/x", Errno.ENOTDIR)]
    [InlineData("/w/nox/x", Errno.ENOENT)]
    [InlineData("/w/newd/", Errno.SUCCESS)]
    public void Mkdir_Cases_LinuxErrno(string path, Errno expected) => Assert.Equal(expected, Fs.Mkdir(Host, path, 0x1FF));

    [Fact]
    public void Mkdir_AppliesUmask_AndUpdatesParentNlink()
    {
        var before = StatOk("/w");
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/w/m", 0x1FF));
        Assert.Equal(0x1EDu, StatOk("/w/m").Permissions);
        Assert.Equal(2u, StatOk("/w/m").Nlink);
        Assert.Equal(before.Nlink + 1, StatOk("/w").Nlink);
    }

    [Theory]
    [InlineData("/w/.", Errno.EINVAL)]
    [InlineData("/w/d/.", Errno.EINVAL)]
    [InlineData("/w/d/..", Errno.ENOTEMPTY)]
    [InlineData("/w/ne", Errno.ENOTEMPTY)]
    [InlineData("/w/f", Errno.ENOTDIR)]
    [InlineData("/w/ld", Errno.ENOTDIR)]
    [InlineData("/w/ld/", Errno.ENOTDIR)]
    [InlineData("/", Errno.EBUSY)]
    [InlineData("/w/missing", Errno.ENOENT)]
    [InlineData("/w/d", Errno.SUCCESS)]
    [InlineData("/w/d/", Errno.SUCCESS)]
    public void Rmdir_Cases_LinuxErrno(string path, Errno expected) => Assert.Equal(expected, Fs.Rmdir(Host, path));

    [Theory]
    [InlineData("/w/d", Errno.EISDIR)]
    [InlineData("/w/d/", Errno.EISDIR)]
    [InlineData("/w/f/", Errno.ENOTDIR)]
    [InlineData("/w/.", Errno.EISDIR)]
    [InlineData("/w/ld/", Errno.ENOTDIR)]
    [InlineData("/w/missing", Errno.ENOENT)]
    [InlineData("/w/ld", Errno.SUCCESS)]
    [InlineData("/w/dangling", Errno.SUCCESS)]
    [InlineData("/w/f", Errno.SUCCESS)]
    public void Unlink_Cases_LinuxErrno(string path, Errno expected) => Assert.Equal(expected, Fs.Unlink(Host, path));

    [Fact]
    public void Unlink_Symlink_RemovesLinkNotTarget()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Unlink(Host, "/w/lf"));
        Assert.Equal("x", ReadFile("/w/f"));
    }

    [Theory]
    [InlineData("/w/d", "/w/ne", Errno.ENOTEMPTY)]
    [InlineData("/w/d", "/w/f", Errno.ENOTDIR)]
    [InlineData("/w/f", "/w/d", Errno.EISDIR)]
    [InlineData("/w/d", "/w/d/sub", Errno.EINVAL)]
    [InlineData("/w", "/w/ne/sub", Errno.EINVAL)]
    [InlineData("/w/.", "/w/x", Errno.EBUSY)]
    [InlineData("/w/d", "/w/e/.", Errno.EBUSY)]
    [InlineData("/w/f/", "/w/g", Errno.ENOTDIR)]
    [InlineData("/w/f", "/w/g/", Errno.ENOTDIR)]
    [InlineData("/w/missing", "/w/x", Errno.ENOENT)]
    [InlineData("/w/f", "/w/nox/x", Errno.ENOENT)]
    [InlineData("/w/d", "/w/d", Errno.SUCCESS)]
    [InlineData("/w/f", "/w/f", Errno.SUCCESS)]
    [InlineData("/w/d", "/w/e", Errno.SUCCESS)]
    [InlineData("/w/d", "/w/g/", Errno.SUCCESS)]
    [InlineData("/w/ld", "/w/f", Errno.SUCCESS)]
    public void Rename_Cases_LinuxErrno(string from, string to, Errno expected) => Assert.Equal(expected, Fs.Rename(Host, from, to));

    [Fact]
    public void Rename_FileOverFile_ReplacesAtomically()
    {
        WriteFile("/w/g", "new");
        var oldIno = StatOk("/w/g").Ino;
        Assert.Equal(Errno.SUCCESS, Fs.Rename(Host, "/w/g", "/w/f"));
        Assert.Equal("new", ReadFile("/w/f"));
        Assert.Equal(oldIno, StatOk("/w/f").Ino);
        Assert.Equal(Errno.ENOENT, Fs.Stat(Host, "/w/g", true, out _));
    }

    [Fact]
    public void Rename_DirOverEmptyDir_MovesContentAndFixesNlink()
    {
        WriteFile("/w/d/inner", "i");
        var nlink = StatOk("/w").Nlink;
        Assert.Equal(Errno.SUCCESS, Fs.Rename(Host, "/w/d", "/w/e"));
        Assert.Equal("i", ReadFile("/w/e/inner"));
        Assert.Equal(nlink - 1, StatOk("/w").Nlink);
        Assert.Equal(Errno.SUCCESS, Fs.Rename(Host, "/w/e", "/tmp/moved"));
        Assert.Equal("i", ReadFile("/tmp/moved/inner"));
    }

    [Fact]
    public void Rename_HardLinksToSameInode_NoOp()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Link(Host, "/w/f", "/w/f2"));
        Assert.Equal(Errno.SUCCESS, Fs.Rename(Host, "/w/f", "/w/f2"));
        Assert.True(Fs.Exists("/w/f"));
        Assert.True(Fs.Exists("/w/f2"));
    }

    [Theory]
    [InlineData("/w/d", "/w/x", Errno.EPERM)]
    [InlineData("/w/f", "/w/f", Errno.EEXIST)]
    [InlineData("/w/f", "/w/newlink/", Errno.ENOENT)]
    [InlineData("/w/missing", "/w/x", Errno.ENOENT)]
    [InlineData("/w/f", "/w/d/.", Errno.EEXIST)]
    public void Link_Cases_LinuxErrno(string from, string to, Errno expected) => Assert.Equal(expected, Fs.Link(Host, from, to));

    [Fact]
    public void Link_File_SharesInodeAndCountsLinks()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Link(Host, "/w/f", "/w/h"));
        Assert.Equal(StatOk("/w/f").Ino, StatOk("/w/h").Ino);
        Assert.Equal(2u, StatOk("/w/f").Nlink);
        Assert.Equal(Errno.SUCCESS, Fs.Unlink(Host, "/w/f"));
        Assert.Equal(1u, StatOk("/w/h").Nlink);
        Assert.Equal("x", ReadFile("/w/h"));
    }

    [Fact]
    public void Link_Symlink_LinksTheSymlinkItself()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Link(Host, "/w/lf", "/w/lf2"));
        Assert.Equal(FileType.Symlink, StatOk("/w/lf2", follow: false).Type);
    }

    [Theory]
    [InlineData("x", "/w/f", Errno.EEXIST)]
    [InlineData("x", "/w/dangling", Errno.EEXIST)]
    [InlineData("", "/w/emptyl", Errno.ENOENT)]
    [InlineData("x", "/w/newl/", Errno.ENOENT)]
    [InlineData("x", "/w/nox/l", Errno.ENOENT)]
    public void Symlink_Cases_LinuxErrno(string target, string path, Errno expected) => Assert.Equal(expected, Fs.Symlink(Host, target, path));

    [Fact]
    public void Symlink_Stat_SizeIsTargetLengthAndMode0777()
    {
        var st = StatOk("/w/dangling", follow: false);
        Assert.Equal(ModeBits.S_IFLNK | 0x1FF, st.Mode);
        Assert.Equal(4, st.Size);
        Assert.Equal(0, st.Blocks);
    }

    [Theory]
    [InlineData("/w/f", Errno.EINVAL)]
    [InlineData("/w/ld/", Errno.EINVAL)]
    [InlineData("/w/missing", Errno.ENOENT)]
    public void Readlink_Cases_LinuxErrno(string path, Errno expected) => Assert.Equal(expected, Fs.Readlink(Host, path, out _));

    [Fact]
    public void Readlink_Symlink_ReturnsTargetText()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Readlink(Host, "/w/dangling", out var target));
        Assert.Equal("nope", target);
        Assert.Equal(Errno.SUCCESS, Fs.Readlink(Host, "/bin", out target));
        Assert.Equal("usr/bin", target);
    }
}
