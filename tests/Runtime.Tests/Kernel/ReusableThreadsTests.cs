using System.Diagnostics;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Tests.Kernel;

/// <summary>Process and pump threads are reused; nothing of one work item may carry over to the next.</summary>
public sealed class ReusableThreadsTests
{
    // A stack size no other code uses, so parallel tests cannot take these threads.
    private const int Stack = (8 << 20) + 4096 * 7;

    [Fact]
    public void AFinishedThread_RunsTheNextItem_UnderItsName()
    {
        var first = Run("first");
        var second = Run("second");
        Assert.Equal(first.ThreadId, second.ThreadId);
        Assert.Equal("first", first.Name);
        Assert.Equal("second", second.Name);
    }

    [Fact]
    public void AThreadCpuClock_StartsAtZero_OnAThreadThatWorkedBefore()
    {
        TimeSpan elapsed = default;
        Run("burn", () => Burn(TimeSpan.FromMilliseconds(60)));
        Run("measure", () => elapsed = ThreadCpuClock.ForCurrentThread().Elapsed);
        Assert.True(elapsed < TimeSpan.FromMilliseconds(30), $"a new clock read {elapsed.TotalMilliseconds} ms");
    }

    private static (int ThreadId, string? Name) Run(string name, Action? work = null)
    {
        using var done = new ManualResetEventSlim();
        (int, string?) seen = default;
        ReusableThreads.Start(name, Stack, () =>
        {
            work?.Invoke();
            seen = (Environment.CurrentManagedThreadId, Thread.CurrentThread.Name);
            done.Set();
        });
        Assert.True(done.Wait(TimeSpan.FromSeconds(10)));
        // the thread parks only after the item returns
        var deadline = Stopwatch.StartNew();
        while (ReusableThreads.IdleCount(Stack) == 0 && deadline.ElapsedMilliseconds < 5000) Thread.Sleep(1);
        return seen;
    }

    private static void Burn(TimeSpan cpu)
    {
        var clock = ThreadCpuClock.ForCurrentThread();
        while (clock.Elapsed < cpu) { }
    }
}
