// stream.compose(...streams): one Duplex for a pipeline of parts. Writes go to the first part, reads come from the
// last; the result is writable only if the first part is, readable only if the last part is. A single part is
// Duplex.from(part). Functions first or last become Duplex.from(fn); functions in between are pipeline transforms.
'use strict';
const {
  isNodeStream, isReadable, isWritable, isWebStream, isReadableStream, isWritableStream, isTransformStream,
} = require('internal/streams/utils');
const { pipeline } = require('internal/streams/pipeline');
const { duplexify, abortError } = require('internal/streams/duplexify');
const relay = require('internal/streams/relay');
const stream = () => require('stream');

function compose(...streams) {
  if (streams.length === 0) throw internal.errors.missingArgs('streams');
  if (streams.length === 1) return duplexify(streams[0], 'body');

  const given = [...streams];
  if (typeof streams[0] === 'function') streams[0] = duplexify(streams[0], 'body');
  const lastIndex = streams.length - 1;
  if (typeof streams[lastIndex] === 'function') streams[lastIndex] = duplexify(streams[lastIndex], 'body');

  // Only streams are checked here; other values are left to the pipeline.
  for (let n = 0; n < streams.length; n++) {
    const part = streams[n];
    if (!isNodeStream(part) && !isWebStream(part)) continue;
    if (n < lastIndex && !(isReadable(part) || isReadableStream(part) || isTransformStream(part))) {
      throw internal.errors.invalidArgValue(`streams[${n}]`, given[n], 'must be readable');
    }
    if (n > 0 && !(isWritable(part) || isWritableStream(part) || isTransformStream(part))) {
      throw internal.errors.invalidArgValue(`streams[${n}]`, given[n], 'must be writable');
    }
  }

  const waiting = relay.newWaiting();
  let onclose; // undefined: the pipeline runs; null: it is done; a function: d's destroy waits for it
  let d;
  function onfinished(err) {
    const callback = onclose;
    onclose = null;
    if (!err) relay.release(waiting, 'final');
    if (callback) callback(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  }

  const head = streams[0];
  const tail = pipeline(streams, onfinished);
  const writable = !!(isWritable(head) || isWritableStream(head) || isTransformStream(head));
  const readable = !!(isReadable(tail) || isReadableStream(tail) || isTransformStream(tail));

  d = new (stream().Duplex)({
    writableObjectMode: !!(head && head.writableObjectMode),
    readableObjectMode: !!(tail && tail.readableObjectMode),
    writable,
    readable,
  });

  if (writable) {
    if (isNodeStream(head)) relay.writesToNode(d, head, waiting);
    else relay.writesToWeb(d, head, waiting);
    // d finishes when everything written has come out of the last part
    if (isNodeStream(tail)) stream().finished(tail, () => relay.release(waiting, 'final'));
  }
  if (readable) {
    if (isNodeStream(tail)) relay.readsFromNode(d, tail, waiting);
    else relay.readsFromWeb(d, tail, () => relay.release(waiting, 'final'));
  }

  d._destroy = function (err, callback) {
    if (!err && onclose !== null) err = abortError();
    waiting.drain = waiting.final = waiting.readable = null;
    if (onclose === null) { callback(err); return; }
    onclose = callback;
    if (isNodeStream(tail)) tail.destroy(err);
  };
  return d;
}

module.exports = compose;
