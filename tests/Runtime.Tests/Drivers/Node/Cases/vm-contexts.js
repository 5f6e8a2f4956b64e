// node:vm with real new contexts: sandbox globals, write-back, own built-ins, errors across contexts,
// timeouts, Script reuse, compileFunction. Recorded with Node v22.23.3 (see README.md).
const vm = require('vm');

// The sandbox's properties are the globals; assignments and declarations write back to it.
const sandbox = { a: 1, list: [1, 2] };
vm.runInNewContext('var c = "var"; a += 1; b = a * 10; list.push(3); let hidden = 1;', sandbox);
console.log(JSON.stringify(sandbox));
console.log(vm.isContext(sandbox), vm.isContext({}));

// A context keeps its state (let/const too) between runs; outer changes to the sandbox are seen inside.
const ctx = vm.createContext({ count: 0 });
vm.runInContext('let step = 2; function tick() { count += step; return count; }', ctx);
console.log(vm.runInContext('tick()', ctx), vm.runInContext('tick()', ctx), ctx.count);
ctx.count = 100;
ctx.extra = 'added later';
console.log(vm.runInContext('tick() + " " + extra', ctx), typeof ctx.tick);
delete ctx.extra;
console.log(vm.runInContext('typeof extra', ctx));

// Each context has its own built-ins; values cross as themselves.
console.log(vm.runInNewContext('Array') !== Array, vm.runInNewContext('Object') !== Object);
const arr = vm.runInNewContext('[1, 2, 3]');
console.log(arr instanceof Array, Array.isArray(arr), arr.length, JSON.stringify(arr));
const obj = vm.runInNewContext('({ x: 1, nested: { y: [true, null] } })');
console.log(obj instanceof Object, Object.getPrototypeOf(obj) === Object.prototype, JSON.stringify(obj));
console.log(vm.runInNewContext('x instanceof Array', { x: [] }), vm.runInNewContext('Array.isArray(x)', { x: [] }));
console.log(typeof vm.runInNewContext('10n'), vm.runInNewContext('1 / 3'), vm.runInNewContext('"str"'), vm.runInNewContext('undefined'));

// Sandbox keys shadow built-ins; a fresh context has only the JavaScript built-ins.
console.log(vm.runInNewContext('typeof Array + " " + Math', { Math: 'mine' }));
console.log(vm.runInNewContext('[typeof process, typeof require, typeof setTimeout, typeof console, typeof console.log].join()'));
console.log(vm.runInNewContext('console.log("not printed"); 42'));

// Errors from another context: its own Error classes.
try { vm.runInNewContext('throw new TypeError("inner boom")'); } catch (e) {
  console.log(e instanceof TypeError, e instanceof Error, e.name, e.message, e.constructor === vm.runInNewContext('TypeError'));
}
try { vm.runInNewContext('null.prop'); } catch (e) { console.log(e instanceof TypeError, e.name, e.message); }
try { vm.runInNewContext('throw 42'); } catch (e) { console.log('thrown', e); }
try { vm.runInNewContext('(', {}, 'broken.js'); } catch (e) { console.log(e instanceof SyntaxError, e.name, e.message); }
try { vm.runInThisContext('('); } catch (e) { console.log(e instanceof SyntaxError, e.name, e.message); }
const outerErr = vm.runInNewContext('try { f(); } catch (e) { e }', { f() { throw new RangeError('outer'); } });
console.log(outerErr instanceof RangeError, outerErr.message);

// Timeouts.
try { vm.runInNewContext('while (true) {}', {}, { timeout: 25 }); } catch (e) { console.log(e.code, e.message, e instanceof Error); }
try { vm.runInThisContext('for (;;) {}', { timeout: 25 }); } catch (e) { console.log(e.code, e.message, e instanceof Error); }
for (const timeout of [0, 1.5, '5', -1]) {
  try { vm.runInNewContext('1', {}, { timeout }); } catch (e) { console.log(e.code, e.message); }
}

// Scripts compile once and run anywhere.
const script = new vm.Script('n = (typeof n === "number" ? n : 0) + 1', { filename: 'counter.js' });
const c1 = vm.createContext({});
console.log(script.runInContext(c1), script.runInContext(c1), script.runInNewContext({ n: 10 }), c1.n);
globalThis.n = 5;
console.log(script.runInThisContext(), globalThis.n, vm.runInThisContext('n * 2'));

// compileFunction: parameters, context extensions (the last one innermost), a parsing context.
const add = vm.compileFunction('return a + b + c', ['a', 'b'], { contextExtensions: [{ c: 100 }] });
console.log(add(1, 2), add.length);
const layered = vm.compileFunction('return [x, y]', [], { contextExtensions: [{ x: 'first', y: 'first' }, { y: 'second' }] });
console.log(JSON.stringify(layered()));
const pctx = vm.createContext({ k: 7 });
const fromCtx = vm.compileFunction('return k * 6 + (v || 0)', ['v'], { parsingContext: pctx });
console.log(fromCtx(), fromCtx(1), fromCtx instanceof Function, fromCtx.constructor === vm.runInContext('Function', pctx));

// Argument errors.
for (const f of [() => vm.runInContext('1', {}), () => vm.createContext(1), () => vm.isContext('x'),
  () => new vm.Script('1').runInContext([]), () => vm.compileFunction('', [], { parsingContext: {} })]) {
  try { f(); } catch (e) { console.log(e.code, e.message); }
}

// Objects of another context print and test like this context's (V8's internal slots, not instanceof).
const util = require('util');
const foreign = vm.runInNewContext('({ m: new Map([[1, { a: 2 }]]), s: new Set(["x"]), d: new Date(0), r: /ab+c/g, e: new RangeError("far"), u: new Uint8Array(3), n: [new Number(3), new String("s")] })');
console.log(util.inspect({ ...foreign, e: undefined }));
console.log(util.types.isMap(foreign.m), util.types.isSet(foreign.s), util.types.isDate(foreign.d), util.types.isRegExp(foreign.r),
  util.types.isNativeError(foreign.e), util.types.isUint8Array(foreign.u), util.types.isNumberObject(foreign.n[0]), util.types.isMap({}));
console.log(util.inspect(foreign.e).split('\n')[0]);

// Promises and async functions of a context settle on the process's loop.
vm.runInNewContext('Promise.resolve(5).then((v) => out.push(v * 2))', { out: sandbox.list });
const p = vm.runInNewContext('(async () => { await null; return "async done"; })()');
p.then((v) => console.log(v, JSON.stringify(sandbox.list)));
