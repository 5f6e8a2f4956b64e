// node:internal/test_runner/harness — the root test of a process: options from execArgv (--test-only,
// --test-name-pattern, --test-reporter), the counts of the summary, start after the main module's
// synchronous code, and the end when the event loop empties ('beforeExit'), with exit code 1 on failure.
'use strict';
const { Test, Suite, Reporter, testFailure } = require('internal/test_runner/test');
const { now } = require('internal/test_runner/test');
const reporters = require('internal/test_runner/reporters');

class Counts {
  constructor() { Object.assign(this, { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 }); }

  record(test) {
    if (test.type === 'suite') { this.suites++; return; }
    this.tests++;
    if (test.skipped) this.skipped++;
    else if (test.todo) this.todo++;
    else if (test.error === undefined) this.pass++;
    else if (['cancelledByParent', 'testTimeoutFailure'].includes(test.error.failureType)) this.cancelled++;
    else this.fail++;
  }
}

function parseConfig(execArgv) {
  const config = { only: false, namePatterns: [], skipPatterns: [], reporter: undefined };
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : execArgv[++i]);
    if (a === '--test-only') config.only = true;
    else if (a.startsWith('--test-name-pattern')) config.namePatterns.push(toRegExp(value()));
    else if (a.startsWith('--test-reporter-destination')) value();
    else if (a.startsWith('--test-reporter')) config.reporter = value();
  }
  // For the .NET adapters: list the tests without running them, or run one test chosen by its path.
  config.list = process.env.SECURE_EXEC_TEST_LIST === '1';
  if (process.env.SECURE_EXEC_TEST_PATH) config.select = JSON.parse(process.env.SECURE_EXEC_TEST_PATH);
  return config;
}

// "/abc/i" or a plain string, as Node's --test-name-pattern accepts.
function toRegExp(text) {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(text);
  return m ? new RegExp(m[1], m[2]) : new RegExp(text);
}

let root;

function getRoot() {
  if (root) return root;
  root = new Test({ name: '<root>', fn: () => {} });
  root.type = 'root';
  root.config = parseConfig(process.execArgv);
  root.reporter = new Reporter();
  root.counts = new Counts();
  root.active = new Set();
  root.startTime = now();
  root.diagnostic = (message) => root.diagnostics.push(message);
  root.admitted = 0;
  const events = process.env.SECURE_EXEC_TEST_EVENTS;
  if (events) {
    // The .NET adapters read the events from this VM file, leaving stdout to the test's own output.
    const fs = require('fs');
    fs.writeFileSync(events, '');
    reporters.attach(root.reporter, 'child', { write: (s) => fs.appendFileSync(events, s) });
  } else {
    const name = process.env.NODE_TEST_CONTEXT === 'child-v8' ? 'child' : root.config.reporter ?? (process.stdout.isTTY ? 'spec' : 'tap');
    reporters.attach(root.reporter, name, process.stdout);
  }
  process.nextTick(async () => {
    await runRootHooks('before');
    root.started = true;
    root.processQueue();
  });
  process.on('beforeExit', onBeforeExit);
  return root;
}

// The loop is empty: cancel tests still waiting on promises that can no longer settle, then end the root.
function onBeforeExit() {
  if (root.ended) return;
  if (root.active.size > 0) {
    const pending = [...root.active].sort((a, b) => b.nesting - a.nesting);
    for (const t of pending) {
      t.fail(testFailure('Promise resolution is still pending but the event loop has already resolved', 'cancelledByParent'));
      t.cancelPending();
      t.finish(t.startedAt ?? now());
    }
    return;
  }
  if (root.queue.length > 0 || root.running) return;
  root.ended = true;
  if (root.hooks.after.length === 0) { endRoot(); return; }
  runRootHooks('after').then(endRoot);
}

// Top-level before/after hooks: a failure is reported as a diagnostic and counted as a failure.
async function runRootHooks(kind) {
  for (const hook of root.hooks[kind]) {
    try { await hook.fn(); } catch (e) { root.diagnostic(`${kind} hook failed: ${e?.message ?? e}`); root.counts.fail++; }
  }
}

function endRoot() {
  const r = root.reporter;
  if (root.config.onlyWarning) root.diagnostic("'only' and 'runOnly' require the --test-only command-line option.");
  r.emit('test:plan', { nesting: 0, count: root.subtests.length });
  for (const message of root.diagnostics) r.emit('test:diagnostic', { nesting: 0, message });
  const c = root.counts;
  r.emit('test:summary', { counts: { ...c }, duration_ms: now() - root.startTime });
  r.emit('test:end', {});
  if (c.fail > 0 || c.cancelled > 0) process.exitCode = 1;
}

function createTest(Kind, type, args) {
  const r = getRoot();
  const { currentSuite } = require('internal/test_runner/test');
  const parent = currentSuite ?? r;
  const child = parent.createSubtest(Kind, args, type);
  if (child.only && !r.config.only) r.config.onlyWarning = true;
  return child;
}

function test(...args) { return createTest(Test, 'test', args).done.then(() => undefined); }
function describe(...args) { return createTest(Suite, 'suite', args).done.then(() => undefined); }

function hook(kind) {
  return function (fn, options) {
    const { currentSuite, addHook } = require('internal/test_runner/test');
    addHook(currentSuite ?? getRoot(), kind, fn, options);
  };
}

function variant(base, option) {
  return (...args) => {
    const [name, options, fn] = args;
    if (typeof name === 'function') return base(name.name, { [option]: true }, name);
    if (typeof options === 'function' || options === undefined) return base(name, { [option]: true }, options);
    return base(name, { ...options, [option]: true }, fn);
  };
}
for (const fn of [test, describe]) {
  fn.skip = variant(fn, 'skip');
  fn.todo = variant(fn, 'todo');
  fn.only = variant(fn, 'only');
}

module.exports = {
  test, describe, it: test, suite: describe, parseConfig,
  before: hook('before'), after: hook('after'), beforeEach: hook('beforeEach'), afterEach: hook('afterEach'),
};
