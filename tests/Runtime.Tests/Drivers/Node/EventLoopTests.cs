using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>Event loop ordering. Expected outputs were recorded with the host's real Node (v20.20.2); the
/// phases and tick/microtask ordering involved are the same in Node 22.</summary>
public sealed class EventLoopTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    private const string OrderScript = """
        console.log('sync 1');
        setTimeout(() => { console.log('timeout 1'); Promise.resolve().then(() => console.log('promise in timeout 1')); process.nextTick(() => console.log('tick in timeout 1')); }, 30);
        setTimeout(() => console.log('timeout 2'), 30);
        process.nextTick(() => console.log('tick 1'));
        Promise.resolve().then(() => { console.log('promise 1'); process.nextTick(() => console.log('tick from promise')); }).then(() => console.log('promise 2'));
        queueMicrotask(() => console.log('microtask'));
        process.nextTick(() => { console.log('tick 2'); Promise.resolve().then(() => console.log('promise from tick')); });
        let n = 0;
        setTimeout(() => { const iv = setInterval(() => { console.log('interval', ++n); if (n === 3) clearInterval(iv); }, 1); }, 60);
        const t = setTimeout(() => console.log('cleared'), 10); clearTimeout(t);
        setTimeout(() => console.log('unref never'), 100000).unref();
        process.on('beforeExit', () => { if (!globalThis.once) { globalThis.once = 1; console.log('beforeExit'); setTimeout(() => console.log('after beforeExit'), 1); } });
        process.on('exit', (c) => console.log('exit', c));
        console.log('sync 2');
        """;

    [Fact]
    public void Order_TicksMicrotasksTimersIntervalsBeforeExit_MatchNode()
    {
        _vm.WriteFile("/app/order.js", OrderScript);
        var r = _vm.Node("/app/order.js");
        Assert.Equal("", r.Stderr);
        Assert.Equal("""
            sync 1
            sync 2
            tick 1
            tick 2
            promise 1
            microtask
            promise from tick
            promise 2
            tick from promise
            timeout 1
            tick in timeout 1
            promise in timeout 1
            timeout 2
            interval 1
            interval 2
            interval 3
            beforeExit
            after beforeExit
            exit 0

            """, r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Order_ImmediateBeforeTimeoutInsideIoCallback_MatchesNode()
    {
        _vm.WriteFile("/app/io.js", """
            require('fs').readFile(__filename, () => {
              console.log('readFile');
              setTimeout(() => console.log('timeout from io'), 0);
              setImmediate(() => { console.log('immediate from io'); process.nextTick(() => console.log('tick in immediate')); });
              setImmediate(() => console.log('immediate 2'));
            });
            """);
        var r = _vm.Node("/app/io.js");
        Assert.Equal("readFile\nimmediate from io\ntick in immediate\nimmediate 2\ntimeout from io\n", r.Stdout);
    }

    [Fact]
    public void Promises_AsyncAwaitAndTimersPromises_Resolve()
    {
        var r = _vm.Node("-e", """
            const { setTimeout: sleep } = require('timers/promises');
            (async () => { await sleep(5); console.log('slept'); const v = await new Promise((res) => setImmediate(res, 7)); console.log('value', v); })();
            """);
        Assert.Equal("slept\nvalue 7\n", r.Stdout);
    }

    [Fact]
    public void Kill_BusyLoop_StopsWithSignal()
    {
        var h = _vm.Start(["node", "-e", "console.log('spinning'); while (true) {}"]);
        Thread.Sleep(300);
        Assert.Equal(Errno.SUCCESS, _vm.Kernel.Kill(null, h.Process.Pid, (int)Signal.SIGTERM));
        var r = h.Wait(10_000);
        Assert.True(r.Status.IfSignaled);
        Assert.Equal(Signal.SIGTERM, r.Status.TermSignal);
    }

    [Fact]
    public void Kill_BlockedOnStdin_Stops()
    {
        var h = _vm.Start(["node", "-e", "process.stdin.on('data', () => {})"]);
        Thread.Sleep(300);
        _vm.Kernel.Kill(null, h.Process.Pid, (int)Signal.SIGKILL);
        var r = h.Wait(10_000);
        Assert.Equal(Signal.SIGKILL, r.Status.TermSignal);
    }

    [Fact]
    public void Signal_Handler_RunsAndProcessContinues()
    {
        var h = _vm.Start(["node", "-e", """
            process.on('SIGTERM', (name, n) => { console.log('got', name, n); setTimeout(() => process.exit(4), 5); });
            setInterval(() => {}, 1000);
            console.log('ready');
            """]);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!h.StdoutSoFar.ToString().Contains("ready") && DateTime.UtcNow < deadline) Thread.Sleep(20);
        _vm.Kernel.Kill(null, h.Process.Pid, (int)Signal.SIGTERM);
        var r = h.Wait(10_000);
        Assert.Equal("ready\ngot SIGTERM 15\n", r.Stdout);
        Assert.Equal(4, r.ExitCode);
    }

    [Fact]
    public void Stdin_DataEventsAndEnd_StreamChunks()
    {
        var h = _vm.Start(["node", "-e", """
            let total = '';
            process.stdin.setEncoding('utf8');
            process.stdin.on('data', (c) => { total += c; process.stdout.write('got: ' + c); });
            process.stdin.on('end', () => console.log('end', total.length));
            """]);
        h.WriteStdin("hello\n");
        Thread.Sleep(100);
        h.WriteStdin("world\n");
        h.CloseStdin();
        var r = h.Wait();
        Assert.Equal("", r.Stderr);
        Assert.Contains("got: hello\n", r.Stdout);
        Assert.EndsWith("end 12\n", r.Stdout);
    }

    [Fact]
    public void Stdin_AsyncIterationAndPipe_Work()
    {
        var r = _vm.Run(["node", "-e", """
            (async () => { const chunks = []; for await (const c of process.stdin) chunks.push(c); console.log(Buffer.concat(chunks).toString().toUpperCase().trim()); })();
            """], stdin: "abc\ndef\n");
        Assert.Equal("ABC\nDEF\n", r.Stdout);
        r = _vm.Run(["node", "-e", "process.stdin.pipe(process.stdout)"], stdin: "piped through\n");
        Assert.Equal("piped through\n", r.Stdout);
    }
}
