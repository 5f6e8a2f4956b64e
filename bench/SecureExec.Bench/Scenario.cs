using System.Diagnostics;

namespace SecureExec.Bench;

/// <summary>One measured workload: warm-up runs are discarded, then each iteration is timed.</summary>
internal sealed record Scenario(string Group, string Name, Func<Task> Run, int Iterations = 20, int Warmup = 3,
    string? Baseline = null, double? TargetMs = null)
{
    /// <summary>When set, the scenario measures itself (e.g. timings taken inside the guest) and returns the samples.</summary>
    public Func<int, int, Task<List<double>>>? Sampler { get; init; }

    /// <summary>The peer-bench.mjs workload that does the same in the peer sandbox (the "peer" column).</summary>
    public string? Peer { get; init; }

    /// <summary>Target: at least this many times faster than the peer (median over median).</summary>
    public double? PeerTargetTimes { get; init; }

    public async Task<Measurement> MeasureAsync(bool quick)
    {
        if (Sampler is not null) return Measurement.From(this, await Sampler(quick ? 0 : Warmup, quick ? 1 : Iterations));
        var iterations = quick ? 1 : Iterations;
        for (var i = 0; i < (quick ? 0 : Warmup); i++) await Run();
        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            await Run();
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return Measurement.From(this, samples);
    }
}

/// <summary>min / median / p95 of a scenario's iterations, in milliseconds.</summary>
internal sealed record Measurement(string Group, string Name, int Iterations, double MinMs, double MedianMs, double P95Ms, string? Baseline,
    double? TargetMs = null, string? Peer = null, double? PeerTargetTimes = null)
{
    public static Measurement From(Scenario s, List<double> samples)
    {
        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return new(s.Group, s.Name, samples.Count, samples[0], At(0.5), At(0.95), s.Baseline, s.TargetMs, s.Peer, s.PeerTargetTimes);
    }
}
