using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using SecureExec.Testing.Adapters;

namespace SecureExec.Testing.NUnit;

/// <summary>
/// One runtime shared by every test of the fixture, available through <see cref="SandboxContext.Current"/> (from
/// OneTimeSetUp on) and disposed after OneTimeTearDown. Guest output goes to the test running at the time.
/// <see cref="ResetAsync"/> replaces it with a fresh VM (call it from [SetUp] for a clean file system per test).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class SandboxFixtureAttribute : NUnitAttribute, ITestAction
{
    /// <summary>Allow connections to addresses outside the VM (denied by default).</summary>
    public bool AllowNetwork { get; set; }
    /// <summary>Host folders to mount, as <c>HOST:GUEST[:ro|:rw]</c>.</summary>
    public string[] Mounts { get; set; } = [];
    /// <summary>A host node_modules folder, mounted read-only at /node_modules.</summary>
    public string? NodeModules { get; set; }
    /// <summary>Environment variables as <c>KEY=VALUE</c>.</summary>
    public string[] Env { get; set; } = [];
    /// <summary>Working directory in the VM (default /root).</summary>
    public string? Cwd { get; set; }
    /// <summary>An <see cref="ISandboxConfiguration"/> type for everything else.</summary>
    public Type? Configuration { get; set; }

    public ActionTargets Targets => ActionTargets.Suite | ActionTargets.Test;

    private SandboxSettings Settings => new()
    {
        AllowNetwork = AllowNetwork, Mounts = Mounts, NodeModules = NodeModules, Env = Env, Cwd = Cwd, Configuration = Configuration,
    };

    public void BeforeTest(ITest test)
    {
        if (test.IsSuite)
        {
            var error = Settings.Validate("[SandboxFixture]", typeof(ISandboxConfiguration));
            if (error is not null) throw new InvalidOperationException(error);
            var shared = new Shared(Settings);
            s_shared[test.Id] = shared;
            SandboxContext.SetFixture(test, shared.Start());
            return;
        }
        if (FixtureOf(test) is { } fixture && s_shared.TryGetValue(fixture.Id, out var s))
            s.Attach(TestExecutionContext.CurrentContext.OutWriter);
    }

    public void AfterTest(ITest test)
    {
        if (test.IsSuite)
        {
            SandboxContext.SetFixture(test, null);
            if (s_shared.TryRemove(test.Id, out var shared)) shared.Dispose();
            return;
        }
        if (FixtureOf(test) is { } fixture && s_shared.TryGetValue(fixture.Id, out var s)) s.Detach();
    }

    /// <summary>Replaces the current fixture's runtime with a fresh VM (same options, configuration seeded again).</summary>
    public static async Task ResetAsync()
    {
        var fixture = FixtureOf(TestExecutionContext.CurrentContext.CurrentTest)
            ?? throw new InvalidOperationException("ResetAsync needs a test or fixture with [SandboxFixture].");
        if (!s_shared.TryGetValue(fixture.Id, out var shared))
            throw new InvalidOperationException("ResetAsync needs a test or fixture with [SandboxFixture].");
        await Task.Yield();
        SandboxContext.SetFixture(fixture, shared.Restart());
    }

    private static ITest? FixtureOf(ITest? test)
    {
        for (; test is not null; test = test.Parent)
            if (test.IsSuite && s_shared.ContainsKey(test.Id)) return test;
        return null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Shared> s_shared = new();

    private sealed class Shared(SandboxSettings settings)
    {
        private readonly Lock _lock = new();
        private GuestOutput? _output;
        private NodeRuntime? _runtime;

        public NodeRuntime Start()
        {
            var configuration = settings.Configuration is { } c ? (ISandboxConfiguration)Activator.CreateInstance(c)! : null;
            var options = settings.BuildOptions(chunk => Current()?.OnStdout(chunk), chunk => Current()?.OnStderr(chunk));
            if (configuration is not null) options = configuration.Configure(options);
            var runtime = NodeRuntime.CreateAsync(options).GetAwaiter().GetResult();
            configuration?.InitializeAsync(runtime).GetAwaiter().GetResult();
            _runtime = runtime;
            return runtime;
        }

        public NodeRuntime Restart()
        {
            _runtime?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return Start();
        }

        public void Attach(TextWriter writer)
        {
            lock (_lock) _output = new GuestOutput(writer.WriteLine);
        }

        public void Detach()
        {
            lock (_lock)
            {
                _output?.Flush();
                _output = null;
            }
        }

        private GuestOutput? Current()
        {
            lock (_lock) return _output;
        }

        public void Dispose()
        {
            Detach();
            _runtime?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _runtime = null;
        }
    }
}
