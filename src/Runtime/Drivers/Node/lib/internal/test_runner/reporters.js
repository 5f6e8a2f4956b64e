// node:internal/test_runner/reporters — the tap, spec and dot reporters of node:test (Node 22's output
// formats), and the line protocol a `node --test` child uses to hand its events to the parent runner.
'use strict';
const { inspect } = require('internal/inspect');
const path = require('path');
const { kUnwrapped } = require('internal/test_runner/test');

const inspectOptions = { colors: false, breakLength: Infinity };
const kEventMark = '\u001eSE_TEST ';

const isErrorLike = (v) => v instanceof Error || (v !== null && typeof v === 'object' && v.__error === true);
const isAssertionLike = (v) => v !== null && typeof v === 'object' && 'expected' in v && 'actual' in v;
const ms = (d) => Number(d.toFixed(6));

// ---- TAP (Node's lib/internal/test_runner/reporter/tap.js format) ----
// Node's order: control characters first, then backslashes (so a newline prints as \\n), then '#'.
function tapEscape(s) {
  return s.replace(/\x08/g, '\\b').replace(/\f/g, '\\f').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t').replace(/\v/g, '\\v').replace(/\\/g, '\\\\').replace(/#/g, '\\#');
}

function yaml(indent, name, value, seen) {
  if (value === null || value === undefined) return `${indent}  ${name}: ~\n`;
  if (typeof value !== 'object') {
    const lines = typeof value === 'string' ? value.split(/\r?\n/) : [];
    if (lines.length <= 1) return `${indent}  ${name}: ${inspect(value, inspectOptions)}\n`;
    return `${indent}  ${name}: |-\n` + lines.map((l) => `${indent}    ${l}\n`).join('');
  }
  seen.add(value);
  const isErr = isErrorLike(value);
  let propsIndent = indent;
  let out = '';
  if (name != null) { out += `${indent}  ${name}:\n`; propsIndent += '  '; }
  for (const [key, v] of Object.entries(value)) {
    if (isErr && (key === 'cause' || key === 'code' || key.startsWith('__') || key === 'message' || key === 'stack' || key === 'name')) continue;
    if (isErr && value.__error && ['expected', 'actual', 'operator'].includes(key)) continue;
    if (seen.has(v)) { out += `${propsIndent}  ${key}: <Circular>\n`; continue; }
    out += yaml(propsIndent, key, v, seen);
  }
  if (isErr) out += yamlError(indent, value, seen);
  seen.delete(value);
  return out;
}

function yamlError(indent, err, seen) {
  let { cause, code, message, expected, actual, operator, stack, name } = err;
  let isAssertion = isAssertionLike(err);
  if (code === 'ERR_TEST_FAILURE' && kUnwrapped.has(err.failureType) && cause !== null && typeof cause === 'object') {
    stack = cause.stack ?? stack;
    code = cause.code ?? code;
    name = cause.name ?? name;
    message = cause.message ?? message;
    if (isAssertionLike(cause)) { ({ expected, actual } = cause); operator = cause.operator ?? operator; isAssertion = true; }
  } else if (code === 'ERR_TEST_FAILURE') {
    stack = undefined; // a failure of the runner itself: its frames are all internal
  }
  let out = yaml(indent, 'error', message ?? '<unknown error>', seen);
  if (code) out += yaml(indent, 'code', code, seen);
  if (name && name !== 'Error') out += yaml(indent, 'name', name, seen);
  if (isAssertion) {
    out += yaml(indent, 'expected', expected, new Set(seen));
    out += yaml(indent, 'actual', actual, new Set(seen));
    if (operator) out += yaml(indent, 'operator', operator, seen);
  }
  if (typeof stack === 'string') {
    const frames = [];
    for (const frame of stack.split(/\r?\n/)) {
      const processed = frame.replace(/^ {4}at /, '');
      if (processed.length > 0 && processed.length !== frame.length) frames.push(processed);
    }
    if (frames.length > 0) out += `${indent}  stack: |-\n` + frames.map((f) => `${indent}    ${f}\n`).join('');
  }
  return out;
}

function tap(write) {
  let started = false;
  const indent = (n) => '    '.repeat(n);
  return (type, data) => {
    if (!started) { started = true; write('TAP version 13\n'); }
    switch (type) {
      case 'test:start': write(`${indent(data.nesting)}# Subtest: ${tapEscape(data.name)}\n`); break;
      case 'test:pass':
      case 'test:fail': {
        const i = indent(data.nesting);
        let line = `${i}${type === 'test:pass' ? 'ok' : 'not ok'} ${data.testNumber} - ${tapEscape(data.name)}`;
        if (data.skip !== undefined) line += ` # SKIP${typeof data.skip === 'string' && data.skip.length ? ` ${tapEscape(data.skip)}` : ''}`;
        else if (data.todo !== undefined) line += ` # TODO${typeof data.todo === 'string' && data.todo.length ? ` ${tapEscape(data.todo)}` : ''}`;
        let details = `${i}  ---\n${yaml(i, 'duration_ms', ms(data.details.duration_ms))}${yaml(i, 'type', data.details.type)}`;
        if (type === 'test:fail' && data.file !== undefined) details += yaml(i, 'location', `${data.file}:${data.line}:${data.column}`);
        if (data.details.error !== undefined) details += yaml(i, null, data.details.error, new Set());
        write(`${line}\n${details}${i}  ...\n`);
        break;
      }
      case 'test:plan': write(`${indent(data.nesting)}1..${data.count}\n`); break;
      case 'test:diagnostic': write(`${indent(data.nesting)}# ${tapEscape(data.message)}\n`); break;
      case 'test:stdout':
      case 'test:stderr': if (data.message.length > 0) write(`# ${tapEscape(data.message)}\n`); break;
      case 'test:summary': {
        const c = data.counts;
        for (const k of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) write(`# ${k} ${c[k]}\n`);
        write(`# duration_ms ${ms(data.duration_ms)}\n`);
        break;
      }
    }
  };
}

// ---- spec and dot ----
function formatError(error, options = inspectOptions) {
  if (error === undefined) return '';
  if (error.__inspected !== undefined) return error.__inspected;
  const shown = error.code === 'ERR_TEST_FAILURE' ? error.cause : error;
  return inspect(shown, options);
}

function indentLines(text, by) { return text.split(/\r?\n/).join(`\n${by}`); }

function resultLine(data, type) {
  const failed = type === 'test:fail';
  let symbol = failed ? '\u2716 ' : '\u2714 ';
  let suffix = '';
  if (data.skip !== undefined) { symbol = '\ufe63 '; suffix = ` # ${data.skip === true || data.skip === '' ? 'SKIP' : data.skip}`; }
  else if (data.todo !== undefined) suffix = ` # ${data.todo === true || data.todo === '' ? 'TODO' : data.todo}`;
  const duration = data.details.duration_ms ? ` (${ms(data.details.duration_ms)}ms)` : '';
  return `${symbol}${data.name}${duration}${suffix}`;
}

function spec(write) {
  const stack = []; // started, not yet finished tests: { data, headed }
  const failures = [];
  const indent = (n) => '  '.repeat(n);
  return (type, data) => {
    switch (type) {
      case 'test:start': stack.push({ data, headed: false }); break;
      case 'test:pass':
      case 'test:fail': {
        stack.pop();
        for (const a of stack) {
          if (!a.headed) { a.headed = true; write(`${indent(a.data.nesting)}\u25b6 ${a.data.name}\n`); }
        }
        write(`${indent(data.nesting)}${resultLine(data, type)}\n`);
        if (type === 'test:fail' && data.details.error?.failureType !== 'subtestsFailed') failures.push(data);
        break;
      }
      case 'test:diagnostic': write(`${indent(data.nesting)}\u2139 ${data.message}\n`); break;
      case 'test:stdout':
      case 'test:stderr': write(`${data.message}\n`); break;
      case 'test:summary': {
        const c = data.counts;
        for (const k of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) write(`\u2139 ${k} ${c[k]}\n`);
        write(`\u2139 duration_ms ${ms(data.duration_ms)}\n`);
        if (failures.length === 0) break;
        const entries = failures.map((f) => {
          const where = f.file !== undefined ? `test at ${path.relative(process.cwd(), f.file)}:${f.line}:${f.column}\n` : '';
          return `${where}${resultLine(f, 'test:fail')}\n  ${indentLines(formatError(f.details.error), '  ')}\n`;
        });
        write(`\n\u2716 failing tests:\n\n${entries.join('\n')}`);
        break;
      }
    }
  };
}

function dot(write) {
  let count = 0;
  const failures = [];
  const columns = 20;
  return (type, data) => {
    switch (type) {
      case 'test:pass': write('.'); break;
      case 'test:fail': write('X'); failures.push(data); break;
      case 'test:summary':
        write('\n');
        if (failures.length > 0) {
          write('\nFailed tests:\n\n');
          for (const f of failures) write(`${resultLine(f, 'test:fail')}\n  ${indentLines(formatError(f.details.error), '  ')}\n`);
        }
        return;
      default: return;
    }
    if (++count % columns === 0) write('\n');
  };
}

// ---- child → parent line protocol (`node --test` runs each file in a child node) ----
function toWire(error) {
  if (error === undefined) return undefined;
  const plain = (e) => (e !== null && typeof e === 'object'
    ? { __error: true, message: e.message, code: e.code, name: e.name, stack: e.stack, failureType: e.failureType,
      ...(isAssertionLike(e) ? { expected: safe(e.expected), actual: safe(e.actual), operator: e.operator } : {}) }
    : e);
  // Node's child serializes the error, and the parent inspects a copy without its class's [util.inspect.custom]
  // (AssertionError's shows actual/expected at depth 0 in the process itself, in full after a --test child).
  return { ...plain(error), cause: plain(error.cause), __inspected: formatError(error, { ...inspectOptions, customInspect: false }) };
}
function safe(v) {
  try { return JSON.parse(JSON.stringify(v)); } catch { return inspect(v); }
}

function child(write) {
  return (type, data) => {
    if (type === 'test:pass' || type === 'test:fail') data = { ...data, details: { ...data.details, error: toWire(data.details.error) } };
    write(kEventMark + JSON.stringify({ type, data }) + '\n');
  };
}

const kinds = { tap, spec, dot, child };

/** Connects a reporter by name to a stream; output is written in order, after the current tick. */
function attach(reporter, name, stream) {
  const make = kinds[name];
  if (!make) throw internal.errors.notSupported(`--test-reporter=${name} (built in: spec, tap, dot)`);
  let buffer = '';
  let scheduled = false;
  const flush = () => { scheduled = false; if (buffer) { const b = buffer; buffer = ''; stream.write(b); } };
  const write = (s) => {
    buffer += s;
    if (!scheduled) { scheduled = true; setImmediate(flush); }
  };
  const handler = make(write);
  reporter.listeners.push((type, data) => {
    handler(type, data);
    if (type === 'test:end') flush();
  });
}

module.exports = { attach, kEventMark, kinds };
