using SecureExec.Bench;
using SecureExec.Testing;

// Usage: dotnet run --project bench/SecureExec.Bench -c Release [-- --quick] [--filter TEXT] [--no-peer]
// A full run writes results/latest.{md,json}; a filtered one results/filtered.{md,json}; --quick writes nothing.
// A child run for the "first exec in a new host process" scenarios: create a runtime, run `true`, exit.
if (args.Contains("--first-exec"))
{
    await using var first = await NodeRuntime.CreateAsync();
    var r = await first.ExecCommandAsync("true", []);
    return r.ExitCode;
}
// The same for JavaScript: create a runtime, run console.log(1), dispose, exit.
if (args.Contains("--first-node"))
{
    await using var first = await NodeRuntime.CreateAsync();
    var r = await first.ExecAsync("console.log(1)");
    return r.Stdout == "1\n" ? r.ExitCode : 1;
}

var quick = args.Contains("--quick");
var noPeer = args.Contains("--no-peer");
var filterIndex = Array.IndexOf(args, "--filter");
var filter = filterIndex >= 0 && filterIndex + 1 < args.Length ? args[filterIndex + 1] : null;

await using var rt = await NodeRuntime.CreateAsync();

async Task Guest(string script)
{
    var r = await rt.ExecCommandAsync("sh", ["-c", script]);
    if (r.ExitCode != 0) throw new InvalidOperationException($"guest failed ({r.ExitCode}): {script}\n{r.Stderr}");
}

async Task Js(NodeRuntime runtime, string code)
{
    var r = await runtime.ExecAsync(code);
    if (r.ExitCode != 0) throw new InvalidOperationException($"guest failed ({r.ExitCode}): {code}\n{r.Stderr}");
}

var scenarios = new List<Scenario>
{
    // issue 6: the NodeRuntime API
    // warm: a long test run's steady state (.NET's tiered JIT keeps compiling through the first ~2,000 execs: perf showed
    // its thread busy to the end of a 1,000-exec warm-up, competing for the 2 cores)
    new("node", "warm ExecAsync `console.log(1)` on an existing runtime", () => Js(rt, "console.log(1)"), Iterations: 300, Warmup: 3000, TargetMs: 3)
    {
        Peer = PeerBaseline.ExecWarm, PeerTargetTimes = 20,
    },
    new("node", "runtime create + ExecAsync `console.log(1)` + dispose (warm host)", async () =>
    {
        await using var fresh = await NodeRuntime.CreateAsync();
        await Js(fresh, "console.log(1)");
    }, Iterations: 50, Warmup: 20, TargetMs: 15)
    {
        Peer = PeerBaseline.CreateExecDispose, PeerTargetTimes = 20,
    },
    new("node", "new host process: create + `console.log(1)` + dispose (cold, disk cache warm)",
        () => FirstExec.RunAsync(emptyCache: false, "--first-node"), Iterations: 5, Warmup: 1),
    new("node", "guest `execFileSync('sh', ['-c', 'echo hi'])` per call (timed in the guest)", () => Task.CompletedTask, Iterations: 100, Warmup: 5, TargetMs: 2)
    {
        Sampler = GuestTimed.Sampler(rt, "import { execFileSync } from 'node:child_process';", "execFileSync('sh', ['-c', 'echo hi']);"),
        Peer = PeerBaseline.ChildSh, PeerTargetTimes = 20,
    },
    new("node", "guest `execFileSync('node', ['-e', '0'])` child start (timed in the guest)", () => Task.CompletedTask, Iterations: 50, Warmup: 3, TargetMs: 10)
    {
        Sampler = GuestTimed.Sampler(rt, "import { execFileSync } from 'node:child_process';", "execFileSync('node', ['-e', '0']);"),
    },

    new("start-up", "guest `true` (warm runtime)", async () => await rt.ExecCommandAsync("true", []), Iterations: 200),
    new("start-up", "runtime create + `true` + dispose", async () =>
    {
        await using var fresh = await NodeRuntime.CreateAsync();
        await fresh.ExecCommandAsync("true", []);
    }, Iterations: 50),
    new("start-up", "new host process: first `true`, modules compiled (empty cache)",
        () => FirstExec.RunAsync(emptyCache: true), Iterations: 3, Warmup: 0),
    new("start-up", "new host process: first `true`, modules from the disk cache",
        () => FirstExec.RunAsync(emptyCache: false), Iterations: 5, Warmup: 1, Baseline: "new host process: first `true`, modules compiled (empty cache)"),
    new("start-up", "guest `sh -c true`", () => Guest("true"), Iterations: 100),
    new("start-up", "host `sh -c true`", () => HostBaseline.ShellAsync("true"), Iterations: 100),
    new("shell", "guest `echo hello | wc -c`", () => Guest("echo hello | wc -c"), Iterations: 100, Baseline: "host `echo hello | wc -c`", TargetMs: 2)
    {
        Peer = PeerBaseline.ShellEchoWc, PeerTargetTimes = 20,
    },
    new("shell", "host `echo hello | wc -c`", () => HostBaseline.ShellAsync("echo hello | wc -c"), Iterations: 100),
    new("shell", "guest `seq 1 100000 | sort -n | tail -1`", () => Guest("seq 1 100000 | sort -n | tail -1"), Iterations: 10, Baseline: "host `seq 1 100000 | sort -n | tail -1`")
    {
        Peer = PeerBaseline.ShellSeqSort,
    },
    new("shell", "host `seq 1 100000 | sort -n | tail -1`", () => HostBaseline.ShellAsync("seq 1 100000 | sort -n | tail -1"), Iterations: 10),
    new("pipes", "guest `head -c 100000000 /dev/zero | wc -c`", () => Guest("head -c 100000000 /dev/zero | wc -c"), Iterations: 5, Warmup: 1, Baseline: "host `head -c 100000000 /dev/zero | wc -c`"),
    new("pipes", "host `head -c 100000000 /dev/zero | wc -c`", () => HostBaseline.ShellAsync("head -c 100000000 /dev/zero | wc -c"), Iterations: 5, Warmup: 1),
};
scenarios.AddRange(new ConcurrentRuntimes("`console.log(1)`", r => Js(r, "console.log(1)")).Scenarios(rounds: 5));
scenarios.AddRange(new ConcurrentRuntimes("`sh -c 'echo hi | wc -c'`", async r =>
{
    var e = await r.ExecCommandAsync("sh", ["-c", "echo hi | wc -c"]);
    if (e.ExitCode != 0 || e.Stdout.Trim() != "3") throw new InvalidOperationException($"echo hi | wc -c: {e.ExitCode} {e.Stdout}");
}).Scenarios(rounds: 5));
scenarios.AddRange(await HttpScenarios.CreateAsync(rt));
scenarios.AddRange(await ToolScenarios.CreateAsync());

var results = new List<Measurement>();
foreach (var s in scenarios.Where(s => filter is null || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase) || s.Group == filter))
{
    try
    {
        var m = await s.MeasureAsync(quick);
        results.Add(m);
        Console.WriteLine($"{m.Group,-10} {m.Name,-48} min {m.MinMs,9:F3} ms  median {m.MedianMs,9:F3} ms  p95 {m.P95Ms,9:F3} ms");
    }
    catch (Exception ex)
    {
        Console.WriteLine($"{s.Group,-10} {s.Name,-48} FAILED: {ex.Message.Split('\n')[0]}");
        if (quick) Environment.ExitCode = 1;
    }
}

var memory = new List<MemoryMeasurement>();
if (filter is null || "idle runtime memory".Contains(filter, StringComparison.OrdinalIgnoreCase))
{
    foreach (var n in quick ? [1] : new[] { 1, 10, 50 })
    {
        var m = await IdleMemory.MeasureAsync(n);
        memory.Add(m);
        Console.WriteLine($"memory   {n,3} idle runtimes: RSS {m.RssMbPerRuntime,7:F2} MB per runtime, managed {m.ManagedMbPerRuntime,7:F2} MB per runtime");
    }
}

// The peer sandbox last, alone on the machine: the workloads of the selected scenarios (all in a full run).
var (peer, peerError, peerFailed) = noPeer ? (null, "--no-peer", false) : await PeerBaseline.RunAndReportAsync(quick, filter is not null, results, memory.Count > 0);
if (quick && peerFailed) Environment.ExitCode = 1;

if (!quick) ResultsWriter.Write(filter is null ? "latest" : "filtered", results, memory, peer, peerError);
return Environment.ExitCode;
