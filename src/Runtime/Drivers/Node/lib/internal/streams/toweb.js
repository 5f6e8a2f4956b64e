// Readable.toWeb, Writable.toWeb, Duplex.toWeb: WHATWG streams over node streams (Node 22's webstreams adapters).
// The ReadableStream takes the node stream's 'data' (pausing it when its queue is full); the WritableStream's writes
// wait for 'drain' after a false write(). The end, an error or an early close reaches the web side through finished().
'use strict';
const { isDestroyed, isReadable, isWritable } = require('internal/streams/utils');
const finished = require('internal/streams/finished');
const { destroyer } = require('internal/streams/destroy');
const web = () => require('internal/webstreams');

function abortError(cause) {
  const { AbortError } = internal.loadBuiltin('internal/abort');
  return cause === undefined ? new AbortError() : new AbortError(undefined, { cause });
}

// A premature close reaches the web side as an AbortError caused by it.
function closeError(error) {
  return error && error.code === 'ERR_STREAM_PREMATURE_CLOSE' ? abortError(error) : error;
}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/** Object mode counts chunks; byte mode uses only the highWaterMark (one chunk counts 1, as in Node). */
function strategyFor(objectMode, highWaterMark) {
  return objectMode ? new (web().CountQueuingStrategy)({ highWaterMark }) : { highWaterMark };
}

function readableToWeb(streamReadable, options = {}) {
  if (!streamReadable || typeof streamReadable._readableState !== 'object') {
    throw internal.errors.invalidArgType('streamReadable', 'stream.Readable', streamReadable);
  }
  const { ReadableStream } = web();
  if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }
  const objectMode = streamReadable.readableObjectMode;
  const strategy = (options && options.strategy) || strategyFor(objectMode, streamReadable.readableHighWaterMark);
  const { Buffer } = require('buffer');
  let controller;
  function onData(chunk) {
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk); // a copy, off the pool
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }
  streamReadable.pause(); // flows only while the web stream pulls
  const cleanup = finished(streamReadable, (error) => {
    error = closeError(error);
    cleanup();
    streamReadable.on('error', () => {}); // a legacy stream may emit 'error' again
    if (error) controller.error(error);
    else controller.close();
  });
  streamReadable.on('data', onData);
  return new ReadableStream({
    start(c) { controller = c; },
    pull() { streamReadable.resume(); },
    cancel(reason) { destroyer(streamReadable, reason); },
  }, strategy);
}

function writableToWeb(streamWritable) {
  if (!streamWritable || typeof streamWritable._writableState !== 'object') {
    throw internal.errors.invalidArgType('streamWritable', 'stream.Writable', streamWritable);
  }
  const { WritableStream } = web();
  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }
  const strategy = strategyFor(streamWritable.writableObjectMode, streamWritable.writableHighWaterMark);
  let controller;
  let backpressure; // settles at the next 'drain'
  let closed; // settles when end() has finished
  const cleanup = finished(streamWritable, (error) => {
    error = closeError(error);
    cleanup();
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressure !== undefined) backpressure.reject(error);
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller.error(abortError());
    controller = undefined;
  });
  streamWritable.on('drain', () => { if (backpressure !== undefined) backpressure.resolve(); });
  return new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressure = deferred();
        return backpressure.promise.finally(() => { backpressure = undefined; });
      }
      return undefined;
    },
    abort(reason) { destroyer(streamWritable, reason); },
    close() {
      if (closed === undefined && !streamWritable.writableEnded) {
        closed = deferred();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

function duplexToWeb(duplex) {
  if (!duplex || typeof duplex._writableState !== 'object' || typeof duplex._readableState !== 'object') {
    throw internal.errors.invalidArgType('duplex', 'stream.Duplex', duplex);
  }
  const { ReadableStream, WritableStream } = web();
  if (isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream();
    writable.close();
    readable.cancel();
    return { readable, writable };
  }
  let writable;
  if (isWritable(duplex)) {
    writable = writableToWeb(duplex);
  } else {
    writable = new WritableStream();
    writable.close();
  }
  let readable;
  if (isReadable(duplex)) {
    readable = readableToWeb(duplex);
  } else {
    readable = new ReadableStream();
    readable.cancel();
  }
  return { writable, readable };
}

module.exports = { readableToWeb, writableToWeb, duplexToWeb };
