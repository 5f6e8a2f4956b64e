using NUnit.Framework;
using SecureExec.Testing;
using SecureExec.Testing.NUnit;

public class PipelineTests
{
    [SandboxTest]
    public async Task Counts_in_the_guest_shell(NodeRuntime runtime) =>
        Assert.That((await runtime.ExecCommandAsync("sh", ["-c", "echo hello | wc -c"])).ShouldSucceed().Stdout, Is.EqualTo("6\n"));

    [SandboxTest]
    public async Task Runs_guest_javascript(NodeRuntime runtime)
    {
        Assert.That(runtime.CommandsDirectory, Does.StartWith(TestContext.CurrentContext.TestDirectory));
        var r = await runtime.ExecAsync("console.log([3, 1, 2].sort().join(','))");
        Assert.That(r.ShouldSucceed().Stdout, Is.EqualTo("1,2,3\n"));
    }

    [TestCaseSource(typeof(JsTestFile), nameof(JsTestFile.Find), new object[] { "js/*.test.mjs" })]
    public Task Js(JsTestFile file) => file.RunAsync();
}
