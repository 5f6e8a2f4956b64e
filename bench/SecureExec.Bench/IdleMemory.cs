using System.Runtime.InteropServices;
using SecureExec.Testing;

namespace SecureExec.Bench;

/// <summary>Idle runtime memory: the host's RSS and managed heap with N live runtimes (each used once), minus before.</summary>
internal sealed record MemoryMeasurement(int Runtimes, double RssMbPerRuntime, double ManagedMbPerRuntime);

internal static class IdleMemory
{
    public static async Task<MemoryMeasurement> MeasureAsync(int count)
    {
        // Warm-up: the same cycle once (JIT, statics, pools, the allocator's arenas for this many runtimes), so that
        // the reading is the cost of the live runtimes, not of the first use of the code (the 1-runtime row went negative).
        await DisposeAll(await StartAsync(count));
        await Settle();
        var (rss0, managed0) = Snapshot();
        var runtimes = await StartAsync(count);
        try
        {
            await Settle();
            var (rss1, managed1) = Snapshot();
            return new MemoryMeasurement(count, (rss1 - rss0) / 1048576.0 / count, (managed1 - managed0) / 1048576.0 / count);
        }
        finally
        {
            await DisposeAll(runtimes);
        }
    }

    /// <summary>Time for background work to finish before a reading (the engine pool refills itself after use).</summary>
    private static Task Settle() => Task.Delay(500);

    /// <summary>Creates runtimes, each used for one console.log(1).</summary>
    private static async Task<List<NodeRuntime>> StartAsync(int count)
    {
        var runtimes = new List<NodeRuntime>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var rt = await NodeRuntime.CreateAsync();
                runtimes.Add(rt);
                var r = await rt.ExecAsync("console.log(1)");
                if (r.ExitCode != 0) throw new InvalidOperationException(r.Stderr);
            }
            return runtimes;
        }
        catch
        {
            await DisposeAll(runtimes);
            throw;
        }
    }

    private static async Task DisposeAll(List<NodeRuntime> runtimes)
    {
        foreach (var rt in runtimes) await rt.DisposeAsync();
    }

    private static (long Rss, long Managed) Snapshot()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        // Give freed native heap back to the OS before reading RSS: without it the 1-runtime reading went negative
        // (the warm-up's memory was returned after the baseline was taken).
        MallocTrim(0);
        return (ReadRss(), managed);
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    /// <summary>VmRSS from /proc/self/status (managed + native, what the OS charges the host for).</summary>
    private static long ReadRss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return Environment.WorkingSet;
    }
}
