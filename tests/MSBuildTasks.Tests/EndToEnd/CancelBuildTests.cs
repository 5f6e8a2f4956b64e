using System.Diagnostics;
using System.Runtime.InteropServices;
using SecureExec.Testing.MSBuild.Tests.Support;

namespace SecureExec.Testing.MSBuild.Tests.EndToEnd;

/// <summary>Ctrl+C (SIGINT) on a real <c>dotnet build</c> whose guest loops forever: the task kills it and fails with SXT0005.</summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class CancelBuildTests : IDisposable
{
    private const int SIGINT = 2;
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // POSIX kill(2): what a terminal's Ctrl+C sends to the build. DllImport, since LibraryImport needs unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task CtrlC_WhileGuestLoops_BuildStopsWithCanceled()
    {
        DotnetBuild.CopySample("Checks", _dir.Path);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        foreach (var arg in (string[])["build", "checks.proj", "-t:Loop", "--no-restore", "-nologo", "-nodeReuse:false", "-v:m", $"-p:SandboxedNodeTargets={RepoPaths.Targets}"])
            psi.ArgumentList.Add(arg);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            psi.Environment.Remove(key);
        var output = new System.Text.StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = psi };
        void OnLine(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (e.Data.Contains("LOOP-STARTED", StringComparison.Ordinal)) started.TrySetResult();
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.Equal(0, Kill(process.Id, SIGINT));
            var clock = Stopwatch.StartNew();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        string log;
        lock (output) log = output.ToString();
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("error SXT0005:", log);
    }
}
