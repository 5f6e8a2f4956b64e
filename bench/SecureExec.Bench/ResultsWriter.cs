using System.Text;
using System.Text.Json;

namespace SecureExec.Bench;

/// <summary>Writes bench/results/latest.md and latest.json (medians, and ratios to the baselines).</summary>
internal static class ResultsWriter
{
    public static void Write(IReadOnlyList<Measurement> results, IReadOnlyList<MemoryMeasurement> memory)
    {
        var dir = Path.Combine(FindBenchDirectory(), "results");
        Directory.CreateDirectory(dir);
        var byName = results.ToDictionary(r => r.Name);
        var md = new StringBuilder()
            .AppendLine($"# Benchmark results ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)")
            .AppendLine()
            .AppendLine("| group | scenario | min ms | median ms | p95 ms | vs baseline (median) | target |")
            .AppendLine("|---|---|---:|---:|---:|---|---|");
        foreach (var r in results)
        {
            var ratio = r.Baseline is { } b && byName.TryGetValue(b, out var baseline)
                ? $"{r.MedianMs / baseline.MedianMs:F2}× {b}" : "";
            var target = r.TargetMs is { } t ? $"≤ {t:0.###} ms {(r.MedianMs <= t ? "met" : "MISSED")}" : "";
            md.AppendLine($"| {r.Group} | {Cell(r.Name)} | {r.MinMs:F3} | {r.MedianMs:F3} | {r.P95Ms:F3} | {Cell(ratio)} | {target} |");
        }
        if (memory.Count > 0)
        {
            md.AppendLine()
                .AppendLine("Idle runtimes (each created and used for one `console.log(1)`, then kept alive; delta over the host before them, per runtime):")
                .AppendLine()
                .AppendLine("| live runtimes | RSS MB per runtime | managed heap MB per runtime | target |")
                .AppendLine("|---:|---:|---:|---|");
            foreach (var m in memory)
                md.AppendLine($"| {m.Runtimes} | {m.RssMbPerRuntime:F2} | {m.ManagedMbPerRuntime:F2} | ≤ 3 MB {(m.RssMbPerRuntime <= 3 ? "met" : "MISSED")} |");
        }
        File.WriteAllText(Path.Combine(dir, "latest.md"), md.ToString());
        File.WriteAllText(Path.Combine(dir, "latest.json"), JsonSerializer.Serialize(new { scenarios = results, idleMemory = memory }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"results written to {dir}");
    }

    /// <summary>A pipe inside a scenario name would split the markdown cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|");

    private static string FindBenchDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "SecureExec.Testing.sln"))) return Path.Combine(d.FullName, "bench");
        return Path.Combine(Environment.CurrentDirectory, "bench");
    }
}
