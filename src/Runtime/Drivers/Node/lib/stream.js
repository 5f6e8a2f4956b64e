// node:stream — Readable, Writable, Duplex, Transform, PassThrough (Node 22's state machines: buffering,
// highWaterMark, 'readable'/'data'/'drain' timing), pipeline, finished, compose, Duplex.from, fromWeb/toWeb and the
// Readable operators. Each lives in internal/streams/; this module gathers them.
'use strict';
const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const { Transform, PassThrough } = require('internal/streams/transform');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');
require('internal/streams/operators').install(Readable);

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
Stream._uint8ArrayToBuffer = (chunk) => require('buffer').Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
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
