using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;
using SecureExec.Testing.Kernel.Sockets;

namespace SecureExec.Testing.Tests.Kernel.Sockets;

public class StreamSocketTests
{
    private static (VirtualKernel Kernel, KernelProcess Process) NewProcess(KernelPermissions? permissions = null)
    {
        var kernel = new VirtualKernel(permissions);
        return (kernel, kernel.AddProcess());
    }

    private static int Listen(KernelProcess p, int port, int backlog = 8)
    {
        Assert.Equal(Errno.SUCCESS, p.Socket(false, out var fd));
        Assert.Equal(Errno.SUCCESS, p.Bind(fd, "127.0.0.1", port));
        Assert.Equal(Errno.SUCCESS, p.Listen(fd, backlog));
        return fd;
    }

    private static int Connect(KernelProcess p, int port)
    {
        Assert.Equal(Errno.SUCCESS, p.Socket(false, out var fd));
        Assert.Equal(Errno.SUCCESS, p.Connect(fd, "localhost", port));
        return fd;
    }

    private static string ReadText(KernelProcess p, int fd, int max = 64)
    {
        var buf = new byte[max];
        Assert.Equal(Errno.SUCCESS, p.Read(fd, buf, out var n));
        return Encoding.UTF8.GetString(buf, 0, n);
    }

    [Fact]
    public void Connect_ToListener_DeliversBytesBothWays()
    {
        var (kernel, p) = NewProcess();
        var server = Listen(p, 3000);
        var client = Connect(p, 3000);
        Assert.Equal(Errno.SUCCESS, p.Accept(server, false, out var conn));
        p.Write(client, "ping"u8, out _);
        Assert.Equal("ping", ReadText(p, conn));
        p.Write(conn, "pong"u8, out _);
        Assert.Equal("pong", ReadText(p, client));
        kernel.Dispose();
    }

    [Fact]
    public void Bind_PortZero_GetsEphemeralPort()
    {
        var (_, p) = NewProcess();
        var fd = Listen(p, 0);
        Assert.Equal(Errno.SUCCESS, p.GetSockName(fd, out _, out var port));
        Assert.InRange(port, SocketTable.EphemeralFirst, SocketTable.EphemeralLast);
    }

    [Fact]
    public void Connect_NoListener_ECONNREFUSED()
    {
        var (_, p) = NewProcess();
        p.Socket(false, out var fd);
        Assert.Equal(Errno.ECONNREFUSED, p.Connect(fd, "127.0.0.1", 4000));
    }

    [Fact]
    public void Bind_PortTaken_EADDRINUSE_AndReusableAfterClose()
    {
        var (_, p) = NewProcess();
        var first = Listen(p, 5000);
        p.Socket(false, out var second);
        Assert.Equal(Errno.EADDRINUSE, p.Bind(second, "0.0.0.0", 5000));
        Assert.Equal(Errno.SUCCESS, p.Close(first));
        Assert.Equal(Errno.SUCCESS, p.Bind(second, "0.0.0.0", 5000));
    }

    [Fact]
    public void Shutdown_Write_PeerReadsEofButCanStillReply()
    {
        var (_, p) = NewProcess();
        var server = Listen(p, 3001);
        var client = Connect(p, 3001);
        p.Accept(server, false, out var conn);
        p.Write(client, "req"u8, out _);
        Assert.Equal(Errno.SUCCESS, p.Shutdown(client, 1));
        Assert.Equal("req", ReadText(p, conn));
        Assert.Equal("", ReadText(p, conn)); // EOF
        p.Write(conn, "resp"u8, out _);
        Assert.Equal("resp", ReadText(p, client));
        Assert.Equal(Errno.EPIPE, p.Write(client, "x"u8, out _));
    }

    [Fact]
    public void Close_OfPeer_GivesEofAfterBufferedData()
    {
        var (_, p) = NewProcess();
        var server = Listen(p, 3002);
        var client = Connect(p, 3002);
        p.Accept(server, false, out var conn);
        p.Write(conn, "bye"u8, out _);
        p.Close(conn);
        Assert.Equal("bye", ReadText(p, client));
        Assert.Equal("", ReadText(p, client));
    }

    [Fact]
    public void Write_WhenPeerBufferFull_NonBlockingGivesEAGAIN()
    {
        var (_, p) = NewProcess();
        var server = Listen(p, 3003);
        p.Socket(true, out var client);
        Assert.Equal(Errno.SUCCESS, p.Connect(client, "127.0.0.1", 3003));
        var chunk = new byte[8192];
        var total = 0;
        Errno e;
        while ((e = p.Write(client, chunk, out var n)) == Errno.SUCCESS) total += n;
        Assert.Equal(Errno.EAGAIN, e);
        Assert.Equal(65536, total);
        p.Accept(server, false, out var conn);
        Assert.True((GetPoll(p, client) & PollEvents.POLLOUT) == 0);
        p.Read(conn, new byte[8192], out _);
        Assert.True((GetPoll(p, client) & PollEvents.POLLOUT) != 0);
    }

    [Fact]
    public void Accept_Blocking_WakesWhenAClientConnects()
    {
        var (_, p) = NewProcess();
        var server = Listen(p, 3004);
        var accepted = KernelTestHelpers.OnThread(() => p.Accept(server, false, out _));
        Thread.Sleep(50);
        Assert.False(accepted.IsCompleted);
        var other = p.Kernel.AddProcess();
        Connect(other, 3004);
        Assert.Equal(Errno.SUCCESS, accepted.Result);
    }

    [Fact]
    public void Accept_Blocking_WakesOnSignal()
    {
        var (kernel, p) = NewProcess();
        p.SetDisposition(Signal.SIGUSR1, SignalDisposition.Catch, out _);
        var server = Listen(p, 3005);
        var accepted = KernelTestHelpers.OnThread(() => p.Accept(server, false, out _));
        Thread.Sleep(50);
        kernel.Kill(null, p.Pid, (int)Signal.SIGUSR1);
        Assert.True(accepted.Wait(5000));
        Assert.Equal(Errno.EINTR, accepted.Result);
    }

    [Fact]
    public void Listen_Backlog_RefusesBeyondIt()
    {
        var (_, p) = NewProcess();
        Listen(p, 3006, backlog: 1);
        Connect(p, 3006);
        p.Socket(false, out var extra);
        Assert.Equal(Errno.ECONNREFUSED, p.Connect(extra, "127.0.0.1", 3006));
    }

    [Fact]
    public void Listeners_ReportsPortHostAndPid_UntilClosed()
    {
        var (kernel, p) = NewProcess();
        var fd = Listen(p, 8080);
        var l = Assert.Single(kernel.Sockets.Listeners());
        Assert.Equal(new SecureExec.Testing.Kernel.Sockets.ListenerInfo("127.0.0.1", 8080, p.Pid), l);
        p.Close(fd);
        Assert.Empty(kernel.Sockets.Listeners());
    }

    [Fact]
    public void Connect_NonVmAddress_DeniedByDefault()
    {
        var (_, p) = NewProcess();
        p.Socket(false, out var fd);
        Assert.Equal(Errno.EACCES, p.Connect(fd, "1.2.3.4", 80));
        Assert.Contains("NetworkEgress", p.LastDenial);
    }

    [Fact]
    public void Connect_AllowedHostOnly_OthersDenied()
    {
        var (_, p) = NewProcess(new KernelPermissions { NetworkEgress = true, AllowedHosts = ["example.test"] });
        p.Socket(false, out var fd);
        Assert.Equal(Errno.EACCES, p.Connect(fd, "10.1.2.3", 80));
        Assert.Contains("AllowedHosts", p.LastDenial);
    }

    [Fact]
    public async Task Connect_EgressAllowed_ReachesHostListener()
    {
        using var host = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        host.Start();
        var port = ((System.Net.IPEndPoint)host.LocalEndpoint).Port;
        var (_, p) = NewProcess(new KernelPermissions { NetworkEgress = true });
        var serve = Task.Run(async () =>
        {
            using var c = await host.AcceptTcpClientAsync();
            var s = c.GetStream();
            var buf = new byte[4];
            await s.ReadExactlyAsync(buf);
            await s.WriteAsync(Encoding.ASCII.GetBytes("got " + Encoding.ASCII.GetString(buf)));
        });
        p.Socket(false, out var fd);
        // 127.0.0.1 is the VM itself; reach the host's loopback by its name through egress.
        Assert.Equal(Errno.SUCCESS, HostConnectVia(p, fd, port));
        p.Write(fd, "abcd"u8, out _);
        await serve;
        var text = "";
        for (var i = 0; i < 10 && text.Length < 8; i++) text += ReadText(p, fd);
        Assert.Equal("got abcd", text);
    }

    private static Errno HostConnectVia(KernelProcess p, int fd, int port)
    {
        p.Fds.Acquire(fd, out var d);
        try { return HostConnection.Connect(p, (StreamSocket)d, "127.0.0.1", port, false, 65536); }
        finally { d.Release(); }
    }

    [Fact]
    public void CreatePair_BytesBothWays_ClosingOneGivesThePeerEof()
    {
        var (kernel, p) = NewProcess();
        var (a, b) = StreamSocket.CreatePair(kernel.Sockets, 65536);
        p.Fds.Allocate(a, false, out var fa);
        p.Fds.Allocate(b, false, out var fb);
        p.Write(fa, "ping"u8, out _);
        Assert.Equal("ping", ReadText(p, fb));
        p.Write(fb, "pong"u8, out _);
        Assert.Equal("pong", ReadText(p, fa));
        Assert.Empty(kernel.Sockets.Listeners());
        p.Close(fa);
        Assert.Equal("", ReadText(p, fb));
        Assert.Equal(Errno.EPIPE, p.Write(fb, "x"u8, out _));
    }

    [Fact]
    public void TryWrite_WhenPeerBufferFull_GivesEAGAINOnABlockingSocket()
    {
        var (kernel, p) = NewProcess();
        var (a, b) = StreamSocket.CreatePair(kernel.Sockets, 65536);
        p.Fds.Allocate(a, false, out var fa);
        p.Fds.Allocate(b, false, out var fb);
        var total = 0;
        Errno e;
        while ((e = p.TryWrite(fa, new byte[8192], out var n)) == Errno.SUCCESS) total += n;
        Assert.Equal(Errno.EAGAIN, e); // a blocking Write would wait here (what node's write watchers rely on)
        Assert.Equal(65536, total);
        p.Read(fb, new byte[8192], out _);
        Assert.Equal(Errno.SUCCESS, p.TryWrite(fa, new byte[100], out _));
    }

    private static PollEvents GetPoll(KernelProcess p, int fd)
    {
        p.Fds.Acquire(fd, out var d);
        try { return d.Poll(); }
        finally { d.Release(); }
    }
}
