namespace SecureExec.Testing;

/// <summary>Options of <see cref="NodeRuntime.SpawnAsync"/>.</summary>
public sealed record SpawnOptions
{
    /// <summary>Variables added to (or replacing) the runtime's environment.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>Working directory (guest path); null = the runtime's.</summary>
    public string? Cwd { get; init; }

    /// <summary>The guest path the code runs as (see <see cref="ExecOptions.FilePath"/>).</summary>
    public string? FilePath { get; init; }

    /// <summary>After this long the process group gets SIGKILL.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Called with each chunk the guest writes to stdout, as it arrives (on a reader thread).</summary>
    public Action<ReadOnlyMemory<byte>>? OnStdout { get; init; }

    /// <summary>Called with each chunk the guest writes to stderr, as it arrives (on a reader thread).</summary>
    public Action<ReadOnlyMemory<byte>>? OnStderr { get; init; }
}
