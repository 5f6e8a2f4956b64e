using System.Diagnostics;
using Microsoft.Build.Utilities;
using SecureExec.Testing.MSBuild.Tests.Support;

namespace SecureExec.Testing.MSBuild.Tests;

/// <summary>The task run in this process against a mock build engine, with a real VM.</summary>
public sealed class RunSandboxedNodeTests : IDisposable
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

    [Fact]
    public void Execute_Command_RunsInGuestShellWithArgumentsAndEnvironment()
    {
        var task = Task(t =>
        {
            t.Command = "echo \"$GREETING $1|$2\"; pwd; ls /project";
            t.Arguments = [new TaskItem("a b"), new TaskItem("c")];
            t.EnvironmentVariables = ["GREETING=hi"];
            t.ConsoleToMSBuild = true;
        });
        _dir.Write("marker.txt", "");
        Assert.True(task.Execute(), _engine.Log);
        Assert.Equal(0, task.ExitCode);
        Assert.Equal(["hi a b|c", "/project", "marker.txt"], task.ConsoleOutput.Select(i => i.ItemSpec));
    }

    [Fact]
    public void Execute_ConsoleOutputWithSpecialCharacters_ComesBackUnchanged()
    {
        var task = Task(t => { t.Code = "console.log('a;b %41 $(x) @(y) *?')"; t.ConsoleToMSBuild = true; });
        Assert.True(task.Execute(), _engine.Log);
        Assert.Equal("a;b %41 $(x) @(y) *?", Assert.Single(task.ConsoleOutput).ItemSpec);
    }

    [Fact]
    public void Execute_OutputPastMaxOutputBytes_IsCutWithAMarkerAndAWarning_TheGuestFinishes()
    {
        // 40 lines of 99 characters and a newline on stdout, a 300-byte line without newline on stderr.
        var task = Task(t =>
        {
            t.Code = "for (let i = 0; i < 40; i++) console.log(String(i).padStart(99, '.')); process.stderr.write('e'.repeat(300)); process.exitCode = 3;";
            t.IgnoreExitCode = true;
            t.MaxOutputBytes = 250;
            t.ConsoleToMSBuild = true;
        });
        Assert.True(task.Execute(), _engine.Log);
        Assert.Equal(3, task.ExitCode); // the guest ran to its end
        var lines = task.ConsoleOutput.Select(i => i.ItemSpec).ToList();
        const string marker = "[secure-exec: output truncated after 250 bytes]";
        // stdout: two whole lines (200 bytes), the first 50 bytes of the third, then the marker; stderr: 250 bytes, marker.
        Assert.Equal([new string('.', 98) + "0", new string('.', 98) + "1", new string('.', 50), marker],
            lines.Where(l => !l.StartsWith('e')).Take(4).ToList());
        Assert.Contains(new string('e', 250), lines);
        Assert.Equal(6, lines.Count);
        Assert.Equal(2, lines.Count(l => l == marker));
        var warnings = _engine.Warnings.Where(w => w.Code == ErrorCodes.OutputTruncated).Select(w => w.Message!).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("stdout passed MaxOutputBytes (250 bytes)", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("stderr passed MaxOutputBytes (250 bytes)", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_ScriptPrintingLintErrors_LogsErrorsWithHostPaths()
    {
        _dir.Write("src/a.ts", "");
        _dir.Write("tools/lint.mjs", """
            console.log('src/a.ts(3,7): error TS2322: Type string is not assignable');
            console.log('/project/src/b.js: line 2, col 5, Error - x is not defined. (no-undef)');
            console.log('/project/src/c.js:4:1: Missing semicolon. [Warning/semi]');
            console.log('/tmp/elsewhere.js(1,1): error X1: outside every mount');
            console.log('Error: error X2: an origin that is no file');
            """);
        var task = Task(t => t.Script = "tools/lint.mjs");
        Assert.False(task.Execute());
        Assert.Equal(0, task.ExitCode);
        Assert.Equal(
            [("TS2322", Path.Combine(_dir.Path, "src", "a.ts"), 3, 7), ("no-undef", Path.Combine(_dir.Path, "src", "b.js"), 2, 5), ("X1", "/tmp/elsewhere.js", 1, 1), ("X2", "Error", 0, 0)],
            _engine.Errors.Select(e => (e.Code, e.File, e.LineNumber, e.ColumnNumber)).ToList());
        var w = Assert.Single(_engine.Warnings);
        Assert.Equal(("semi", Path.Combine(_dir.Path, "src", "c.js"), 4), (w.Code, w.File, w.LineNumber));
    }

    [Fact]
    public void Execute_IgnoreStandardErrorWarningFormat_LogsLinesAsMessages()
    {
        var task = Task(t => { t.Code = "console.log('a.ts(1,1): error TS1: no')"; t.IgnoreStandardErrorWarningFormat = true; });
        Assert.True(task.Execute(), _engine.Log);
        Assert.Empty(_engine.Errors);
        Assert.Contains(_engine.Messages, m => m.Message == "a.ts(1,1): error TS1: no");
    }

    [Fact]
    public void Execute_CustomRegularExpressions_LogErrorsAndWarnings()
    {
        var task = Task(t =>
        {
            t.Command = "echo 'BAD thing'; echo 'MEH thing'; echo fine";
            t.CustomErrorRegularExpression = "^BAD";
            t.CustomWarningRegularExpression = "^MEH";
        });
        Assert.False(task.Execute());
        Assert.Equal("BAD thing", Assert.Single(_engine.Errors).Message);
        Assert.Equal("MEH thing", Assert.Single(_engine.Warnings).Message);
    }

    [Fact]
    public void Execute_NonZeroExit_FailsWithCodeUnlessIgnored()
    {
        var failing = Task(t => t.Command = "exit 3");
        Assert.False(failing.Execute());
        Assert.Equal(3, failing.ExitCode);
        Assert.Equal([ErrorCodes.NonZeroExitCode], _engine.ErrorCodes);

        var ignored = new RunSandboxedNode { BuildEngine = new MockBuildEngine(), ProjectDirectory = _dir.Path, Command = "exit 4", IgnoreExitCode = true };
        Assert.True(ignored.Execute());
        Assert.Equal(4, ignored.ExitCode);
    }

    [Fact]
    public void Execute_Timeout_KillsGuestAndFailsWithTimedOut()
    {
        var task = Task(t => { t.Code = "for (;;) {}"; t.Timeout = 500; });
        var clock = Stopwatch.StartNew();
        Assert.False(task.Execute());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
        Assert.Equal([ErrorCodes.TimedOut], _engine.ErrorCodes);
        Assert.Equal(-1, task.ExitCode);
    }

    [Fact]
    public async System.Threading.Tasks.Task Cancel_WhileGuestLoops_KillsGuestAndFailsWithCanceled()
    {
        var task = Task(t => t.Command = "echo started; while :; do :; done");
        var run = System.Threading.Tasks.Task.Run(task.Execute);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_engine.Messages.ToList().Any(m => m.Message == "started") && DateTime.UtcNow < deadline) await System.Threading.Tasks.Task.Delay(50);
        task.Cancel();
        var finished = await System.Threading.Tasks.Task.WhenAny(run, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(run, finished);
        Assert.False(await run);
        Assert.Equal([ErrorCodes.Canceled], _engine.ErrorCodes);
    }

    [Fact]
    public void Execute_GuestExhaustsMemory_FailsWithOutOfMemory()
    {
        var task = Task(t => { t.Code = "const a = []; for (;;) a.push(new Array(100000).fill(1));"; t.MemoryLimitMegabytes = 64; });
        Assert.False(task.Execute());
        // Node's own "FATAL ERROR: ... heap out of memory" line is on stderr too (an error without a code, as Exec logs it).
        Assert.Contains(ErrorCodes.OutOfMemory, _engine.ErrorCodes);
        Assert.Equal(134, task.ExitCode);
    }

    [Fact]
    public void Execute_OutputDirectory_CopiesEverythingTheGuestLeftThere()
    {
        var task = Task(t =>
        {
            t.Command = "mkdir -p /out/sub && echo one > /out/a.txt && printf '\\001\\002' > /out/sub/b.bin";
            t.OutputDirectory = "gen";
        });
        Assert.True(task.Execute(), _engine.Log);
        Assert.Equal("one\n", File.ReadAllText(Path.Combine(_dir.Path, "gen", "a.txt")));
        Assert.Equal(new byte[] { 1, 2 }, File.ReadAllBytes(Path.Combine(_dir.Path, "gen", "sub", "b.bin")));
        Assert.Equal(2, task.CopiedFiles.Length);
    }

    [Fact]
    public void Execute_DeclaredOutputs_CopiesOnlyThoseAndFailsWhenOneIsMissing()
    {
        var ok = Task(t =>
        {
            t.Command = "echo a > /out/a.txt; echo b > /out/b.txt";
            t.OutputDirectory = "gen";
            t.OutputFiles = [new TaskItem("gen/a.txt")];
        });
        Assert.True(ok.Execute(), _engine.Log);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "gen", "a.txt")));
        Assert.False(File.Exists(Path.Combine(_dir.Path, "gen", "b.txt")));

        var engine = new MockBuildEngine();
        var missing = new RunSandboxedNode
        {
            BuildEngine = engine, ProjectDirectory = _dir.Path, Command = "true", OutputDirectory = "gen2", OutputFiles = [new TaskItem("gen2/none.txt")],
        };
        Assert.False(missing.Execute());
        Assert.Equal([ErrorCodes.OutputCopyFailed], engine.ErrorCodes);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "gen2")));
    }

    [Fact]
    public void Execute_FailedGuest_CopiesNothing()
    {
        var task = Task(t => { t.Command = "echo a > /out/a.txt; exit 1"; t.OutputDirectory = "gen"; });
        Assert.False(task.Execute());
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "gen")));
    }

    [Fact]
    public void Execute_NodeModulesDirectory_PackagesResolveFromTheProject()
    {
        _dir.Write("deps/node_modules/greet/package.json", """{ "name": "greet", "main": "index.js" }""");
        _dir.Write("deps/node_modules/greet/index.js", "module.exports = (n) => `hello ${n}`;");
        var task = Task(t =>
        {
            t.Code = "import greet from 'greet'; console.log(greet('vm'));";
            t.NodeModulesDirectory = "deps/node_modules";
            t.ConsoleToMSBuild = true;
        });
        Assert.True(task.Execute(), _engine.Log);
        Assert.Equal("hello vm", Assert.Single(task.ConsoleOutput).ItemSpec);
    }

    [Fact]
    public void Execute_ProjectMount_IsReadOnly()
    {
        var task = Task(t => t.Command = "echo x > /project/written.txt");
        Assert.False(task.Execute());
        Assert.False(File.Exists(Path.Combine(_dir.Path, "written.txt")));
    }
}
