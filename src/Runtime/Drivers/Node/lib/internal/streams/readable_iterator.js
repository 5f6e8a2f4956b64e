// for await (const chunk of readable): reads in paused mode ('readable' + read()), so a byte stream yields what is
// buffered as one chunk. A stream closed before its end throws ERR_STREAM_PREMATURE_CLOSE. Leaving the loop early
// (or an error) destroys the stream, unless options.destroyOnReturn is false.
'use strict';
const finished = require('internal/streams/finished');
const { destroyer } = require('internal/streams/destroy');

function streamToAsyncIterator(Readable, stream, options) {
  if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
  const iter = iterate(stream, options);
  iter.stream = stream;
  return iter;
}

function aggregate(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) { outer.errors.push(inner); return outer; }
    const e = new AggregateError([outer, inner], outer.message);
    e.code = outer.code;
    return e;
  }
  return inner || outer;
}

async function* iterate(stream, options) {
  let callback = () => {};
  function next(resolve) {
    if (this === stream) {
      const cb = callback;
      callback = () => {};
      cb();
    } else {
      callback = resolve;
    }
  }
  stream.on('readable', next);
  let error; // undefined: still running; null: ended cleanly
  const cleanup = finished(stream, { writable: false }, (err) => {
    error = err ? aggregate(error, err) : null;
    const cb = callback;
    callback = () => {};
    cb();
  });
  try {
    for (;;) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) yield chunk;
      else if (error) throw error;
      else if (error === null) return;
      else await new Promise(next);
    }
  } catch (err) {
    error = aggregate(error, err);
    throw error;
  } finally {
    if ((error || (options && options.destroyOnReturn) !== false) && (error === undefined || stream._readableState.autoDestroy)) {
      destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

module.exports = streamToAsyncIterator;
