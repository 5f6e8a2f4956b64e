namespace SecureExec.Testing.Kernel;

/// <summary>
/// What guest code may do inside the VM. Defaults follow the peer sandbox: file system, child processes and
/// environment allowed; network egress denied. A denied operation fails with EACCES (EPERM for signals) and
/// the reason is recorded on the process (<see cref="Processes.KernelProcess.LastDenial"/>).
/// </summary>
internal sealed record KernelPermissions
{
    public bool FileSystemRead { get; init; } = true;
    public bool FileSystemWrite { get; init; } = true;
    public bool ChildProcesses { get; init; } = true;
    public bool Environment { get; init; } = true;
    /// <summary>Connections to addresses outside the VM. Loopback inside the VM is always allowed.</summary>
    public bool NetworkEgress { get; init; }
    /// <summary>With <see cref="NetworkEgress"/>: only these host names (empty = any host).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public static KernelPermissions Default { get; } = new();
}
