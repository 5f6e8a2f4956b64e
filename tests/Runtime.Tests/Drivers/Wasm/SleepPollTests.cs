using System.Diagnostics;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class SleepPollTests
{
    [Fact]
    public async Task Nanosleep_SleepsAtLeastTheTime()
    {
        var result = await WasmTestPrograms.RunAsync("sleep_poll", "150");
        Assert.Equal("sleeping 150\nslept r=0 elapsed_ok=1\n", result.Stdout);
    }

    [Fact]
    public async Task Kill_WakesASleepingGuest()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var started = new TaskCompletionSource();
        var process = await runtime.SpawnCommandAsync("sleep_poll", ["60000"], new ExecOptions { OnStdout = _ => started.TrySetResult() });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var clock = Stopwatch.StartNew();
        process.Kill(Signal.SIGTERM);
        var status = await process.WaitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(143, status);
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
    }
}
