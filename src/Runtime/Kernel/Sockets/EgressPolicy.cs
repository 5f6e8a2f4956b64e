namespace SecureExec.Testing.Kernel.Sockets;

/// <summary>Whether a guest may reach a host outside the VM (connect, DNS): the permissions' NetworkEgress and AllowedHosts.</summary>
internal static class EgressPolicy
{
    /// <summary>Null when allowed; otherwise the reason, naming the fix.</summary>
    public static string? Check(KernelPermissions permissions, string host)
    {
        var name = host.Trim('[', ']');
        if (!permissions.NetworkEgress)
            return $"network access to {name} is denied by the sandbox; allow it with RuntimePermissions.NetworkEgress = true (optionally limited by AllowedHosts)";
        if (permissions.AllowedHosts.Count > 0 && !permissions.AllowedHosts.Any(h => string.Equals(h.Trim('[', ']'), name, StringComparison.OrdinalIgnoreCase)))
            return $"network access to {name} is denied by the sandbox: it is not in RuntimePermissions.AllowedHosts ({string.Join(", ", permissions.AllowedHosts)})";
        return null;
    }
}
