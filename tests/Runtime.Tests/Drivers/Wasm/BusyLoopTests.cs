using System.Diagnostics;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class BusyLoopTests
{
    [Fact]
    public async Task Kill_StopsABusyLoop_ThroughTheEpoch()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var started = new TaskCompletionSource();
        var process = await runtime.SpawnCommandAsync("busy_loop", [], new ExecOptions { OnStdout = _ => started.TrySetResult() });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var clock = Stopwatch.StartNew();
        process.Kill(Signal.SIGKILL);
        var status = await process.WaitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(137, status);
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Timeout_KillsABusyLoop_WithSigkillStatus()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var result = await runtime.ExecCommandAsync("busy_loop", [], new ExecOptions { Timeout = TimeSpan.FromMilliseconds(300) });

        Assert.True(result.TimedOut);
        Assert.Equal(137, result.ExitCode);
        Assert.Contains("timed out", result.Stderr);
    }

    [Fact]
    public async Task Cancellation_SendsSigterm_AndThrowsOnceTheGuestEnded()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runtime.ExecCommandAsync("busy_loop", [], ct: cts.Token));
        Assert.Equal(0, runtime.Kernel.Processes.LiveCount - 1); // only init is left
    }

    [Fact]
    public async Task Dispose_KillsRunningGuests_AndLeavesNoThread()
    {
        var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var started = new TaskCompletionSource();
        var process = await runtime.SpawnCommandAsync("busy_loop", [], new ExecOptions { OnStdout = _ => started.TrySetResult() });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await runtime.DisposeAsync();

        Assert.Equal(137, process.ExitCode);
        Assert.Equal(0, runtime.Kernel.LiveThreadCount);
    }
}
