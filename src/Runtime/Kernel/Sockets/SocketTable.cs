using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;

namespace SecureExec.Testing.Kernel.Sockets;

/// <summary>
/// The VM's port namespace (one loopback interface): which stream socket holds which port, the listeners the
/// host can query, and ephemeral port allocation. Every in-VM address (127.0.0.0/8, ::1, localhost, 0.0.0.0, ::)
/// names the same interface, so a port is either free or taken for all of them.
/// </summary>
internal sealed class SocketTable
{
    /// <summary>Linux's default ip_local_port_range.</summary>
    public const int EphemeralFirst = 32768, EphemeralLast = 60999;

    private readonly object _lock = new(); // guards _ports and _nextEphemeral
    private readonly Dictionary<int, StreamSocket> _ports = [];
    private int _nextEphemeral = EphemeralFirst;

    /// <summary>The host's name resolution (getaddrinfo's role) for egress; tests replace it to fake DNS answers.</summary>
    public Func<string, CancellationToken, Task<System.Net.IPAddress[]>> HostResolver { get; set; } = System.Net.Dns.GetHostAddressesAsync;

    /// <summary>Announces that a socket started or stopped listening (the host's WaitForListener wakes on it).</summary>
    public WaitQueue ListenersChanged { get; } = new();

    /// <summary>
    /// Whether <paramref name="host"/> names the VM itself: localhost, *.localhost, or an address literal that is
    /// loopback or unspecified in any form getaddrinfo accepts (127.1, 2130706433, 0x7f.1, 0177.0.0.1, ::ffff:7f00:1).
    /// </summary>
    public static bool IsLocal(string host)
    {
        var h = host.Trim('[', ']').ToLowerInvariant();
        if (h is "" or "localhost" || h.EndsWith(".localhost", StringComparison.Ordinal)) return true;
        if (!System.Net.IPAddress.TryParse(h, out var ip)) return false;
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        return System.Net.IPAddress.IsLoopback(ip) || ip.Equals(System.Net.IPAddress.Any) || ip.Equals(System.Net.IPAddress.IPv6Any);
    }

    /// <summary>Takes <paramref name="port"/> (0 = a free ephemeral port) for <paramref name="socket"/>.</summary>
    public Errno Reserve(StreamSocket socket, int port, out int bound)
    {
        bound = 0;
        if (port < 0 || port > 65535) return Errno.EINVAL;
        lock (_lock)
        {
            if (port == 0)
            {
                for (var i = 0; i <= EphemeralLast - EphemeralFirst; i++)
                {
                    var candidate = _nextEphemeral;
                    _nextEphemeral = candidate == EphemeralLast ? EphemeralFirst : candidate + 1;
                    if (_ports.ContainsKey(candidate)) continue;
                    _ports[candidate] = socket;
                    bound = candidate;
                    return Errno.SUCCESS;
                }
                return Errno.EADDRINUSE;
            }
            if (_ports.ContainsKey(port)) return Errno.EADDRINUSE;
            _ports[port] = socket;
            bound = port;
            return Errno.SUCCESS;
        }
    }

    /// <summary>Frees a port held by <paramref name="socket"/> (no effect when someone else holds it).</summary>
    public void Release(StreamSocket socket, int port, bool wasListening)
    {
        lock (_lock)
        {
            if (!_ports.TryGetValue(port, out var holder) || holder != socket) return;
            _ports.Remove(port);
        }
        if (wasListening) ListenersChanged.Notify();
    }

    /// <summary>The listening socket on <paramref name="port"/>, if any.</summary>
    public StreamSocket? FindListening(int port)
    {
        lock (_lock) return _ports.TryGetValue(port, out var s) && s.IsListening ? s : null;
    }

    /// <summary>Every listening socket, by port.</summary>
    public IReadOnlyList<ListenerInfo> Listeners()
    {
        lock (_lock)
            return [.. _ports.Values.Select(s => s.Listener).OfType<ListenerInfo>().OrderBy(l => l.Port)];
    }

    internal void NotifyListening() => ListenersChanged.Notify();
}
