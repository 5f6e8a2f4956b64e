using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>atime/mtime/ctime updates as Linux makes them (checked with python3 on ext4, relatime).</summary>
public sealed class TimestampTests : VfsTestBase
{
    private static readonly Timespec Old = new(1000, 0);

    public TimestampTests()
    {
        WriteFile("/w/f", "data");
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/w/d", 0x1ED));
        Age("/w/f");
        Age("/w/d");
        Age("/w");
    }

    // Sets atime and mtime to Old; ctime is set to "now" by utimensat and is made old through the inode below.
    private void Age(string path) => Assert.Equal(Errno.SUCCESS, Fs.Utimens(Host, path, Old, Old, true));

    private bool Changed(Timespec t) => t != Old;

    [Fact]
    public void Mkdir_NewEntry_UpdatesParentMtime()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/w/x", 0x1ED));
        Assert.True(Changed(StatOk("/w").Mtime));
    }

    [Fact]
    public void Unlink_UpdatesParentMtime_AndInodeCtime()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Link(Host, "/w/f", "/w/g"));
        Age("/w");
        var before = StatOk("/w/f").Ctime;
        Thread.Sleep(2);
        Assert.Equal(Errno.SUCCESS, Fs.Unlink(Host, "/w/g"));
        Assert.True(Changed(StatOk("/w").Mtime));
        Assert.True(StatOk("/w/f").Ctime.TotalNanoseconds > before.TotalNanoseconds);
        Assert.Equal(Old, StatOk("/w/f").Mtime);
    }

    [Fact]
    public void Link_File_UpdatesCtimeNotMtime()
    {
        var before = StatOk("/w/f").Ctime;
        Thread.Sleep(2);
        Assert.Equal(Errno.SUCCESS, Fs.Link(Host, "/w/f", "/w/g"));
        var st = StatOk("/w/f");
        Assert.True(st.Ctime.TotalNanoseconds > before.TotalNanoseconds);
        Assert.Equal(Old, st.Mtime);
    }

    [Fact]
    public void Rename_UpdatesMovedInodeCtime_AndBothParents()
    {
        var before = StatOk("/w/f").Ctime;
        Thread.Sleep(2);
        Assert.Equal(Errno.SUCCESS, Fs.Rename(Host, "/w/f", "/w/d/f"));
        Assert.True(StatOk("/w/d/f").Ctime.TotalNanoseconds > before.TotalNanoseconds);
        Assert.Equal(Old, StatOk("/w/d/f").Mtime);
        Assert.True(Changed(StatOk("/w").Mtime));
        Assert.True(Changed(StatOk("/w/d").Mtime));
    }

    [Fact]
    public void OpenTrunc_EmptyFile_StillUpdatesMtime()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Truncate(Host, "/w/f", 0));
        Age("/w/f");
        OpenOk("/w/f", OpenFlags.O_WRONLY | OpenFlags.O_TRUNC).Release();
        Assert.True(Changed(StatOk("/w/f").Mtime));
    }

    [Fact]
    public void Truncate_SameSize_UpdatesMtime()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Truncate(Host, "/w/f", 4));
        Assert.True(Changed(StatOk("/w/f").Mtime));
    }

    [Fact]
    public void Write_ZeroBytes_LeavesMtime()
    {
        var f = OpenOk("/w/f", OpenFlags.O_WRONLY);
        Assert.Equal(Errno.SUCCESS, f.Write(null, [], out var n));
        Assert.Equal(0, n);
        f.Release();
        Assert.Equal(Old, StatOk("/w/f").Mtime);
    }

    [Fact]
    public void Read_UpdatesAtime_Relatime()
    {
        var f = OpenOk("/w/f", OpenFlags.O_RDONLY);
        Assert.Equal("data", Read(f));
        f.Release();
        Assert.True(Changed(StatOk("/w/f").Atime));
        Assert.Equal(Old, StatOk("/w/f").Mtime);
    }

    [Fact]
    public void Utimens_Null_LeavesBoth_UpdatesCtime()
    {
        var before = StatOk("/w/f").Ctime;
        Thread.Sleep(2);
        Assert.Equal(Errno.SUCCESS, Fs.Utimens(Host, "/w/f", null, null, true));
        var st = StatOk("/w/f");
        Assert.Equal(Old, st.Atime);
        Assert.Equal(Old, st.Mtime);
        Assert.True(st.Ctime.TotalNanoseconds > before.TotalNanoseconds);
    }

    [Fact]
    public void Utimens_SymlinkNoFollow_ChangesLinkOnly()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "f", "/w/l"));
        Assert.Equal(Errno.SUCCESS, Fs.Utimens(Host, "/w/l", null, new Timespec(5, 0), followSymlinks: false));
        Assert.Equal(5, StatOk("/w/l", follow: false).Mtime.Seconds);
        Assert.Equal(Old, StatOk("/w/f").Mtime);
    }
}
