using SecureExec.Testing;
using SecureExec.Testing.Xunit;
using Xunit;
using Xunit.Abstractions;

namespace XunitSample;

public class SampleTests
{
    [SandboxFact]
    public async Task Shell_pipeline_passes(NodeRuntime runtime)
    {
        var result = await runtime.ExecCommandAsync("sh", ["-c", "printf 'b\\na\\n' | sort; echo guest-says-hello"]);
        Assert.Equal("a\nb\nguest-says-hello\n", result.ShouldSucceed().Stdout);
    }

    [SandboxFact]
    public async Task Node_exec_passes(NodeRuntime runtime)
    {
        var result = await runtime.ExecAsync("console.log('node-says-' + (40 + 2))");
        Assert.Equal("node-says-42\n", result.ShouldSucceed().Stdout);
    }

    [SandboxFact]
    public async Task Guest_failure_fails(NodeRuntime runtime) =>
        (await runtime.ExecCommandAsync("sh", ["-c", "echo first-line >&2; echo boom-in-stderr >&2; exit 3"])).ShouldSucceed();

    [SandboxFact(Skip = "skipped on purpose")]
    public Task Skipped(NodeRuntime runtime) => Task.CompletedTask;

    [SandboxFact(Env = ["GREETING=hi"], Mounts = ["data:/data"], Cwd = "/work")]
    public async Task Env_mount_and_cwd_apply(NodeRuntime runtime)
    {
        var result = await runtime.ExecCommandAsync("sh", ["-c", "echo $GREETING; cat /data/greeting.txt; pwd"]);
        Assert.Equal("hi\nfrom the host\n/work\n", result.ShouldSucceed().Stdout);
    }

    [SandboxFact(Configuration = typeof(SeededConfiguration))]
    public async Task Configuration_class_seeds(NodeRuntime runtime)
    {
        var result = await runtime.ExecCommandAsync("cat", ["/root/seed.txt"]);
        Assert.Equal("seeded\n", result.ShouldSucceed().Stdout);
    }

    [SandboxTheory]
    [InlineData("a", 1)]
    [InlineData("hello", 5)]
    public async Task Theory_counts_bytes(string text, int expected, NodeRuntime runtime = null!) // optional: no xUnit1009
    {
        var result = await runtime.ExecCommandAsync("wc", ["-c"], new ExecOptions { Stdin = text });
        Assert.Equal(expected, int.Parse(result.ShouldSucceed().Stdout.Trim()));
    }

#pragma warning disable xUnit1009, xUnit1010 // the runtime comes first; rows give the rest
    [SandboxTheory]
    [InlineData(0)]
    [InlineData(7)]
    public async Task Theory_runtime_first(NodeRuntime runtime, int code)
    {
        var result = await runtime.ExecCommandAsync("sh", ["-c", $"exit {code}"]);
        Assert.Equal(code, result.ExitCode);
    }
#pragma warning restore xUnit1009, xUnit1010

    [SandboxFact(Timeout = 3000)]
    public async Task Timeout_kills_the_guest(NodeRuntime runtime) =>
        await runtime.ExecCommandAsync("sh", ["-c", "sleep 60"]);

    [SandboxFact]
    public async Task Fresh_runtime_per_test_a(NodeRuntime runtime) => await FreshAsync(runtime);

    [SandboxFact]
    public async Task Fresh_runtime_per_test_b(NodeRuntime runtime) => await FreshAsync(runtime);

    private static async Task FreshAsync(NodeRuntime runtime)
    {
        var result = await runtime.ExecCommandAsync("sh", ["-c", "test ! -e /tmp/marker && echo x > /tmp/marker"]);
        result.ShouldSucceed("/tmp/marker must not exist in a fresh runtime");
    }

    [SandboxTests("js/**/*.test.mjs")]
    public void Js() { }
}

public sealed class SeededConfiguration : ISandboxConfiguration
{
    public async Task InitializeAsync(NodeRuntime runtime) =>
        (await runtime.ExecCommandAsync("sh", ["-c", "echo seeded > /root/seed.txt"])).ShouldSucceed();
}

public class MisconfiguredTests
{
    [SandboxFact]
    public Task No_runtime_parameter() => Task.CompletedTask;

    [SandboxFact]
    public Task Extra_parameter(NodeRuntime runtime, int count) => Task.CompletedTask;

    [SandboxFact(Mounts = ["no-such-folder:/data"])]
    public Task Missing_mount(NodeRuntime runtime) => Task.CompletedTask;

    [SandboxFact(Configuration = typeof(string))]
    public Task Bad_configuration(NodeRuntime runtime) => Task.CompletedTask;
}

public class FixtureAndRuntimeTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [SandboxFact]
    public Task Both_fixture_and_runtime(NodeRuntime runtime) => Task.FromResult(fixture);
}

public class SharedFixtureTests(SandboxFixture fixture, ITestOutputHelper output) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    private IDisposable? _output;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _output = fixture.UseOutput(output);
    }

    public Task DisposeAsync()
    {
        _output?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Shared_reset_a() => await CheckAsync();

    [Fact]
    public async Task Shared_reset_b() => await CheckAsync();

    private async Task CheckAsync()
    {
        var result = await fixture.Runtime.ExecCommandAsync("sh", ["-c", "test ! -e /tmp/shared && echo x > /tmp/shared && echo shared-output"]);
        Assert.Equal("shared-output\n", result.ShouldSucceed("ResetAsync gives a fresh file system").Stdout);
    }
}
