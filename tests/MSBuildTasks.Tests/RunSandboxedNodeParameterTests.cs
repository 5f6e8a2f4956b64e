using Microsoft.Build.Utilities;
using SecureExec.Testing.MSBuild.Tests.Support;

namespace SecureExec.Testing.MSBuild.Tests;

/// <summary>Parameter checking and translation (no VM is created: <c>Prepare</c> only, or Execute failing before the VM).</summary>
public sealed class RunSandboxedNodeParameterTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly MockBuildEngine _engine = new();

    public void Dispose() => _dir.Dispose();

    private RunSandboxedNode Task(Action<RunSandboxedNode> configure)
    {
        var task = new RunSandboxedNode { BuildEngine = _engine, ProjectDirectory = _dir.Path };
        configure(task);
        return task;
    }

    private void AssertInvalid(Action<RunSandboxedNode> configure, string mentions)
    {
        var task = Task(configure);
        Assert.False(task.Execute());
        Assert.Contains(ErrorCodes.InvalidParameter, _engine.ErrorCodes);
        Assert.All(_engine.ErrorCodes, c => Assert.Equal(ErrorCodes.InvalidParameter, c));
        Assert.Contains(_engine.Errors, e => e.Message!.Contains(mentions, StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_NothingToRun_FailsWithInvalidParameter() => AssertInvalid(_ => { }, "give one of Script, Code or Command");

    [Fact]
    public void Execute_CodeAndCommand_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Code = "1"; t.Command = "true"; }, "Code and Command");

    [Fact]
    public void Execute_MountWithoutGuestPath_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.Mounts = [new TaskItem(_dir.Path)]; }, "GuestPath");

    [Fact]
    public void Execute_MountWithRelativeGuestPath_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.Mounts = [Item(_dir.Path, ("GuestPath", "data"))]; }, "must be absolute");

    [Fact]
    public void Execute_MissingMountDirectory_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.Mounts = [Item("nope", ("GuestPath", "/data"))]; }, "does not exist");

    [Fact]
    public void Execute_BadReadOnlyMetadata_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.Mounts = [Item(_dir.Path, ("GuestPath", "/data"), ("ReadOnly", "maybe"))]; }, "ReadOnly='maybe'");

    [Fact]
    public void Execute_ScriptOutsideMounts_FailsWithInvalidParameter()
    {
        using var other = new TestDirectory();
        var script = other.Write("x.mjs", "");
        AssertInvalid(t => t.Script = script, "not inside the project directory or a mount");
    }

    [Fact]
    public void Execute_MissingScript_FailsWithInvalidParameter() => AssertInvalid(t => t.Script = "tools/none.mjs", "does not exist");

    [Fact]
    public void Execute_BadEnvironmentVariable_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.EnvironmentVariables = ["NOEQUALS"]; }, "'NOEQUALS' is not NAME=value");

    [Fact]
    public void Execute_ZeroTimeout_FailsWithInvalidParameter() => AssertInvalid(t => { t.Command = "true"; t.Timeout = 0; }, "Timeout");

    [Fact]
    public void Execute_BadImportance_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.StandardOutputImportance = "Loud"; }, "StandardOutputImportance 'Loud'");

    [Fact]
    public void Execute_BadRegularExpression_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.CustomErrorRegularExpression = "(("; }, "CustomErrorRegularExpression");

    [Fact]
    public void Execute_OutputFileOutsideOutputDirectory_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.OutputDirectory = "out"; t.OutputFiles = [new TaskItem("elsewhere/a.txt")]; }, "OutputFiles 'elsewhere/a.txt'");

    [Fact]
    public void Execute_GuestOutputDirectoryOverMount_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.GuestOutputDirectory = "/project/out"; }, "overlaps a mount");

    [Fact]
    public void Execute_WorkingDirectoryOutsideMounts_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.WorkingDirectory = "/"; }, "WorkingDirectory");

    [Fact]
    public void Prepare_Defaults_ProjectMountedReadOnlyAtProjectNoNetwork()
    {
        var plan = Task(t => t.Command = "echo hi")!.Prepare()!;
        Assert.Equal("/project", plan.GuestCwd);
        var mount = Assert.Single(plan.RuntimeOptions.Mounts);
        Assert.Equal((_dir.Path, "/project", true), (mount.HostPath, mount.GuestPath, mount.ReadOnly));
        Assert.False(plan.RuntimeOptions.Permissions.NetworkEgress);
        Assert.Null(plan.Timeout);
        Assert.Equal("sh", plan.Command);
        Assert.Equal(["-c", "echo hi", "sh"], plan.Arguments);
    }

    [Fact]
    public void Prepare_AllowNetwork_GrantsEgress() =>
        Assert.True(Task(t => { t.Command = "true"; t.AllowNetwork = true; }).Prepare()!.RuntimeOptions.Permissions.NetworkEgress);

    [Fact]
    public void Prepare_AllowedHosts_PassedToPermissions() =>
        Assert.Equal(["example.test"], Task(t => { t.Command = "true"; t.AllowNetwork = true; t.AllowedHosts = ["example.test"]; })
            .Prepare()!.RuntimeOptions.Permissions.AllowedHosts);

    [Fact]
    public void Execute_AllowedHostsWithoutAllowNetwork_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.AllowedHosts = ["example.test"]; }, "AllowedHosts needs AllowNetwork=true");

    [Fact]
    public void Prepare_ScriptWithArguments_RunsNodeOnItsGuestPath()
    {
        _dir.Write("tools/gen.mjs", "");
        var plan = Task(t => { t.Script = "tools/gen.mjs"; t.Arguments = [new TaskItem("a b"), new TaskItem("c")]; }).Prepare()!;
        Assert.Equal("node", plan.Command);
        Assert.Equal(["/project/tools/gen.mjs", "a b", "c"], plan.Arguments);
    }

    [Fact]
    public void Prepare_CodeWithArguments_RunsAnInlineModule()
    {
        var plan = Task(t => { t.Code = "console.log(1)"; t.Arguments = [new TaskItem("x")]; }).Prepare()!;
        Assert.Equal("node", plan.Command);
        Assert.Equal(["--input-type=module", "-e", "console.log(1)", "x"], plan.Arguments);
    }

    [Fact]
    public void Prepare_MountsAndNodeModules_ReadOnlyUnlessSaidOtherwise()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "data"));
        Directory.CreateDirectory(Path.Combine(_dir.Path, "scratch"));
        Directory.CreateDirectory(Path.Combine(_dir.Path, "nm"));
        var plan = Task(t =>
        {
            t.Command = "true";
            t.Mounts = [Item("data", ("GuestPath", "/data")), Item("scratch", ("GuestPath", "/scratch"), ("ReadOnly", "false"))];
            t.NodeModulesDirectory = "nm";
            t.WorkingDirectory = "data";
            t.EnvironmentVariables = ["A=1", "B=x=y"];
            t.Timeout = 1500;
        }).Prepare()!;
        var mounts = plan.RuntimeOptions.Mounts.Select(m => (m.GuestPath, m.ReadOnly)).ToList();
        Assert.Equal([("/project", true), ("/data", true), ("/scratch", false)], mounts);
        Assert.Equal(Path.Combine(_dir.Path, "nm"), plan.RuntimeOptions.NodeModules);
        Assert.Equal(Path.Combine(_dir.Path, "nm", "x.js"), plan.Mounts.ToHost("/node_modules/x.js", "/"));
        Assert.Equal("/data", plan.GuestCwd);
        Assert.Equal("x=y", plan.Env["B"]);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), plan.Timeout);
    }

    [Fact]
    public void Prepare_MemoryLimit_SetsHeapAndWasmMemory()
    {
        var limits = Task(t => { t.Command = "true"; t.MemoryLimitMegabytes = 64; }).Prepare()!.RuntimeOptions.Limits;
        Assert.Equal((64L << 20, 64L << 20), (limits.JsHeapBytes, limits.WasmMemoryBytes));
    }

    [Fact]
    public void Prepare_MaxOutputBytes_SetsTheRuntimeLimit_DefaultStaysTheRuntimes()
    {
        Assert.Equal(4096, Task(t => { t.Command = "true"; t.MaxOutputBytes = 4096; }).Prepare()!.RuntimeOptions.Limits.MaxOutputBytes);
        Assert.Equal(new RuntimeLimits().MaxOutputBytes, Task(t => t.Command = "true").Prepare()!.RuntimeOptions.Limits.MaxOutputBytes);
    }

    [Fact]
    public void Execute_NegativeMaxOutputBytes_FailsWithInvalidParameter() =>
        AssertInvalid(t => { t.Command = "true"; t.MaxOutputBytes = -1; }, "MaxOutputBytes must be positive");

    [Fact]
    public void Prepare_OutputFiles_MapUnderGuestOutputDirectoryOrGuestPath()
    {
        var plan = Task(t =>
        {
            t.Command = "true";
            t.OutputDirectory = "gen";
            t.OutputFiles = [new TaskItem("gen/a/b.txt"), Item("other/c.txt", ("GuestPath", "/tmp/c.txt"))];
        }).Prepare()!;
        Assert.Equal(
            [("/out/a/b.txt", Path.Combine(_dir.Path, "gen", "a", "b.txt")), ("/tmp/c.txt", Path.Combine(_dir.Path, "other", "c.txt"))],
            plan.OutputFiles.Select(o => (o.GuestPath, o.HostPath)).ToList());
    }

    [Fact]
    public void Execute_MissingCommandsDirectory_FailsWithSandboxCreationFailed()
    {
        var task = Task(t => { t.Command = "true"; t.CommandsDir = "no-such-commands"; });
        Assert.False(task.Execute());
        Assert.Equal([ErrorCodes.SandboxCreationFailed], _engine.ErrorCodes);
        Assert.Contains("commands directory not found", _engine.Errors[0].Message);
    }

    private static TaskItem Item(string spec, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(spec);
        foreach (var (name, value) in metadata) item.SetMetadata(name, value);
        return item;
    }
}
