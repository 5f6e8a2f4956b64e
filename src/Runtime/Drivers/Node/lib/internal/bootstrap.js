// node:internal/bootstrap — the only code that runs eagerly in every guest, in two halves. The first runs before any
// process is attached (the engine pool prepares contexts ahead): it receives the host bridge function and the host's
// static tables, creates the scratch Uint8Array, keeps both in this closure (never on a global), sets up timers and
// the globals, and returns [dispatch, sink, init, scratch, preload]. init(processInfoJson), the second half, creates `process`
// for the process that takes the context (argv, env, pid); no code in the first half may depend on those.
(function (bridge, staticInfoJson) {
  'use strict';
  delete globalThis.console; // ClearScript's; Node's is defined below
  const info = JSON.parse(staticInfoJson);
  const scratch = new Uint8Array(info.scratchSize);
  // Guest code may patch Uint8Array.prototype (set, slice, subarray, constructor) or Uint8Array[Symbol.species]: the
  // scratch array and every copy out of it use the intrinsics captured here, before any guest code, so no guest
  // function ever receives the scratch array or a view of its memory.
  const apply = Reflect.apply;
  const intrinsicSet = Uint8Array.prototype.set;
  for (const name of ['set', 'slice', 'subarray']) Object.defineProperty(scratch, name, { value: Uint8Array.prototype[name] });
  Object.defineProperty(scratch, 'constructor', { value: undefined }); // slice/subarray: no species lookup
  /** target.set(source, offset) with the intrinsic, for sources that are views of the scratch array. */
  const copyInto = (target, source, offset) => apply(intrinsicSet, target, [source, offset]);
  const OP = info.ops;
  const K = info.kinds;
  const builtinNames = new Set(info.builtins);

  // ---- compiling guest and built-in code (the host evaluates; the sink receives the value) ----
  let sunk;
  let sunkThrew = false;
  const sink = (value, threw) => { sunk = value; sunkThrew = threw; };
  function compile(source, filename) {
    sunk = undefined;
    const r = bridge(OP.Compile, source, filename);
    if (r !== true) throw internal.errors.syntaxErrorFromDetails(String(r), filename, source);
    const value = sunk;
    sunk = undefined;
    if (sunkThrew) { sunkThrew = false; throw value; }
    return value;
  }
  // A bridge call whose value the host hands to the sink (node:vm): [result, value, threw].
  function sinkCall(...args) {
    sunk = undefined;
    const r = bridge(...args);
    const entry = [r, sunk, sunkThrew];
    sunk = undefined;
    sunkThrew = false;
    return entry;
  }

  // ---- built-in modules: compiled on first use ----
  const builtinCache = new Map();
  function loadBuiltin(name) {
    if (name.startsWith('node:')) name = name.slice(5);
    const cached = builtinCache.get(name);
    if (cached) return cached.exports;
    sunk = undefined;
    const found = bridge(OP.BuiltinFunction, name);
    const fn = sunk;
    sunk = undefined;
    if (found !== true) {
      if (builtinNames.has(name)) throw internal.errors.notSupported('node:' + name);
      const err = new Error(`Cannot find module '${name}'`);
      err.code = 'MODULE_NOT_FOUND';
      throw err;
    }
    const module = { exports: {}, id: name, loaded: false };
    builtinCache.set(name, module);
    try {
      fn.call(module.exports, module.exports, loadBuiltin, module, internal);
    } catch (e) {
      builtinCache.delete(name);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  // ---- err.stack: Node 22's default Error.prepareStackTrace (a function there too), correcting columns ----
  // Scripts compiled inside a one-line wrapper (CommonJS modules, vm.compileFunction): display name → the header's
  // length, which V8 counts in columns on line 1. User-set prepareStackTrace functions get V8's own CallSites.
  const headerColumns = new Map();
  const errorToString = Error.prototype.toString;
  function frameText(site) {
    const text = `${site}`;
    const shift = headerColumns.size > 0 && site.getLineNumber() === 1 ? headerColumns.get(site.getScriptNameOrSourceURL()) : undefined;
    if (!shift) return text;
    const column = site.getColumnNumber();
    const at = text.lastIndexOf(`:1:${column}`);
    return at === -1 ? text : `${text.slice(0, at)}:1:${column - shift}${text.slice(at + 3 + String(column).length)}`;
  }
  function ErrorPrepareStackTrace(error, trace) {
    let head;
    try { head = apply(errorToString, error, []); } catch { head = '<error>'; }
    if (trace.length === 0) return head;
    let text = head;
    for (let i = 0; i < trace.length; i++) text += '\n    at ' + frameText(trace[i]);
    return text;
  }
  // Node's own property order: captureStackTrace, prepareStackTrace, stackTraceLimit
  const stackTraceLimit = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  delete Error.stackTraceLimit;
  Object.defineProperty(Error, 'prepareStackTrace', { value: ErrorPrepareStackTrace, writable: true, enumerable: false, configurable: true });
  if (stackTraceLimit) Object.defineProperty(Error, 'stackTraceLimit', stackTraceLimit);

  const internal = {
    bridge, scratch, copyInto, OP, info, compile, sinkCall, loadBuiltin, builtinNames, headerColumns,
    scratchSize: info.scratchSize,
    get errors() { return loadBuiltin('internal/errors'); },
    get cjs() { return loadBuiltin('internal/cjs'); },
    nextTick, handleUncaught, exit: reallyExit,
    // callbacks the host runs later: fs callbacks (Post), read watchers, child exits
    callbacks: new Map(),
    nextId() { return nextHandleId++; },
    post(fn, type = 'CALLBACK') { const id = nextHandleId++; internal.callbacks.set(id, actx.bind(fn, type, true)); bridge(OP.Post, id); },
  };
  // ---- async context: the frame each callback was scheduled in (AsyncLocalStorage), and its async id ----
  const actx = {
    frame: undefined,       // Map(store → value) of the running code, or undefined
    hooked: false,          // V8's promise hook is on (first AsyncLocalStorage use or async hook)
    // node:async_hooks: the running callback's resource id, the id of what created it, and the resource; every
    // scheduled callback gets an id (the main script runs as 1). hooks: the enabled createHook callbacks, or null.
    eid: 1, tid: 0, resource: undefined, lastId: 1, hooks: null,
    // The callback an uncaught error came from: Node reports it inside that callback's context (async-hook domains).
    failed: null,
    /** fn to run later in this frame, as a new async resource of `type` (destroyed after one run when `once`). */
    bind(fn, type = 'CALLBACK', once = false) {
      const frame = actx.frame;
      const id = ++actx.lastId;
      const tid = actx.eid;
      const resource = {};
      if (actx.hooks !== null) actx.hooks.init(id, type, tid, resource);
      return function bound(...args) { return actx.run(frame, id, tid, resource, fn, this, args, once); };
    },
    /** Runs fn as the callback of resource `id`: its frame and ids, and the before/after (and destroy) hooks. */
    run(frame, id, tid, resource, fn, thisArg, args, once) {
      const prevFrame = actx.frame;
      const prevEid = actx.eid;
      const prevTid = actx.tid;
      const prevResource = actx.resource;
      actx.frame = frame;
      actx.eid = id;
      actx.tid = tid;
      actx.resource = resource;
      if (actx.hooks !== null) actx.hooks.before(id);
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        if (actx.failed === null || actx.failed.err !== err) actx.failed = { err, frame, id, tid, resource };
        throw err;
      } finally {
        if (actx.hooks !== null) {
          actx.hooks.after(id);
          if (once) actx.hooks.destroy(id);
        }
        actx.frame = prevFrame;
        actx.eid = prevEid;
        actx.tid = prevTid;
        actx.resource = prevResource;
      }
    },
  };
  internal.actx = actx;
  let nextHandleId = 1;
  // Host-side byte arrays (child input/output) moved through the scratch array in slices.
  internal.blobFromBytes = (bytes) => {
    let id = 0;
    let off = 0;
    do {
      const n = Math.min(info.scratchSize, bytes.length - off);
      scratch.set(bytes.subarray(off, off + n));
      id = bridge(OP.BlobAppend, id, n);
      off += n;
    } while (off < bytes.length);
    return id;
  };
  internal.blobToBuffer = (id) => {
    const length = bridge(OP.BlobLength, id);
    const out = loadBuiltin('buffer').Buffer.allocUnsafe(Math.max(0, length));
    for (let off = 0; off < length;) {
      const n = bridge(OP.BlobRead, id, off);
      if (n <= 0) break;
      copyInto(out, scratch.subarray(0, n), off);
      off += n;
    }
    bridge(OP.BlobFree, id);
    return out;
  };

  // ---- nextTick and microtasks ----
  const tickQueue = [];
  let tickScheduled = false;
  function nextTick(callback, ...args) {
    if (typeof callback !== 'function') throw internal.errors.invalidArgType('callback', 'function', callback);
    if (process._exiting) return;
    const tick = { callback, args, frame: actx.frame, id: ++actx.lastId, tid: actx.eid };
    if (actx.hooks !== null) actx.hooks.init(tick.id, 'TickObject', tick.tid, tick);
    tickQueue.push(tick);
    if (!tickScheduled) { tickScheduled = true; bridge(OP.TicksPending); }
  }
  function runTicks() {
    tickScheduled = false;
    for (let i = 0; i < tickQueue.length; i++) {
      const tick = tickQueue[i];
      try { actx.run(tick.frame, tick.id, tick.tid, tick, tick.callback, undefined, tick.args, true); } catch (err) { handleUncaught(err); }
    }
    tickQueue.length = 0;
  }

  // ---- timers ----
  const TIMEOUT_MAX = 2 ** 31 - 1;
  const timers = new Map();
  const immediates = new Map();
  const kId = Symbol('timerId');
  const kAsyncFrame = Symbol('asyncContextFrame');
  const kAsyncId = Symbol('asyncId');
  const kTriggerId = Symbol('triggerId');
  class Timeout {
    constructor(callback, ms, args, repeat) {
      ms = Number(ms);
      if (!(ms >= 1 && ms <= TIMEOUT_MAX)) ms = 1;
      this._idleTimeout = ms;
      this._onTimeout = callback;
      this._timerArgs = args;
      this._repeat = repeat ? ms : null;
      this._destroyed = false;
      this[kAsyncFrame] = actx.frame;
      this[kAsyncId] = ++actx.lastId;
      this[kTriggerId] = actx.eid;
      this[kId] = nextHandleId++;
      this._ref = true;
      if (actx.hooks !== null) actx.hooks.init(this[kAsyncId], 'Timeout', this[kTriggerId], this);
      timers.set(this[kId], this);
      startTimer(this, ms, repeat ? ms : 0);
    }
    ref() { this._ref = true; bridge(OP.TimerRef, this[kId], true); return this; }
    unref() { this._ref = false; bridge(OP.TimerRef, this[kId], false); return this; }
    hasRef() { return this._ref; }
    refresh() {
      if (!this._destroyed) {
        timers.set(this[kId], this);
        startTimer(this, this._idleTimeout, this._repeat || 0);
        if (!this._ref) bridge(OP.TimerRef, this[kId], false);
      }
      return this;
    }
    close() { clearTimeout(this); return this; }
    [Symbol.toPrimitive]() { return this[kId]; }
  }
  function startTimer(t, ms, repeat) { // the host answers the limit when the process has too many
    const limit = bridge(OP.TimerStart, t[kId], ms, repeat);
    if (limit > 0) { timers.delete(t[kId]); t._destroyed = true; throw internal.errors.timerLimit(limit); }
  }
  function fireTimer(id) {
    const t = timers.get(id);
    if (!t) return;
    if (!t._repeat) { timers.delete(id); t._destroyed = true; }
    actx.run(t[kAsyncFrame], t[kAsyncId], t[kTriggerId], t, t._onTimeout, t, t._timerArgs || [], !t._repeat);
  }
  function setTimeout(callback, ms, ...args) {
    if (typeof callback !== 'function') throw internal.errors.invalidArgType('callback', 'function', callback);
    return new Timeout(callback, ms, args.length ? args : null, false);
  }
  function setInterval(callback, ms, ...args) {
    if (typeof callback !== 'function') throw internal.errors.invalidArgType('callback', 'function', callback);
    return new Timeout(callback, ms, args.length ? args : null, true);
  }
  function clearTimeout(timer) {
    if (timer == null) return;
    const id = typeof timer === 'object' ? timer[kId] : Number(timer);
    const t = timers.get(id);
    if (t) {
      t._destroyed = true;
      timers.delete(id);
      bridge(OP.TimerClear, id);
      if (actx.hooks !== null) actx.hooks.destroy(t[kAsyncId]);
    }
  }
  class Immediate {
    constructor(callback, args) {
      this._onImmediate = callback;
      this._argv = args;
      this[kAsyncFrame] = actx.frame;
      this[kAsyncId] = ++actx.lastId;
      this[kTriggerId] = actx.eid;
      this[kId] = nextHandleId++;
      this._ref = true;
      if (actx.hooks !== null) actx.hooks.init(this[kAsyncId], 'Immediate', this[kTriggerId], this);
      immediates.set(this[kId], this);
      const limit = bridge(OP.ImmediateAdd, this[kId]);
      if (limit > 0) { immediates.delete(this[kId]); throw internal.errors.timerLimit(limit); }
    }
    ref() { this._ref = true; return this; }
    unref() { this._ref = false; return this; }
    hasRef() { return this._ref; }
  }
  function setImmediate(callback, ...args) {
    if (typeof callback !== 'function') throw internal.errors.invalidArgType('callback', 'function', callback);
    return new Immediate(callback, args.length ? args : null);
  }
  function clearImmediate(immediate) {
    if (!immediate || !immediate[kId]) return;
    if (immediates.delete(immediate[kId])) {
      bridge(OP.ImmediateClear, immediate[kId]);
      if (actx.hooks !== null) actx.hooks.destroy(immediate[kAsyncId]);
    }
  }
  function fireImmediate(id) {
    const im = immediates.get(id);
    if (!im) return;
    immediates.delete(id);
    actx.run(im[kAsyncFrame], im[kAsyncId], im[kTriggerId], im, im._onImmediate, im, im._argv || [], true);
  }
  internal.timers = { setTimeout, setInterval, clearTimeout, clearInterval: clearTimeout, setImmediate, clearImmediate, Timeout, Immediate };

  // ---- process (created by init, once the host holds the sink) ----
  let process;

  // ---- errors that reach the top ----
  function handleUncaught(err, origin = 'uncaughtException') {
    if (process._exiting) return;
    const failed = actx.failed;
    actx.failed = null;
    const handle = () => {
      process.emit('uncaughtExceptionMonitor', err, origin);
      if (internal.captureFn) { internal.captureFn(err); return true; }
      if (process.listenerCount('uncaughtException') > 0) { process.emit('uncaughtException', err, origin); return true; }
      return false;
    };
    try {
      const handled = failed !== null && failed.err === err
        ? actx.run(failed.frame, failed.id, failed.tid, failed.resource, handle, undefined, [], false)
        : handle();
      if (handled) return;
    } catch (e) { err = e; }
    try {
      if (internal.reportUncaught) internal.reportUncaught(err); // a worker: the parent's 'error' event
      else internal.errors.printUncaught(err, internal, origin);
    } catch { /* printing must not hide the exit */ }
    reallyExit(err && typeof err === 'object' && err.code === 'ERR_UNHANDLED_REJECTION' ? 1 : 1, true);
  }
  function reallyExit(code, emit) {
    if (code !== undefined) process.exitCode = code;
    if (emit && !process._exiting) {
      process._exiting = true;
      try { process.emit('exit', process.exitCode | 0); } catch (e) { /* Node reports and exits 7 */ process.exitCode = 7; }
    }
    if (internal.flushWrites) internal.flushWrites();
    bridge(OP.Exit, process.exitCode | 0);
    for (;;) { /* the host has stopped the engine; termination lands here */ }
  }

  // ---- globals ----
  function init(processInfoJson) {
  Object.assign(info, JSON.parse(processInfoJson));
  process = loadBuiltin('internal/process')(internal, loadBuiltin('events'));
  internal.process = process;
  defineValue('process', process);
  if (info.exposeBridge) defineValue(info.exposeBridge, { bridge, OP, scratch }); // hostile-call tests only
  if (info.worker) loadBuiltin('internal/worker/setup')();
  }
  // Node's enumerable globals, in Node's order (Object.keys(globalThis)); applied after all are defined.
  const enumerableGlobals = ['global', 'clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval',
    'setTimeout', 'queueMicrotask', 'structuredClone', 'atob', 'btoa', 'performance', 'fetch', 'navigator', 'crypto'];
  function defineLazy(name, get) {
    const enumerable = enumerableGlobals.includes(name);
    Object.defineProperty(globalThis, name, {
      configurable: true, enumerable,
      get() { const v = get(); Object.defineProperty(globalThis, name, { value: v, writable: true, configurable: true, enumerable }); return v; },
      set(v) { Object.defineProperty(globalThis, name, { value: v, writable: true, configurable: true, enumerable }); },
    });
  }
  function defineValue(name, value) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: enumerableGlobals.includes(name) });
  }
  defineValue('global', globalThis);
  defineValue('setTimeout', setTimeout);
  defineValue('setInterval', setInterval);
  defineValue('clearTimeout', clearTimeout);
  defineValue('clearInterval', clearTimeout);
  defineValue('setImmediate', setImmediate);
  defineValue('clearImmediate', clearImmediate);
  // Guest import() calls are rewritten to this (node:internal/dynamic_import); hidden, fixed.
  Object.defineProperty(globalThis, '__secureExecImport', {
    value: function __secureExecImport(referrer, specifier) { return loadBuiltin('internal/dynamic_import').dynamicImport(referrer, specifier); },
  });
  defineValue('queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw internal.errors.invalidArgType('callback', 'function', callback);
    Promise.resolve().then(() => { try { callback(); } catch (err) { handleUncaught(err); } });
  });
  defineLazy('console', () => loadBuiltin('console'));
  defineLazy('Buffer', () => loadBuiltin('buffer').Buffer);
  defineLazy('TextEncoder', () => loadBuiltin('util').TextEncoder);
  defineLazy('TextDecoder', () => loadBuiltin('util').TextDecoder);
  defineLazy('URL', () => loadBuiltin('url').URL);
  defineLazy('URLSearchParams', () => loadBuiltin('url').URLSearchParams);
  for (const name of ['AbortController', 'AbortSignal', 'EventTarget', 'Event', 'CustomEvent', 'DOMException', 'structuredClone']) {
    defineLazy(name, () => loadBuiltin('internal/abort')[name]);
  }
  defineLazy('crypto', () => loadBuiltin('crypto').webcrypto);
  defineLazy('Blob', () => loadBuiltin('buffer').Blob);
  // V8's asynchronous WebAssembly compilation posts background tasks that crash the host process under ClearScript
  // (SIGSEGV, EscapeEngineTests). The promise APIs are rebuilt on the synchronous Module/Instance, settling in a
  // microtask like the originals; errors become rejections with the same CompileError/LinkError classes.
  {
    const W = globalThis.WebAssembly;
    const { Module, Instance } = W;
    const toBytes = async (source) => {
      const response = await source;
      if (response && typeof response.arrayBuffer === 'function') return new Uint8Array(await response.arrayBuffer());
      throw new TypeError('WebAssembly.compileStreaming(): Argument 0 must be a Response or a Promise of a Response');
    };
    const methods = {
      compile(bytes) { return Promise.resolve().then(() => new Module(bytes)); },
      instantiate(source, imports) {
        return Promise.resolve().then(() => {
          if (source instanceof Module) return new Instance(source, imports);
          const module = new Module(source);
          return { module, instance: new Instance(module, imports) };
        });
      },
      compileStreaming(source) { return toBytes(source).then((b) => new Module(b)); },
      instantiateStreaming(source, imports) {
        return toBytes(source).then((b) => { const module = new Module(b); return { module, instance: new Instance(module, imports) }; });
      },
    };
    for (const [name, fn] of Object.entries(methods)) {
      const length = W[name]?.length ?? fn.length;
      Object.defineProperty(fn, 'name', { value: name });
      Object.defineProperty(fn, 'length', { value: length });
      Object.defineProperty(W, name, { value: fn, writable: true, configurable: true, enumerable: false });
    }
  }
  for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamDefaultController', 'WritableStream',
    'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'TransformStream', 'TransformStreamDefaultController',
    'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream']) {
    defineLazy(name, () => loadBuiltin('internal/webstreams')[name]);
  }
  defineLazy('CryptoKey', () => loadBuiltin('internal/crypto/webcrypto').CryptoKey);
  defineLazy('SubtleCrypto', () => loadBuiltin('internal/crypto/webcrypto').SubtleCrypto);
  defineLazy('atob', () => loadBuiltin('buffer').atob);
  defineLazy('btoa', () => loadBuiltin('buffer').btoa);
  for (const name of ['performance', 'Performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure',
    'PerformanceObserver', 'PerformanceObserverEntryList', 'PerformanceResourceTiming']) {
    defineLazy(name, () => loadBuiltin('perf_hooks')[name]);
  }
  for (const name of ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'File']) {
    defineLazy(name, () => loadBuiltin('internal/fetch')[name]);
  }
  for (const name of ['navigator', 'Navigator', 'MessageChannel', 'MessagePort', 'MessageEvent', 'BroadcastChannel']) {
    defineLazy(name, () => loadBuiltin('internal/web_globals')[name]);
  }
  for (const name of enumerableGlobals) { // re-create in Node's order
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    if (!desc) continue;
    delete globalThis[name];
    Object.defineProperty(globalThis, name, desc);
  }
  // Newer V8 than Node 22's: keep the global surface of Node 22.
  for (const name of ['AsyncDisposableStack', 'DisposableStack', 'SuppressedError', 'Float16Array']) delete globalThis[name];

  // Built-ins nearly every process loads, loaded while the context is prepared (the host calls this once it holds
  // the sink): their top-level code depends on no process (`process` is created by init; they reach it only inside
  // functions).
  function preload() {
    for (const name of ['events', 'internal/process', 'console', 'internal/inspect', 'internal/brands']) loadBuiltin(name);
  }

  // ---- entry points ----
  function runMain(mode, payload, isModule) {
    // a forked child (child_process.fork): its IPC channel's fd, set up before preloads as in Node
    if (mode !== 'promise' && !info.worker && process.env.NODE_CHANNEL_FD !== undefined) {
      const fd = parseInt(process.env.NODE_CHANNEL_FD, 10);
      const serialization = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
      delete process.env.NODE_CHANNEL_FD;
      delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
      if (fd >= 0) loadBuiltin('child_process')._forkChild(fd, serialization);
    }
    // -r/--require preloads run first, then --import ones (as in Node), before any entry
    if (info.preloads.length && mode !== 'promise') {
      for (const [kind, specifier] of info.preloads) if (kind === 'require') internal.cjs.preloadRequire(specifier);
      for (const [kind, specifier] of info.preloads) if (kind === 'import') loadBuiltin('internal/require_esm').preloadImport(specifier);
    }
    // internal/cjs (and with it errors and path) loads only when the entry needs it: not for ES module source.
    switch (mode) {
      case 'file': return internal.cjs.runMainFile(payload);
      case 'eval':
      case 'print':
        if (isModule) return 'esm-source:' + process.cwd().replace(/\/$/, '') + '/[eval1]\0' + payload;
        return internal.cjs.runEval(payload, info.worker ? '[worker eval]' : '[eval]', mode === 'print');
      case 'stdin': {
        const code = loadBuiltin('fs').readFileSync(0, 'utf8');
        if (isModule) return 'esm-source:' + process.cwd().replace(/\/$/, '') + '/[stdin]\0' + code;
        return internal.cjs.runEval(code, '[stdin]', false);
      }
      case 'test': return loadBuiltin('internal/test_runner/runner').runFiles(JSON.parse(payload));
      case 'promise':
        payload.then(undefined, (err) => handleUncaught(err, 'unhandledRejection'));
        return undefined;
    }
  }

  function moduleExports(kind, name) {
    const exports = kind === 'builtin' ? internal.cjs.requireBuiltin('node:' + name)
      : loadBuiltin(name);
    const keys = exports !== null && (typeof exports === 'object' || typeof exports === 'function') ? Object.keys(exports) : [];
    return [exports, keys.join(',')];
  }

  // Errors reported through K.Fatal whose module promise also rejects: that rejection is not reported again.
  const fatalReasons = [];
  internal.takeFatalReason = (reason) => {
    const i = fatalReasons.findIndex((r) => Object.is(r, reason));
    if (i >= 0) fatalReasons.splice(i, 1);
    return i >= 0;
  };

  function dispatch(kind, a, b, c) {
    if (kind === K.ModuleExports) return moduleExports(a, b);
    if (kind === K.PromiseHook) { loadBuiltin('internal/async_context').onPromiseHook(a, b, c); return undefined; }
    if (kind === K.Rejection) { loadBuiltin('internal/promises').onRejection(a, b, c); return undefined; }
    let result;
    actx.frame = undefined;
    actx.eid = kind === K.Main ? 1 : 0; // host callbacks without a resource run outside any (Node: 0)
    actx.tid = 0;
    actx.resource = undefined;
    try {
      switch (kind) {
        case K.Main: result = runMain(a, b, c); break;
        case K.RunTicks: break;
        case K.Timer: fireTimer(a); break;
        case K.Immediate: fireImmediate(a); break;
        case K.Post:
        case K.Read:
        case K.ChildExit: {
          const fn = internal.callbacks.get(a);
          if (kind === K.Post) internal.callbacks.delete(a);
          if (fn) fn(b);
          break;
        }
        case K.Signal: process._onSignal(a); break;
        case K.BeforeExit: process.emit('beforeExit', process.exitCode | 0); break;
        case K.ExitEvent:
          process._exiting = true;
          process.emit('exit', process.exitCode | 0);
          return process.exitCode | 0;
        case K.ProcessRejections: result = loadBuiltin('internal/promises').processRejections(); break;
        case K.Fatal: // an ES module graph failed to link or evaluate: Node reports it from the module's promise
          internal.errors.decorateFatal(a, b);
          fatalReasons.push(a);
          handleUncaught(a, 'unhandledRejection');
          break;
      }
    } catch (err) {
      handleUncaught(err);
    }
    runTicks();
    return result;
  }

  return [dispatch, sink, init, scratch, preload];
})
