using System.ComponentModel;
using SecureExec.Testing.Adapters;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SecureExec.Testing.Xunit.Sdk;

/// <summary>A [SandboxFact] or one data row of a [SandboxTheory]: runs the method with a fresh runtime.</summary>
public class SandboxTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SandboxTestCase() { }

    public SandboxTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, object[]? testMethodArguments = null)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments) { }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        SandboxMethod.DisplayName(displayName, TestMethod.Method, TestMethodArguments);

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        var method = Method.ToRuntimeMethod();
        var args = SandboxMethod.Pad(TestMethodArguments, method);
        return new SandboxTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, args!, messageBus, aggregator, cancellationTokenSource).RunAsync();
    }
}

/// <summary>A [SandboxTheory] whose data could not be enumerated at discovery: rows are enumerated at run time.</summary>
public class SandboxTheoryTestCase : XunitTheoryTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SandboxTheoryTestCase() { }

    public SandboxTheoryTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod) { }

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new SandboxTheoryTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource).RunAsync();
}

internal sealed class SandboxTestCaseRunner(IXunitTestCase testCase, string displayName, string skipReason, object[] constructorArguments, object[] testMethodArguments, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    : XunitTestCaseRunner(testCase, displayName, skipReason, constructorArguments, testMethodArguments, messageBus, aggregator, cancellationTokenSource)
{
    protected override XunitTestRunner CreateTestRunner(ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, System.Reflection.MethodInfo testMethod, object[] testMethodArguments, string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new SandboxTestRunner(test, messageBus, testClass, constructorArguments, testMethod, SandboxMethod.Pad(testMethodArguments, testMethod)!, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource);
}

internal sealed class SandboxTheoryTestCaseRunner(IXunitTestCase testCase, string displayName, string skipReason, object[] constructorArguments, IMessageSink diagnosticMessageSink, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    : XunitTheoryTestCaseRunner(testCase, displayName, skipReason, constructorArguments, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource)
{
    protected override XunitTestRunner CreateTestRunner(ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, System.Reflection.MethodInfo testMethod, object[] testMethodArguments, string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new SandboxTestRunner(test, messageBus, testClass, constructorArguments, testMethod, SandboxMethod.Pad(testMethodArguments, testMethod)!, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource);
}

/// <summary>
/// Creates the runtime around the test method, puts it in the runtime parameter, routes guest output to the test
/// output, and disposes it afterwards (failures in any step are collected, never thrown).
/// </summary>
internal sealed class SandboxTestRunner(ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, System.Reflection.MethodInfo testMethod, object[] testMethodArguments, string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    : XunitTestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource)
{
    protected override async Task<Tuple<decimal, string>> InvokeTestAsync(ExceptionAggregator aggregator)
    {
        var helper = ConstructorArguments.OfType<TestOutputHelper>().FirstOrDefault() ?? new TestOutputHelper();
        helper.Initialize(MessageBus, Test);
        var output = new GuestOutput(helper.WriteLine);
        var index = SandboxMethod.RuntimeIndex(TestMethod);
        NodeRuntime? runtime = null;
        decimal time = 0;
        try
        {
            await aggregator.RunAsync(async () =>
            {
                runtime = await SandboxMethod.CreateRuntimeAsync(SandboxMethod.Attribute(TestCase.TestMethod), output.OnStdout, output.OnStderr).ConfigureAwait(false);
            }).ConfigureAwait(false);
            if (!aggregator.HasExceptions && index >= 0 && index < TestMethodArguments.Length)
            {
                TestMethodArguments[index] = runtime!;
                time = await InvokeTestMethodAsync(aggregator).ConfigureAwait(false);
            }
        }
        finally
        {
            if (index >= 0 && index < TestMethodArguments.Length) TestMethodArguments[index] = null!;
            if (runtime is not null) await aggregator.RunAsync(() => runtime.DisposeAsync().AsTask()).ConfigureAwait(false);
            output.Flush();
        }
        var text = helper.Output;
        helper.Uninitialize();
        return Tuple.Create(time, text);
    }
}
