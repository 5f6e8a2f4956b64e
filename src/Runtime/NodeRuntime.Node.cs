using System.Text;
using System.Text.Json;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing;

/// <summary>The JavaScript entry points: guest code runs as an ES module under the VM's `node` command.</summary>
public sealed partial class NodeRuntime
{
    /// <summary>Guest directory for the files <see cref="RunAsync{T}"/> writes.</summary>
    private const string ScratchDirectory = "/tmp/.secure-exec";

    private int _nextRun;

    private static void RegisterNode(VirtualKernel kernel, NodeRuntimeOptions options) =>
        NodeDriver.Register(kernel, new NodeDriverOptions { MaxHeapBytes = (ulong)options.Limits.JsHeapBytes, MaxArrayBufferBytes = (ulong)options.Limits.JsArrayBufferBytes, MaxTimers = options.Limits.MaxTimersPerProcess });

    /// <summary>
    /// Runs <paramref name="code"/> as an ES module (like <c>node --input-type=module -e</c>: relative imports
    /// resolve from the working directory, or from <see cref="ExecOptions.FilePath"/>) and returns its output and
    /// exit code. Timeout, cancellation, limits and disposal behave as in <see cref="ExecCommandAsync"/>.
    /// </summary>
    public Task<ExecResult> ExecAsync(string code, ExecOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (options is not null) ArgumentChecks.Exec(options);
        return ExecCommandAsync("node", NodeArgs(code, options?.FilePath, options?.Cwd), options, ct);
    }

    /// <summary>argv of `node` running <paramref name="code"/> as an ES module, named <paramref name="filePath"/> if given.</summary>
    private string[] NodeArgs(string code, string? filePath, string? cwd)
    {
        if (filePath is null) return ["--input-type=module", "-e", code];
        return [NodeCommandLine.EvalFilenameOption + ResolveFilePath(filePath, cwd), "--input-type=module", "-e", code];
    }

    private string ResolveFilePath(string filePath, string? cwd)
    {
        if (filePath.Length == 0 || filePath.Contains('\0') || filePath.EndsWith('/'))
            throw new ArgumentException($"FilePath must name a file: '{filePath.Replace("\0", "\\0", StringComparison.Ordinal)}'", "options");
        return GuestPath.Combine(cwd ?? _options.Cwd, filePath);
    }

    /// <summary>
    /// Runs <paramref name="code"/> as an ES module file and hands back its default export (awaited, then
    /// JSON-serialized in the guest and deserialized as <typeparamref name="T"/>), with the output and exit code.
    /// The file is <see cref="ExecOptions.FilePath"/> (what was there is restored afterwards), else one in the guest
    /// directory /tmp/.secure-exec; relative imports resolve from its directory.
    /// </summary>
    public async Task<RunResult<T>> RunAsync<T>(string code, ExecOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowIfDisposed();
        options ??= new ExecOptions();
        ArgumentChecks.Exec(options);
        var id = Interlocked.Increment(ref _nextRun);
        var module = options.FilePath is { } path ? ResolveFilePath(path, options.Cwd) : $"{ScratchDirectory}/run-{id}.mjs";
        var valueFile = $"{ScratchDirectory}/run-{id}.json";
        var fs = Kernel.FileSystem;
        fs.MkdirAll(ScratchDirectory);
        byte[]? previous = fs.ReadAllBytes(module, out var old) == Errno.SUCCESS ? old : null;
        var e = fs.WriteAllText(module, code);
        if (e != Errno.SUCCESS) throw new IOException($"{e}: cannot write {module} in the VM: {e.Message()}");
        var runner = $$"""
            import * as m from {{JsonSerializer.Serialize(module)}};
            import { writeFileSync } from 'node:fs';
            const value = await m.default;
            writeFileSync({{JsonSerializer.Serialize(valueFile)}}, JSON.stringify(value === undefined ? null : value));
            """;
        try
        {
            var result = await ExecCommandAsync("node", ["--input-type=module", "-e", runner], options with { FilePath = null }, ct).ConfigureAwait(false);
            var value = default(T);
            if (fs.ReadAllBytes(valueFile, out var json) == Errno.SUCCESS && json.Length > 0)
                value = JsonSerializer.Deserialize<T>(json, s_json);
            return new RunResult<T>(value, result.Stdout, result.Stderr, result.ExitCode);
        }
        finally
        {
            if (previous is not null) fs.WriteAllBytes(module, previous);
            else fs.Unlink(PathContext.Host, module);
            fs.Unlink(PathContext.Host, valueFile);
        }
    }

    /// <summary>
    /// Starts <paramref name="code"/> as a long-running ES module and returns at once with a live handle: write
    /// its stdin, kill it, wait for it. Output arrives through <see cref="SpawnOptions.OnStdout"/>/<see cref="SpawnOptions.OnStderr"/>.
    /// </summary>
    public async Task<NodeProcess> SpawnAsync(string code, SpawnOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        options ??= new SpawnOptions();
        ArgumentChecks.Timeout(options.Timeout, "SpawnOptions.Timeout", nameof(options));
        var exec = new ExecOptions
        {
            Env = options.Env,
            Cwd = options.Cwd,
            Timeout = options.Timeout,
            OnStdout = options.OnStdout,
            OnStderr = options.OnStderr,
        };
        var process = await SpawnCommandAsync("node", NodeArgs(code, options.FilePath, options.Cwd), exec, ct).ConfigureAwait(false);
        return new NodeProcess(process);
    }

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
}
