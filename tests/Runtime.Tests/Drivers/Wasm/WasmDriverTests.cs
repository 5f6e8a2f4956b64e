using SecureExec.Testing.Drivers.Wasm;

namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class WasmDriverTests
{
    [Theory]
    [InlineData("error while executing at wasm backtrace:\n    0: 0x1f - <unknown>!main\n\nCaused by:\n    wasm trap: wasm `unreachable` instruction executed",
        "wasm `unreachable` instruction executed")]
    [InlineData("error while executing at wasm backtrace:\n    0: 0x2 - f\n\nCaused by:\n    0: memory fault at wasm address 0xfffffff0 in linear memory of size 0x20000\n    1: wasm trap: out of bounds memory access",
        "out of bounds memory access")]
    [InlineData("wasm trap: integer divide by zero", "integer divide by zero")]
    public void TrapMessage_IsTheReason_WithoutTheBacktrace(string report, string expected) =>
        Assert.Equal(expected, WasmDriver.TrapMessage(report));

    [Fact]
    public void MemoryLimit_MustBePositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WasmDriver(memoryLimitBytes: 0));

    [Fact]
    public async Task SpawnCommand_Unknown_CompletesAt127_WithoutAProcess()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var stderr = new System.Text.StringBuilder();
        var process = await runtime.SpawnCommandAsync("nope", [], new ExecOptions
        {
            OnStderr = c => stderr.Append(System.Text.Encoding.UTF8.GetString(c.Span)),
        });
        Assert.Equal(0, process.Pid);
        Assert.Equal(127, await process.WaitAsync());
        Assert.Equal(127, process.ExitCode);
        Assert.Equal("secure-exec: nope: command not found\n", stderr.ToString());
    }
}
