using System.Runtime.InteropServices;
using SecureExec.Testing;

namespace SecureExec.Bench;

/// <summary>Idle runtime memory: the host's RSS and managed heap with N live runtimes (each used once), minus before.</summary>
internal sealed record MemoryMeasurement(int Runtimes, double RssMbPerRuntime, double ManagedMbPerRuntime);

internal static class IdleMemory
{
    public static async Task<MemoryMeasurement> MeasureAsync(int count)
    {
        await using (var warm = await NodeRuntime.CreateAsync()) await warm.ExecAsync("console.log(1)"); // JIT, statics, pools
        var (rss0, managed0) = Snapshot();
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
            await Task.Delay(200);
            var (rss1, managed1) = Snapshot();
            return new MemoryMeasurement(count, (rss1 - rss0) / 1048576.0 / count, (managed1 - managed0) / 1048576.0 / count);
        }
        finally
        {
            foreach (var rt in runtimes) await rt.DisposeAsync();
        }
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
