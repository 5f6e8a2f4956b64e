using System.Diagnostics;

namespace SecureExec.Testing.MSBuild.Tests.Support;

/// <summary>The outcome of one real <c>dotnet build</c>.</summary>
public sealed record BuildOutcome(int ExitCode, string Output);

/// <summary>Runs a real <c>dotnet build</c> of a sample project (SandboxedNodeTargets = the targets in the task's build output), or <c>dotnet pack</c> of the task.</summary>
public static class DotnetBuild
{
    public static Task<BuildOutcome> RunAsync(string project, params string[] extraArguments) =>
        DotnetAsync(Path.GetDirectoryName(project)!, ["build", project, "-nologo", "-nodeReuse:false", "--disable-build-servers",
            $"-p:SandboxedNodeTargets={RepoPaths.Targets}", .. extraArguments]);

    /// <summary>
    /// Packs the task project (already built in this test assembly's configuration) into <paramref name="feed"/> as
    /// SecureExec.Testing.MSBuild 1.0.0.
    /// </summary>
    public static async Task PackAsync(string feed)
    {
        var project = Path.Combine(RepoPaths.Root, "src", "MSBuildTasks", "SecureExec.Testing.MSBuild.csproj");
        var outcome = await DotnetAsync(RepoPaths.Root, ["pack", project, "-c", RepoPaths.Configuration, "--no-build", "-nologo",
            "-nodeReuse:false", "-p:SkipGuestCommands=true", "-p:Version=1.0.0", "-o", feed]);
        if (outcome.ExitCode != 0) throw new InvalidOperationException($"dotnet pack failed:\n{outcome.Output}");
    }

    private static async Task<BuildOutcome> DotnetAsync(string workingDirectory, string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in arguments) psi.ArgumentList.Add(arg);
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
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took longer than 5 minutes:\n{await stdout}{await stderr}");
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
