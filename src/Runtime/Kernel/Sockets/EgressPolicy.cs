using System.Net;
using System.Net.Sockets;

namespace SecureExec.Testing.Kernel.Sockets;

/// <summary>
/// Whether a guest may reach a host outside the VM (connect, DNS): the permissions' NetworkEgress and AllowedHosts.
/// Names are checked before resolution (<see cref="Check"/>) and, with AllowedHosts, every address a name resolves
/// to is checked again before the host connection uses it (<see cref="CheckAddress"/>), so an allowed name whose DNS
/// answer is the host's loopback, the unspecified address or a link-local address (cloud metadata) reaches nothing.
/// </summary>
internal static class EgressPolicy
{
    /// <summary>Null when allowed; otherwise the reason, naming the fix.</summary>
    public static string? Check(KernelPermissions permissions, string host)
    {
        var name = host.Trim('[', ']');
        if (!permissions.NetworkEgress)
            return $"network access to {name} is denied by the sandbox; allow it with RuntimePermissions.NetworkEgress = true (optionally limited by AllowedHosts)";
        if (permissions.AllowedHosts.Count > 0 && !permissions.AllowedHosts.Any(h => SameHost(h, name)))
            return $"network access to {name} is denied by the sandbox: it is not in RuntimePermissions.AllowedHosts ({string.Join(", ", permissions.AllowedHosts)})";
        return null;
    }

    /// <summary>
    /// Null when <paramref name="host"/> (already allowed by <see cref="Check"/>) may be reached at
    /// <paramref name="address"/>. With AllowedHosts, a name may not resolve to a loopback, unspecified or
    /// link-local address; the host's loopback is reached only through <see cref="HostConnection.HostLoopbackName"/>
    /// and an address only when it is itself listed.
    /// </summary>
    public static string? CheckAddress(KernelPermissions permissions, string host, IPAddress address)
    {
        var name = host.Trim('[', ']');
        if (permissions.AllowedHosts.Count == 0) return null;
        if (string.Equals(name, HostConnection.HostLoopbackName, StringComparison.OrdinalIgnoreCase)) return null;
        if (IPAddress.TryParse(name, out var literal) && literal.Equals(address)) return null; // listed by address
        if (!IsLocalScope(address)) return null;
        return $"network access to {name} is denied by the sandbox: it resolved to {address}, a loopback, unspecified or " +
               $"link-local address (reach the host's loopback as {HostConnection.HostLoopbackName} and list that name in AllowedHosts)";
    }

    /// <summary>Loopback (127/8, ::1), unspecified (0.0.0.0, ::) or link-local (169.254/16, fe80::/10), IPv4-mapped too.</summary>
    public static bool IsLocalScope(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6) return address.IsIPv6LinkLocal;
        var b = address.GetAddressBytes();
        return b[0] == 169 && b[1] == 254;
    }

    /// <summary>Host names compare case-insensitively; IP literals by address (0x7f.1 is 127.0.0.1, as inet_aton reads it).</summary>
    private static bool SameHost(string allowed, string name)
    {
        allowed = allowed.Trim('[', ']');
        if (string.Equals(allowed, name, StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(allowed, out var a) && IPAddress.TryParse(name, out var b) && a.Equals(b);
    }
}
