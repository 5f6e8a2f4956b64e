using SecureExec.Testing.Drivers.Node;
using SecureExec.Testing.Drivers.Wasm;

namespace SecureExec.Testing.Tests.Reliability;

/// <summary>
/// What the host process holds that a guest could leak: OS threads (all, and the runtime's own, whose names start
/// with "secure-exec"), open fds, V8 engines taken by node processes, Wasmtime stores, and resident memory.
/// </summary>
internal sealed record HostResources(int Threads, int RuntimeThreads, int Fds, int Engines, int Stores, long RssBytes)
{
    /// <summary>Memory the GC has committed (live objects plus free space it keeps for reuse at its own discretion).</summary>
    public long GcCommittedBytes { get; init; }

    /// <summary>Live managed objects (after a full collection when measured by <see cref="Settled"/>).</summary>
    public long ManagedBytes { get; init; }

    /// <summary>Resident memory outside the GC heap: V8 isolates, Wasmtime stores, native allocations.</summary>
    public long NativeBytes => RssBytes - GcCommittedBytes;

    /// <summary>What each fd points at, when measured (for the failure message).</summary>
    public IReadOnlyList<string> FdTargets { get; init; } = [];

    private bool PrintMembers(System.Text.StringBuilder b)
    {
        b.Append($"Threads = {Threads}, RuntimeThreads = {RuntimeThreads}, Fds = {Fds}, Engines = {Engines}, Stores = {Stores}, RssMB = {RssBytes >> 20}, NativeMB = {NativeBytes >> 20}, ManagedMB = {ManagedBytes >> 20}");
        return true;
    }

    /// <summary>Threads the thread pool, the GC or the test runner may add or retire on their own.</summary>
    public const int ThreadTolerance = 6;
    public const int FdTolerance = 4;

    private static readonly Lazy<Task> s_warm = new(WarmUp);

    /// <summary>Once per host process: loads what lives as long as the host (compiled modules, V8's platform,
    /// the engine pool, the thread pool's first threads) so a baseline taken afterwards counts only leaks.</summary>
    public static Task WarmUpAsync() => s_warm.Value;

    private static async Task WarmUp()
    {
        for (var i = 0; i < 2; i++)
        {
            await using var rt = await NodeRuntime.CreateAsync();
            (await rt.ExecAsync("import net from 'node:net'; import { execFileSync } from 'node:child_process'; console.log(execFileSync('sh', ['-c', 'echo hi | wc -c']) + ''); net.createServer().listen(1).close(); setTimeout(() => {}, 1);")).ThrowOnFailure();
            (await rt.ExecCommandAsync("sh", ["-c", "echo hi | cat | wc -c; sleep 0; yes | head -1"])).ThrowOnFailure();
        }
    }

    public static HostResources Measure()
    {
        var names = ThreadNames();
        return new HostResources(
            names.Count,
            names.Count(n => n.StartsWith("secure-exec", StringComparison.Ordinal) && !IsSharedThread(n)),
            Directory.GetFiles("/proc/self/fd").Length,
            EnginePool.InUse,
            WasmDriver.LiveStores,
            RssKilobytes() * 1024)
        {
            FdTargets = FdTargetList(),
            GcCommittedBytes = GC.GetGCMemoryInfo().TotalCommittedBytes,
            ManagedBytes = GC.GetTotalMemory(forceFullCollection: false),
        };
    }

    /// <summary>
    /// Measures after full collections and after asking the C allocator to return its free pages (glibc's
    /// malloc_trim), so memory counts what is still held rather than what the GC or malloc keep for later.
    /// </summary>
    public static HostResources Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        try
        {
            MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // not glibc: RSS then includes malloc's free pages
        }
        return Measure();
    }

    private static List<string> FdTargetList()
    {
        var list = new List<string>();
        foreach (var fd in Directory.GetFiles("/proc/self/fd"))
        {
            try
            {
                list.Add(new FileInfo(fd).LinkTarget ?? "?");
            }
            catch (IOException)
            {
                // closed while listing
            }
        }
        return list;
    }

    /// <summary>Host-wide helpers that live on their own schedule (the engine pool filler, the wasm epoch ticker).</summary>
    private static bool IsSharedThread(string name) => name.StartsWith("secure-exec V8", StringComparison.Ordinal) || name.StartsWith("secure-exec was", StringComparison.Ordinal);

    /// <summary>Linux thread names (comm, at most 15 bytes; .NET sets them from Thread.Name).</summary>
    public static List<string> ThreadNames()
    {
        var names = new List<string>();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                names.Add(File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n'));
            }
            catch (IOException)
            {
                // the thread ended while listing
            }
        }
        return names;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    public static long RssKilobytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        throw new InvalidOperationException("no VmRSS in /proc/self/status");
    }

    /// <summary>
    /// Polls (up to <paramref name="within"/>) until the counts are back at <paramref name="baseline"/>: no runtime
    /// thread, engine or store more than before, threads and fds within the tolerance. Fails with both snapshots.
    /// </summary>
    public static async Task<HostResources> AssertBackToAsync(HostResources baseline, TimeSpan? within = null, int threadTolerance = ThreadTolerance)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var now = Measure();
            var ok = now.RuntimeThreads <= baseline.RuntimeThreads && now.Engines <= baseline.Engines && now.Stores <= baseline.Stores
                && now.Threads <= baseline.Threads + threadTolerance && now.Fds <= baseline.Fds + FdTolerance;
            if (ok) return now;
            if (DateTime.UtcNow > deadline)
            {
                var runtime = string.Join(", ", ThreadNames().Where(n => n.StartsWith("secure-exec", StringComparison.Ordinal)));
                var newFds = now.FdTargets.GroupBy(t => t).Select(g => (g.Key, g.Count() - baseline.FdTargets.Count(b => b == g.Key))).Where(x => x.Item2 > 0);
                Assert.Fail($"host resources not back to baseline.\n before: {baseline}\n after:  {now}\n runtime threads now: [{runtime}]\n" +
                    $" new fds: [{string.Join(", ", newFds.Select(x => $"{x.Key} x{x.Item2}"))}]");
            }
            await Task.Delay(50);
        }
    }
}
