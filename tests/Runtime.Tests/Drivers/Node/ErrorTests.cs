namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>Uncaught errors, syntax errors and fs error shapes (expected values recorded with host Node v20.20.2).</summary>
public sealed class ErrorTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void Uncaught_ThrowInTimer_PrintsSourceLineAndStackAndExits1()
    {
        _vm.WriteFile("/app/uncaught.js", "console.log('before');\nfunction fail() { throw new TypeError('boom'); }\nsetTimeout(fail, 1);\n");
        var r = _vm.Node("/app/uncaught.js");
        Assert.Equal("before\n", r.Stdout);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("/app/uncaught.js:2\nfunction fail() { throw new TypeError('boom'); }\n", r.Stderr);
        Assert.Contains("\n\nTypeError: boom\n    at Timeout.fail [as _onTimeout] (/app/uncaught.js:2:25)\n", r.Stderr);
        Assert.EndsWith("\n\nNode.js v22.0.0\n", r.Stderr);
    }

    [Fact]
    public void Uncaught_OnLine1OfCommonJsFile_ReportsNodesColumn()
    {
        // Recorded with Node 22.23.3: the caret and the frame count columns from the start of the user's line 1 (V8 counts
        // the CommonJS wrapper's header there; the report takes it off).
        _vm.WriteFile("/app/line1.js", "const a = 1; a.b.c.d = 2;\n");
        var r = _vm.Node("/app/line1.js");
        Assert.StartsWith("/app/line1.js:1\nconst a = 1; a.b.c.d = 2;\n" + new string(' ', 17) + "^\n\n" +
            "TypeError: Cannot read properties of undefined (reading 'c')\n    at Object.<anonymous> (/app/line1.js:1:18)\n", r.Stderr);
    }

    [Fact]
    public void StaticImport_MissingPackage_IsErrModuleNotFound()
    {
        // Node 22.23.3: "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'nopkg' imported from /app/main.mjs", exit 1
        _vm.WriteFile("/app/main.mjs", "import { x } from 'nopkg';\nconsole.log(x);\n");
        var r = _vm.Node("/app/main.mjs");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'nopkg' imported from /app/main.mjs\n", r.Stderr);
        Assert.Contains("code: 'ERR_MODULE_NOT_FOUND'", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Uncaught_Handler_CatchesAndExitCodeStays0()
    {
        var r = _vm.Node("-e", "process.on('uncaughtException', (e) => console.log('caught', e.message)); setTimeout(() => { throw new Error('x'); }, 1);");
        Assert.Equal("caught x\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void SyntaxError_InFile_PointsAtLine()
    {
        _vm.WriteFile("/app/bad.js", "const a = 1;\nlet x = ;\n");
        var r = _vm.Node("/app/bad.js");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("/app/bad.js:2\nlet x = ;\n        ^\n\nSyntaxError: Unexpected token ';'", r.Stderr);
    }

    [Fact]
    public void SyntaxError_OnLine1_CaretUnderTheFilesOwnColumn()
    {
        // Node 22.23.5 (recorded): the caret sits under the ':' at column 6 of the file's text.
        _vm.WriteFile("/app/one.js", "const x: number = 1;\nconsole.log(x);\n");
        var r = _vm.Node("/app/one.js");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("/app/one.js:1\nconst x: number = 1;\n      ^\n\nSyntaxError: Missing initializer in const declaration\n", r.Stderr);
    }

    [Fact]
    public void Uncaught_InEsmModule_ExitsWithError()
    {
        _vm.WriteFile("/app/m.mjs", "await null;\nthrow new RangeError('late');\n");
        var r = _vm.Node("/app/m.mjs");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("RangeError: late", r.Stderr);
    }

    [Fact]
    public void Uncaught_InEsmModule_PrintsNodesReport()
    {
        // Node 22.23.5 printed exactly this (its path /tmp/app; its version line): the module named by its file: URL,
        // the caret where the frame points (Node reports an ES module's error from the module's promise).
        _vm.WriteFile("/app/m.mjs", "await null;\nthrow new RangeError('late');\n");
        var r = _vm.Node("/app/m.mjs");
        Assert.Equal("file:///app/m.mjs:2\nthrow new RangeError('late');\n      ^\n\nRangeError: late\n    at file:///app/m.mjs:2:7\n\nNode.js v22.0.0\n", r.Stderr);
    }

    [Fact]
    public void Uncaught_ThrownInFunctionOfEsmModule_FramesAreFileUrls()
    {
        // Node 22.23.5 (after these lines it lists its own loader's frames)
        _vm.WriteFile("/app/f.mjs", "function f() { throw new Error('boom'); }\nf();\n");
        var r = _vm.Node("/app/f.mjs");
        Assert.StartsWith("file:///app/f.mjs:1\nfunction f() { throw new Error('boom'); }\n" + new string(' ', 21) + "^\n\n" +
            "Error: boom\n    at f (file:///app/f.mjs:1:22)\n    at file:///app/f.mjs:2:1\n", r.Stderr);
    }

    [Fact]
    public void Uncaught_SyncThrowInCommonJs_CaretAtTheThrowStatement()
    {
        // Node 22.23.5 points at `throw` (V8's message), not at the `new TypeError` the frame names
        _vm.WriteFile("/app/t.js", "console.log('before');\nfunction fail() { throw new TypeError('boom'); }\nsetTimeout(fail, 1);\n");
        var r = _vm.Node("/app/t.js");
        Assert.StartsWith("/app/t.js:2\nfunction fail() { throw new TypeError('boom'); }\n" + new string(' ', 18) + "^\n\nTypeError: boom\n", r.Stderr);
    }

    [Fact]
    public void Uncaught_EsmTopLevelWithListener_EmittedOnceWithNodesOrigin()
    {
        // Node 22.23.5: "origin unhandledRejection" once, exit 0 (the host's report and the module promise's rejection
        // used to emit it twice)
        _vm.WriteFile("/app/o.mjs", "process.on('uncaughtException', (e, o) => console.log('origin', o, e.message));\nthrow new Error('x');\n");
        var r = _vm.Node("/app/o.mjs");
        Assert.Equal("origin unhandledRejection x\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void MissingMain_ReportsCannotFindModule()
    {
        var r = _vm.Node("/app/missing.js");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Error: Cannot find module '/app/missing.js'", r.Stderr);
        Assert.Contains("code: 'MODULE_NOT_FOUND'", r.Stderr);
    }

    [Fact]
    public void FsErrors_HaveNodeShape()
    {
        _vm.WriteFile("/etc/passwd", "root:x:0:0::/root:/bin/sh\n");
        _vm.WriteFile("/app/errors.js", """
            const fs = require('fs');
            for (const f of [() => fs.readFileSync('/nonexistent/x'), () => fs.mkdirSync('/tmp'), () => fs.rmdirSync('/nonexistent-dir'), () => fs.renameSync('/nonexistent-a', '/tmp/b'), () => fs.readdirSync('/etc/passwd'), () => fs.openSync('/nonexistent-2', 'r'), () => fs.unlinkSync('/nonexistent-3')]) {
              try { f(); } catch (e) { console.log(JSON.stringify({ message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, path: e.path, dest: e.dest })); }
            }
            fs.stat('/nonexistent-4', (e) => console.log('cb', e.code, e.syscall, e.message));
            fs.promises.readFile('/nonexistent-5').catch((e) => console.log('promise', e.code, e.errno, e.message));
            """);
        var r = _vm.Node("/app/errors.js");
        Assert.Equal("", r.Stderr);
        Assert.Equal("""
            {"message":"ENOENT: no such file or directory, open '/nonexistent/x'","code":"ENOENT","errno":-2,"syscall":"open","path":"/nonexistent/x"}
            {"message":"EEXIST: file already exists, mkdir '/tmp'","code":"EEXIST","errno":-17,"syscall":"mkdir","path":"/tmp"}
            {"message":"ENOENT: no such file or directory, rmdir '/nonexistent-dir'","code":"ENOENT","errno":-2,"syscall":"rmdir","path":"/nonexistent-dir"}
            {"message":"ENOENT: no such file or directory, rename '/nonexistent-a' -> '/tmp/b'","code":"ENOENT","errno":-2,"syscall":"rename","path":"/nonexistent-a","dest":"/tmp/b"}
            {"message":"ENOTDIR: not a directory, scandir '/etc/passwd'","code":"ENOTDIR","errno":-20,"syscall":"scandir","path":"/etc/passwd"}
            {"message":"ENOENT: no such file or directory, open '/nonexistent-2'","code":"ENOENT","errno":-2,"syscall":"open","path":"/nonexistent-2"}
            {"message":"ENOENT: no such file or directory, unlink '/nonexistent-3'","code":"ENOENT","errno":-2,"syscall":"unlink","path":"/nonexistent-3"}
            cb ENOENT stat ENOENT: no such file or directory, stat '/nonexistent-4'
            promise ENOENT -2 ENOENT: no such file or directory, open '/nonexistent-5'

            """, r.Stdout);
    }
}
