using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Node.Workers;

/// <summary>
/// BroadcastChannel across the isolates of one kernel process: every open channel object of a name receives what the
/// other objects of that name post (never its own messages). Each member belongs to one isolate, which alone may use it.
/// </summary>
internal sealed class BroadcastChannels
{
    /// <summary>Most open channel objects per process (each holds a queue).</summary>
    private const int MaxMembers = 4096;

    private readonly object _lock = new(); // guards everything below
    private readonly Dictionary<int, Member> _members = [];
    private int _nextId;

    private sealed class Member(int id, string name, NodeInstance owner, int callback)
    {
        public int Id { get; } = id;
        public string Name { get; } = name;
        public NodeInstance Owner { get; } = owner;
        public int Callback { get; } = callback;
        public readonly Queue<byte[]> Queue = new();
    }

    /// <summary>new BroadcastChannel(name): a member whose messages are announced with dispatch(Read, callback, 0).</summary>
    public int Join(NodeInstance owner, string name, int callback)
    {
        lock (_lock)
        {
            if (_members.Count >= MaxMembers) return -(int)Errno.EMFILE;
            var m = new Member(++_nextId, name, owner, callback);
            _members[m.Id] = m;
            return m.Id;
        }
    }

    public Errno Post(NodeInstance owner, int id, byte[] data)
    {
        lock (_lock)
        {
            if (!Owned(owner, id, out var from)) return Errno.EBADF;
            foreach (var m in _members.Values)
            {
                if (m == from || m.Name != from.Name) continue;
                m.Queue.Enqueue(data);
                m.Owner.Loop.Deliver(m.Callback, MessagePorts.MessageReady);
            }
            return Errno.SUCCESS;
        }
    }

    public Errno Receive(NodeInstance owner, int id, out byte[]? data)
    {
        data = null;
        lock (_lock)
        {
            if (!Owned(owner, id, out var m)) return Errno.EBADF;
            m.Queue.TryDequeue(out data);
            return Errno.SUCCESS;
        }
    }

    public Errno Close(NodeInstance owner, int id)
    {
        lock (_lock)
        {
            if (!Owned(owner, id, out _)) return Errno.EBADF;
            _members.Remove(id);
            return Errno.SUCCESS;
        }
    }

    public bool IsBound(NodeInstance owner, int callback)
    {
        lock (_lock) return _members.Values.Any(m => m.Owner == owner && m.Callback == callback);
    }

    public void CloseOwnedBy(NodeInstance owner)
    {
        lock (_lock)
            foreach (var id in _members.Values.Where(m => m.Owner == owner).Select(m => m.Id).ToList()) _members.Remove(id);
    }

    private bool Owned(NodeInstance owner, int id, out Member member) =>
        _members.TryGetValue(id, out member!) && member.Owner == owner;
}
