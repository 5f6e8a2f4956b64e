using System.Text.RegularExpressions;

namespace SecureExec.Testing.Tests.Drivers.Node.TestRunner;

/// <summary>
/// node:test and `node --test` in the VM against Node 22: each line of cases.txt runs `node ARGS` over Cases/ and
/// compares stdout and the exit code with expected/ (recorded by record.sh from a real Node 22). Normalised on both
/// sides, and nothing else: durations, stack frames inside Node's own modules (node:…), and Node's patch version.
/// </summary>
public sealed partial class NodeTestRunnerTests
{
    private static string Root() =>
        Path.Combine(Commands.GoldenCases.FindRepoRoot(), "tests", "Runtime.Tests", "Drivers", "Node", "TestRunner");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Root(), "cases.txt")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            data.Add(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_StdoutAndExitCode_MatchNode22(string name)
    {
        var fields = File.ReadAllLines(Path.Combine(Root(), "cases.txt"))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .First(f => f.Length > 0 && f[0] == name);
        using var vm = new NodeHarness();
        var cases = Path.Combine(Root(), "Cases");
        foreach (var file in Directory.GetFiles(cases, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(cases, file).Replace('\\', '/');
            var guestPath = "/app/" + relative;
            vm.Kernel.FileSystem.MkdirAll(guestPath[..guestPath.LastIndexOf('/')]);
            vm.WriteFile(guestPath, File.ReadAllText(file));
        }
        var cwd = fields[1] == "." ? "/app" : "/app/" + fields[1];
        var run = vm.Run(["node", .. fields[2..]], cwd: cwd, timeoutMs: 60_000);

        var expected = Normalize(File.ReadAllText(Path.Combine(Root(), "expected", name + ".out")));
        var actual = Normalize(run.Stdout);
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<none>";
            var al = i < a.Length ? a[i] : "<none>";
            Assert.True(el == al, $"line {i + 1}:\nexpected: {el}\nactual:   {al}\n--- actual stdout ---\n{run.Stdout}\n--- stderr ---\n{run.Stderr}");
        }
        var status = int.Parse(File.ReadAllText(Path.Combine(Root(), "expected", name + ".status")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(status, run.ExitCode);
    }

    [Fact]
    public void MockTimers_WarnOnceThatTheyAreExperimental_AsNode22()
    {
        using var vm = new NodeHarness();
        vm.Kernel.FileSystem.MkdirAll("/app");
        vm.WriteFile("/app/timers.test.js", """
            const { test, mock } = require('node:test');
            test('one', () => { mock.timers.enable({ apis: ['setTimeout'] }); mock.timers.reset(); });
            test('two', (t) => { t.mock.timers.enable({ apis: ['Date'] }); });
            """);
        var run = vm.Run(["node", "--test-reporter=dot", "timers.test.js"], cwd: "/app");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("..\n", run.Stdout);
        // Node's text and its once-per-process rule (the warning code names the pid, which differs).
        Assert.Matches(@"^\(node:\d+\) ExperimentalWarning: The MockTimers API is an experimental feature and might change at any time\n" +
                       @"\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n$", run.Stderr);
    }

    /// <summary>The documented normalisation: times, Node-internal stack frames (node:… and the
    /// `async Promise.all (index N)` frame of Node's own runner; a stack block left empty by removing them), and the
    /// Node patch version.</summary>
    internal static string Normalize(string text)
    {
        text = Duration().Replace(text, "$1 *");
        text = ParenDuration().Replace(text, "(*ms)");
        text = NodeVersion().Replace(text, "Node.js v22");
        var lines = new List<string>();
        foreach (var l in text.Split('\n'))
        {
            if (!l.Contains("node:", StringComparison.Ordinal) && !PromiseAllFrame().IsMatch(l.TrimEnd(' ', '{')))
                lines.Add(l);
            else if (l.EndsWith(" {", StringComparison.Ordinal) && lines.Count > 0 && !lines[^1].EndsWith(" {", StringComparison.Ordinal))
                lines[^1] += " {"; // inspect() opens the error's properties on its last stack line
        }
        var kept = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.TrimEnd().EndsWith("stack: |-", StringComparison.Ordinal))
            {
                var indent = l.Length - l.TrimStart().Length;
                var next = i + 1 < lines.Count ? lines[i + 1] : "";
                if (next.Length - next.TrimStart().Length <= indent) continue;
            }
            kept.Add(l);
        }
        return string.Join('\n', kept);
    }

    [GeneratedRegex(@"(duration_ms:?) [0-9.e+-]+")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\([0-9.e+-]+ms\)")]
    private static partial Regex ParenDuration();

    [GeneratedRegex(@"^\s*(at )?async Promise\.all \(index \d+\)$")]
    private static partial Regex PromiseAllFrame();

    [GeneratedRegex(@"Node\.js v22\.\d+\.\d+")]
    private static partial Regex NodeVersion();
}
