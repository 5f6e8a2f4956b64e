namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class ExitCodeTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("42", 42)]
    [InlineData("255", 255)]
    [InlineData("256", 0)]
    public async Task Exit_Code_IsTheShellStatus(string code, int expected)
    {
        var result = await WasmTestPrograms.RunAsync("exit_code", code);
        Assert.Equal(expected, result.ExitCode);
    }

    [Theory]
    [InlineData(15, 143)] // SIGTERM
    [InlineData(9, 137)]  // SIGKILL
    public async Task Raise_FatalSignal_Is128PlusSignal(int signal, int expected)
    {
        var result = await WasmTestPrograms.RunAsync("exit_code", "raise", signal.ToString());
        Assert.Equal(expected, result.ExitCode);
    }

    [Fact]
    public async Task UnknownCommand_Is127_WithMessage()
    {
        var result = await WasmTestPrograms.RunAsync("no-such-program");
        Assert.Equal(127, result.ExitCode);
        Assert.Contains("no-such-program: command not found", result.Stderr);
    }
}
