using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>
/// Pre-started engines and reused isolates: every node process still gets a fresh context (globals, built-ins) with
/// the security settings, and nothing of an earlier process's termination or heap reaches the next one.
/// </summary>
public sealed class EnginePoolTests
{
    [Fact]
    public async Task Take_ConsecutiveProcesses_ShareNoGlobalState()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            var r = await rt.ExecAsync("""
                console.log(typeof globalThis.leak, Object.prototype.polluted === undefined);
                globalThis.leak = 1; Object.prototype.polluted = 1;
                """);
            Assert.Equal("undefined true\n", r.Stdout);
        }
    }

    [Fact]
    public async Task Take_PooledEngine_HasNoHostObjectsAndItsOwnHeapLimit()
    {
        await using var small = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { JsHeapBytes = 32L << 20 } });
        await using var big = await NodeRuntime.CreateAsync();
        var r = await big.ExecAsync("console.log(typeof host, typeof xHost); const a = []; for (let i = 0; i < 6; i++) a.push(new Array(1 << 20).fill(i)); console.log('ok');");
        Assert.Equal("undefined undefined\nok\n", r.Stdout);
        // well past 32 MiB: the heap limit is checked by sampling, so a process just over it could finish first
        var oom = await small.ExecAsync("const a = []; for (let i = 0; i < 64; i++) a.push(new Array(1 << 20).fill(i)); console.log('ok');");
        Assert.Equal(134, oom.ExitCode);
    }

    [Fact]
    public async Task Release_AfterKillExitAndHeapLimit_NextProcessesRunCleanly()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { JsHeapBytes = 32L << 20 } });
        for (var i = 0; i < 6; i++)
        {
            // a process killed in a busy loop, one ended by process.exit, one that hits the heap limit …
            var spinning = new TaskCompletionSource();
            var busy = await rt.SpawnAsync("console.log('spinning'); while (true) {}", new SpawnOptions { OnStdout = _ => spinning.TrySetResult() });
            await spinning.Task.WaitAsync(TimeSpan.FromSeconds(30));
            busy.Kill(Signal.SIGKILL);
            Assert.Equal(137, await busy.WaitAsync());
            Assert.Equal(3, (await rt.ExecAsync("setTimeout(() => {}, 1000); process.exit(3)")).ExitCode);
            Assert.Equal(134, (await rt.ExecAsync("const a = []; for (;;) a.push(new Array(1 << 16).fill(1));")).ExitCode);
            // … and the processes after them start, run promises and timers, and exit normally
            var r = await rt.ExecAsync("await new Promise((r) => setTimeout(r, 1)); console.log('clean', typeof globalThis.leak); globalThis.leak = 1;");
            Assert.Equal("clean undefined\n", r.Stdout);
            Assert.Equal(0, r.ExitCode);
        }
    }
}
