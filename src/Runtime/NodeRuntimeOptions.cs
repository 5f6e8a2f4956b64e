namespace SecureExec.Testing;

/// <summary>How a <see cref="NodeRuntime"/> (one VM) is set up.</summary>
public sealed record NodeRuntimeOptions
{
    /// <summary>Environment variables of every process started from the host (on top of PATH, HOME, USER, SHELL).</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>Working directory of processes started from the host; created when missing. Default: /root.</summary>
    public string Cwd { get; init; } = "/root";

    public RuntimePermissions Permissions { get; init; } = RuntimePermissions.Default;

    /// <summary>
    /// Directory of the guest commands (X.wasm, X.names). Null: $SECURE_EXEC_WASM_COMMANDS_DIR, the repository's
    /// artifacts/commands, then the commands installed with the package.
    /// </summary>
    public string? CommandsDir { get; init; }

    /// <summary>Host directories mounted into the VM.</summary>
    public IReadOnlyList<MountOptions> Mounts { get; init; } = [];

    /// <summary>
    /// Files created in the VM before any process runs: guest path → content (text as UTF-8, or bytes). Relative paths
    /// resolve against <see cref="Cwd"/>; missing parent directories are created; a file that exists is replaced. A path
    /// that cannot be written (empty, a directory, under a read-only mount) fails <see cref="NodeRuntime.CreateAsync"/>
    /// with an <see cref="ArgumentException"/> naming the entry.
    /// </summary>
    public IReadOnlyDictionary<string, FileContent>? Files { get; init; }

    /// <summary>
    /// A host node_modules directory, mounted read-only at <see cref="NodeModulesGuestPath"/> (/node_modules): Node's
    /// resolution walks up to the root from any directory, so packages in it are found from <see cref="Cwd"/> and
    /// everywhere else unless a nearer node_modules has them. Validated like <see cref="Mounts"/>.
    /// </summary>
    public string? NodeModules { get; init; }

    /// <summary>Where <see cref="NodeModules"/> appears in the VM.</summary>
    public const string NodeModulesGuestPath = "/node_modules";

    /// <summary>Memory, CPU time, processes, open files, file-system bytes and captured output of the VM.</summary>
    public RuntimeLimits Limits { get; init; } = RuntimeLimits.Default;

    /// <summary>
    /// Shorthand kept for existing callers: sets both <see cref="RuntimeLimits.WasmMemoryBytes"/> and
    /// <see cref="RuntimeLimits.JsHeapBytes"/> (at least 16 MiB) of <see cref="Limits"/>. Prefer <see cref="Limits"/>;
    /// when both are given in one initializer, the later assignment wins.
    /// </summary>
    public long MemoryLimitBytes
    {
        get => Limits.WasmMemoryBytes;
        init => Limits = Limits with { WasmMemoryBytes = value, JsHeapBytes = Math.Max(RuntimeLimits.MinJsHeapBytes, value) };
    }

    /// <summary>
    /// Observes the stdout of every process started from the host (Exec*, Spawn*, Run), called after the per-command
    /// callback on a reader thread. Test-framework adapters use it to route guest output to the test's output.
    /// </summary>
    public Action<ReadOnlyMemory<byte>>? OnStdout { get; init; }

    /// <summary>Like <see cref="OnStdout"/>, for stderr.</summary>
    public Action<ReadOnlyMemory<byte>>? OnStderr { get; init; }
}
