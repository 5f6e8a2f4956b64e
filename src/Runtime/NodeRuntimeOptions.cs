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

    /// <summary>Largest linear memory one guest (wasm) process may grow to; beyond it allocations fail. Default 512 MiB.</summary>
    public long MemoryLimitBytes { get; init; } = 512L << 20;

    /// <summary>
    /// Observes the stdout of every process started from the host (Exec*, Spawn*, Run), called after the per-command
    /// callback on a reader thread. Test-framework adapters use it to route guest output to the test's output.
    /// </summary>
    public Action<ReadOnlyMemory<byte>>? OnStdout { get; init; }

    /// <summary>Like <see cref="OnStdout"/>, for stderr.</summary>
    public Action<ReadOnlyMemory<byte>>? OnStderr { get; init; }
}
