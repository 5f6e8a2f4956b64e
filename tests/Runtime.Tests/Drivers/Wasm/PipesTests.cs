namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class PipesTests
{
    [Fact]
    public async Task Pipe_BetweenTwoGuestProcesses_CarriesEveryByte()
    {
        // 20000 lines ≈ 200 KB: more than the 64 KiB pipe, so the writer blocks and resumes.
        var result = await WasmTestPrograms.RunAsync("pipes", "20000");
        var bytes = Enumerable.Range(0, 20000).Sum(i => $"line {i}\n".Length);
        Assert.Equal($"read 20000 lines {bytes} bytes\nwriter exit=0 reader exit=0\n", result.Stdout);
    }

    [Fact]
    public async Task Stdin_FromTheHost_ReachesTheGuest()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var input = string.Concat(Enumerable.Range(0, 5000).Select(i => $"row {i}\n"));
        var result = await runtime.ExecCommandAsync("pipes", ["copy"], new ExecOptions { Stdin = input });
        Assert.Equal(input, result.Stdout);
    }

    [Fact]
    public async Task SpawnHandle_StreamsStdinAndStdout()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var output = new System.Text.StringBuilder();
        var process = await runtime.SpawnCommandAsync("pipes", ["copy"], new ExecOptions
        {
            OnStdout = chunk =>
            {
                lock (output) output.Append(System.Text.Encoding.UTF8.GetString(chunk.Span));
            },
        });
        await process.WriteStdinAsync("hello ");
        await process.WriteStdinAsync("world\n");
        process.CloseStdin();
        Assert.Equal(0, await process.WaitAsync());
        Assert.Equal("hello world\n", output.ToString());
        Assert.True(process.Pid > 1);
    }

    [Fact]
    public async Task FdsAboveStdio_PassedToAChild_StayValid_AndPathsStillWork()
    {
        var result = await WasmTestPrograms.RunAsync("fd_passing");
        Assert.Equal("", result.Stderr);
        Assert.Equal("parent got: via fd 3, hostname read sandbox\n", result.Stdout);
    }
}
