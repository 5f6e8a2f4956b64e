namespace SecureExec.Testing;

/// <summary>A host directory made visible inside the VM (read-only unless <see cref="ReadOnly"/> is false).</summary>
public sealed record MountOptions
{
    /// <summary>The directory on the host.</summary>
    public required string HostPath { get; init; }

    /// <summary>Where it appears in the VM (an absolute guest path).</summary>
    public required string GuestPath { get; init; }

    /// <summary>Guests may not change the host directory. Default: true.</summary>
    public bool ReadOnly { get; init; } = true;
}
