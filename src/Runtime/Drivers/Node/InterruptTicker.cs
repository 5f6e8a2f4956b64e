using System.Collections.Concurrent;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// How a fatal signal stops a live Node process's V8 engine, even in <c>while (true) {}</c> (blocking kernel waits
/// wake by themselves): the kernel calls <see cref="NodeInstance.Interrupt"/> the moment the signal arrives, and one
/// host thread re-interrupts every 10 ms each engine a fatal signal has hit, for an engine that was between scripts
/// when the first interrupt came. A dedicated thread, not a thread-pool timer: a busy pool delayed kills by 100s of ms.
/// </summary>
internal static class InterruptTicker
{
    private const int PeriodMs = 10;
    private const int IdleMs = 2000;
    private static readonly ConcurrentDictionary<NodeInstance, Action> s_instances = new();
    private static readonly object s_lock = new();
    private static Thread? s_thread; // guarded by s_lock; runs while any instance is registered

    public static void Register(NodeInstance instance)
    {
        Action wake = instance.Interrupt;
        s_instances[instance] = wake;
        instance.Process.AddFatalSignalListener(wake);
        lock (s_lock)
        {
            if (s_thread is not null) return;
            s_thread = new Thread(Run) { IsBackground = true, Name = "secure-exec V8 interrupts" };
            s_thread.Start();
        }
    }

    public static void Unregister(NodeInstance instance)
    {
        if (s_instances.TryRemove(instance, out var wake)) instance.Process.RemoveFatalSignalListener(wake);
    }

    private static void Run()
    {
        var idleTicks = 0;
        while (true)
        {
            Thread.Sleep(PeriodMs);
            lock (s_lock)
            {
                // Lingers a while without instances: starting a thread per process cost a warm exec ~0.2 ms.
                idleTicks = s_instances.IsEmpty ? idleTicks + 1 : 0;
                if (idleTicks * PeriodMs >= IdleMs)
                {
                    s_thread = null;
                    return;
                }
            }
            foreach (var instance in s_instances.Keys)
            {
                try
                {
                    if (instance.Process.FatalSignal is not null) instance.Interrupt();
                }
                catch (Exception)
                {
                    // the engine is being disposed; the next tick retries (a host thread must never throw)
                }
            }
        }
    }
}
