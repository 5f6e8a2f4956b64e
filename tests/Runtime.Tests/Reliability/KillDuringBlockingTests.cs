using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Tests.Reliability;

/// <summary>
/// Issue 13, "kill during every blocking operation": a guest asleep in a pipe read or write, waitpid, sleep, a
/// socket wait or a synchronous child is killed every way the API offers; it ends with the right status and the
/// host gets back every thread, fd, V8 engine and Wasmtime store; the VM's process table holds no zombie.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class KillDuringBlockingTests
{
    /// <summary>Long enough for a loaded machine to start node and reach the wait.</summary>
    private static readonly TimeSpan GuestTimeout = TimeSpan.FromSeconds(2);

    public static TheoryData<string, KillMode> Cases()
    {
        var data = new TheoryData<string, KillMode>();
        foreach (var a in BlockingActivity.All)
            foreach (var mode in Enum.GetValues<KillMode>())
                if (!(a.NeedsOpenStdin && mode is KillMode.ExecTimeout or KillMode.Cancel))
                    data.Add(a.Name, mode);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Kill_DuringBlockingWait_EndsWithStatusAndLeavesNothing(string activityName, KillMode mode)
    {
        var activity = BlockingActivity.All.Single(a => a.Name == activityName);
        await HostResources.WarmUpAsync();
        var baseline = HostResources.Measure();
        using var gate = new ManualResetEventSlim(false);
        Action<ReadOnlyMemory<byte>>? onStdout = activity.GatesStdout ? _ => gate.Wait(TimeSpan.FromSeconds(30)) : null;
        var stderr = new System.Text.StringBuilder();
        var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            OnStderr = c =>
            {
                lock (stderr) stderr.Append(System.Text.Encoding.UTF8.GetString(c.Span));
            },
        });
        try
        {
            if (mode is KillMode.ExecTimeout or KillMode.Cancel)
                await ExecAndEnd(rt, activity, mode, onStdout, gate);
            else
                await SpawnAndEnd(rt, activity, mode, onStdout, gate);
        }
        finally
        {
            gate.Set();
            await rt.DisposeAsync();
        }
        lock (stderr) Assert.DoesNotContain("internal error", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, rt.Kernel.LiveThreadCount);
        Assert.Equal([1], rt.Kernel.Processes.All.Select(p => p.Pid));
        await HostResources.AssertBackToAsync(baseline);
    }

    private static async Task SpawnAndEnd(NodeRuntime rt, BlockingActivity activity, KillMode mode, Action<ReadOnlyMemory<byte>>? onStdout, ManualResetEventSlim gate)
    {
        Func<Task<int>> wait;
        Action<Signal> kill;
        int pid;
        if (activity.Js is { } js)
        {
            var p = await rt.SpawnAsync(js, new SpawnOptions { OnStdout = onStdout });
            (pid, wait, kill) = (p.Pid, () => p.WaitAsync(), s => p.Kill(s));
        }
        else
        {
            var p = await rt.SpawnCommandAsync(activity.Argv[0], activity.Argv[1..], new ExecOptions { OnStdout = onStdout });
            (pid, wait, kill) = (p.Pid, () => p.WaitAsync(), s => p.Kill(s));
        }
        var process = rt.Kernel.Processes.Get(pid) ?? throw new InvalidOperationException($"pid {pid} is not in the table");
        await WaitUntilBlocked(rt, () => process.ExitStatus is not null);
        switch (mode)
        {
            case KillMode.Kill:
                kill(Signal.SIGTERM);
                Assert.Equal(143, (await process.Exited.WaitAsync(TimeSpan.FromSeconds(10))).ShellStatus);
                await AssertNoZombies(rt);
                break;
            case KillMode.KillSigkill:
                kill(Signal.SIGKILL);
                Assert.Equal(137, (await process.Exited.WaitAsync(TimeSpan.FromSeconds(10))).ShellStatus);
                await AssertNoZombies(rt);
                break;
            case KillMode.Dispose:
                var disposing = rt.DisposeAsync().AsTask();
                gate.Set();
                await disposing.WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Equal(137, await wait().WaitAsync(TimeSpan.FromSeconds(10)));
                await AssertOnlyInit(rt);
                break;
        }
    }

    private static async Task ExecAndEnd(NodeRuntime rt, BlockingActivity activity, KillMode mode, Action<ReadOnlyMemory<byte>>? onStdout, ManualResetEventSlim gate)
    {
        using var cts = new CancellationTokenSource();
        var options = new ExecOptions { OnStdout = onStdout, Timeout = mode == KillMode.ExecTimeout ? GuestTimeout : null };
        var exec = activity.Js is { } js
            ? rt.ExecAsync(js, options, cts.Token)
            : rt.ExecCommandAsync(activity.Argv[0], activity.Argv[1..], options, cts.Token);
        await WaitUntilBlocked(rt, () => exec.IsCompleted ? throw new InvalidOperationException("the guest ended before it blocked: " + Ended(exec)) : false);
        if (mode == KillMode.Cancel)
        {
            cts.Cancel();
            gate.Set();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exec.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        else
        {
            gate.Set();
            var r = await exec.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(r.TimedOut);
            Assert.Equal(137, r.ExitCode);
        }
        await AssertOnlyInit(rt);
    }

    private static string Ended(Task<ExecResult> exec) =>
        exec.IsCompletedSuccessfully ? $"exit {exec.Result.ExitCode}, timed out {exec.Result.TimedOut}, stderr {exec.Result.Stderr}" : exec.Exception?.ToString() ?? "cancelled";

    /// <summary>Waits until every live guest process sleeps in a kernel wait (seen twice, 20 ms apart).</summary>
    private static async Task WaitUntilBlocked(NodeRuntime rt, Func<bool> endedEarly)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var seen = 0;
        while (seen < 2)
        {
            Assert.False(endedEarly(), "the guest ended before it blocked");
            Assert.True(DateTime.UtcNow < deadline, "the guest never blocked: " + Describe(rt));
            var live = rt.Kernel.Processes.All.Where(p => p.Pid != 1 && p.ExitStatus is null).ToList();
            seen = live.Count > 0 && live.All(p => p.IsBlocked) ? seen + 1 : 0;
            await Task.Delay(20);
        }
    }

    /// <summary>A killed process's children live on as orphans of init (as on Linux), but nothing stays a zombie.</summary>
    private static async Task AssertNoZombies(NodeRuntime rt)
    {
        await Poll(() => rt.Kernel.Processes.All.All(p => p.State != ProcessState.Zombie), () => "zombies left: " + Describe(rt));
        Assert.All(rt.Kernel.Processes.All.Where(p => p.Pid != 1), p => Assert.Equal(1, p.ParentPid));
    }

    private static Task AssertOnlyInit(NodeRuntime rt) =>
        Poll(() => rt.Kernel.Processes.All.Count == 1, () => "processes left: " + Describe(rt));

    private static async Task Poll(Func<bool> condition, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(20);
        }
    }

    private static string Describe(NodeRuntime rt) =>
        string.Join("; ", rt.Kernel.Processes.All.Select(p => $"{p} ppid {p.ParentPid} {p.State}{(p.IsBlocked ? " blocked" : "")}"));
}
