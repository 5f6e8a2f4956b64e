namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>Escape attempts: nothing from .NET may be reachable, and hostile calls must not hurt the host.</summary>
public sealed class SecurityTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void Globals_ExposeNoHostObject()
    {
        var r = _vm.Node("-e", """
            const seen = new Set(); const found = [];
            function walk(o, path, depth) {
              if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || depth > 4) return;
              seen.add(o);
              let keys = [];
              try { keys = Reflect.ownKeys(o); } catch { return; }
              for (const k of keys) {
                let v; try { v = o[k]; } catch { continue; }
                const s = typeof k === 'symbol' ? k.toString() : k;
                if (o === globalThis && s === 'EngineInternal') continue; // ClearScript's non-deletable JS helpers, checked below
                if (/HostObject|HostFunction|clr|System\.|ClearScript|toFunction/i.test(s) || EngineInternal.isHostObject(v)) found.push(path + '.' + s);
                walk(v, path + '.' + s, depth + 1);
              }
            }
            walk(globalThis, 'globalThis', 0);
            for (const m of ['fs', 'child_process', 'buffer', 'util', 'events', 'stream', 'path', 'os']) walk(require(m), m, 0);
            console.log(JSON.stringify(found));
            console.log(typeof globalThis.bridge, typeof globalThis.internal, typeof globalThis.host, typeof globalThis.xHost);
            const ei = globalThis.EngineInternal;
            const bad = Reflect.ownKeys(ei).filter((k) => ei.isHostObject(ei[k]));
            console.log(JSON.stringify(bad));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("[]\nundefined undefined undefined undefined\n[]\n", r.Stdout);
    }

    [Fact]
    public void ConstructorWalk_ReachesOnlyJsFunction()
    {
        var r = _vm.Node("-e", """
            const F = (() => {}).constructor.constructor;
            console.log(F === Function, typeof F('return this')().process);
            try { console.log(typeof F('return bridge')()); } catch (e) { console.log(e.name); }
            console.log(Object.getOwnPropertyNames(process.binding ? {} : {}).length);
            try { process.binding('fs'); } catch (e) { console.log(e.code); }
            """);
        Assert.Equal("true object\nReferenceError\n0\nERR_NOT_SUPPORTED_IN_SANDBOX\n", r.Stdout);
    }

    [Fact]
    public void HostileArguments_ToBuiltins_FailAsJsErrors()
    {
        var r = _vm.Node("-e", """
            const fs = require('fs');
            const attempts = [
              () => fs.readSync(0, Buffer.alloc(4), -1, 1e12, -5),
              () => fs.writeSync(1, new Proxy(Buffer.alloc(4), {})),
              () => fs.openSync({ toString() { throw new Error('hostile'); } }),
              () => fs.readFileSync('\0'),
              () => Buffer.alloc(-1),
              () => fs.readSync(1e20, Buffer.alloc(1)),
              () => require('child_process').spawnSync('node', { cwd: 12 }),
              () => process.kill(process.pid, 'SIGNOPE'),
              () => process.chdir(Symbol('x')),
            ];
            for (const a of attempts) { try { a(); console.log('ok'); } catch (e) { console.log(e instanceof Error ? e.name + (e.code ? ' ' + e.code : '') : typeof e); } }
            """);
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(9, r.Stdout.Trim().Split('\n').Length);
    }

    [Fact]
    public void MemoryHog_HitsHeapLimitWithoutKillingHost()
    {
        using var small = new NodeHarness(new SecureExec.Testing.Drivers.Node.NodeDriverOptions { MaxHeapBytes = 64UL << 20 });
        var r = small.Node("-e", "const a = []; while (true) a.push(new Array(100000).fill(1));");
        Assert.True(r.Status.IfSignaled || r.ExitCode != 0);
        Assert.True(r.Stderr.Contains("heap out of memory"), r.Stderr);
        var again = small.Node("-p", "1 + 1");
        Assert.Equal("2\n", again.Stdout);
    }
}

/// <summary>The bridge function itself, published only by a test-only option, called with hostile arguments.</summary>
public sealed class BridgeHostileCallTests
{
    [Fact]
    public void Bridge_HostileArguments_NeverThrowDotNetIntoGuestNorCrash()
    {
        using var vm = new NodeHarness(new SecureExec.Testing.Drivers.Node.NodeDriverOptions { ExposeBridgeForTests = "__probe" });
        var r = vm.Node("-e", """
            const { bridge, OP } = __probe;
            const hostile = [undefined, null, -1, -2147483649, 2147483648, 1e300, NaN, Infinity, -0, '', 'x'.repeat(100000),
              {}, [], () => 1, Symbol('s'), 10n, new Proxy({}, { get() { throw new Error('trap'); } }), new Uint8Array(4), { valueOf() { throw new Error('v'); } }];
            const results = new Map();
            let calls = 0;
            for (const op of [...Object.values(OP), 0, -1, 999, 'Write', null]) {
              for (const a of hostile) for (const b of [undefined, -1, 1e12, 65537, 'x']) {
                if (op === OP.Exit || op === OP.Kill || op === OP.SignalCatch || op === OP.ReadStart) continue;
                calls++;
                let out;
                try { out = bridge(op, a, b, a, b); } catch (e) { out = 'threw:' + (e && e.constructor && e.constructor.name); }
                const key = typeof out === 'string' && out.startsWith('threw') ? out : typeof out;
                results.set(key, (results.get(key) || 0) + 1);
              }
            }
            try { new bridge(1); } catch (e) { results.set('ctor:' + e.constructor.name, 1); }
            console.log(calls > 1000, JSON.stringify([...results.keys()].filter((k) => k.startsWith('threw') && k !== 'threw:Error').sort()));
            """);
        Assert.False(r.Stderr.Contains("internal error"), string.Join('\n', r.Stderr.Split('\n').Distinct().Take(20)));
        Assert.Equal("true []\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }
}
