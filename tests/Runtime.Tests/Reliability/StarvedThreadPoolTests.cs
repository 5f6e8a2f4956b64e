using System.Diagnostics;

namespace SecureExec.Testing.Tests.Reliability;

/// <summary>
/// Limits and kills must not depend on the .NET thread pool: a test suite or build that blocks its pool threads
/// (sync-over-async, many parallel tests) must still see a busy guest stopped on time. Before the kernel woke V8
/// directly, a thread-pool timer did it, and a CI run saw 966 ms of CPU used under a 400 ms limit.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class StarvedThreadPoolTests
{
    [Fact]
    public async Task CpuLimit_WhileEveryPoolThreadIsBlocked_StopsBusyNodeGuestWithinLimitPlus100ms()
    {
        var limit = TimeSpan.FromMilliseconds(300);
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { CpuTimePerProcess = limit } });
        await using var p = await rt.SpawnCommandAsync("node", ["-e", "while (true) {}"], new ExecOptions { Timeout = TimeSpan.FromSeconds(60) });
        var used = WithThreadPoolBlocked(() =>
        {
            var clock = Stopwatch.StartNew();
            while (p.CpuTimeUsed is null && clock.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(10); // this thread is not a pool thread
            return p.CpuTimeUsed;
        });
        Assert.Equal(128 + 24, await p.WaitAsync()); // SIGXCPU
        Assert.NotNull(used);
        Assert.True(used <= limit + TimeSpan.FromMilliseconds(100), $"node used {used.Value.TotalMilliseconds:0} ms of CPU for a {limit.TotalMilliseconds:0} ms limit");
    }

    /// <summary>ClearScript samples the heap on thread-pool timers: with the pool blocked, a fast allocator under a 64 MiB
    /// limit ran into V8's own 1.4 GB limit, which aborted the whole test host.</summary>
    [Fact]
    public async Task HeapLimit_WhileEveryPoolThreadIsBlocked_EndsOnlyTheGuest()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { JsHeapBytes = 64L << 20 } });
        await using var p = await rt.SpawnCommandAsync("node", ["-e", "const a = []; for (;;) a.push(new Array(100000).fill(a.length));"],
            new ExecOptions { Timeout = TimeSpan.FromSeconds(60) });
        WithThreadPoolBlocked(() =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(7)); // V8 allocates ~300 MB/s here: past its own 1.4 GB limit
            return 0;
        });
        Assert.Equal(134, await p.WaitAsync()); // SIGABRT, Node's fatal OOM, for the guest only
        Assert.Equal("ok\n", (await rt.ExecAsync("console.log('ok')")).Stdout);
    }

    /// <summary>Runs <paramref name="body"/> while every thread-pool thread (and each one the pool adds, up to 256)
    /// waits on a gate.</summary>
    private static T WithThreadPoolBlocked<T>(Func<T> body)
    {
        var gate = new ManualResetEventSlim(false); // not disposed: queued items still run after it opens
        var blocked = 0;
        for (var i = 0; i < 256; i++)
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                Interlocked.Increment(ref blocked);
                gate.Wait(TimeSpan.FromSeconds(30));
            }, null);
        var wait = Stopwatch.StartNew();
        while (Volatile.Read(ref blocked) < Environment.ProcessorCount && wait.Elapsed < TimeSpan.FromSeconds(5)) Thread.Sleep(1);
        try
        {
            return body();
        }
        finally
        {
            gate.Set();
        }
    }
}
