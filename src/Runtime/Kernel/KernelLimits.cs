namespace SecureExec.Testing.Kernel;

/// <summary>Resource limits of one VM. Exceeding one gives the errno Linux gives for it.</summary>
internal sealed record KernelLimits
{
    /// <summary>Live processes in the VM (fork/spawn beyond it: EAGAIN).</summary>
    public int MaxProcesses { get; init; } = 512;
    /// <summary>Open fds per process, RLIMIT_NOFILE (beyond it: EMFILE). The peer uses 256.</summary>
    public int MaxOpenFilesPerProcess { get; init; } = 256;
    /// <summary>Total bytes of file data in the in-memory file system (beyond it: ENOSPC).</summary>
    public long MaxFileSystemBytes { get; init; } = 1L << 30;
    /// <summary>Pipe capacity in bytes (Linux default: 64 KiB).</summary>
    public int PipeCapacity { get; init; } = 65536;
    /// <summary>Stack of each process thread (wasm and V8 run on it).</summary>
    public int ProcessThreadStackBytes { get; init; } = 8 << 20;
    /// <summary>CPU time of each process, RLIMIT_CPU: SIGXCPU at the limit, SIGKILL one CPU second later. Null: unlimited.</summary>
    public TimeSpan? CpuTimePerProcess { get; init; }

    public static KernelLimits Default { get; } = new();
}
