using System.Net;
using System.Net.Sockets;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Sockets;

/// <summary>
/// Name resolution for guests (getaddrinfo's role): VM names answer locally; other names are egress and follow
/// <see cref="EgressPolicy"/> (denied → EACCES with the reason in LastDenial; unknown → ENOENT, Node's ENOTFOUND).
/// </summary>
internal static class Resolver
{
    public static Errno Resolve(KernelProcess process, string host, out IReadOnlyList<string> addresses)
    {
        addresses = [];
        var name = host.Trim('[', ']');
        if (IPAddress.TryParse(name, out var ip))
        {
            addresses = [ip.ToString()];
            return Errno.SUCCESS;
        }
        if (SocketTable.IsLocal(name))
        {
            addresses = ["127.0.0.1", "::1"];
            return Errno.SUCCESS;
        }
        var denial = EgressPolicy.Check(process.Kernel.Permissions, name);
        if (denial is not null)
        {
            process.LastDenial = denial;
            return Errno.EACCES;
        }
        var task = process.Kernel.Sockets.HostResolver(name, CancellationToken.None);
        var gate = new object();
        task.ContinueWith(_ => { lock (gate) Monitor.PulseAll(gate); }, TaskScheduler.Default);
        lock (gate)
        {
            var e = process.Block(gate, () => task.IsCompleted);
            if (e != Errno.SUCCESS) return e;
        }
        if (!task.IsCompletedSuccessfully || task.Result.Length == 0) return Errno.ENOENT;
        // The answers a connect would refuse (an allowed name resolving to a local address) are not reported either.
        var usable = task.Result.Where(a => EgressPolicy.CheckAddress(process.Kernel.Permissions, name, a) is null).ToArray();
        if (usable.Length == 0)
        {
            process.LastDenial = EgressPolicy.CheckAddress(process.Kernel.Permissions, name, task.Result[0]);
            return Errno.EACCES;
        }
        addresses = [.. usable.OrderBy(a => a.AddressFamily == AddressFamily.InterNetworkV6 ? 1 : 0).Select(a => a.ToString())];
        return Errno.SUCCESS;
    }
}
