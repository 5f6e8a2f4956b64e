using NUnit.Framework;
using SecureExec.Testing;
using SecureExec.Testing.NUnit;

namespace NUnitSample;

public class SampleTests
{
    private static int s_attempts;

    [SetUp]
    public async Task SetUp()
    {
        if (TestContext.CurrentContext.Test.MethodName is "Misconfigured_extra_parameter" or "Missing_mount") return;
        (await SandboxContext.Current.ExecCommandAsync("sh", ["-c", "echo from-setup > /tmp/setup.txt"])).ShouldSucceed();
    }

    [TearDown]
    public void TearDown() => TestContext.Out.WriteLine("teardown-sees-runtime=" + (SandboxContext.Current is not null));

    [SandboxTest]
    public async Task Shell_pipeline_passes(NodeRuntime runtime)
    {
        var result = await runtime.ExecCommandAsync("sh", ["-c", "printf 'b\\na\\n' | sort; cat /tmp/setup.txt; echo guest-says-hello"]);
        Assert.That(result.ShouldSucceed().Stdout, Is.EqualTo("a\nb\nfrom-setup\nguest-says-hello\n"));
    }

    [SandboxTest]
    public async Task Node_exec_passes(NodeRuntime runtime)
    {
        var result = await runtime.ExecAsync("console.log('node-says-' + (40 + 2))");
        Assert.That(result.ShouldSucceed().Stdout, Is.EqualTo("node-says-42\n"));
        Assert.That(SandboxContext.Current, Is.SameAs(runtime));
    }

    [SandboxTest]
    public async Task Guest_failure_fails(NodeRuntime runtime) =>
        (await runtime.ExecCommandAsync("sh", ["-c", "echo boom-in-stderr >&2; exit 3"])).ShouldSucceed();

    [SandboxTest, Ignore("ignored on purpose")]
    public Task Ignored(NodeRuntime runtime) => Task.CompletedTask;

    [SandboxTest, Explicit("explicit on purpose")]
    public Task Explicit_not_run(NodeRuntime runtime) => Task.CompletedTask;

    [SandboxTest, Category("Slow")]
    public Task Categorized(NodeRuntime runtime) => Task.CompletedTask;

    [SandboxTest, Retry(3)]
    public async Task Retry_gets_a_fresh_runtime_per_attempt(NodeRuntime runtime)
    {
        (await runtime.ExecCommandAsync("sh", ["-c", "test ! -e /tmp/attempt && echo x > /tmp/attempt"])).ShouldSucceed("fresh runtime per attempt");
        if (Interlocked.Increment(ref s_attempts) < 3) Assert.Fail("failing attempt " + s_attempts);
    }

    [SandboxTest(Env = ["GREETING=hi"], Mounts = ["data:/data"], Cwd = "/work")]
    public async Task Env_mount_and_cwd_apply(NodeRuntime runtime)
    {
        var result = await runtime.ExecCommandAsync("sh", ["-c", "echo $GREETING; cat /data/greeting.txt; pwd"]);
        Assert.That(result.ShouldSucceed().Stdout, Is.EqualTo("hi\nfrom the host\n/work\n"));
    }

    [SandboxTest]
    [TestCase("a", 1)]
    [TestCase("hello", 5)]
    public async Task Counts(string text, int expected, NodeRuntime runtime = null!)
    {
        var result = await runtime.ExecCommandAsync("wc", ["-c"], new ExecOptions { Stdin = text });
        Assert.That(int.Parse(result.ShouldSucceed().Stdout.Trim()), Is.EqualTo(expected));
    }

    private static IEnumerable<int> Codes() => [0, 7];

    [SandboxTest, Category("Param")]
    [TestCaseSource(nameof(Codes))]
    public async Task Source_uses_context(int code)
    {
        var result = await SandboxContext.Current.ExecCommandAsync("sh", ["-c", $"exit {code}"]);
        Assert.That(result.ExitCode, Is.EqualTo(code));
    }

    [SandboxTest]
    public void Misconfigured_extra_parameter(int count) { }

    [SandboxTest(Mounts = ["no-such-folder:/data"])]
    public void Missing_mount(NodeRuntime runtime) { }
}

public class JsFileTests
{
    [TestCaseSource(typeof(JsTestFile), nameof(JsTestFile.Find), new object[] { "js/**/*.test.mjs" })]
    public Task Js(JsTestFile file) => file.RunAsync();
}

[Parallelizable(ParallelScope.Children)]
public class ParallelTests
{
    [SandboxTest]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task Parallel_runtimes_are_isolated(int n, NodeRuntime runtime = null!)
    {
        var result = await runtime.ExecCommandAsync("sh", ["-c", $"test ! -e /tmp/p && echo {n} > /tmp/p && sleep 0.2 && cat /tmp/p"]);
        Assert.That(result.ShouldSucceed().Stdout, Is.EqualTo($"{n}\n"));
    }
}

[SandboxFixture]
public class SharedFixtureTests
{
    [SetUp]
    public Task SetUp() => SandboxFixtureAttribute.ResetAsync();

    [Test]
    public Task Shared_reset_a() => CheckAsync();

    [Test]
    public Task Shared_reset_b() => CheckAsync();

    private static async Task CheckAsync()
    {
        var result = await SandboxContext.Current.ExecCommandAsync("sh", ["-c", "test ! -e /tmp/shared && echo x > /tmp/shared && echo shared-output"]);
        Assert.That(result.ShouldSucceed("ResetAsync gives a fresh file system").Stdout, Is.EqualTo("shared-output\n"));
    }

    [SandboxTest]
    public Task Both_fixture_and_runtime(NodeRuntime runtime) => Task.CompletedTask;
}
