// node:internal/errors — Node-shaped errors: system errors from -errno (code, errno, syscall, path),
// ERR_* errors, syntax errors from V8 details, and the uncaught-exception report.
'use strict';
const { info } = internal;

// libuv's messages (uv_strerror) where they differ from strerror.
const uvMessages = {
  EACCES: 'permission denied', EADDRINUSE: 'address already in use', EAGAIN: 'resource temporarily unavailable',
  EBADF: 'bad file descriptor', EBUSY: 'resource busy or locked', ECHILD: 'no child processes',
  ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset by peer', EEXIST: 'file already exists',
  EFBIG: 'file too large', EINTR: 'interrupted system call', EINVAL: 'invalid argument', EIO: 'i/o error',
  EISDIR: 'illegal operation on a directory', ELOOP: 'too many symbolic links encountered',
  EMFILE: 'too many open files', ENAMETOOLONG: 'name too long', ENFILE: 'file table overflow',
  ENOBUFS: 'no buffer space available', ENOENT: 'no such file or directory', ENOEXEC: 'exec format error',
  ENOMEM: 'not enough memory', ENOSPC: 'no space left on device', ENOSYS: 'function not implemented',
  ENOTDIR: 'not a directory', ENOTEMPTY: 'directory not empty', ENOTSUP: 'operation not supported on socket',
  EPERM: 'operation not permitted', EPIPE: 'broken pipe', EROFS: 'read-only file system',
  ESPIPE: 'invalid seek', ESRCH: 'no such process', ETIMEDOUT: 'connection timed out',
  EXDEV: 'cross-device link not permitted', ETXTBSY: 'text file is busy', EMLINK: 'too many links',
};

function errnoInfo(errno) {
  const entry = info.errnos[String(errno)];
  if (!entry) return ['UNKNOWN', 'unknown error'];
  const [code, message] = entry;
  return [code, uvMessages[code] || message.charAt(0).toLowerCase() + message.slice(1)];
}

/** A system error from a negative errno: `ENOENT: no such file or directory, open '/x'`. */
function uvException(negErrno, syscall, path, dest) {
  const [code, desc] = errnoInfo(-negErrno);
  let message = `${code}: ${desc}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const err = new Error(message);
  err.errno = negErrno;
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  if (dest !== undefined) err.dest = dest;
  Error.captureStackTrace(err, uvException);
  return err;
}

/** An Error with a Node ERR_* code; its stack and toString read `TypeError [ERR_X]: message`. */
function codedError(Base, code, message) {
  const err = new Base(message);
  Object.defineProperty(err, 'code', { value: code, enumerable: true, writable: true, configurable: true });
  const name = err.name;
  if (typeof err.stack === 'string') err.stack = err.stack.replace(name + ':', `${name} [${code}]:`);
  Object.defineProperty(err, 'toString', { value() { return `${this.name} [${code}]: ${this.message}`; }, enumerable: false, configurable: true, writable: true });
  return err;
}

function describe(value) {
  if (value == null) return ' Received ' + value;
  if (typeof value === 'function') return ` Received function ${value.name || '<anonymous>'}`;
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) return ` Received an instance of ${value.constructor.name}`;
    return ' Received ' + internal.loadBuiltin('util').inspect(value, { depth: -1 });
  }
  let shown = internal.loadBuiltin('util').inspect(value, { colors: false });
  if (shown.length > 28) shown = shown.slice(0, 25) + '...';
  return ` Received type ${typeof value} (${shown})`;
}

// Node's ERR_INVALID_ARG_TYPE wording: primitive types, then "an instance of" classes, then other descriptions.
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
function listOf(items, prefix) {
  if (items.length > 2) return `${prefix}${items.slice(0, -1).join(', ')}, or ${items[items.length - 1]}`;
  return prefix + items.join(' or ');
}
function invalidArgType(name, expected, actual) {
  // Node: a name that says what it is ("first argument") stands alone, else "NAME" argument/property
  const subject = name.endsWith(' argument') ? name : `"${name}" ${name.includes('.') ? 'property' : 'argument'}`;
  const types = [];
  const instances = [];
  const other = [];
  for (const value of Array.isArray(expected) ? expected : [expected]) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (/^([A-Z][a-z0-9]*)+$/.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0 && types.includes('object')) { types.splice(types.indexOf('object'), 1); instances.push('Object'); }
  const parts = [];
  if (types.length > 0) parts.push(listOf(types, types.length > 1 ? 'one of type ' : 'of type '));
  if (instances.length > 0) parts.push(listOf(instances, 'an instance of '));
  if (other.length > 0) parts.push(other.length > 1 ? listOf(other, 'one of ') : (other[0].toLowerCase() !== other[0] ? 'an ' : '') + other[0]);
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE', `The ${subject} must be ${parts.join(' or ')}.${describe(actual)}`);
}

function invalidArgValue(name, value, reason = 'is invalid') {
  let shown = internal.loadBuiltin('util').inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  return codedError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${name.includes('.') ? 'property' : 'argument'} '${name}' ${reason}. Received ${shown}`);
}

/** Node's ERR_INVALID_RETURN_VALUE: `Expected INPUT to be returned from the "NAME" function but got ...`. */
function invalidReturnValue(input, name, value) {
  const shown = typeof value === 'function' ? ` Received function ${value.name}` : describe(value);
  return codedError(TypeError, 'ERR_INVALID_RETURN_VALUE',
    `Expected ${input} to be returned from the "${name}" function but got ${shown.slice(' Received '.length)}.`);
}

function unknownEncoding(encoding) {
  return codedError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
}

function missingArgs(...names) {
  const list = names.map((n) => `"${n}"`);
  const text = list.length > 2 ? `${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]}` : list.join(' and ');
  return codedError(TypeError, 'ERR_MISSING_ARGS', `The ${text} argument${names.length > 1 ? 's' : ''} must be specified`);
}

function outOfRange(name, range, value) {
  return codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${received(value)}`);
}

/** How ERR_OUT_OF_RANGE shows the value, as Node does: integers beyond 2^32 with _ separators, bigints with n. */
function received(value) {
  if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) return withSeparators(String(value));
  if (typeof value === 'bigint') {
    const text = String(value);
    return (value > 2n ** 32n || value < -(2n ** 32n) ? withSeparators(text) : text) + 'n';
  }
  return internal.loadBuiltin('util').inspect(value);
}

function withSeparators(digits) {
  let out = '';
  let i = digits.length;
  const start = digits[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) out = `_${digits.slice(i - 3, i)}${out}`;
  return digits.slice(0, i) + out;
}

function notSupported(what) {
  return codedError(Error, 'ERR_NOT_SUPPORTED_IN_SANDBOX', `${what} is not supported in this sandbox`);
}

/** The VM's limit on live timers and immediates (RuntimeLimits.MaxTimersPerProcess); Node itself has none. */
function timerLimit(limit) {
  return codedError(RangeError, 'ERR_SANDBOX_TIMER_LIMIT',
    `Too many live timers and immediates in this process (limit ${limit}); clear the ones no longer needed or raise RuntimeLimits.MaxTimersPerProcess`);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'Function', value);
}

const kSourceHeader = Symbol('sourceHeader');

/** V8's "SyntaxError: msg\n    at FILE:LINE:COL -> source line" as a SyntaxError with Node's arrow header. */
// realm: where the error's constructor comes from (node:vm passes another context's intrinsics).
function syntaxErrorFromDetails(details, filename, source, realm = globalThis) {
  const first = details.split('\n')[0];
  const colon = first.indexOf(': ');
  const name = colon > 0 ? first.slice(0, colon) : 'SyntaxError';
  const message = colon > 0 ? first.slice(colon + 2) : first;
  const Ctor = { SyntaxError: realm.SyntaxError, ReferenceError: realm.ReferenceError, TypeError: realm.TypeError, RangeError: realm.RangeError }[name] || realm.SyntaxError;
  const err = new Ctor(message);
  const m = /at .*?:(\d+):(\d+) -> (.*)/.exec(details);
  if (m) {
    let shownFile = filename;
    if (shownFile.startsWith('node:') === false && !shownFile.startsWith('/') && !shownFile.startsWith('[')) shownFile = filename;
    const line = Number(m[1]);
    // V8 counts line 1's columns from the CommonJS wrapper's start; the caret goes under the file's own text.
    const shift = line === 1 && typeof source === 'string' && source.startsWith(wrapperPrefix) ? wrapperPrefix.length : 0;
    const col = Math.max(0, Number(m[2]) - 1 - shift);
    const text = sourceLine(source, line, filename) ?? m[3];
    const header = `${shownFile}:${line}\n${text}\n${' '.repeat(Math.min(col, text.length))}^\n\n`;
    Object.defineProperty(err, kSourceHeader, { value: header, enumerable: false });
    // Frames from the compile call on (Node's start in its loader): inspect() brackets an error without frames.
    Error.captureStackTrace(err, syntaxErrorFromDetails);
  }
  return err;
}

const wrapperPrefix = '(function (exports, require, module, __filename, __dirname) { ';
function sourceLine(source, line, filename) {
  if (typeof source !== 'string') return undefined;
  const lines = source.split('\n');
  let text = lines[line - 1];
  if (text === undefined) return undefined;
  if (line === 1 && text.startsWith(wrapperPrefix)) text = text.slice(wrapperPrefix.length);
  return text;
}

// A link error's message names the import it failed on: Node underlines that name, and prints no blank line after.
const linkErrorName = /export named '(.+)'$|resolving name '(.+)' in |star exports for name '(.+)'$/;

/** For errors the host caught (ESM main): V8's details give the location. */
function decorateFatal(err, details) {
  if (typeof details !== 'string' || !details) return;
  if (err && typeof err === 'object' && err.name === 'SyntaxError' && !err[kSourceHeader]) {
    const m = /at (.*?):(\d+):(\d+) -> (.*)/.exec(details);
    if (m) {
      const col = Math.max(0, Number(m[3]) - 1);
      const linked = linkErrorName.exec(String(details.split('\n')[0]));
      const name = linked && (linked[1] || linked[2] || linked[3]);
      const underline = name && m[4].startsWith(name, col) ? '^'.repeat(name.length) + '\n' : '^\n\n';
      const header = `${m[1].startsWith('/') ? 'file://' + m[1] : m[1]}:${m[2]}\n${m[4]}\n${' '.repeat(col)}${underline}`;
      Object.defineProperty(err, kSourceHeader, { value: header, enumerable: false });
      Error.captureStackTrace(err, decorateFatal); // the runtime's frames (Node's are its module loader's)
    }
  }
}

/** The source of an ES module the process loaded, or undefined (CommonJS files and others). */
function esmSource(internal, file) {
  const source = internal.bridge(internal.OP.ModuleSource, file);
  return typeof source === 'string' ? source : undefined;
}

/** Node's report of an uncaught exception on stderr; origin as in process's 'uncaughtException' event. */
function printUncaught(err, internal, origin) {
  const util = internal.loadBuiltin('util');
  let text = '';
  if (err && typeof err === 'object' && err[kSourceHeader]) {
    text += err[kSourceHeader];
  } else if (err && typeof err === 'object' && typeof err.stack === 'string') {
    // ES modules' frames name them by URL, CommonJS files' by path (err.stack has Node's columns: bootstrap)
    const frame = /\(((?:file:\/\/)?\/[^():]+|\[eval\]|\[stdin\]):(\d+):(\d+)\)|at ((?:file:\/\/)?\/[^():]+):(\d+):(\d+)/.exec(err.stack);
    if (frame) {
      const file = frame[1] || frame[4];
      const line = Number(frame[2] || frame[5]);
      let col = Number(frame[3] || frame[6]);
      const esm = esmSource(internal, file);
      const lineText = sourceLine(esm ?? internal.cjs.sourceOf(file), line, file);
      if (lineText !== undefined) {
        // A synchronous throw: Node points at the throw statement (V8's message), where the frame points at the
        // `new Error` after it. From a promise (ES module evaluation too), Node points where the frame does.
        const thrown = origin !== 'unhandledRejection' && /\bthrow\s+$/.exec(lineText.slice(0, Math.max(0, col - 1)));
        if (thrown) col = thrown.index + 1;
        text += `${file}:${line}\n${lineText}\n${' '.repeat(Math.max(0, col - 1))}^\n\n`;
      }
    }
  }
  if (err instanceof Error || (err && typeof err === 'object' && typeof err.stack === 'string')) {
    text += util.inspect(err);
  } else {
    text += 'Uncaught ' + util.inspect(err) + '\n(Use `node --trace-uncaught ...` to show where the exception was thrown)';
  }
  text += `\n\nNode.js ${internal.process.version}\n`;
  internal.rawWrite(2, text);
}

module.exports = {
  errnoInfo, uvException, codedError, invalidArgType, invalidArgValue, invalidReturnValue, missingArgs, outOfRange, notSupported, timerLimit,
  unknownEncoding,
  validateString, validateFunction, syntaxErrorFromDetails, decorateFatal, printUncaught, kSourceHeader,
};
