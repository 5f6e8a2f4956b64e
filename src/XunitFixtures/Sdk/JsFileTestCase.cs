using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using SecureExec.Testing.Adapters;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SecureExec.Testing.Xunit.Sdk;

/// <summary>
/// One JavaScript test file of a [SandboxTests] method, run as <c>node FILE</c> in a fresh runtime — or, for a file
/// using node:test, one test of it (<see cref="TestPath"/>), run with only that test selected.
/// </summary>
public class JsFileTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public JsFileTestCase() { }

    internal JsFileTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, string pattern, string file, NodeTestInfo? test = null)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        Pattern = pattern;
        File = file;
        TestPath = test?.PathJson ?? "";
        TestSkipReason = test?.SkipReason ?? "";
    }

    /// <summary>The glob of the attribute.</summary>
    public string Pattern { get; private set; } = "";

    /// <summary>The file, relative to the glob's fixed leading folder.</summary>
    public string File { get; private set; } = "";

    /// <summary>The node:test test's path of names as JSON, or "" for the whole file.</summary>
    public string TestPath { get; private set; } = "";

    /// <summary>Why node:test skips the test (test.skip / { skip }), or "".</summary>
    public string TestSkipReason { get; private set; } = "";

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        TestPath.Length == 0 ? $"{displayName}: {File}" : $"{displayName}: {File} > {string.Join(" > ", NodeTestInfo.PathFromJson(TestPath))}";

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? JsTestFiles.SkipReason(Path.Combine(JsTestFiles.RootOf(Pattern), File))
        ?? (TestSkipReason.Length > 0 ? TestSkipReason : null)!;

    protected override string GetUniqueID()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(base.GetUniqueID() + "\n" + Pattern + "\n" + File + "\n" + TestPath));
        return Convert.ToHexString(hash);
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        data.AddValue(nameof(Pattern), Pattern);
        data.AddValue(nameof(File), File);
        data.AddValue(nameof(TestPath), TestPath);
        data.AddValue(nameof(TestSkipReason), TestSkipReason);
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Pattern = data.GetValue<string>(nameof(Pattern));
        File = data.GetValue<string>(nameof(File));
        TestPath = data.GetValue<string>(nameof(TestPath)) ?? "";
        TestSkipReason = data.GetValue<string>(nameof(TestSkipReason)) ?? "";
        base.Deserialize(data);
    }

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new JsFileTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, messageBus, aggregator, cancellationTokenSource).RunAsync();
}

internal sealed class JsFileTestCaseRunner(JsFileTestCase testCase, string displayName, string skipReason, object[] constructorArguments, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    : XunitTestCaseRunner(testCase, displayName, skipReason, constructorArguments, [], messageBus, aggregator, cancellationTokenSource)
{
    protected override XunitTestRunner CreateTestRunner(ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, System.Reflection.MethodInfo testMethod, object[] testMethodArguments, string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new JsFileTestRunner(testCase, test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource);
}

/// <summary>Runs the file instead of the anchor method: exit code 0 passes; otherwise the test fails with the exit code and stderr tail.</summary>
internal sealed class JsFileTestRunner(JsFileTestCase testCase, ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, System.Reflection.MethodInfo testMethod, object[] testMethodArguments, string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    : XunitTestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource)
{
    protected override async Task<Tuple<decimal, string>> InvokeTestAsync(ExceptionAggregator aggregator)
    {
        var helper = new TestOutputHelper();
        helper.Initialize(MessageBus, Test);
        var output = new GuestOutput(helper.WriteLine);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await aggregator.RunAsync(async () =>
        {
            var runtime = await SandboxMethod.CreateRuntimeAsync(SandboxMethod.Attribute(testCase.TestMethod), output.OnStdout, output.OnStderr,
                JsTestFiles.Mount(testCase.Pattern)).ConfigureAwait(false);
            await using (runtime.ConfigureAwait(false))
            {
                var timeout = testCase.Timeout > 0 ? TimeSpan.FromMilliseconds(testCase.Timeout) : (TimeSpan?)null;
                if (testCase.TestPath.Length > 0)
                {
                    var outcome = await NodeTestFile.RunOneAsync(runtime, testCase.File, NodeTestInfo.PathFromJson(testCase.TestPath), timeout, CancellationTokenSource.Token).ConfigureAwait(false);
                    output.Flush();
                    if (outcome.Note is not null) helper.WriteLine("node:test: " + outcome.Note);
                    if (!outcome.Passed) throw new GuestFailedException(outcome.Failure!);
                    return;
                }
                var result = await JsTestFiles.RunAsync(runtime, testCase.File, timeout, CancellationTokenSource.Token).ConfigureAwait(false);
                output.Flush();
                if (result.ExitCode != 0)
                    throw new GuestFailedException(GuestOutput.FailureMessage($"node {testCase.File}", result.ExitCode, output.StderrTail, result.TimedOut));
            }
        }).ConfigureAwait(false);
        output.Flush();
        var text = helper.Output;
        helper.Uninitialize();
        return Tuple.Create((decimal)started.Elapsed.TotalSeconds, text);
    }
}
