using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Commands;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing.Kernel;

/// <summary>
/// One VM: a virtual file system, a process table, a command registry, permissions and limits. The kernel
/// owns every semantic; execution drivers (WASM, Node) only run program images on process threads.
/// </summary>
internal sealed class VirtualKernel : IDisposable
{
    /// <summary>PATH used when a process has none (execvp's default on Linux, minus ".").</summary>
    public const string DefaultPath = "/usr/local/bin:/usr/bin:/bin";
    private const int MaxInterpreterDepth = 4;
    /// <summary>Rescans of a group kill for processes spawned meanwhile (each round needs a spawn to race it).</summary>
    private const int MaxKillRounds = 64;

    private readonly List<ManualResetEventSlim> _runs = []; // one per process thread, set when it ends; guarded by itself
    private volatile bool _disposed;

    public VirtualKernel(KernelPermissions? permissions = null, KernelLimits? limits = null)
    {
        Permissions = permissions ?? KernelPermissions.Default;
        Limits = limits ?? KernelLimits.Default;
        Processes = new ProcessTable();
        FileSystem = new VirtualFileSystem(this);
        Commands = new CommandRegistry(FileSystem);
        Init = Processes.Add(pid => new KernelProcess(this, pid, 0, pid, ["init"], [], "/", 0x12,
            new FdTable(Limits.MaxOpenFilesPerProcess)), int.MaxValue, out _);
    }

    public KernelPermissions Permissions { get; }
    public KernelLimits Limits { get; }
    public VirtualFileSystem FileSystem { get; }
    public ProcessTable Processes { get; }
    public CommandRegistry Commands { get; }
    public Sockets.SocketTable Sockets { get; } = new();

    /// <summary>Pid 1: adopts orphans and is the parent of processes the host starts.</summary>
    public KernelProcess Init { get; }

    /// <summary>
    /// Starts a process (fork + execve in one step). <paramref name="parent"/> null means the host starts it
    /// as a child of init. Errors: ENOENT/EACCES/ENOEXEC for the program, EAGAIN at the process limit,
    /// EBADF for a bad fd map, ENOENT/ENOTDIR for the cwd, EACCES when child processes are denied.
    /// </summary>
    public Errno Spawn(KernelProcess? parent, SpawnRequest request, out KernelProcess child)
    {
        child = null!;
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (parent is not null && !Permissions.ChildProcesses)
        {
            parent.LastDenial = "child processes are not permitted in this VM (permission ChildProcesses)";
            return Errno.EACCES;
        }
        if (request.Argv.Count == 0) return Errno.EINVAL;

        var cwd = parent?.Cwd ?? "/";
        var umask = parent?.Umask ?? 0x12;
        if (!string.IsNullOrEmpty(request.Cwd))
        {
            var e = FileSystem.ResolveDirectory(new PathContext(cwd, umask, parent), request.Cwd, out cwd);
            if (e != Errno.SUCCESS) return e;
        }
        var ctx = new PathContext(cwd, umask, parent);
        var resolved = ResolveImage(ctx, request.Path, request.Argv, request.Environment, out var image);
        if (resolved != Errno.SUCCESS) return resolved;

        var fdError = BuildFdTable(parent, request, out var fds);
        if (fdError != Errno.SUCCESS) return fdError;

        var parentPid = parent?.Pid ?? Init.Pid;
        var process = Processes.Add(pid =>
        {
            var group = request.ProcessGroup switch
            {
                -1 => parent?.ProcessGroup ?? pid,
                0 => pid,
                var g => g,
            };
            return new KernelProcess(this, pid, parentPid, group, image.Argv, image.Environment, cwd, umask, fds);
        }, Limits.MaxProcesses, out var addError);
        if (addError != Errno.SUCCESS)
        {
            fds.CloseAll();
            return addError;
        }
        if (parent is not null) process.InheritIgnoredSignals(parent);
        // A parent killed while it spawned (a group kill, Dispose) takes the child with it: the child is in the
        // table now, so a kill that missed it saw the parent's signal already.
        if (_disposed || parent?.FatalSignal is not null) process.Deliver(Signal.SIGKILL);
        process.ExecutablePath = image.Path;
        StartThread(process, image);
        child = process;
        return Errno.SUCCESS;
    }

    /// <summary>
    /// execve for a running process: resolves the new image, closes close-on-exec fds, resets caught signals.
    /// The driver then returns <see cref="ProcessOutcome.Exec"/> with <paramref name="image"/>.
    /// </summary>
    public Errno Exec(KernelProcess process, string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment, out ExecImage image)
    {
        var e = ResolveImage(process.PathContext, path, argv, environment, out image);
        if (e != Errno.SUCCESS) return e;
        process.Fds.CloseOnExecAll();
        process.ResetCaughtSignals();
        process.Argv = image.Argv;
        process.Environment = image.Environment;
        process.ExecutablePath = image.Path;
        return Errno.SUCCESS;
    }

    /// <summary>kill(2). <paramref name="sender"/> null = the host. Signal 0 only checks that a target exists.</summary>
    public Errno Kill(KernelProcess? sender, int pid, int signal)
    {
        if (signal != 0 && !Signals.IsValid(signal)) return Errno.EINVAL;
        var targets = Processes.Targets(sender, pid);
        if (targets.Count == 0) return Errno.ESRCH;
        if (signal == 0) return Errno.SUCCESS;
        foreach (var t in targets) t.Deliver((Signal)signal);
        if (pid > 0) return Errno.SUCCESS;
        // A group (or everyone) may have spawned while we delivered: signal the newcomers too, like Linux, where
        // fork cannot complete past a pending fatal signal (with Spawn's check on the parent, nobody escapes).
        var signalled = targets.ToHashSet();
        for (var round = 0; round < MaxKillRounds; round++)
        {
            var newcomers = Processes.Targets(sender, pid).Where(signalled.Add).ToList();
            if (newcomers.Count == 0) break;
            foreach (var t in newcomers) t.Deliver((Signal)signal);
        }
        return Errno.SUCCESS;
    }

    /// <summary>Finds the program for <paramref name="path"/>: PATH search, command lookup and #! scripts.</summary>
    public Errno ResolveImage(in PathContext ctx, string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment, out ExecImage image)
    {
        image = null!;
        if (path.Length == 0) return Errno.ENOENT;
        var e = FindExecutable(ctx, path, environment, out var file);
        if (e != Errno.SUCCESS) return e;
        return LoadImage(ctx, file, path, argv, environment, 0, out image);
    }

    private Errno FindExecutable(in PathContext ctx, string path, IReadOnlyList<string> environment, out ExecutableFile file)
    {
        if (path.Contains('/')) return FileSystem.ResolveExecutable(ctx, path, out file);
        var searchPath = DefaultPath;
        foreach (var entry in environment)
            if (entry.StartsWith("PATH=", StringComparison.Ordinal)) searchPath = entry[5..];
        var sawDenied = false;
        foreach (var dir in searchPath.Split(':'))
        {
            var candidate = (dir.Length == 0 ? "." : dir.TrimEnd('/')) + "/" + path;
            var e = FileSystem.ResolveExecutable(ctx, candidate, out file);
            if (e == Errno.SUCCESS) return e;
            if (e == Errno.EACCES) sawDenied = true;
        }
        file = null!;
        return sawDenied ? Errno.EACCES : Errno.ENOENT;
    }

    private Errno LoadImage(in PathContext ctx, ExecutableFile file, string path, IReadOnlyList<string> argv,
        IReadOnlyList<string> environment, int depth, out ExecImage image)
    {
        image = null!;
        if (file.Command is { } command)
        {
            image = new ExecImage(command, file.Path, argv, environment);
            return Errno.SUCCESS;
        }
        if (depth >= MaxInterpreterDepth) return Errno.ELOOP;
        var e = ReadInterpreterLine(ctx, file.Path, out var interpreter, out var interpreterArg);
        if (e != Errno.SUCCESS) return e;
        e = FileSystem.ResolveExecutable(ctx, interpreter, out var interpreterFile);
        if (e != Errno.SUCCESS) return e;
        // Linux: argv = [interpreter, optional-arg, script path as given, argv[1..]]
        var newArgv = new List<string> { interpreter };
        if (interpreterArg is not null) newArgv.Add(interpreterArg);
        newArgv.Add(path);
        newArgv.AddRange(argv.Skip(1));
        return LoadImage(ctx, interpreterFile, interpreter, newArgv, environment, depth + 1, out image);
    }

    /// <summary>Parses "#!interpreter [one-arg]" from the first line (at most 256 bytes, like Linux's BINPRM_BUF_SIZE).</summary>
    private Errno ReadInterpreterLine(in PathContext ctx, string path, out string interpreter, out string? arg)
    {
        interpreter = "";
        arg = null;
        var e = FileSystem.Open(ctx, path, OpenFlags.O_RDONLY, 0, out var fd);
        if (e != Errno.SUCCESS) return e;
        Span<byte> head = stackalloc byte[256];
        int n;
        try
        {
            e = fd.Read(ctx.Process, head, out n);
        }
        finally
        {
            fd.Release();
        }
        if (e != Errno.SUCCESS) return e;
        if (n < 2 || head[0] != '#' || head[1] != '!') return Errno.ENOEXEC;
        var line = System.Text.Encoding.UTF8.GetString(head[2..n]);
        var nl = line.IndexOf('\n');
        if (nl >= 0) line = line[..nl];
        line = line.Trim(' ', '\t', '\r');
        if (line.Length == 0) return Errno.ENOEXEC;
        var split = line.IndexOfAny([' ', '\t']);
        if (split < 0)
        {
            interpreter = line;
        }
        else
        {
            interpreter = line[..split];
            arg = line[(split + 1)..].Trim(' ', '\t');
            if (arg.Length == 0) arg = null;
        }
        return Errno.SUCCESS;
    }

    private Errno BuildFdTable(KernelProcess? parent, SpawnRequest request, out FdTable fds)
    {
        var limit = Limits.MaxOpenFilesPerProcess;
        if (request.FdMap is null && request.Descriptions is null)
        {
            fds = parent?.Fds.CloneInheritable(limit) ?? new FdTable(limit);
            return Errno.SUCCESS;
        }
        fds = new FdTable(limit);
        foreach (var (childFd, parentFd) in request.FdMap ?? [])
        {
            if (parent is null || parent.Fds.Acquire(parentFd, out var d) != Errno.SUCCESS || fds.Place(childFd, d) != Errno.SUCCESS)
            {
                fds.CloseAll();
                return Errno.EBADF;
            }
        }
        foreach (var (childFd, description) in request.Descriptions ?? [])
        {
            description.AddReference();
            if (fds.Place(childFd, description) != Errno.SUCCESS)
            {
                description.Release();
                fds.CloseAll();
                return Errno.EBADF;
            }
        }
        return Errno.SUCCESS;
    }

    private void StartThread(KernelProcess process, ExecImage image)
    {
        var ended = new ManualResetEventSlim();
        lock (_runs)
        {
            _runs.RemoveAll(r => r.IsSet);
            _runs.Add(ended);
        }
        ReusableThreads.Start($"secure-exec pid {process.Pid} ({process.Name})", Limits.ProcessThreadStackBytes, () =>
        {
            try
            {
                RunProcess(process, image);
            }
            finally
            {
                ended.Set();
            }
        });
    }

    /// <summary>The body of every process thread: run images until one exits (following execve).</summary>
    private void RunProcess(KernelProcess process, ExecImage image)
    {
        WaitStatus status;
        var watched = Limits.CpuTimePerProcess is not null;
        if (watched) CpuTimeWatchdog.Watch(process);
        try
        {
            while (true)
            {
                var outcome = image.Command.Driver.Run(process, image);
                if (outcome.Next is { } next && process.FatalSignal is null)
                {
                    image = next;
                    continue;
                }
                status = outcome.Status;
                break;
            }
        }
        catch (Exception ex)
        {
            // A driver bug, not a guest failure: report it to the guest's stderr and end the process.
            WriteInternalError(process, ex);
            status = WaitStatus.Exited(70); // EX_SOFTWARE
        }
        finally
        {
            if (watched) CpuTimeWatchdog.Unwatch(process);
        }
        if (process.FatalSignal is { } fatal) status = WaitStatus.Signaled(fatal);
        process.Fds.CloseAll();
        Processes.OnExit(process, status);
    }

    private static void WriteInternalError(KernelProcess process, Exception ex)
    {
        if (process.Fds.Acquire(2, out var stderr) != Errno.SUCCESS) return;
        try
        {
            var text = System.Text.Encoding.UTF8.GetBytes($"secure-exec: internal error in {process}: {ex.GetType().Name}: {ex.Message}\n");
            stderr.Write(null, text, out _);
        }
        finally
        {
            stderr.Release();
        }
    }

    /// <summary>Kills every process and waits (bounded) for their threads to end.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        var deadline = Environment.TickCount64 + 5000;
        // Repeat while spawns that were under way still add processes (they get SIGKILL in Spawn).
        do
        {
            foreach (var p in Processes.All)
                if (p.Pid != 1) p.Deliver(Signal.SIGKILL);
            ManualResetEventSlim[] runs;
            lock (_runs) runs = [.. _runs];
            foreach (var run in runs)
                run.Wait(TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64)));
        } while (LiveThreadCount > 0 && Environment.TickCount64 < deadline);
    }

    /// <summary>Threads of processes that are still running (for leak checks).</summary>
    public int LiveThreadCount
    {
        get
        {
            lock (_runs) return _runs.Count(r => !r.IsSet);
        }
    }
}
