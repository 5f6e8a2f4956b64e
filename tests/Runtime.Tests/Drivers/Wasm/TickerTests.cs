using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class TickerTests
{
    [Fact]
    public async Task Sigstop_ParksTheGuest_AndSigcont_ResumesIt()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var lines = 0;
        var process = await runtime.SpawnCommandAsync("ticker", [], new ExecOptions
        {
            OnStdout = chunk => Interlocked.Add(ref lines, chunk.Span.Count((byte)'\n')),
        });
        await WaitForAsync(() => Volatile.Read(ref lines) >= 3);

        process.Kill(Signal.SIGSTOP);
        await Task.Delay(100); // let a line in flight arrive
        var stoppedAt = Volatile.Read(ref lines);
        await Task.Delay(400);
        Assert.Equal(stoppedAt, Volatile.Read(ref lines));

        process.Kill(Signal.SIGCONT);
        await WaitForAsync(() => Volatile.Read(ref lines) > stoppedAt + 2);

        process.Kill(Signal.SIGKILL);
        Assert.Equal(137, await process.WaitAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the guest");
            await Task.Delay(10);
        }
    }
}
