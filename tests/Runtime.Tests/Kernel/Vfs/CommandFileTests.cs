using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Commands;
using SecureExec.Testing.Kernel.Processes;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>Registered commands appear as executables in /usr/bin; ResolveExecutable finds them and plain files.</summary>
public sealed class CommandFileTests : VfsTestBase
{
    private sealed class NoDriver : IExecutionDriver
    {
        public string Name => "none";
        public ProcessOutcome Run(KernelProcess process, ExecImage image) => ProcessOutcome.Exit(0);
    }

    [Fact]
    public void Register_NewCommand_CreatesExecutableCommandFile()
    {
        var ls = new CommandEntry("ls", new NoDriver());
        Kernel.Commands.Register(ls);
        var st = StatOk("/usr/bin/ls");
        Assert.Equal(ModeBits.S_IFREG | 0x1ED, st.Mode);
        Assert.Equal("#!/secure-exec/command ls\n", ReadFile("/bin/ls"));
        Assert.Equal(Errno.SUCCESS, Fs.ResolveExecutable(Host, "/bin/ls", out var exe));
        Assert.Equal("/usr/bin/ls", exe.Path);
        Assert.Same(ls, exe.Command);
        Assert.Equal(st.Ino, exe.Stat.Ino);
    }

    [Fact]
    public void Register_Again_ReplacesCommand()
    {
        Kernel.Commands.Register(new CommandEntry("cat", new NoDriver()));
        var second = new CommandEntry("cat", new NoDriver());
        Kernel.Commands.Register(second);
        Assert.Equal(Errno.SUCCESS, Fs.ResolveExecutable(Host, "/usr/bin/cat", out var exe));
        Assert.Same(second, exe.Command);
    }

    [Fact]
    public void ResolveExecutable_Script_NoCommand()
    {
        WriteFile("/tmp/s.sh", "#!/bin/sh\necho hi\n");
        Assert.Equal(Errno.EACCES, Fs.ResolveExecutable(Host, "/tmp/s.sh", out _));
        Assert.Equal(Errno.SUCCESS, Fs.Chmod(Host, "/tmp/s.sh", 0x1C0, true));
        Assert.Equal(Errno.SUCCESS, Fs.ResolveExecutable(At("/tmp"), "./s.sh", out var exe));
        Assert.Equal("/tmp/s.sh", exe.Path);
        Assert.Null(exe.Command);
    }

    [Theory]
    [InlineData("/tmp", Errno.EACCES)]
    [InlineData("/tmp/missing", Errno.ENOENT)]
    [InlineData("/etc/passwd", Errno.EACCES)]
    [InlineData("/dev/null", Errno.EACCES)]
    [InlineData("/etc/passwd/x", Errno.ENOTDIR)]
    public void ResolveExecutable_NotExecutable_LinuxErrno(string path, Errno expected) =>
        Assert.Equal(expected, Fs.ResolveExecutable(Host, path, out _));

    [Fact]
    public void Constructor_DefaultLayout_LikeDebian()
    {
        Assert.Equal(ModeBits.S_IFDIR | 0x3FF, StatOk("/tmp").Mode);
        Assert.Equal(ModeBits.S_IFDIR | 0x1C0, StatOk("/root").Mode);
        Assert.Equal(FileType.Symlink, StatOk("/bin", follow: false).Type);
        Assert.Equal("root:x:0:\n", ReadFile("/etc/group"));
        Assert.Equal("sandbox\n", ReadFile("/etc/hostname"));
        Assert.Equal("127.0.0.1 localhost\n::1 localhost\n", ReadFile("/etc/hosts"));
        foreach (var d in new[] { "/usr/local/bin", "/usr/lib", "/home", "/var/tmp", "/dev", "/proc" })
            Assert.Equal(FileType.Directory, StatOk(d).Type);
    }

    [Fact]
    public void WriteAllBytes_MissingParents_CreatedAndReadBack()
    {
        Assert.Equal(Errno.SUCCESS, Fs.WriteAllBytes("/a/b/c.bin", new byte[] { 1, 2, 3 }));
        Assert.Equal(Errno.SUCCESS, Fs.ReadAllBytes("/a/b/c.bin", out var bytes));
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes);
        Assert.True(Fs.Exists("/a/b"));
        Assert.False(Fs.Exists("/a/x"));
        Assert.Equal(Errno.EISDIR, Fs.ReadAllBytes("/a", out _));
        Assert.Equal(Errno.EINVAL, Fs.MkdirAll("relative"));
    }
}
