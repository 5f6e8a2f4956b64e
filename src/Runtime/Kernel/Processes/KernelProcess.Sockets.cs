using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Sockets;

namespace SecureExec.Testing.Kernel.Processes;

/// <summary>Socket system calls (socket, bind, listen, accept, connect, shutdown, getsockname, getpeername).</summary>
internal sealed partial class KernelProcess
{
    /// <summary>socket(AF_INET, SOCK_STREAM): a new unbound stream socket.</summary>
    public Errno Socket(bool nonBlocking, out int fd)
    {
        var socket = new StreamSocket(Kernel.Sockets, OpenFlags.O_RDWR | (nonBlocking ? OpenFlags.O_NONBLOCK : 0));
        var e = Fds.Allocate(socket, true, out fd);
        if (e != Errno.SUCCESS) socket.Release();
        return e;
    }

    public Errno Bind(int fd, string host, int port) => WithSocket(fd, s =>
    {
        if (!SocketTable.IsLocal(host)) return Errno.EADDRNOTAVAIL; // the VM has only its loopback interface
        return s.Bind(host, port);
    });

    public Errno Listen(int fd, int backlog) => WithSocket(fd, s => s.Listen(backlog, Pid));

    /// <summary>accept4(2) with SOCK_CLOEXEC; <paramref name="nonBlocking"/> = SOCK_NONBLOCK for the new fd.</summary>
    public Errno Accept(int fd, bool nonBlocking, out int newFd)
    {
        var result = -1;
        var e = WithSocket(fd, s =>
        {
            var a = s.Accept(this, out var connection);
            if (a != Errno.SUCCESS) return a;
            if (nonBlocking) connection!.Flags |= OpenFlags.O_NONBLOCK;
            a = Fds.Allocate(connection!, true, out result);
            if (a != Errno.SUCCESS) connection!.Release();
            return a;
        });
        newFd = result;
        return e;
    }

    /// <summary>
    /// connect(2). A VM address connects through the kernel's socket table; any other address is egress: EACCES
    /// (reason in <see cref="LastDenial"/>) unless the permissions allow it, then a host connection.
    /// </summary>
    public Errno Connect(int fd, string host, int port, bool tls = false) => WithSocket(fd, s =>
    {
        if (SocketTable.IsLocal(host) && !tls) return s.Connect(host, port, Kernel.Limits.PipeCapacity);
        var denial = EgressPolicy.Check(Kernel.Permissions, host);
        if (denial is not null)
        {
            LastDenial = denial;
            return Errno.EACCES;
        }
        return HostConnection.Connect(this, s, host, port, tls, Kernel.Limits.PipeCapacity);
    });

    public Errno Shutdown(int fd, int how) => WithSocket(fd, s => s.Shutdown(how));

    public Errno GetSockName(int fd, out string host, out int port)
    {
        var (h, p) = ("", 0);
        var e = WithSocket(fd, s =>
        {
            (h, p) = (s.LocalHost, s.LocalPort);
            return Errno.SUCCESS;
        });
        (host, port) = (h, p);
        return e;
    }

    public Errno GetPeerName(int fd, out string host, out int port)
    {
        var (h, p) = ("", 0);
        var e = WithSocket(fd, s =>
        {
            if (!s.IsConnected) return Errno.ENOTCONN;
            (h, p) = (s.PeerHost, s.PeerPort);
            return Errno.SUCCESS;
        });
        (host, port) = (h, p);
        return e;
    }

    private Errno WithSocket(int fd, Func<StreamSocket, Errno> action)
    {
        if (Fds.Acquire(fd, out var d) != Errno.SUCCESS) return Errno.EBADF;
        try
        {
            return d is StreamSocket s ? action(s) : Errno.ENOTSOCK;
        }
        finally
        {
            d.Release();
        }
    }
}
