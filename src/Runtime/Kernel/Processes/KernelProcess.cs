using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing.Kernel.Processes;

internal enum ProcessState { Running, Stopped, Zombie }

/// <summary>
/// One process of the VM: identity, argv/env, cwd, umask, fd table and signal state. It runs on one OS
/// thread owned by the kernel; the execution driver runs its program there.
/// </summary>
internal sealed partial class KernelProcess
{
    private readonly TaskCompletionSource<WaitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string _cwd;
    private int _umask;

    internal KernelProcess(VirtualKernel kernel, int pid, int parentPid, int processGroup, IReadOnlyList<string> argv,
        IReadOnlyList<string> environment, string cwd, uint umask, FdTable fds)
    {
        Kernel = kernel;
        Pid = pid;
        ParentPid = parentPid;
        ProcessGroup = processGroup;
        Argv = argv;
        Environment = environment;
        _cwd = cwd;
        _umask = (int)umask;
        Fds = fds;
        StartTime = DateTime.UtcNow;
    }

    public VirtualKernel Kernel { get; }
    public int Pid { get; }
    /// <summary>The parent's pid; becomes 1 when the parent exits first. Guarded by the process table lock.</summary>
    public int ParentPid { get; internal set; }
    public int ProcessGroup { get; internal set; }
    /// <summary>argv of the current image (replaced by execve).</summary>
    public IReadOnlyList<string> Argv { get; internal set; }
    /// <summary>"KEY=value" entries the current image started with.</summary>
    public IReadOnlyList<string> Environment { get; internal set; }
    public FdTable Fds { get; }
    public DateTime StartTime { get; }
    /// <summary>The file the current image was loaded from (for /proc/PID/exe).</summary>
    public string ExecutablePath { get; internal set; } = "";

    /// <summary>The command name as /proc/PID/status shows it (basename of argv[0], at most 15 chars).</summary>
    public string Name
    {
        get
        {
            var a0 = Argv.Count > 0 ? Argv[0] : "";
            var name = a0[(a0.LastIndexOf('/') + 1)..];
            return name.Length > 15 ? name[..15] : name;
        }
    }

    /// <summary>Absolute, canonical guest path of the working directory.</summary>
    public string Cwd
    {
        get => _cwd;
        set => _cwd = value;
    }

    public uint Umask
    {
        get => (uint)Volatile.Read(ref _umask);
        set => Volatile.Write(ref _umask, (int)(value & 0x1FF));
    }

    /// <summary>How paths resolve for this process.</summary>
    public PathContext PathContext => new(_cwd, Umask, this);

    public ProcessState State { get; internal set; }

    /// <summary>Set once the process has exited (zombie or reaped).</summary>
    public WaitStatus? ExitStatus { get; private set; }

    /// <summary>Completes when the process exits, with its wait status (for the host).</summary>
    public Task<WaitStatus> Exited => _exited.Task;

    /// <summary>The process used up its CPU time limit and was sent SIGXCPU (<see cref="CpuTimeWatchdog"/>).</summary>
    public bool CpuLimitExceeded { get; internal set; }

    /// <summary>CPU time of the process thread when it ended (set only while a CPU limit is configured).</summary>
    public TimeSpan? CpuTimeUsed { get; internal set; }

    /// <summary>Why the last permission check failed (for drivers' error messages).</summary>
    public string? LastDenial { get; internal set; }

    internal void MarkExited(WaitStatus status)
    {
        ExitStatus = status;
        State = ProcessState.Zombie;
    }

    internal void CompleteExit(WaitStatus status) => _exited.TrySetResult(status);

    public override string ToString() => $"pid {Pid} ({Name})";
}

internal sealed partial class KernelProcess
{
    /// <summary>A stop that waitpid(WUNTRACED) has not reported yet. Guarded by the process table lock.</summary>
    internal bool StopReportPending { get; set; }
}
