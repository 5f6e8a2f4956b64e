using System.Text;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>The public JS entry points of NodeRuntime, including the seed document's example.</summary>
public sealed class NodeRuntimeTests
{
    [Fact]
    public async Task ExecAsync_SeedExample_ShellAndNodeChildren()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var r = await rt.ExecAsync("""
            import { execFileSync } from "node:child_process";
            const shellOut = execFileSync("sh", ["-c", "echo hello from a child process"], { encoding: "utf8" });
            console.log("sh output:", shellOut.trim());
            const nodeVersion = execFileSync("node", ["--version"], { encoding: "utf8" });
            console.log("child node version:", nodeVersion.trim());
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("sh output: hello from a child process\nchild node version: v22.0.0\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public async Task ExecAsync_ErrorAndExitCode_Reported()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var r = await rt.ExecAsync("console.log('x'); process.exitCode = 3;");
        Assert.Equal(3, r.ExitCode);
        r = await rt.ExecAsync("throw new Error('bad')");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Error: bad", r.Stderr);
    }

    [Fact]
    public async Task RunAsync_DefaultExport_IsHandedBack()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var r = await rt.RunAsync<Dictionary<string, int>>("console.log('hi'); export default await Promise.resolve({ a: 1, b: 2 });");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("hi\n", r.Stdout);
        Assert.Equal(2, r.Value!["b"]);
    }

    [Fact]
    public async Task SpawnAsync_StdinAndKill_Work()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var output = new StringBuilder();
        await using var proc = await rt.SpawnAsync("""
            process.stdin.on("data", (chunk) => { process.stdout.write("got: " + chunk.toString()); });
            """, new SpawnOptions { OnStdout = (c) => { lock (output) output.Append(Encoding.UTF8.GetString(c.Span)); } });
        await proc.WriteStdinAsync("hello\n");
        proc.CloseStdin();
        Assert.Equal(0, await proc.WaitAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("got: hello\n", output.ToString());

        await using var ticker = await rt.SpawnAsync("setInterval(() => console.log('tick'), 20)");
        await Task.Delay(100);
        ticker.Kill();
        Assert.Equal(128 + (int)Signal.SIGTERM, await ticker.WaitAsync().WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Shell_CanRunGuestNode()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var r = await rt.ExecCommandAsync("sh", ["-c", "node -e 'console.log(40 + 2)' | cat"]);
        Assert.Equal("42\n", r.Stdout);
    }
}
