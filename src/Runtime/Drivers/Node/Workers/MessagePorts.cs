using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Node.Workers;

/// <summary>
/// The entangled MessagePort pairs of one kernel process (HTML's message ports; Node's MessagePort). A port belongs to
/// one isolate (its owner <see cref="NodeInstance"/>) at a time; only the owner may post, receive, start or close it.
/// A port sent in a transfer list has no owner until the receiving isolate takes the message. Messages are bytes in
/// V8's serialization format, written and read by the guests; the host only moves them.
/// </summary>
internal sealed class MessagePorts
{
    /// <summary>What the owner's loop is told: dispatch(Read, callback, value).</summary>
    public const int MessageReady = 0;
    public const int Closed = 1;

    private readonly object _lock = new(); // guards everything below
    private readonly Dictionary<int, Port> _ports = [];
    private int _nextId;

    private sealed class Port(int id)
    {
        public int Id { get; } = id;
        public Port Peer = null!;
        public readonly Queue<Message> Queue = new();
        public NodeInstance? Owner;
        public int Callback;      // the owner's JS handle, 0 while unbound
        public bool Started;
        public bool Closed;
        public bool CloseNotified;
    }

    /// <summary>One message: serialized bytes and the ports it transfers (they move with it).</summary>
    public sealed record Message(byte[] Data, int[] Ports);

    /// <summary>new MessageChannel(): two entangled ports owned by <paramref name="owner"/>; returns the first id
    /// (the second is id + 1).</summary>
    public int CreatePair(NodeInstance owner)
    {
        lock (_lock)
        {
            var a = new Port(++_nextId) { Owner = owner };
            var b = new Port(++_nextId) { Owner = owner };
            a.Peer = b;
            b.Peer = a;
            _ports[a.Id] = a;
            _ports[b.Id] = b;
            return a.Id;
        }
    }

    /// <summary>Hands a port to another isolate: the worker end of a new Worker's channel leaves the parent (to null,
    /// in transit) and is adopted by the worker's instance (from null).</summary>
    public Errno Give(NodeInstance? from, int id, NodeInstance? to)
    {
        lock (_lock)
        {
            if (!_ports.TryGetValue(id, out var port) || port.Owner != from) return Errno.EBADF;
            port.Owner = to;
            port.Callback = 0;
            port.Started = false;
            return Errno.SUCCESS;
        }
    }

    /// <summary>The JS object for port <paramref name="id"/> in its owner: its notifications go to <paramref name="callback"/>.</summary>
    public Errno Bind(NodeInstance owner, int id, int callback)
    {
        lock (_lock)
        {
            if (!Owned(owner, id, out var port)) return Errno.EBADF;
            port.Callback = callback;
            if (port.Closed) NotifyClose(port);
            return Errno.SUCCESS;
        }
    }

    /// <summary>port.start(): queued and future messages are announced to the owner's loop.</summary>
    public Errno Start(NodeInstance owner, int id, bool start)
    {
        lock (_lock)
        {
            if (!Owned(owner, id, out var port)) return Errno.EBADF;
            if (start && !port.Started && port.Callback != 0)
                for (var i = 0; i < port.Queue.Count; i++) owner.Loop.Deliver(port.Callback, MessageReady);
            port.Started = start;
            return Errno.SUCCESS;
        }
    }

    /// <summary>postMessage: queues <paramref name="data"/> on the peer; the ports in <paramref name="transfer"/> (owned
    /// by the sender, not this port or its peer) leave the sender. A closed channel drops the message (like Node).</summary>
    public Errno Post(NodeInstance sender, int id, byte[] data, int[] transfer)
    {
        lock (_lock)
        {
            if (!Owned(sender, id, out var port)) return Errno.EBADF;
            foreach (var t in transfer)
            {
                if (t == id || t == port.Peer.Id || !Owned(sender, t, out _)) return Errno.EINVAL;
            }
            if (transfer.Distinct().Count() != transfer.Length) return Errno.EINVAL;
            foreach (var t in transfer)
            {
                var moved = _ports[t];
                moved.Owner = null;
                moved.Callback = 0;
                moved.Started = false;
            }
            if (port.Closed)
            {
                foreach (var t in transfer) Close(_ports[t]);
                return Errno.SUCCESS;
            }
            var peer = port.Peer;
            peer.Queue.Enqueue(new Message(data, transfer));
            if (peer.Started && peer.Callback != 0 && peer.Owner is { } owner) owner.Loop.Deliver(peer.Callback, MessageReady);
            return Errno.SUCCESS;
        }
    }

    /// <summary>Takes the next message of an owned port (receiveMessageOnPort or a 'message' event); the ports it
    /// carries now belong to <paramref name="owner"/>. Null when the queue is empty.</summary>
    public Errno Receive(NodeInstance owner, int id, out Message? message)
    {
        message = null;
        lock (_lock)
        {
            if (!Owned(owner, id, out var port)) return Errno.EBADF;
            if (!port.Queue.TryDequeue(out message)) return Errno.SUCCESS;
            foreach (var t in message.Ports)
                if (_ports.TryGetValue(t, out var moved)) moved.Owner = owner;
            return Errno.SUCCESS;
        }
    }

    /// <summary>port.close(): both ends close; each owner is told once (its 'close' event).</summary>
    public Errno Close(NodeInstance owner, int id)
    {
        lock (_lock)
        {
            if (!Owned(owner, id, out var port)) return Errno.EBADF;
            Close(port);
            return Errno.SUCCESS;
        }
    }

    /// <summary>An isolate ended: its ports close (their peers see 'close'), in-flight ports it never received too.</summary>
    public void CloseOwnedBy(NodeInstance owner)
    {
        lock (_lock)
        {
            foreach (var port in _ports.Values.Where(p => p.Owner == owner).ToList())
            {
                Close(port);
                port.Owner = null;
                foreach (var m in port.Queue)
                    foreach (var t in m.Ports)
                        if (_ports.TryGetValue(t, out var carried)) Close(carried);
                port.Queue.Clear();
            }
            // forget pairs nobody can reach any more
            foreach (var port in _ports.Values.Where(p => p.Closed && p.Owner is null && p.Peer.Owner is null && p.Queue.Count == 0).ToList())
                _ports.Remove(port.Id);
        }
    }

    private void Close(Port port)
    {
        foreach (var p in new[] { port, port.Peer })
        {
            if (p.Closed && p.CloseNotified) continue;
            p.Closed = true;
            NotifyClose(p);
        }
    }

    private static void NotifyClose(Port p)
    {
        if (p.CloseNotified || p.Callback == 0 || p.Owner is null) return;
        p.CloseNotified = true;
        p.Owner.Loop.Deliver(p.Callback, Closed);
    }

    public bool IsOwned(NodeInstance owner, int id)
    {
        lock (_lock) return Owned(owner, id, out _);
    }

    /// <summary>Whether <paramref name="callback"/> is the JS handle of a port <paramref name="owner"/> holds.</summary>
    public bool IsBound(NodeInstance owner, int callback)
    {
        lock (_lock) return callback != 0 && _ports.Values.Any(p => p.Owner == owner && p.Callback == callback);
    }

    private bool Owned(NodeInstance owner, int id, out Port port) =>
        _ports.TryGetValue(id, out port!) && port.Owner == owner;
}
