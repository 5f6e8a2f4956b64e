using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using SecureExec.Testing.Adapters;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SecureExec.Testing.Xunit.Sdk;

/// <summary>One JavaScript test file of a [SandboxTests] method, run as <c>node FILE</c> in a fresh runtime.</summary>
public class JsFileTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public JsFileTestCase() { }

    public JsFileTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, string pattern, string file)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        Pattern = pattern;
        File = file;
    }

    /// <summary>The glob of the attribute.</summary>
    public string Pattern { get; private set; } = "";

    /// <summary>The file, relative to the glob's fixed leading folder.</summary>
    public string File { get; private set; } = "";

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => $"{displayName}: {File}";

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? JsTestFiles.SkipReason(Path.Combine(JsTestFiles.RootOf(Pattern), File))!;

    protected override string GetUniqueID()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(base.GetUniqueID() + "\n" + Pattern + "\n" + File));
        return Convert.ToHexString(hash);
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        data.AddValue(nameof(Pattern), Pattern);
        data.AddValue(nameof(File), File);
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Pattern = data.GetValue<string>(nameof(Pattern));
        File = data.GetValue<string>(nameof(File));
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
            var settings = SandboxMethod.Settings(SandboxMethod.Attribute(testCase.TestMethod));
            var configuration = settings.Configuration is { } c ? (ISandboxConfiguration)Activator.CreateInstance(c)! : null;
            var options = settings.BuildOptions(output.OnStdout, output.OnStderr);
            options = options with { Mounts = [.. options.Mounts, JsTestFiles.Mount(testCase.Pattern)] };
            if (configuration is not null) options = configuration.Configure(options);
            var runtime = await NodeRuntime.CreateAsync(options).ConfigureAwait(false);
            await using (runtime.ConfigureAwait(false))
            {
                if (configuration is not null) await configuration.InitializeAsync(runtime).ConfigureAwait(false);
                var timeout = testCase.Timeout > 0 ? TimeSpan.FromMilliseconds(testCase.Timeout) : (TimeSpan?)null;
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
