// node:internal/webstreams — WHATWG streams (streams.spec.whatwg.org): ReadableStream with default readers,
// WritableStream with writers, TransformStream, the queuing strategies, tee/pipeTo/pipeThrough/async iteration and
// ReadableStream.from. Byte streams (type: 'bytes', BYOB readers) fail with ERR_NOT_SUPPORTED_IN_SANDBOX.
'use strict';
const errors = internal.errors;

const typeError = (code, message) => errors.codedError(TypeError, code, message);
const invalidState = (message) => typeError('ERR_INVALID_STATE', `Invalid state: ${message}`);

function deferred() {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}
const handled = (p) => { p.catch(() => {}); return p; };

function sizeOf(strategy) {
  const size = strategy?.size;
  return typeof size === 'function' ? size : () => 1;
}
function highWaterMark(strategy, fallback) {
  const hwm = strategy?.highWaterMark === undefined ? fallback : Number(strategy.highWaterMark);
  if (Number.isNaN(hwm) || hwm < 0) throw errors.codedError(RangeError, 'ERR_INVALID_ARG_VALUE', 'The argument \'strategy.highWaterMark\' is invalid.');
  return hwm;
}

// ---- queuing strategies (spec §7) ----
class CountQueuingStrategy {
  #hwm;
  constructor({ highWaterMark } = {}) { this.#hwm = Number(highWaterMark); }
  get highWaterMark() { return this.#hwm; }
  get size() { return () => 1; }
}
class ByteLengthQueuingStrategy {
  #hwm;
  constructor({ highWaterMark } = {}) { this.#hwm = Number(highWaterMark); }
  get highWaterMark() { return this.#hwm; }
  get size() { return (chunk) => chunk.byteLength; }
}

// ---- ReadableStream (spec §4) ----
class ReadableStreamDefaultController {
  #stream;
  constructor(stream, key) {
    if (key !== kInternal) throw new TypeError('Illegal constructor');
    this.#stream = stream;
  }
  get desiredSize() { return this.#stream[kState].desiredSize(); }
  enqueue(chunk) { this.#stream[kState].enqueue(chunk); }
  close() { this.#stream[kState].closeRequested(); }
  error(e) { this.#stream[kState].error(e); }
}

const kState = Symbol('kState');
const kInternal = Symbol('kInternal');

class ReadableState {
  constructor(stream, source, strategy) {
    this.stream = stream;
    this.state = 'readable';
    this.queue = []; // { chunk, size }
    this.queueSize = 0;
    this.reader = undefined;
    this.storedError = undefined;
    this.closeAfterDrain = false;
    this.started = false;
    this.pulling = false;
    this.pullAgain = false;
    this.disturbed = false;
    this.source = source ?? {};
    this.size = sizeOf(strategy);
    this.hwm = highWaterMark(strategy, 1);
    this.controller = new ReadableStreamDefaultController(stream, kInternal);
  }
  start() {
    const start = this.source.start;
    Promise.resolve(typeof start === 'function' ? start.call(this.source, this.controller) : undefined).then(
      () => { this.started = true; this.pullIfNeeded(); },
      (e) => this.error(e));
  }
  desiredSize() {
    if (this.state === 'errored') return null;
    if (this.state === 'closed') return 0;
    return this.hwm - this.queueSize;
  }
  enqueue(chunk) {
    if (this.closeAfterDrain || this.state !== 'readable') throw invalidState('Controller is already closed');
    const waiting = this.reader?.requests.shift();
    if (waiting) waiting.resolve({ value: chunk, done: false });
    else {
      let size;
      try { size = this.size(chunk); } catch (e) { this.error(e); throw e; }
      this.queue.push({ chunk, size });
      this.queueSize += size;
    }
    this.pullIfNeeded();
  }
  closeRequested() {
    if (this.closeAfterDrain || this.state !== 'readable') throw invalidState('Controller is already closed');
    this.closeAfterDrain = true;
    if (this.queue.length === 0) this.close();
  }
  close() {
    this.state = 'closed';
    const reader = this.reader;
    if (!reader) return;
    for (const r of reader.requests.splice(0)) r.resolve({ value: undefined, done: true });
    reader._closed.resolve();
  }
  error(e) {
    if (this.state !== 'readable') return;
    this.state = 'errored';
    this.storedError = e;
    this.queue = [];
    this.queueSize = 0;
    const reader = this.reader;
    if (!reader) return;
    for (const r of reader.requests.splice(0)) r.reject(e);
    reader._closed.reject(e);
    handled(reader._closed.promise);
  }
  pullIfNeeded() {
    if (!this.started || this.state !== 'readable' || this.closeAfterDrain) return;
    const wanted = (this.reader?.requests.length ?? 0) > 0 || this.desiredSize() > 0;
    if (!wanted) return;
    if (this.pulling) { this.pullAgain = true; return; }
    const pull = this.source.pull;
    if (typeof pull !== 'function') return;
    this.pulling = true;
    let pulled; // the spec calls pull synchronously; a throw rejects its promise
    try { pulled = Promise.resolve(pull.call(this.source, this.controller)); } catch (e) { pulled = Promise.reject(e); }
    pulled.then(
      () => { this.pulling = false; if (this.pullAgain) { this.pullAgain = false; this.pullIfNeeded(); } },
      (e) => this.error(e));
  }
  read() {
    this.disturbed = true;
    if (this.state === 'closed') return Promise.resolve({ value: undefined, done: true });
    if (this.state === 'errored') return Promise.reject(this.storedError);
    if (this.queue.length > 0) {
      const { chunk, size } = this.queue.shift();
      this.queueSize -= size;
      if (this.closeAfterDrain && this.queue.length === 0) this.close();
      else this.pullIfNeeded();
      return Promise.resolve({ value: chunk, done: false });
    }
    const d = deferred();
    this.reader.requests.push(d);
    this.pullIfNeeded();
    return d.promise;
  }
  cancel(reason) {
    this.disturbed = true;
    if (this.state === 'closed') return Promise.resolve();
    if (this.state === 'errored') return Promise.reject(this.storedError);
    this.queue = [];
    this.queueSize = 0;
    this.close();
    const cancel = this.source.cancel;
    return Promise.resolve().then(() => (typeof cancel === 'function' ? cancel.call(this.source, reason) : undefined)).then(() => undefined);
  }
}

class ReadableStreamDefaultReader {
  #state;
  constructor(stream) {
    if (!(stream instanceof ReadableStream)) throw errors.invalidArgType('stream', 'ReadableStream', stream);
    const state = stream[kState];
    if (state.reader) throw invalidState('ReadableStream is locked');
    this.#state = state;
    this.requests = [];
    this._closed = deferred();
    handled(this._closed.promise);
    state.reader = this;
    if (state.state === 'closed') this._closed.resolve();
    else if (state.state === 'errored') this._closed.reject(state.storedError);
  }
  get closed() { return this._closed.promise; }
  read() {
    if (!this.#state) return Promise.reject(invalidState('The reader is not attached to a stream'));
    return this.#state.read();
  }
  cancel(reason) {
    if (!this.#state) return Promise.reject(invalidState('The reader is not attached to a stream'));
    return this.#state.cancel(reason);
  }
  releaseLock() {
    const state = this.#state;
    if (!state) return;
    const e = invalidState('Releasing reader');
    for (const r of this.requests.splice(0)) r.reject(e);
    this._closed = deferred();
    this._closed.reject(e);
    handled(this._closed.promise);
    state.reader = undefined;
    this.#state = undefined;
  }
}
// The deferred lives on `_closed`; `closed` reads its promise (the spec's [[closedPromise]]).
Object.defineProperty(ReadableStreamDefaultReader.prototype, '_closed', { writable: true, value: undefined, enumerable: false });

class ReadableStream {
  constructor(source = {}, strategy = {}) {
    if (source?.type === 'bytes') throw errors.notSupported("ReadableStream({ type: 'bytes' })");
    this[kState] = new ReadableState(this, source, strategy);
    this[kState].start();
  }
  get locked() { return this[kState].reader !== undefined; }
  getReader(options) {
    if (options?.mode === 'byob') throw errors.notSupported('ReadableStream BYOB readers');
    return new ReadableStreamDefaultReader(this);
  }
  cancel(reason) {
    if (this.locked) return Promise.reject(invalidState('ReadableStream is locked'));
    return this[kState].cancel(reason);
  }
  async *values({ preventCancel = false } = {}) {
    const reader = this.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      if (!preventCancel) await reader.cancel().catch(() => {});
      reader.releaseLock();
    }
  }
  [Symbol.asyncIterator](options) { return this.values(options); }
  tee() {
    const reader = this.getReader();
    const controllers = [];
    let reading = false;
    let canceled = 0;
    const pull = async () => {
      if (reading) return;
      reading = true;
      const { value, done } = await reader.read().catch((e) => { for (const c of controllers) c.error(e); return { done: true, failed: true }; });
      reading = false;
      if (done) { for (const c of controllers) { try { c.close(); } catch { /* already closed */ } } return; }
      for (const c of controllers) { try { c.enqueue(value); } catch { /* canceled branch */ } }
    };
    const branch = () => new ReadableStream({
      start(c) { controllers.push(c); },
      pull,
      cancel: () => { if (++canceled === 2) return reader.cancel(); return undefined; },
    });
    const a = branch();
    const b = branch();
    return [a, b];
  }
  async pipeTo(destination, { preventClose = false, preventAbort = false, preventCancel = false, signal } = {}) {
    if (!(destination instanceof WritableStream)) throw errors.invalidArgType('destination', 'WritableStream', destination);
    if (this.locked) throw invalidState('ReadableStream is locked');
    const reader = this.getReader();
    const writer = destination.getWriter();
    let aborted;
    const onAbort = () => { aborted = signal.reason ?? new DOMException('The operation was aborted', 'AbortError'); reader.cancel(aborted).catch(() => {}); };
    if (signal) { if (signal.aborted) onAbort(); else signal.addEventListener('abort', onAbort, { once: true }); }
    try {
      for (;;) {
        if (aborted) throw aborted;
        let chunk;
        try {
          chunk = await reader.read();
        } catch (e) {
          if (!preventAbort) await writer.abort(e).catch(() => {});
          throw e;
        }
        if (chunk.done) { if (aborted) throw aborted; if (!preventClose) await writer.close(); return; }
        await writer.ready;
        try {
          await writer.write(chunk.value);
        } catch (e) {
          if (!preventCancel) await reader.cancel(e).catch(() => {});
          throw e;
        }
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      reader.releaseLock();
      writer.releaseLock();
    }
  }
  pipeThrough({ writable, readable }, options) {
    handled(this.pipeTo(writable, options));
    return readable;
  }
  static from(iterable) {
    if (iterable instanceof ReadableStream) return iterable;
    const iterator = iterable?.[Symbol.asyncIterator]?.() ?? iterable?.[Symbol.iterator]?.();
    if (!iterator) throw errors.invalidArgType('asyncIterable', 'AsyncIterable', iterable);
    return new ReadableStream({
      async pull(c) {
        const { value, done } = await iterator.next();
        if (done) c.close(); else c.enqueue(await value);
      },
      async cancel(reason) { await iterator.return?.(reason); },
    }, { highWaterMark: 0 });
  }
}

// ---- WritableStream (spec §5) ----
class WritableStreamDefaultController {
  #state;
  constructor(state, key) {
    if (key !== kInternal) throw new TypeError('Illegal constructor');
    this.#state = state;
  }
  get signal() { return this.#state.abortController.signal; }
  error(e) { this.#state.error(e); }
}

class WritableState {
  constructor(stream, sink, strategy) {
    this.stream = stream;
    this.sink = sink ?? {};
    this.state = 'writable';
    this.storedError = undefined;
    this.writer = undefined;
    this.size = sizeOf(strategy);
    this.hwm = highWaterMark(strategy, 1);
    this.pending = 0; // queued size, including the write in flight
    this.chain = Promise.resolve();
    this.closing = false;
    this.abortController = new AbortController();
    this.controller = new WritableStreamDefaultController(this, kInternal);
    const start = this.sink.start;
    this.chain = Promise.resolve(typeof start === 'function' ? start.call(this.sink, this.controller) : undefined);
    handled(this.chain.then(undefined, (e) => this.error(e)));
  }
  desiredSize() {
    if (this.state === 'errored') return null;
    if (this.state === 'closed') return 0;
    return this.hwm - this.pending;
  }
  write(chunk) {
    if (this.state === 'errored') return Promise.reject(this.storedError);
    if (this.closing || this.state === 'closed') return Promise.reject(typeError('ERR_INVALID_STATE', 'Invalid state: WritableStream is closed'));
    let size;
    try { size = this.size(chunk); } catch (e) { this.error(e); return Promise.reject(e); }
    this.pending += size;
    this.writer?.updateReady();
    const write = this.sink.write;
    const done = this.chain.then(() => {
      if (this.state === 'errored') throw this.storedError;
      return typeof write === 'function' ? write.call(this.sink, chunk, this.controller) : undefined;
    });
    this.chain = done.then(() => { this.pending -= size; this.writer?.updateReady(); }, (e) => { this.error(e); });
    return done.then(() => undefined);
  }
  close() {
    if (this.state === 'errored') return Promise.reject(this.storedError);
    if (this.closing || this.state === 'closed') return Promise.reject(typeError('ERR_INVALID_STATE', 'Invalid state: WritableStream is closed'));
    this.closing = true;
    const close = this.sink.close;
    const done = this.chain.then(() => {
      if (this.state === 'errored') throw this.storedError;
      return typeof close === 'function' ? close.call(this.sink) : undefined;
    });
    this.chain = done.then(() => { this.state = 'closed'; this.writer?._closed.resolve(); }, (e) => this.error(e));
    return done.then(() => undefined);
  }
  abort(reason) {
    if (this.state === 'closed' || this.state === 'errored') return Promise.resolve();
    this.abortController.abort(reason);
    this.error(reason);
    const abort = this.sink.abort;
    return Promise.resolve().then(() => (typeof abort === 'function' ? abort.call(this.sink, reason) : undefined)).then(() => undefined);
  }
  error(e) {
    if (this.state === 'errored' || this.state === 'closed') return;
    this.state = 'errored';
    this.storedError = e;
    if (this.writer) {
      this.writer._closed.reject(e);
      handled(this.writer._closed.promise);
      this.writer.rejectReady(e);
    }
  }
}

class WritableStreamDefaultWriter {
  #state;
  constructor(stream) {
    if (!(stream instanceof WritableStream)) throw errors.invalidArgType('stream', 'WritableStream', stream);
    const state = stream[kState];
    if (state.writer) throw invalidState('WritableStream is locked');
    this.#state = state;
    state.writer = this;
    this._closed = deferred();
    handled(this._closed.promise);
    this._ready = deferred();
    this._ready.resolve();
    if (state.state === 'errored') { this._closed.reject(state.storedError); this.rejectReady(state.storedError); }
    else if (state.state === 'closed') this._closed.resolve();
    else this.updateReady();
  }
  get closed() { return this._closed.promise; }
  get ready() { return this._ready.promise; }
  get desiredSize() {
    if (!this.#state) throw invalidState('The writer is not attached to a stream');
    return this.#state.desiredSize();
  }
  updateReady() {
    const state = this.#state;
    if (!state || state.state !== 'writable') return;
    const backpressure = state.desiredSize() <= 0;
    if (backpressure && this._readyResolved) { this._ready = deferred(); this._readyResolved = false; }
    else if (!backpressure && !this._readyResolved) { this._ready.resolve(); this._readyResolved = true; }
  }
  rejectReady(e) {
    if (this._readyResolved) this._ready = deferred();
    this._ready.reject(e);
    handled(this._ready.promise);
    this._readyResolved = false;
  }
  write(chunk) {
    if (!this.#state) return Promise.reject(invalidState('The writer is not attached to a stream'));
    return this.#state.write(chunk);
  }
  close() {
    if (!this.#state) return Promise.reject(invalidState('The writer is not attached to a stream'));
    return this.#state.close();
  }
  abort(reason) {
    if (!this.#state) return Promise.reject(invalidState('The writer is not attached to a stream'));
    return this.#state.abort(reason);
  }
  releaseLock() {
    const state = this.#state;
    if (!state) return;
    state.writer = undefined;
    this.#state = undefined;
    const e = invalidState('Writer was released');
    this._closed = deferred();
    this._closed.reject(e);
    handled(this._closed.promise);
    this.rejectReady(e);
  }
}
Object.defineProperty(WritableStreamDefaultWriter.prototype, '_closed', { writable: true, value: undefined, enumerable: false });
Object.defineProperty(WritableStreamDefaultWriter.prototype, '_readyResolved', { writable: true, value: true, enumerable: false });

class WritableStream {
  constructor(sink = {}, strategy = {}) {
    if (sink?.type !== undefined) throw errors.codedError(RangeError, 'ERR_INVALID_ARG_VALUE', 'The argument \'sink.type\' is invalid.');
    this[kState] = new WritableState(this, sink, strategy);
  }
  get locked() { return this[kState].writer !== undefined; }
  getWriter() { return new WritableStreamDefaultWriter(this); }
  abort(reason) {
    if (this.locked) return Promise.reject(invalidState('WritableStream is locked'));
    return this[kState].abort(reason);
  }
  close() {
    if (this.locked) return Promise.reject(invalidState('WritableStream is locked'));
    return this[kState].close();
  }
}

// ---- TransformStream (spec §6) ----
class TransformStreamDefaultController {
  #readable;
  #onTerminate;
  constructor(readableController, onTerminate, key) {
    if (key !== kInternal) throw new TypeError('Illegal constructor');
    this.#readable = readableController;
    this.#onTerminate = onTerminate;
  }
  get desiredSize() { return this.#readable.desiredSize; }
  enqueue(chunk) { this.#readable.enqueue(chunk); }
  error(e) { this.#readable.error(e); this.#onTerminate(e); }
  terminate() { try { this.#readable.close(); } catch { /* already closed */ } this.#onTerminate(typeError('ERR_INVALID_STATE', 'Invalid state: TransformStream terminated')); }
}

class TransformStream {
  #readable;
  #writable;
  constructor(transformer = {}, writableStrategy = {}, readableStrategy = { highWaterMark: 0 }) {
    let readableController;
    let controller;
    let writableState;
    this.#readable = new ReadableStream({
      start(c) { readableController = c; },
      cancel: (reason) => { writableState?.error(reason); return transformer.cancel?.(reason); },
    }, readableStrategy);
    const onTerminate = (e) => writableState?.error(e);
    controller = new TransformStreamDefaultController(readableController, onTerminate, kInternal);
    const transform = typeof transformer.transform === 'function'
      ? (chunk) => transformer.transform(chunk, controller)
      : (chunk) => controller.enqueue(chunk);
    this.#writable = new WritableStream({
      start: () => transformer.start?.(controller),
      write: (chunk) => transform(chunk),
      close: async () => { await transformer.flush?.(controller); try { readableController.close(); } catch { /* terminated */ } },
      abort: (reason) => { readableController.error(reason); },
    }, writableStrategy);
    writableState = this.#writable[kState];
  }
  get readable() { return this.#readable; }
  get writable() { return this.#writable; }
}

// ---- text streams ----
class TextEncoderStream extends TransformStream {
  constructor() {
    const encoder = new TextEncoder();
    super({ transform(chunk, c) { const s = String(chunk); if (s.length) c.enqueue(encoder.encode(s)); } });
  }
  get encoding() { return 'utf-8'; }
}
class TextDecoderStream extends TransformStream {
  #decoder;
  constructor(label = 'utf-8', options = {}) {
    const decoder = new TextDecoder(label, options);
    super({
      transform(chunk, c) { const s = decoder.decode(chunk, { stream: true }); if (s) c.enqueue(s); },
      flush(c) { const s = decoder.decode(); if (s) c.enqueue(s); },
    });
    this.#decoder = decoder;
  }
  get encoding() { return this.#decoder.encoding; }
  get fatal() { return this.#decoder.fatal; }
  get ignoreBOM() { return this.#decoder.ignoreBOM; }
}

module.exports = {
  ReadableStream, ReadableStreamDefaultReader, ReadableStreamDefaultController,
  WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController,
  TransformStream, TransformStreamDefaultController,
  CountQueuingStrategy, ByteLengthQueuingStrategy, TextEncoderStream, TextDecoderStream,
};
