using System.Text.Json;
using SecureExec.Testing;

namespace SecureExec.Bench;

/// <summary>Timings taken inside the guest: each call of <c>body</c> timed with process.hrtime in one ExecAsync, so
/// what is measured is the guest operation itself (e.g. a child process), not the host round trip.</summary>
internal static class GuestTimed
{
    public static Func<int, int, Task<List<double>>> Sampler(NodeRuntime rt, string imports, string body) => async (warmup, iterations) =>
    {
        var code = $$"""
            {{imports}}
            const samples = [];
            for (let i = 0; i < {{warmup + iterations}}; i++) {
              const t = process.hrtime.bigint();
              {{body}}
              if (i >= {{warmup}}) samples.push(Number(process.hrtime.bigint() - t) / 1e6);
            }
            console.log(JSON.stringify(samples));
            """;
        var r = await rt.ExecAsync(code);
        if (r.ExitCode != 0) throw new InvalidOperationException($"guest failed ({r.ExitCode}): {r.Stderr}");
        return JsonSerializer.Deserialize<List<double>>(r.Stdout)!;
    };
}
