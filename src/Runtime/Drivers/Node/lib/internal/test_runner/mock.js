// node:internal/test_runner/mock — MockTracker of node:test: mock.fn, mock.method/getter/setter with
// call tracking (fn.mock.calls, callCount, mockImplementation(Once), resetCalls, restore) and
// mock.timers (setTimeout/setInterval/setImmediate/Date driven by tick/runAll/setTime).
'use strict';
const errors = internal.errors;

class MockFunctionContext {
  #calls = [];
  #impl;
  #original;
  #onceImpls = new Map();
  #times;
  #restore;
  constructor(impl, original, restore, times) {
    this.#impl = impl;
    this.#original = original;
    this.#restore = restore;
    this.#times = times;
  }
  get calls() { return this.#calls.slice(); }
  callCount() { return this.#calls.length; }
  mockImplementation(fn) { errors.validateFunction(fn, 'implementation'); this.#impl = fn; }
  mockImplementationOnce(fn, onCall) {
    errors.validateFunction(fn, 'implementation');
    this.#onceImpls.set(onCall ?? this.#calls.length, fn);
  }
  resetCalls() { this.#calls.length = 0; }
  restore() { this.#restore?.(); }
  /** The implementation for the next call (once-implementations first, then `times` limit). */
  nextImpl() {
    const n = this.#calls.length;
    if (this.#onceImpls.has(n)) { const fn = this.#onceImpls.get(n); this.#onceImpls.delete(n); return fn; }
    if (this.#times !== undefined && n >= this.#times) return this.#original;
    return this.#impl;
  }
  record(call) { this.#calls.push(call); }
}

function makeMock(original, impl, options, restore) {
  const ctx = new MockFunctionContext(impl, original, restore, options?.times);
  function mocked(...args) {
    const fn = ctx.nextImpl();
    const call = { arguments: args, error: undefined, result: undefined, stack: new Error(), target: new.target, this: this };
    try {
      call.result = new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
      return call.result;
    } catch (e) {
      call.error = e;
      throw e;
    } finally {
      ctx.record(call);
    }
  }
  Object.defineProperty(mocked, 'mock', { value: ctx, enumerable: false });
  Object.defineProperty(mocked, 'name', { value: original?.name ?? impl?.name ?? 'mocked' });
  Object.defineProperty(mocked, 'length', { value: (impl ?? original)?.length ?? 0 });
  return mocked;
}

class MockTracker {
  #mocks = [];
  #timers;

  fn(original = function () {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') { options = original; original = function () {}; implementation = original; }
    else if (implementation !== null && typeof implementation === 'object') { options = implementation; implementation = original; }
    errors.validateFunction(original, 'original');
    errors.validateFunction(implementation, 'implementation');
    const m = makeMock(original, implementation, options);
    this.#mocks.push(m.mock);
    return m;
  }

  method(object, methodName, implementation, options = {}) {
    if (implementation !== null && typeof implementation === 'object') { options = implementation; implementation = undefined; }
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) throw errors.invalidArgType('object', 'Object', object);
    let owner = object;
    let descriptor;
    while (owner && !(descriptor = Object.getOwnPropertyDescriptor(owner, methodName))) owner = Object.getPrototypeOf(owner);
    if (!descriptor) throw errors.invalidArgValue('methodName', methodName, 'must be a method');
    const accessor = options.getter ? 'get' : options.setter ? 'set' : 'value';
    const original = descriptor[accessor];
    if (typeof original !== 'function') throw errors.invalidArgValue('methodName', original, 'must be a method');
    const restore = () => { Object.defineProperty(object, methodName, descriptor); };
    const m = makeMock(original, implementation ?? original, options, restore);
    const replacement = { ...descriptor, configurable: true, [accessor]: m };
    if (owner !== object) replacement.enumerable = descriptor.enumerable;
    Object.defineProperty(object, methodName, replacement);
    this.#mocks.push(m.mock);
    return m;
  }

  getter(object, methodName, implementation, options = {}) { return this.method(object, methodName, implementation, { ...options, getter: true }); }
  setter(object, methodName, implementation, options = {}) { return this.method(object, methodName, implementation, { ...options, setter: true }); }

  reset() { this.restoreAll(); this.#timers?.reset(); this.#mocks = []; }
  restoreAll() { for (const m of this.#mocks) m.restore(); }

  get timers() { return (this.#timers ??= new MockTimers()); }
}

// ---- mock.timers: a virtual clock; callbacks run synchronously from tick()/runAll() ----
class MockTimers {
  #enabled = false;
  #now = 0;
  #queue = []; // { id, at, fn, args, interval }
  #nextId = 1;
  #saved = {};

  constructor() {
    // Node 22 warns once, on first use of mock.timers (emitExperimentalWarning('The MockTimers API')).
    if (!MockTimers.warned) {
      MockTimers.warned = true;
      process.emitWarning('The MockTimers API is an experimental feature and might change at any time', 'ExperimentalWarning');
    }
  }

  enable({ apis = ['setInterval', 'setTimeout', 'setImmediate', 'Date'], now = 0 } = {}) {
    if (this.#enabled) throw errors.codedError(Error, 'ERR_INVALID_STATE', 'Invalid state: MockTimers is already enabled!');
    this.#enabled = true;
    this.#now = typeof now === 'object' ? now.getTime() : now;
    const g = globalThis;
    const timers = require('timers');
    const add = (fn, ms, args, interval) => {
      const id = this.#nextId++;
      this.#queue.push({ id, at: this.#now + Math.max(1, Number(ms) || 0), fn, args, interval: interval ? Math.max(1, Number(ms) || 0) : 0 });
      return { id, ref() { return this; }, unref() { return this; }, hasRef() { return true; }, refresh() { return this; }, [Symbol.toPrimitive]: () => id };
    };
    const clear = (t) => { const id = typeof t === 'object' && t !== null ? t.id : t; this.#queue = this.#queue.filter((e) => e.id !== id); };
    const fakes = {
      setTimeout: (fn, ms, ...args) => add(fn, ms, args, false),
      clearTimeout: clear,
      setInterval: (fn, ms, ...args) => add(fn, ms, args, true),
      clearInterval: clear,
      setImmediate: (fn, ...args) => add(fn, 0, args, false),
      clearImmediate: clear,
    };
    for (const api of apis) {
      if (api === 'Date') { this.#mockDate(); continue; }
      if (!(api in fakes)) throw errors.invalidArgValue('options.apis', api, 'is not a supported API');
      const clearName = 'clear' + api.slice(3);
      this.#saved[api] = [g[api], timers[api]];
      this.#saved[clearName] = [g[clearName], timers[clearName]];
      g[api] = timers[api] = fakes[api];
      g[clearName] = timers[clearName] = fakes[clearName];
    }
  }

  #mockDate() {
    const RealDate = Date;
    const self = this;
    class MockDate extends RealDate {
      constructor(...args) { if (args.length === 0) super(self.#now); else super(...args); }
      static now() { return self.#now; }
    }
    this.#saved.Date = [RealDate];
    globalThis.Date = MockDate;
  }

  tick(ms = 1) {
    if (!this.#enabled) throw errors.codedError(Error, 'ERR_INVALID_STATE', 'Invalid state: You should enable MockTimers first by calling the .enable function');
    const target = this.#now + ms;
    for (;;) {
      this.#queue.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.#queue[0];
      if (!next || next.at > target) break;
      this.#now = next.at;
      if (next.interval) next.at += next.interval; else this.#queue.shift();
      next.fn(...next.args);
    }
    this.#now = target;
  }

  runAll() {
    const last = this.#queue.reduce((m, e) => Math.max(m, e.at), this.#now);
    this.tick(last - this.#now);
  }

  setTime(ms) { this.#now = ms; }

  reset() {
    const timers = require('timers');
    for (const [name, [g, t]] of Object.entries(this.#saved)) {
      globalThis[name] = g;
      if (t !== undefined) timers[name] = t;
    }
    this.#saved = {};
    this.#queue = [];
    this.#enabled = false;
  }

  [Symbol.dispose]() { this.reset(); }
}

module.exports = { MockTracker, MockTimers };
