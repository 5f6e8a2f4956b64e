// What kind of stream a value is, by shape (Node's internal/streams/utils): node:stream objects, WHATWG streams,
// iterables. isReadable/isWritable answer null for values that are not streams.
'use strict';

function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.on === 'function' && (typeof obj.write === 'function' || typeof obj.pipe === 'function'))));
}
// A Writable has pipe() too (from the legacy Stream), so a stream with a writable state must also have a readable one.
function isReadableNodeStream(obj) {
  if (!obj || typeof obj.pipe !== 'function' || typeof obj.on !== 'function') return false;
  return !obj._writableState || !!(obj._readableState && obj._readableState.readable !== false);
}
function isWritableNodeStream(obj) {
  if (!obj || typeof obj.write !== 'function' || typeof obj.on !== 'function') return false;
  return !obj._readableState || !(obj._writableState && obj._writableState.writable === false);
}
function isDuplexNodeStream(obj) {
  return !!(obj && obj._readableState && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    typeof obj.write === 'function');
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  const async = typeof obj[Symbol.asyncIterator] === 'function';
  const sync = typeof obj[Symbol.iterator] === 'function';
  return isAsync === true ? async : isAsync === false ? sync : async || sync;
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return !!(stream.destroyed || (state && state.destroyed));
}
function isReadableFinished(stream) {
  const s = stream._readableState;
  return !!(s && !s.errored && s.endEmitted);
}
function isWritableEnded(stream) {
  const s = stream._writableState;
  return stream.writableEnded === true || !!(s && !s.errored && s.ended);
}
/** Still able to give data: a readable node stream not destroyed and not at its end; null for non-streams. */
function isReadable(stream) {
  if (!stream || typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}
/** Still able to take data: a writable node stream not destroyed and not ended; null for non-streams. */
function isWritable(stream) {
  if (!stream || typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

// WHATWG streams, by the methods they have (and not being node streams).
function isReadableStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.pipeThrough === 'function' && typeof obj.getReader === 'function' &&
    typeof obj.cancel === 'function');
}
function isWritableStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.getWriter === 'function' && typeof obj.abort === 'function');
}
function isTransformStream(obj) {
  return !!(obj && !isNodeStream(obj) && typeof obj.readable === 'object' && typeof obj.writable === 'object');
}
function isWebStream(obj) { return isReadableStream(obj) || isWritableStream(obj) || isTransformStream(obj); }

module.exports = {
  isNodeStream, isReadableNodeStream, isWritableNodeStream, isDuplexNodeStream, isIterable, isDestroyed,
  isReadable, isWritable, isReadableStream, isWritableStream, isTransformStream, isWebStream,
};
