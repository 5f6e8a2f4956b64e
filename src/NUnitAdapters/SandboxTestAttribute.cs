using System.Reflection;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Commands;
using SecureExec.Testing.Adapters;

namespace SecureExec.Testing.NUnit;

/// <summary>
/// A test with a fresh <see cref="NodeRuntime"/> (one per attempt under [Retry]) as its NodeRuntime parameter and
/// through <see cref="SandboxContext.Current"/> (SetUp and TearDown included), disposed after TearDown even when
/// the test fails. Guest stdout/stderr go to the test's output. With [TestCase]/[TestCaseSource] the data give the
/// other parameters; declare the runtime parameter optional (<c>NodeRuntime runtime = null!</c>) or omit it and
/// use <see cref="SandboxContext.Current"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SandboxTestAttribute : NUnitAttribute, ISimpleTestBuilder, IWrapSetUpTearDown
{
    private readonly NUnitTestCaseBuilder _builder = new();

    /// <summary>Allow connections to addresses outside the VM (denied by default).</summary>
    public bool AllowNetwork { get; set; }
    /// <summary>Host folders to mount, as <c>HOST:GUEST[:ro|:rw]</c> (read-only by default; HOST relative to the test assembly folder).</summary>
    public string[] Mounts { get; set; } = [];
    /// <summary>A host node_modules folder, mounted read-only at /node_modules.</summary>
    public string? NodeModules { get; set; }
    /// <summary>Environment variables as <c>KEY=VALUE</c>.</summary>
    public string[] Env { get; set; } = [];
    /// <summary>Working directory in the VM (default /root).</summary>
    public string? Cwd { get; set; }
    /// <summary>An <see cref="ISandboxConfiguration"/> type for everything else.</summary>
    public Type? Configuration { get; set; }

    internal SandboxSettings Settings => new()
    {
        AllowNetwork = AllowNetwork, Mounts = Mounts, NodeModules = NodeModules, Env = Env, Cwd = Cwd, Configuration = Configuration,
    };

    /// <summary>Builds the non-parameterised test: the runtime parameter gets a placeholder until the run.</summary>
    public TestMethod BuildFrom(IMethodInfo method, Test? suite)
    {
        var parameters = method.GetParameters();
        var error = Validate(method.MethodInfo, suite);
        var parms = new TestCaseParameters(new object?[parameters.Length]) { TestName = method.Name };
        var test = _builder.BuildTestMethod(method, suite, parms);
        // A test built here does not get the method's other attributes ([Ignore], [Explicit], [Category],
        // [Description], ...): apply them like NUnit's own builder does for [Test].
        foreach (var attribute in method.GetCustomAttributes<IApplyToTest>(inherit: true))
            if (!ReferenceEquals(attribute, this)) attribute.ApplyToTest(test);
        if (error is not null)
        {
            test.RunState = RunState.NotRunnable;
            test.Properties.Set(PropertyNames.SkipReason, error);
        }
        return test;
    }

    private string? Validate(MethodInfo method, Test? suite)
    {
        var parameters = method.GetParameters();
        var runtimes = parameters.Count(p => p.ParameterType == typeof(NodeRuntime));
        if (suite?.TypeInfo?.Type.GetCustomAttribute<SandboxFixtureAttribute>() is not null && runtimes > 0)
            return $"[SandboxTest] {method.Name}: the fixture shares a runtime through [SandboxFixture] and the test also asks for a fresh one; remove one of the two.";
        if (runtimes > 1)
            return $"[SandboxTest] {method.Name}: declare one NodeRuntime parameter, not {runtimes}.";
        var extra = parameters.FirstOrDefault(p => p.ParameterType != typeof(NodeRuntime));
        if (extra is not null)
            return $"[SandboxTest] {method.Name}: parameter '{extra.ParameterType.Name} {extra.Name}' has no value; add [TestCase(...)] or [TestCaseSource(...)] for data, or remove it.";
        return Settings.Validate("[SandboxTest]", typeof(ISandboxConfiguration));
    }

    /// <summary>Creates the runtime around SetUp, the test and TearDown.</summary>
    public TestCommand Wrap(TestCommand command) => new SandboxCommand(command, this);

    private sealed class SandboxCommand(TestCommand inner, SandboxTestAttribute attribute) : DelegatingTestCommand(inner)
    {
        public override TestResult Execute(TestExecutionContext context)
        {
            var writer = context.OutWriter;
            var output = new GuestOutput(writer.WriteLine);
            var settings = attribute.Settings;
            var error = settings.Validate("[SandboxTest]", typeof(ISandboxConfiguration));
            if (error is not null)
            {
                context.CurrentResult.SetResult(ResultState.NotRunnable, error);
                return context.CurrentResult;
            }
            NodeRuntime runtime;
            try
            {
                var configuration = settings.Configuration is { } c ? (ISandboxConfiguration)Activator.CreateInstance(c)! : null;
                var options = settings.BuildOptions(output.OnStdout, output.OnStderr);
                if (configuration is not null) options = configuration.Configure(options);
                runtime = NodeRuntime.CreateAsync(options).GetAwaiter().GetResult();
                try
                {
                    configuration?.InitializeAsync(runtime).GetAwaiter().GetResult();
                }
                catch
                {
                    runtime.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    throw;
                }
            }
            catch (Exception e)
            {
                context.CurrentResult.SetResult(ResultState.SetUpError, $"the sandbox could not start: {e.GetType().Name}: {e.Message}", e.StackTrace);
                return context.CurrentResult;
            }
            var arguments = context.CurrentTest.Arguments;
            var index = context.CurrentTest.Method is { } m ? Array.FindIndex(m.GetParameters(), p => p.ParameterType == typeof(NodeRuntime)) : -1;
            var inject = index >= 0 && index < arguments.Length && arguments[index] is null or Missing;
            var placeholder = inject ? arguments[index] : null;
            try
            {
                SandboxContext.SetTest(runtime);
                if (inject) arguments[index] = runtime;
                context.CurrentResult = innerCommand.Execute(context);
            }
            finally
            {
                if (inject) arguments[index] = placeholder;
                SandboxContext.SetTest(null);
                try
                {
                    runtime.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
                catch (Exception e)
                {
                    writer.WriteLine($"secure-exec: disposing the sandbox failed: {e.Message}");
                }
                output.Flush();
            }
            return context.CurrentResult;
        }
    }
}
