using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Commands;
using SecureExec.Testing.Kernel.Pipes;
using SecureExec.Testing.Kernel.Processes;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing.Tests.Kernel;

/// <summary>Runs a C# function as a program image (the test's stand-in for the WASM and Node drivers).</summary>
internal sealed class DelegateDriver(Func<KernelProcess, ExecImage, ProcessOutcome> run) : IExecutionDriver
{
    public string Name => "test";
    public ProcessOutcome Run(KernelProcess process, ExecImage image) => run(process, image);
}

public class SpawnTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static void Register(VirtualKernel kernel, string name, Func<KernelProcess, ExecImage, ProcessOutcome> run) =>
        kernel.Commands.Register(new CommandEntry(name, new DelegateDriver(run)));

    private static KernelProcess Spawn(VirtualKernel kernel, string path, params string[] argv)
    {
        var e = kernel.Spawn(null, new SpawnRequest { Path = path, Argv = argv.Length > 0 ? argv : [path] }, out var p);
        Assert.Equal(Errno.SUCCESS, e);
        return p;
    }

    [Fact]
    public async Task Spawn_RegisteredCommand_RunsAndReportsExitStatus()
    {
        using var kernel = new VirtualKernel();
        Register(kernel, "exit3", (_, _) => ProcessOutcome.Exit(3));
        var p = Spawn(kernel, "exit3");
        var status = await p.Exited.WaitAsync(Timeout);
        Assert.Equal(3, status.ExitCode);
        Assert.Equal(1, p.ParentPid);
    }

    [Fact]
    public void Register_MakesCommandVisibleAsExecutableInUsrBinAndBin()
    {
        using var kernel = new VirtualKernel();
        Register(kernel, "hello", (_, _) => ProcessOutcome.Exit(0));
        Assert.Equal(Errno.SUCCESS, kernel.FileSystem.Stat(PathContext.Host, "/bin/hello", true, out var st));
        Assert.Equal(FileType.Regular, st.Type);
        Assert.NotEqual(0u, st.Permissions & 0x49); // some x bit
        Assert.Equal(Errno.SUCCESS, kernel.FileSystem.Stat(PathContext.Host, "/usr/bin/hello", true, out _));
    }

    [Fact]
    public void Spawn_UnknownCommand_ReturnsENOENT()
    {
        using var kernel = new VirtualKernel();
        Assert.Equal(Errno.ENOENT, kernel.Spawn(null, new SpawnRequest { Path = "nope", Argv = ["nope"] }, out _));
        Assert.Equal(Errno.ENOENT, kernel.Spawn(null, new SpawnRequest { Path = "/bin/nope", Argv = ["nope"] }, out _));
    }

    [Fact]
    public void Spawn_ByName_UsesThePathOfTheNewEnvironment()
    {
        using var kernel = new VirtualKernel();
        Register(kernel, "tool", (_, _) => ProcessOutcome.Exit(0));
        var request = new SpawnRequest { Path = "tool", Argv = ["tool"], Environment = ["PATH=/tmp"] };
        Assert.Equal(Errno.ENOENT, kernel.Spawn(null, request, out _));
        Assert.Equal(Errno.SUCCESS, kernel.Spawn(null, request with { Environment = ["PATH=/tmp:/bin"] }, out _));
    }

    [Fact]
    public async Task Spawn_ArgvEnvAndCwd_ReachTheProgram()
    {
        using var kernel = new VirtualKernel();
        string[]? seen = null;
        Register(kernel, "probe", (p, image) =>
        {
            seen = [.. image.Argv, .. image.Environment, p.Cwd];
            return ProcessOutcome.Exit(0);
        });
        kernel.Spawn(null, new SpawnRequest { Path = "probe", Argv = ["probe", "a b"], Environment = ["X=1"], Cwd = "/tmp" }, out var child);
        await child.Exited.WaitAsync(Timeout);
        Assert.Equal(["probe", "a b", "X=1", "/tmp"], seen!);
    }

    [Fact]
    public void Spawn_CwdThatIsNotADirectory_FailsWithLinuxErrno()
    {
        using var kernel = new VirtualKernel();
        Register(kernel, "x", (_, _) => ProcessOutcome.Exit(0));
        Assert.Equal(Errno.ENOENT, kernel.Spawn(null, new SpawnRequest { Path = "x", Argv = ["x"], Cwd = "/missing" }, out _));
        Assert.Equal(Errno.ENOTDIR, kernel.Spawn(null, new SpawnRequest { Path = "x", Argv = ["x"], Cwd = "/bin/x" }, out _));
    }

    [Fact]
    public async Task Spawn_WithoutFdMap_InheritsAllButCloseOnExecFds()
    {
        using var kernel = new VirtualKernel();
        int[]? childFds = null;
        Register(kernel, "fds", (p, img) =>
        {
            childFds = [.. p.Fds.Snapshot().Select(e => e.Fd)];
            return ProcessOutcome.Exit(0);
        });
        Register(kernel, "parent", (p, img) =>
        {
            p.CreatePipe(0, out _, out _);                          // fds 0, 1
            p.CreatePipe(OpenFlags.O_CLOEXEC, out _, out _);        // fds 2, 3 close-on-exec
            kernel.Spawn(p, new SpawnRequest { Path = "fds", Argv = ["fds"] }, out var c);
            kernel.Processes.Wait(p, c.Pid, WaitOptions.None, out _, out _);
            return ProcessOutcome.Exit(0);
        });
        await Spawn(kernel, "parent").Exited.WaitAsync(Timeout);
        Assert.Equal([0, 1], childFds!);
    }

    [Fact]
    public async Task Spawn_WithFdMap_GivesChildExactlyThoseFds()
    {
        using var kernel = new VirtualKernel();
        var output = new byte[64];
        var outputLength = 0;
        Register(kernel, "writer", (p, img) =>
        {
            p.Write(1, "to fd 1"u8, out _);
            return ProcessOutcome.Exit(p.Fds.Count);
        });
        Register(kernel, "parent", (p, img) =>
        {
            p.CreatePipe(0, out var r, out var w);
            p.CreatePipe(0, out _, out _);
            kernel.Spawn(p, new SpawnRequest { Path = "writer", Argv = ["writer"], FdMap = [(1, w)] }, out var c);
            p.Close(w);
            kernel.Processes.Wait(p, c.Pid, WaitOptions.None, out _, out var status);
            p.Read(r, output, out outputLength);
            return ProcessOutcome.Exit(status.ExitCode);
        });
        var status = await Spawn(kernel, "parent").Exited.WaitAsync(Timeout);
        Assert.Equal(1, status.ExitCode); // the child had one fd
        Assert.Equal("to fd 1", System.Text.Encoding.ASCII.GetString(output, 0, outputLength));
    }

    [Fact]
    public void Spawn_FdMapNamingClosedFd_ReturnsEBADF()
    {
        using var kernel = new VirtualKernel();
        Register(kernel, "x", (_, _) => ProcessOutcome.Exit(0));
        var parent = kernel.AddProcess();
        Assert.Equal(Errno.EBADF, kernel.Spawn(parent, new SpawnRequest { Path = "x", Argv = ["x"], FdMap = [(0, 9)] }, out _));
    }

    [Fact]
    public async Task Spawn_ScriptWithShebang_RunsInterpreterWithScriptPath()
    {
        using var kernel = new VirtualKernel();
        string[]? seen = null;
        Register(kernel, "interp", (_, image) =>
        {
            seen = [.. image.Argv];
            return ProcessOutcome.Exit(0);
        });
        WriteFile(kernel, "/tmp/script", "#!/bin/interp -x\necho\n", 0x1ED);
        var p = Spawn(kernel, "/tmp/script", "/tmp/script", "arg1");
        await p.Exited.WaitAsync(Timeout);
        Assert.Equal(["/bin/interp", "-x", "/tmp/script", "arg1"], seen!);
    }

    [Fact]
    public void Spawn_FileWithoutShebangOrExecBit_FailsLikeExecve()
    {
        using var kernel = new VirtualKernel();
        WriteFile(kernel, "/tmp/plain", "echo hi\n", 0x1ED);
        WriteFile(kernel, "/tmp/noexec", "#!/bin/sh\n", 0x1A4);
        Assert.Equal(Errno.ENOEXEC, kernel.Spawn(null, new SpawnRequest { Path = "/tmp/plain", Argv = ["plain"] }, out _));
        Assert.Equal(Errno.EACCES, kernel.Spawn(null, new SpawnRequest { Path = "/tmp/noexec", Argv = ["noexec"] }, out _));
        Assert.Equal(Errno.EACCES, kernel.Spawn(null, new SpawnRequest { Path = "/tmp", Argv = ["tmp"] }, out _));
    }

    [Fact]
    public async Task Exec_ReplacesImageKeepingPidAndClosingCloseOnExecFds()
    {
        using var kernel = new VirtualKernel();
        var seen = new List<string>();
        Register(kernel, "second", (p, image) =>
        {
            seen.Add($"{p.Pid} {string.Join(' ', image.Argv)} fds={p.Fds.Count}");
            return ProcessOutcome.Exit(7);
        });
        Register(kernel, "first", (p, img) =>
        {
            seen.Add($"{p.Pid}");
            p.CreatePipe(OpenFlags.O_CLOEXEC, out _, out _);
            Assert.Equal(Errno.SUCCESS, kernel.Exec(p, "second", ["second", "x"], [], out var next));
            return ProcessOutcome.Exec(next);
        });
        var proc = Spawn(kernel, "first");
        var status = await proc.Exited.WaitAsync(Timeout);
        Assert.Equal(7, status.ExitCode);
        Assert.Equal([$"{proc.Pid}", $"{proc.Pid} second x fds=0"], seen!);
    }

    [Fact]
    public async Task Kill_OfProcessBlockedOnPipeRead_EndsItWithTheSignal()
    {
        using var kernel = new VirtualKernel();
        var (r, w) = Pipe.Create();
        Register(kernel, "reader", (p, img) =>
        {
            var e = p.Read(0, new byte[8], out _);
            return e == Errno.EINTR && p.FatalSignal is { } s ? ProcessOutcome.Killed(s) : ProcessOutcome.Exit(0);
        });
        kernel.Spawn(null, new SpawnRequest { Path = "reader", Argv = ["reader"], Descriptions = [(0, r)] }, out var proc);
        await Task.Delay(50);
        Assert.Equal(Errno.SUCCESS, kernel.Kill(null, proc.Pid, (int)Signal.SIGKILL));
        var status = await proc.Exited.WaitAsync(Timeout);
        Assert.Equal(137, status.ShellStatus);
        GC.KeepAlive(w);
    }

    [Fact]
    public async Task Exit_ClosesFds_SoReaderSeesEof()
    {
        using var kernel = new VirtualKernel();
        var (r, w) = Pipe.Create();
        Register(kernel, "writer", (p, img) =>
        {
            p.Write(1, "bye"u8, out _);
            return ProcessOutcome.Exit(0);
        });
        kernel.Spawn(null, new SpawnRequest { Path = "writer", Argv = ["writer"], Descriptions = [(1, w)] }, out var proc);
        w.Release(); // the host's own reference
        await proc.Exited.WaitAsync(Timeout);
        var buf = new byte[16];
        r.Read(null, buf, out var n);
        r.Read(null, buf, out var eof);
        Assert.Equal((3, 0), (n, eof));
    }

    [Fact]
    public void Spawn_BeyondProcessLimit_ReturnsEAGAIN()
    {
        using var kernel = new VirtualKernel(limits: new KernelLimits { MaxProcesses = 2 }); // init + one
        var gate = new ManualResetEventSlim();
        Register(kernel, "wait", (_, _) =>
        {
            gate.Wait();
            return ProcessOutcome.Exit(0);
        });
        Assert.Equal(Errno.SUCCESS, kernel.Spawn(null, new SpawnRequest { Path = "wait", Argv = ["wait"] }, out _));
        Assert.Equal(Errno.EAGAIN, kernel.Spawn(null, new SpawnRequest { Path = "wait", Argv = ["wait"] }, out _));
        gate.Set();
    }

    [Fact]
    public void Spawn_FromGuestWhenChildProcessesDenied_ReturnsEACCESWithReason()
    {
        using var kernel = new VirtualKernel(new KernelPermissions { ChildProcesses = false });
        Register(kernel, "x", (_, _) => ProcessOutcome.Exit(0));
        var guest = kernel.AddProcess();
        Assert.Equal(Errno.EACCES, kernel.Spawn(guest, new SpawnRequest { Path = "x", Argv = ["x"] }, out _));
        Assert.Contains("ChildProcesses", guest.LastDenial);
    }

    [Fact]
    public async Task Orphan_IsAdoptedByInit()
    {
        using var kernel = new VirtualKernel();
        var release = new ManualResetEventSlim();
        KernelProcess? grandchild = null;
        Register(kernel, "sleeper", (_, _) =>
        {
            release.Wait();
            return ProcessOutcome.Exit(0);
        });
        Register(kernel, "parent", (p, img) =>
        {
            kernel.Spawn(p, new SpawnRequest { Path = "sleeper", Argv = ["sleeper"] }, out grandchild);
            return ProcessOutcome.Exit(0);
        });
        await Spawn(kernel, "parent").Exited.WaitAsync(Timeout);
        Assert.Equal(1, grandchild!.ParentPid);
        release.Set();
        await grandchild.Exited.WaitAsync(Timeout);
    }

    [Fact]
    public async Task DriverException_IsReportedOnStderrAndExits70()
    {
        using var kernel = new VirtualKernel();
        var (r, w) = Pipe.Create();
        Register(kernel, "buggy", (_, _) => throw new InvalidOperationException("boom"));
        kernel.Spawn(null, new SpawnRequest { Path = "buggy", Argv = ["buggy"], Descriptions = [(2, w)] }, out var proc);
        w.Release();
        Assert.Equal(70, (await proc.Exited.WaitAsync(Timeout)).ExitCode);
        var buf = new byte[512];
        r.Read(null, buf, out var n);
        Assert.Contains("internal error", System.Text.Encoding.UTF8.GetString(buf, 0, n));
    }

    [Fact]
    public void Dispose_KillsBlockedProcessesAndEndsTheirThreads()
    {
        var kernel = new VirtualKernel();
        Register(kernel, "block", (p, img) =>
        {
            p.Sleep(TimeSpan.FromMinutes(5));
            return p.FatalSignal is { } s ? ProcessOutcome.Killed(s) : ProcessOutcome.Exit(0);
        });
        for (var i = 0; i < 5; i++) Spawn(kernel, "block");
        Thread.Sleep(50);
        Assert.Equal(5, kernel.LiveThreadCount);
        kernel.Dispose();
        Assert.Equal(0, kernel.LiveThreadCount);
        Assert.Throws<ObjectDisposedException>(() => kernel.Spawn(null, new SpawnRequest { Path = "block", Argv = ["block"] }, out _));
    }

    private static void WriteFile(VirtualKernel kernel, string path, string text, uint mode)
    {
        Assert.Equal(Errno.SUCCESS, kernel.FileSystem.Open(PathContext.Host, path,
            OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, mode, out var f));
        f.Write(null, System.Text.Encoding.UTF8.GetBytes(text), out _);
        f.Release();
        kernel.FileSystem.Chmod(PathContext.Host, path, mode, true);
    }
}
