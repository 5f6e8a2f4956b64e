using System.Collections.Concurrent;
using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Wasm;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Pipes;
using SecureExec.Testing.Kernel.Processes;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing;

/// <summary>
/// One VM: a virtual kernel with its file system, processes and the guest commands (sh, coreutils) from the
/// commands directory. Nothing a guest does reaches host files or host processes. Dispose kills every guest
/// process and leaves no thread behind.
/// </summary>
public sealed partial class NodeRuntime : IAsyncDisposable
{
    /// <summary>Between SIGTERM and SIGKILL when a command's CancellationToken fires.</summary>
    public static readonly TimeSpan CancellationGracePeriod = TimeSpan.FromSeconds(2);

    private readonly VirtualKernel _kernel;
    private readonly NodeRuntimeOptions _options;
    private readonly ConcurrentDictionary<CommandProcess, byte> _running = new();
    private int _disposed;

    private NodeRuntime(VirtualKernel kernel, NodeRuntimeOptions options, string commandsDirectory)
    {
        _kernel = kernel;
        _options = options;
        CommandsDirectory = commandsDirectory;
        FileSystem = new RuntimeFileSystem(this, options.Cwd);
    }

    /// <summary>The VM's file system from the host: write, read, list, create and delete guest files.</summary>
    public RuntimeFileSystem FileSystem { get; }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>The directory the guest commands were loaded from.</summary>
    public string CommandsDirectory { get; }

    internal VirtualKernel Kernel => _kernel;

    /// <summary>
    /// Creates a VM. Throws <see cref="DirectoryNotFoundException"/> (naming every place looked) when no commands
    /// directory is found, <see cref="ArgumentException"/> for a mount, node_modules directory, working directory,
    /// seeded file or limit that cannot be set up.
    /// </summary>
    public static Task<NodeRuntime> CreateAsync(NodeRuntimeOptions? options = null, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        options ??= new NodeRuntimeOptions();
        ArgumentChecks.Runtime(options);
        options.Limits.Validate();
        var directory = Drivers.Wasm.CommandsDirectory.Resolve(options.CommandsDir);
        var kernel = new VirtualKernel(options.Permissions.ToKernel(), options.Limits.ToKernel());
        try
        {
            var driver = new WasmDriver(options.Limits.WasmMemoryBytes);
            driver.RegisterDirectory(kernel, directory);
            RegisterNode(kernel, options);
            SetUpFileSystem(kernel.FileSystem, options);
        }
        catch
        {
            kernel.Dispose();
            throw;
        }
        return Task.FromResult(new NodeRuntime(kernel, options, directory));
    }

    /// <summary>
    /// Runs a guest command (looked up in PATH: /usr/local/bin:/usr/bin:/bin) to completion and returns its output.
    /// A command that does not exist gives exit code 127 (126 when it cannot be executed), like a shell. The
    /// timeout kills with SIGKILL (exit code 137); cancellation sends SIGTERM, then SIGKILL after
    /// <see cref="CancellationGracePeriod"/>, and throws <see cref="OperationCanceledException"/> once it ended.
    /// Output beyond <see cref="RuntimeLimits.MaxOutputBytes"/> is cut (<see cref="ExecResult.OutputTruncated"/>); a
    /// process over <see cref="RuntimeLimits.CpuTimePerProcess"/> dies with SIGXCPU (<see cref="ExecResult.CpuLimitExceeded"/>).
    /// Throws <see cref="ObjectDisposedException"/> on a disposed runtime.
    /// </summary>
    public async Task<ExecResult> ExecCommandAsync(string command, IReadOnlyList<string> args, ExecOptions? options = null, CancellationToken ct = default)
    {
        options ??= new ExecOptions();
        ArgumentChecks.Exec(options);
        var handle = Start(command, args, options, capture: true, keepStdinOpen: false);
        var timedOut = false;
        using var timeout = options.Timeout is { } t ? new CancellationTokenSource(t) : null;
        await using var onTimeout = timeout?.Token.Register(() =>
        {
            timedOut = true;
            handle.KillGroup(Signal.SIGKILL);
        });
        await using var onCancel = ct.Register(() =>
        {
            handle.KillGroup(Signal.SIGTERM);
            _ = Task.Delay(CancellationGracePeriod).ContinueWith(_ => handle.KillGroup(Signal.SIGKILL), TaskScheduler.Default);
        });
        int exitCode;
        try
        {
            exitCode = await handle.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(handle, out _);
        }
        ct.ThrowIfCancellationRequested();
        var stderr = handle.StderrBytes;
        string? note = null;
        if (timedOut)
            note = $"secure-exec: {command}: timed out after {options.Timeout!.Value.TotalSeconds:0.###}s; killed with SIGKILL\n";
        else if (handle.CpuLimitExceeded)
            note = $"secure-exec: {command}: CPU time limit exceeded ({_options.Limits.CpuTimePerProcess!.Value.TotalSeconds:0.###}s of CPU); killed with {(exitCode == 137 ? "SIGKILL" : "SIGXCPU")}\n";
        if (note is not null) stderr = [.. stderr, .. Encoding.UTF8.GetBytes(note)];
        return new ExecResult(handle.StdoutBytes, stderr, exitCode, timedOut, handle.CpuLimitExceeded, handle.OutputTruncated);
    }

    /// <summary>
    /// Starts a guest command and returns at once: stream stdin with <see cref="CommandProcess.WriteStdinAsync(ReadOnlyMemory{byte}, CancellationToken)"/>,
    /// read output through <see cref="ExecOptions.OnStdout"/>/<see cref="ExecOptions.OnStderr"/>. Stdin stays open
    /// until <see cref="CommandProcess.CloseStdin"/> unless <see cref="ExecOptions.Stdin"/> gives its whole content.
    /// </summary>
    public Task<CommandProcess> SpawnCommandAsync(string command, IReadOnlyList<string> args, ExecOptions? options = null, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        options ??= new ExecOptions();
        ArgumentChecks.Exec(options);
        var handle = Start(command, args, options, capture: false, keepStdinOpen: true);
        if (options.Timeout is { } t)
        {
            var cts = new CancellationTokenSource(t);
            cts.Token.Register(() => handle.KillGroup(Signal.SIGKILL));
            _ = handle.Exited.ContinueWith(t => cts.Dispose(), TaskScheduler.Default);
        }
        _ = handle.WaitAsync().ContinueWith(t => _running.TryRemove(handle, out var _), TaskScheduler.Default);
        return Task.FromResult(handle);
    }

    private CommandProcess Start(string command, IReadOnlyList<string> args, ExecOptions options, bool capture, bool keepStdinOpen)
    {
        ThrowIfDisposed();
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentChecks.Args(args);
        if (_options.OnStdout is not null || _options.OnStderr is not null)
            options = options with { OnStdout = options.OnStdout + _options.OnStdout, OnStderr = options.OnStderr + _options.OnStderr };
        var capacity = _kernel.Limits.PipeCapacity;
        var (stdinRead, stdinWrite) = Pipe.Create(capacity);
        var (stdoutRead, stdoutWrite) = Pipe.Create(capacity);
        var (stderrRead, stderrWrite) = Pipe.Create(capacity);
        var cwd = options.Cwd ?? _options.Cwd;
        var request = new SpawnRequest
        {
            Path = command,
            Argv = [command, .. args],
            Environment = BuildEnvironment(options, cwd),
            Cwd = cwd,
            Descriptions = [(0, (FileDescription)stdinRead), (1, stdoutWrite), (2, stderrWrite)],
            ProcessGroup = 0,
        };
        var e = _kernel.Spawn(null, request, out var process);
        // The child holds its own references now; the host keeps only its ends.
        stdinRead.Release();
        stdoutWrite.Release();
        stderrWrite.Release();
        if (e != Errno.SUCCESS)
        {
            stdinWrite.Release();
            stdoutRead.Release();
            stderrRead.Release();
            var (code, message) = e switch
            {
                _ when _kernel.FileSystem.ResolveDirectory(PathContext.Host, cwd, out _) is var c and not Errno.SUCCESS =>
                    (126, $"secure-exec: {command}: cannot use {cwd} as the working directory: {c.Message()}\n"),
                Errno.ENOENT when !command.Contains('/') => (127, $"secure-exec: {command}: command not found\n"),
                Errno.ENOENT => (127, $"secure-exec: {command}: No such file or directory\n"),
                _ => (126, $"secure-exec: {command}: {e.Message()}\n"),
            };
            return new CommandProcess(code, message, options, capture);
        }
        var handle = new CommandProcess(_kernel, process, stdinWrite, stdoutRead, stderrRead, options, capture, _options.Limits.MaxOutputBytes);
        _running.TryAdd(handle, 0);
        if (options.StdinBytes is { } bytes) handle.FeedAndClose(bytes);
        else if (options.Stdin is { } text) handle.FeedAndClose(Encoding.UTF8.GetBytes(text));
        else if (!keepStdinOpen) handle.CloseStdin();
        return handle;
    }

    private List<string> BuildEnvironment(ExecOptions options, string cwd)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = VirtualKernel.DefaultPath,
            ["HOME"] = "/root",
            ["USER"] = "root",
            ["LOGNAME"] = "root",
            ["SHELL"] = "/bin/sh",
        };
        if (cwd.StartsWith('/')) env["PWD"] = cwd;
        foreach (var (k, v) in _options.Env ?? new Dictionary<string, string>()) env[k] = v;
        foreach (var (k, v) in options.Env ?? new Dictionary<string, string>()) env[k] = v;
        return [.. env.Select(kv => kv.Key + "=" + kv.Value)];
    }

    /// <summary>Kills every guest process, waits for their threads and the host's reader threads.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await Task.Run(_kernel.Dispose).ConfigureAwait(false);
        foreach (var handle in _running.Keys) await handle.DisposeAsync().ConfigureAwait(false);
    }
}
