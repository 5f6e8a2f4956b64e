// node:child_process — every child is a kernel process (bridge Spawn/SpawnSync); stdio pipes are kernel pipes
// read through the event loop, an 'ipc' entry a kernel socket pair (fork). Options: cwd, env, input, stdio, shell,
// encoding, timeout, killSignal, maxBuffer, serialization.
'use strict';
const { bridge, OP } = internal;
const errors = internal.errors;
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { FdReadable, FdWritable } = require('internal/fdstream');
const { setupChannel } = require('internal/child_process/channel');
const signals = internal.info.signals;
const signalNames = Object.fromEntries(Object.entries(signals).map(([k, v]) => [v, k]));
const MAX_BUFFER = 1024 * 1024;
const STRIPPED_ENV = new Set(['LD_PRELOAD', 'LD_LIBRARY_PATH', 'NODE_OPTIONS']);

function normalizeSpawnArguments(file, args, options) {
  if (typeof file !== 'string') throw errors.invalidArgType('file', 'string', file);
  if (file.length === 0) throw errors.invalidArgValue('file', file, 'cannot be empty');
  if (Array.isArray(args)) args = args.slice();
  else if (args == null) args = [];
  else if (typeof args !== 'object') throw errors.invalidArgType('args', 'object', args);
  else { options = args; args = []; }
  options = { ...(options || {}) };
  for (const a of args) if (typeof a !== 'string' && typeof a !== 'number') throw errors.invalidArgType('args', 'Array', args);
  args = args.map(String);
  for (const id of ['uid', 'gid']) {
    const value = options[id];
    if (value === undefined) continue;
    if (typeof value !== 'number') throw errors.invalidArgType(`options.${id}`, 'number', value);
    // every kernel process runs as uid/gid 0: switching identity has nothing to switch to
    if (value !== 0) throw errors.notSupported(`child_process options.${id} other than 0`);
  }
  let argv0 = options.argv0 || file;
  if (options.shell) {
    const command = [file, ...args].join(' ');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
    argv0 = file;
  }
  const envSource = options.env || process.env;
  const env = [];
  for (const key of Object.keys(envSource)) {
    if (STRIPPED_ENV.has(key) || envSource[key] === undefined) continue;
    env.push(`${key}=${envSource[key]}`);
  }
  let cwd = options.cwd;
  if (cwd && typeof cwd === 'object' && cwd.href) cwd = require('url').fileURLToPath(cwd);
  return { file, args: [argv0, ...args], cwd: cwd ? String(cwd) : undefined, env, options };
}

function normalizeStdio(stdio) {
  if (stdio === undefined || stdio === null) return ['pipe', 'pipe', 'pipe'];
  if (typeof stdio === 'string') return [stdio, stdio, stdio];
  const out = stdio.map((s, i) => {
    if (s === undefined || s === null) return i < 3 ? 'pipe' : 'ignore';
    if (typeof s === 'number') return s;
    if (s && typeof s === 'object' && typeof s.fd === 'number') return s.fd;
    if (s === process.stdin) return 0;
    if (s === process.stdout) return 1;
    if (s === process.stderr) return 2;
    return s;
  });
  while (out.length < 3) out.push('pipe');
  return out;
}

// What the host is asked for per fd: 'ipc', 'inherit', 'ignore', an fd number, or 'pipe'.
function hostStdio(stdio) {
  return stdio.map((s) => (s === 'inherit' || s === 'ignore' || s === 'ipc' || typeof s === 'number' ? s : 'pipe'));
}

// options.serialization and the fd of the one 'ipc' entry (-1 without one); Node's errors otherwise.
function validateIpc(stdio, options) {
  const { serialization } = options;
  if (serialization !== undefined && serialization !== 'json' && serialization !== 'advanced') {
    throw errors.invalidArgValue('options.serialization', serialization, "must be one of: undefined, 'json', 'advanced'");
  }
  let ipcFd = -1;
  stdio.forEach((s, i) => {
    if (s !== 'ipc') return;
    if (ipcFd !== -1) throw errors.codedError(Error, 'ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe');
    ipcFd = i;
  });
  return ipcFd;
}

function spawnError(errno, file, spawnargs, syscall = 'spawn ' + file) {
  const err = errors.uvException(errno, syscall, file);
  err.spawnargs = spawnargs.slice(1);
  return err;
}

// ---------------------------------------------------------------- ChildProcess
class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this.pid = undefined;
    this.exitCode = null;
    this.signalCode = null;
    this.killed = false;
    this.connected = false;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [null, null, null];
    this._closesNeeded = 1;
    this._closesGot = 0;
    this._watch = 0;
  }
  spawn(options) {
    const { file, args, cwd } = options;
    let { env } = options;
    this.spawnfile = file;
    this.spawnargs = args;
    const stdio = normalizeStdio(options.stdio);
    const ipcFd = validateIpc(stdio, options);
    const serialization = options.serialization || 'json';
    if (ipcFd >= 0) env = [...env, `NODE_CHANNEL_FD=${ipcFd}`, `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`];
    const req = { file, args, cwd, env, stdio: hostStdio(stdio) };
    const r = bridge(OP.Spawn, JSON.stringify(req));
    if (typeof r === 'number' || typeof r !== 'string' || r.startsWith('-')) {
      const errno = Number(r);
      this._handle = null;
      internal.nextTick(() => {
        const err = spawnError(errno, file, args);
        this.emit('error', err);
        this._maybeClose(true);
      });
      return errno;
    }
    const [pid, ...fds] = r.split(',').map(Number);
    this.pid = pid;
    if (ipcFd >= 0) {
      this._closesNeeded++; // as Node: 'close' also waits for the child to end the channel
      setupChannel(this, fds[ipcFd], serialization, { onClosed: () => this._maybeClose() });
    }
    const streams = fds.map((fd, i) => {
      if (fd < 0 || i === ipcFd) return null;
      const s = i === 0 ? new FdWritable(fd, { autoClose: true }) : new FdReadable(fd, { autoClose: true });
      if (i > 0) {
        this._closesNeeded++;
        s.once('close', () => this._maybeClose());
        internal.nextTick(() => s.read(0)); // like a net.Socket: read until EOF even without listeners
      }
      return s;
    });
    [this.stdin, this.stdout, this.stderr] = streams;
    this.stdio = streams;
    this._watch = internal.nextId();
    internal.callbacks.set(this._watch, internal.actx.bind((status) => this._onExit(status)));
    bridge(OP.ChildWatch, pid, this._watch);
    internal.nextTick(() => this.emit('spawn'));
    return 0;
  }
  _onExit(raw) {
    internal.callbacks.delete(this._watch);
    this._watch = 0;
    const sig = raw & 0x7f;
    if (sig) this.signalCode = signalNames[sig] || sig;
    else this.exitCode = (raw >> 8) & 0xff;
    if (this.stdin) this.stdin.destroy();
    this.emit('exit', this.exitCode, this.signalCode);
    this._maybeClose();
  }
  _maybeClose(force) {
    if (force) { this.emit('close', this.exitCode, this.signalCode); return; }
    if (++this._closesGot === this._closesNeeded) this.emit('close', this.exitCode, this.signalCode);
  }
  kill(sig = 'SIGTERM') {
    const n = typeof sig === 'number' ? sig : signals[sig];
    if (n === undefined) throw errors.codedError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${sig}`);
    if (this.pid === undefined || this.exitCode !== null || this.signalCode !== null) return false;
    const r = bridge(OP.Kill, this.pid, n);
    if (r < 0) {
      if (r === -3) return false; // ESRCH
      this.emit('error', errors.uvException(r, 'kill'));
      return false;
    }
    this.killed = true;
    return true;
  }
  ref() { if (this._watch) bridge(OP.HandleRef, this._watch, true); for (const s of [this.stdout, this.stderr]) if (s && s.ref) s.ref(); }
  unref() { if (this._watch) bridge(OP.HandleRef, this._watch, false); for (const s of [this.stdout, this.stderr]) if (s && s.unref) s.unref(); }
  [Symbol.dispose]() { if (!this.killed) this.kill(); }
}

function spawn(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options);
  const child = new ChildProcess();
  child.spawn({ ...opts, stdio: opts.options.stdio, serialization: opts.options.serialization });
  if (opts.options.timeout > 0 && child.pid !== undefined) {
    const timer = setTimeout(() => child.kill(opts.options.killSignal || 'SIGTERM'), opts.options.timeout);
    child.once('exit', () => clearTimeout(timer));
  }
  if (opts.options.signal) {
    const onAbort = () => { child.kill(opts.options.killSignal || 'SIGTERM'); const e = new Error('The operation was aborted'); e.name = 'AbortError'; e.code = 'ABORT_ERR'; child.emit('error', e); };
    if (opts.options.signal.aborted) internal.nextTick(onAbort);
    else opts.options.signal.addEventListener('abort', onAbort, { once: true });
  }
  return child;
}

// ---------------------------------------------------------------- exec / execFile
function execFile(file, args, options, callback) {
  if (typeof args === 'function') { callback = args; args = []; options = {}; }
  else if (!Array.isArray(args) && args !== null && typeof args === 'object') { callback = options; options = args; args = []; }
  if (typeof options === 'function') { callback = options; options = {}; }
  options = { encoding: 'utf8', timeout: 0, maxBuffer: MAX_BUFFER, killSignal: 'SIGTERM', ...(options || {}) };
  const child = spawn(file, args || [], { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks = { stdout: [], stderr: [] };
  const lengths = { stdout: 0, stderr: 0 };
  let error = null;
  let done = false;
  const decode = (list) => {
    const b = Buffer.concat(list);
    return options.encoding && options.encoding !== 'buffer' ? b.toString(options.encoding) : b;
  };
  const finish = (code, signal) => {
    if (done) return;
    done = true;
    const stdout = decode(chunks.stdout);
    const stderr = decode(chunks.stderr);
    if (!error && (code !== 0 || signal)) {
      const cmd = [file, ...(args || [])].join(' ');
      error = new Error(`Command failed: ${cmd}\n${stderr}`);
      error.code = code === null ? null : code;
      error.killed = child.killed;
      error.signal = signal;
      error.cmd = cmd;
    }
    if (error) { error.stdout = stdout; error.stderr = stderr; }
    if (callback) callback(error, stdout, stderr);
  };
  for (const name of ['stdout', 'stderr']) {
    const stream = child[name];
    if (!stream) continue;
    stream.on('data', (chunk) => {
      lengths[name] += chunk.length;
      if (lengths[name] > options.maxBuffer) {
        const over = chunk.length - (lengths[name] - options.maxBuffer);
        if (over > 0) chunks[name].push(chunk.subarray(0, over));
        error = errors.codedError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${name} maxBuffer length exceeded`);
        child.kill(options.killSignal);
      } else {
        chunks[name].push(chunk);
      }
    });
  }
  child.on('error', (err) => { error = err; finish(null, null); });
  child.on('close', finish);
  return child;
}

function exec(command, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  options = { ...(options || {}) };
  const shell = typeof options.shell === 'string' ? options.shell : '/bin/sh';
  const child = execFile(shell, ['-c', command], { ...options, shell: false }, callback && ((err, stdout, stderr) => {
    if (err && err.cmd) { err.cmd = command; err.message = err.message.replace(/^Command failed: .*\n/, `Command failed: ${command}\n`); }
    callback(err, stdout, stderr);
  }));
  return child;
}

// ---------------------------------------------------------------- sync
function spawnSync(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options);
  options = { maxBuffer: MAX_BUFFER, encoding: 'buffer', killSignal: 'SIGTERM', ...opts.options };
  const stdio = hostStdio(normalizeStdio(options.stdio));
  if (stdio.includes('ipc')) throw errors.codedError(Error, 'ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks');
  let inputBlob = -1;
  if (options.input !== undefined && options.input !== null && stdio[0] === 'pipe') {
    const bytes = typeof options.input === 'string' ? Buffer.from(options.input, options.encoding !== 'buffer' ? options.encoding : 'utf8') : Buffer.from(options.input.buffer || options.input, options.input.byteOffset || 0, options.input.byteLength);
    inputBlob = internal.blobFromBytes(bytes);
  }
  const killSignal = typeof options.killSignal === 'number' ? options.killSignal : signals[options.killSignal];
  const req = { file: opts.file, args: opts.args, cwd: opts.cwd, env: opts.env, stdio, input: inputBlob, timeout: options.timeout || 0, killSignal, maxBuffer: options.maxBuffer };
  const result = JSON.parse(bridge(OP.SpawnSync, JSON.stringify(req)));
  const out = { pid: result.pid || 0, output: null, stdout: null, stderr: null, status: null, signal: null };
  if (result.error && !result.pid) {
    out.error = spawnError(result.error, opts.file, opts.args, 'spawnSync ' + opts.file);
    return out;
  }
  const decode = (blob) => {
    if (!blob) return null;
    const bytes = internal.blobToBuffer(blob);
    return options.encoding && options.encoding !== 'buffer' ? bytes.toString(options.encoding) : bytes;
  };
  out.output = [null, decode(result.output[1]), decode(result.output[2])];
  [, out.stdout, out.stderr] = out.output;
  out.status = result.status ?? null;
  out.signal = result.signal ? signalNames[result.signal] : null;
  if (result.error) {
    const code = -result.error;
    out.error = errors.uvException(result.error, 'spawnSync ' + opts.file);
    if (code === 110) out.error.code = 'ETIMEDOUT';
    out.error.spawnargs = opts.args.slice(1);
  }
  return out;
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = new Error(msg);
    Object.assign(err, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  if (!Array.isArray(args) && args !== null && typeof args === 'object') { options = args; args = []; }
  options = { ...(options || {}) };
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args || [], { ...options, stdio: options.stdio || ['pipe', 'pipe', 'pipe'] });
  if (inheritStderr && ret.stderr && ret.stderr.length) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [file, ...(args || [])], undefined);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  options = { ...(options || {}) };
  const shell = typeof options.shell === 'string' ? options.shell : '/bin/sh';
  const inheritStderr = !options.stdio;
  const ret = spawnSync(shell, ['-c', command], { ...options, shell: false, stdio: options.stdio || ['pipe', 'pipe', 'pipe'] });
  if (inheritStderr && ret.stderr && ret.stderr.length) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [], command);
  if (err) throw err;
  return ret.stdout;
}

// fork(): process.execPath (guest node) running modulePath, with an IPC channel (lib/internal/child_process/).
function fork(modulePath, args, options) {
  if (modulePath && typeof modulePath === 'object' && modulePath.href !== undefined) modulePath = require('url').fileURLToPath(modulePath);
  else if (Buffer.isBuffer(modulePath)) modulePath = modulePath.toString();
  if (typeof modulePath !== 'string') throw errors.invalidArgType('modulePath', ['string', 'Buffer', 'URL'], modulePath);
  if (args == null) args = [];
  else if (typeof args === 'object' && !Array.isArray(args)) { options = args; args = []; }
  else if (!Array.isArray(args)) throw errors.invalidArgType('args', 'Array', args);
  if (options != null && typeof options !== 'object') throw errors.invalidArgType('options', 'Object', options);
  options = { ...options, shell: false };
  const execPath = options.execPath || process.execPath;
  let execArgv = options.execArgv || process.execArgv;
  if (!Array.isArray(execArgv)) throw errors.invalidArgType('options.execArgv', 'Array', execArgv);
  if (execArgv === process.execArgv) execArgv = withoutEvalCode(execArgv); // as Node: the child runs the module, not -e's code
  if (typeof options.stdio === 'string') options.stdio = stdioWithIpc(options.stdio);
  else if (!Array.isArray(options.stdio)) options.stdio = stdioWithIpc(options.silent ? 'pipe' : 'inherit');
  else if (!options.stdio.includes('ipc')) {
    throw errors.codedError(Error, 'ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
  }
  return spawn(execPath, [...execArgv, modulePath, ...args], options);
}

function stdioWithIpc(mode) {
  if (mode === 'ignore' || mode === 'pipe' || mode === 'inherit' || mode === 'overlapped') return [mode, mode, mode, 'ipc'];
  throw errors.invalidArgValue('stdio', mode);
}

function withoutEvalCode(execArgv) {
  const out = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i];
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '-pe') { i++; continue; }
    if (a.startsWith('--eval=') || a.startsWith('--print=')) continue;
    out.push(a);
  }
  return out;
}

// The forked child's side: `process` gets send/disconnect/'message' over fd NODE_CHANNEL_FD (bootstrap calls this).
// As in Node the channel keeps the child alive only while 'message' or 'disconnect' listeners exist.
function _forkChild(fd, serializationMode) {
  const control = setupChannel(process, fd, serializationMode, { refed: false });
  process.on('newListener', (name) => { if (name === 'message' || name === 'disconnect') control.refCounted(); });
  process.on('removeListener', (name) => { if (name === 'message' || name === 'disconnect') control.unrefCounted(); });
}

exec[require('util').promisify.custom] = (command, options) => new Promise((resolve, reject) => {
  exec(command, options, (err, stdout, stderr) => (err ? reject(Object.assign(err, { stdout, stderr })) : resolve({ stdout, stderr })));
});
execFile[require('util').promisify.custom] = (file, args, options) => new Promise((resolve, reject) => {
  execFile(file, args, options, (err, stdout, stderr) => (err ? reject(Object.assign(err, { stdout, stderr })) : resolve({ stdout, stderr })));
});

module.exports = { ChildProcess, spawn, exec, execFile, spawnSync, execSync, execFileSync, fork, _forkChild };
