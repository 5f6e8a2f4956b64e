// node:internal/child_process/channel — Node's IPC channel (setupChannel) over a kernel socket-pair fd:
// send(), 'message', disconnect()/'disconnect', connected, and the channel object (Control) with ref()/unref().
// The parent's channel keeps its loop alive; the child's only while it has 'message'/'disconnect' listeners.
'use strict';
const { bridge, OP, scratch } = internal;
const errors = internal.errors;
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const formats = require('internal/child_process/serialization');

const EAGAIN = -Number(Object.keys(internal.info.errnos).find((k) => internal.info.errnos[k][0] === 'EAGAIN'));
const HIGH_WATER = 65536 * 2; // send() returns false past this many queued bytes, as Node

function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.length > 5 && message.cmd.startsWith('NODE_');
}

// What target.channel is (Node's Control): reference counting for the listeners, explicit ref()/unref().
class Control extends EventEmitter {
  #pipe;
  #refs = 0;
  #refExplicitlySet = false;
  constructor(pipe) { super(); this.#pipe = pipe; }
  refCounted() { if (++this.#refs === 1 && !this.#refExplicitlySet) this.#pipe.setRef(true); }
  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) { this.#pipe.setRef(false); this.emit('unref'); }
  }
  ref() { this.#refExplicitlySet = true; this.#pipe.setRef(true); }
  unref() { this.#refExplicitlySet = true; this.#pipe.setRef(false); }
  get fd() { return this.#pipe.fd >= 0 ? this.#pipe.fd : undefined; }
}

// The fd itself: one read watcher delivering chunks, and a write queue drained with WriteTry/WriteWatch.
class ChannelPipe {
  constructor(fd, refed, onChunk, onEnd) {
    this.fd = fd;
    this.refed = refed;
    this.readWatch = 0;
    this.queue = []; // { bytes, off, done(err) }
    this.queuedBytes = 0;
    this.writeWatch = 0;
    this.onChunk = onChunk;
    this.onEnd = onEnd;
  }
  readStart() {
    const id = internal.nextId();
    this.readWatch = id;
    internal.callbacks.set(id, internal.actx.bind((n) => this.onRead(n)));
    const r = bridge(OP.ReadStart, this.fd, id);
    if (r < 0) { this.readStop(); internal.nextTick(() => this.onEnd()); return; }
    if (!this.refed) bridge(OP.HandleRef, id, false);
  }
  readStop() {
    if (!this.readWatch) return;
    bridge(OP.ReadStop, this.readWatch);
    internal.callbacks.delete(this.readWatch);
    this.readWatch = 0;
  }
  onRead(n) {
    if (n > 0) { this.onChunk(Buffer.from(scratch.slice(0, n).buffer)); return; }
    this.readStop(); // EOF or an error (ECONNRESET): the peer is gone
    this.onEnd();
  }
  setRef(value) {
    this.refed = value;
    if (this.readWatch) bridge(OP.HandleRef, this.readWatch, value);
  }
  write(bytes, done) {
    this.queue.push({ bytes, off: 0, done });
    this.queuedBytes += bytes.length;
    if (this.queue.length === 1) return this.flush();
    return false;
  }
  // Writes what fits now; true when the queue emptied without waiting.
  flush() {
    const { scratchSize } = internal;
    while (this.queue.length) {
      const head = this.queue[0];
      while (head.off < head.bytes.length) {
        if (this.fd < 0) return false; // closed: the queue was dropped
        const n = Math.min(scratchSize, head.bytes.length - head.off);
        scratch.set(head.bytes.subarray(head.off, head.off + n));
        const w = bridge(OP.WriteTry, this.fd, n);
        if (w === EAGAIN) { this.waitWritable(); return false; }
        if (w < 0) { this.failAll(errors.uvException(w, 'write')); return false; }
        head.off += w;
        this.queuedBytes -= w;
      }
      this.queue.shift();
      head.done(null, this.writeWatch !== 0);
    }
    return true;
  }
  waitWritable() {
    const id = internal.nextId();
    this.writeWatch = id;
    internal.callbacks.set(id, internal.actx.bind(() => {
      internal.callbacks.delete(id);
      this.flush();
      if (this.writeWatch === id) this.writeWatch = 0;
      if (!this.queue.length && this.onDrained) this.onDrained();
    }));
    const r = bridge(OP.WriteWatch, this.fd, id);
    if (r < 0) { internal.callbacks.delete(id); this.writeWatch = 0; this.failAll(errors.uvException(r, 'write')); }
  }
  failAll(err) {
    const pending = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    for (const p of pending) p.done(err, true);
  }
  close() {
    this.readStop();
    if (this.writeWatch) { bridge(OP.ReadStop, this.writeWatch); internal.callbacks.delete(this.writeWatch); this.writeWatch = 0; }
    if (this.fd >= 0) bridge(OP.Close, this.fd);
    this.fd = -1;
    const unsent = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    for (const p of unsent) p.done(null, false); // as Node: a send cut off by the close still calls back with null
  }
}

/**
 * Gives `target` (a ChildProcess, or `process` in a forked child) Node's IPC methods over `fd`.
 * `onClosed` runs when the peer ends the channel (a ChildProcess counts it towards 'close').
 */
function setupChannel(target, fd, serializationMode, { refed, onClosed } = {}) {
  const format = serializationMode === 'advanced' ? formats.advanced : formats.json;
  const decode = format.createDecoder();
  const pipe = new ChannelPipe(fd, refed !== false, onChunk, onEnd);
  const control = new Control(pipe);
  let disconnectWhenDrained = false;

  target.channel = control;
  Object.defineProperty(target, '_channel', {
    configurable: true, enumerable: false,
    get() { return target.channel; },
    set(v) { target.channel = v; },
  });
  target.connected = true;

  function onChunk(chunk) {
    let messages;
    try {
      messages = decode(chunk);
    } catch (err) { // a corrupt frame from the peer: Node throws from the read callback too
      internal.nextTick(() => { throw err; });
      return;
    }
    for (const message of messages) {
      const event = isInternal(message) ? 'internalMessage' : 'message';
      internal.nextTick(() => target.emit(event, message, undefined));
    }
  }
  function onEnd() {
    pipe.close();
    if (target.connected) target.disconnect();
    else if (target.channel) target._disconnect();
    if (onClosed) onClosed();
  }

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') { callback = handle; handle = undefined; options = undefined; }
    else if (typeof options === 'function') { callback = options; options = undefined; }
    else if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw errors.invalidArgType('options', 'Object', options);
    }
    if (this.connected) return this._send(message, handle, options, callback);
    const ex = errors.codedError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
    if (typeof callback === 'function') internal.nextTick(() => callback(ex));
    else internal.nextTick(() => this.emit('error', ex));
    return false;
  };

  target._send = function _send(message, handle, options, callback) {
    if (message === undefined) throw errors.missingArgs('message');
    if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' && typeof message !== 'boolean') {
      throw errors.invalidArgType('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (handle !== undefined && handle !== null) throw errors.notSupported('child_process IPC handle passing (sendHandle)');
    const bytes = format.encode(message);
    const swallowErrors = options && options.swallowErrors;
    pipe.write(bytes, (err, waited) => {
      if (err) {
        if (typeof callback === 'function') internal.nextTick(() => callback(err));
        else if (!swallowErrors) internal.nextTick(() => this.emit('error', err));
        return;
      }
      if (typeof callback !== 'function') return;
      if (waited) callback(null);
      else internal.nextTick(() => callback(null));
    });
    return pipe.queuedBytes < HIGH_WATER;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', errors.codedError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
      return;
    }
    this.connected = false; // no new messages; queued ones still go out first
    if (pipe.queue.length && pipe.fd >= 0) disconnectWhenDrained = true;
    else this._disconnect();
  };
  pipe.onDrained = () => { if (disconnectWhenDrained) { disconnectWhenDrained = false; target._disconnect(); } };

  target._disconnect = function _disconnect() {
    this.channel = null;
    pipe.readStop();
    internal.nextTick(() => {
      pipe.close();
      target.emit('disconnect');
    });
  };

  pipe.readStart();
  return control;
}

module.exports = { setupChannel };
