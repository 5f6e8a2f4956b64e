using Xunit.Abstractions;
using Xunit.Sdk;

namespace SecureExec.Testing.Xunit.Sdk;

/// <summary>Discovers <see cref="SandboxFactAttribute"/> tests; misuse becomes a failing test case with the fix.</summary>
public sealed class SandboxFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var error = SandboxMethod.Validate(testMethod, factAttribute, theory: false);
        if (error is not null) return [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod, error)];
        return [new SandboxTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}

/// <summary>Discovers <see cref="SandboxTheoryAttribute"/> tests: one case per serializable data row, else one case for the theory.</summary>
public sealed class SandboxTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        var error = SandboxMethod.Validate(testMethod, theoryAttribute, theory: true);
        if (error is not null)
            return [new ExecutionErrorTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, error)];
        return base.Discover(discoveryOptions, testMethod, theoryAttribute);
    }

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        var method = testMethod.Method.ToRuntimeMethod();
        var args = method is null ? dataRow : SandboxMethod.Pad(dataRow, method);
        return [new SandboxTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, args!)];
    }

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        [new SandboxTheoryTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

/// <summary>Discovers the JavaScript files of a <see cref="SandboxTestsAttribute"/>: one test case per file.</summary>
public sealed class SandboxTestsDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var attribute = SandboxMethod.Attribute(factAttribute) as SandboxTestsAttribute;
        var pattern = attribute?.Pattern ?? factAttribute.GetConstructorArguments().FirstOrDefault() as string ?? "";
        var method = testMethod.Method.ToRuntimeMethod();
        string? error = null;
        if (method is not null && method.GetParameters().Length > 0)
            error = $"[SandboxTests] {method.Name}: the method is only an anchor for the JavaScript files and takes no parameters; remove them.";
        error ??= SandboxMethod.Settings(attribute).Validate("[SandboxTests]", typeof(ISandboxConfiguration));
        IReadOnlyList<string> files = [];
        if (error is null)
        {
            files = Adapters.JsTestFiles.Find(pattern);
            if (files.Count == 0)
                error = $"[SandboxTests] no file matches '{pattern}' under {Adapters.SandboxSettings.BaseDirectory}; copy the files to the output with <None Include=\"{pattern}\" CopyToOutputDirectory=\"PreserveNewest\" />.";
        }
        if (error is not null) return [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod, error)];
        var cases = new List<IXunitTestCase>();
        foreach (var file in files)
        {
            var tests = ListNodeTests(attribute, pattern, file, out var listError);
            if (listError is not null) diagnosticMessageSink.OnMessage(new DiagnosticMessage(listError + " It runs as one test case."));
            if (tests.Count == 0) cases.Add(new JsFileTestCase(diagnosticMessageSink, display, displayOptions, testMethod, pattern, file));
            foreach (var test in tests)
                cases.Add(new JsFileTestCase(diagnosticMessageSink, display, displayOptions, testMethod, pattern, file, test));
        }
        return cases;
    }

    /// <summary>The node:test tests of a file that uses node:test (listed in a guest), else none.</summary>
    private static IReadOnlyList<Adapters.NodeTestInfo> ListNodeTests(SandboxTestsAttribute? attribute, string pattern, string file, out string? error)
    {
        error = null;
        if (!Adapters.NodeTestFile.UsesNodeTest(Path.Combine(Adapters.JsTestFiles.RootOf(pattern), file))) return [];
        // Discovery is synchronous in xUnit v2; listing runs the file once in a fresh runtime on the thread pool.
        var result = Task.Run(async () =>
        {
            var runtime = await SandboxMethod.CreateRuntimeAsync(attribute, null, null, Adapters.JsTestFiles.Mount(pattern)).ConfigureAwait(false);
            await using (runtime.ConfigureAwait(false))
            {
                return await Adapters.NodeTestFile.ListAsync(runtime, file).ConfigureAwait(false);
            }
        }).GetAwaiter().GetResult();
        error = result.Error;
        return result.Tests;
    }
}
