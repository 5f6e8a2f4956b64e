namespace SecureExec.Testing;

/// <summary>
/// What guest code may do inside the VM. Defaults follow the secure-exec peer: file system, child processes and
/// environment allowed; network egress denied (loopback inside the VM is always allowed).
/// </summary>
public sealed record RuntimePermissions
{
    public bool FileSystemRead { get; init; } = true;
    public bool FileSystemWrite { get; init; } = true;
    public bool ChildProcesses { get; init; } = true;
    public bool Environment { get; init; } = true;
    /// <summary>Connections to addresses outside the VM.</summary>
    public bool NetworkEgress { get; init; }
    /// <summary>
    /// With <see cref="NetworkEgress"/> (required): only these host names or addresses (empty = any). An allowed name
    /// is never connected at a loopback, unspecified or link-local address its DNS answers with; the host's own
    /// loopback is reached only as host.secure-exec.internal, when that name is listed.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public static RuntimePermissions Default { get; } = new();

    internal Kernel.KernelPermissions ToKernel() => new()
    {
        FileSystemRead = FileSystemRead,
        FileSystemWrite = FileSystemWrite,
        ChildProcesses = ChildProcesses,
        Environment = Environment,
        NetworkEgress = NetworkEgress,
        AllowedHosts = AllowedHosts,
    };
}
