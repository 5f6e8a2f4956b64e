// Duplex.from(body): a Duplex for a stream, a WHATWG stream, an iterable, a promise, a Blob, a { readable, writable }
// pair, or a function of (source, { signal }) — an async generator function (a transform) or an async function (a sink
// whose promise must resolve to null or undefined). Node names the result's class Duplexify.
'use strict';
const {
  isNodeStream, isReadableNodeStream, isWritableNodeStream, isDuplexNodeStream, isIterable, isReadable, isWritable,
  isReadableStream, isWritableStream,
} = require('internal/streams/utils');
const relay = require('internal/streams/relay');
const from = require('internal/streams/from');
const { nextTick } = internal;
const stream = () => require('stream');

let DuplexifyClass;
/** A Duplex whose `readable: false` / `writable: false` sides start finished. */
function Duplexify() {
  if (!DuplexifyClass) {
    DuplexifyClass = class Duplexify extends stream().Duplex {
      constructor(options) {
        super(options);
        if (options && options.readable === false) this._readableState.readable = false;
        if (options && options.writable === false) { this._writableState.writable = false; this._writableState.ended = true; }
      }
    };
  }
  return DuplexifyClass;
}

function abortError() {
  const { AbortError } = internal.loadBuiltin('internal/abort');
  return new AbortError();
}

function duplexify(body, name) {
  if (isDuplexNodeStream(body)) return body;
  if (isReadableNodeStream(body)) return around({ readable: body });
  if (isWritableNodeStream(body)) return around({ writable: body });
  if (isNodeStream(body)) return around({ readable: false, writable: false });
  if (isReadableStream(body)) return around({ readable: stream().Readable.fromWeb(body) });
  if (isWritableStream(body)) return around({ writable: stream().Writable.fromWeb(body) });

  if (typeof body === 'function') {
    const { value, write, final, destroy } = callWithSource(body);
    if (isDuplexNodeStream(value)) return value; // a constructor, not a generator function
    if (isIterable(value)) return from(Duplexify(), value, { objectMode: true, write, final, destroy });
    if (value && typeof value.then === 'function') return sink(value, write, final, destroy);
    throw internal.errors.invalidReturnValue('Iterable, AsyncIterable or AsyncFunction', name, value);
  }

  const { Blob } = require('buffer');
  if (typeof Blob === 'function' && body instanceof Blob) return duplexify(body.arrayBuffer(), name);
  if (isIterable(body)) return from(Duplexify(), body, { objectMode: true, writable: false });
  if (body && isReadableStream(body.readable) && isWritableStream(body.writable)) return stream().Duplex.fromWeb(body);

  if (body && (typeof body.readable === 'object' || typeof body.writable === 'object')) {
    const readable = body.readable ? (isReadableNodeStream(body.readable) ? body.readable : duplexify(body.readable)) : undefined;
    const writable = body.writable ? (isWritableNodeStream(body.writable) ? body.writable : duplexify(body.writable)) : undefined;
    return around({ readable, writable });
  }

  if (body && typeof body.then === 'function') {
    const d = new (Duplexify())({ objectMode: true, writable: false, read() {} });
    body.then((val) => {
      if (val != null) d.push(val);
      d.push(null);
    }, (err) => d.destroy(err));
    return d;
  }

  throw internal.errors.invalidArgType(name, ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable',
    'AsyncIterable', 'Function', '{ readable, writable } pair', 'Promise'], body);
}

/**
 * Calls fn(source, { signal }) where source is an async generator yielding what gets written: each write's callback
 * runs when the generator takes the next chunk (one chunk in flight), final ends the generator, destroy aborts signal.
 */
function callWithSource(fn) {
  const { AbortController, AbortError } = internal.loadBuiltin('internal/abort');
  const ac = new AbortController();
  const signal = ac.signal;
  let next = deferred(); // settles with the next write ({ chunk, cb }) or the end ({ done, cb })
  async function* source() {
    for (;;) {
      const { chunk, done, cb } = await next.promise;
      nextTick(cb);
      if (done) return;
      if (signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
      next = deferred();
      yield chunk;
    }
  }
  const value = fn(source(), { signal });
  return {
    value,
    write(chunk, encoding, cb) { next.resolve({ chunk, done: false, cb }); },
    final(cb) { next.resolve({ done: true, cb }); },
    destroy(err, cb) { ac.abort(); cb(err); },
  };
}

function deferred() {
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  return { promise, resolve };
}

/** An async function's result: a write-only Duplex that finishes when the promise resolves to null or undefined. */
function sink(value, write, final, destroy) {
  let d;
  const done = value.then((val) => {
    if (val != null) throw internal.errors.invalidReturnValue('nully', 'body', val);
  }, (err) => { d.destroy(err); });
  d = new (Duplexify())({
    objectMode: true,
    readable: false,
    write,
    final(cb) {
      final(async () => {
        try {
          await done;
          nextTick(cb, null);
        } catch (err) {
          nextTick(cb, err);
        }
      });
    },
    destroy,
  });
  return d;
}

/** A Duplex around a readable and/or a writable node stream; errors of either destroy both. */
function around(pair) {
  const r = pair.readable && typeof pair.readable.read !== 'function' ? new (stream().Readable)().wrap(pair.readable) : pair.readable;
  const w = pair.writable;
  let readable = !!isReadable(r);
  let writable = !!isWritable(w);
  const waiting = relay.newWaiting();
  let onclose; // undefined: the parts are running; null: they are done; a function: d's destroy waits for them
  let d;
  function onfinished(err) {
    const callback = onclose;
    onclose = null;
    if (callback) callback(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  }

  d = new (Duplexify())({
    readableObjectMode: !!(r && r.readableObjectMode),
    writableObjectMode: !!(w && w.writableObjectMode),
    readable,
    writable,
  });

  if (writable) {
    stream().finished(w, (err) => {
      writable = false;
      if (err && r) r.destroy(err);
      onfinished(err);
    });
    relay.writesToNode(d, w, waiting);
    w.on('finish', () => relay.release(waiting, 'final'));
  }
  if (readable) {
    stream().finished(r, (err) => {
      readable = false;
      if (err) r.destroy(err);
      onfinished(err);
    });
    relay.readsFromNode(d, r, waiting);
  }

  d._destroy = function (err, callback) {
    if (!err && onclose !== null) err = abortError();
    waiting.drain = waiting.final = waiting.readable = null;
    if (onclose === null) { callback(err); return; }
    onclose = callback;
    if (w) w.destroy(err);
    if (r) r.destroy(err);
  };
  return d;
}

module.exports = { duplexify, abortError };
