// node:internal/process — builds the `process` object (an EventEmitter) over the bridge.
'use strict';
module.exports = function createProcess(internal, EventEmitter) {
  const { bridge, OP, info } = internal;
  const signalNumbers = info.signals;
  const signalNames = Object.fromEntries(Object.entries(signalNumbers).map(([k, v]) => [v, k]));
  const errors = () => internal.errors;
  const startNs = bridge(OP.HrTime);

  const process = new EventEmitter();
  Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true });

  function rawWrite(fd, text) {
    const bytes = internal.loadBuiltin('internal/encoding').encodeUtf8(String(text));
    writeBytes(fd, bytes);
  }
  function writeBytes(fd, bytes) {
    const { scratch, scratchSize } = internal;
    for (let off = 0; off < bytes.length;) {
      const n = Math.min(scratchSize, bytes.length - off);
      scratch.set(bytes.subarray(off, off + n));
      const w = bridge(OP.Write, fd, n);
      if (w < 0) return w;
      off += w;
    }
    return bytes.length;
  }
  internal.rawWrite = rawWrite;
  internal.writeBytes = writeBytes;

  const env = {};
  for (const entry of info.env) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  const envProxy = new Proxy(env, {
    set(target, key, value) { target[key] = String(value); return true; },
    defineProperty(target, key, desc) { target[key] = String(desc.value); return true; },
  });

  let exitCode;
  const props = {
    title: 'node',
    version: 'v22.0.0',
    versions: { node: '22.0.0', acorn: '8.11.3', ada: '2.7.8', ares: '1.28.1', brotli: '1.1.0', cjs_module_lexer: '1.2.2', icu: '74.2', llhttp: '9.2.1', modules: '127', napi: '9', nghttp2: '1.61.0', openssl: '3.0.13+quic', simdutf: '5.2.4', unicode: '15.1', uv: '1.48.0', v8: '12.4.254.14-node.11', zlib: '1.3.0.1-motley' },
    arch: 'x64',
    platform: 'linux',
    release: { name: 'node', sourceUrl: '', headersUrl: '' },
    argv: info.argv.slice(),
    argv0: info.argv0,
    execArgv: info.execArgv.slice(),
    execPath: info.execPath,
    env: envProxy,
    pid: info.pid,
    ppid: info.ppid,
    config: { variables: {} },
    // Node 22's shape (the last three are getters there too): require(esm) works; TypeScript is not stripped (false, as
    // Node reports with type stripping off).
    features: {
      inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false,
      openssl_is_boringssl: false,
      get cached_builtins() { return true; },
      get require_module() { return true; },
      get typescript() { return false; },
    },
    allowedNodeEnvironmentFlags: new Set(),
    moduleLoadList: [],
    _exiting: false,
  };
  Object.assign(process, props);
  Object.defineProperty(process, 'exitCode', {
    enumerable: true, configurable: false,
    get() { return exitCode; },
    set(code) {
      if (code !== undefined && code !== null && !(Number.isInteger(Number(code)))) {
        throw errors().invalidArgType('code', 'integer', code);
      }
      exitCode = code === null ? undefined : code === undefined ? undefined : Number(code);
    },
  });

  process.cwd = function cwd() { return bridge(OP.Cwd); };
  process.chdir = function chdir(directory) {
    errors().validateString(directory, 'directory');
    const from = bridge(OP.Cwd);
    const r = bridge(OP.Chdir, directory);
    if (r < 0) {
      const e = errors().uvException(r, 'chdir', from, directory);
      e.message = e.message; // `ENOENT: no such file or directory, chdir '/from' -> 'dir'`
      throw e;
    }
  };
  process.umask = function umask(mask) {
    if (mask === undefined) { const old = bridge(OP.Umask, -1); return old; }
    const value = typeof mask === 'string' ? parseInt(mask, 8) : mask;
    return bridge(OP.Umask, value & 0o777);
  };
  function hrtime(prev) {
    const ns = bridge(OP.HrTime) - startNs + 1e9;
    let s = Math.floor(ns / 1e9);
    let n = Math.floor(ns - s * 1e9);
    if (prev) {
      s -= prev[0];
      n -= prev[1];
      if (n < 0) { s--; n += 1e9; }
    }
    return [s, n];
  }
  hrtime.bigint = () => BigInt(Math.floor(bridge(OP.HrTime) - startNs)) + 1000000000n;
  process.hrtime = hrtime;
  process.uptime = () => (bridge(OP.HrTime) - startNs) / 1e9;
  function memoryUsage() {
    const [rss, heapTotal, heapUsed, external] = String(bridge(OP.MemoryUsage)).split(',').map(Number);
    return { rss, heapTotal, heapUsed, external, arrayBuffers: 0 };
  }
  memoryUsage.rss = () => memoryUsage().rss;
  process.memoryUsage = memoryUsage;
  process.cpuUsage = (prev) => {
    const us = Math.floor((bridge(OP.HrTime) - startNs) / 1000);
    return prev ? { user: us - prev.user, system: 0 - prev.system } : { user: us, system: 0 };
  };
  process.resourceUsage = () => ({ userCPUTime: Math.floor((bridge(OP.HrTime) - startNs) / 1000), systemCPUTime: 0, maxRSS: memoryUsage().rss / 1024 });
  process.getuid = () => 0;
  process.geteuid = () => 0;
  process.getgid = () => 0;
  process.getegid = () => 0;
  process.getgroups = () => [0];
  process.nextTick = internal.nextTick;
  // Warning options (node --no-warnings, --no-deprecation, --throw-deprecation, --trace-*, --disable-warning=X)
  const options = info.options;
  const disabledWarnings = new Set(options.filter((o) => o.startsWith('--disable-warning=')).map((o) => o.slice(18)));
  const noWarnings = options.includes('--no-warnings');
  const traceWarnings = options.includes('--trace-warnings');
  if (options.includes('--no-deprecation')) process.noDeprecation = true;
  if (options.includes('--throw-deprecation')) process.throwDeprecation = true;
  if (options.includes('--trace-deprecation')) process.traceDeprecation = true;
  const title = options.find((o) => o.startsWith('--title='));
  if (title) process.title = title.slice(8);
  process.emitWarning = function emitWarning(warning, type, code) {
    if (typeof type === 'object' && type) ({ type, code } = type);
    if (typeof warning === 'string') {
      warning = new Error(warning);
      warning.name = type || 'Warning';
      if (code) warning.code = code;
      Error.captureStackTrace(warning, emitWarning);
    }
    const deprecation = warning.name === 'DeprecationWarning';
    if (deprecation && process.noDeprecation) return;
    if (disabledWarnings.has(warning.name) || (warning.code && disabledWarnings.has(warning.code))) return;
    if (deprecation && process.throwDeprecation) throw warning;
    internal.nextTick(() => {
      process.emit('warning', warning);
      if (process.noWarnings || noWarnings) return;
      const trace = deprecation ? process.traceDeprecation : traceWarnings;
      const text = trace && typeof warning.stack === 'string' ? warning.stack : `${warning.name}: ${warning.message}`;
      rawWrite(2, `(node:${process.pid}) ${warning.code ? `[${warning.code}] ` : ''}${text}\n` +
        (process._warned || trace ? '' : `(Use \`node --trace-${deprecation ? 'deprecation' : 'warnings'} ...\` to show where the warning was created)\n`));
      if (!trace) process._warned = true;
    });
  };
  process.kill = function kill(pid, sig = 'SIGTERM') {
    if (pid != (pid | 0)) throw errors().invalidArgType('pid', 'number', pid);
    const n = typeof sig === 'number' ? sig : signalNumbers[sig];
    if (n === undefined) throw errors().codedError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${sig}`);
    const r = bridge(OP.Kill, pid | 0, n);
    if (r < 0) throw errors().uvException(r, 'kill');
    return true;
  };
  process.exit = function exit(code) {
    if (code !== undefined) process.exitCode = code;
    internal.exit(undefined, true);
  };
  process.reallyExit = (code) => internal.exit(code, false);
  process.abort = () => { bridge(OP.Kill, process.pid, signalNumbers.SIGABRT); for (;;) { /* dying */ } };
  process.binding = (name) => { throw errors().notSupported(`process.binding('${name}')`); };
  process._linkedBinding = process.binding;
  // Node 22.3+: a built-in by name (with or without node:), else undefined; one this sandbox lacks fails loudly.
  process.getBuiltinModule = function getBuiltinModule(id) {
    if (typeof id !== 'string') throw errors().invalidArgType('id', 'string', id);
    if (!internal.cjs.Module.isBuiltin(id)) return undefined;
    return internal.cjs.requireBuiltin(id);
  };
  process.dlopen = () => { throw errors().notSupported('process.dlopen'); };
  // The capture callback takes uncaught errors before 'uncaughtException' listeners (bootstrap's handleUncaught).
  process.setUncaughtExceptionCaptureCallback = (fn) => {
    if (fn === null) { internal.captureFn = null; return; }
    if (typeof fn !== 'function') throw errors().invalidArgType('fn', ['Function', 'null'], fn);
    if (internal.captureFn) {
      throw errors().codedError(Error, 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
        '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active');
    }
    internal.captureFn = fn;
  };
  process.hasUncaughtExceptionCaptureCallback = () => !!internal.captureFn;
  process.report = { getReport: () => ({}) };

  // Signals: a listener for 'SIGTERM' etc. makes the kernel deliver it to us instead of its default action.
  const isSignal = (type) => typeof type === 'string' && Object.prototype.hasOwnProperty.call(signalNumbers, type);
  process.on('newListener', (type) => {
    if (isSignal(type) && process.listenerCount(type) === 0) {
      const r = bridge(OP.SignalCatch, signalNumbers[type], true);
      if (r < 0) throw errors().uvException(r, 'uv_signal_start');
    }
  });
  process.on('removeListener', (type) => {
    if (isSignal(type) && process.listenerCount(type) === 0) bridge(OP.SignalCatch, signalNumbers[type], false);
  });
  process._onSignal = (n) => {
    const name = signalNames[n];
    if (name && process.listenerCount(name) > 0) process.emit(name, name, n);
    else { bridge(OP.SignalCatch, n, false); bridge(OP.Kill, process.pid, n); }
  };

  // stdio streams are created on first use
  const stdio = [undefined, undefined, undefined];
  const getters = [];
  for (const [name, fd] of [['stdin', 0], ['stdout', 1], ['stderr', 2]]) {
    getters[fd] = function get() { return stdio[fd] || (stdio[fd] = internal.loadBuiltin('internal/stdio').create(fd)); };
    Object.defineProperty(process, name, { configurable: true, enumerable: true, get: getters[fd] });
  }
  /** Whether process.stdout (1) or process.stderr (2) was never read, replaced or redefined. */
  internal.stdioStream = (fd) => stdio[fd];
  internal.stdioUntouched = (fd) => stdio[fd] === undefined &&
    Reflect.getOwnPropertyDescriptor(process, fd === 1 ? 'stdout' : 'stderr')?.get === getters[fd];
  return process;
};
