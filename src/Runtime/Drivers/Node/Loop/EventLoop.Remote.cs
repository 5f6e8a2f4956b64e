namespace SecureExec.Testing.Drivers.Node.Loop;

/// <summary>Events from other threads of the same kernel process (worker_threads: a message arrived on a port, a
/// worker came online or exited), and the handles that keep the loop alive for them (a started port, a worker).</summary>
internal sealed partial class EventLoop
{
    private readonly Queue<(int Id, int Value)> _remote = new(); // guarded by _wake
    private readonly HashSet<int> _externalRefs = [];            // process thread only

    /// <summary>Queues dispatch(Read, id, value) for the loop's thread and wakes it. Safe from any thread.</summary>
    public void Deliver(int id, int value)
    {
        lock (_wake)
        {
            _remote.Enqueue((id, value));
            _woken = true;
            Monitor.PulseAll(_wake);
        }
    }

    /// <summary>A worker's loop: caught signals are the main thread's, so a pending one must not make this loop spin.</summary>
    public bool LeavesSignalsToMainThread { get; set; }

    /// <summary>Wakes the loop's wait without an event (a worker was told to terminate). Safe from any thread.</summary>
    public void Interrupt() => Wake();

    public List<(int Id, int Value)> TakeDelivered()
    {
        lock (_wake)
        {
            var list = new List<(int, int)>(_remote);
            _remote.Clear();
            return list;
        }
    }

    /// <summary>Whether handle <paramref name="id"/> keeps the loop alive (uv_ref/uv_unref of a port or worker).</summary>
    public void SetExternalRef(int id, bool value)
    {
        if (value) _externalRefs.Add(id);
        else _externalRefs.Remove(id);
    }
}
