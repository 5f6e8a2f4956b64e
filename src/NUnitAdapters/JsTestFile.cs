using NUnit.Framework;
using SecureExec.Testing.Adapters;

namespace SecureExec.Testing.NUnit;

/// <summary>
/// JavaScript test files as NUnit test cases:
/// <c>[TestCaseSource(typeof(JsTestFile), nameof(JsTestFile.Find), new object[] { "js/**/*.test.mjs" })]</c> on a
/// method taking a <see cref="JsTestFile"/> that calls <see cref="RunAsync"/>. The glob is relative to the test
/// assembly folder (copy the files to the output); <c>// @skip REASON</c> in a file's first lines ignores it.
/// A file that uses node:test becomes one case per test in it (listed by running the file in a guest with test bodies
/// skipped), named FILE &gt; SUITE &gt; TEST; node:test's skipped tests are ignored cases.
/// </summary>
public sealed class JsTestFile
{
    private JsTestFile(string pattern, string file, IReadOnlyList<string>? testPath = null) =>
        (Pattern, File, TestPath) = (pattern, file, testPath ?? []);

    /// <summary>The glob the file was found with; its fixed leading folder is mounted read-only at /tests.</summary>
    public string Pattern { get; }

    /// <summary>The file relative to that folder, with forward slashes.</summary>
    public string File { get; }

    /// <summary>For a node:test file, the names from the outer suite to the test; empty for the whole file.</summary>
    public IReadOnlyList<string> TestPath { get; }

    public override string ToString() => TestPath.Count == 0 ? File : File + " > " + string.Join(" > ", TestPath);

    /// <summary>One test case per matching file, named after the file. No file is a failing "no files" case.</summary>
    public static IEnumerable<TestCaseData> Find(string pattern)
    {
        var files = JsTestFiles.Find(pattern);
        if (files.Count == 0)
        {
            yield return new TestCaseData(new JsTestFile(pattern, "")).SetArgDisplayNames("no files"); // fails when run, with the fix
            yield break;
        }
        foreach (var file in files)
        {
            var fileSkip = JsTestFiles.SkipReason(Path.Combine(JsTestFiles.RootOf(pattern), file));
            var tests = fileSkip is null ? ListNodeTests(pattern, file) : [];
            if (tests.Count == 0)
            {
                var data = new TestCaseData(new JsTestFile(pattern, file)).SetArgDisplayNames(file);
                if (fileSkip is not null) data = data.Ignore(fileSkip);
                yield return data;
            }
            foreach (var test in tests)
            {
                var testFile = new JsTestFile(pattern, file, test.Path);
                var data = new TestCaseData(testFile).SetArgDisplayNames(testFile.ToString());
                if (test.SkipReason is not null) data = data.Ignore(test.SkipReason);
                yield return data;
            }
        }
    }

    // The node:test tests of a file that uses node:test, listed in a fresh runtime; none (run the whole file) otherwise
    // or when listing fails (running the file then shows why).
    private static IReadOnlyList<NodeTestInfo> ListNodeTests(string pattern, string file)
    {
        if (!NodeTestFile.UsesNodeTest(Path.Combine(JsTestFiles.RootOf(pattern), file))) return [];
        return Task.Run(async () =>
        {
            var options = new NodeRuntimeOptions { Mounts = [JsTestFiles.Mount(pattern)] };
            await using var runtime = await NodeRuntime.CreateAsync(options).ConfigureAwait(false);
            return (await NodeTestFile.ListAsync(runtime, file).ConfigureAwait(false)).Tests;
        }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs the file as <c>node FILE</c> in a fresh runtime (its folder as working directory, output to the test's
    /// output) and fails the test with the exit code and the tail of stderr unless it exits with 0.
    /// </summary>
    public async Task RunAsync(NodeRuntimeOptions? options = null, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        if (File.Length == 0) Assert.Fail($"no file matches '{Pattern}' under {SandboxSettings.BaseDirectory}; copy them to the output with <None Include=\"{Pattern}\" CopyToOutputDirectory=\"PreserveNewest\" />.");
        var writer = TestContext.Out;
        var output = new GuestOutput(writer.WriteLine);
        options ??= new NodeRuntimeOptions();
        options = options with
        {
            Mounts = [.. options.Mounts, JsTestFiles.Mount(Pattern)],
            OnStdout = options.OnStdout + output.OnStdout,
            OnStderr = options.OnStderr + output.OnStderr,
        };
        ExecResult result;
        await using (var runtime = await NodeRuntime.CreateAsync(options, ct).ConfigureAwait(false))
        {
            if (TestPath.Count > 0)
            {
                var outcome = await NodeTestFile.RunOneAsync(runtime, File, TestPath, timeout, ct).ConfigureAwait(false);
                output.Flush();
                if (outcome.Note is not null) writer.WriteLine("node:test: " + outcome.Note);
                if (!outcome.Passed) throw new AssertionException(outcome.Failure ?? "node:test failed");
                return;
            }
            result = await JsTestFiles.RunAsync(runtime, File, timeout, ct).ConfigureAwait(false);
        }
        output.Flush();
        if (result.ExitCode != 0)
            throw new AssertionException(GuestOutput.FailureMessage($"node {File}", result.ExitCode, output.StderrTail, result.TimedOut));
    }
}
