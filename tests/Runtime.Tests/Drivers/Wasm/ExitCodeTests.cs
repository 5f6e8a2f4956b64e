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

    [Fact]
    public async Task MissingWorkingDirectory_Is126_NamingIt()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var result = await runtime.ExecCommandAsync("exit_code", ["0"], new ExecOptions { Cwd = "/no/such/dir" });
        Assert.Equal(126, result.ExitCode);
        Assert.Equal("secure-exec: exit_code: cannot use /no/such/dir as the working directory: No such file or directory\n", result.Stderr);
    }
}
