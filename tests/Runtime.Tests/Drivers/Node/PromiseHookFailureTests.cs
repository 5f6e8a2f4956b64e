namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>
/// V8's promise hook calls into guest JS (async_hooks, AsyncLocalStorage); an exception must never leave that callback,
/// since it would end the host process (found: a guest's deep recursion with AsyncLocalStorage active took the test
/// host down).
/// </summary>
public sealed class PromiseHookFailureTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void StackLimitInsideThePromiseHook_OnlyTheGuestSeesItsRangeError()
    {
        // Node 22 prints the same
        var r = _vm.Node("-e", """
            const { AsyncLocalStorage } = require('async_hooks');
            const als = new AsyncLocalStorage();
            als.run(1, () => {
              function deep(n) { Promise.resolve(n).then(() => {}); return deep(n + 1) + 1; }
              try { deep(0); } catch (e) { console.log('caught', e.name); }
              setTimeout(() => console.log('still alive', als.getStore()), 1);
            });
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("caught RangeError\nstill alive 1\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void AnAsyncHookThatThrows_IsFatalForTheProcessOnly()
    {
        var r = _vm.Node("-e", """
            const ah = require('async_hooks');
            ah.createHook({ init(id, type) { if (type === 'PROMISE') throw new Error('hook boom'); } }).enable();
            Promise.resolve(1);
            """);
        Assert.Contains("Error: hook boom", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, r.ExitCode);
    }
}
