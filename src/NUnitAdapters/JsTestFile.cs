using NUnit.Framework;
using SecureExec.Testing.Adapters;

namespace SecureExec.Testing.NUnit;

/// <summary>
/// JavaScript test files as NUnit test cases:
/// <c>[TestCaseSource(typeof(JsTestFile), nameof(JsTestFile.Find), new object[] { "js/**/*.test.mjs" })]</c> on a
/// method taking a <see cref="JsTestFile"/> that calls <see cref="RunAsync"/>. The glob is relative to the test
/// assembly folder (copy the files to the output); <c>// @skip REASON</c> in a file's first lines ignores it.
/// </summary>
public sealed class JsTestFile
{
    private JsTestFile(string pattern, string file) => (Pattern, File) = (pattern, file);

    /// <summary>The glob the file was found with; its fixed leading folder is mounted read-only at /tests.</summary>
    public string Pattern { get; }

    /// <summary>The file relative to that folder, with forward slashes.</summary>
    public string File { get; }

    public override string ToString() => File;

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
            var data = new TestCaseData(new JsTestFile(pattern, file)).SetArgDisplayNames(file);
            if (JsTestFiles.SkipReason(Path.Combine(JsTestFiles.RootOf(pattern), file)) is { } reason) data = data.Ignore(reason);
            yield return data;
        }
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
            result = await JsTestFiles.RunAsync(runtime, File, timeout, ct).ConfigureAwait(false);
        output.Flush();
        if (result.ExitCode != 0)
            throw new AssertionException(GuestOutput.FailureMessage($"node {File}", result.ExitCode, output.StderrTail, result.TimedOut));
    }
}
