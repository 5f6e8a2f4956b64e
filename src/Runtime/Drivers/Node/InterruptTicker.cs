using System.Collections.Concurrent;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// One timer for every live Node process in the host: every 10 ms it interrupts the V8 engine of each process a
/// fatal signal has hit, so a kill stops even <c>while (true) {}</c> (blocking kernel waits wake by themselves).
/// </summary>
internal static class InterruptTicker
{
    private static readonly ConcurrentDictionary<NodeInstance, byte> s_instances = new();
    private static readonly Timer s_timer = new(_ => Tick(), null, Timeout.Infinite, Timeout.Infinite);

    public static void Register(NodeInstance instance)
    {
        lock (s_timer)
        {
            s_instances[instance] = 0;
            s_timer.Change(10, 10);
        }
    }

    public static void Unregister(NodeInstance instance)
    {
        lock (s_timer)
        {
            s_instances.TryRemove(instance, out _);
            if (s_instances.IsEmpty) s_timer.Change(Timeout.Infinite, Timeout.Infinite);
        }
    }

    private static void Tick()
    {
        foreach (var instance in s_instances.Keys)
        {
            try
            {
                if (instance.Process.FatalSignal is not null) instance.Interrupt();
            }
            catch (Exception)
            {
                // a timer thread must never throw (it would end the host process); the next tick retries
            }
        }
    }
}
