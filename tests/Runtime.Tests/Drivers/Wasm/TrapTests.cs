namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class TrapTests
{
    [Theory]
    [InlineData("unreachable", 134)] // SIGABRT
    [InlineData("abort", 134)]
    [InlineData("oob", 139)]         // SIGSEGV
    public async Task Trap_EndsOnlyThatProcess_WithSignalStatusAndMessage(string kind, int expected)
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var result = await runtime.ExecCommandAsync("trap", [kind]);

        Assert.Equal(expected, result.ExitCode);
        Assert.Contains("about to trap: " + kind, result.Stderr);
        Assert.Contains("trap: wasm trap: ", result.Stderr);

        // The VM carries on.
        var after = await runtime.ExecCommandAsync("exit_code", ["5"]);
        Assert.Equal(5, after.ExitCode);
    }
}
