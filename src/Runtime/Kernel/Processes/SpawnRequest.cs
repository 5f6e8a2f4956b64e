using SecureExec.Testing.Kernel.Files;

namespace SecureExec.Testing.Kernel.Processes;

/// <summary>
/// What a new process runs and with which fds. <see cref="Path"/> containing '/' names a file (relative to the
/// cwd); otherwise it is looked up in the PATH of <see cref="Environment"/>, like execvp.
/// </summary>
internal sealed record SpawnRequest
{
    public required string Path { get; init; }
    /// <summary>argv including argv[0].</summary>
    public required IReadOnlyList<string> Argv { get; init; }
    /// <summary>"KEY=value" entries.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];
    /// <summary>Working directory; null = the parent's (or "/" for the host).</summary>
    public string? Cwd { get; init; }
    /// <summary>Child fd ← parent fd pairs. Null (and no <see cref="Descriptions"/>): inherit every fd of the
    /// parent that is not close-on-exec.</summary>
    public IReadOnlyList<(int ChildFd, int ParentFd)>? FdMap { get; init; }
    /// <summary>Child fd ← description pairs (the host gives pipe ends this way). References are added by
    /// the kernel; the caller keeps its own.</summary>
    public IReadOnlyList<(int ChildFd, FileDescription Description)>? Descriptions { get; init; }
    /// <summary>-1: the parent's group; 0: a new group led by the child; otherwise that existing group.</summary>
    public int ProcessGroup { get; init; } = -1;
}
