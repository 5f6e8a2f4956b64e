namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>Unhandled promise rejections in each --unhandled-rejections mode (expected text recorded with
/// Node v22.23.3; stack frames below the first line differ and are not compared).</summary>
public sealed class UnhandledRejectionTests : IDisposable
{
    private const string WarningText =
        "UnhandledPromiseRejectionWarning: Unhandled promise rejection. This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection id: 1)\n";

    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void DefaultMode_ErrorReason_PrintsLikeUncaughtAndExits1()
    {
        _vm.WriteFile("/app/r.js", "console.log('start');\nPromise.reject(new Error('boom'));\nsetTimeout(() => console.log('never'), 10);\n");
        var r = _vm.Node("/app/r.js");
        Assert.Equal("start\n", r.Stdout);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("/app/r.js:2\nPromise.reject(new Error('boom'));\n               ^\n\nError: boom\n    at ", r.Stderr);
        Assert.EndsWith("\n\nNode.js v22.0.0\n", r.Stderr);
    }

    [Fact]
    public void DefaultMode_NonErrorReason_ThrowsUnhandledPromiseRejection()
    {
        var r = _vm.Node("-e", "Promise.reject(42); setTimeout(() => console.log('never'), 10);");
        Assert.Equal("", r.Stdout);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"42\".\n    at ", r.Stderr);
        Assert.Contains("{\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n\nNode.js v22.0.0\n", r.Stderr);
    }

    [Fact]
    public void DefaultMode_AsyncFunctionThrow_IsReported()
    {
        var r = _vm.Node("-e", "(async () => { await null; throw new TypeError('in async'); })();");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("TypeError: in async", r.Stderr);
    }

    [Fact]
    public void DefaultMode_HandledLater_InSameTick_IsNotReported()
    {
        var r = _vm.Node("-e", "const p = Promise.reject(new Error('x')); queueMicrotask(() => p.catch(() => console.log('caught')));");
        Assert.Equal("caught\n", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void DefaultMode_UncaughtExceptionListener_ReceivesRejection()
    {
        var r = _vm.Node("-e", "process.on('uncaughtException', (e, origin) => console.log('got', e.message, origin)); Promise.reject(new Error('r'));");
        Assert.Equal("got r unhandledRejection\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void WarnMode_PrintsWarningsAndKeepsRunning()
    {
        var r = _vm.Node("--unhandled-rejections=warn", "-e", "Promise.reject(42); setTimeout(() => console.log('still running'), 5);");
        Assert.Equal("still running\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "(node:2) UnhandledPromiseRejectionWarning: 42\n(Use `node --trace-warnings ...` to show where the warning was created)\n(node:2) " + WarningText,
            r.Stderr.Replace($"(node:{r.Stderr.Split(')')[0].Split(':')[1]})", "(node:2)", StringComparison.Ordinal));
    }

    [Fact]
    public void WarnWithErrorCodeMode_WarnsAndExits1()
    {
        var r = _vm.Node("--unhandled-rejections=warn-with-error-code", "-e", "Promise.reject(42); setTimeout(() => console.log('ran'), 5);");
        Assert.Equal("ran\n", r.Stdout);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(WarningText, r.Stderr);
    }

    [Fact]
    public void NoneMode_IsSilent()
    {
        var r = _vm.Node("--unhandled-rejections=none", "-e", "Promise.reject(new Error('quiet')); setTimeout(() => console.log('ran'), 5);");
        Assert.Equal("ran\n", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void StrictMode_ThrowsEvenWithUnhandledRejectionListener()
    {
        var r = _vm.Node("--unhandled-rejections=strict", "-e", "process.on('unhandledRejection', () => console.log('listener')); Promise.reject(new Error('strict'));");
        Assert.Equal("", r.Stdout);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Error: strict", r.Stderr);
    }

    [Fact]
    public void HandledAfterWarning_WithoutListener_PrintsHandledAsynchronouslyWarning()
    {
        var r = _vm.Node("-e", "process.on('unhandledRejection', () => {}); const p = Promise.reject(1); setTimeout(() => p.catch(() => {}), 5);");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("PromiseRejectionHandledWarning: Promise rejection was handled asynchronously (rejection id: 1)\n", r.Stderr);
    }
}
