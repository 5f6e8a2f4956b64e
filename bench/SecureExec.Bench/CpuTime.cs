using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SecureExec.Bench;

/// <summary>
/// CPU time (user + system) of a workload, which a loaded machine inflates far less than wall time: for the guest the
/// growth of this host process's CPU time (every thread: the guest's, V8's, the GC's), for a host child process the
/// growth of getrusage(RUSAGE_CHILDREN) once it has been waited for.
/// </summary>
internal static partial class CpuTime
{
    public static double ProcessMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    public static double ChildrenMs()
    {
        if (GetRusage(-1 /* RUSAGE_CHILDREN */, out var u) != 0) throw new InvalidOperationException("getrusage failed");
        return (u.UserSec + u.SysSec) * 1000.0 + (u.UserUsec + u.SysUsec) / 1000.0;
    }

    /// <summary>A Scenario sampler: <paramref name="run"/> measured by <paramref name="clock"/> instead of wall time.</summary>
    public static Func<int, int, Task<List<double>>> Sampler(Func<Task> run, Func<double> clock) => async (warmup, iterations) =>
    {
        for (var i = 0; i < warmup; i++) await run();
        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var before = clock();
            await run();
            samples.Add(clock() - before);
        }
        return samples;
    };

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSec, UserUsec, SysSec, SysUsec;
        private readonly long _maxrss, _ixrss, _idrss, _isrss, _minflt, _majflt, _nswap, _inblock, _oublock, _msgsnd, _msgrcv, _nsignals, _nvcsw, _nivcsw;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out RUsage usage);
}
