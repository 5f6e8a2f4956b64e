using System.Text.RegularExpressions;

namespace SecureExec.Testing.Tests.Packages;

/// <summary>JavaScript test runners users run in CI, pinned.</summary>
public sealed class RunnerPackages() : Frameworks.NpmInstall("runners", ["mocha@10.8.2", "chai@4.5.0", "ava@6.4.1", "tap@18.8.0", "jest@29.7.0"]);

/// <summary>
/// Differential: mocha, AVA (its tests in worker threads), node-tap (its async-hook domains) and jest (each test file in
/// a node:vm context; with -w 2 in forked workers) run the small project
/// RunnerProject/ in the guest and with the host's `node`, the way users run them. Exit code, stdout and stderr must be
/// equal after removing what differs by nature: durations, and the stack frames of Node's own internals
/// (`node:internal/...`, which the runtime's built-ins name differently).
/// </summary>
public sealed partial class TestRunnerCliTests(RunnerPackages packages) : IClassFixture<RunnerPackages>
{
    [Fact]
    public async Task Mocha_WithAFailingTest_ReportsAsOnTheHost()
    {
        var (host, guest) = await RunBothAsync("node", "node_modules/mocha/bin/mocha.js", "test");
        AssertSame(host, guest, expectedExit: 1);
        Assert.Contains("2 passing", guest.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ava_RunsItsWorkerThreads_AsOnTheHost()
    {
        var (host, guest) = await RunBothAsync("node", "node_modules/ava/entrypoints/cli.mjs");
        AssertSame(host, guest, expectedExit: 0);
        Assert.Contains("3 tests passed", guest.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tap_CatchesAnAsyncThrowInItsDomain_AsOnTheHost()
    {
        var (host, guest) = await RunBothAsync("node", "tap/math.test.js");
        AssertSame(host, guest, expectedExit: 1);
        Assert.Contains("not ok 1 - late boom", guest.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jest_RunsItsVmContexts_MocksTimersAndSnapshots_AsOnTheHost()
    {
        await using var project = await ToolProject.CreateAsync(packages, "RunnerProject");
        var (host, guest) = Normalize(await project.RunBothAsync(["node", "node_modules/jest/bin/jest.js", "--runInBand"]));
        AssertSame(host, guest, expectedExit: 1);
        Assert.Contains("Tests:       1 failed, 1 todo, 5 passed, 7 total", guest.Stderr, StringComparison.Ordinal);
        const string snapshot = "jest/__snapshots__/greet.test.js.snap";
        Assert.Equal(await File.ReadAllTextAsync(project.HostPath(snapshot)), await project.Runtime.FileSystem.ReadAllTextAsync("/app/" + snapshot));
    }

    [Fact]
    public async Task Jest_WithTwoWorkers_ForksThemOverIpc_AsOnTheHost()
    {
        // --no-cache: no recorded timings, so jest does not fall back to running in band; jest-worker forks its
        // children (child_process.fork with an IPC channel). Suites finish in either order: compare sorted non-blank lines (blank lines between parallel reports vary).
        var (host, guest) = await RunBothAsync("node", "node_modules/jest/bin/jest.js", "-w", "2", "--no-cache");
        Assert.Equal(host.ExitCode, guest.ExitCode);
        Assert.Equal(1, guest.ExitCode);
        Assert.Equal(SortedLines(host.Stderr), SortedLines(guest.Stderr));
        Assert.Contains("Tests:       1 failed, 1 todo, 5 passed, 7 total", guest.Stderr, StringComparison.Ordinal);
    }

    // jest-worker prints "A worker process has failed to exit gracefully ..." when a worker takes over 500 ms to exit
    // after its last suite, which a loaded 2-core machine can cause on either side (a guest worker exits in ~3 ms idle).
    private static string[] SortedLines(string text) =>
        [.. text.Split('\n').Where(l => l.Trim().Length > 0 && !IsSlowExitNotice(l)).Order(StringComparer.Ordinal)];

    private static bool IsSlowExitNotice(string line) =>
        line.StartsWith("A worker process has failed to exit gracefully", StringComparison.Ordinal); // jest-worker's FORCE_EXIT_DELAY

    private async Task<(ToolRun Host, ToolRun Guest)> RunBothAsync(params string[] commandLine)
    {
        await using var project = await ToolProject.CreateAsync(packages, "RunnerProject");
        return Normalize(await project.RunBothAsync(commandLine));
    }

    private static (ToolRun Host, ToolRun Guest) Normalize((ToolRun Host, ToolRun Guest) runs) => (Normalize(runs.Host), Normalize(runs.Guest));

    private static ToolRun Normalize(ToolRun run) => run with { Stdout = Normalize(run.Stdout), Stderr = Normalize(run.Stderr) };

    // durations: mocha and tap "12ms"; jest "Time: 0.5 s", and " (12 ms)" after a test or " (5.2 s)" after a slow
    // suite, which it prints or leaves out by how long they took: removed
    private static string Normalize(string text) =>
        InternalFrame().Replace(JestTime().Replace(JestDuration().Replace(Millis().Replace(text, "Nms"), ""), "N s"), "");

    private static void AssertSame(ToolRun host, ToolRun guest, int expectedExit) => ToolRun.AssertSame(host, guest, expectedExit);

    [GeneratedRegex(@"[0-9.]+ms\b")]
    private static partial Regex Millis();

    [GeneratedRegex(@" \([0-9.]+ m?s\)")]
    private static partial Regex JestDuration();

    [GeneratedRegex(@"[0-9.]+ s$", RegexOptions.Multiline)]
    private static partial Regex JestTime();

    [GeneratedRegex(@"^.*node:internal/.*\n", RegexOptions.Multiline)]
    private static partial Regex InternalFrame();
}
