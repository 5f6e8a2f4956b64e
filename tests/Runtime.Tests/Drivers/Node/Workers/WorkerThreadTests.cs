using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node;
using SecureExec.Testing.Drivers.Node.Workers;

namespace SecureExec.Testing.Tests.Drivers.Node.Workers;

/// <summary>worker_threads beyond the golden cases: one kernel process for all threads, lifetimes (kill, main exit,
/// no thread left behind), the heap limit, SharedArrayBuffer, and isolation between the isolates' bridges.</summary>
[Collection(WorkerThreadCollection.Name)] // thread counts are measured: not in parallel with other worker tests
public sealed class WorkerThreadTests
{
    [Fact]
    public void Worker_SameKernelProcess_SharesPidCwdAndFds()
    {
        using var vm = new NodeHarness();
        vm.WriteFile("/app/main.js", """
            const { Worker } = require('worker_threads');
            const fs = require('fs');
            const fd = fs.openSync('/tmp/shared.txt', 'w');
            fs.writeSync(fd, 'parent;');
            const w = new Worker(`
              const { parentPort, workerData } = require('worker_threads');
              require('fs').writeSync(workerData.fd, 'worker;');
              parentPort.postMessage({ pid: process.pid, ppid: process.ppid, cwd: process.cwd() });
            `, { eval: true, workerData: { fd } });
            w.on('message', (m) => console.log(m.pid === process.pid, m.ppid === process.ppid, m.cwd));
            w.on('exit', () => { fs.writeSync(fd, 'parent again'); fs.closeSync(fd); console.log(fs.readFileSync('/tmp/shared.txt', 'utf8')); });
            """);
        var r = vm.Run(["node", "/app/main.js"], cwd: "/app");
        Assert.Equal("", r.Stderr);
        Assert.Equal("true true /app\nparent;worker;parent again\n", r.Stdout);
    }

    [Fact]
    public void Worker_ProcessStdin_IsEmptyAndLeavesFd0ToTheMainThread()
    {
        using var vm = new NodeHarness();
        var r = vm.Run(["node", "-e", """
            const { Worker } = require('worker_threads');
            const w = new Worker("let n = 0; process.stdin.on('data', (d) => { n += d.length; }).on('end', () => require('worker_threads').parentPort.postMessage(n))", { eval: true });
            w.on('message', (n) => {
              console.log('worker read', n);
              let text = '';
              process.stdin.setEncoding('utf8').on('data', (d) => { text += d; }).on('end', () => console.log('main read', text));
            });
            """], stdin: "hello from the host");
        Assert.Equal("", r.Stderr);
        Assert.Equal("worker read 0\nmain read hello from the host\n", r.Stdout);
    }

    [Fact]
    public void Worker_StdinOption_FeedsTheWorkersProcessStdin()
    {
        // As Node 22.23.5 prints it (AVA runs its test workers this way).
        using var vm = new NodeHarness();
        var r = vm.Run(["node", "-e", """
            const { Worker } = require('worker_threads');
            const w = new Worker("let s = ''; process.stdin.setEncoding('utf8').on('data', (d) => { s += d; }).on('end', () => process.stdout.write('got ' + s));", { eval: true, stdin: true, stdout: true });
            w.stdout.on('data', (d) => console.log('from worker stdout:', JSON.stringify(String(d))));
            w.stdin.write('hello ');
            w.stdin.end('world');
            w.on('exit', (c) => console.log('exit', c));
            """]);
        Assert.Equal("", r.Stderr);
        Assert.Equal("from worker stdout: \"got hello world\"\nexit 0\n", r.Stdout);
    }

    [Fact]
    public void Kill_ProcessWithBusyAndIdleWorkers_EveryThreadAndEngineEnds()
    {
        using var vm = new NodeHarness();
        var engines = EnginePool.InUse;
        var h = vm.Start(["node", "-e", """
            const { Worker } = require('worker_threads');
            let online = 0;
            for (const code of ['for (;;) {}', 'setInterval(() => {}, 1000)', "require('worker_threads').parentPort.on('message', () => {})"]) {
              new Worker(code, { eval: true }).on('online', () => { if (++online === 3) console.log('ready'); });
            }
            setInterval(() => {}, 1000);
            """]);
        WaitFor(h, "ready");
        Assert.Equal(Errno.SUCCESS, vm.Kernel.Kill(null, h.Process.Pid, (int)Signal.SIGTERM));
        var r = h.Wait(10_000);
        Assert.True(r.Status.IfSignaled);
        Assert.Equal(Signal.SIGTERM, r.Status.TermSignal);
        Assert.True(SpinWait.SpinUntil(() => WorkerThread.LiveCount == 0, 5000), $"{WorkerThread.LiveCount} worker threads left");
        Assert.True(SpinWait.SpinUntil(() => EnginePool.InUse == engines, 5000), $"{EnginePool.InUse - engines} engines left");
    }

    [Fact]
    public void MainEnds_WithRunningWorkers_WorkersTerminatedAndHostThreadsReturnToBaseline()
    {
        using var vm = new NodeHarness();
        const string program = """
            const { Worker } = require('worker_threads');
            for (let i = 0; i < 3; i++) {
              const w = new Worker(i === 0 ? 'for (;;) {}' : "new (require('worker_threads').Worker)('setInterval(() => {}, 1000)', { eval: true }); setInterval(() => {}, 1000)", { eval: true });
              w.unref();
            }
            console.log('main done');
            """;
        Assert.Equal("main done\n", vm.Node("-e", program).Stdout); // warm-up: pools and thread pool threads exist
        Assert.True(SpinWait.SpinUntil(() => WorkerThread.LiveCount == 0, 5000));
        Thread.Sleep(200);
        var baseline = HostThreads();
        var engines = EnginePool.InUse;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var r = vm.Node("-e", program);
        Assert.Equal("main done\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
        Assert.True(started.ElapsedMilliseconds < 9000, $"main took {started.ElapsedMilliseconds} ms to end");
        Assert.Equal(0, WorkerThread.LiveCount); // joined before the process ended
        Assert.Equal(engines, EnginePool.InUse);  // every worker's engine released
        Assert.True(SpinWait.SpinUntil(() => HostThreads() <= baseline, 10_000), $"host threads {HostThreads()} > baseline {baseline}");
    }

    [Fact]
    public void Worker_ResourceLimitsExceeded_EndsWithErrWorkerOutOfMemoryNotTheProcess()
    {
        using var vm = new NodeHarness();
        var r = vm.Node("-e", """
            const { Worker } = require('worker_threads');
            const w = new Worker('const a = []; for (;;) a.push(new Array(1e5).fill(a.length));', { eval: true, resourceLimits: { maxOldGenerationSizeMb: 32 } });
            w.on('error', (e) => console.log('error', e.code, e.message));
            w.on('exit', (code) => console.log('exit', code, 'main alive'));
            """);
        Assert.Equal("error ERR_WORKER_OUT_OF_MEMORY Worker terminated due to reaching memory limit: JS heap out of memory\nexit 1 main alive\n", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void PostMessage_SharedArrayBuffer_DataCloneErrorNamingTheSandbox()
    {
        using var vm = new NodeHarness();
        var r = vm.Node("-e", """
            const { MessageChannel } = require('worker_threads');
            const { port1 } = new MessageChannel();
            for (const v of [new SharedArrayBuffer(8), { view: new Int32Array(new SharedArrayBuffer(8)) }]) {
              try { port1.postMessage(v); } catch (e) { console.log(e.name, e.message); }
            }
            port1.close();
            """);
        const string message = "#<SharedArrayBuffer> could not be cloned: each worker is a separate V8 isolate in this sandbox, so SharedArrayBuffer memory cannot be shared between threads (ERR_NOT_SUPPORTED_IN_SANDBOX)";
        Assert.Equal($"DataCloneError {message}\nDataCloneError {message}\n", r.Stdout);
    }

    [Fact]
    public void Bridge_WorkerIsolate_CannotReachParentPortsOrWorkers()
    {
        using var vm = new NodeHarness(new NodeDriverOptions { ExposeBridgeForTests = "__probe" });
        var r = vm.Node("-e", """
            const { Worker, MessageChannel } = require('worker_threads');
            globalThis.parentSecret = 'main only';
            const channels = [new MessageChannel(), new MessageChannel()];
            channels[0].port1.postMessage('for the parent');
            const w = new Worker(`
              const { bridge, OP } = __probe;
              const { workerData } = require('worker_threads');
              const out = [typeof parentSecret, Object.getOwnPropertyNames(globalThis).sort().join() === workerData];
              for (let id = 1; id <= 12; id++) {
                if (id === 6) { out.push(JSON.stringify(bridge(OP.PortReceive, id))); continue; } // its own parentPort
                out.push([bridge(OP.PortReceive, id), bridge(OP.PortClose, id), bridge(OP.PortStart, id, true), bridge(OP.PortBind, id, 99)].join(','));
              }
              out.push(bridge(OP.WorkerTerminate, 1), bridge(OP.WorkerExitInfo, 1), bridge(OP.LoopRef, 12345, true));
              require('worker_threads').parentPort.postMessage(out.join(' '));
            `, { eval: true, workerData: Object.getOwnPropertyNames(globalThis).filter((n) => n !== 'parentSecret').sort().join() });
            w.on('message', (m) => console.log(m));
            w.on('exit', () => console.log(require('worker_threads').receiveMessageOnPort(channels[0].port2).message));
            """);
        Assert.Equal("", r.Stderr);
        var lines = r.Stdout.Split('\n');
        var own = 6; // the worker's parentPort (ids 5 and 6: the third pair) is the only port it may use
        var expected = new List<string> { "undefined", "true" }; // same bootstrap, same global surface, no parent objects
        for (var id = 1; id <= 12; id++) expected.Add(id == own ? "\"\"" : "-9,-9,-9,-9");
        expected.AddRange(["-3", "-3", "-22"]);
        Assert.Equal(string.Join(' ', expected), lines[0]);
        Assert.Equal("for the parent", lines[1]);
    }

    [Fact]
    public void Worker_EsmFileAndNestedWorker_RunUnderTheSameProcess()
    {
        using var vm = new NodeHarness();
        vm.WriteFile("/app/outer.mjs", """
            import { Worker, parentPort, workerData, threadId } from 'node:worker_threads';
            const inner = new Worker(new URL('./inner.cjs', import.meta.url), { workerData: workerData + 1 });
            inner.on('message', (m) => parentPort.postMessage(`outer ${threadId} got ${m}`));
            """);
        vm.WriteFile("/app/inner.cjs", """
            const { parentPort, workerData, threadId } = require('worker_threads');
            parentPort.postMessage(`inner ${threadId} data ${workerData} pid ${process.pid}`);
            """);
        var r = vm.Node("--input-type=module", "-e", """
            import { Worker } from 'node:worker_threads';
            const w = new Worker('/app/outer.mjs', { workerData: 1 });
            w.on('message', (m) => console.log(m.replace('pid ' + process.pid, 'pid PID')));
            w.on('exit', (c) => console.log('exit', c));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("outer 1 got inner 2 data 2 pid PID\nexit 0\n", r.Stdout);
    }

    [Fact]
    public void Bridge_WorkerOpsWithHostileArguments_FromAWorker_NeverThrowDotNetNorCrash()
    {
        using var vm = new NodeHarness(new NodeDriverOptions { ExposeBridgeForTests = "__probe" });
        var r = vm.Node("-e", """
            const { Worker } = require('worker_threads');
            const w = new Worker(`
              const { bridge, OP } = __probe;
              const names = ['PortPair', 'PortBind', 'PortStart', 'PortPost', 'PortReceive', 'PortClose', 'LoopRef', 'WorkerStart',
                'WorkerTerminate', 'WorkerExitInfo', 'WorkerOnline', 'WorkerError', 'BroadcastJoin', 'BroadcastPost', 'BroadcastReceive', 'BroadcastClose'];
              const hostile = [undefined, null, -1, 0, 1, 2, 3, 2147483648, 1e300, NaN, -0, '', 'x'.repeat(100000), '1,2,3', '{"mode":"eval"}',
                {}, [], () => 1, Symbol('s'), 10n, new Uint8Array(4), { valueOf() { throw new Error('v'); } }];
              const threw = new Set();
              let calls = 0;
              for (const name of names) for (const a of hostile) for (const b of [undefined, -1, 0, 1, 65536, 65537, 'x', '1']) {
                if (name === 'LoopRef' && b) continue; // a valid ref would keep the worker alive (that is its job)
                calls++;
                try { bridge(OP[name], a, b, b, a, b); } catch (e) { if (!(e instanceof Error)) threw.add(String(e)); else if (e.constructor !== Error) threw.add(e.constructor.name); }
              }
              console.log(calls + ' ' + [...threw].join()); // not through parentPort: the hostile calls may close it
            `, { eval: true });
            w.on('message', (m) => console.log(m));
            w.on('error', (e) => console.log('worker error', e.message));
            w.on('exit', (c) => console.log('exit', c));
            """);
        Assert.False(r.Stderr.Contains("internal error", StringComparison.Ordinal), r.Stderr);
        Assert.Matches(@"^\d{3,} \nexit 0\n$", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    /// <summary>OS threads of the host process, minus the .NET thread pool's (which grows and shrinks on its own).</summary>
    private static int HostThreads()
    {
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        return p.Threads.Count - ThreadPool.ThreadCount;
    }

    private static void WaitFor(GuestHandle h, string text)
    {
        Assert.True(SpinWait.SpinUntil(() => { lock (h.StdoutSoFar) return h.StdoutSoFar.ToString().Contains(text, StringComparison.Ordinal); }, 10_000),
            $"'{text}' never appeared; output so far: {h.StdoutSoFar}");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerThreadCollection
{
    public const string Name = "worker_threads";
}
