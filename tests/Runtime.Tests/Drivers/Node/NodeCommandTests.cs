namespace SecureExec.Testing.Tests.Drivers.Node;

public sealed class NodeCommandTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void Version_PrintsNode22()
    {
        var r = _vm.Node("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("v22.0.0\n", r.Stdout);
    }

    [Fact]
    public void Eval_ConsoleLog_WritesStdout()
    {
        var r = _vm.Node("-e", "console.log('hello', 1 + 2, { a: [1, 'x'] })");
        Assert.Equal("", r.Stderr);
        Assert.Equal("hello 3 { a: [ 1, 'x' ] }\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Print_Expression_PrintsResult()
    {
        var r = _vm.Node("-p", "6 * 7");
        Assert.Equal("42\n", r.Stdout);
    }

    [Fact]
    public void Eval_ProcessArgv_HasExecPathAndArgs()
    {
        var r = _vm.Node("-e", "console.log(JSON.stringify(process.argv))", "a", "b");
        Assert.Equal("[\"/usr/bin/node\",\"a\",\"b\"]\n", r.Stdout);
    }

    [Fact]
    public void File_CommonJs_RequiresRelativeModule()
    {
        _vm.WriteFile("/app/lib.js", "exports.twice = (x) => x * 2;");
        _vm.WriteFile("/app/main.js", "const { twice } = require('./lib'); console.log(twice(21), __filename, process.argv.slice(1));");
        var r = _vm.Node("/app/main.js", "x");
        Assert.Equal("", r.Stderr);
        Assert.Equal("42 /app/main.js [ '/app/main.js', 'x' ]\n", r.Stdout);
    }

    [Fact]
    public void File_Mjs_RunsAsModuleWithImportsAndTopLevelAwait()
    {
        _vm.WriteFile("/app/util.mjs", "export const name = 'esm';");
        _vm.WriteFile("/app/main.mjs", "import { name } from './util.mjs'; import path from 'node:path'; import { readFileSync } from 'fs';\n" +
            "await null; console.log(name, path.basename(import.meta.url), typeof readFileSync);");
        var r = _vm.Node("/app/main.mjs");
        Assert.Equal("", r.Stderr);
        Assert.Equal("esm main.mjs function\n", r.Stdout);
    }

    [Fact]
    public void Stdin_Script_Runs()
    {
        var r = _vm.Run(["node"], stdin: "console.log('from stdin')");
        Assert.Equal("from stdin\n", r.Stdout);
    }

    [Fact]
    public void Exit_Code_IsReported()
    {
        var r = _vm.Node("-e", "process.on('exit', (c) => console.log('exit', c)); process.exitCode = 3;");
        Assert.Equal("exit 3\n", r.Stdout);
        Assert.Equal(3, r.ExitCode);
        r = _vm.Node("-e", "process.exit(5); console.log('not reached')");
        Assert.Equal("", r.Stdout);
        Assert.Equal(5, r.ExitCode);
    }
}
