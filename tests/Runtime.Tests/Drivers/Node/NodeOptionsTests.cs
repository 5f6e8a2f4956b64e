namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>
/// The `node` command's options (Drivers/Node/NodeOptions.cs): preloads, warning options and NODE_OPTIONS work as in
/// Node 22.23.5 (outputs recorded with it); unknown options are Node's "bad option" and refused ones say so.
/// </summary>
public sealed class NodeOptionsTests
{
    private static NodeHarness WithFiles()
    {
        var vm = new NodeHarness();
        vm.WriteFile("/app/pre.js", "console.log('preloaded');");
        vm.WriteFile("/app/e.mjs", "console.log('esm preload'); export const e = 1;");
        vm.WriteFile("/app/m.js", "console.log('main');");
        vm.WriteFile("/app/mm.mjs", "console.log('esm main');");
        return vm;
    }

    [Fact]
    public void RequireAndImportPreloads_RunBeforeTheEntry_RequiresFirst()
    {
        using var vm = WithFiles();
        Assert.Equal("preloaded\nmain\n", vm.Run(["node", "-r", "./pre.js", "m.js"], cwd: "/app").Stdout);
        var r = vm.Run(["node", "--import", "./e.mjs", "--import", "node:fs", "--require=./pre.js", "-e", "console.log('eval')"], cwd: "/app");
        Assert.Equal("", r.Stderr);
        Assert.Equal("preloaded\nesm preload\neval\n", r.Stdout);
        Assert.Equal("preloaded\nesm main\n", vm.Run(["node", "-r", "./pre.js", "mm.mjs"], cwd: "/app").Stdout);
        Assert.Equal("preloaded\n2\n", vm.Run(["node", "-r", "./pre.js", "-p", "1+1"], cwd: "/app").Stdout);
    }

    [Fact]
    public void MissingPreloads_FailAsInNode()
    {
        using var vm = WithFiles();
        var r = vm.Run(["node", "-r", "./nope.js", "m.js"], cwd: "/app");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Error: Cannot find module './nope.js'\nRequire stack:\n- internal/preload\n", r.Stderr);
        Assert.Equal("", r.Stdout);
        r = vm.Run(["node", "--import", "./nope.mjs", "m.js"], cwd: "/app");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/app/nope.mjs' imported from /app/\n", r.Stderr);
    }

    [Fact]
    public void AnImportPreloadWithTopLevelAwait_IsRefused_NotRunHalfway()
    {
        using var vm = WithFiles();
        vm.WriteFile("/app/tla.mjs", "await null; console.log('tla');");
        var r = vm.Run(["node", "--import", "./tla.mjs", "m.js"], cwd: "/app");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ERR_NOT_SUPPORTED_IN_SANDBOX", r.Stderr);
        Assert.Contains("--import of a module graph with top-level await (/app/tla.mjs)", r.Stderr);
        Assert.DoesNotContain("main", r.Stdout);
    }

    [Fact]
    public void NodeOptionsVariable_AddsOptions_AndRejectsWhatNodeRejects()
    {
        using var vm = WithFiles();
        string[] env = [.. NodeHarness.DefaultEnv, "NODE_OPTIONS=--require \"./pre.js\" --no-deprecation"];
        var r = vm.Run(["node", "-p", "process.noDeprecation + ' ' + process.execArgv.length"], cwd: "/app", env: env);
        Assert.Equal("preloaded\ntrue 2\n", r.Stdout);
        r = vm.Run(["node", "-e", "2"], cwd: "/app", env: [.. NodeHarness.DefaultEnv, "NODE_OPTIONS=-e 1"]);
        Assert.Equal((9, "node: -e is not allowed in NODE_OPTIONS\n"), (r.ExitCode, r.Stderr));
        r = vm.Run(["node", "-e", "2"], cwd: "/app", env: [.. NodeHarness.DefaultEnv, "NODE_OPTIONS=--frob"]);
        Assert.Equal((9, "node: --frob is not allowed in NODE_OPTIONS\n"), (r.ExitCode, r.Stderr));
    }

    [Fact]
    public void UnknownOptions_AreBadOptions_AndRefusedOnesNameTheSandbox()
    {
        using var vm = WithFiles();
        var r = vm.Run(["node", "--frobnicate", "m.js"], cwd: "/app");
        Assert.Equal((9, "node: bad option: --frobnicate\n", ""), (r.ExitCode, r.Stderr, r.Stdout));
        r = vm.Run(["node", "--inspect", "m.js"], cwd: "/app");
        Assert.Equal(9, r.ExitCode);
        Assert.StartsWith("node: --inspect is not supported in this sandbox", r.Stderr);
        r = vm.Run(["node", "-r"], cwd: "/app");
        Assert.Equal((9, "node: -r requires an argument\n"), (r.ExitCode, r.Stderr));
        // accepted without effect, '_' as '-'
        r = vm.Run(["node", "--max_old_space_size=100", "--enable-source-maps", "--title=abc", "-p", "process.title"], cwd: "/app");
        Assert.Equal(("abc\n", ""), (r.Stdout, r.Stderr));
    }

    [Fact]
    public void WarningOptions_BehaveAsInNode()
    {
        using var vm = WithFiles();
        var r = vm.Run(["node", "--disable-warning=X1", "-e", "process.emitWarning('careful', 'MyWarning', 'X1'); process.emitWarning('t2', 'MyWarning')"], cwd: "/app");
        Assert.Equal("(node:1) MyWarning: t2\n(Use `node --trace-warnings ...` to show where the warning was created)\n", r.Stderr.Replace($"(node:{Pid(r.Stderr)})", "(node:1)"));
        r = vm.Run(["node", "--trace-warnings", "-e", "process.emitWarning('careful', 'MyWarning', 'X1')"], cwd: "/app");
        Assert.StartsWith($"(node:{Pid(r.Stderr)}) [X1] MyWarning: careful\n    at [eval]:1:9\n", r.Stderr);
        r = vm.Run(["node", "--throw-deprecation", "-e", "process.emitWarning('x', 'DeprecationWarning', 'DEP1')"], cwd: "/app");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("DeprecationWarning: x\n    at [eval]:1:9", r.Stderr);
        r = vm.Run(["node", "--no-warnings", "-e", "process.on('warning', w => console.log('event', w.name)); process.emitWarning('w')"], cwd: "/app");
        Assert.Equal(("event Warning\n", ""), (r.Stdout, r.Stderr));
    }

    private static string Pid(string stderr) => stderr[(stderr.IndexOf("(node:", StringComparison.Ordinal) + 6)..stderr.IndexOf(')')];

    [Fact]
    public void EnvFile_ParsesDotenvAsNode_AndTheEnvironmentWins()
    {
        using var vm = WithFiles();
        vm.WriteFile("/app/.env", "A=1\nexport B = two words  \n# comment\nC=\"line1\\nline2\" # trailing\nD='single $x'\nE=`back`\n" +
            "F=unquoted # comment here\nG=\"multi\nline\"\nH=\nI=has=equals\n  J  =  spaced  \nPATH=/nope\n");
        vm.WriteFile("/app/e2.env", "K1=\"unclosed value\nK2=after\nK3='q' # c\r\nK4=\"a\\nb\"\nK8=a#b\nK9\nK10=last");
        vm.WriteFile("/app/e3.env", "K2=override\nK11=second\n");
        var r = vm.Run(["node", "--env-file=.env", "-p",
            "JSON.stringify(['A','B','C','D','E','F','G','H','I','J'].map(k => [k, process.env[k]])) + ' ' + (process.env.PATH !== '/nope')"], cwd: "/app");
        Assert.Equal("", r.Stderr);
        Assert.Equal("[[\"A\",\"1\"],[\"B\",\"two words\"],[\"C\",\"line1\\nline2\"],[\"D\",\"single $x\"],[\"E\",\"back\"],[\"F\",\"unquoted\"]," +
            "[\"G\",\"multi\\nline\"],[\"H\",\"\"],[\"I\",\"has=equals\"],[\"J\",\"spaced\"]] true\n", r.Stdout);
        // later files win over earlier ones; the keys arrive sorted (Node keeps them in a sorted map)
        r = vm.Run(["node", "--env-file=e2.env", "--env-file", "e3.env", "-p",
            "JSON.stringify(Object.entries(process.env).filter(([k]) => k.startsWith('K')))"], cwd: "/app");
        Assert.Equal("[[\"K1\",\"unclosed value\\nK2=after\\nK3='q' # c\\nK4=\"],[\"K10\",\"last\"],[\"K11\",\"second\"],[\"K2\",\"override\"],[\"K8\",\"a\"]]\n", r.Stdout);
        r = vm.Run(["node", "--env-file=nope.env", "-p", "1"], cwd: "/app");
        Assert.Equal((9, "node: nope.env: not found\n", ""), (r.ExitCode, r.Stderr, r.Stdout));
        r = vm.Run(["node", "--env-file-if-exists=nope.env", "-p", "1"], cwd: "/app");
        Assert.Equal((0, "nope.env not found. Continuing without it.\n", "1\n"), (r.ExitCode, r.Stderr, r.Stdout));
    }
}
