// node:internal/test_runner/test — the test tree of node:test: Test (and Suite for describe), its
// TestContext, hooks, skip/todo/only/name filters, timeouts, and the events the reporters consume
// (test:start, test:pass, test:fail, test:plan, test:diagnostic), in Node 22's order for sequential runs.
'use strict';
const errors = internal.errors;
/** Milliseconds with nanosecond resolution (durations print like Node's: at most 6 decimals). */
const now = () => Number(process.hrtime.bigint()) / 1e6;

// ---- ERR_TEST_FAILURE: wraps what a test threw; `failureType` says where it came from ----
function testFailure(cause, failureType) {
  const message = cause instanceof Error ? cause.message : String(cause);
  const err = errors.codedError(Error, 'ERR_TEST_FAILURE', message);
  err.failureType = failureType;
  err.cause = cause;
  return err;
}
const kUnwrapped = new Set(['testCodeFailure', 'hookFailed', 'testTimeoutFailure', 'callbackAndPromisePresent']);

// Where test()/describe() was called: the first stack frame outside the built-in modules.
function callSite() {
  const stack = new Error().stack.split('\n').slice(1);
  for (const line of stack) {
    if (line.includes('node:')) continue;
    const m = /(?:\(|at )(?:file:\/\/)?(\/[^()]*?):(\d+):(\d+)\)?$/.exec(line.trim());
    if (m) return { file: decodeURI(m[1]), line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

function parseArgs(args) {
  let [name, options, fn] = args;
  if (typeof name === 'function') { fn = name; options = {}; name = fn.name || '<anonymous>'; }
  else if (typeof name === 'object' && name !== null) { fn = options; options = name; name = fn?.name || '<anonymous>'; }
  else if (typeof options === 'function') { fn = options; options = {}; }
  if (name === undefined) name = fn?.name || '<anonymous>';
  options ??= {};
  if (typeof options !== 'object') throw errors.invalidArgType('options', 'Object', options);
  if (fn !== undefined && typeof fn !== 'function') throw errors.invalidArgType('fn', 'Function', fn);
  return { name: String(name), options, fn: fn ?? (() => {}) };
}

class Reporter {
  constructor() { this.listeners = []; }
  emit(type, data) { for (const l of this.listeners) l(type, data); }
}

class Test {
  constructor({ name, fn, options = {}, parent, loc, type = 'test' }) {
    this.name = name;
    this.fn = fn;
    this.parent = parent;
    this.root = parent ? parent.root : this;
    this.nesting = parent ? parent.nesting + 1 : -1;
    this.type = type;
    this.loc = loc;
    this.subtests = [];
    this.queue = [];
    this.running = false;
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.diagnostics = [];
    this.skipped = options.skip !== undefined && options.skip !== false;
    this.skipMessage = typeof options.skip === 'string' ? options.skip : undefined;
    this.todo = options.todo !== undefined && options.todo !== false;
    this.todoMessage = typeof options.todo === 'string' ? options.todo : undefined;
    this.only = options.only === true;
    this.timeout = typeof options.timeout === 'number' && options.timeout !== Infinity ? options.timeout : undefined;
    this.runOnlySubtests = false;
    this.error = undefined;
    this.finished = false;
    this.duration = 0;
    this.abort = new AbortController();
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
  }

  /** Names from the top-level test down to this one. */
  get path() {
    const names = [];
    for (let t = this; t && t.parent; t = t.parent) names.unshift(t.name);
    return names;
  }

  get fullName() { return this.path.join(' > '); }

  /** Whether a new child passes the --test-only and --test-name-pattern filters (Node omits filtered tests). */
  admits(child) {
    const cfg = this.root.config;
    if ((cfg.only && this === this.root) || this.runOnlySubtests) {
      if (!child.only && !(child.type === 'suite' && child.hasOnlyDescendant)) return false;
    }
    if (cfg.namePatterns.length > 0 && !this.matchedPattern && child.type !== 'suite') {
      const full = child.fullName;
      if (!cfg.namePatterns.some((re) => re.test(child.name) || re.test(full))) return false;
      child.matchedPattern = true;
    }
    if (cfg.select) {
      // One test chosen by its path (the .NET adapters run each node:test test as its own case): keep its
      // ancestors and its descendants.
      const p = child.path;
      const n = Math.min(p.length, cfg.select.length);
      for (let i = 0; i < n; i++) if (p[i] !== cfg.select[i]) return false;
    }
    return true;
  }

  createSubtest(Kind, args, type) {
    const { name, options, fn } = parseArgs(args);
    const child = new Kind({ name, fn, options, parent: this, loc: callSite(), type });
    if (this.matchedPattern) child.matchedPattern = true;
    if (child.type === 'suite') child.build();
    if (!this.admits(child) || (child.type === 'suite' && child.subtests.length === 0 && child.filteredAll)) {
      child.finished = true;
      child.resolveDone();
      return child;
    }
    if (this.finished) {
      this.root.diagnostic(`Warning: Test "${child.name}" generated asynchronous activity after the test ended.`);
      child.resolveDone();
      return child;
    }
    if (this.root.config.list) {
      // Listing (SECURE_EXEC_TEST_LIST=1): report the test, run nothing but suite bodies.
      this.root.reporter.emit('test:list', { path: child.path, type: child.type, skip: child.skipped ? (child.skipMessage ?? true) : undefined, todo: child.todo || undefined, ...child.locInfo() });
      if (child.type !== 'suite') { child.finished = true; child.resolveDone(); return child; }
    }
    this.subtests.push(child);
    this.queue.push(child);
    this.processQueue();
    return child;
  }

  /** Runs queued subtests one at a time (Node's default concurrency for tests and suites). */
  processQueue() {
    if (this.running || !this.started) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = true;
    next.run();
    next.done.then(() => {
      this.running = false;
      this.processQueue();
      if (this.queue.length === 0 && !this.running && this.waitingForSubtests) this.waitingForSubtests();
    });
  }

  subtestsSettled() {
    if (this.queue.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve) => { this.waitingForSubtests = resolve; });
  }

  ancestors() {
    const list = [];
    for (let t = this.parent; t; t = t.parent) list.unshift(t);
    return list;
  }

  /** before/after of this test or suite; beforeEach/afterEach of every ancestor around this test. */
  async runHooks(kind) {
    const owners = kind === 'beforeEach' ? this.ancestors() : kind === 'afterEach' ? this.ancestors().reverse() : [this];
    for (const owner of owners) {
      for (const hook of owner.hooks[kind]) {
        await runWithTimeout(() => callUser(hook.fn, this.context, hook.fn.length > 1), hook.timeout, 'hook');
      }
    }
  }

  async run() {
    this.started = true;
    this.root.active.add(this);
    this.root.reporter.emit('test:start', { name: this.name, nesting: this.nesting, ...this.locInfo() });
    const start = now();
    this.startedAt = start;
    if (this.skipped) {
      this.finish(start);
      return;
    }
    this.context = this.type === 'suite' ? new SuiteContext(this) : new TestContext(this);
    try {
      // Awaited only when there are hooks: without them the body starts synchronously, as in Node.
      if (this.type !== 'suite' && this.ancestors().some((a) => a.hooks.beforeEach.length > 0)) {
        try { await this.runHooks('beforeEach'); } catch (e) { throw testFailure(e, 'hookFailed'); }
      }
      await this.runBody();
      if (this.skipped) { this.finish(start); return; }
      await this.runChildren();
    } catch (e) {
      this.fail(e?.code === 'ERR_TEST_FAILURE' ? e : testFailure(e, 'testCodeFailure'));
      this.cancelPending();
    }
    try {
      if (this.type !== 'suite' && this.ancestors().some((a) => a.hooks.afterEach.length > 0)) await this.runHooks('afterEach');
    } catch (e) {
      this.fail(testFailure(e, 'hookFailed'));
    }
    this.finish(start);
  }

  async runBody() {
    const ctx = this.context;
    const usesDone = this.fn.length >= 2;
    await runWithTimeout(() => callUser(this.fn, ctx, usesDone), this.timeout, 'test', this);
  }

  async runChildren() {
    if (this.hooks.before.length > 0) {
      try { await this.runHooks('before'); } catch (e) { throw testFailure(e, 'hookFailed'); }
    }
    this.processQueue();
    await this.subtestsSettled();
    if (this.hooks.after.length > 0) {
      try { await this.runHooks('after'); } catch (e) { throw testFailure(e, 'hookFailed'); }
    }
    const failed = this.subtests.filter((t) => t.error !== undefined && !t.todo && !t.skipped).length;
    if (failed > 0 && this.error === undefined) {
      this.fail(testFailure(`${failed} subtest${failed === 1 ? '' : 's'} failed`, 'subtestsFailed'));
    }
  }

  fail(error) {
    if (this.error === undefined) this.error = error;
  }

  /** Subtests that never ran because their parent failed or the loop ended. */
  cancelPending(message = 'test did not finish before its parent and was cancelled') {
    for (const t of this.queue.splice(0)) {
      t.started = true;
      this.root.reporter.emit('test:start', { name: t.name, nesting: t.nesting, ...t.locInfo() });
      t.fail(testFailure(message, 'cancelledByParent'));
      t.finish(undefined);
    }
  }

  locInfo() {
    return this.loc ? { file: this.loc.file, line: this.loc.line, column: this.loc.column } : {};
  }

  finish(start) {
    if (this.finished) return;
    this.finished = true;
    this.root.active.delete(this);
    this.duration = start === undefined ? 0 : now() - start;
    this.abort.abort();
    const r = this.root.reporter;
    if (this.subtests.length > 0) r.emit('test:plan', { nesting: this.nesting + 1, count: this.subtests.length });
    const data = {
      name: this.name, path: this.path, nesting: this.nesting, testNumber: this.parent.subtests.indexOf(this) + 1,
      details: { duration_ms: this.duration, type: this.type }, skip: this.skipped ? (this.skipMessage ?? true) : undefined,
      todo: this.todo ? (this.todoMessage ?? true) : undefined, ...this.locInfo(),
    };
    if (this.error !== undefined) data.details.error = this.error;
    this.root.counts.record(this);
    r.emit(this.error !== undefined ? 'test:fail' : 'test:pass', data);
    for (const message of this.diagnostics) r.emit('test:diagnostic', { nesting: this.nesting, message });
    this.resolveDone();
  }
}

class Suite extends Test {
  build() {
    const previous = currentSuite;
    currentSuite = this;
    try {
      const result = this.fn.call(new SuiteContext(this), new SuiteContext(this));
      if (result && typeof result.then === 'function') this.buildPromise = result;
    } catch (e) {
      this.fail(testFailure(e, 'testCodeFailure'));
    } finally {
      currentSuite = previous;
    }
    this.hasOnlyDescendant = this.subtests.some((t) => t.only || t.hasOnlyDescendant);
    if (this.hasOnlyDescendant) {
      // Node runs only the `only` children of a suite that has some (with --test-only).
      if (this.root.config.only) {
        this.subtests = this.subtests.filter((t) => t.only || t.hasOnlyDescendant);
        this.queue = this.queue.filter((t) => this.subtests.includes(t));
      }
    }
    this.filteredAll = this.root.config.namePatterns.length > 0 && !this.matchedPattern;
  }

  async runBody() {
    if (this.buildPromise) await this.buildPromise;
    if (this.error !== undefined) throw this.error;
  }
}

let currentSuite;

class TestContext {
  #test;
  constructor(test) { this.#test = test; }
  get name() { return this.#test.name; }
  get fullName() { return this.#test.fullName; }
  get signal() { return this.#test.abort.signal; }
  get filePath() { return this.#test.loc?.file; }
  get mock() { return (this.#test.mock ??= new (require('internal/test_runner/mock').MockTracker)()); }
  get assert() { return require('assert'); }
  diagnostic(message) { this.#test.diagnostics.push(String(message)); }
  skip(message) { this.#test.skipped = true; this.#test.skipMessage = message === undefined ? undefined : String(message); }
  todo(message) { this.#test.todo = true; this.#test.todoMessage = message === undefined ? undefined : String(message); }
  runOnly(value) { this.#test.runOnlySubtests = !!value; }
  plan() { throw errors.notSupported('TestContext.plan()'); }
  test(...args) { return this.#test.createSubtest(Test, args, 'test').done.then(() => undefined); }
  before(fn, options) { addHook(this.#test, 'before', fn, options); }
  after(fn, options) { addHook(this.#test, 'after', fn, options); }
  beforeEach(fn, options) { addHook(this.#test, 'beforeEach', fn, options); }
  afterEach(fn, options) { addHook(this.#test, 'afterEach', fn, options); }
}

class SuiteContext {
  #suite;
  constructor(suite) { this.#suite = suite; }
  get name() { return this.#suite.name; }
  get fullName() { return this.#suite.fullName; }
  get signal() { return this.#suite.abort.signal; }
  get filePath() { return this.#suite.loc?.file; }
}

function addHook(owner, kind, fn, options) {
  errors.validateFunction(fn, 'fn');
  owner.hooks[kind].push({ fn, timeout: options?.timeout });
}

// Calls a test or hook body: sync, promise-returning, or (t, done) callback style.
function callUser(fn, ctx, usesDone) {
  if (!usesDone) return fn.call(ctx, ctx);
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (err) => {
      if (settled) return;
      settled = true;
      if (err) reject(err); else resolve();
    };
    const result = fn.call(ctx, ctx, done);
    if (result && typeof result.then === 'function') {
      settled = true;
      result.then(() => {}, () => {});
      reject(testFailure('passed a callback but also returned a Promise', 'callbackAndPromisePresent'));
    }
  });
}

function runWithTimeout(body, timeout, what) {
  const result = body();
  if (!result || typeof result.then !== 'function') return Promise.resolve(result);
  if (timeout === undefined) return result;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(testFailure(`${what} timed out after ${timeout}ms`, 'testTimeoutFailure')), timeout);
    timer.unref?.();
    result.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

module.exports = { now, Test, Suite, TestContext, Reporter, testFailure, kUnwrapped, get currentSuite() { return currentSuite; }, addHook };
