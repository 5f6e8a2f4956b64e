// Readable and ReadableState, following the algorithm of Node 22's readable.js: push() buffers (or hands a chunk
// straight to a flowing 'data' listener), read(n) takes from the buffer and calls _read to refill up to
// highWaterMark, 'readable' is emitted on a later tick (needReadable/emittedReadable), maybeReadMore refills after
// the current tick, and flow() drains the buffer through read() while flowing.
'use strict';
const EE = require('events');
const { Buffer } = require('buffer');
const { nextTick } = internal;
const { Stream, prependListener } = require('internal/streams/legacy');
const destroyImpl = require('internal/streams/destroy');
const {
  kState, kOnConstructed, kObjectMode, kErrorEmitted, kAutoDestroy, kEmitClose, kDestroyed, kCloseEmitted, kErrored,
  kConstructed, bitAccessor, valueAccessor, getHighWaterMark, getDefaultHighWaterMark,
  adoptOptions,
} = require('internal/streams/state');
const { errorOrDestroy } = destroyImpl;
const errors = () => internal.errors;

// Readable's own bits (Node 22 numbering).
const kEnded = 1 << 9;
const kEndEmitted = 1 << 10;
const kReading = 1 << 11;
const kSync = 1 << 12;
const kNeedReadable = 1 << 13;
const kEmittedReadable = 1 << 14;
const kReadableListening = 1 << 15;
const kResumeScheduled = 1 << 16;
const kMultiAwaitDrain = 1 << 17;
const kReadingMore = 1 << 18;
const kDataEmitted = 1 << 19;
const kDefaultUTF8Encoding = 1 << 20;
const kDecoder = 1 << 21;
const kEncoding = 1 << 22;
const kHasFlowing = 1 << 23;
const kFlowing = 1 << 24;
const kHasPaused = 1 << 25;
const kPaused = 1 << 26;
const kDataListening = 1 << 27;

const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');
const kDecoderValue = Symbol('kDecoderValue');
const kEncodingValue = Symbol('kEncodingValue');

function ReadableState(options, stream, isDuplex) {
  this[kState] = kEmitClose | kAutoDestroy | kConstructed | kSync;
  if (options && (options.objectMode || (isDuplex && options.readableObjectMode))) this[kState] |= kObjectMode;
  this.highWaterMark = options ? getHighWaterMark(this, options, 'readableHighWaterMark', isDuplex) : getDefaultHighWaterMark(false);
  this.buffer = []; // chunks from bufferIndex on are unread
  this.bufferIndex = 0;
  this.length = 0; // bytes (or characters, with a decoder), or objects
  this.pipes = [];
  if (options && options.emitClose === false) this[kState] &= ~kEmitClose;
  if (options && options.autoDestroy === false) this[kState] &= ~kAutoDestroy;
  const defaultEncoding = options ? options.defaultEncoding : undefined;
  if (defaultEncoding == null || defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') {
    this[kState] |= kDefaultUTF8Encoding;
  } else if (Buffer.isEncoding(defaultEncoding)) {
    this.defaultEncoding = defaultEncoding;
  } else {
    throw errors().unknownEncoding(defaultEncoding);
  }
  this.awaitDrainWriters = null; // the piped destination(s) a 'drain' is awaited from: null, a stream or a Set
  if (options && options.encoding) {
    const { StringDecoder } = require('string_decoder');
    this.decoder = new StringDecoder(options.encoding);
    this.encoding = options.encoding;
  }
}

Object.defineProperties(ReadableState.prototype, {
  objectMode: bitAccessor(kObjectMode),
  ended: bitAccessor(kEnded),
  endEmitted: bitAccessor(kEndEmitted),
  reading: bitAccessor(kReading),
  constructed: bitAccessor(kConstructed),
  sync: bitAccessor(kSync),
  needReadable: bitAccessor(kNeedReadable),
  emittedReadable: bitAccessor(kEmittedReadable),
  readableListening: bitAccessor(kReadableListening),
  resumeScheduled: bitAccessor(kResumeScheduled),
  errorEmitted: bitAccessor(kErrorEmitted),
  emitClose: bitAccessor(kEmitClose),
  autoDestroy: bitAccessor(kAutoDestroy),
  destroyed: bitAccessor(kDestroyed),
  closed: bitAccessor(1 << 5),
  closeEmitted: bitAccessor(kCloseEmitted),
  multiAwaitDrain: bitAccessor(kMultiAwaitDrain),
  readingMore: bitAccessor(kReadingMore),
  dataEmitted: bitAccessor(kDataEmitted),
  errored: valueAccessor(kErrored, kErroredValue),
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
  decoder: valueAccessor(kDecoder, kDecoderValue),
  encoding: valueAccessor(kEncoding, kEncodingValue),
  // null until the stream is first resumed or paused, then true/false
  flowing: {
    enumerable: false,
    get() { return (this[kState] & kHasFlowing) !== 0 ? (this[kState] & kFlowing) !== 0 : null; },
    set(value) {
      if (value == null) this[kState] &= ~(kHasFlowing | kFlowing);
      else if (value) this[kState] |= kHasFlowing | kFlowing;
      else this[kState] = (this[kState] | kHasFlowing) & ~kFlowing;
    },
  },
  pipesCount: { enumerable: false, get() { return this.pipes.length; } },
  paused: {
    enumerable: false,
    get() { return (this[kState] & kPaused) !== 0; },
    set(value) {
      this[kState] |= kHasPaused;
      if (value) this[kState] |= kPaused;
      else this[kState] &= ~kPaused;
    },
  },
});

ReadableState.prototype[kOnConstructed] = function (stream) {
  if ((this[kState] & kNeedReadable) !== 0) maybeReadMore(stream, this);
};

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  if (this._events === undefined) {
    this._events = { close: undefined, error: undefined, data: undefined, end: undefined, readable: undefined };
  }
  this._readableState = new ReadableState(options, this, false);
  if (options) adoptOptions(this, options, ['read', 'destroy', 'construct']);
  Stream.call(this, options);
  if (this._construct != null) {
    destroyImpl.construct(this, () => { this._readableState[kOnConstructed](this); });
  }
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);
Readable.ReadableState = ReadableState;

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function (err, cb) { cb(err); };
Readable.prototype[EE.captureRejectionSymbol] = function (err) { this.destroy(err); };
if (Symbol.asyncDispose) {
  Readable.prototype[Symbol.asyncDispose] = function () {
    let error;
    if (!this.destroyed) {
      const { AbortError } = internal.loadBuiltin('internal/abort');
      error = this.readableEnded ? null : new AbortError();
      this.destroy(error);
    }
    const finished = require('internal/streams/finished');
    return new Promise((resolve, reject) => finished(this, (err) => (err && err !== error ? reject(err) : resolve(null))));
  };
}

Readable.prototype.push = function (chunk, encoding) {
  return addChunk(this, this._readableState, chunk, encoding, false);
};
Readable.prototype.unshift = function (chunk, encoding) {
  return addChunk(this, this._readableState, chunk, encoding, true);
};

function chunkTypeError(chunk) {
  return errors().invalidArgType('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
}

/** push()/unshift(): null ends the stream; bytes are converted to Buffers (or decoded to the stream's encoding). */
function addChunk(stream, state, chunk, encoding, toFront) {
  if (chunk === null) {
    state[kState] &= ~kReading;
    onEofChunk(stream, state);
    return false;
  }
  if ((state[kState] & kObjectMode) === 0) {
    let decoded = false; // already in the stream's encoding
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        chunk = toFront && state.encoding ? Buffer.from(chunk, encoding).toString(state.encoding) : Buffer.from(chunk, encoding);
        decoded = toFront && !!state.encoding;
      } else {
        decoded = true;
      }
    } else if (chunk instanceof Buffer) {
      // as is
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    } else if (chunk !== undefined) {
      errorOrDestroy(stream, chunkTypeError(chunk));
      return false;
    }
    if (toFront) {
      if (!chunk || chunk.length <= 0) return canPushMore(state);
      return unshiftValue(stream, state, chunk);
    }
    if (!chunk || chunk.length <= 0) {
      state[kState] &= ~kReading;
      maybeReadMore(stream, state);
      return canPushMore(state);
    }
    if ((state[kState] & kEnded) !== 0) {
      errorOrDestroy(stream, errors().codedError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'));
      return false;
    }
    if ((state[kState] & (kDestroyed | kErrored)) !== 0) return false;
    state[kState] &= ~kReading;
    if ((state[kState] & kDecoder) !== 0 && !decoded) {
      chunk = state[kDecoderValue].write(chunk);
      if (chunk.length === 0) {
        maybeReadMore(stream, state);
        return canPushMore(state);
      }
    }
    bufferChunk(stream, state, chunk, false);
    return canPushMore(state);
  }
  if (toFront) return unshiftValue(stream, state, chunk);
  if ((state[kState] & kEnded) !== 0) {
    errorOrDestroy(stream, errors().codedError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'));
    return false;
  }
  if ((state[kState] & (kDestroyed | kErrored)) !== 0) return false;
  state[kState] &= ~kReading;
  if ((state[kState] & kDecoder) !== 0 && !encoding) chunk = state[kDecoderValue].write(chunk);
  bufferChunk(stream, state, chunk, false);
  return canPushMore(state);
}

function unshiftValue(stream, state, chunk) {
  if ((state[kState] & kEndEmitted) !== 0) {
    errorOrDestroy(stream, errors().codedError(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event'));
  } else if ((state[kState] & (kDestroyed | kErrored)) !== 0) {
    return false;
  } else {
    bufferChunk(stream, state, chunk, true);
  }
  return canPushMore(state);
}

// Below highWaterMark, or empty (so a highWaterMark of 0 still takes one chunk at a time).
function canPushMore(state) {
  return (state[kState] & kEnded) === 0 && (state.length < state.highWaterMark || state.length === 0);
}

/** A flowing stream with an empty buffer emits the chunk now (outside _read's own tick); else it is buffered. */
function bufferChunk(stream, state, chunk, toFront) {
  if ((state[kState] & (kFlowing | kSync | kDataListening)) === (kFlowing | kDataListening) && state.length === 0) {
    if ((state[kState] & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state[kState] |= kDataEmitted;
    stream.emit('data', chunk);
  } else {
    state.length += (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
    if (!toFront) state.buffer.push(chunk);
    else if (state.bufferIndex > 0) state.buffer[--state.bufferIndex] = chunk;
    else state.buffer.unshift(chunk);
    if ((state[kState] & kNeedReadable) !== 0) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function () {
  const s = this._readableState[kState];
  return (s & kPaused) !== 0 || (s & (kHasFlowing | kFlowing)) === kHasFlowing;
};

Readable.prototype.setEncoding = function (enc) {
  const { StringDecoder } = require('string_decoder');
  const state = this._readableState;
  const decoder = new StringDecoder(enc);
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  let content = '';
  for (let i = state.bufferIndex; i < state.buffer.length; i++) content += decoder.write(state.buffer[i]);
  state.buffer.length = 0;
  state.bufferIndex = 0;
  if (content !== '') state.buffer.push(content);
  state.length = content.length;
  return this;
};

// read(n) with n above highWaterMark raises it to the next power of 2 (at most 1 GiB).
const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) throw errors().outOfRange('size', '<= 1GiB', n);
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** How much read(n) may return now: everything (or one chunk while flowing) for NaN, nothing until n is buffered. */
function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && (state[kState] & kEnded) !== 0)) return 0;
  if ((state[kState] & kObjectMode) !== 0) return 1;
  if (Number.isNaN(n)) {
    if ((state[kState] & kFlowing) !== 0 && state.length) return state.buffer[state.bufferIndex].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return (state[kState] & kEnded) !== 0 ? state.length : 0;
}

Readable.prototype.read = function (n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;
  if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
  if (n !== 0) state[kState] &= ~kEmittedReadable;

  // read(0) with enough buffered (or at the end) only schedules 'readable' / 'end'
  if (n === 0 && (state[kState] & kNeedReadable) !== 0 &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || (state[kState] & kEnded) !== 0)) {
    if (state.length === 0 && (state[kState] & kEnded) !== 0) endReadable(this);
    else emitReadable(this);
    return null;
  }

  n = howMuchToRead(n, state);
  if (n === 0 && (state[kState] & kEnded) !== 0) {
    if (state.length === 0) endReadable(this);
    return null;
  }

  // Ask _read for more when a 'readable' is awaited or the buffer would drop below highWaterMark; _read may push
  // synchronously, so how much to return is worked out again afterwards.
  let doRead = (state[kState] & kNeedReadable) !== 0;
  if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
  if ((state[kState] & (kReading | kEnded | kDestroyed | kErrored | kConstructed)) !== kConstructed) {
    doRead = false;
  } else if (doRead) {
    state[kState] |= kReading | kSync;
    if (state.length === 0) state[kState] |= kNeedReadable;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state[kState] &= ~kSync;
    if ((state[kState] & kReading) === 0) n = howMuchToRead(nOrig, state);
  }

  let ret = n > 0 ? fromList(n, state) : null;
  if (ret === null) {
    if (state.length <= state.highWaterMark) state[kState] |= kNeedReadable;
    n = 0;
  } else {
    state.length -= n;
    if ((state[kState] & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }

  if (state.length === 0) {
    if ((state[kState] & kEnded) === 0) state[kState] |= kNeedReadable;
    if (nOrig !== n && (state[kState] & kEnded) !== 0) endReadable(this);
  }

  if (ret !== null && (state[kState] & (kErrorEmitted | kCloseEmitted)) === 0) {
    state[kState] |= kDataEmitted;
    this.emit('data', ret);
  }
  return ret;
};

Readable.prototype._read = function () {
  throw errors().codedError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The _read() method is not implemented');
};

/** Takes n bytes/characters (or one object) off the front of the buffer, joining or splitting chunks as needed. */
function fromList(n, state) {
  if (state.length === 0) return null;
  const buf = state.buffer;
  const len = buf.length;
  let idx = state.bufferIndex;
  let ret;
  if ((state[kState] & kObjectMode) !== 0) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if (!n || n >= state.length) {
    if ((state[kState] & kDecoder) !== 0) {
      ret = '';
      while (idx < len) { ret += buf[idx]; buf[idx++] = null; }
    } else if (len - idx === 0) {
      ret = Buffer.alloc(0);
    } else if (len - idx === 1) {
      ret = buf[idx];
      buf[idx++] = null;
    } else {
      ret = Buffer.allocUnsafe(state.length);
      let at = 0;
      while (idx < len) { ret.set(buf[idx], at); at += buf[idx].length; buf[idx++] = null; }
    }
  } else if (n < buf[idx].length) {
    ret = buf[idx].slice(0, n);
    buf[idx] = buf[idx].slice(n);
  } else if (n === buf[idx].length) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if ((state[kState] & kDecoder) !== 0) {
    ret = '';
    while (idx < len) {
      const str = buf[idx];
      if (n > str.length) {
        ret += str;
        n -= str.length;
        buf[idx++] = null;
      } else {
        if (n === str.length) { ret += str; buf[idx++] = null; } else { ret += str.slice(0, n); buf[idx] = str.slice(n); }
        break;
      }
    }
  } else {
    ret = Buffer.allocUnsafe(n);
    const total = n;
    while (idx < len) {
      const data = buf[idx];
      if (n > data.length) {
        ret.set(data, total - n);
        n -= data.length;
        buf[idx++] = null;
      } else {
        if (n === data.length) {
          ret.set(data, total - n);
          buf[idx++] = null;
        } else {
          ret.set(data.subarray(0, n), total - n);
          buf[idx] = data.subarray(n);
        }
        break;
      }
    }
  }
  if (idx === len) {
    buf.length = 0;
    state.bufferIndex = 0;
  } else if (idx > 1024) {
    buf.splice(0, idx);
    state.bufferIndex = 0;
  } else {
    state.bufferIndex = idx;
  }
  return ret;
}

function onEofChunk(stream, state) {
  if ((state[kState] & kEnded) !== 0) return;
  if ((state[kState] & kDecoder) !== 0) {
    const chunk = state[kDecoderValue].end();
    if (chunk && chunk.length) {
      state.buffer.push(chunk);
      state.length += (state[kState] & kObjectMode) !== 0 ? 1 : chunk.length;
    }
  }
  state[kState] |= kEnded;
  if ((state[kState] & kSync) !== 0) {
    emitReadable(stream); // inside _read: on the next tick
  } else {
    state[kState] = (state[kState] & ~kNeedReadable) | kEmittedReadable;
    emitReadableNow(stream);
  }
}

/** Schedules one 'readable' for the next tick (not again until it has been emitted and read() called). */
function emitReadable(stream) {
  const state = stream._readableState;
  state[kState] &= ~kNeedReadable;
  if ((state[kState] & kEmittedReadable) === 0) {
    state[kState] |= kEmittedReadable;
    nextTick(emitReadableNow, stream);
  }
}

function emitReadableNow(stream) {
  const state = stream._readableState;
  if ((state[kState] & (kDestroyed | kErrored)) === 0 && (state.length || (state[kState] & kEnded) !== 0)) {
    stream.emit('readable');
    state[kState] &= ~kEmittedReadable;
  }
  // paused, not ended and not full: the next push should emit 'readable' again
  if ((state[kState] & (kFlowing | kEnded)) === 0 && state.length <= state.highWaterMark) state[kState] |= kNeedReadable;
  flow(stream);
}

/** Once per tick: call read(0) while below highWaterMark (or flowing and empty) and _read keeps pushing. */
function maybeReadMore(stream, state) {
  if ((state[kState] & (kReadingMore | kConstructed)) === kConstructed) {
    state[kState] |= kReadingMore;
    nextTick(maybeReadMoreNow, stream, state);
  }
}

function maybeReadMoreNow(stream, state) {
  while ((state[kState] & (kReading | kEnded)) === 0 &&
         (state.length < state.highWaterMark || ((state[kState] & kFlowing) !== 0 && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state[kState] &= ~kReadingMore;
}

const pipeBits = { kMultiAwaitDrain, kEndEmitted, kFlowing, kDataListening };
Readable.prototype.pipe = function (dest, pipeOpts) {
  return require('internal/streams/readable_pipe')(this, dest, pipeOpts, pipeBits);
};

Readable.prototype.unpipe = function (dest) {
  const state = this._readableState;
  if (state.pipes.length === 0) return this;
  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (let i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, { hasUnpiped: false });
  return this;
};

// A 'data' listener starts flowing (unless paused explicitly); a 'readable' listener switches to paused mode.
Readable.prototype.on = function (ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state[kState] |= kDataListening;
    if (this.listenerCount('readable') > 0) state[kState] |= kReadableListening;
    if ((state[kState] & (kHasFlowing | kFlowing)) !== kHasFlowing) this.resume();
  } else if (ev === 'readable') {
    if ((state[kState] & (kEndEmitted | kReadableListening)) === 0) {
      state[kState] = (state[kState] | kReadableListening | kNeedReadable | kHasFlowing) & ~(kFlowing | kEmittedReadable);
      if (state.length) emitReadable(this);
      else if ((state[kState] & kReading) === 0) nextTick(readZero, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function (ev, fn) {
  const state = this._readableState;
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') nextTick(updateReadableListening, this); // after a once('readable') cycle
  else if (ev === 'data' && this.listenerCount('data') === 0) state[kState] &= ~kDataListening;
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function (ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(stream) {
  const state = stream._readableState;
  if (stream.listenerCount('readable') > 0) state[kState] |= kReadableListening;
  else state[kState] &= ~kReadableListening;
  if ((state[kState] & (kHasPaused | kPaused | kResumeScheduled)) === (kHasPaused | kResumeScheduled)) {
    state[kState] |= kHasFlowing | kFlowing; // a resume() is on its way: let it flow
  } else if ((state[kState] & kDataListening) !== 0) {
    stream.resume();
  } else if ((state[kState] & kReadableListening) === 0) {
    state[kState] &= ~(kHasFlowing | kFlowing);
  }
}

function readZero(stream) { stream.read(0); }

Readable.prototype.resume = function () {
  const state = this._readableState;
  if ((state[kState] & kFlowing) === 0) {
    // with a 'readable' listener the stream stays paused, but resume() still counts
    state[kState] |= kHasFlowing;
    if ((state[kState] & kReadableListening) === 0) state[kState] |= kFlowing;
    else state[kState] &= ~kFlowing;
    if ((state[kState] & kResumeScheduled) === 0) {
      state[kState] |= kResumeScheduled;
      nextTick(resumeNow, this, state);
    }
  }
  state[kState] = (state[kState] | kHasPaused) & ~kPaused;
  return this;
};

function resumeNow(stream, state) {
  if ((state[kState] & kReading) === 0) stream.read(0);
  state[kState] &= ~kResumeScheduled;
  stream.emit('resume');
  flow(stream);
  if ((state[kState] & (kFlowing | kReading)) === kFlowing) stream.read(0);
}

Readable.prototype.pause = function () {
  const state = this._readableState;
  if ((state[kState] & (kHasFlowing | kFlowing)) !== kHasFlowing) {
    state[kState] = (state[kState] | kHasFlowing) & ~kFlowing;
    this.emit('pause');
  }
  state[kState] |= kHasPaused | kPaused;
  return this;
};

function flow(stream) {
  const state = stream._readableState;
  while ((state[kState] & kFlowing) !== 0 && stream.read() !== null);
}

/** Wraps an old-style stream (only 'data'/'end' events, pause/resume) as this Readable's source. */
Readable.prototype.wrap = function (stream) {
  let paused = false;
  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => { this.push(null); });
  stream.on('error', (err) => { errorOrDestroy(this, err); });
  stream.on('close', () => { this.destroy(); });
  stream.on('destroy', () => { this.destroy(); });
  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };
  const keys = Object.keys(stream);
  for (let j = 1; j < keys.length; j++) {
    const key = keys[j];
    if (this[key] === undefined && typeof stream[key] === 'function') this[key] = stream[key].bind(stream);
  }
  return this;
};

Readable.prototype[Symbol.asyncIterator] = function () { return require('internal/streams/readable_iterator')(Readable, this); };
// readable.iterator({ destroyOnReturn }): breaking out of the loop destroys the stream unless destroyOnReturn is false.
Readable.prototype.iterator = function (options) {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw errors().invalidArgType('options', 'object', options);
  }
  return require('internal/streams/readable_iterator')(Readable, this, options);
};

function endReadable(stream) {
  const state = stream._readableState;
  if ((state[kState] & kEndEmitted) === 0) {
    state[kState] |= kEnded;
    nextTick(endReadableNow, state, stream);
  }
}

// 'end' once the buffer is empty (a last unshift may have refilled it); then end a Duplex's writable side
// (allowHalfOpen false) or auto-destroy.
function endReadableNow(state, stream) {
  if ((state[kState] & (kErrored | kCloseEmitted | kEndEmitted)) !== 0 || state.length !== 0) return;
  state[kState] |= kEndEmitted;
  stream.emit('end');
  if (stream.writable && stream.allowHalfOpen === false) {
    nextTick(endWritableNow, stream);
  } else if (state.autoDestroy) {
    const w = stream._writableState;
    if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
  }
}

function endWritableNow(stream) {
  if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
}

for (const [name, desc] of Object.entries({
  readable: {
    get() {
      const r = this._readableState;
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    set(value) { if (this._readableState) this._readableState.readable = !!value; },
  },
  readableDidRead: { get() { return this._readableState.dataEmitted; } },
  readableAborted: {
    get() {
      const r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
  },
  readableHighWaterMark: { get() { return this._readableState.highWaterMark; } },
  readableBuffer: { get() { return this._readableState && this._readableState.buffer; } },
  readableFlowing: {
    get() { return this._readableState.flowing; },
    set(value) { if (this._readableState) this._readableState.flowing = value; },
  },
  readableLength: { get() { return this._readableState.length; } },
  readableObjectMode: { get() { return this._readableState ? this._readableState.objectMode : false; } },
  readableEncoding: { get() { return this._readableState ? this._readableState.encoding : null; } },
  errored: { get() { return this._readableState ? this._readableState.errored : null; } },
  closed: { get() { return this._readableState ? this._readableState.closed : false; } },
  destroyed: {
    get() { return this._readableState ? this._readableState.destroyed : false; },
    set(value) { if (this._readableState) this._readableState.destroyed = value; },
  },
  readableEnded: { get() { return this._readableState ? this._readableState.endEmitted : false; } },
})) Object.defineProperty(Readable.prototype, name, { ...desc, enumerable: false });

Readable._fromList = fromList; // exposed, as in Node (for its tests)
Readable.from = function (iterable, opts) { return require('internal/streams/from')(Readable, iterable, opts); };
Readable.fromWeb = function (readableStream, options) {
  return require('internal/streams/fromweb').readableFromWeb(readableStream, options);
};
Readable.toWeb = function (streamReadable, options) {
  return require('internal/streams/toweb').readableToWeb(streamReadable, options);
};
Readable.wrap = function (src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};

module.exports = Readable;
