namespace SecureExec.Testing.Drivers.Node.Workers;

/// <summary>
/// The worker_threads state of one kernel process, shared by its main thread and every worker: the message ports,
/// the live workers and the thread ids. Created by the main thread's <see cref="NodeInstance"/> on first use.
/// </summary>
internal sealed class WorkerHub
{
    /// <summary>How long an ending thread waits for each of its workers to stop after terminating them.</summary>
    private static readonly TimeSpan s_joinTimeout = TimeSpan.FromSeconds(10);

    private readonly object _lock = new(); // guards _workers and _nextThreadId
    private readonly Dictionary<int, WorkerThread> _workers = [];
    private int _nextThreadId;

    public MessagePorts Ports { get; } = new();
    public BroadcastChannels Broadcasts { get; } = new();

    public WorkerThread Start(NodeInstance parent, int callback, WorkerStartInfo start)
    {
        WorkerThread worker;
        lock (_lock)
        {
            worker = new WorkerThread(this, parent, ++_nextThreadId, callback, start);
            _workers[worker.ThreadId] = worker;
        }
        worker.Start();
        return worker;
    }

    /// <summary>A worker started by <paramref name="parent"/>, or null.</summary>
    public WorkerThread? Find(NodeInstance parent, int threadId)
    {
        lock (_lock) return _workers.TryGetValue(threadId, out var w) && w.Parent == parent ? w : null;
    }

    /// <summary>Whether <paramref name="callback"/> is the handle of a running worker started by <paramref name="parent"/>.</summary>
    public bool IsWorkerHandle(NodeInstance parent, int callback)
    {
        lock (_lock) return _workers.Values.Any(w => w.Parent == parent && w.Callback == callback);
    }

    public void Forget(WorkerThread worker)
    {
        lock (_lock) _workers.Remove(worker.ThreadId);
    }

    /// <summary>An isolate (the main thread or a worker) is ending: its workers are terminated and joined, its ports close.</summary>
    public void OnInstanceDisposed(NodeInstance instance)
    {
        List<WorkerThread> children;
        lock (_lock) children = _workers.Values.Where(w => w.Parent == instance).ToList();
        foreach (var w in children) w.Terminate();
        foreach (var w in children) w.Join(s_joinTimeout);
        Ports.CloseOwnedBy(instance);
        Broadcasts.CloseOwnedBy(instance);
    }
}
