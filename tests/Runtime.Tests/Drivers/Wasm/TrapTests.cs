namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class TrapTests
{
    [Theory]
    [InlineData("unreachable", 134, "wasm `unreachable` instruction executed")] // SIGABRT
    [InlineData("abort", 134, "wasm `unreachable` instruction executed")]
    [InlineData("oob", 139, "out of bounds memory access")]                    // SIGSEGV
    public async Task Trap_EndsOnlyThatProcess_WithSignalStatusAndMessage(string kind, int expected, string reason)
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var result = await runtime.ExecCommandAsync("trap", [kind]);

        Assert.Equal(expected, result.ExitCode);
        Assert.Contains("about to trap: " + kind, result.Stderr);
        Assert.EndsWith("trap: wasm trap: " + reason + "\n", result.Stderr);

        // The VM carries on.
        var after = await runtime.ExecCommandAsync("exit_code", ["5"]);
        Assert.Equal(5, after.ExitCode);
    }
}
