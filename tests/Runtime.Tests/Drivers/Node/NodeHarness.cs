using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Pipes;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>The result of running a guest command: wait status and captured output.</summary>
internal sealed record GuestRun(WaitStatus Status, string Stdout, string Stderr)
{
    public int ExitCode => Status.ShellStatus;
}

/// <summary>A VM with `node` registered; runs commands with stdio on kernel pipes the test reads and writes.</summary>
internal sealed class NodeHarness : IDisposable
{
    public NodeHarness(NodeDriverOptions? options = null)
    {
        NodeDriver.Register(Kernel, options);
        Kernel.FileSystem.MkdirAll("/tmp");
        Kernel.FileSystem.MkdirAll("/root");
    }

    public VirtualKernel Kernel { get; } = new();

    public static readonly string[] DefaultEnv = ["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/root"];

    public void WriteFile(string path, string content)
    {
        var dir = path[..path.LastIndexOf('/')];
        if (dir.Length > 0) Kernel.FileSystem.MkdirAll(dir);
        Assert.Equal(Errno.SUCCESS, Kernel.FileSystem.WriteAllText(path, content));
    }

    public string ReadFile(string path)
    {
        Assert.Equal(Errno.SUCCESS, Kernel.FileSystem.ReadAllBytes(path, out var bytes));
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Runs `node` with <paramref name="args"/> (argv[1..]).</summary>
    public GuestRun Node(params string[] args) => Run(["node", .. args]);

    public GuestRun Run(string[] argv, string? stdin = null, int timeoutMs = 30_000, string? cwd = null, IReadOnlyList<string>? env = null)
    {
        var handle = Start(argv, cwd, env);
        if (stdin is not null) handle.WriteStdin(stdin);
        handle.CloseStdin();
        return handle.Wait(timeoutMs);
    }

    public GuestHandle Start(string[] argv, string? cwd = null, IReadOnlyList<string>? env = null)
    {
        var (inR, inW) = Pipe.Create();
        var (outR, outW) = Pipe.Create();
        var (errR, errW) = Pipe.Create();
        var e = Kernel.Spawn(null, new SpawnRequest
        {
            Path = argv[0],
            Argv = argv,
            Environment = env ?? DefaultEnv,
            Cwd = cwd,
            Descriptions = [(0, inR), (1, outW), (2, errW)],
        }, out var process);
        inR.Release();
        outW.Release();
        errW.Release();
        Assert.Equal(Errno.SUCCESS, e);
        return new GuestHandle(process, inW, outR, errR);
    }

    public void Dispose() => Kernel.Dispose();
}

/// <summary>A running guest process with its stdio pipes.</summary>
internal sealed class GuestHandle
{
    private readonly PipeWriteEnd _stdin;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private bool _stdinClosed;

    public GuestHandle(KernelProcess process, PipeWriteEnd stdin, PipeReadEnd stdout, PipeReadEnd stderr)
    {
        Process = process;
        _stdin = stdin;
        _stdout = Task.Factory.StartNew(() => ReadAll(stdout), TaskCreationOptions.LongRunning);
        _stderr = Task.Factory.StartNew(() => ReadAll(stderr), TaskCreationOptions.LongRunning);
    }

    public KernelProcess Process { get; }

    public StringBuilder StdoutSoFar { get; } = new();

    public void WriteStdin(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var off = 0;
        while (off < bytes.Length)
        {
            Assert.Equal(Errno.SUCCESS, _stdin.Write(null, bytes.AsSpan(off), out var n));
            off += n;
        }
    }

    public void CloseStdin()
    {
        if (_stdinClosed) return;
        _stdinClosed = true;
        _stdin.Release();
    }

    public GuestRun Wait(int timeoutMs = 30_000)
    {
        if (!Process.Exited.Wait(timeoutMs))
        {
            Process.Kernel.Kill(null, Process.Pid, (int)Signal.SIGKILL);
            Process.Exited.Wait(5000);
            throw new TimeoutException($"guest did not exit in {timeoutMs} ms; stdout so far: {StdoutSoFar}");
        }
        CloseStdin();
        Assert.True(Task.WaitAll([_stdout, _stderr], 10_000), "stdio did not reach EOF");
        return new GuestRun(Process.Exited.Result, _stdout.Result, _stderr.Result);
    }

    private string ReadAll(PipeReadEnd end)
    {
        var ms = new MemoryStream();
        var buffer = new byte[65536];
        try
        {
            while (end.Read(null, buffer, out var n) == Errno.SUCCESS && n > 0)
            {
                ms.Write(buffer, 0, n);
                if (ReferenceEquals(end, null)) break;
                lock (StdoutSoFar) StdoutSoFar.Append(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }
        finally
        {
            end.Release();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
