// node:console — the global console (writes to process.stdout / process.stderr) and the Console class.
'use strict';
// internal/inspect loads on the first value that needs formatting (a lone string does not).
const formatWithOptions = (...args) => require('internal/inspect').formatWithOptions(...args);
const inspect = (...args) => require('internal/inspect').inspect(...args);

function Console(stdout, stderr, ignoreErrors) {
  if (!(this instanceof Console)) return new Console(stdout, stderr, ignoreErrors);
  let options = stdout;
  if (!options || typeof options.write === 'function') options = { stdout, stderr };
  this._stdout = options.stdout;
  this._stderr = options.stderr || options.stdout;
  this._inspectOptions = options.inspectOptions;
  this._groupIndent = '';
  this._counts = new Map();
  this._timers = new Map();
  for (const key of Object.keys(Console.prototype)) this[key] = this[key].bind(this);
}

// Like Node, the global console binds process.stdout/stderr on first use and keeps that stream even if
// process.stdout is replaced later. While the bound stream is the original one and was never created, the
// console writes straight to the fd (synchronously, as Node does for files and pipes on Linux) and skips
// loading streams; once the stream exists, lines go through it, so order holds and a patched write() sees them.
const DIRECT = Symbol('direct');
const bound = [undefined, undefined, undefined];
function boundStream(fd) {
  if (bound[fd] === undefined) bound[fd] = internal.stdioUntouched(fd) ? DIRECT : (fd === 1 ? process.stdout : process.stderr);
  if (bound[fd] === DIRECT && internal.stdioStream(fd)) bound[fd] = internal.stdioStream(fd);
  return bound[fd];
}

// fd 1 or 2.
function write(con, fd, args) {
  let text = args.length === 1 && typeof args[0] === 'string' ? args[0] : formatWithOptions(con._inspectOptions, ...args);
  if (con._groupIndent) text = con._groupIndent + text.split('\n').join('\n' + con._groupIndent);
  text += '\n';
  if (con === globalConsole && boundStream(fd) === DIRECT && internal.bridge(internal.OP.WriteText, fd, text) >= 0) return;
  (fd === 1 ? con._stdout : con._stderr).write(text);
}

Console.prototype.log = function log(...args) { write(this, 1, args); };
Console.prototype.info = Console.prototype.log;
Console.prototype.debug = Console.prototype.log;
Console.prototype.error = function error(...args) { write(this, 2, args); };
Console.prototype.warn = Console.prototype.error;
Console.prototype.dir = function dir(obj, options) { write(this, 1, [inspect(obj, { customInspect: false, ...this._inspectOptions, ...options })]); };
Console.prototype.dirxml = Console.prototype.log;
Console.prototype.trace = function trace(...args) {
  const err = new Error(formatWithOptions(this._inspectOptions, ...args));
  err.name = 'Trace';
  Error.captureStackTrace(err, trace);
  write(this, 2, [err.stack]);
};
Console.prototype.assert = function assert(ok, ...args) {
  if (!ok) {
    args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
    this.warn(...args);
  }
};
Console.prototype.group = function group(...args) {
  if (args.length) this.log(...args);
  this._groupIndent += '  ';
};
Console.prototype.groupCollapsed = Console.prototype.group;
Console.prototype.groupEnd = function groupEnd() { this._groupIndent = this._groupIndent.slice(0, -2); };
Console.prototype.count = function count(label = 'default') {
  label = `${label}`;
  const n = (this._counts.get(label) || 0) + 1;
  this._counts.set(label, n);
  this.log(`${label}: ${n}`);
};
Console.prototype.countReset = function countReset(label = 'default') { this._counts.delete(`${label}`); };
Console.prototype.time = function time(label = 'default') { this._timers.set(`${label}`, process.hrtime()); };
function elapsed(con, label) {
  const start = con._timers.get(label);
  if (!start) { process.emitWarning(`No such label '${label}' for console.timeEnd()`); return null; }
  const [s, ns] = process.hrtime(start);
  const ms = s * 1e3 + ns / 1e6;
  return ms >= 1000 ? `${(ms / 1000).toFixed(3)}s` : `${ms.toFixed(3)}ms`;
}
Console.prototype.timeEnd = function timeEnd(label = 'default') {
  label = `${label}`;
  const t = elapsed(this, label);
  if (t !== null) { this._timers.delete(label); this.log(`${label}: ${t}`); }
};
Console.prototype.timeLog = function timeLog(label = 'default', ...data) {
  label = `${label}`;
  const t = elapsed(this, label);
  if (t !== null) this.log(`${label}: ${t}`, ...data);
};
Console.prototype.table = function table(data, properties) {
  if (data === null || typeof data !== 'object') return this.log(data);
  const rows = Object.entries(data);
  const cols = new Set();
  let hasValues = false;
  for (const [, v] of rows) {
    if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) { if (!properties || properties.includes(k)) cols.add(k); }
    else hasValues = true;
  }
  const header = ['(index)', ...cols, ...(hasValues ? ['Values'] : [])];
  const fmt = (v) => (v === undefined ? '' : inspect(v, { depth: 0, breakLength: Infinity }));
  const body = rows.map(([k, v]) => [k, ...[...cols].map((c) => (v !== null && typeof v === 'object' ? fmt(v[c]) : '')),
    ...(hasValues ? [v !== null && typeof v === 'object' ? '' : fmt(v)] : [])]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)) + 2);
  const center = (s, w) => { const left = Math.floor((w - s.length) / 2); return ' '.repeat(left) + s + ' '.repeat(w - s.length - left); };
  const line = (l, m, r) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
  const out = [line('┌', '┬', '┐'), '│' + header.map((h, i) => center(h, widths[i])).join('│') + '│', line('├', '┼', '┤'),
    ...body.map((r) => '│' + r.map((c, i) => center(c, widths[i])).join('│') + '│'), line('└', '┴', '┘')];
  this.log(out.join('\n'));
};
Console.prototype.clear = function clear() {};
Console.prototype.profile = function profile() {};
Console.prototype.profileEnd = function profileEnd() {};
Console.prototype.timeStamp = function timeStamp() {};

const globalConsole = Object.create(Console.prototype);
globalConsole._inspectOptions = undefined;
globalConsole._groupIndent = '';
globalConsole._counts = new Map();
globalConsole._timers = new Map();
const streamOf = (fd) => { const s = boundStream(fd); return s === DIRECT ? (bound[fd] = fd === 1 ? process.stdout : process.stderr) : s; };
Object.defineProperty(globalConsole, '_stdout', { get: () => streamOf(1), enumerable: false });
Object.defineProperty(globalConsole, '_stderr', { get: () => streamOf(2), enumerable: false });
for (const key of Object.keys(Console.prototype)) {
  Object.defineProperty(globalConsole, key, { value: Console.prototype[key].bind(globalConsole), writable: true, enumerable: true, configurable: true });
}
for (const key of ['_inspectOptions', '_groupIndent', '_counts', '_timers']) {
  Object.defineProperty(globalConsole, key, { value: globalConsole[key], writable: true, enumerable: false });
}
globalConsole.Console = Console;
module.exports = globalConsole;
