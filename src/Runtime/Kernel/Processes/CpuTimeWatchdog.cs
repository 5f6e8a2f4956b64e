using System.Collections.Concurrent;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Processes;

/// <summary>
/// RLIMIT_CPU for every process of every VM with <see cref="KernelLimits.CpuTimePerProcess"/>: one timer (50 ms,
/// running only while such a process lives) reads each process thread's CPU clock; at the limit the process gets
/// SIGXCPU, one CPU second later SIGKILL (Linux's soft and hard limits).
/// </summary>
internal static class CpuTimeWatchdog
{
    private const int PeriodMs = 50;
    private static readonly TimeSpan s_hardExtra = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<KernelProcess, ThreadCpuClock> s_watched = new();
    private static readonly Timer s_timer = new(_ => Tick(), null, Timeout.Infinite, Timeout.Infinite);

    /// <summary>Called on the process thread when it starts.</summary>
    public static void Watch(KernelProcess process)
    {
        lock (s_timer)
        {
            s_watched[process] = ThreadCpuClock.ForCurrentThread();
            if (s_watched.Count == 1) s_timer.Change(PeriodMs, PeriodMs);
        }
    }

    /// <summary>Called on the process thread when it ends.</summary>
    public static void Unwatch(KernelProcess process)
    {
        lock (s_timer)
        {
            s_watched.TryRemove(process, out _);
            if (s_watched.IsEmpty) s_timer.Change(Timeout.Infinite, Timeout.Infinite);
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
