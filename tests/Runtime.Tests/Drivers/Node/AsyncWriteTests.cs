namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>Stream writes to pipes do not block the event loop: write() returns false past highWaterMark,
/// 'drain' follows, and a process can feed its own child while reading the child's output.</summary>
public sealed class AsyncWriteTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void ChildStdin_WriteBiggerThanPipes_WhileReadingEcho_DoesNotDeadlock()
    {
        // With blocking writes this deadlocks: the child's stdout fills while the parent is stuck writing stdin.
        _vm.WriteFile("/app/echo.js", """
            const { spawn } = require('child_process');
            const child = spawn(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)']);
            let got = 0;
            child.stdout.on('data', (d) => { got += d.length; });
            const ok = child.stdin.write(Buffer.alloc(1 << 20, 97));
            console.log('write returned', ok);
            child.stdin.end();
            child.on('close', (code) => console.log('echoed', got, 'code', code));
            """);
        var r = _vm.Run(["node", "/app/echo.js"], timeoutMs: 60_000);
        Assert.Equal("write returned false\nechoed 1048576 code 0\n", r.Stdout);
    }

    [Fact]
    public void Stdout_Pipe_WriteReturnsFalse_ThenDrain_AndTimersKeepRunning()
    {
        var r = _vm.Node("-e", """
            let ticks = 0;
            const t = setInterval(() => ticks++, 1);
            const ok = process.stdout.write('x'.repeat(1 << 20));
            process.stdout.once('drain', () => { clearInterval(t); process.stderr.write(`drain ${ok} ${process.stdout.writableLength}\n`); });
            """);
        Assert.Equal(1 << 20, r.Stdout.Length);
        Assert.Equal("drain false 0\n", r.Stderr);
    }

    [Fact]
    public void ProcessExit_WithPendingStdout_WritesItAll()
    {
        var r = _vm.Node("-e", "process.stdout.write('y'.repeat(1 << 20)); console.log('!'); process.exit(3)");
        Assert.Equal(3, r.ExitCode);
        Assert.Equal((1 << 20) + 2, r.Stdout.Length);
        Assert.EndsWith("y!\n", r.Stdout);
    }
}
