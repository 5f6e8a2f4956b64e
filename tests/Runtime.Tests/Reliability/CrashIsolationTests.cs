using System.Text;
using SecureExec.Testing.Tests.Drivers.Wasm;

namespace SecureExec.Testing.Tests.Reliability;

/// <summary>
/// Issue 13, "a guest crash in one runtime does not affect another": while runtime B is in the middle of a node
/// process (its state built, waiting for a line of stdin) and a shell loop, a guest of runtime A dies of a V8 heap
/// out-of-memory, SIGXCPU or a WASM trap. B's results are intact and A carries on.
/// </summary>
public sealed class CrashIsolationTests
{
    private const string MidExecJs = """
        import { execFileSync } from 'node:child_process';
        const big = Array.from({ length: 100000 }, (_, i) => i * 2);
        console.log('started');
        process.stdin.once('data', (line) => {
          const sum = big.reduce((a, b) => a + b, 0);
          const sh = execFileSync('sh', ['-c', 'seq 1 2000 | sort -rn | head -1']).toString().trim();
          console.log(sum, sh, String(line).trim());
          process.exit(0);
        });
        """;

    [Theory]
    [InlineData("heap out of memory")]
    [InlineData("SIGXCPU (js)")]
    [InlineData("SIGXCPU (wasm)")]
    [InlineData("wasm trap")]
    public async Task GuestCrash_InOneRuntime_OtherRuntimeMidExecIntact(string crash)
    {
        await using var b = await NodeRuntime.CreateAsync();
        var bOut = new StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var node = await b.SpawnAsync(MidExecJs, new SpawnOptions
        {
            OnStdout = c =>
            {
                lock (bOut)
                {
                    bOut.Append(Encoding.UTF8.GetString(c.Span));
                    if (bOut.ToString().Contains("started\n", StringComparison.Ordinal)) started.TrySetResult();
                }
            },
            Timeout = TimeSpan.FromSeconds(60),
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var loop = b.ExecCommandAsync("sh", ["-c", "i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; echo $i"]);

        var (result, after) = await CrashAsync(crash);

        await node.WriteStdinAsync("go\n");
        Assert.Equal(0, await node.WaitAsync());
        lock (bOut) Assert.Equal("started\n9999900000 2000 go\n", bOut.ToString());
        Assert.Equal("3000\n", (await loop).ThrowOnFailure().Stdout);
        var (exitCode, message) = crash switch
        {
            "heap out of memory" => (134, "JavaScript heap out of memory"),
            "wasm trap" => (134, "wasm trap: wasm `unreachable` instruction executed"),
            _ => (152, "CPU time limit exceeded"),
        };
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, after); // A carries on
    }

    /// <summary>Runs the crash in a runtime of its own; returns its result and the exit code of a command run afterwards.</summary>
    private static async Task<(ExecResult Result, int After)> CrashAsync(string crash)
    {
        // 1 CPU second only where SIGXCPU is the crash: a heap-filling loop near its limit (GC-heavy) could reach it first
        var cpu = crash.StartsWith("SIGXCPU", StringComparison.Ordinal) ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1);
        var options = new NodeRuntimeOptions { Limits = new RuntimeLimits { JsHeapBytes = 32L << 20, CpuTimePerProcess = cpu } };
        var timeout = new ExecOptions { Timeout = TimeSpan.FromSeconds(30) };
        if (crash == "wasm trap")
        {
            await using var trapRuntime = await WasmTestPrograms.CreateRuntimeAsync(options);
            var trapped = await trapRuntime.ExecCommandAsync("trap", ["unreachable"], timeout);
            return (trapped, (await trapRuntime.ExecCommandAsync("exit_code", ["0"])).ExitCode);
        }
        await using var a = await NodeRuntime.CreateAsync(options);
        var r = crash switch
        {
            "heap out of memory" => await a.ExecAsync("const keep = []; while (true) keep.push(new Array(100000).fill({ a: 1 }));", timeout),
            "SIGXCPU (js)" => await a.ExecAsync("while (true) {}", timeout),
            _ => await a.ExecCommandAsync("sh", ["-c", "while :; do :; done"], timeout),
        };
        return (r, (await a.ExecAsync("console.log(1)")).ExitCode);
    }
}
