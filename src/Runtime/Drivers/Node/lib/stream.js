// node:stream — Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished, compose, Duplex.from and the
// Readable operators: a compact implementation of Node's stream state machines (flowing/paused modes, backpressure,
// 'drain', end/finish/close). pipeline, finished, compose and the operators live in internal/streams/.
'use strict';
const EE = require('events');
const { nextTick } = internal;
const errors = () => internal.errors;
let BufferCtor;
const Buf = () => BufferCtor || (BufferCtor = require('buffer').Buffer);

function Stream(opts) { EE.call(this, opts); }
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);
Stream.prototype.pipe = function (dest, options) { return Readable.prototype.pipe.call(this, dest, options); };

function streamError(code, message) { return errors().codedError(Error, code, message); }

// ---------------------------------------------------------------- Readable
// Node 22's defaults (64 KiB, 16 objects), changeable per process with setDefaultHighWaterMark.
const defaultHighWaterMark = { bytes: 65536, objects: 16 };
function getDefaultHighWaterMark(objectMode) { return objectMode ? defaultHighWaterMark.objects : defaultHighWaterMark.bytes; }
function setDefaultHighWaterMark(objectMode, value) {
  if (typeof value !== 'number') throw internal.errors.invalidArgType('value', 'number', value);
  if (!Number.isInteger(value)) throw internal.errors.outOfRange('value', 'an integer', value);
  if (value < 0 || value > Number.MAX_SAFE_INTEGER) throw internal.errors.outOfRange('value', `>= 0 && <= ${Number.MAX_SAFE_INTEGER}`, value);
  defaultHighWaterMark[objectMode ? 'objects' : 'bytes'] = value;
}

function Readable(options = {}) {
  if (!(this instanceof Readable)) return new Readable(options);
  Stream.call(this, options);
  const objectMode = !!(options.objectMode || options.readableObjectMode);
  this._readableState = {
    objectMode, highWaterMark: options.highWaterMark ?? options.readableHighWaterMark ?? getDefaultHighWaterMark(objectMode),
    buffer: [], length: 0, flowing: null, ended: false, endEmitted: false, reading: false, sync: false,
    decoder: null, encoding: null, destroyed: false, errored: null, closed: false, flowScheduled: false,
    readableListening: false, emittedReadable: false, autoDestroy: options.autoDestroy !== false, emitClose: options.emitClose !== false,
    pipes: [], dataEmitted: false,
  };
  if (options.encoding) this.setEncoding(options.encoding);
  if (typeof options.read === 'function') this._read = options.read;
  if (typeof options.destroy === 'function') this._destroy = options.destroy;
  if (typeof options.construct === 'function') this._construct = options.construct;
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

Readable.prototype._read = function () { throw errors().codedError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The _read() method is not implemented'); };

Readable.prototype.push = function (chunk, encoding) {
  const s = this._readableState;
  if (chunk === null) {
    s.reading = false;
    if (!s.ended) {
      s.ended = true;
      if (s.decoder) { const rest = s.decoder.end(); if (rest) { s.buffer.push(rest); s.length += rest.length; } }
      scheduleFlow(this);
    }
    return false;
  }
  if (s.ended) { this.destroy(streamError('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF')); return false; }
  if (!s.objectMode) {
    if (typeof chunk === 'string') chunk = Buf().from(chunk, encoding || 'utf8');
    else if (chunk instanceof Uint8Array && !Buf().isBuffer(chunk)) chunk = Buf().from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else if (!(chunk instanceof Uint8Array)) { this.destroy(errors().invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk)); return false; }
    if (s.decoder) chunk = s.decoder.write(chunk);
    if (chunk.length === 0) { s.reading = false; return true; }
  }
  s.reading = false;
  s.buffer.push(chunk);
  s.length += s.objectMode ? 1 : chunk.length;
  scheduleFlow(this);
  return s.length < s.highWaterMark;
};

Readable.prototype.unshift = function (chunk) {
  const s = this._readableState;
  if (chunk === null) return this.push(null);
  if (typeof chunk === 'string' && !s.decoder && !s.objectMode) chunk = Buf().from(chunk);
  s.buffer.unshift(chunk);
  s.length += s.objectMode ? 1 : chunk.length;
  scheduleFlow(this);
  return s.length < s.highWaterMark;
};

function scheduleFlow(stream) {
  const s = stream._readableState;
  if (s.flowScheduled) return;
  s.flowScheduled = true;
  nextTick(flow, stream);
}

function flow(stream) {
  const s = stream._readableState;
  s.flowScheduled = false;
  if (s.destroyed) return;
  if (s.flowing) {
    while (s.flowing && s.buffer.length > 0 && !s.destroyed) {
      const chunk = s.buffer.shift();
      s.length -= s.objectMode ? 1 : chunk.length;
      s.dataEmitted = true;
      stream.emit('data', chunk);
    }
  } else if (s.readableListening && (s.buffer.length > 0 || s.ended) && !s.emittedReadable) {
    s.emittedReadable = true;
    stream.emit('readable');
    s.emittedReadable = false;
  }
  if (s.ended) {
    if (s.buffer.length === 0) endReadable(stream);
    return;
  }
  if (!s.reading && s.length < s.highWaterMark && (s.flowing || s.readableListening || s.length === 0) && s.flowing !== false) {
    s.reading = true;
    try { stream._read(s.objectMode ? 16 : s.highWaterMark); } catch (err) { stream.destroy(err); }
  } else if (!s.reading && s.flowing === false && s.readableListening && s.length < s.highWaterMark) {
    s.reading = true;
    try { stream._read(s.highWaterMark); } catch (err) { stream.destroy(err); }
  }
}

function endReadable(stream) {
  const s = stream._readableState;
  if (s.endEmitted || s.destroyed) return;
  if (!(s.flowing === true || s.readableListening || s.readCalled)) return; // nobody consumed the data yet
  s.endEmitted = true;
  stream.emit('end');
  const w = stream._writableState;
  if (s.autoDestroy && (!w || (w.finished && w.autoDestroy !== false))) stream.destroy();
  else if (w && !stream.allowHalfOpen && !w.ending) stream.end();
}

Readable.prototype.read = function (n) {
  const s = this._readableState;
  if (n === 0) { // start reading (or notice the end) without consuming anything
    s.readCalled = true;
    if (s.ended) { if (s.buffer.length === 0) { s.readCalled = true; scheduleFlow(this); } }
    else if (!s.reading && s.length < s.highWaterMark) { s.reading = true; try { this._read(s.highWaterMark); } catch (err) { this.destroy(err); } }
    return null;
  }
  s.readCalled = true;
  if (s.buffer.length === 0) {
    if (s.ended) scheduleFlow(this);
    else if (!s.reading) { s.reading = true; try { this._read(s.highWaterMark); } catch (err) { this.destroy(err); } }
    return null;
  }
  let chunk;
  if (s.objectMode) { chunk = s.buffer.shift(); s.length--; }
  else if (n === undefined || n >= s.length) {
    chunk = s.decoder || typeof s.buffer[0] === 'string' ? s.buffer.join('') : Buf().concat(s.buffer);
    s.buffer = [];
    s.length = 0;
  } else {
    const all = s.decoder || typeof s.buffer[0] === 'string' ? s.buffer.join('') : Buf().concat(s.buffer);
    chunk = all.slice(0, n);
    s.buffer = [all.slice(n)];
    s.length -= n;
  }
  s.dataEmitted = true;
  if (s.ended && s.buffer.length === 0) scheduleFlow(this);
  else if (!s.reading && s.length < s.highWaterMark) scheduleFlow(this);
  return chunk;
};

Readable.prototype.on = function (ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const s = this._readableState;
  if (ev === 'data') {
    if (s.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    s.readableListening = true;
    s.flowing = false;
    scheduleFlow(this);
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.resume = function () {
  const s = this._readableState;
  if (!s.flowing) {
    s.flowing = !s.readableListening;
    scheduleFlow(this);
    nextTick(() => this.emit('resume'));
  }
  return this;
};
Readable.prototype.pause = function () {
  const s = this._readableState;
  if (s.flowing !== false) { s.flowing = false; this.emit('pause'); }
  return this;
};
Readable.prototype.isPaused = function () { return this._readableState.flowing === false; };
Readable.prototype.setEncoding = function (enc) {
  const { StringDecoder } = require('string_decoder');
  const s = this._readableState;
  s.decoder = new StringDecoder(enc);
  s.encoding = s.decoder.encoding;
  const old = s.buffer;
  s.buffer = [];
  s.length = 0;
  for (const c of old) { const t = s.decoder.write(c); if (t) { s.buffer.push(t); s.length += t.length; } }
  return this;
};

Readable.prototype.pipe = function (dest, options = {}) {
  const src = this;
  const s = this._readableState;
  s.pipes.push(dest);
  const ondata = (chunk) => { if (dest.write(chunk) === false) src.pause(); };
  const ondrain = () => src.resume();
  const onend = () => { if (options.end !== false && dest !== internal.process.stdout && dest !== internal.process.stderr) dest.end(); };
  src.on('data', ondata);
  dest.on('drain', ondrain);
  src.once('end', onend);
  dest._pipeCleanup = () => { src.removeListener('data', ondata); dest.removeListener('drain', ondrain); src.removeListener('end', onend); };
  dest.emit('pipe', src);
  if (!s.flowing) src.resume();
  return dest;
};
Readable.prototype.unpipe = function (dest) {
  const s = this._readableState;
  for (const d of dest ? [dest] : s.pipes.slice()) {
    const i = s.pipes.indexOf(d);
    if (i >= 0) s.pipes.splice(i, 1);
    if (d._pipeCleanup) d._pipeCleanup();
    d.emit('unpipe', this);
  }
  if (s.pipes.length === 0) this.pause();
  return this;
};

Readable.prototype[Symbol.asyncIterator] = function () { return asyncIterator(this, true); };
// readable.iterator({ destroyOnReturn }): breaking out of the loop destroys the stream unless destroyOnReturn is false.
Readable.prototype.iterator = function (options) {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw errors().invalidArgType('options', 'object', options);
  }
  return asyncIterator(this, !options || options.destroyOnReturn !== false);
};
/**
 * Reads in paused mode ('readable' + read()), as Node does: a byte stream yields what is buffered as one chunk.
 * A stream closed before its end throws ERR_STREAM_PREMATURE_CLOSE. Leaving the loop early (or an error) destroys
 * the stream, unless destroyOnReturn is false.
 */
function asyncIterator(stream, destroyOnReturn) {
  let wake = null;
  const next = () => { if (wake) { const w = wake; wake = null; w(); } };
  let error; // undefined: still running; null: ended cleanly
  stream.on('readable', next);
  const cleanup = finished(stream, { writable: false }, (err) => {
    error = err || null;
    next();
  });
  return (async function* () {
    try {
      for (;;) {
        const chunk = stream.destroyed ? null : stream.read();
        if (chunk !== null) yield chunk;
        else if (error) throw error;
        else if (error === null) return;
        else await new Promise((resolve) => { wake = resolve; });
      }
    } catch (err) {
      error = err;
      throw err;
    } finally {
      if ((error || destroyOnReturn) && (error === undefined || stream._readableState.autoDestroy)) {
        stream.destroy(null);
      } else {
        stream.removeListener('readable', next);
        cleanup();
      }
    }
  })();
}

Readable.prototype.destroy = function (err, cb) { return destroyImpl(this, err, cb); };
Readable.prototype._destroy = function (err, cb) { cb(err); };
Readable.prototype.wrap = function (old) { old.on('data', (c) => this.push(c)); old.on('end', () => this.push(null)); this._read = () => {}; return this; };

require('internal/streams/operators').install(Readable);

for (const [name, get] of Object.entries({
  readable: function () { const s = this._readableState; return !s.destroyed && !s.endEmitted; },
  readableEnded: function () { return this._readableState.endEmitted; },
  readableFlowing: function () { return this._readableState.flowing; },
  readableLength: function () { return this._readableState.length; },
  readableEncoding: function () { return this._readableState.encoding; },
  readableHighWaterMark: function () { return this._readableState.highWaterMark; },
  readableObjectMode: function () { return this._readableState.objectMode; },
  readableDidRead: function () { return this._readableState.dataEmitted; },
  readableAborted: function () { const s = this._readableState; return !!(s.readable !== false && (s.destroyed || s.errored) && !s.endEmitted); },
  destroyed: function () { return (this._readableState || this._writableState).destroyed; },
  closed: function () { return (this._readableState || this._writableState).closed; },
  errored: function () { return (this._readableState || this._writableState).errored; },
})) Object.defineProperty(Readable.prototype, name, { get, configurable: true, enumerable: false });

Readable.from = function from(iterable, opts) { return require('internal/streams/from')(Readable, iterable, opts); };
Readable.fromWeb = function fromWeb(readableStream, options) { return require('internal/streams/fromweb').readableFromWeb(readableStream, options); };

// ---------------------------------------------------------------- Writable
function Writable(options = {}) {
  if (!(this instanceof Writable) && !(this instanceof Duplex)) return new Writable(options);
  Stream.call(this, options);
  initWritable(this, options);
}
function initWritable(stream, options) {
  const objectMode = !!(options.objectMode || options.writableObjectMode);
  stream._writableState = {
    objectMode, highWaterMark: options.highWaterMark ?? options.writableHighWaterMark ?? getDefaultHighWaterMark(objectMode),
    decodeStrings: options.decodeStrings !== false, defaultEncoding: options.defaultEncoding || 'utf8',
    length: 0, writing: false, queue: [], needDrain: false, ending: false, ended: false, finished: false,
    finalCalled: false, corked: 0, destroyed: false, errored: null, closed: false, autoDestroy: options.autoDestroy !== false,
    emitClose: options.emitClose !== false, pendingCallbacks: 0,
  };
  if (typeof options.write === 'function') stream._write = options.write;
  if (typeof options.writev === 'function') stream._writev = options.writev;
  if (typeof options.final === 'function') stream._final = options.final;
  if (typeof options.destroy === 'function') stream._destroy = options.destroy;
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);

Writable.prototype._write = function (chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw errors().codedError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The _write() method is not implemented');
};

Writable.prototype.write = function (chunk, encoding, cb) {
  const s = this._writableState;
  if (typeof encoding === 'function') { cb = encoding; encoding = null; }
  encoding = encoding || s.defaultEncoding;
  if (chunk === null) throw errors().codedError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  if (!s.objectMode) {
    if (typeof chunk === 'string') { if (s.decodeStrings) { chunk = Buf().from(chunk, encoding); encoding = 'buffer'; } }
    else if (chunk instanceof Uint8Array) encoding = 'buffer';
    else throw errors().invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
  if (s.ending || s.destroyed) {
    const err = s.destroyed ? streamError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed')
      : streamError('ERR_STREAM_WRITE_AFTER_END', 'write after end');
    nextTick(() => { if (cb) cb(err); if (!s.destroyed) this.destroy(err); });
    return false;
  }
  const len = s.objectMode ? 1 : chunk.length;
  s.length += len;
  const ret = s.length < s.highWaterMark;
  if (!ret) s.needDrain = true;
  if (s.writing || s.corked) s.queue.push({ chunk, encoding, cb, len });
  else doWrite(this, chunk, encoding, cb, len);
  return ret;
};

function doWrite(stream, chunk, encoding, cb, len) {
  const s = stream._writableState;
  s.writing = true;
  let sync = true;
  let called = false;
  const onwrite = (err) => {
    if (called) return;
    called = true;
    s.writing = false;
    s.length -= len;
    if (err) {
      s.errored = err;
      const done = () => { if (cb) cb(err); stream.destroy(err); };
      sync ? nextTick(done) : done();
      return;
    }
    const after = () => {
      if (cb) cb(null);
      if (s.needDrain && s.length === 0 && !s.ending && !s.destroyed) { s.needDrain = false; stream.emit('drain'); }
      finishMaybe(stream);
    };
    if (s.queue.length && !s.corked) {
      const next = s.queue.shift();
      doWrite(stream, next.chunk, next.encoding, next.cb, next.len);
    }
    sync ? nextTick(after) : after();
  };
  try { stream._write(chunk, encoding === 'buffer' ? 'buffer' : encoding, onwrite); } catch (err) { onwrite(err); }
  sync = false;
}

function finishMaybe(stream) {
  const s = stream._writableState;
  if (!s.ending || s.finished || s.writing || s.queue.length || s.length > 0 || s.destroyed) return;
  if (!s.finalCalled) {
    s.finalCalled = true;
    if (typeof stream._final === 'function') {
      stream._final((err) => {
        if (err) { stream.destroy(err); return; }
        s.finalDone = true;
        finishMaybe(stream);
      });
      return;
    }
    s.finalDone = true;
  }
  if (!s.finalDone) return;
  s.finished = true;
  nextTick(() => {
    stream.emit('prefinish');
    stream.emit('finish');
    const r = stream._readableState;
    if (s.autoDestroy && (!r || r.endEmitted)) stream.destroy();
  });
}

Writable.prototype.end = function (chunk, encoding, cb) {
  const s = this._writableState;
  if (typeof chunk === 'function') { cb = chunk; chunk = null; encoding = null; }
  else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
  if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
  if (s.corked) { s.corked = 1; this.uncork(); }
  if (cb) {
    if (s.finished) nextTick(cb);
    else this.once('finish', () => cb());
  }
  if (!s.ending) {
    s.ending = true;
    s.ended = true;
    finishMaybe(this);
  }
  return this;
};
Writable.prototype.cork = function () { this._writableState.corked++; };
Writable.prototype.uncork = function () {
  const s = this._writableState;
  if (s.corked && --s.corked === 0 && !s.writing && s.queue.length) {
    const next = s.queue.shift();
    doWrite(this, next.chunk, next.encoding, next.cb, next.len);
  }
};
Writable.prototype.setDefaultEncoding = function (enc) { this._writableState.defaultEncoding = enc; return this; };
Writable.prototype.destroy = function (err, cb) { return destroyImpl(this, err, cb); };
Writable.prototype._destroy = function (err, cb) { cb(err); };
for (const [name, get] of Object.entries({
  writable: function () { const s = this._writableState; return !s.destroyed && !s.ending; },
  writableEnded: function () { return this._writableState.ending; },
  writableFinished: function () { return this._writableState.finished; },
  writableLength: function () { return this._writableState.length; },
  writableHighWaterMark: function () { return this._writableState.highWaterMark; },
  writableNeedDrain: function () { return this._writableState.needDrain; },
  writableObjectMode: function () { return this._writableState.objectMode; },
  writableCorked: function () { return this._writableState.corked; },
  destroyed: function () { return this._writableState.destroyed; },
  closed: function () { return this._writableState.closed; },
})) Object.defineProperty(Writable.prototype, name, { get, configurable: true, enumerable: false });

function destroyImpl(stream, err, cb) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((r && r.destroyed) || (w && w.destroyed)) { if (cb) cb(err); return stream; }
  if (r) { r.destroyed = true; if (err) r.errored = err; }
  if (w) { w.destroyed = true; if (err) w.errored = err; }
  stream._destroy(err || null, (e) => {
    nextTick(() => {
      if (e) stream.emit('error', e);
      if (r) r.closed = true;
      if (w) w.closed = true;
      if ((r ? r.emitClose : true) && (w ? w.emitClose : true)) stream.emit('close');
      if (cb) cb(e);
    });
  });
  return stream;
}

// ---------------------------------------------------------------- Duplex, Transform, PassThrough
function Duplex(options = {}) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  Readable.call(this, options);
  initWritable(this, options);
  this.allowHalfOpen = options.allowHalfOpen !== false;
  if (options.readable === false) { this._readableState.ended = true; this._readableState.endEmitted = true; }
  if (options.writable === false) { this._writableState.ending = true; this._writableState.finished = true; }
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);
for (const key of Object.getOwnPropertyNames(Writable.prototype)) {
  if (key === 'constructor' || key === 'destroy' || key === 'destroyed' || key === 'closed' || key === '_destroy') continue;
  if (!Object.prototype.hasOwnProperty.call(Duplex.prototype, key)) {
    Object.defineProperty(Duplex.prototype, key, Object.getOwnPropertyDescriptor(Writable.prototype, key));
  }
}

Duplex.from = function from(body) { return require('internal/streams/duplexify').duplexify(body, 'body'); };
Duplex.fromWeb = function fromWeb(pair, options) { return require('internal/streams/fromweb').duplexFromWeb(pair, options); };
Writable.fromWeb = function fromWeb(writableStream, options) { return require('internal/streams/fromweb').writableFromWeb(writableStream, options); };

function Transform(options = {}) {
  if (!(this instanceof Transform)) return new Transform(options);
  Duplex.call(this, options);
  if (typeof options.transform === 'function') this._transform = options.transform;
  if (typeof options.flush === 'function') this._flush = options.flush;
  this._readableState.sync = false;
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);
Transform.prototype._transform = function () { throw errors().codedError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The _transform() method is not implemented'); };
// The write callback waits while the readable side is full (Node's Transform backpressure); _read releases it.
Transform.prototype._write = function (chunk, encoding, cb) {
  const r = this._readableState;
  const before = r.length;
  this._transform(chunk, encoding, (err, data) => {
    if (err) { cb(err); return; }
    if (data !== undefined && data !== null) this.push(data);
    if (this._writableState.ended || r.length === before || r.length < r.highWaterMark) cb();
    else this._transformCallback = cb;
  });
};
Transform.prototype._read = function () {
  const cb = this._transformCallback;
  if (cb) { this._transformCallback = null; cb(); }
};
Transform.prototype._final = function (cb) {
  const done = (err, data) => {
    if (err) { cb(err); return; }
    if (data !== undefined && data !== null) this.push(data);
    this.push(null);
    cb();
  };
  if (typeof this._flush === 'function') this._flush(done);
  else done();
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);
PassThrough.prototype._transform = function (chunk, enc, cb) { cb(null, chunk); };

// ---------------------------------------------------------------- helpers
const finished = require('internal/streams/finished');

Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.finished = finished;
Stream.pipeline = require('internal/streams/pipeline').pipeline;
Object.defineProperty(Stream, 'promises', { get() { return require('stream/promises'); }, enumerable: true, configurable: true });
const utils = require('internal/streams/utils');
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = (s) => !!(s && (s.readableDidRead || s.readableAborted));
Stream.destroy = (s, err) => { if (s && typeof s.destroy === 'function') s.destroy(err); };
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = (value) => value instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => Buf().from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
Stream.isErrored = (s) => !!(s && (s._readableState || s._writableState || {}).errored);
Stream.addAbortSignal = require('internal/streams/add_abort_signal');
Stream.compose = function compose(...streams) { return require('internal/streams/compose')(...streams); };
/**
 * stream.duplexPair (Node 22.6): two Duplex sides wired to each other. A write on one side is pushed to the other's
 * readable half; when that is full, the write's callback waits for the other side's next _read. Ending one side ends
 * the other's readable half.
 */
function duplexPair(options) {
  const sides = [new Duplex(options), new Duplex(options)];
  const waiting = [null, null]; // per side: the other side's write callback held back until this side reads
  sides.forEach((side, i) => {
    const other = sides[1 - i];
    side._read = () => {
      const callback = waiting[i];
      waiting[i] = null;
      if (callback) callback();
    };
    side._write = (chunk, encoding, callback) => {
      if (other.push(chunk)) callback();
      else waiting[1 - i] = callback;
    };
    side._final = (callback) => {
      other.on('end', callback);
      other.push(null);
    };
  });
  return sides;
}

Stream.duplexPair = duplexPair;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
module.exports = Stream;
