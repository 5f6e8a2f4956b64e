namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>Pre-started engines: every node process still gets a fresh isolate with the security settings.</summary>
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
        var oom = await small.ExecAsync("const a = []; for (let i = 0; i < 6; i++) a.push(new Array(1 << 20).fill(i)); console.log('ok');");
        Assert.Equal(134, oom.ExitCode);
    }
}
