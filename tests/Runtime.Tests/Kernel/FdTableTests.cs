using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;

namespace SecureExec.Testing.Tests.Kernel;

public class FdTableTests
{
    [Fact]
    public void Allocate_TakesLowestFreeNumber()
    {
        var fds = new FdTable(16);
        fds.Allocate(new TestFile(), false, out var a);
        fds.Allocate(new TestFile(), false, out var b);
        fds.Allocate(new TestFile(), false, out var c);
        fds.Close(b);
        fds.Allocate(new TestFile(), false, out var d);
        Assert.Equal((0, 1, 2, 1), (a, b, c, d));
    }

    [Fact]
    public void Allocate_AtLimit_ReturnsEMFILE()
    {
        var fds = new FdTable(3);
        for (var i = 0; i < 3; i++) Assert.Equal(Errno.SUCCESS, fds.Allocate(new TestFile(), false, out _));
        Assert.Equal(Errno.EMFILE, fds.Allocate(new TestFile(), false, out var fd));
        Assert.Equal(-1, fd);
    }

    [Fact]
    public void Dup_SharesOffsetOfTheOpenFileDescription()
    {
        var fds = new FdTable(16);
        var file = new TestFile();
        fds.Allocate(file, false, out var fd);
        Assert.Equal(Errno.SUCCESS, fds.Dup(fd, out var copy));
        fds.Get(fd, out var d1);
        d1.Write(null, "abc"u8, out _);
        fds.Get(copy, out var d2);
        d2.Seek(0, Whence.SEEK_CUR, out var pos);
        Assert.Equal(3, pos);
        Assert.Same(d1, d2);
    }

    [Fact]
    public void Close_OfOneDuplicate_KeepsDescriptionOpenUntilLast()
    {
        var fds = new FdTable(16);
        var file = new TestFile();
        fds.Allocate(file, false, out var fd);
        fds.Dup(fd, out var copy);
        fds.Close(fd);
        Assert.False(file.Closed);
        fds.Close(copy);
        Assert.True(file.Closed);
    }

    [Fact]
    public void Dup2_ClosesTargetAndClearsCloseOnExec()
    {
        var fds = new FdTable(16);
        var a = new TestFile();
        var b = new TestFile();
        fds.Allocate(a, false, out var fa);
        fds.Allocate(b, true, out var fb);
        Assert.Equal(Errno.SUCCESS, fds.Dup2(fa, fb));
        Assert.True(b.Closed);
        fds.GetCloseOnExec(fb, out var cloexec);
        Assert.False(cloexec);
        fds.Get(fb, out var now);
        Assert.Same(a, now);
    }

    [Fact]
    public void Dup2_SameFd_IsNoOpAndBadSourceIsEBADF()
    {
        var fds = new FdTable(16);
        fds.Allocate(new TestFile(), true, out var fd);
        Assert.Equal(Errno.SUCCESS, fds.Dup2(fd, fd));
        fds.GetCloseOnExec(fd, out var cloexec);
        Assert.True(cloexec); // dup2(fd, fd) changes nothing
        Assert.Equal(Errno.EBADF, fds.Dup2(7, 8));
        Assert.Equal(Errno.EBADF, fds.Dup2(fd, 16));
    }

    [Fact]
    public void Dup_WithMinimum_TakesLowestAtOrAboveIt()
    {
        var fds = new FdTable(16);
        fds.Allocate(new TestFile(), false, out var fd);
        Assert.Equal(Errno.SUCCESS, fds.Dup(fd, out var copy, minimum: 10, closeOnExec: true));
        Assert.Equal(10, copy);
        fds.GetCloseOnExec(copy, out var cloexec);
        Assert.True(cloexec);
    }

    [Fact]
    public void CloneInheritable_SkipsCloseOnExecAndKeepsNumbers()
    {
        var fds = new FdTable(16);
        fds.Allocate(new TestFile(), false, out _);
        fds.Allocate(new TestFile(), true, out _);
        fds.Allocate(new TestFile(), false, out _);
        var child = fds.CloneInheritable(16);
        Assert.Equal([0, 2], child.Snapshot().Select(e => e.Fd));
    }

    [Fact]
    public void CloseOnExecAll_ClosesOnlyMarkedFds()
    {
        var fds = new FdTable(16);
        var keep = new TestFile();
        var drop = new TestFile();
        fds.Allocate(keep, false, out _);
        fds.Allocate(drop, true, out _);
        fds.CloseOnExecAll();
        Assert.True(drop.Closed);
        Assert.False(keep.Closed);
        Assert.Equal(1, fds.Count);
    }

    [Fact]
    public void Close_UnknownFd_ReturnsEBADF()
    {
        var fds = new FdTable(4);
        Assert.Equal(Errno.EBADF, fds.Close(0));
        Assert.Equal(Errno.EBADF, fds.Close(-1));
        Assert.Equal(Errno.EBADF, fds.Get(3, out _));
    }
}
