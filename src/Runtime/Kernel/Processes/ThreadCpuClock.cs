using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SecureExec.Testing.Kernel.Processes;

/// <summary>
/// The CPU time of one OS thread, readable from any thread: Linux's per-thread CPU clock
/// (pthread_getcpuclockid + clock_gettime). Elsewhere it falls back to wall time since creation.
/// </summary>
internal sealed partial class ThreadCpuClock
{
    private readonly int _clockId;
    private readonly long _startTicks = Stopwatch.GetTimestamp();
    private readonly bool _native;
    private readonly TimeSpan _base; // the thread's CPU time when the clock was taken (threads are reused)

    private ThreadCpuClock(int clockId, bool native)
    {
        _clockId = clockId;
        _native = native;
        _base = Elapsed;
    }

    /// <summary>The clock of the calling thread.</summary>
    public static ThreadCpuClock ForCurrentThread()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (pthread_getcpuclockid(pthread_self(), out var id) == 0) return new ThreadCpuClock(id, native: true);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
            }
        }
        return new ThreadCpuClock(0, native: false);
    }

    /// <summary>CPU time the thread has used since the clock was taken (while it lives).</summary>
    public TimeSpan Elapsed
    {
        get
        {
            if (_native && clock_gettime(_clockId, out var ts) == 0)
                return TimeSpan.FromTicks(ts.Seconds * TimeSpan.TicksPerSecond + ts.Nanoseconds / 100) - _base;
            return Stopwatch.GetElapsedTime(_startTicks);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc")]
    private static partial nuint pthread_self();

    [LibraryImport("libc")]
    private static partial int pthread_getcpuclockid(nuint thread, out int clockId);

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clockId, out Timespec ts);
}
