using System.Diagnostics;

namespace SecureExec.Bench;

/// <summary>Runs the same workload with the host's own tools (the baseline; benchmarks only — the product never
/// starts host processes).</summary>
internal static class HostBaseline
{
    public static async Task ShellAsync(string script)
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var drainOut = p.StandardOutput.ReadToEndAsync();
        var drainErr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        await Task.WhenAll(drainOut, drainErr);
        if (p.ExitCode != 0) throw new InvalidOperationException($"host baseline failed ({p.ExitCode}): {script}");
    }
}
