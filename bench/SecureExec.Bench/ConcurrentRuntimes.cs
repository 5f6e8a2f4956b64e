using System.Diagnostics;
using SecureExec.Testing;

namespace SecureExec.Bench;

/// <summary>
/// Many live runtimes executing at once: <see cref="Count"/> runtimes are created (not timed), then each round starts
/// the same exec in every runtime at the same moment. Two scenarios share one run: the wall time of a round (all
/// execs done) and the latency of each exec (its p95 is the one to read).
/// </summary>
internal sealed class ConcurrentRuntimes(string label, Func<NodeRuntime, Task> exec)
{
    public const int Count = 50;
    private Task<(List<double> Wall, List<double> PerExec)>? _run;

    public IEnumerable<Scenario> Scenarios(int rounds)
    {
        yield return new("concurrent", $"{Count} runtimes at once, {label} in each: wall time for all", () => Task.CompletedTask, Iterations: rounds, Warmup: 1)
        {
            Sampler = async (warmup, iterations) => (await RunOnce(warmup, iterations)).Wall,
        };
        yield return new("concurrent", $"{Count} runtimes at once, {label} in each: per exec", () => Task.CompletedTask, Iterations: rounds, Warmup: 1)
        {
            Sampler = async (warmup, iterations) => (await RunOnce(warmup, iterations)).PerExec,
        };
    }

    private Task<(List<double> Wall, List<double> PerExec)> RunOnce(int warmup, int rounds) => _run ??= RunAsync(warmup, rounds);

    private async Task<(List<double> Wall, List<double> PerExec)> RunAsync(int warmup, int rounds)
    {
        var runtimes = new List<NodeRuntime>(Count);
        try
        {
            for (var i = 0; i < Count; i++) runtimes.Add(await NodeRuntime.CreateAsync());
            var wall = new List<double>();
            var perExec = new List<double>();
            for (var round = 0; round < warmup + rounds; round++)
            {
                var sw = Stopwatch.StartNew();
                var times = await Task.WhenAll(runtimes.Select(async rt =>
                {
                    var t = Stopwatch.StartNew();
                    await exec(rt);
                    return t.Elapsed.TotalMilliseconds;
                }));
                if (round < warmup) continue;
                wall.Add(sw.Elapsed.TotalMilliseconds);
                perExec.AddRange(times);
            }
            return (wall, perExec);
        }
        finally
        {
            foreach (var rt in runtimes) await rt.DisposeAsync();
        }
    }
}
