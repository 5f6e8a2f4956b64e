using SecureExec.Testing.Drivers.Node;
using SecureExec.Testing.Tests.Drivers.Node;

namespace SecureExec.Testing.Tests.Security;

/// <summary>
/// Escape suite, the bridge: hostile values through every BridgeOp (published only by the test-only
/// ExposeBridgeForTests) and through public APIs, and the scratch Uint8Array stolen and detached by plain guest code.
/// Each call must answer a number/string or a JS error — never a .NET exception text, a crash or a hang.
/// </summary>
public sealed class EscapeBridgeTests
{
    /// <summary>Text that only a .NET exception or type would put in a message.</summary>
    private const string HostText = @"/Exception|System\.|Microsoft\.|ClearScript|NullReference|\bat [A-Z]\w+\.\w+\(/";

    // Found by this suite (2026-11-25): patching Uint8Array.prototype.set handed guest code the bridge's scratch array
    // (internal code called scratch.set). The scratch array now uses intrinsics captured before any guest code.
    [Fact]
    public async Task Scratch_PatchedTypedArrayMethods_NeverReceiveItNorAViewOfIt()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var r = await rt.ExecAsync("""
            import fs from 'node:fs';
            import crypto from 'node:crypto';
            const P = Uint8Array.prototype;
            const seen = [];
            const spy = (x) => { if (x && x.buffer && x.buffer.byteLength === 65536) seen.push(x); };
            for (const name of ['set', 'slice', 'subarray']) {
              const original = P[name];
              P[name] = function (...a) { spy(this); a.forEach(spy); return Reflect.apply(original, this, a); };
            }
            Object.defineProperty(P, 'constructor', { get() { spy(this); return Uint8Array; }, configurable: true });
            const species = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array), Symbol.species);
            Object.defineProperty(Uint8Array, Symbol.species, { get() { return function (b, o, l) { spy(new Uint8Array(b)); return new Uint8Array(b, o, l); }; }, configurable: true });
            fs.writeFileSync('/tmp/x', 'hello world');
            const fd = fs.openSync('/tmp/x', 'r');
            const buf = Buffer.alloc(11);
            fs.readSync(fd, buf, 0, 11, 0);
            fs.closeSync(fd);
            const digest = crypto.createHash('sha256').update(fs.readFileSync('/tmp/x')).digest('hex');
            crypto.randomFillSync(Buffer.alloc(32));
            Object.defineProperty(Uint8Array, Symbol.species, species);
            delete P.constructor;
            console.log(buf.toString(), digest.length, 'stolen:', seen.length);
            """);
        Assert.Equal("hello world 64 stolen: 0\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    // The host side stays safe if the scratch array is detached anyway (here through the test-only bridge probe):
    // later calls answer -EINVAL as JS errors, never host exception texts.
    [Fact]
    public void Scratch_DetachedThroughProbe_LaterCallsAreJsErrorsAndTheHostCarriesOn()
    {
        using var vm = new NodeHarness(new NodeDriverOptions { ExposeBridgeForTests = "__probe" });
        var r = vm.Node("-e", $$"""
            const fs = require('fs');
            fs.writeFileSync('/tmp/x', 'hello');
            __probe.scratch.buffer.transfer(); // detach
            let verdict;
            try { fs.writeFileSync('/tmp/y', 'abc'); verdict = 41; }
            catch (e) { verdict = !(e instanceof Error) ? 42 : {{HostText}}.test(e.message + e.stack) || e.code === 'EIO' ? 43 : 40; }
            process.exit(verdict);
            """);
        Assert.Equal(40, r.ExitCode); // a JS error (the process broke its own I/O), not EIO from a host exception
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("ok\n", vm.Node("-e", "console.log('ok')").Stdout); // the next process has its own scratch
    }

    [Fact]
    public void Bridge_EveryOpWithHostileObjects_AnswersValuesOrJsErrors()
    {
        using var vm = new NodeHarness(new NodeDriverOptions { ExposeBridgeForTests = "__probe" });
        var r = vm.Node("-e", $$"""
            const { bridge, OP } = __probe;
            const detached = new ArrayBuffer(8), detachedView = new Uint8Array(detached); detached.transfer();
            const revocable = Proxy.revocable({}, {}); revocable.revoke();
            const hostile = [
              { toString() { throw new Error('toString'); }, valueOf() { throw new Error('valueOf'); } },
              { [Symbol.toPrimitive]() { throw new Error('toPrimitive'); } },
              Object.defineProperty({}, 'length', { get() { throw new Error('getter'); } }),
              new Proxy(function () {}, { get() { throw new Error('trap'); }, apply() { throw new Error('trap'); } }),
              revocable.proxy, detached, detachedView, new DataView(new ArrayBuffer(4)),
              new SharedArrayBuffer(8), -0x80000000, 0x7fffffff, 2 ** 53, -(2 ** 53), Number.MIN_VALUE, -1e-300,
              'x\0y', '\ud800', '/'.repeat(70000), new Date(NaN), /re/g, new Error('e'), Promise.resolve(1), globalThis,
            ];
            const skip = new Set([OP.Exit, OP.Kill, OP.SignalCatch, OP.ReadStart, OP.AcceptStart]);
            const bad = new Set(); let calls = 0;
            for (const op of Object.values(OP)) {
              if (skip.has(op)) continue;
              for (const a of hostile) for (const b of [0, -1, 65536, 65537, 1e12, NaN, a]) {
                calls++;
                let out;
                try { out = bridge(op, a, b, b, a, b); } catch (e) {
                  if (!(e instanceof Error)) bad.add('non-Error thrown by op ' + op);
                  else if ({{HostText}}.test(String(e.message) + String(e.stack))) bad.add('host text from op ' + op + ': ' + e.message);
                  continue;
                }
                if (out !== null && !['number', 'string', 'undefined', 'boolean'].includes(typeof out)) bad.add('op ' + op + ' returned ' + typeof out);
                else if (typeof out === 'string' && {{HostText}}.test(out)) bad.add('op ' + op + ' returned host text: ' + out.slice(0, 100));
              }
            }
            console.log(calls > 2000, JSON.stringify([...bad]));
            """);
        Assert.False(r.Stderr.Contains("internal error", StringComparison.Ordinal), string.Join('\n', r.Stderr.Split('\n').Distinct().Take(20)));
        Assert.Equal("true []\n", r.Stdout + r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public async Task PublicApis_HostileArguments_FailAsNodeErrorsWithoutHostText()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var r = await rt.ExecCommandAsync("node", ["-e", $$"""
            const fs = require('fs'), cp = require('child_process'), crypto = require('crypto'), zlib = require('zlib');
            const detached = new ArrayBuffer(16), view = new Uint8Array(detached); detached.transfer();
            const evil = { toString() { throw new Error('evil toString'); }, valueOf() { throw new Error('evil valueOf'); } };
            const getter = Object.defineProperty({}, 'length', { get() { throw new Error('evil getter'); } });
            const proxy = new Proxy(new Uint8Array(4), { get(t, k) { if (k === 'length') return 1e9; return Reflect.get(t, k); } });
            const fd = fs.openSync('/tmp/f', 'w+');
            const attempts = {
              readSyncHugeLength: () => fs.readSync(fd, Buffer.alloc(4), 0, 2 ** 31, 0),
              readSyncNegativeOffset: () => fs.readSync(fd, Buffer.alloc(4), -1, 1, 0),
              readSyncNaNPosition: () => fs.readSync(fd, Buffer.alloc(4), 0, 1, NaN),
              readSyncDetached: () => fs.readSync(fd, view),
              writeSyncProxy: () => fs.writeSync(fd, proxy),
              writeSyncDetached: () => fs.writeSync(fd, view),
              writeSyncNegativePosition: () => fs.writeSync(fd, Buffer.from('x'), 0, 1, -5),
              writeSyncEvil: () => fs.writeSync(fd, evil),
              openEvilPath: () => fs.openSync(evil),
              openGetter: () => fs.openSync(getter),
              openHugePath: () => fs.openSync('/tmp/' + 'a'.repeat(1 << 20)),
              openNul: () => fs.openSync('/tmp/a\0b'),
              openHugeFlags: () => fs.openSync('/tmp/f', 2 ** 40),
              openModeNaN: () => fs.openSync('/tmp/g', 'w', NaN),
              truncateNegative: () => fs.ftruncateSync(fd, -1),
              truncateHuge: () => fs.ftruncateSync(fd, 2 ** 60),
              closeHugeFd: () => fs.closeSync(2 ** 31),
              fstatNegative: () => fs.fstatSync(-1),
              readdirEvil: () => fs.readdirSync(evil),
              bufferAllocHuge: () => Buffer.alloc(2 ** 33),
              bufferFromDetached: () => Buffer.from(detached).toString(),
              bufferWriteEvil: () => Buffer.alloc(4).write(evil),
              textDecoderDetached: () => new TextDecoder().decode(view),
              hashDetached: () => crypto.createHash('sha256').update(view).digest('hex'),
              randomFillDetached: () => crypto.randomFillSync(view),
              gzipDetached: () => zlib.gzipSync(view),
              spawnEvilArgs: () => cp.spawnSync('sh', [evil]),
              spawnHugeMaxBuffer: () => cp.execSync('echo hi', { maxBuffer: -1 }),
              killUnknownSignal: () => process.kill(process.pid, 'SIGNOPE'),
              killHugePid: () => process.kill(2 ** 40, 0),
              chdirProxy: () => process.chdir(new Proxy({}, { get() { throw new Error('trap'); } })),
              setTimeoutHuge: () => clearTimeout(setTimeout(() => {}, 2 ** 53)),
            };
            const out = [];
            for (const [name, f] of Object.entries(attempts)) {
              try { f(); out.push(name + ':ok'); }
              catch (e) {
                const text = String(e && e.message) + String(e && e.stack);
                out.push(name + ':' + (!(e instanceof Error) ? 'NON-ERROR' : {{HostText}}.test(text) ? 'HOST-TEXT ' + e.message : 'error'));
              }
            }
            console.log(out.filter((x) => /NON-ERROR|HOST-TEXT/.test(x)).join('\n') || 'clean', out.length);
            """], new ExecOptions { Timeout = TimeSpan.FromSeconds(60) });
        Assert.False(r.TimedOut);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("clean 32\n", r.Stdout + r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }
}
