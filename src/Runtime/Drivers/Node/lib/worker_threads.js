// node:worker_threads — Worker (its own V8 isolate on its own host thread, under the same kernel process: same pid,
// fds and cwd), MessageChannel/MessagePort, parentPort, workerData, receiveMessageOnPort. Messages are structured
// clones through the host; SharedArrayBuffer cannot be shared between isolates (DataCloneError).
'use strict';
const EventEmitter = require('events');
const path = require('path');
const messaging = require('internal/worker/messaging');
const { MessagePort, MessageChannel, receiveMessageOnPort, createPort, serializeMessage } = messaging;
const { bridge, OP } = internal;
const errors = internal.errors;

const worker = internal.worker; // set by internal/worker/setup in a worker, undefined on the main thread
const isMainThread = worker === undefined;
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
const environmentData = new Map(worker ? worker.environmentData : []);
const ONLINE = -1;

const kHandle = Symbol('handle');
const kPort = Symbol('port');
const kThreadId = Symbol('threadId');
const kExited = Symbol('exited');
const kLimits = Symbol('resourceLimits');
const kStdio = Symbol('stdio');

// ES module syntax at the top of eval'd code (Node 22 detects it too): import/export statements, import.meta.
const moduleSyntax = /^\s*(import\s*[\w{*'"]|export\s)|\bimport\.meta\b/m;

function workerPath(filename) {
  if (filename !== null && typeof filename === 'object' && typeof filename.href === 'string') filename = filename.href;
  if (typeof filename !== 'string') throw errors.invalidArgType('filename', ['string', 'URL'], filename);
  if (filename.startsWith('file:')) return require('url').fileURLToPath(filename);
  if (filename.startsWith('data:')) throw errors.notSupported('new Worker() with a data: URL');
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) {
    throw errors.codedError(TypeError, 'ERR_WORKER_PATH',
      "The worker script or module filename must be an absolute path or a relative path starting with './' or '../'." +
      ` Received "${filename}"`);
  }
  return path.resolve(filename);
}

function envList(env) {
  if (env === undefined || env === null) env = process.env;
  else if (env === SHARE_ENV) throw errors.notSupported('worker_threads.SHARE_ENV (each worker isolate keeps its own process.env)');
  else if (typeof env !== 'object') throw errors.invalidArgType('options.env', 'object', env);
  return Object.keys(env).map((k) => `${k}=${env[k]}`);
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'object', options);
    let mode;
    let payload;
    if (options.eval) {
      if (typeof filename !== 'string') throw errors.invalidArgType('filename', 'string', filename);
      mode = moduleSyntax.test(filename) ? 'eval-module' : 'eval';
      payload = filename;
    } else {
      mode = 'file';
      payload = workerPath(filename);
    }
    if (options.execArgv !== undefined) {
      if (!Array.isArray(options.execArgv)) throw errors.invalidArgType('options.execArgv', 'Array', options.execArgv);
      // Options that have no effect in this runtime anyway (docs/compatibility.md) pass silently; others are ignored
      // with a warning.
      const noEffect = new Set(internal.info.noEffectOptions);
      const ignored = options.execArgv.filter((a) => !noEffect.has(String(a).split('=')[0].replace(/^--(.*)$/, (m, w) => '--' + w.replace(/_/g, '-'))));
      if (ignored.length > 0) {
        process.emitWarning(`worker_threads: options.execArgv ${ignored.join(' ')} is ignored in this sandbox (workers run with the process's settings)`, 'Warning', 'SECURE_EXEC_WORKER_EXECARGV');
      }
    }
    if (options.argv !== undefined && !Array.isArray(options.argv)) throw errors.invalidArgType('options.argv', 'Array', options.argv);
    const argv = (options.argv || []).map(String);
    const limits = options.resourceLimits || {};
    // worker.stdin/stdout/stderr: a channel between them and the worker's process.stdin/stdout/stderr (without it the
    // worker's stdout and stderr write the fds directly, and its stdin is empty)
    const stdio = options.stdin || options.stdout || options.stderr ? new MessageChannel() : null;
    const transfer = [...(options.transferList || [])];
    if (stdio) transfer.push(stdio.port2);
    const envelope = { workerData: options.workerData, environmentData: [...environmentData] };
    if (stdio) envelope.stdio = { port: stdio.port2, stdin: !!options.stdin, stdout: !!options.stdout, stderr: !!options.stderr };
    const message = serializeMessage(envelope, transfer);
    const start = {
      mode, payload, argv, env: envList(options.env), name: typeof options.name === 'string' ? options.name : '',
      ports: message.ports.map((p) => p[messaging.kId]),
    };
    if (limits.maxOldGenerationSizeMb !== undefined) start.maxOldGenerationSizeMb = Number(limits.maxOldGenerationSizeMb);

    const id = bridge(OP.PortPair);
    if (id < 0) throw errors.codedError(Error, 'ERR_WORKER_INIT_FAILED', 'Worker initialization failure: ' + id);
    const port = createPort(id);
    const handle = internal.nextId();
    internal.callbacks.set(handle, (value) => this.#onEvent(value));
    const threadId = bridge(OP.WorkerStart, JSON.stringify(start), internal.blobFromBytes(message.bytes), id + 1, handle);
    if (threadId < 0) {
      internal.callbacks.delete(handle);
      port.close();
      if (stdio) stdio.port1.close();
      throw errors.codedError(Error, 'ERR_WORKER_INIT_FAILED', `Worker initialization failure: ${threadId}`);
    }
    messaging.detachTransferred(message);
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    if (stdio) {
      const { Readable, Writable } = require('stream');
      if (options.stdin) {
        const input = stdio.port1;
        this.stdin = new Writable({
          write(chunk, encoding, callback) {
            input.postMessage(['stdin', typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk]);
            callback();
          },
          final(callback) {
            input.postMessage(['stdin', null]);
            callback();
          },
        });
      }
      if (options.stdout) this.stdout = new Readable({ read() {} });
      if (options.stderr) this.stderr = new Readable({ read() {} });
      this[kStdio] = stdio.port1;
      stdio.port1.on('message', ([name, chunk]) => { if (this[name]) this[name].push(chunk); });
      stdio.port1.unref();
    }
    this[kHandle] = handle;
    this[kPort] = port;
    this[kThreadId] = threadId;
    this[kExited] = false;
    this[kLimits] = { maxYoungGenerationSizeMb: 0, maxOldGenerationSizeMb: start.maxOldGenerationSizeMb || 0, codeRangeSizeMb: 0, stackSizeMb: 4 };
    port.on('message', (value) => this.emit('message', value));
    port.on('messageerror', (err) => this.emit('messageerror', err));
    port.unref(); // the worker's own handle keeps the loop alive
    bridge(OP.LoopRef, handle, true);
  }

  #onEvent(value) {
    if (value === ONLINE) { this.emit('online'); return; }
    // exit: messages the worker sent before it ended come first
    const port = this[kPort];
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) this.emit('message', m.message);
    const stdio = this[kStdio];
    if (stdio) {
      for (let m = receiveMessageOnPort(stdio); m !== undefined; m = receiveMessageOnPort(stdio)) {
        const [name, chunk] = m.message;
        if (this[name]) this[name].push(chunk);
      }
      stdio.close();
      if (this.stdout) this.stdout.push(null);
      if (this.stderr) this.stderr.push(null);
    }
    const info = bridge(OP.WorkerExitInfo, this[kThreadId]);
    internal.callbacks.delete(this[kHandle]);
    bridge(OP.LoopRef, this[kHandle], false);
    port.close();
    this[kExited] = true;
    this[kThreadId] = -1;
    if (info === 'oom') {
      this.emit('error', errors.codedError(Error, 'ERR_WORKER_OUT_OF_MEMORY', 'Worker terminated due to reaching memory limit: JS heap out of memory'));
    } else if (typeof info === 'number' && info > 0) {
      const bytes = internal.blobToBuffer(info);
      this.emit('error', require('internal/worker/errors').deserializeError(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)));
    }
    this.emit('exit', value);
  }

  postMessage(value, transferList) {
    if (arguments.length === 0) throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
    if (this[kExited]) return;
    this[kPort].postMessage(value, transferList);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
    }
    if (this[kExited]) return Promise.resolve();
    const done = new Promise((resolve) => this.once('exit', (code) => {
      if (typeof callback === 'function') callback(null, code);
      resolve(code);
    }));
    bridge(OP.WorkerTerminate, this[kThreadId]);
    return done;
  }

  ref() { if (!this[kExited]) bridge(OP.LoopRef, this[kHandle], true); }
  unref() { if (!this[kExited]) bridge(OP.LoopRef, this[kHandle], false); }
  get threadId() { return this[kThreadId]; }
  get resourceLimits() { return this[kExited] ? {} : this[kLimits]; }
  get performance() { return { eventLoopUtilization() { throw errors.notSupported('worker.performance.eventLoopUtilization'); } }; }
  getHeapSnapshot() { return Promise.reject(errors.notSupported('worker.getHeapSnapshot')); }
}

function markAsUntransferable(object) {
  if ((typeof object === 'object' && object !== null) || typeof object === 'function') messaging.untransferable.add(object);
}
function isMarkedAsUntransferable(object) { return messaging.untransferable.has(object); }
function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}
function getEnvironmentData(key) { return environmentData.get(key); }

module.exports = {
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext() { throw errors.notSupported('worker_threads.moveMessagePortToContext'); },
  receiveMessageOnPort,
  resourceLimits: isMainThread ? {} : { maxYoungGenerationSizeMb: 0, maxOldGenerationSizeMb: 0, codeRangeSizeMb: 0, stackSizeMb: 4 },
  threadId: isMainThread ? 0 : worker.threadId,
  SHARE_ENV,
  Worker,
  parentPort: isMainThread ? null : worker.parentPort,
  workerData: isMainThread ? null : worker.workerData,
  BroadcastChannel: require('internal/worker/broadcast').BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
