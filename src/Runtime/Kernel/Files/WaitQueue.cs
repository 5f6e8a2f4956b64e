namespace SecureExec.Testing.Kernel.Files;

/// <summary>
/// Wakes pollers when a kernel object's readiness may have changed. A poller subscribes a callback, checks
/// readiness, and sleeps until any subscribed queue notifies (or its timeout or a signal ends the wait).
/// </summary>
internal sealed class WaitQueue
{
    private readonly List<Action> _subscribers = []; // guarded by itself

    public IDisposable Subscribe(Action onChange)
    {
        lock (_subscribers) _subscribers.Add(onChange);
        return new Subscription(this, onChange);
    }

    public void Notify()
    {
        Action[] copy;
        lock (_subscribers)
        {
            if (_subscribers.Count == 0) return;
            copy = [.. _subscribers];
        }
        foreach (var a in copy) a();
    }

    private sealed class Subscription(WaitQueue queue, Action action) : IDisposable
    {
        public void Dispose()
        {
            lock (queue._subscribers) queue._subscribers.Remove(action);
        }
    }
}
