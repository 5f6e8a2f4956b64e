using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>node:vm contexts (second V8 contexts in the process's isolate): escape attempts, limits and kills.</summary>
public sealed class VmContextTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void NewContext_ExposesNoHostObject()
    {
        var r = _vm.Node("-e", """
            const vm = require('vm');
            const walk = vm.runInNewContext(`(function walk() {
              const isHost = EngineInternal.isHostObject; // this context's own ClearScript helper
              const seen = new Set(); const found = [];
              (function visit(o, path, depth) {
                if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || depth > 5) return;
                seen.add(o);
                let keys = [];
                try { keys = Reflect.ownKeys(o); } catch { return; }
                for (const k of keys) {
                  let v; try { v = o[k]; } catch { continue; }
                  const s = typeof k === 'symbol' ? k.toString() : k;
                  if (o === globalThis && s === 'EngineInternal') continue; // checked below
                  if (/HostObject|HostFunction|clr|System\\.|ClearScript|toFunction/i.test(s) || isHost(v)) found.push(path + '.' + s);
                  visit(v, path + '.' + s, depth + 1);
                }
              })(globalThis, 'globalThis', 0);
              return found;
            })`);
            console.log(JSON.stringify(walk()));
            console.log(vm.runInNewContext('JSON.stringify(Reflect.ownKeys(EngineInternal).filter((k) => EngineInternal.isHostObject(EngineInternal[k])))'));
            console.log(vm.runInNewContext('typeof process + typeof require + typeof internal + typeof bridge + typeof module'));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("[]\n[]\nundefinedundefinedundefinedundefinedundefined\n", r.Stdout);
    }

    [Fact]
    public void NewContext_ConstructorWalk_StaysInItsOwnBuiltins()
    {
        var r = _vm.Node("-e", """
            const vm = require('vm');
            console.log(vm.runInNewContext('this.constructor.constructor("return typeof process")()'));
            console.log(vm.runInNewContext('(() => {}).constructor("return typeof require + typeof globalThis.process")()'));
            console.log(vm.runInNewContext('Array') !== Array, vm.runInNewContext('Function') !== Function);
            console.log(vm.runInNewContext('Object.getPrototypeOf(async function () {}).constructor("return 1")') instanceof Function);
            // A sandbox object is the outer context's: as in Node, its constructor reaches that context (the same
            // guest process: node:vm is not a boundary, the VM is).
            console.log(vm.runInNewContext('s.constructor.constructor("return typeof process")()', { s: {} }));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("undefined\nundefinedundefined\ntrue true\nfalse\nobject\n", r.Stdout);
    }

    [Fact]
    public void NewContext_DynamicImport_LoadsNothing()
    {
        _vm.WriteFile("/app/secret.mjs", "export default 'secret';");
        var r = _vm.Node("-e", """
            const vm = require('vm');
            for (const spec of ['/app/secret.mjs', 'fs', 'node:fs', 'file:///etc/passwd'])
              vm.runInNewContext(`import(${JSON.stringify(spec)})`).then(() => console.log('loaded', spec), () => console.log('refused', spec));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("refused /app/secret.mjs\nrefused fs\nrefused node:fs\nrefused file:///etc/passwd\n", r.Stdout);
    }

    [Fact]
    public void Timeout_StopsInnerLoop_OuterCodeContinues()
    {
        var r = _vm.Node("-e", """
            const vm = require('vm');
            const ctx = vm.createContext({ n: 0 });
            for (let i = 0; i < 3; i++) {
              try { vm.runInContext('for (;;) n++', ctx, { timeout: 30 }); } catch (e) { console.log(e.code, e.message); }
            }
            console.log(ctx.n > 0, vm.runInContext('n = 1; n + 1', ctx));
            try { vm.runInThisContext('while (true) {}', { timeout: 20 }); } catch (e) { console.log(e.code, e instanceof Error); }
            setTimeout(() => console.log('loop alive'), 5);
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal(
            "ERR_SCRIPT_EXECUTION_TIMEOUT Script execution timed out after 30ms\n" +
            "ERR_SCRIPT_EXECUTION_TIMEOUT Script execution timed out after 30ms\n" +
            "ERR_SCRIPT_EXECUTION_TIMEOUT Script execution timed out after 30ms\n" +
            "true 2\nERR_SCRIPT_EXECUTION_TIMEOUT true\nloop alive\n", r.Stdout);
    }

    [Fact]
    public void Kill_BusyLoopInNewContext_StopsWithSignal()
    {
        var h = _vm.Start(["node", "-e", "console.log('spinning'); require('vm').runInNewContext('while (true) {}'); console.log('never')"]);
        // killed only once it runs (a fixed sleep was too short under load), plus a moment to be inside the loop
        Assert.True(SpinWait.SpinUntil(() => { lock (h.StdoutSoFar) return h.StdoutSoFar.ToString().Contains("spinning", StringComparison.Ordinal); }, 30_000));
        Thread.Sleep(100);
        Assert.Equal(Errno.SUCCESS, _vm.Kernel.Kill(null, h.Process.Pid, (int)Signal.SIGTERM));
        var r = h.Wait(10_000);
        Assert.Equal(Signal.SIGTERM, r.Status.TermSignal);
        Assert.Equal("spinning\n", r.Stdout);
    }

    [Fact]
    public void MemoryHog_InNewContext_HitsHeapLimitWithoutKillingHost()
    {
        using var small = new NodeHarness(new SecureExec.Testing.Drivers.Node.NodeDriverOptions { MaxHeapBytes = 64UL << 20 });
        var r = small.Node("-e", "require('vm').runInNewContext('const a = []; while (true) a.push(new Array(100000).fill(1));')");
        Assert.True(r.Status.IfSignaled || r.ExitCode != 0);
        Assert.True(r.Stderr.Contains("heap out of memory"), r.Stderr);
        Assert.Equal("2\n", small.Node("-p", "require('vm').runInNewContext('1 + 1')").Stdout);
    }

    [Fact]
    public void CreateContext_PastTheLimit_FailsWithCodedError()
    {
        using var few = new NodeHarness(new SecureExec.Testing.Drivers.Node.NodeDriverOptions { MaxVmContexts = 5 });
        var r = few.Node("-e", """
            const vm = require('vm');
            const kept = [];
            try { for (;;) kept.push(vm.createContext({})); } catch (e) { console.log(e.code, kept.length); }
            console.log(vm.runInContext('1 + 1', kept[0]));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("ERR_NOT_SUPPORTED_IN_SANDBOX 5\n2\n", r.Stdout);
    }
}
