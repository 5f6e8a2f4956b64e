using System.Text;
using BenchmarkDotNet.Attributes;
using SecureExec.Testing;

namespace SecureExec.Bench.Micro;

/// <summary>
/// Through the public API on one warm runtime: a WASM command's spawn + wait, a whole JavaScript exec, and the
/// guest-to-host bridge (fs.statSync) in a guest that stays alive between requests.
/// </summary>
public class RuntimeBenchmarks
{
    /// <summary>fs.statSync calls per request to the live guest: the stdin/stdout exchange is spread over them.</summary>
    public const int StatsPerRequest = 1000;

    private static readonly string StatServer = $$"""
        import fs from "node:fs";
        process.stdin.setEncoding("utf8");
        process.stdin.on("data", (chunk) => {
          for (const line of chunk.split("\n")) {
            if (line === "") continue;
            for (let i = 0; i < {{StatsPerRequest}}; i++) fs.statSync("/");
            process.stdout.write("k\n");
          }
        });
        """;

    private NodeRuntime _runtime = null!;
    private NodeProcess _statServer = null!;
    private TaskCompletionSource _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [GlobalSetup]
    public async Task Setup()
    {
        _runtime = await NodeRuntime.CreateAsync();
        _statServer = await _runtime.SpawnAsync(StatServer, new SpawnOptions
        {
            OnStdout = data =>
            {
                // One "k\n" per request; requests never overlap, so any output completes the pending one.
                if (Encoding.UTF8.GetString(data.Span).Contains('k')) _reply.TrySetResult();
            },
        });
        await StatRequest(); // the server is up and its modules are loaded
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _statServer.CloseStdin();
        await _statServer.WaitAsync();
        await _statServer.DisposeAsync();
        await _runtime.DisposeAsync();
    }

    /// <summary>Spawn the WASM `true` command in the kernel and wait for its exit.</summary>
    [Benchmark]
    public async Task<int> WasmTrueSpawnWait()
    {
        var r = await _runtime.ExecCommandAsync("true", []);
        return r.ExitCode == 0 ? 0 : throw new InvalidOperationException($"true exited {r.ExitCode}");
    }

    /// <summary>A whole warm ExecAsync("console.log(1)"): a new guest node process on the existing runtime.</summary>
    [Benchmark]
    public async Task<int> ExecConsoleLog()
    {
        var r = await _runtime.ExecAsync("console.log(1)");
        return r.Stdout == "1\n" ? 0 : throw new InvalidOperationException($"console.log(1): {r.ExitCode} {r.Stdout} {r.Stderr}");
    }

    /// <summary>One fs.statSync("/") bridge round trip in a warm guest loop (per call; one request runs 1000).</summary>
    [Benchmark(OperationsPerInvoke = StatsPerRequest)]
    public Task BridgeStatSync() => StatRequest();

    private async Task StatRequest()
    {
        _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _statServer.WriteStdin("s\n");
        await _reply.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
