using System.Diagnostics;
using System.Reflection;
using System.Xml.Linq;

namespace SecureExec.Testing.Adapters.Tests;

/// <summary>One result of a sample run, read from the trx.</summary>
public sealed record SampleResult(string Name, string Outcome, string Message, string StdOut);

/// <summary>
/// Runs a real <c>dotnet test</c> over a sample project once and reads the results from its trx. The sample is built
/// in the configuration of the calling test assembly with the guest C commands left alone (SkipGuestCommands):
/// they come from artifacts/commands.
/// </summary>
public sealed class SampleRun
{
    private SampleRun(IReadOnlyList<SampleResult> results, string log) => (Results, Log) = (results, log);

    public IReadOnlyList<SampleResult> Results { get; }
    public string Log { get; }

    /// <summary>The single result whose test name ends with <paramref name="suffix"/>.</summary>
    public SampleResult Single(string suffix)
    {
        var matches = Results.Where(r => r.Name.EndsWith(suffix, StringComparison.Ordinal)).ToList();
        if (matches.Count != 1)
            throw new InvalidOperationException($"expected one result ending with '{suffix}', found {matches.Count}; results: {string.Join(" | ", Results.Select(r => r.Name + "=" + r.Outcome))}\n{Log}");
        return matches[0];
    }

    public IReadOnlyList<SampleResult> Where(string contains) => Results.Where(r => r.Name.Contains(contains, StringComparison.Ordinal)).ToList();

    public static async Task<SampleRun> RunAsync(string project, string? filter = null, bool noBuild = false)
    {
        var configuration = typeof(SampleRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var results = Path.Combine(Path.GetTempPath(), "secure-exec-samples", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(results);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var arg in (string[])["test", project, "-c", configuration, "-p:SkipGuestCommands=true", "-nodeReuse:false",
                     "--disable-build-servers", "-nologo", "--logger", "trx;LogFileName=sample.trx", "--results-directory", results])
            psi.ArgumentList.Add(arg);
        if (filter is not null) { psi.ArgumentList.Add("--filter"); psi.ArgumentList.Add(filter); }
        if (noBuild) psi.ArgumentList.Add("--no-build");
        // The outer test host's variables must not leak into the inner build and test run.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)).ToList())
            psi.Environment.Remove(key);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet test {project} took longer than 15 minutes");
        }
        var log = await stdout + await stderr;
        var trx = Path.Combine(results, "sample.trx");
        if (!File.Exists(trx)) throw new InvalidOperationException($"dotnet test {project} wrote no trx (exit code {process.ExitCode}):\n{log}");
        var run = new SampleRun(Parse(XDocument.Load(trx)), log);
        try { Directory.Delete(results, recursive: true); } catch (IOException) { } // the results were read; a leftover folder is harmless
        return run;
    }

    private static List<SampleResult> Parse(XDocument trx)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        return [.. trx.Descendants(ns + "UnitTestResult").Select(r => new SampleResult(
            (string?)r.Attribute("testName") ?? "",
            (string?)r.Attribute("outcome") ?? "",
            r.Element(ns + "Output")?.Element(ns + "ErrorInfo")?.Element(ns + "Message")?.Value ?? "",
            r.Element(ns + "Output")?.Element(ns + "StdOut")?.Value ?? ""))];
    }

    /// <summary>The repository root (the folder holding SecureExec.Testing.sln), found from the test assembly folder.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SecureExec.Testing.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException($"SecureExec.Testing.sln not found above {AppContext.BaseDirectory}");
        }
    }
}
