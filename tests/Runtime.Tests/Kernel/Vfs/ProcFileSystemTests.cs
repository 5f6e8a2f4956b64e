using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>/proc generated from the process table; the caller is init (pid 1) unless said otherwise.</summary>
public sealed class ProcFileSystemTests : VfsTestBase
{
    private PathContext Init => Kernel.Init.PathContext;

    private string ReadAs(PathContext ctx, string path)
    {
        Assert.Equal(Errno.SUCCESS, Fs.Open(ctx, path, OpenFlags.O_RDONLY, 0, out var f));
        try
        {
            return Read(f, 65536);
        }
        finally
        {
            f.Release();
        }
    }

    [Fact]
    public void Readlink_Self_CallerPid()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Readlink(Init, "/proc/self", out var pid));
        Assert.Equal("1", pid);
        Assert.Equal(Errno.ENOENT, Fs.Stat(Host, "/proc/self", true, out _)); // the host is no process
    }

    [Fact]
    public void Read_Status_LinuxFormatLines()
    {
        var status = ReadAs(Init, "/proc/self/status");
        Assert.StartsWith("Name:\tinit\n", status);
        Assert.Contains("\nState:\tR (running)\n", status);
        Assert.Contains("\nTgid:\t1\n", status);
        Assert.Contains("\nPid:\t1\n", status);
        Assert.Contains("\nPPid:\t0\n", status);
        Assert.Contains("\nUid:\t0\t0\t0\t0\n", status);
        Assert.Contains("\nGid:\t0\t0\t0\t0\n", status);
        Assert.Contains("\nState:\tS (sleeping)\n", ReadAs(Host, "/proc/1/status"));
    }

    [Fact]
    public void Read_Stat_LinuxFieldLayout()
    {
        var fields = ReadAs(Init, "/proc/1/stat").TrimEnd('\n').Split(' ');
        Assert.Equal(52, fields.Length);
        Assert.Equal(["1", "(init)", "R", "0", "1"], fields[..5]);
    }

    [Fact]
    public void Read_Cmdline_NulSeparated() => Assert.Equal("init\0", ReadAs(Init, "/proc/self/cmdline"));

    [Fact]
    public void Readlink_CwdAndRoot_Paths()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Readlink(Init, "/proc/self/cwd", out var cwd));
        Assert.Equal("/", cwd);
        Assert.Equal(Errno.SUCCESS, Fs.Realpath(Init, "/proc/self/root/etc", out var etc));
        Assert.Equal("/etc", etc);
    }

    [Fact]
    public void Read_SysKernelAndInfoFiles_Contents()
    {
        Assert.Equal("sandbox\n", ReadAs(Host, "/proc/sys/kernel/hostname"));
        Assert.Equal("Linux\n", ReadAs(Host, "/proc/sys/kernel/ostype"));
        Assert.Equal("6.1.0-secure-exec\n", ReadAs(Host, "/proc/sys/kernel/osrelease"));
        Assert.Contains("MemTotal:", ReadAs(Host, "/proc/meminfo"));
        Assert.Contains("processor\t: 0", ReadAs(Host, "/proc/cpuinfo"));
    }

    [Fact]
    public void Read_Mounts_ListsRootAndProc()
    {
        var mounts = ReadAs(Host, "/proc/mounts");
        Assert.StartsWith("tmpfs / tmpfs rw", mounts);
        Assert.Contains("proc /proc proc rw", mounts);
    }

    [Fact]
    public void ReadDirectory_ProcRoot_PidsAndSelfSorted()
    {
        var d = OpenOk("/proc", OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY);
        Assert.Equal(Errno.SUCCESS, d.ReadDirectory(out var entries));
        d.Release();
        Assert.Contains(entries, e => e.Name == "1" && e.Type == FileType.Directory);
        Assert.Contains(entries, e => e.Name == "self" && e.Type == FileType.Symlink);
        Assert.Equal(entries.Select(e => e.Name).Order(StringComparer.Ordinal), entries.Select(e => e.Name));
    }

    [Fact]
    public void Modify_ProcEntries_LinuxErrnos()
    {
        Assert.Equal(Errno.ENOENT, Fs.Mkdir(Host, "/proc/x", 0x1ED));
        Assert.Equal(Errno.ENOENT, OpenErr("/proc/x", OpenFlags.O_WRONLY | OpenFlags.O_CREAT));
        Assert.Equal(Errno.EPERM, Fs.Unlink(Init, "/proc/self/status"));
        Assert.Equal(Errno.EPERM, Fs.Chmod(Init, "/proc/self/status", 0x1FF, true));
        Assert.Equal(Errno.EACCES, Fs.Open(Init, "/proc/self/status", OpenFlags.O_WRONLY, 0, out _));
        Assert.Equal(Errno.EBUSY, Fs.Rmdir(Host, "/proc"));
    }

    [Fact]
    public void Stat_ProcFiles_ModesLikeLinux()
    {
        Assert.Equal(ModeBits.S_IFREG | 0x124, StatOk("/proc/1/status").Mode);
        Assert.Equal(ModeBits.S_IFDIR | 0x16D, StatOk("/proc/1").Mode);
        Assert.Equal(ModeBits.S_IFDIR | 0x140, StatOk("/proc/1/fd").Mode);
        Assert.NotEqual(StatOk("/").Dev, StatOk("/proc").Dev);
        Assert.Equal(StatOk("/proc/1/status").Ino, StatOk("/proc/1/status").Ino);
    }

    [Fact]
    public void Open_FdOfPipe_SameDescription()
    {
        Assert.Equal(Errno.SUCCESS, Kernel.Init.CreatePipe(0, out var r, out var w));
        Assert.Equal(Errno.SUCCESS, Kernel.Init.Fds.Get(r, out var readEnd));
        readEnd.Stat(out var pst);
        Assert.Equal(Errno.SUCCESS, Fs.Readlink(Init, $"/proc/self/fd/{r}", out var text));
        Assert.Equal($"pipe:[{pst.Ino}]", text);
        Assert.Equal(FileType.Fifo, StatOk($"/proc/1/fd/{r}").Type);

        Assert.Equal(Errno.SUCCESS, Kernel.Init.Fds.Dup2(r, 0));
        Assert.Equal(Errno.SUCCESS, Fs.Open(Init, "/dev/stdin", OpenFlags.O_RDONLY, 0, out var stdin));
        Assert.Same(readEnd, stdin);
        Assert.Equal(Errno.SUCCESS, Kernel.Init.Write(w, "via pipe"u8, out _));
        Assert.Equal("via pipe", Read(stdin));
        stdin.Release();
        Kernel.Init.Fds.CloseAll();
    }

    [Fact]
    public void Open_FdOfFile_ReopensInode()
    {
        WriteFile("/tmp/f", "content");
        Assert.Equal(Errno.SUCCESS, Kernel.Init.Open("/tmp/f", OpenFlags.O_RDONLY, 0, out var fd));
        Assert.Equal(Errno.SUCCESS, Fs.Readlink(Init, $"/dev/fd/{fd}", out var text));
        Assert.Equal("/tmp/f", text);
        Assert.Equal(StatOk("/tmp/f").Ino, StatOk($"/proc/1/fd/{fd}").Ino);
        Assert.Equal(ModeBits.S_IFLNK | 0x140, StatOk($"/proc/1/fd/{fd}", follow: false).Mode);
        Assert.Equal("content", ReadAs(Init, $"/dev/fd/{fd}"));
        Assert.Equal(Errno.SUCCESS, Fs.Realpath(Init, $"/dev/fd/{fd}", out var real));
        Assert.Equal("/tmp/f", real);
        Kernel.Init.Fds.CloseAll();
        Assert.Equal(Errno.ENOENT, Fs.Stat(Init, $"/dev/fd/{fd}", true, out _));
    }

    [Fact]
    public void Read_Environ_NulSeparated()
    {
        Assert.Equal("", ReadAs(Init, "/proc/1/environ"));
        Assert.Equal(Encoding.UTF8.GetBytes("init\0"), Encoding.UTF8.GetBytes(ReadAs(Host, "/proc/1/cmdline")));
    }

    [Fact]
    public void Stat_MissingPid_ENOENT() => Assert.Equal(Errno.ENOENT, Fs.Stat(Host, "/proc/999/status", true, out _));

    [Fact]
    public void Read_Uptime_TwoNonNegativeSeconds()
    {
        var fields = ReadAs(Host, "/proc/uptime").TrimEnd('\n').Split(' ');
        Assert.Equal(2, fields.Length);
        Assert.True(double.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture) >= 0);
    }
}
