namespace SecureExec.Testing;

/// <summary>Per-command options of <see cref="NodeRuntime.ExecCommandAsync"/> and <see cref="NodeRuntime.SpawnCommandAsync"/>.</summary>
public sealed record ExecOptions
{
    /// <summary>Variables added to (or replacing) the runtime's environment.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>Working directory (guest path); null = the runtime's.</summary>
    public string? Cwd { get; init; }

    /// <summary>Text written to the guest's stdin (UTF-8), which is then closed.</summary>
    public string? Stdin { get; init; }

    /// <summary>Bytes written to the guest's stdin, which is then closed (wins over <see cref="Stdin"/>).</summary>
    public ReadOnlyMemory<byte>? StdinBytes { get; init; }

    /// <summary>After this long the process group gets SIGKILL; the exit code is then 137 and Stderr says so.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// For <see cref="NodeRuntime.ExecAsync"/>, <see cref="NodeRuntime.RunAsync{T}"/>: the guest path the code runs as
    /// (relative: against <see cref="Cwd"/>) — its import.meta.url/filename/dirname, the file in error stack lines, the
    /// base of relative imports. The file need not exist (ExecAsync does not write it; RunAsync writes the code there
    /// for the run and then restores what was there). Null: ExecAsync names it <c>[eval1]</c> in the working
    /// directory, as <c>node --input-type=module -e</c> does. Ignored by the *CommandAsync methods.
    /// </summary>
    public string? FilePath { get; init; }

    /// <summary>Called with each chunk the guest writes to stdout, as it arrives (on a reader thread).</summary>
    public Action<ReadOnlyMemory<byte>>? OnStdout { get; init; }

    /// <summary>Called with each chunk the guest writes to stderr, as it arrives (on a reader thread).</summary>
    public Action<ReadOnlyMemory<byte>>? OnStderr { get; init; }
}
