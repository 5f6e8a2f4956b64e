using System.Text;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>open(2) flags and regular-file I/O on the in-memory file system.</summary>
public sealed class RegularFileTests : VfsTestBase
{
    public RegularFileTests()
    {
        WriteFile("/w/f", "hello");
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/w/d", 0x1ED));
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "f", "/w/lf"));
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "nope", "/w/dangling"));
    }

    [Theory]
    [InlineData("/w/f/", OpenFlags.O_RDONLY, Errno.ENOTDIR)]
    [InlineData("/w/new/", OpenFlags.O_RDONLY | OpenFlags.O_CREAT, Errno.EISDIR)]
    [InlineData("/w/d", OpenFlags.O_RDONLY | OpenFlags.O_CREAT, Errno.EISDIR)]
    [InlineData("/w/d", OpenFlags.O_WRONLY, Errno.EISDIR)]
    [InlineData("/w/d", OpenFlags.O_RDWR, Errno.EISDIR)]
    [InlineData("/w/f", OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, Errno.ENOTDIR)]
    [InlineData("/w/lf", OpenFlags.O_RDONLY | OpenFlags.O_NOFOLLOW, Errno.ELOOP)]
    [InlineData("/w/dangling", OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL, Errno.EEXIST)]
    [InlineData("/w/d2", OpenFlags.O_RDONLY | OpenFlags.O_CREAT | OpenFlags.O_DIRECTORY, Errno.EINVAL)]
    [InlineData("/w/f", OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL, Errno.EEXIST)]
    [InlineData("/w/missing", OpenFlags.O_RDONLY, Errno.ENOENT)]
    [InlineData("", OpenFlags.O_RDONLY, Errno.ENOENT)]
    [InlineData("/w/d", OpenFlags.O_RDONLY, Errno.SUCCESS)]
    [InlineData("/w/d", OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, Errno.SUCCESS)]
    [InlineData("/w/lf", OpenFlags.O_RDONLY, Errno.SUCCESS)]
    public void Open_Cases_LinuxErrno(string path, OpenFlags flags, Errno expected) => Assert.Equal(expected, OpenErr(path, flags));

    [Fact]
    public void Open_CreateThroughDanglingSymlink_CreatesTarget()
    {
        var f = OpenOk("/w/dangling", OpenFlags.O_WRONLY | OpenFlags.O_CREAT);
        f.Release();
        Assert.Equal(FileType.Regular, StatOk("/w/nope").Type);
    }

    [Fact]
    public void Open_Create_AppliesUmaskAndSetsPath()
    {
        var f = OpenOk("/w/./d/../new", OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0x1FF);
        Assert.Equal("/w/new", f.Path);
        f.Release();
        Assert.Equal(ModeBits.S_IFREG | 0x1ED, StatOk("/w/new").Mode);
    }

    [Fact]
    public void Open_Trunc_EmptiesFile()
    {
        OpenOk("/w/f", OpenFlags.O_WRONLY | OpenFlags.O_TRUNC).Release();
        Assert.Equal(0, StatOk("/w/f").Size);
    }

    [Fact]
    public void Write_Append_AlwaysAtEnd()
    {
        var f = OpenOk("/w/f", OpenFlags.O_WRONLY | OpenFlags.O_APPEND);
        Assert.Equal(Errno.SUCCESS, f.Seek(0, Whence.SEEK_SET, out _));
        Write(f, " world");
        Assert.Equal(Errno.SUCCESS, f.Pwrite(null, "!"u8, 0, out _));
        f.Release();
        Assert.Equal("hello world!", ReadFile("/w/f"));
    }

    [Fact]
    public void Seek_PastEndThenWrite_ZeroFillsGap()
    {
        var f = OpenOk("/w/f", OpenFlags.O_RDWR);
        Assert.Equal(Errno.SUCCESS, f.Seek(3, Whence.SEEK_END, out var pos));
        Assert.Equal(8, pos);
        Write(f, "X");
        f.Release();
        Assert.Equal("hello\0\0\0X", ReadFile("/w/f"));
        Assert.Equal(9, StatOk("/w/f").Size);
    }

    [Fact]
    public void Seek_Negative_EINVAL_Cur_Relative()
    {
        var f = OpenOk("/w/f", OpenFlags.O_RDONLY);
        Assert.Equal(Errno.EINVAL, f.Seek(-1, Whence.SEEK_SET, out _));
        Assert.Equal("he", Read(f, 2));
        Assert.Equal(Errno.SUCCESS, f.Seek(1, Whence.SEEK_CUR, out var pos));
        Assert.Equal(3, pos);
        Assert.Equal("lo", Read(f));
        Assert.Equal("", Read(f));
        f.Release();
    }

    [Fact]
    public void Pread_AnyOffset_DoesNotMoveOffset()
    {
        var f = OpenOk("/w/f", OpenFlags.O_RDONLY);
        var buffer = new byte[3];
        Assert.Equal(Errno.SUCCESS, f.Pread(null, buffer, 2, out var n));
        Assert.Equal("llo", Encoding.UTF8.GetString(buffer, 0, n));
        Assert.Equal("hello", Read(f));
        f.Release();
    }

    [Fact]
    public void Truncate_ShrinkAndGrow_ZeroFills()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Truncate(Host, "/w/f", 2));
        Assert.Equal(Errno.SUCCESS, Fs.Truncate(Host, "/w/lf", 4));
        Assert.Equal("he\0\0", ReadFile("/w/f"));
        Assert.Equal(Errno.EISDIR, Fs.Truncate(Host, "/w/d", 0));
        Assert.Equal(Errno.EINVAL, Fs.Truncate(Host, "/w/f", -1));
        Assert.Equal(Errno.ENOENT, Fs.Truncate(Host, "/w/missing", 0));
    }

    [Fact]
    public void Ftruncate_ReadOnlyDescription_EINVAL()
    {
        var f = OpenOk("/w/f", OpenFlags.O_RDONLY);
        Assert.Equal(Errno.EINVAL, f.Truncate(0));
        f.Release();
    }

    [Fact]
    public void Stat_RegularFile_SizeBlocksBlksize()
    {
        WriteFile("/w/big", new string('a', 5000));
        var st = StatOk("/w/big");
        Assert.Equal(5000, st.Size);
        Assert.Equal(16, st.Blocks);
        Assert.Equal(4096, st.Blksize);
        Assert.Equal(1u, st.Nlink);
        Assert.Equal(0u, st.Uid);
        Assert.Equal(StatOk("/").Dev, st.Dev);
    }

    [Fact]
    public void Write_UpdatesMtimeAndCtime_ChmodUpdatesCtimeOnly()
    {
        var old = new Timespec(1000, 0);
        Assert.Equal(Errno.SUCCESS, Fs.Utimens(Host, "/w/f", old, old, true));
        var st = StatOk("/w/f");
        Assert.Equal(old, st.Atime);
        Assert.Equal(old, st.Mtime);
        Assert.NotEqual(old, st.Ctime);

        Assert.Equal(Errno.SUCCESS, Fs.Utimens(Host, "/w/f", null, null, true));
        Assert.Equal(old, StatOk("/w/f").Mtime);

        Assert.Equal(Errno.SUCCESS, Fs.Chmod(Host, "/w/f", 0x1C0, true));
        st = StatOk("/w/f");
        Assert.Equal(old, st.Mtime);
        Assert.Equal(0x1C0u, st.Permissions);

        var f = OpenOk("/w/f", OpenFlags.O_WRONLY);
        Write(f, "H");
        f.Release();
        Assert.True(StatOk("/w/f").Mtime.Seconds > 1000);
    }

    [Fact]
    public void Chmod_SymlinkNoFollow_ENOTSUP()
    {
        Assert.Equal(Errno.ENOTSUP, Fs.Chmod(Host, "/w/lf", 0x1FF, followSymlinks: false));
        Assert.Equal(Errno.SUCCESS, Fs.Chmod(Host, "/w/lf", 0x1FF, followSymlinks: true));
        Assert.Equal(0x1FFu, StatOk("/w/f").Permissions);
    }

    [Fact]
    public void Chown_SetsIds_MinusOneKeeps()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Chown(Host, "/w/f", 5, uint.MaxValue, true));
        Assert.Equal(5u, StatOk("/w/f").Uid);
        Assert.Equal(0u, StatOk("/w/f").Gid);
    }

    [Fact]
    public void Unlink_OpenFile_DataStaysReadableAndWritable()
    {
        var f = OpenOk("/w/f", OpenFlags.O_RDWR);
        Assert.Equal(Errno.SUCCESS, Fs.Unlink(Host, "/w/f"));
        Assert.False(Fs.Exists("/w/f"));
        Assert.Equal("hello", Read(f));
        Write(f, "!!");
        Assert.Equal(Errno.SUCCESS, f.Pread(null, new byte[16], 0, out var n));
        Assert.Equal(7, n);
        Assert.Equal(Errno.SUCCESS, f.Stat(out var st));
        Assert.Equal(0u, st.Nlink);
        var used = Fs.Memory.Used;
        f.Release();
        Assert.Equal(used - 7, Fs.Memory.Used);
    }

    [Fact]
    public void Directory_ReadDirectory_SortedOrdinal_ReadEISDIR()
    {
        WriteFile("/w/d/b", "");
        WriteFile("/w/d/B", "");
        WriteFile("/w/d/a", "");
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/w/d/c", 0x1ED));
        var d = OpenOk("/w/d", OpenFlags.O_RDONLY);
        Assert.Equal(Errno.SUCCESS, d.ReadDirectory(out var entries));
        Assert.Equal(["B", "a", "b", "c"], entries.Select(e => e.Name));
        Assert.Equal(FileType.Directory, entries[3].Type);
        Assert.Equal(StatOk("/w/d/a").Ino, entries[1].Ino);
        Assert.Equal(Errno.EISDIR, d.Read(null, new byte[4], out _));
        Assert.Equal(Errno.SUCCESS, d.Stat(out var st));
        Assert.Equal(FileType.Directory, st.Type);
        d.Release();
    }

    [Theory]
    [InlineData("/w/f", AccessMode.R_OK | AccessMode.W_OK, Errno.SUCCESS)]
    [InlineData("/w/f", AccessMode.X_OK, Errno.EACCES)]
    [InlineData("/w/d", AccessMode.X_OK, Errno.SUCCESS)]
    [InlineData("/w/missing", AccessMode.F_OK, Errno.ENOENT)]
    [InlineData("/w/dangling", AccessMode.F_OK, Errno.ENOENT)]
    public void Access_Root_OnlyExecuteChecked(string path, AccessMode mode, Errno expected) => Assert.Equal(expected, Fs.Access(Host, path, mode));

    [Fact]
    public void Open_ReadOnlyWithTrunc_TruncatesLikeLinux()
    {
        OpenOk("/w/f", OpenFlags.O_RDONLY | OpenFlags.O_TRUNC).Release();
        Assert.Equal(0, StatOk("/w/f").Size);
    }

    [Fact]
    public void Read_WriteOnlyDescription_EBADF()
    {
        var f = OpenOk("/w/f", OpenFlags.O_WRONLY);
        Assert.Equal(Errno.EBADF, f.Read(null, new byte[4], out _));
        f.Release();
        var r = OpenOk("/w/f", OpenFlags.O_RDONLY);
        Assert.Equal(Errno.EBADF, r.Write(null, "x"u8, out _));
        Assert.Equal(Errno.EBADF, r.Pwrite(null, "x"u8, 0, out _));
        r.Release();
    }

    [Fact]
    public void ReadDirectory_AfterRmdir_Empty()
    {
        var d = OpenOk("/w/d", OpenFlags.O_RDONLY);
        Assert.Equal(Errno.SUCCESS, Fs.Rmdir(Host, "/w/d"));
        Assert.Equal(Errno.SUCCESS, d.ReadDirectory(out var entries));
        Assert.Empty(entries);
        Assert.Equal(Errno.SUCCESS, d.Stat(out var st));
        Assert.Equal(0u, st.Nlink);
        d.Release();
    }

    [Fact]
    public void Pread_Directory_EISDIR()
    {
        var d = OpenOk("/w/d", OpenFlags.O_RDONLY);
        Assert.Equal(Errno.EISDIR, d.Pread(null, new byte[4], 0, out _));
        Assert.Equal(Errno.SUCCESS, d.Seek(0, Whence.SEEK_SET, out _));
        d.Release();
    }

    [Fact]
    public void Write_TwoDescriptions_IndependentOffsets_SharedData()
    {
        var a = OpenOk("/w/f", OpenFlags.O_RDWR);
        var b = OpenOk("/w/f", OpenFlags.O_RDWR);
        Write(a, "HE");
        Assert.Equal("HEllo", Read(b));
        Write(b, "!");
        Assert.Equal("llo!", Read(a));
        a.Release();
        b.Release();
    }
}
