namespace SecureExec.Testing.Tests.Drivers.Wasm;

/// <summary>The real guest commands (sh, coreutils from artifacts/commands) through the public API.</summary>
public class ShellPipelineTests
{
    private static Task<NodeRuntime> CreateAsync() => NodeRuntime.CreateAsync(new NodeRuntimeOptions
    {
        CommandsDir = Path.Combine(WasmTestPrograms.RepoRoot, "artifacts", "commands"),
    });

    [Fact]
    public async Task Pipeline_FilesAndStatus_WorkInsideTheVm()
    {
        await using var runtime = await CreateAsync();
        var result = await runtime.ExecCommandAsync("sh", ["-c", "cd /tmp && echo one > f && echo two >> f && cat f | cat; ls /tmp; exit 4"]);
        Assert.Equal("", result.Stderr);
        Assert.Equal("one\ntwo\nf\n", result.Stdout);
        Assert.Equal(4, result.ExitCode);
    }

    [Fact]
    public async Task StdinBytes_ReachCat_Unchanged()
    {
        await using var runtime = await CreateAsync();
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        var result = await runtime.ExecCommandAsync("cat", [], new ExecOptions { StdinBytes = bytes });
        Assert.Equal(bytes, result.StdoutBytes);
    }
}
