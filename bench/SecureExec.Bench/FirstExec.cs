using System.Diagnostics;

namespace SecureExec.Bench;

/// <summary>Runs this benchmark program again as a new host process that creates a runtime and runs `true` once:
/// with an empty module cache (Cranelift compiles the commands) or with the shared disk cache.</summary>
internal static class FirstExec
{
    private static readonly string WarmCache = Path.Combine(Path.GetTempPath(), "secure-exec-bench-cache");

    public static async Task RunAsync(bool emptyCache, string mode = "--first-exec")
    {
        var cache = emptyCache ? Path.Combine(Path.GetTempPath(), "secure-exec-bench-" + Guid.NewGuid().ToString("N")) : WarmCache;
        var psi = new ProcessStartInfo(Environment.ProcessPath!, [typeof(FirstExec).Assembly.Location, mode])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Environment.ProcessPath!.EndsWith("SecureExec.Bench", StringComparison.Ordinal)) psi.ArgumentList.RemoveAt(0);
        psi.Environment["SECURE_EXEC_CACHE_DIR"] = cache;
        try
        {
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            if (p.ExitCode != 0) throw new InvalidOperationException($"first-exec child failed ({p.ExitCode}): {await err}");
        }
        finally
        {
            if (emptyCache) Directory.Delete(cache, recursive: true);
        }
    }
}
