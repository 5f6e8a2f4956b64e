// Writable and WritableState, following the algorithm of Node 22's writable.js: one _write at a time, later writes
// (and corked ones) wait in `buffered` and go out one by one or as one _writev; a write whose callback comes back
// synchronously defers its user callback and 'drain' to the next tick (one tick for a run of writes with the same
// callback); end() waits for pending callbacks, calls _final, then emits 'prefinish' and 'finish'.
'use strict';
const EE = require('events');
const { Buffer } = require('buffer');
const { nextTick } = internal;
const { Stream } = require('internal/streams/legacy');
const destroyImpl = require('internal/streams/destroy');
const {
  kState, kOnConstructed, kObjectMode, kErrorEmitted, kAutoDestroy, kEmitClose, kDestroyed, kClosed, kCloseEmitted,
  kErrored, kConstructed, bitAccessor, valueAccessor, getHighWaterMark, getDefaultHighWaterMark,
  adoptOptions,
} = require('internal/streams/state');
const { errorOrDestroy } = destroyImpl;
const errors = () => internal.errors;

// Writable's own bits (Node 22 numbering).
const kSync = 1 << 9;
const kFinalCalled = 1 << 10;
const kNeedDrain = 1 << 11;
const kEnding = 1 << 12;
const kFinished = 1 << 13;
const kDecodeStrings = 1 << 14;
const kWriting = 1 << 15;
const kBufferProcessing = 1 << 16;
const kPrefinished = 1 << 17;
const kAllBuffers = 1 << 18;
const kAllNoop = 1 << 19;
const kOnFinished = 1 << 20;
const kHasWritable = 1 << 21;
const kWritable = 1 << 22;
const kCorked = 1 << 23;
const kDefaultUTF8Encoding = 1 << 24;
const kWriteCb = 1 << 25;
const kExpectWriteCb = 1 << 26;
const kAfterWriteTickInfo = 1 << 27;
const kAfterWritePending = 1 << 28;
const kBuffered = 1 << 29;
const kEnded = 1 << 30;

const kOnFinishedValue = Symbol('kOnFinishedValue');
const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
const kWriteCbValue = Symbol('kWriteCbValue');
const kAfterWriteTickInfoValue = Symbol('kAfterWriteTickInfoValue');
const kBufferedValue = Symbol('kBufferedValue');

function nop() {}

function streamError(Base, code, message) { return errors().codedError(Base, code, message); }
const destroyedError = (what) => streamError(Error, 'ERR_STREAM_DESTROYED', `Cannot call ${what} after a stream was destroyed`);
const multipleCallback = () => streamError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times');

function WritableState(options, stream, isDuplex) {
  this[kState] = kSync | kConstructed | kEmitClose | kAutoDestroy;
  if (options && (options.objectMode || (isDuplex && options.writableObjectMode))) this[kState] |= kObjectMode;
  this.highWaterMark = options ? getHighWaterMark(this, options, 'writableHighWaterMark', isDuplex) : getDefaultHighWaterMark(false);
  if (!options || options.decodeStrings !== false) this[kState] |= kDecodeStrings;
  if (options && options.emitClose === false) this[kState] &= ~kEmitClose;
  if (options && options.autoDestroy === false) this[kState] &= ~kAutoDestroy;
  const defaultEncoding = options ? options.defaultEncoding : null;
  if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
    this[kState] |= kDefaultUTF8Encoding;
  } else if (Buffer.isEncoding(defaultEncoding)) {
    this[kState] &= ~kDefaultUTF8Encoding;
    this[kDefaultEncodingValue] = defaultEncoding;
  } else {
    throw errors().unknownEncoding(defaultEncoding);
  }
  this.length = 0; // bytes (or objects) written and not yet called back
  this.corked = 0;
  this.onwrite = onwrite.bind(undefined, stream); // the callback every _write gets
  this.writelen = 0; // the length of the _write in progress
  resetBuffer(this);
  this.pendingcb = 0; // user callbacks not yet called; 'finish' waits for 0
}

function resetBuffer(state) {
  state[kBufferedValue] = null;
  state.bufferedIndex = 0;
  state[kState] = (state[kState] | kAllBuffers | kAllNoop) & ~kBuffered;
}

Object.defineProperties(WritableState.prototype, {
  objectMode: bitAccessor(kObjectMode),
  finalCalled: bitAccessor(kFinalCalled),
  needDrain: bitAccessor(kNeedDrain),
  ending: bitAccessor(kEnding),
  ended: bitAccessor(kEnded),
  finished: bitAccessor(kFinished),
  destroyed: bitAccessor(kDestroyed),
  decodeStrings: bitAccessor(kDecodeStrings),
  writing: bitAccessor(kWriting),
  sync: bitAccessor(kSync),
  bufferProcessing: bitAccessor(kBufferProcessing),
  constructed: bitAccessor(kConstructed),
  prefinished: bitAccessor(kPrefinished),
  errorEmitted: bitAccessor(kErrorEmitted),
  emitClose: bitAccessor(kEmitClose),
  autoDestroy: bitAccessor(kAutoDestroy),
  closed: bitAccessor(kClosed),
  closeEmitted: bitAccessor(kCloseEmitted),
  allBuffers: bitAccessor(kAllBuffers),
  allNoop: bitAccessor(kAllNoop),
  errored: valueAccessor(kErrored, kErroredValue),
  // undefined unless set (a Duplex built with writable: false has false)
  writable: {
    enumerable: false,
    get() { return (this[kState] & kHasWritable) !== 0 ? (this[kState] & kWritable) !== 0 : undefined; },
    set(value) {
      if (value == null) this[kState] &= ~(kHasWritable | kWritable);
      else if (value) this[kState] |= kHasWritable | kWritable;
      else this[kState] = (this[kState] | kHasWritable) & ~kWritable;
    },
  },
  defaultEncoding: {
    enumerable: false,
    get() { return (this[kState] & kDefaultUTF8Encoding) !== 0 ? 'utf8' : this[kDefaultEncodingValue]; },
    set(value) {
      if (value === 'utf8' || value === 'utf-8') {
        this[kState] |= kDefaultUTF8Encoding;
      } else {
        this[kState] &= ~kDefaultUTF8Encoding;
        this[kDefaultEncodingValue] = value;
      }
    },
  },
  writecb: valueAccessor(kWriteCb, kWriteCbValue, nop),
  afterWriteTickInfo: valueAccessor(kAfterWriteTickInfo, kAfterWriteTickInfoValue),
  buffered: {
    enumerable: false,
    get() { return (this[kState] & kBuffered) !== 0 ? this[kBufferedValue] : []; },
    set(value) {
      this[kBufferedValue] = value;
      if (value) this[kState] |= kBuffered;
      else this[kState] &= ~kBuffered;
    },
  },
});

/** The writes still waiting (after the one in progress), as { chunk, encoding, callback }. */
WritableState.prototype.getBuffer = function getBuffer() {
  return (this[kState] & kBuffered) === 0 ? [] : this.buffered.slice(this.bufferedIndex);
};

Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  enumerable: false,
  get() { return (this[kState] & kBuffered) === 0 ? 0 : this[kBufferedValue].length - this.bufferedIndex; },
});

WritableState.prototype[kOnConstructed] = function (stream) {
  if ((this[kState] & kWriting) === 0) clearBuffer(stream, this);
  if ((this[kState] & kEnding) !== 0) finishMaybe(stream, this);
};

function Writable(options) {
  if (!(this instanceof Writable)) return new Writable(options);
  if (this._events === undefined) {
    this._events = { close: undefined, error: undefined, prefinish: undefined, finish: undefined, drain: undefined };
  }
  this._writableState = new WritableState(options, this, false);
  if (options) adoptOptions(this, options, ['write', 'writev', 'destroy', 'final', 'construct']);
  Stream.call(this, options);
  if (this._construct != null) {
    destroyImpl.construct(this, () => { this._writableState[kOnConstructed](this); });
  }
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);
Writable.WritableState = WritableState;

// A Duplex (which inherits from Readable) is also instanceof Writable.
Object.defineProperty(Writable, Symbol.hasInstance, {
  value(object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  },
});

Writable.prototype.pipe = function () {
  errorOrDestroy(this, streamError(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'));
};

/** write() and end(chunk): returns true/false (below highWaterMark), or the error for a write after end/destroy. */
function writeChunk(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (cb == null || typeof cb !== 'function') cb = nop;
  if (chunk === null) throw streamError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  if ((state[kState] & kObjectMode) === 0) {
    if (!encoding) encoding = (state[kState] & kDefaultUTF8Encoding) !== 0 ? 'utf8' : state.defaultEncoding;
    else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw errors().unknownEncoding(encoding);
    if (typeof chunk === 'string') {
      if ((state[kState] & kDecodeStrings) !== 0) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Buffer) {
      encoding = 'buffer';
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      throw errors().invalidArgType('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }
  let err;
  if ((state[kState] & kEnding) !== 0) err = streamError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  else if ((state[kState] & kDestroyed) !== 0) err = destroyedError('write');
  if (err) {
    nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function (chunk, encoding, cb) {
  if (encoding != null && typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  return writeChunk(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function () {
  const state = this._writableState;
  state[kState] |= kCorked;
  state.corked++;
};

Writable.prototype.uncork = function () {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.corked) state[kState] &= ~kCorked;
    if ((state[kState] & kWriting) === 0) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) throw errors().unknownEncoding(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

// Writes now if nothing is in progress (and not corked or constructing), else queues.
function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
  state.length += len;
  if ((state[kState] & (kWriting | kErrored | kCorked | kConstructed)) !== kConstructed) {
    if ((state[kState] & kBuffered) === 0) {
      state[kState] |= kBuffered;
      state[kBufferedValue] = [];
    }
    state[kBufferedValue].push({ chunk, encoding, callback });
    if ((state[kState] & kAllBuffers) !== 0 && encoding !== 'buffer') state[kState] &= ~kAllBuffers;
    if ((state[kState] & kAllNoop) !== 0 && callback !== nop) state[kState] &= ~kAllNoop;
  } else {
    state.writelen = len;
    if (callback !== nop) state.writecb = callback;
    state[kState] |= kWriting | kSync | kExpectWriteCb;
    stream._write(chunk, encoding, state.onwrite);
    state[kState] &= ~kSync;
  }
  const ret = state.length < state.highWaterMark || state.length === 0;
  if (!ret) state[kState] |= kNeedDrain;
  // false once errored or destroyed, to stop a synchronous while (write()) loop
  return ret && (state[kState] & (kDestroyed | kErrored)) === 0;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  if (cb !== nop) state.writecb = cb;
  state[kState] |= kWriting | kSync | kExpectWriteCb;
  if ((state[kState] & kDestroyed) !== 0) state.onwrite(destroyedError('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state[kState] &= ~kSync;
}

function onwriteError(stream, state, err, cb) {
  --state.pendingcb;
  cb(err);
  errorBuffer(state); // the queued writes' callbacks run even without autoDestroy
  errorOrDestroy(stream, err);
}

function onwrite(stream, err) {
  const state = stream._writableState;
  if ((state[kState] & kExpectWriteCb) === 0) {
    errorOrDestroy(stream, multipleCallback());
    return;
  }
  const sync = (state[kState] & kSync) !== 0;
  const cb = (state[kState] & kWriteCb) !== 0 ? state[kWriteCbValue] : nop;
  state[kState] &= ~(kWriting | kExpectWriteCb | kWriteCb);
  state.length -= state.writelen;
  state.writelen = 0;

  if (err) {
    if ((state[kState] & kErrored) === 0) {
      state[kErroredValue] = err;
      state[kState] |= kErrored;
    }
    if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = err;
    if (sync) nextTick(onwriteError, stream, state, err, cb);
    else onwriteError(stream, state, err, cb);
    return;
  }
  if ((state[kState] & kBuffered) !== 0) clearBuffer(stream, state);
  if (!sync) {
    afterWrite(stream, state, 1, cb);
    return;
  }
  // Called back synchronously: the user callback and 'drain' wait for the next tick. Node 22 also defers in
  // object mode (its check `state & kDestroyed !== 0` reads the object-mode bit).
  const needDrain = (state[kState] & kNeedDrain) !== 0 && state.length === 0;
  const needTick = needDrain || (state[kState] & kObjectMode) !== 0 || cb !== nop;
  if (cb === nop) {
    if ((state[kState] & kAfterWritePending) === 0 && needTick) {
      nextTick(afterWrite, stream, state, 1, cb);
      state[kState] |= kAfterWritePending;
    } else {
      state.pendingcb--;
      if ((state[kState] & kEnding) !== 0) finishMaybe(stream, state, true);
    }
  } else if ((state[kState] & kAfterWriteTickInfo) !== 0 && state[kAfterWriteTickInfoValue].cb === cb) {
    state[kAfterWriteTickInfoValue].count++;
  } else if (needTick) {
    state[kAfterWriteTickInfoValue] = { count: 1, cb, stream, state };
    nextTick(afterWriteTick, state[kAfterWriteTickInfoValue]);
    state[kState] |= kAfterWritePending | kAfterWriteTickInfo;
  } else {
    state.pendingcb--;
    if ((state[kState] & kEnding) !== 0) finishMaybe(stream, state, true);
  }
}

function afterWriteTick(info) {
  const { stream, state, count, cb } = info;
  state[kState] &= ~kAfterWriteTickInfo;
  state[kAfterWriteTickInfoValue] = null;
  afterWrite(stream, state, count, cb);
}

function afterWrite(stream, state, count, cb) {
  state[kState] &= ~kAfterWritePending;
  if ((state[kState] & (kEnding | kNeedDrain | kDestroyed)) === kNeedDrain && state.length === 0) {
    state[kState] &= ~kNeedDrain;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if ((state[kState] & kDestroyed) !== 0) errorBuffer(state);
  if ((state[kState] & kEnding) !== 0) finishMaybe(stream, state, true);
}

/** Destroyed or errored: every queued write (and end()) callback gets the error. */
function errorBuffer(state) {
  if ((state[kState] & kWriting) !== 0) return;
  if ((state[kState] & kBuffered) !== 0) {
    const buffered = state[kBufferedValue];
    for (let n = state.bufferedIndex; n < buffered.length; ++n) {
      const { chunk, callback } = buffered[n];
      state.length -= (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
      callback(state.errored ?? destroyedError('write'));
    }
  }
  callFinishedCallbacks(state, state.errored ?? destroyedError('end'));
  resetBuffer(state);
}

/** Sends the queued writes: all at once through _writev when there are several, else one by one until one is async. */
function clearBuffer(stream, state) {
  if ((state[kState] & (kDestroyed | kBufferProcessing | kCorked | kBuffered | kConstructed)) !== (kBuffered | kConstructed)) return;
  const objectMode = (state[kState] & kObjectMode) !== 0;
  const buffered = state[kBufferedValue];
  const bufferedLength = buffered.length - state.bufferedIndex;
  if (!bufferedLength) return;
  let i = state.bufferedIndex;
  state[kState] |= kBufferProcessing;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;
    const start = i;
    const callback = (state[kState] & kAllNoop) !== 0 ? nop : (err) => {
      for (let n = start; n < buffered.length; ++n) buffered[n].callback(err);
    };
    const chunks = (state[kState] & kAllNoop) !== 0 && i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = (state[kState] & kAllBuffers) !== 0;
    doWrite(stream, state, true, state.length, chunks, '', callback);
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      doWrite(stream, state, false, objectMode ? 1 : chunk.length, chunk, encoding, callback);
    } while (i < buffered.length && (state[kState] & kWriting) === 0);
    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state[kState] &= ~kBufferProcessing;
}

Writable.prototype._write = function (chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw streamError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The _write() method is not implemented');
};
Writable.prototype._writev = null;

Writable.prototype.end = function (chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  let err;
  if (chunk != null) {
    const ret = writeChunk(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if ((state[kState] & kCorked) !== 0) { // end() uncorks fully
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // reported through the write
  } else if ((state[kState] & (kEnding | kErrored)) === 0) {
    state[kState] |= kEnding;
    finishMaybe(this, state, true);
    state[kState] |= kEnded;
  } else if ((state[kState] & kFinished) !== 0) {
    err = streamError(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished');
  } else if ((state[kState] & kDestroyed) !== 0) {
    err = destroyedError('end');
  }
  if (typeof cb === 'function') {
    if (err) {
      nextTick(cb, err);
    } else if ((state[kState] & kErrored) !== 0) {
      nextTick(cb, state[kErroredValue]);
    } else if ((state[kState] & kFinished) !== 0) {
      nextTick(cb, null);
    } else {
      state[kState] |= kOnFinished;
      if (!state[kOnFinishedValue]) state[kOnFinishedValue] = [];
      state[kOnFinishedValue].push(cb);
    }
  }
  return this;
};

// Ending, constructed, nothing in flight or queued, not destroyed/errored/finished.
function needFinish(state) {
  return (state[kState] & (kEnding | kDestroyed | kConstructed | kFinished | kWriting | kErrorEmitted | kCloseEmitted |
    kErrored | kBuffered)) === (kEnding | kConstructed) && state.length === 0;
}

function onFinal(stream, state, err) {
  if ((state[kState] & kPrefinished) !== 0) {
    errorOrDestroy(stream, err ?? multipleCallback());
    return;
  }
  state.pendingcb--;
  if (err) {
    callFinishedCallbacks(state, err);
    errorOrDestroy(stream, err, (state[kState] & kSync) !== 0);
  } else if (needFinish(state)) {
    state[kState] |= kPrefinished;
    stream.emit('prefinish');
    state.pendingcb++;
    nextTick(finish, stream, state); // 'finish' is always after _final's callback
  }
}

function prefinish(stream, state) {
  if ((state[kState] & (kPrefinished | kFinalCalled)) !== 0) return;
  if (typeof stream._final === 'function' && (state[kState] & kDestroyed) === 0) {
    state[kState] |= kFinalCalled | kSync;
    state.pendingcb++;
    try {
      stream._final((err) => onFinal(stream, state, err));
    } catch (err) {
      onFinal(stream, state, err);
    }
    state[kState] &= ~kSync;
  } else {
    state[kState] |= kFinalCalled | kPrefinished;
    stream.emit('prefinish');
  }
}

function finishMaybe(stream, state, sync) {
  if (!needFinish(state)) return;
  prefinish(stream, state);
  if (state.pendingcb !== 0) return;
  if (sync) {
    state.pendingcb++;
    nextTick(finishIfStillNeeded, stream, state);
  } else if (needFinish(state)) {
    state.pendingcb++;
    finish(stream, state);
  }
}

function finishIfStillNeeded(stream, state) {
  if (needFinish(state)) finish(stream, state);
  else state.pendingcb--;
}

function finish(stream, state) {
  state.pendingcb--;
  state[kState] |= kFinished;
  callFinishedCallbacks(state, null);
  stream.emit('finish');
  if ((state[kState] & kAutoDestroy) !== 0) {
    const r = stream._readableState;
    if (!r || (r.autoDestroy && (r.endEmitted || r.readable === false))) stream.destroy();
  }
}

function callFinishedCallbacks(state, err) {
  if ((state[kState] & kOnFinished) === 0) return;
  const callbacks = state[kOnFinishedValue];
  state[kOnFinishedValue] = null;
  state[kState] &= ~kOnFinished;
  for (let i = 0; i < callbacks.length; i++) callbacks[i](err);
}

for (const [name, desc] of Object.entries({
  closed: { get() { return this._writableState ? (this._writableState[kState] & kClosed) !== 0 : false; } },
  destroyed: {
    get() { return this._writableState ? (this._writableState[kState] & kDestroyed) !== 0 : false; },
    set(value) {
      if (!this._writableState) return;
      if (value) this._writableState[kState] |= kDestroyed;
      else this._writableState[kState] &= ~kDestroyed;
    },
  },
  writable: {
    get() {
      const w = this._writableState;
      return !!w && w.writable !== false && (w[kState] & (kEnding | kEnded | kDestroyed | kErrored)) === 0;
    },
    set(value) { if (this._writableState) this._writableState.writable = !!value; },
  },
  writableFinished: { get() { const s = this._writableState; return s ? (s[kState] & kFinished) !== 0 : false; } },
  writableObjectMode: { get() { const s = this._writableState; return s ? (s[kState] & kObjectMode) !== 0 : false; } },
  writableBuffer: { get() { const s = this._writableState; return s && s.getBuffer(); } },
  writableEnded: { get() { const s = this._writableState; return s ? (s[kState] & kEnding) !== 0 : false; } },
  writableNeedDrain: {
    get() { const s = this._writableState; return s ? (s[kState] & (kDestroyed | kEnding | kNeedDrain)) === kNeedDrain : false; },
  },
  writableHighWaterMark: { get() { const s = this._writableState; return s && s.highWaterMark; } },
  writableCorked: { get() { const s = this._writableState; return s ? s.corked : 0; } },
  writableLength: { get() { const s = this._writableState; return s && s.length; } },
  errored: { get() { const s = this._writableState; return s ? s.errored : null; } },
  writableAborted: {
    get() {
      const s = this._writableState[kState];
      return (s & (kHasWritable | kWritable)) !== kHasWritable && (s & (kDestroyed | kErrored)) !== 0 && (s & kFinished) === 0;
    },
  },
})) Object.defineProperty(Writable.prototype, name, { ...desc, enumerable: false });

Writable.prototype.destroy = function (err, cb) {
  const state = this._writableState;
  // queued write and end() callbacks get their error on the next tick
  if ((state[kState] & (kBuffered | kOnFinished)) !== 0 && (state[kState] & kDestroyed) === 0) nextTick(errorBuffer, state);
  destroyImpl.destroy.call(this, err, cb);
  return this;
};
Writable.prototype._undestroy = destroyImpl.undestroy;
Writable.prototype._destroy = function (err, cb) { cb(err); };
Writable.prototype[EE.captureRejectionSymbol] = function (err) { this.destroy(err); };

Writable.fromWeb = function (writableStream, options) {
  return require('internal/streams/fromweb').writableFromWeb(writableStream, options);
};
Writable.toWeb = function (streamWritable) {
  return require('internal/streams/toweb').writableToWeb(streamWritable);
};

module.exports = Writable;
