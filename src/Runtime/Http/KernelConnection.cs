using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Sockets;

namespace SecureExec.Testing.Http;

/// <summary>
/// The host's end of a kernel loopback connection: a non-blocking <see cref="StreamSocket"/> whose reads and
/// writes await readiness (never blocking a thread), so cancellation simply stops waiting.
/// </summary>
internal sealed class KernelConnection : IDisposable
{
    private readonly StreamSocket _socket;
    private readonly SemaphoreSlim _ready = new(0);
    private readonly IDisposable _subscription;

    private KernelConnection(StreamSocket socket)
    {
        _socket = socket;
        _subscription = socket.Events.Subscribe(() =>
        {
            if (_ready.CurrentCount == 0) _ready.Release();
        });
    }

    /// <summary>Connects to a guest listener on <paramref name="port"/>; ECONNREFUSED becomes an HttpRequestException.</summary>
    public static KernelConnection Open(VirtualKernel kernel, int port)
    {
        var socket = new StreamSocket(kernel.Sockets, OpenFlags.O_RDWR | OpenFlags.O_NONBLOCK);
        var e = socket.Connect("127.0.0.1", port, kernel.Limits.PipeCapacity);
        if (e != Errno.SUCCESS)
        {
            socket.Release();
            var listening = kernel.Sockets.Listeners();
            throw new HttpRequestException($"connect {e} 127.0.0.1:{port}: no guest process listens on port {port} in the VM; listening now: " +
                (listening.Count == 0 ? "none" : string.Join(", ", listening.Select(l => $"{l.Host}:{l.Port} (pid {l.Pid})"))));
        }
        return new KernelConnection(socket);
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        while (data.Length > 0)
        {
            var e = _socket.Write(null, data.Span, out var n);
            if (e == Errno.EAGAIN)
            {
                await _ready.WaitAsync(ct).ConfigureAwait(false);
                continue;
            }
            if (e != Errno.SUCCESS) throw new HttpRequestException($"write to the guest connection failed: {e} ({e.Message()})");
            data = data[n..];
        }
    }

    /// <summary>Reads what is available (waiting for at least one byte); 0 at EOF.</summary>
    public async Task<int> ReadAsync(Memory<byte> buffer, CancellationToken ct)
    {
        while (true)
        {
            var e = _socket.Read(null, buffer.Span, out var n);
            if (e == Errno.EAGAIN)
            {
                await _ready.WaitAsync(ct).ConfigureAwait(false);
                continue;
            }
            if (e != Errno.SUCCESS) throw new HttpRequestException($"read from the guest connection failed: {e} ({e.Message()})");
            return n;
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _socket.Release();
        _ready.Dispose();
    }
}
