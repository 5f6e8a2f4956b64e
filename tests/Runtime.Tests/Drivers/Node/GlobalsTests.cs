namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>The global surface compared with Node 22 (list from `Object.getOwnPropertyNames(globalThis)` of
/// Node v22.23.3 running a file), and the unsupported built-ins failing clearly.</summary>
public sealed class GlobalsTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    // Node 22's globals this runtime provides (the rest of Node's list is reported by the README's known gaps).
    private static readonly string[] s_provided =
    [
        "AbortController", "AbortSignal", "Buffer", "CustomEvent", "DOMException", "Event", "EventTarget",
        "MessageEvent", "Navigator", "Performance", "PerformanceEntry", "PerformanceMark", "PerformanceMeasure",
        "PerformanceObserver", "PerformanceObserverEntryList", "PerformanceResourceTiming", "TextDecoder",
        "TextEncoder", "URL", "URLSearchParams", "atob", "btoa", "clearImmediate", "clearInterval", "clearTimeout",
        "console", "crypto", "global", "navigator", "performance", "process", "queueMicrotask", "setImmediate",
        "setInterval", "setTimeout", "structuredClone", "MessageChannel", "MessagePort", "BroadcastChannel",
    ];

    [Fact]
    public void GlobalThis_HasNode22Globals_AndNoNewerV8Ones()
    {
        var r = _vm.Node("-e", "console.log(Object.getOwnPropertyNames(globalThis).join(','))");
        var names = r.Stdout.Trim().Split(',').ToHashSet(StringComparer.Ordinal);
        foreach (var n in s_provided) Assert.True(names.Contains(n), $"missing global {n}");
        foreach (var n in new[] { "AsyncDisposableStack", "DisposableStack", "SuppressedError", "Float16Array" })
            Assert.DoesNotContain(n, names);
    }

    [Fact]
    public void Globals_EnumerableOnesMatchNode()
    {
        _vm.WriteFile("/app/keys.js", "console.log(Object.keys(globalThis).join(','))");
        var r = _vm.Node("/app/keys.js");
        // Node v22.23.3 prints the same list with `fetch` after `performance` (fetch belongs to the networking work).
        Assert.Equal("global,clearImmediate,setImmediate,clearInterval,clearTimeout,setInterval,setTimeout,queueMicrotask,structuredClone,atob,btoa,performance,navigator,crypto\n",
            r.Stdout.Replace("fetch,", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("require('perf_hooks').monitorEventLoopDelay()")]
    [InlineData("require('vm').createContext(require('vm').constants.DONT_CONTEXTIFY)")]
    [InlineData("require('vm').createContext({}, { microtaskMode: 'afterEvaluate' })")]
    public void UnsupportedGlobalsAndApis_FailWithNotSupported(string code)
    {
        var r = _vm.Node("-e", code);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ERR_NOT_SUPPORTED_IN_SANDBOX", r.Stderr);
    }

    [Theory]
    [InlineData("cluster")]
    [InlineData("inspector")]
    [InlineData("repl")]
    [InlineData("wasi")]
    [InlineData("trace_events")]
    [InlineData("domain")]
    public void UnsupportedModules_FailOnRequireAndImport(string name)
    {
        var r = _vm.Node("-e", $"try {{ require('{name}'); }} catch (e) {{ console.log(e.code, e.message); }}");
        Assert.Equal($"ERR_NOT_SUPPORTED_IN_SANDBOX node:{name} is not supported in this sandbox\n", r.Stdout);
        var esm = _vm.Node("--input-type=module", "-e", $"import * as m from 'node:{name}';");
        Assert.True(esm.ExitCode == 1, esm.Stderr);
        Assert.Contains($"node:{name} is not supported in this sandbox", esm.Stderr);
    }
}
