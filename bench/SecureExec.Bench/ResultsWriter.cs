using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SecureExec.Bench;

/// <summary>Writes bench/results/&lt;name&gt;.md and .json: medians, ratios to the host baselines and to the peer sandbox.</summary>
internal static class ResultsWriter
{
    public static void Write(string name, IReadOnlyList<Measurement> results, IReadOnlyList<MemoryMeasurement> memory, PeerResults? peer, string? peerError)
    {
        var dir = Path.Combine(FindBenchDirectory(), "results");
        Directory.CreateDirectory(dir);
        var byName = results.ToDictionary(r => r.Name);
        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Benchmark results ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)")
            .AppendLine()
            .AppendLine(peer is not null ? $"Peer: npm {peer.Peer} on Node {peer.Node}." : $"Peer: not run ({peerError ?? "no peer workload selected"}).")
            .AppendLine()
            .AppendLine("| group | scenario | min ms | median ms | p95 ms | vs baseline (median) | peer median ms | × faster than peer | target |")
            .AppendLine("|---|---|---:|---:|---:|---|---:|---:|---|");
        foreach (var r in results)
        {
            var ratio = r.Baseline is { } b && byName.TryGetValue(b, out var baseline)
                ? $"{r.MedianMs / baseline.MedianMs:F2}× {b}" : "";
            var (peerMedian, faster) = PeerCells(r, peer);
            var targets = new List<string>();
            if (r.TargetMs is { } t) targets.Add($"≤ {t:0.###} ms {(r.MedianMs <= t ? "met" : "MISSED")}");
            if (r.PeerTargetTimes is { } x) targets.Add($"≥ {x:0}× peer {PeerTargetState(r, peer, x)}");
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Group} | {Cell(r.Name)} | {r.MinMs:F3} | {r.MedianMs:F3} | {r.P95Ms:F3} | {Cell(ratio)} | {peerMedian} | {faster} | {string.Join("; ", targets)} |");
        }
        if (memory.Count > 0)
        {
            var peerMemory = peer?.Memory is { Error: null } pm ? $"{pm.RssMbPerVm:F1} MB per VM at {pm.Vms} live VMs" : peer?.Memory?.Error ?? "not run";
            md.AppendLine()
                .AppendLine("Idle runtimes (each created and used for one `console.log(1)`, then kept alive; delta over the host before them, per runtime;")
                .AppendLine(CultureInfo.InvariantCulture, $"malloc_trim before each reading). Peer (its host process and sidecar, measured the same way): {peerMemory}.")
                .AppendLine()
                .AppendLine("| live runtimes | RSS MB per runtime | managed heap MB per runtime | target |")
                .AppendLine("|---:|---:|---:|---|");
            foreach (var m in memory)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Runtimes} | {m.RssMbPerRuntime:F2} | {m.ManagedMbPerRuntime:F2} | ≤ 3 MB {(m.RssMbPerRuntime <= 3 ? "met" : "MISSED")} |");
        }
        File.WriteAllText(Path.Combine(dir, name + ".md"), md.ToString());
        var json = new { scenarios = results, idleMemory = memory, peer, peerError };
        File.WriteAllText(Path.Combine(dir, name + ".json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"results written to {Path.Combine(dir, name)}.{{md,json}}");
    }

    /// <summary>The peer's median and how many times faster ours is (peer median / our median), or why there is none.</summary>
    public static (string Median, string Faster) PeerCells(Measurement r, PeerResults? peer)
    {
        if (r.Peer is null || peer is null || !peer.Workloads.TryGetValue(r.Peer, out var w)) return ("", "");
        if (w is { TimedOut: true, TimeoutMs: { } limit })
            return ($"> {limit:F0} (timed out)", $"> {(limit / r.MedianMs).ToString("F1", CultureInfo.InvariantCulture)}×");
        if (w.Error is not null) return (w.Skipped ? "skipped (time budget)" : "failed", "");
        return (w.MedianMs.ToString("F3", CultureInfo.InvariantCulture), (w.MedianMs / r.MedianMs).ToString("F1", CultureInfo.InvariantCulture) + "×");
    }

    private static string PeerTargetState(Measurement r, PeerResults? peer, double times)
    {
        if (r.Peer is null || peer is null || !peer.Workloads.TryGetValue(r.Peer, out var w)) return "not measured";
        if (w is { TimedOut: true, TimeoutMs: { } limit }) return limit / r.MedianMs >= times ? "met (the peer timed out)" : "not measured (the peer timed out)";
        if (w.Error is not null) return "not measured";
        return w.MedianMs / r.MedianMs >= times ? "met" : "MISSED";
    }

    /// <summary>A pipe inside a scenario name would split the markdown cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|");

    public static string FindBenchDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "SecureExec.Testing.sln"))) return Path.Combine(d.FullName, "bench");
        return Path.Combine(Environment.CurrentDirectory, "bench");
    }
}
