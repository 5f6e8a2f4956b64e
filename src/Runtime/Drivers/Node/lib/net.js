// node:net — TCP servers and sockets on the VM's kernel loopback (Kernel/Sockets). Reads and accepts arrive
// through the event loop's fd watchers; writes are non-blocking and wait for writability when the peer's
// buffer is full, so a client and a server can share one process.
'use strict';
const { bridge, OP, scratch, nextTick } = internal;
const EventEmitter = require('events');
const { Duplex } = require('stream');
const { Buffer } = require('buffer');
const errors = () => internal.errors;

const EAGAIN = -11;
const EACCES = -13;

// ---------------------------------------------------------------- addresses
const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
const IPv4Reg = new RegExp(`^${v4Str}$`);
const v6Seg = '(?:[0-9a-fA-F]{1,4})';
const IPv6Reg = new RegExp('^(?:' +
  `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
  `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
  `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
  `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
  `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
  `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
  `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
  `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');
function isIPv4(s) { return IPv4Reg.test(String(s)); }
function isIPv6(s) { return IPv6Reg.test(String(s)); }
function isIP(s) { return isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0; }
function familyOf(address) { return isIPv6(address) ? 'IPv6' : 'IPv4'; }

/** Node's exceptionWithHostPort: `connect ECONNREFUSED 127.0.0.1:3000`, with the sandbox's reason on EACCES. */
function exceptionWithHostPort(negErrno, syscall, address, port) {
  const [code, desc] = errors().errnoInfo(-negErrno);
  let message = syscall === 'listen' ? `${syscall} ${code}: ${desc} ${address}:${port}` : `${syscall} ${code} ${address}${port ? ':' + port : ''}`;
  if (negErrno === EACCES) {
    const reason = bridge(OP.LastDenial);
    if (reason) message += ` - ${reason}`;
  }
  const err = new Error(message);
  err.errno = negErrno;
  err.code = code;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  return err;
}

function splitAddress(s) {
  const i = s.lastIndexOf('\0');
  return { address: s.slice(0, i), port: Number(s.slice(i + 1)) };
}

function validatePort(port, name = 'port') {
  if (typeof port === 'string' && port.trim() !== '' && !Number.isNaN(Number(port))) port = Number(port);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw errors().codedError(RangeError, 'ERR_SOCKET_BAD_PORT', `${name} should be >= 0 and < 65536. Received ${typeof port === 'string' ? `type string ('${port}')` : `type ${typeof port} (${String(port)})`}.`);
  }
  return port;
}

// ---------------------------------------------------------------- Socket
const kHadError = Symbol('hadError');

class Socket extends Duplex {
  constructor(options = {}) {
    if (typeof options === 'number') options = { fd: options };
    super({ allowHalfOpen: !!options.allowHalfOpen, highWaterMark: options.highWaterMark, emitClose: true, autoDestroy: true });
    this.allowHalfOpen = !!options.allowHalfOpen;
    this._fd = -1;
    this._readWatch = 0;
    this._writeWatch = 0;
    this._refed = true;
    this._pendingWrite = null;
    this._timeoutMs = 0;
    this._timer = null;
    this.connecting = false;
    this.bytesRead = 0;
    this._bytesWritten = 0;
    this.server = null;
    this._server = null;
    this[kHadError] = false;
    if (options.fd !== undefined && options.fd >= 0) this._attach(options.fd);
  }

  _attach(fd) {
    this._fd = fd;
    const local = bridge(OP.NetAddress, fd, false);
    const peer = bridge(OP.NetAddress, fd, true);
    this._local = typeof local === 'string' ? splitAddress(local) : null;
    this._peer = typeof peer === 'string' ? splitAddress(peer) : null;
  }

  get remoteAddress() { return this._peer ? this._peer.address : undefined; }
  get remotePort() { return this._peer ? this._peer.port : undefined; }
  get remoteFamily() { return this._peer ? familyOf(this._peer.address) : undefined; }
  get localAddress() { return this._local ? this._local.address : undefined; }
  get localPort() { return this._local ? this._local.port : undefined; }
  get localFamily() { return this._local ? familyOf(this._local.address) : undefined; }
  get bytesWritten() { return this._bytesWritten; }
  get pending() { return this._fd < 0; }
  get readyState() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable) return 'readOnly';
    if (this.writable) return 'writeOnly';
    return 'closed';
  }
  get bufferSize() { return this.writableLength; }
  get timeout() { return this._timeoutMs || undefined; }
  address() { return this._local ? { address: this._local.address, family: familyOf(this._local.address), port: this._local.port } : {}; }

  connect(...args) {
    let [options, cb] = normalizeConnectArgs(args);
    if (cb) this.once('connect', cb);
    if (options.path != null) throw errors().notSupported('net: connecting to a Unix socket path');
    const port = validatePort(options.port, 'Port');
    const host = options.host || 'localhost';
    this.connecting = true;
    if (this.destroyed) { this._readableState.destroyed = false; this._writableState.destroyed = false; }
    const lookup = typeof options.lookup === 'function' ? options.lookup : null;
    const go = (address) => {
      if (this.destroyed) return;
      const r = bridge(OP.NetConnect, address, port, !!options._tls);
      if (r < 0) {
        this.connecting = false;
        const shown = address === 'localhost' ? '127.0.0.1' : address;
        this.destroy(exceptionWithHostPort(r, 'connect', shown, port));
        return;
      }
      this._attach(r);
      // Like libuv, the connect completes in the poll phase (when the socket is writable), so a server in the
      // same process sees 'connection' first.
      this._waitWritable(() => {
        this.connecting = false;
        if (this.destroyed) return;
        if (this._refed === false) this.unref();
        this._touch();
        this.emit('connect');
        this.emit('ready');
        if (this._readableState.flowing !== false && !this._readableState.ended) this._startReading();
        this._flushPending();
      });
    };
    if (lookup && !isIP(host) && host !== 'localhost') {
      lookup(host, { family: options.family || 0 }, (err, address) => {
        if (err) { this.connecting = false; this.destroy(err); return; }
        this.emit('lookup', null, address, familyOf(address), host);
        go(Array.isArray(address) ? address[0].address : address);
      });
    } else nextTick(go, host);
    return this;
  }

  // ---- reading ----
  _read() {
    if (this._fd < 0) return; // started once connected
    this._startReading();
  }
  _startReading() {
    if (this._readWatch || this._fd < 0) return;
    const id = internal.nextId();
    this._readWatch = id;
    internal.callbacks.set(id, (n) => this._onRead(n));
    const r = bridge(OP.ReadStart, this._fd, id);
    if (r < 0) { this._stopReading(); this.destroy(errors().uvException(r, 'read')); return; }
    if (!this._refed) bridge(OP.HandleRef, id, false);
  }
  _onRead(n) {
    if (n > 0) {
      const chunk = Buffer.from(scratch.slice(0, n).buffer);
      this.bytesRead += n;
      this._touch();
      if (!this.push(chunk)) this._stopReading();
    } else if (n === 0) {
      this._stopReading();
      this.push(null);
      this.read(0); // as Node's sockets: 'end' even when nobody reads
    } else {
      this._stopReading();
      this.destroy(errors().uvException(n, 'read'));
    }
  }
  _stopReading() {
    if (!this._readWatch) return;
    bridge(OP.ReadStop, this._readWatch);
    internal.callbacks.delete(this._readWatch);
    this._readWatch = 0;
  }
  pause() {
    this._stopReading();
    return super.pause();
  }
  resume() {
    const r = super.resume();
    if (this._fd >= 0 && !this._readableState.ended) this._startReading();
    return r;
  }

  // ---- writing ----
  _write(chunk, encoding, cb) {
    if (this.connecting || this._fd < 0) {
      if (this.connecting) { this._pendingWrite = [chunk, cb]; return; }
      cb(errors().codedError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
      return;
    }
    this._writeFrom(chunk, 0, cb);
  }
  _writev(chunks, cb) { this._write(Buffer.concat(chunks.map((c) => (typeof c.chunk === 'string' ? Buffer.from(c.chunk, c.encoding) : c.chunk))), 'buffer', cb); }
  _flushPending() {
    const p = this._pendingWrite;
    this._pendingWrite = null;
    if (p) this._writeFrom(p[0], 0, p[1]);
  }
  _writeFrom(chunk, off, cb) {
    const size = internal.scratchSize;
    while (off < chunk.length) {
      if (this._fd < 0) { cb(errors().codedError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed')); return; }
      const n = Math.min(size, chunk.length - off);
      scratch.set(chunk.subarray(off, off + n));
      const w = bridge(OP.Write, this._fd, n);
      if (w === EAGAIN) { this._waitWritable(() => this._writeFrom(chunk, off, cb)); return; }
      if (w < 0) { cb(errors().uvException(w, 'write')); return; }
      off += w;
      this._bytesWritten += w;
    }
    this._touch();
    cb();
  }
  _waitWritable(then) {
    const id = internal.nextId();
    this._writeWatch = id;
    internal.callbacks.set(id, () => { internal.callbacks.delete(id); this._writeWatch = 0; then(); });
    const r = bridge(OP.WriteWatch, this._fd, id);
    if (r < 0) { internal.callbacks.delete(id); this._writeWatch = 0; this.destroy(errors().uvException(r, 'write')); }
  }
  _final(cb) {
    if (this.connecting) { this.once('connect', () => this._final(cb)); return; }
    if (this._fd >= 0) bridge(OP.NetShutdown, this._fd, 1);
    cb();
  }

  // ---- closing ----
  _destroy(err, cb) {
    this.connecting = false;
    this._stopReading();
    if (this._writeWatch) { bridge(OP.ReadStop, this._writeWatch); internal.callbacks.delete(this._writeWatch); this._writeWatch = 0; }
    this._clearTimer();
    if (this._fd >= 0) { bridge(OP.Close, this._fd); this._fd = -1; }
    if (err) this[kHadError] = true;
    cb(err);
  }
  emit(event, ...args) {
    if (event === 'close' && args.length === 0) {
      if (this._server) this._server._connectionClosed(this);
      return super.emit('close', this[kHadError]);
    }
    return super.emit(event, ...args);
  }
  destroySoon() { if (this.writable) this.end(); if (this.writableFinished) this.destroy(); else this.once('finish', () => this.destroy()); }
  resetAndDestroy() { return this.destroy(); }

  // ---- options that have no effect on an in-VM connection ----
  setNoDelay() { return this; }
  setKeepAlive() { return this; }
  setTimeout(ms, cb) {
    this._timeoutMs = Math.max(0, Number(ms) || 0);
    if (cb) { if (this._timeoutMs === 0) this.removeListener('timeout', cb); else this.once('timeout', cb); }
    this._touch();
    return this;
  }
  _touch() {
    this._clearTimer();
    if (this._timeoutMs > 0 && !this.destroyed) {
      this._timer = setTimeout(() => { this._timer = null; this.emit('timeout'); }, this._timeoutMs);
      if (this._timer.unref) this._timer.unref();
    }
  }
  _clearTimer() { if (this._timer) { clearTimeout(this._timer); this._timer = null; } }
  ref() { this._refed = true; if (this._readWatch) bridge(OP.HandleRef, this._readWatch, true); return this; }
  unref() { this._refed = false; if (this._readWatch) bridge(OP.HandleRef, this._readWatch, false); return this; }
}

function normalizeConnectArgs(args) {
  let options = {};
  if (args.length && args[0] !== null && typeof args[0] === 'object') options = { ...args[0] };
  else if (typeof args[0] === 'string' && isNaN(Number(args[0]))) options.path = args[0];
  else {
    options.port = args[0];
    if (typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

function connect(...args) {
  const [options] = normalizeConnectArgs(args);
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(...args);
}

// ---------------------------------------------------------------- Server
class Server extends EventEmitter {
  constructor(options, connectionListener) {
    super();
    if (typeof options === 'function') { connectionListener = options; options = {}; }
    this._options = options || {};
    if (connectionListener) this.on('connection', connectionListener);
    this._fd = -1;
    this._watch = 0;
    this._connections = new Set();
    this._refed = true;
    this._address = null;
    this._closing = false;
    this.maxConnections = undefined;
  }

  get listening() { return this._fd >= 0; }
  get connections() { return this._connections.size; }

  listen(...args) {
    let cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    let port = 0;
    let host;
    let backlog = 511;
    if (args.length && args[0] !== null && typeof args[0] === 'object') {
      const o = args[0];
      if (o.path != null) throw errors().notSupported('net: listening on a Unix socket path');
      port = o.port ?? 0;
      host = o.host;
      if (o.backlog) backlog = o.backlog;
    } else if (typeof args[0] === 'string' && isNaN(Number(args[0]))) {
      throw errors().notSupported('net: listening on a Unix socket path');
    } else {
      if (args[0] !== undefined && args[0] !== null) port = args[0];
      if (typeof args[1] === 'string') { host = args[1]; if (typeof args[2] === 'number') backlog = args[2]; }
      else if (typeof args[1] === 'number') backlog = args[1];
    }
    port = validatePort(port, 'options.port');
    if (this._fd >= 0) throw errors().codedError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
    if (cb) this.once('listening', cb);
    const bindHost = host === undefined || host === null ? '::' : host === 'localhost' ? '127.0.0.1' : host;
    const fd = bridge(OP.NetListen, bindHost, port, backlog);
    if (fd < 0) {
      nextTick(() => this.emit('error', exceptionWithHostPort(fd, 'listen', bindHost, port)));
      return this;
    }
    this._fd = fd;
    this._closing = false;
    const local = splitAddress(bridge(OP.NetAddress, fd, false));
    this._address = { address: local.address, family: familyOf(local.address), port: local.port };
    const id = internal.nextId();
    this._watch = id;
    internal.callbacks.set(id, (newFd) => this._onAccept(newFd));
    bridge(OP.AcceptStart, fd, id);
    if (!this._refed) bridge(OP.HandleRef, id, false);
    nextTick(() => { if (this._fd === fd) this.emit('listening'); });
    return this;
  }

  _onAccept(fd) {
    if (fd < 0) { this.emit('error', errors().uvException(fd, 'accept')); return; }
    if (this.maxConnections !== undefined && this._connections.size >= this.maxConnections) {
      bridge(OP.Close, fd);
      this.emit('drop', {});
      return;
    }
    const socket = new Socket({ fd, allowHalfOpen: !!this._options.allowHalfOpen });
    socket.server = this;
    socket._server = this;
    this._connections.add(socket);
    if (this._options.pauseOnConnect) socket.pause();
    this.emit('connection', socket);
  }

  _connectionClosed(socket) {
    if (this._connections.delete(socket)) this._maybeClosed();
  }

  _maybeClosed() {
    if (this._closing && this._fd < 0 && this._connections.size === 0 && !this._closeEmitted) {
      this._closeEmitted = true;
      nextTick(() => this.emit('close'));
    }
  }

  address() { return this._fd >= 0 ? { ...this._address } : null; }

  close(cb) {
    if (this._fd < 0) {
      if (cb) nextTick(cb, errors().codedError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
      return this;
    }
    if (cb) this.once('close', cb);
    bridge(OP.ReadStop, this._watch);
    internal.callbacks.delete(this._watch);
    this._watch = 0;
    bridge(OP.Close, this._fd);
    this._fd = -1;
    this._closing = true;
    this._closeEmitted = false;
    this._maybeClosed();
    return this;
  }

  getConnections(cb) { nextTick(cb, null, this._connections.size); return this; }
  ref() { this._refed = true; if (this._watch) bridge(OP.HandleRef, this._watch, true); return this; }
  unref() { this._refed = false; if (this._watch) bridge(OP.HandleRef, this._watch, false); return this; }
  [Symbol.asyncDispose]() { return new Promise((resolve) => { if (this._fd < 0) resolve(); else this.close(() => resolve()); }); }
}

function createServer(options, connectionListener) { return new Server(options, connectionListener); }

class BlockList { constructor() { throw errors().notSupported('net.BlockList'); } }
class SocketAddress { constructor() { throw errors().notSupported('net.SocketAddress'); } }

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

module.exports = {
  Socket, Stream: Socket, Server, createServer, connect, createConnection: connect,
  isIP, isIPv4, isIPv6, BlockList, SocketAddress,
  getDefaultAutoSelectFamily: () => autoSelectFamily,
  setDefaultAutoSelectFamily: (v) => { autoSelectFamily = !!v; },
  getDefaultAutoSelectFamilyAttemptTimeout: () => autoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout: (v) => { autoSelectFamilyAttemptTimeout = v; },
  _exceptionWithHostPort: exceptionWithHostPort, _normalizeConnectArgs: normalizeConnectArgs,
};
