using SecureExec.Testing;
using SecureExec.Testing.Xunit;
using Xunit;

public class PipelineTests
{
    [SandboxFact]
    public async Task Sorts_in_the_guest_shell(NodeRuntime runtime) =>
        Assert.Equal("a\nb\n", (await runtime.ExecCommandAsync("sh", ["-c", "printf 'b\\na\\n' | sort"])).ShouldSucceed().Stdout);

    [SandboxTheory]
    [InlineData("hello", 5)]
    [InlineData("", 0)]
    public async Task Counts_bytes(string text, int bytes, NodeRuntime runtime = null!) =>
        Assert.Equal($"{bytes}\n", (await runtime.ExecCommandAsync("wc", ["-c"], new ExecOptions { Stdin = text })).ShouldSucceed().Stdout);

    [SandboxFact]
    public async Task Guest_commands_come_from_the_package(NodeRuntime runtime)
    {
        Assert.StartsWith(AppContext.BaseDirectory, runtime.CommandsDirectory + "/", StringComparison.Ordinal);
        var r = await runtime.ExecAsync("import { execFileSync } from 'node:child_process'; console.log(execFileSync('node', ['--version'], { encoding: 'utf8' }).trim())");
        Assert.Equal("v22.0.0\n", r.ShouldSucceed().Stdout);
    }

    [SandboxTests("js/*.test.mjs")]
    public void Js() { }
}
