using System.Diagnostics;

namespace SecureExec.Testing.MSBuild.Tests.Support;

/// <summary>The outcome of one real <c>dotnet build</c>.</summary>
public sealed record BuildOutcome(int ExitCode, string Output);

/// <summary>Runs a real <c>dotnet build</c> of a sample project with the task layout's targets imported.</summary>
public static class DotnetBuild
{
    public static async Task<BuildOutcome> RunAsync(string project, params string[] extraArguments)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var arg in (string[])["build", project, "-nologo", "-nodeReuse:false", "--disable-build-servers", "-clp:NoSummary",
                     $"-p:SandboxedNodeTargets={RepoPaths.Targets}", .. extraArguments])
            psi.ArgumentList.Add(arg);
        // The outer test host's variables must not leak into the inner build.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)).ToList())
            psi.Environment.Remove(key);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build {project} took longer than 5 minutes:\n{await stdout}{await stderr}");
        }
        return new BuildOutcome(process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Copies a sample project from EndToEnd/Projects/NAME into <paramref name="destination"/>.</summary>
    public static void CopySample(string name, string destination)
    {
        var source = Path.Combine(RepoPaths.Root, "tests", "MSBuildTasks.Tests", "EndToEnd", "Projects", name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
