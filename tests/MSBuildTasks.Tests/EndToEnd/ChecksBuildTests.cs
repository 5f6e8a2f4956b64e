using System.Text.RegularExpressions;
using SecureExec.Testing.MSBuild.Tests.Support;

namespace SecureExec.Testing.MSBuild.Tests.EndToEnd;

/// <summary>Real <c>dotnet build</c> runs of Projects/Checks (see checks.proj for the scenarios).</summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class ChecksBuildTests(ChecksBuildFixture fixture) : IClassFixture<ChecksBuildFixture>
{
    private string Log => fixture.OutOfProc.Output;

    /// <summary>The errors and warnings lines of the log ("FILE(L,C): error CODE: message"), once each.</summary>
    private IReadOnlyList<string> Diagnostics(string category) =>
        [.. Log.Split('\n').Select(l => l.Trim()).Where(l => Regex.IsMatch(l, $@"(^|: ){category} [A-Za-z0-9-]+: ")).Distinct()];

    [Fact]
    public void Build_FailsBecauseOfTheFailingScenariosOnly()
    {
        Assert.Equal(1, fixture.OutOfProc.ExitCode);
        Assert.Equal(
            ["SXT0003", "SXT0004", "SXT0007", "TS2322", "no-undef"],
            Diagnostics("error").Select(l => Regex.Match(l, @"error ([A-Za-z0-9-]+):").Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Command_RunsGuestShellPipeline() => Assert.Contains("CMD-OK FROM LINUX", Log);

    [Fact]
    public void LintScript_ErrorsAndWarningsCarryHostPaths()
    {
        var src = Path.Combine(fixture.ProjectDirectory, "src");
        Assert.Contains($"{src}/app.ts(3,7): error TS2322: Type 'number' is not assignable to type 'string'.", Log);
        Assert.Contains($"{src}/util.js(2,5): error no-undef: 'x' is not defined.", Log);
        Assert.Contains($"{src}/util.js(4,1): warning semi: Missing semicolon.", Log);
        Assert.Contains("checking src/app.ts", Log);
        Assert.Contains("error SXT0003: RunSandboxedNode: \"node /project/tools/lint.mjs\" exited with code 1", Log);
    }

    [Fact]
    public void Timeout_FailsWithTimedOut() =>
        Assert.Contains("error SXT0004: RunSandboxedNode: the guest ran longer than Timeout (1500 ms)", Log);

    [Fact]
    public void OutOfMemoryGuest_FailsTaskButNotBuildProcess()
    {
        Assert.Contains("error SXT0007:", Log);
        Assert.Contains("AFTER-OOM: the build process is alive", Log);
        Assert.Contains("EXIT-CODE=3", Log); // and the targets after it ran
    }

    [Fact]
    public void Network_DeniedByDefault()
    {
        Assert.Contains("NET-DEFAULT: refused EACCES", Log);
        Assert.False(fixture.DeniedProbeWasReached);
    }

    [Fact]
    public void AllowNetwork_ReachesListenerOutsideTheVm()
    {
        Assert.True(fixture.HasHostAddress, "this machine has no non-loopback IPv4 address to listen on");
        Assert.Contains("NET-ALLOWED: CONNECTED", Log);
        Assert.True(fixture.AllowedProbeWasReached);
    }

    [Fact]
    public void Default_RunsOutOfProcessInTaskHost() =>
        Assert.Contains("Launching task \"RunSandboxedNode\" from assembly", Log);

    [Fact]
    public void InProcProperty_RunsInTheBuildProcess()
    {
        Assert.True(fixture.InProc.ExitCode == 0, fixture.InProc.Output);
        Assert.Contains("in-proc v22.0.0", fixture.InProc.Output);
        Assert.DoesNotContain("external task host", fixture.InProc.Output);
    }
}
