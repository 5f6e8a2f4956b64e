using System.Diagnostics;

namespace SecureExec.Testing.Tests;

/// <summary>NodeRuntimeOptions.Limits enforced on real guest processes.</summary>
public sealed class RuntimeLimitsTests
{
    private static readonly RuntimeLimits OneCpuSecond = new() { CpuTimePerProcess = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task CpuTimePerProcess_JsBusyLoop_DiesWithSigxcpu()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = OneCpuSecond });
        var clock = Stopwatch.StartNew();
        var r = await rt.ExecAsync("console.log('start'); while (true) {}", new ExecOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.False(r.TimedOut);
        Assert.True(r.CpuLimitExceeded);
        Assert.Equal(128 + 24, r.ExitCode); // SIGXCPU
        Assert.Equal("start\n", r.Stdout);
        Assert.Contains("CPU time limit exceeded", r.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task CpuTimePerProcess_SigxcpuCaught_SigkillOneCpuSecondLater()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = OneCpuSecond });
        var r = await rt.ExecAsync("process.on('SIGXCPU', () => {}); while (true) {}", new ExecOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(r.CpuLimitExceeded);
        Assert.Equal(137, r.ExitCode);
        Assert.Contains("CPU time limit exceeded", r.Stderr);
    }

    [Fact]
    public async Task CpuTimePerProcess_WasmBusyLoop_DiesWithSigxcpu()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = OneCpuSecond });
        var r = await rt.ExecCommandAsync("sh", ["-c", "while :; do :; done"], new ExecOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(r.CpuLimitExceeded);
        Assert.Equal(128 + 24, r.ExitCode);
        Assert.Contains("CPU time limit exceeded", r.Stderr);
    }

    /// <summary>
    /// CPU limit precision: each busy guest dies of SIGXCPU having used at most the limit + 100 ms of CPU (measured on
    /// the process thread's CPU clock when it ends, so host load does not blur it). The regex is a catastrophic
    /// backtrack (2^40 steps) inside one V8 call; V8's irregexp checks for interrupts while it backtracks.
    /// </summary>
    [Theory]
    [InlineData("node", "while (true) {}")]
    [InlineData("node", "/(a+)+$/.test('a'.repeat(40) + '!')")]
    [InlineData("node", "const a = []; for (;;) { a.push(JSON.stringify({ x: a.length })); if (a.length > 1000) a.length = 0; }")]
    [InlineData("sh", "while :; do :; done")]
    public async Task CpuTimePerProcess_BusyGuest_DiesWithinLimitPlus100ms(string command, string code)
    {
        var limit = TimeSpan.FromMilliseconds(400);
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { CpuTimePerProcess = limit } });
        await using var p = await rt.SpawnCommandAsync(command, [command == "sh" ? "-c" : "-e", code], new ExecOptions { Timeout = TimeSpan.FromSeconds(60) });
        var status = await p.WaitAsync();
        Assert.True(p.CpuLimitExceeded);
        Assert.Equal(128 + 24, status); // SIGXCPU
        var used = p.CpuTimeUsed!.Value;
        Assert.True(used >= limit && used <= limit + TimeSpan.FromMilliseconds(100), $"{command} used {used.TotalMilliseconds:0} ms of CPU for a {limit.TotalMilliseconds:0} ms limit");
    }

    [Fact]
    public async Task CpuTimePerProcess_SleepingProcess_IsNotCharged()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = OneCpuSecond });
        var r = await rt.ExecAsync("await new Promise((r) => setTimeout(r, 1500)); console.log('done')");
        Assert.Equal(0, r.ExitCode);
        Assert.False(r.CpuLimitExceeded);
        Assert.Equal("done\n", r.Stdout);
    }

    [Fact]
    public async Task JsHeapBytes_Exceeded_ReportsHeapOutOfMemory()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { JsHeapBytes = 32L << 20 } });
        var r = await rt.ExecAsync("const keep = []; while (true) keep.push(new Array(100000).fill({ a: 1 }));");
        Assert.Equal(134, r.ExitCode); // SIGABRT, like Node's fatal OOM
        Assert.Contains("JavaScript heap out of memory", r.Stderr);
        Assert.Equal("ok\n", (await rt.ExecAsync("console.log('ok')")).Stdout); // the VM carries on
    }

    [Fact]
    public async Task MaxProcesses_Exceeded_SpawnFailsWithEagain()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { MaxProcesses = 4 } });
        var r = await rt.ExecAsync("""
            import { spawn } from "node:child_process";
            const results = await Promise.all([1, 2, 3].map(() => new Promise((resolve) => {
              const c = spawn("sleep", ["0.5"]);
              c.on("error", (e) => resolve(e.code));
              c.on("exit", (code) => resolve("exit " + code));
            })));
            console.log(results.sort().join(","));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("EAGAIN,exit 0,exit 0\n", r.Stdout); // init + node + two children
    }

    [Fact]
    public async Task MaxOpenFilesAndFileSystemBytes_Exceeded_GiveEmfileAndEnospc()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            Limits = new RuntimeLimits { MaxOpenFiles = 16, MaxFileSystemBytes = 1L << 20 },
        });
        var r = await rt.ExecAsync("""
            import * as fs from "node:fs";
            const fds = [];
            let code;
            try { for (;;) fds.push(fs.openSync("/tmp/f" + fds.length, "w")); } catch (e) { code = e.code; }
            console.log(code, fds.length);
            fds.forEach((fd) => fs.closeSync(fd));
            try { fs.writeFileSync("/tmp/big", Buffer.alloc(2 << 20)); } catch (e) { console.log(e.code); }
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("EMFILE 13\nENOSPC\n", r.Stdout);
    }

    [Fact]
    public async Task MaxOutputBytes_Exceeded_CaptureCutWithMarker_ProcessKeepsRunning()
    {
        var streamed = 0;
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { MaxOutputBytes = 1000 } });
        var r = await rt.ExecAsync("""
            process.stdout.write("x".repeat(5000));
            import { writeFileSync } from "node:fs";
            writeFileSync("/tmp/after", "still running");
            """, new ExecOptions { OnStdout = c => Interlocked.Add(ref streamed, c.Length) });
        Assert.Equal(0, r.ExitCode);
        Assert.True(r.OutputTruncated);
        Assert.Equal(new string('x', 1000) + "\n[secure-exec: output truncated after 1000 bytes]\n", r.Stdout);
        Assert.Equal(5000, streamed);
        Assert.Equal("still running", await rt.FileSystem.ReadAllTextAsync("/tmp/after"));
    }

    [Fact]
    public async Task MaxTimersPerProcess_Exceeded_ThrowsRangeErrorNamingTheLimit()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { MaxTimersPerProcess = 100 } });
        var r = await rt.ExecAsync("""
            const ts = [];
            for (let i = 0; i < 100; i++) ts.push(i % 2 ? setTimeout(() => {}, 100000) : setInterval(() => {}, 100000));
            try { setTimeout(() => {}, 1); } catch (e) { console.log(e instanceof RangeError, e.code, e.message); }
            clearTimeout(ts.pop());
            ts.push(setTimeout(() => console.log('fired'), 1)); // room again after a clear
            ts[0].refresh(); // a live timer restarts within the limit
            const ims = [];
            for (let i = 0; i < 100; i++) ims.push(setImmediate(() => {}));
            try { setImmediate(() => {}); } catch (e) { console.log('immediate', e.code); }
            ims.forEach(clearImmediate);
            ts.slice(0, -1).forEach(clearTimeout); // all but 'fired'
            """);
        Assert.Equal("true ERR_SANDBOX_TIMER_LIMIT Too many live timers and immediates in this process (limit 100); clear the ones no longer needed or raise RuntimeLimits.MaxTimersPerProcess\n" +
            "immediate ERR_SANDBOX_TIMER_LIMIT\nfired\n", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public async Task JsArrayBufferBytes_Exceeded_AllocationFailsInTheGuestOnly()
    {
        // ArrayBuffer memory lives outside the V8 heap: without its own cap a guest could fill the host's memory.
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { JsArrayBufferBytes = 64L << 20 } });
        var r = await rt.ExecAsync("""
            const keep = [];
            try { for (let i = 0; i < 64; i++) keep.push(Buffer.alloc(16 << 20)); console.log('allocated', keep.length); }
            catch (e) { console.log(e.name, e.message, keep.length < 4); }
            keep.length = 0;
            console.log(new Uint8Array(8 << 20).length);
            """);
        Assert.Equal("RangeError Array buffer allocation failed true\n8388608\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
        await using var other = await NodeRuntime.CreateAsync();
        Assert.Equal("16777216\n", (await other.ExecAsync("console.log(Buffer.alloc(16 << 20).length)")).Stdout);
    }

    [Fact]
    public async Task Limits_Invalid_ThrowArgumentException()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { JsHeapBytes = 1 << 20 } }));
        Assert.Contains("JsHeapBytes", ex.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { CpuTimePerProcess = TimeSpan.Zero } }));
        ex = await Assert.ThrowsAsync<ArgumentException>(() => NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { MaxTimersPerProcess = 0 } }));
        Assert.Contains("MaxTimersPerProcess", ex.Message);
        ex = await Assert.ThrowsAsync<ArgumentException>(() => NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { MaxHttpBodyBytes = -1 } }));
        Assert.Contains("MaxHttpBodyBytes", ex.Message);
        ex = await Assert.ThrowsAsync<ArgumentException>(() => NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { JsArrayBufferBytes = 0 } }));
        Assert.Contains("JsArrayBufferBytes", ex.Message);
    }

    [Fact]
    public void MemoryLimitBytes_Shorthand_SetsBothMemoryLimits()
    {
        var o = new NodeRuntimeOptions { MemoryLimitBytes = 64L << 20 };
        Assert.Equal(64L << 20, o.Limits.WasmMemoryBytes);
        Assert.Equal(64L << 20, o.Limits.JsHeapBytes);
        Assert.Equal(RuntimeLimits.MinJsHeapBytes, new NodeRuntimeOptions { MemoryLimitBytes = 1 << 20 }.Limits.JsHeapBytes);
    }
}
