using System.Collections.Concurrent;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Processes;

/// <summary>
/// RLIMIT_CPU for every process of every VM with <see cref="KernelLimits.CpuTimePerProcess"/>: one thread (20 ms,
/// running only while such a process lives) reads each process thread's CPU clock; at the limit the process gets
/// SIGXCPU, one CPU second later SIGKILL (Linux's soft and hard limits).
/// </summary>
internal static class CpuTimeWatchdog
{
    // A dedicated thread (not a thread-pool timer, which a busy pool delays) checks every 20 ms, so a guest overshoots
    // its limit by about that plus the driver's stop latency (measured: 5–50 ms; tests allow 100 ms).
    private const int PeriodMs = 20;
    private static readonly TimeSpan s_hardExtra = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<KernelProcess, ThreadCpuClock> s_watched = new();
    private static readonly object s_lock = new();
    private static Thread? s_thread; // guarded by s_lock; runs while any process is watched

    /// <summary>Called on the process thread when it starts.</summary>
    public static void Watch(KernelProcess process)
    {
        lock (s_lock)
        {
            s_watched[process] = ThreadCpuClock.ForCurrentThread();
            if (s_thread is not null) return;
            s_thread = new Thread(Run) { IsBackground = true, Name = "secure-exec cpu watchdog" };
            s_thread.Start();
        }
    }

    /// <summary>Called on the process thread when it ends; records the CPU time it used.</summary>
    public static void Unwatch(KernelProcess process)
    {
        if (s_watched.TryRemove(process, out var clock)) process.CpuTimeUsed = clock.Elapsed;
    }

    private static void Run()
    {
        while (true)
        {
            Thread.Sleep(PeriodMs);
            lock (s_lock)
            {
                if (s_watched.IsEmpty)
                {
                    s_thread = null;
                    return;
                }
            }
            Tick();
        }
    }

    private static void Tick()
    {
        foreach (var (process, clock) in s_watched)
        {
            if (process.Kernel.Limits.CpuTimePerProcess is not { } limit) continue;
            var used = clock.Elapsed;
            if (used < limit) continue;
            if (!process.CpuLimitExceeded)
            {
                process.CpuLimitExceeded = true;
                process.Deliver(Signal.SIGXCPU);
            }
            else if (used >= limit + s_hardExtra)
            {
                process.Deliver(Signal.SIGKILL);
            }
        }
    }
}
