using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace SecureExec.Testing.NUnit;

/// <summary>The runtime of the running test: its own ([SandboxTest]) or its fixture's ([SandboxFixture]).</summary>
public static class SandboxContext
{
    private static readonly AsyncLocal<NodeRuntime?> s_current = new();
    private static readonly ConcurrentDictionary<string, NodeRuntime> s_fixtures = new();

    /// <summary>The runtime for the current test; usable from SetUp, the test and TearDown.</summary>
    public static NodeRuntime Current => TryGetCurrent() ?? throw new InvalidOperationException(
        "no sandbox for this test: put [SandboxTest] on the test method or [SandboxFixture] on its class.");

    internal static NodeRuntime? TryGetCurrent()
    {
        if (s_current.Value is { } own) return own;
        for (ITest? test = TestExecutionContext.CurrentContext.CurrentTest; test is not null; test = test.Parent)
            if (s_fixtures.TryGetValue(test.Id, out var shared)) return shared;
        return null;
    }

    internal static void SetTest(NodeRuntime? runtime) => s_current.Value = runtime;

    internal static void SetFixture(ITest fixture, NodeRuntime? runtime)
    {
        if (runtime is null) s_fixtures.TryRemove(fixture.Id, out _);
        else s_fixtures[fixture.Id] = runtime;
    }

    internal static NodeRuntime? Fixture(ITest fixture) => s_fixtures.TryGetValue(fixture.Id, out var r) ? r : null;
}
