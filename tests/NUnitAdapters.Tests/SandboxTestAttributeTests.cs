using SecureExec.Testing.Adapters.Tests;

namespace SecureExec.Testing.NUnit.Tests;

[Collection(NUnitSampleCollection.Name)]
public class SandboxTestAttributeTests(NUnitSampleFixture sample)
{
    private SampleRun Run => sample.Run;

    [Fact]
    public void SandboxTest_ShellPipeline_PassesWithSetUpAndOutput()
    {
        var r = Run.Single("Shell_pipeline_passes");
        Assert.Equal("Passed", r.Outcome);
        Assert.Contains("guest-says-hello", r.StdOut);
        Assert.Contains("teardown-sees-runtime=True", r.StdOut);
    }

    [Fact]
    public void SandboxTest_NodeExec_PassesAndContextIsTheParameter() => Assert.Equal("Passed", Run.Single("Node_exec_passes").Outcome);

    [Fact]
    public void ShouldSucceed_GuestFails_MessageHasExitCodeAndStderrTail()
    {
        var r = Run.Single("Guest_failure_fails");
        Assert.Equal("Failed", r.Outcome);
        Assert.Contains("exited with code 3", r.Message);
        Assert.Contains("boom-in-stderr", r.Message);
    }

    [Fact]
    public void SandboxTest_Ignore_IsSkipped() => Assert.Equal("NotExecuted", Run.Single("Ignored").Outcome);

    [Fact]
    public void SandboxTest_Explicit_DoesNotRun() => Assert.DoesNotContain(Run.Results, r => r.Name.EndsWith("Explicit_not_run", StringComparison.Ordinal) && r.Outcome is "Passed" or "Failed");

    [Fact]
    public void SandboxTest_Category_SelectsWithFilter()
    {
        Assert.Equal("Passed", Run.Single("Categorized").Outcome);
        var filtered = Assert.Single(sample.Filtered.Results);
        Assert.Equal(("Categorized", "Passed"), (filtered.Name, filtered.Outcome));
    }

    [Fact]
    public void SandboxTest_Retry_FreshRuntimePerAttempt() => Assert.Equal("Passed", Run.Single("Retry_gets_a_fresh_runtime_per_attempt").Outcome);

    [Fact]
    public void SandboxTest_EnvMountCwd_Apply() => Assert.Equal("Passed", Run.Single("Env_mount_and_cwd_apply").Outcome);

    [Fact]
    public void SandboxTest_TestCaseAndSource_RunWithRuntime()
    {
        Assert.Equal("Passed", Run.Single("Counts(\"a\",1)").Outcome);
        Assert.Equal("Passed", Run.Single("Counts(\"hello\",5)").Outcome);
        Assert.Equal("Passed", Run.Single("Source_uses_context(0)").Outcome);
        Assert.Equal("Passed", Run.Single("Source_uses_context(7)").Outcome);
    }

    [Fact]
    public void SandboxTest_Parallel_RuntimesAreIsolated()
    {
        var rows = Run.Where("Parallel_runtimes_are_isolated(");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("Passed", r.Outcome));
    }

    [Theory]
    [InlineData("Misconfigured_extra_parameter", "add [TestCase(...)] or [TestCaseSource(...)]")]
    [InlineData("Missing_mount", "host folder 'no-such-folder' not found")]
    [InlineData("Both_fixture_and_runtime", "shares a runtime through [SandboxFixture]")]
    public void Discovery_Misuse_FailsWithOneLineFix(string test, string fix)
    {
        var r = Run.Single(test);
        Assert.Equal("Failed", r.Outcome);
        Assert.Contains(fix, r.Message);
    }

    [Fact]
    public void SandboxTest_NothingLeftInResults() =>
        Assert.DoesNotContain(Run.Results, r => r.Name.Contains("NodeRuntime", StringComparison.Ordinal) || r.Name.Contains("Missing", StringComparison.Ordinal) && !r.Name.EndsWith("Missing_mount", StringComparison.Ordinal));
}

[Collection(NUnitSampleCollection.Name)]
public class SandboxFixtureAttributeTests(NUnitSampleFixture sample)
{
    [Fact]
    public void SandboxFixture_ResetAsync_FreshFileSystemPerTestAndOutputRouted()
    {
        foreach (var name in new[] { "Shared_reset_a", "Shared_reset_b" })
        {
            var r = sample.Run.Single(name);
            Assert.Equal("Passed", r.Outcome);
            Assert.Contains("shared-output", r.StdOut);
        }
    }
}

[Collection(NUnitSampleCollection.Name)]
public class JsTestFileTests(NUnitSampleFixture sample)
{
    [Fact]
    public void JsTestFile_EachFile_IsATestCaseWithItsOutcome()
    {
        Assert.Equal("Passed", sample.Run.Single("Js(pass.test.mjs)").Outcome);
        Assert.Contains("js pass ran", sample.Run.Single("Js(pass.test.mjs)").StdOut);
        Assert.Equal("Passed", sample.Run.Single("Js(sub/imports.test.mjs)").Outcome);
        Assert.Equal("NotExecuted", sample.Run.Single("Js(skipped.test.mjs)").Outcome);
        var fail = sample.Run.Single("Js(fail.test.mjs)");
        Assert.Equal("Failed", fail.Outcome);
        Assert.Contains("exited with code 4", fail.Message);
        Assert.Contains("js-boom is coming", fail.Message);
    }

    [Fact]
    public void JsTestFile_NodeTestFile_EachTestIsACase()
    {
        var adds = sample.Run.Single("Js(units.test.mjs > adds)");
        Assert.Equal("Passed", adds.Outcome);
        Assert.Contains("adds ran after 1 beforeEach", adds.StdOut); // only the selected test ran
        Assert.Equal("Passed", sample.Run.Single("Js(units.test.mjs > math > multiplies)").Outcome);
        var wrong = sample.Run.Single("Js(units.test.mjs > math > divides wrongly)");
        Assert.Equal("Failed", wrong.Outcome);
        Assert.Contains("2 !== 3", wrong.Message);
        Assert.Contains("units.test.mjs:15", wrong.Message);
        Assert.Equal("NotExecuted", sample.Run.Single("Js(units.test.mjs > later)").Outcome);
        Assert.Empty(sample.Run.Where("Js(units.test.mjs)"));
    }
}
