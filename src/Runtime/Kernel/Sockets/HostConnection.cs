using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Pipes;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Sockets;

/// <summary>
/// Allowed egress: a real host TCP connection (optionally TLS, validated against the host's trust store) bridged
/// to a guest <see cref="StreamSocket"/> by two pump threads, so the guest sees an ordinary connected socket.
/// </summary>
internal static class HostConnection
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How guests name the host's own loopback (127.0.0.1 inside the VM is the VM itself).</summary>
    public const string HostLoopbackName = "host.secure-exec.internal";

    public static Errno Connect(KernelProcess? caller, StreamSocket socket, string host, int port, bool tls, int capacity)
    {
        if (port <= 0 || port > 65535) return Errno.EINVAL;
        if (socket.IsConnected) return Errno.EISCONN;
        var name = host.Trim('[', ']');
        var target = string.Equals(name, HostLoopbackName, StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" : name;
        var client = new TcpClient { NoDelay = true };
        using var cts = new CancellationTokenSource(ConnectTimeout);
        var permissions = caller?.Kernel.Permissions ?? KernelPermissions.Default;
        var resolve = caller?.Kernel.Sockets.HostResolver ?? Dns.GetHostAddressesAsync;
        var task = OpenAsync(client, permissions, resolve, target, name, port, tls, cts.Token);
        var gate = new object();
        task.ContinueWith(_ => { lock (gate) Monitor.PulseAll(gate); }, TaskScheduler.Default);
        Errno e;
        lock (gate) e = KernelProcess.Block(caller, gate, () => task.IsCompleted);
        if (e != Errno.SUCCESS)
        {
            cts.Cancel();
            client.Dispose();
            return e;
        }
        if (!task.IsCompletedSuccessfully)
        {
            client.Dispose();
            if (task.Exception?.InnerException is EgressDeniedException denied && caller is not null) caller.LastDenial = denied.Message;
            return ToErrno(task.Exception?.InnerException);
        }
        var stream = task.Result;
        var (inRead, inWrite) = Pipe.Create(capacity);
        var (outRead, outWrite) = Pipe.Create(capacity);
        var local = client.Client.LocalEndPoint as System.Net.IPEndPoint;
        socket.Attach(inRead, outWrite, local?.Address.ToString() ?? "0.0.0.0", local?.Port ?? 0, name, port);
        StartPumps(client, stream, inWrite, outRead);
        return Errno.SUCCESS;
    }

    /// <summary>
    /// Resolves <paramref name="address"/> here (not inside ConnectAsync), checks every answer with
    /// <see cref="EgressPolicy.CheckAddress"/> and connects only to the addresses that passed, so a DNS answer cannot
    /// change between the check and the connection.
    /// </summary>
    private static async Task<Stream> OpenAsync(TcpClient client, KernelPermissions permissions, Func<string, CancellationToken, Task<IPAddress[]>> resolve,
        string address, string host, int port, bool tls, CancellationToken ct)
    {
        var candidates = IPAddress.TryParse(address, out var literal) ? [literal] : await resolve(address, ct).ConfigureAwait(false);
        var allowed = new List<IPAddress>();
        string? denial = null;
        foreach (var candidate in candidates)
        {
            var why = EgressPolicy.CheckAddress(permissions, host, candidate);
            if (why is null) allowed.Add(candidate);
            else denial ??= why;
        }
        if (allowed.Count == 0) throw denial is null ? new SocketException((int)SocketError.HostNotFound) : new EgressDeniedException(denial);
        await client.ConnectAsync([.. allowed], port, ct).ConfigureAwait(false);
        Stream stream = client.GetStream();
        if (!tls) return stream;
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, ct).ConfigureAwait(false);
        return ssl;
    }

    private static void StartPumps(TcpClient client, Stream stream, PipeWriteEnd toGuest, PipeReadEnd fromGuest)
    {
        var socket = client.Client;
        var left = 2;
        void Done()
        {
            if (Interlocked.Decrement(ref left) == 0) client.Dispose();
        }
        // The guest closed its socket entirely: nobody reads what the host sends, so drop the connection.
        var guestGone = toGuest.Events.Subscribe(() =>
        {
            if ((toGuest.Poll() & Files.PollEvents.POLLERR) != 0) client.Dispose();
        });
        Start("host→guest", () =>
        {
            var buffer = new byte[16384];
            try
            {
                while (true)
                {
                    var n = stream.Read(buffer);
                    if (n == 0) break;
                    for (var off = 0; off < n;)
                    {
                        if (toGuest.Write(null, buffer.AsSpan(off, n - off), out var w) != Errno.SUCCESS) return;
                        off += w;
                    }
                }
            }
            catch (Exception)
            {
                // reset, dropped or disposed (a pump thread must never crash the host): the guest reads EOF
            }
            finally
            {
                guestGone.Dispose();
                toGuest.Release();
                Done();
            }
        });
        Start("guest→host", () =>
        {
            var buffer = new byte[16384];
            try
            {
                while (fromGuest.Read(null, buffer, out var n) == Errno.SUCCESS && n > 0)
                    stream.Write(buffer, 0, n);
                if (stream is not SslStream) socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception)
            {
                // the host side went away: the guest's next write fails with EPIPE once this end is released
            }
            finally
            {
                fromGuest.Release();
                Done();
            }
        });
    }

    private static void Start(string name, Action body) =>
        new Thread(() => body()) { IsBackground = true, Name = "secure-exec egress " + name }.Start();

    internal static Errno ToErrno(Exception? ex) => ex switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => Errno.ECONNREFUSED,
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => Errno.EHOSTUNREACH,
        SocketException { SocketErrorCode: SocketError.NetworkUnreachable } => Errno.ENETUNREACH,
        SocketException { SocketErrorCode: SocketError.HostUnreachable } => Errno.EHOSTUNREACH,
        SocketException { SocketErrorCode: SocketError.TimedOut } or OperationCanceledException => Errno.ETIMEDOUT,
        SocketException { SocketErrorCode: SocketError.ConnectionReset } => Errno.ECONNRESET,
        System.Security.Authentication.AuthenticationException => Errno.ECONNRESET,
        EgressDeniedException => Errno.EACCES,
        _ => Errno.ECONNREFUSED,
    };
}

/// <summary>Every address of an allowed name was refused by <see cref="EgressPolicy.CheckAddress"/>; the message is the reason.</summary>
internal sealed class EgressDeniedException(string reason) : Exception(reason);
