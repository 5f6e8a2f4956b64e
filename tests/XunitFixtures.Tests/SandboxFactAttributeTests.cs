using SecureExec.Testing.Adapters.Tests;

namespace SecureExec.Testing.Xunit.Tests;

[Collection(XunitSampleCollection.Name)]
public class SandboxFactAttributeTests(XunitSampleFixture sample)
{
    private SampleRun Run => sample.Run;

    [Fact]
    public void SandboxFact_ShellPipeline_PassesWithGuestOutputInTestOutput()
    {
        var r = Run.Single("SampleTests.Shell_pipeline_passes");
        Assert.Equal("Passed", r.Outcome);
        Assert.Contains("guest-says-hello", r.StdOut);
    }

    [Fact]
    public void SandboxFact_NodeExec_Passes()
    {
        var r = Run.Single("SampleTests.Node_exec_passes");
        Assert.Equal("Passed", r.Outcome);
        Assert.Contains("node-says-42", r.StdOut);
    }

    [Fact]
    public void ShouldSucceed_GuestFails_MessageHasExitCodeAndStderrTail()
    {
        var r = Run.Single("SampleTests.Guest_failure_fails");
        Assert.Equal("Failed", r.Outcome);
        Assert.Contains("exited with code 3", r.Message);
        Assert.Contains("boom-in-stderr", r.Message);
        Assert.Contains("[stderr] boom-in-stderr", r.StdOut);
    }

    [Fact]
    public void SandboxFact_Skip_IsSkipped() => Assert.Equal("NotExecuted", Run.Single("SampleTests.Skipped").Outcome);

    [Fact]
    public void SandboxFact_EnvMountCwd_Apply() => Assert.Equal("Passed", Run.Single("SampleTests.Env_mount_and_cwd_apply").Outcome);

    [Fact]
    public void SandboxFact_ConfigurationClass_Seeds() => Assert.Equal("Passed", Run.Single("SampleTests.Configuration_class_seeds").Outcome);

    [Fact]
    public void SandboxFact_Timeout_FailsTheTest()
    {
        var r = Run.Single("SampleTests.Timeout_kills_the_guest");
        Assert.Equal("Failed", r.Outcome);
        Assert.Contains("timed out", r.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SandboxFact_EachTest_GetsAFreshRuntime()
    {
        Assert.Equal("Passed", Run.Single("SampleTests.Fresh_runtime_per_test_a").Outcome);
        Assert.Equal("Passed", Run.Single("SampleTests.Fresh_runtime_per_test_b").Outcome);
    }

    [Fact]
    public void SandboxTheory_InlineData_OneCasePerRowWithoutTheRuntimeInTheName()
    {
        var rows = Run.Where("SampleTests.Theory_counts_bytes(");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Passed", r.Outcome));
        Assert.Contains(rows, r => r.Name.EndsWith("Theory_counts_bytes(text: \"hello\", expected: 5)", StringComparison.Ordinal));
        var first = Run.Where("SampleTests.Theory_runtime_first(");
        Assert.Equal(2, first.Count);
        Assert.All(first, r => Assert.Equal("Passed", r.Outcome));
    }

    [Theory]
    [InlineData("MisconfiguredTests.No_runtime_parameter", "add a NodeRuntime parameter")]
    [InlineData("MisconfiguredTests.Extra_parameter", "use [SandboxTheory] with [InlineData]")]
    [InlineData("MisconfiguredTests.Missing_mount", "host folder 'no-such-folder' not found")]
    [InlineData("MisconfiguredTests.Bad_configuration", "does not implement SecureExec.Testing.Xunit.ISandboxConfiguration")]
    [InlineData("FixtureAndRuntimeTests.Both_fixture_and_runtime", "shares a runtime through SandboxFixture")]
    public void Discovery_Misuse_FailsWithOneLineFix(string test, string fix)
    {
        var r = Run.Single(test);
        Assert.Equal("Failed", r.Outcome);
        Assert.Contains(fix, r.Message);
        Assert.DoesNotContain('\n', r.Message.Trim());
    }
}

[Collection(XunitSampleCollection.Name)]
public class SandboxFixtureTests(XunitSampleFixture sample)
{
    [Fact]
    public void SandboxFixture_ResetAsync_GivesEachTestAFreshFileSystemAndRoutesOutput()
    {
        foreach (var name in new[] { "SharedFixtureTests.Shared_reset_a", "SharedFixtureTests.Shared_reset_b" })
        {
            var r = sample.Run.Single(name);
            Assert.Equal("Passed", r.Outcome);
            Assert.Contains("shared-output", r.StdOut);
        }
    }
}

[Collection(XunitSampleCollection.Name)]
public class SandboxTestsAttributeTests(XunitSampleFixture sample)
{
    [Fact]
    public void SandboxTests_EachJsFile_IsATestCase()
    {
        var files = sample.Run.Where("SampleTests.Js: ").Where(f => !f.Name.Contains("units.test.mjs", StringComparison.Ordinal));
        Assert.Equal(["fail.test.mjs", "pass.test.mjs", "skipped.test.mjs", "sub/imports.test.mjs"],
            files.Select(f => f.Name[(f.Name.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SandboxTests_PassingFile_PassesWithOutput()
    {
        var r = sample.Run.Single("Js: pass.test.mjs");
        Assert.Equal("Passed", r.Outcome);
        Assert.Contains("js pass ran", r.StdOut);
        Assert.Equal("Passed", sample.Run.Single("Js: sub/imports.test.mjs").Outcome);
        Assert.Contains("cwd=/tests/sub", sample.Run.Single("Js: sub/imports.test.mjs").StdOut);
    }

    [Fact]
    public void SandboxTests_FailingFile_FailsWithExitCodeAndStderr()
    {
        var r = sample.Run.Single("Js: fail.test.mjs");
        Assert.Equal("Failed", r.Outcome);
        Assert.Contains("exited with code 4", r.Message);
        Assert.Contains("js-boom is coming", r.Message);
        Assert.Contains("before the failure", r.StdOut);
    }

    [Fact]
    public void SandboxTests_DisplayNameFilter_RunsOneFile()
    {
        var r = Assert.Single(sample.Filtered.Results);
        Assert.Equal(("XunitSample.SampleTests.Js: pass.test.mjs", "Passed"), (r.Name, r.Outcome));
    }

    [Fact]
    public void SandboxTests_NodeTestFile_EachTestIsACase()
    {
        Assert.Equal(["units.test.mjs > adds", "units.test.mjs > later", "units.test.mjs > math > divides wrongly", "units.test.mjs > math > multiplies"],
            sample.Run.Where("Js: units.test.mjs").Select(f => f.Name[(f.Name.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Order(StringComparer.Ordinal));
        var adds = sample.Run.Single("Js: units.test.mjs > adds");
        Assert.Equal("Passed", adds.Outcome);
        Assert.Contains("adds ran after 1 beforeEach", adds.StdOut); // only the selected test ran
        Assert.Equal("Passed", sample.Run.Single("Js: units.test.mjs > math > multiplies").Outcome);
        var wrong = sample.Run.Single("Js: units.test.mjs > math > divides wrongly");
        Assert.Equal("Failed", wrong.Outcome);
        Assert.Contains("2 !== 3", wrong.Message);
        Assert.Contains("units.test.mjs:15", wrong.Message);
        Assert.Equal("NotExecuted", sample.Run.Single("Js: units.test.mjs > later").Outcome);
    }

    [Fact]
    public void SandboxTests_SkipComment_Skips() => Assert.Equal("NotExecuted", sample.Run.Single("Js: skipped.test.mjs").Outcome);
}
