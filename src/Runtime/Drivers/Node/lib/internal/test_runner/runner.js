// node:internal/test_runner/runner — `node --test [files|globs]`: finds test files (Node 22's default
// patterns when none are given), runs each in a child guest `node` one after another, and reports their
// events through one reporter with one summary, like Node's process-isolated runner.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { Reporter, testFailure } = require('internal/test_runner/test');
const { now } = require('internal/test_runner/test');
const reporters = require('internal/test_runner/reporters');

// Node 22's default patterns: **/*.test.?(c|m)js, **/*-test.?(c|m)js, **/*_test.?(c|m)js,
// **/test-*.?(c|m)js, **/test.?(c|m)js, **/test/**/*.?(c|m)js (node_modules excluded).
const kDefault = /(^|\/)(test\/.*\.[cm]?js|[^/]*[._-]test\.[cm]?js|test-[^/]*\.[cm]?js|test\.[cm]?js)$/;

function walk(dir, rel, out) {
  let entries;
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(path.join(dir, e.name), r, out);
    else if (e.isFile()) out.push(r);
  }
}

function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*'; i += glob[i + 2] === '/' ? 2 : 1; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += /[.+^${}()|[\]\\]/.test(c) ? '\\' + c : c;
  }
  return new RegExp(`^${re}$`);
}

function findFiles(args) {
  const cwd = process.cwd();
  const all = [];
  walk(cwd, '', all);
  if (args.length === 0) return all.filter((f) => kDefault.test(f)).map((f) => path.join(cwd, f));
  const files = [];
  for (const a of args) {
    if (!/[*?]/.test(a)) { files.push(path.resolve(a)); continue; }
    const re = globToRegExp(a.startsWith('./') ? a.slice(2) : a);
    for (const f of all) if (re.test(f)) files.push(path.join(cwd, f));
  }
  return [...new Set(files)];
}

function forwardedArgs() {
  const out = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--test') continue;
    if (a === '--test-reporter' || a === '--test-reporter-destination') { i++; continue; }
    if (a.startsWith('--test-reporter')) continue;
    out.push(a);
  }
  return out;
}

// Calls onLine for each complete line of a child's output; the returned function hands over a last partial line.
function splitLines(stream, onLine) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) { onLine(pending.slice(0, nl)); pending = pending.slice(nl + 1); }
  });
  return () => { if (pending) { const rest = pending; pending = ''; onLine(rest); } };
}

function runFile(file, reporter, totals) {
  const started = now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...forwardedArgs(), file], {
      env: { ...process.env, NODE_TEST_CONTEXT: 'child-v8' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let reported = 0;
    let failed = 0;
    const onLine = (line) => {
      if (!line.startsWith(reporters.kEventMark)) { reporter.emit('test:stdout', { message: line }); return; }
      const { type, data } = JSON.parse(line.slice(reporters.kEventMark.length));
      if (type === 'test:summary') { for (const k of Object.keys(totals.counts)) totals.counts[k] += data.counts[k]; return; }
      if (type === 'test:end' || (type === 'test:plan' && data.nesting === 0)) return;
      if ((type === 'test:pass' || type === 'test:fail') && data.nesting === 0) data.testNumber = ++totals.topLevel;
      if (type === 'test:fail') failed++;
      if (type === 'test:pass' || type === 'test:fail') reported++;
      reporter.emit(type, data);
    };
    const flushOut = splitLines(child.stdout, onLine);
    const flushErr = splitLines(child.stderr, (message) => reporter.emit('test:stderr', { message }));
    child.on('error', (err) => { fileFailed(file, reporter, totals, err, now() - started); resolve(); });
    child.on('close', (code, signal) => {
      flushOut();
      flushErr();
      if ((code !== 0 || signal) && failed === 0) fileFailed(file, reporter, totals, testFailure('test failed', 'testCodeFailure'), now() - started, code, signal);
      else if (reported === 0 && code === 0) {
        // A file without tests still counts as one passing test named after the file, as in Node.
        reporter.emit('test:start', { name: file, nesting: 0 });
        totals.counts.tests++;
        totals.counts.pass++;
        reporter.emit('test:pass', { name: file, nesting: 0, testNumber: ++totals.topLevel, details: { duration_ms: now() - started, type: 'test' } });
      }
      resolve();
    });
  });
}

function fileFailed(file, reporter, totals, error, duration, exitCode, signal) {
  const name = path.relative(process.cwd(), file);
  error.exitCode = exitCode ?? null;
  error.signal = signal ?? null;
  reporter.emit('test:start', { name, nesting: 0 });
  totals.counts.tests++;
  totals.counts.fail++;
  reporter.emit('test:fail', { name, nesting: 0, testNumber: ++totals.topLevel, file, line: 1, column: 1, details: { duration_ms: duration, type: 'test', error } });
}

async function runFiles(args) {
  const start = now();
  const reporter = new Reporter();
  const config = require('internal/test_runner/harness').parseConfig(process.execArgv);
  reporters.attach(reporter, config.reporter ?? (process.stdout.isTTY ? 'spec' : 'tap'), process.stdout);
  const files = findFiles(args);
  const totals = { topLevel: 0, counts: { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 } };
  for (const file of files) {
    if (!fs.existsSync(file)) {
      process.stderr.write(`Could not find '${file}'\n`);
      process.exitCode = 1;
      return;
    }
  }
  for (const file of files) await runFile(file, reporter, totals);
  reporter.emit('test:plan', { nesting: 0, count: totals.topLevel });
  reporter.emit('test:summary', { counts: totals.counts, duration_ms: now() - start });
  reporter.emit('test:end', {});
  if (totals.counts.fail > 0 || totals.counts.cancelled > 0) process.exitCode = 1;
}

module.exports = { runFiles, findFiles };
