// stream.pipeline: parts in a row — node streams, WHATWG streams, iterables, and functions that get the previous part
// as an async iterable (and { signal }) and return an async iterable, or for the last part a promise. The first error
// destroys every part that has not finished; the callback runs once, when every part is done, as (err, value) where
// value is what a last async function resolved to.
'use strict';
const {
  isNodeStream, isReadableNodeStream, isReadable, isIterable, isReadableStream, isTransformStream, isWebStream,
} = require('internal/streams/utils');
const { nextTick } = internal;
const errors = () => internal.errors;
const stream = () => require('stream');

function pipeline(...streams) {
  const callback = streams.pop();
  if (typeof callback !== 'function') throw errors().invalidArgType('streams[stream.length - 1]', 'Function', callback);
  return pipelineImpl(streams, callback);
}

/** Node's pipeline arguments: an array or a list of parts, at least two. */
function pipelineParts(streams) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw errors().missingArgs('streams');
  return streams;
}

// opts: { signal, end } from stream/promises' pipeline.
function pipelineImpl(streams, callback, opts = {}) {
  streams = pipelineParts(streams);
  const { AbortController, AbortError } = internal.loadBuiltin('internal/abort');
  const ac = new AbortController();
  const outerSignal = opts.signal;
  const onAbort = () => finishImpl(new AbortError(undefined, { cause: outerSignal.reason }), false);
  if (outerSignal) outerSignal.addEventListener('abort', onAbort);

  let error;
  let value;
  let pending = 0; // parts and pumps not yet done
  let called = false;
  const destroys = [];
  const lastCleanups = [];
  function finish(err) { finishImpl(err, --pending === 0); }
  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    if (outerSignal) outerSignal.removeEventListener('abort', onAbort);
    ac.abort();
    if (final && !called) {
      called = true;
      if (!error) for (const fn of lastCleanups) fn();
      nextTick(callback, error, value);
    }
  }

  let ret; // what the next part reads: a stream or an iterable
  for (let i = 0; i < streams.length; i++) {
    const part = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || opts.end !== false;
    const isLast = i === streams.length - 1;

    if (isNodeStream(part)) {
      // errors after a part is done still fail the pipeline instead of going uncaught
      const onError = (err) => { if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finishImpl(err, false); };
      part.on('error', onError);
      if (isLast && isReadable(part)) lastCleanups.push(() => part.removeListener('error', onError));
      if (reading || writing) destroys.push(destroyer(part, reading, writing));
    }

    if (i === 0) {
      if (typeof part === 'function') {
        ret = part({ signal: ac.signal });
        if (!isIterable(ret)) throw errors().invalidReturnValue('Iterable, AsyncIterable or Stream', 'source', ret);
      } else if (isIterable(part) || isReadableNodeStream(part) || isTransformStream(part) || isReadableStream(part)) {
        ret = part;
      } else {
        ret = stream().Duplex.from(part);
      }
    } else if (typeof part === 'function') {
      ret = part(asIterable(ret), { signal: ac.signal });
      if (reading) {
        if (!isIterable(ret, true)) throw errors().invalidReturnValue('AsyncIterable', `transform[${i - 1}]`, ret);
      } else {
        const pt = new (stream().PassThrough)({ objectMode: true });
        const then = ret && ret.then;
        if (typeof then === 'function') {
          pending++;
          then.call(ret, (val) => {
            value = val;
            if (val != null) pt.write(val);
            if (end) pt.end();
            nextTick(finish);
          }, (err) => {
            pt.destroy(err);
            nextTick(finish, err);
          });
        } else if (isIterable(ret, true)) {
          pending++;
          pumpToNode(ret, pt, finish, { end });
        } else if (isReadableStream(ret) || isTransformStream(ret)) {
          pending++;
          pumpToNode(ret.readable || ret, pt, finish, { end });
        } else {
          throw errors().invalidReturnValue('AsyncIterable or Promise', 'destination', ret);
        }
        ret = pt;
        destroys.push(destroyer(ret, false, true));
      }
    } else if (isNodeStream(part)) {
      if (isReadableNodeStream(ret)) {
        pending += 2;
        pipe(ret, part, finish, { end });
      } else if (isReadableStream(ret) || isTransformStream(ret) || isIterable(ret)) {
        pending++;
        pumpToNode(isTransformStream(ret) ? ret.readable : ret, part, finish, { end });
      } else {
        throw errors().invalidArgType('val', ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'], ret);
      }
      ret = part;
    } else if (isWebStream(part)) {
      if (isReadableNodeStream(ret) || isReadableStream(ret) || isIterable(ret)) {
        pending++;
        pumpToWeb(ret, part, finish, { end });
      } else if (isTransformStream(ret)) {
        pending++;
        pumpToWeb(ret.readable, part, finish, { end });
      } else {
        throw errors().invalidArgType('val', ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'], ret);
      }
      ret = part;
    } else {
      ret = stream().Duplex.from(part);
    }
  }
  if (outerSignal && outerSignal.aborted) nextTick(onAbort);
  return ret;
}

function asIterable(ret) {
  if (isTransformStream(ret)) return ret.readable;
  return ret;
}

/** Destroys a part with the pipeline's error unless it already finished. */
function destroyer(part, reading, writing) {
  let done = false;
  stream().finished(part, { readable: reading, writable: writing }, (err) => { done = !err; });
  return (err) => {
    if (done) return;
    done = true;
    part.destroy(err || errors().codedError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call pipe after a stream was destroyed'));
  };
}

/** src.pipe(dst) counted as two parts: the source's end and (when ending it) the destination's finish. */
function pipe(src, dst, finish, { end }) {
  src.pipe(dst, { end: false });
  if (end) {
    const endDst = () => dst.end();
    if (src._readableState && src._readableState.endEmitted) nextTick(endDst);
    else src.once('end', endDst);
    stream().finished(dst, { readable: false, writable: true }, finish);
  } else {
    finish();
  }
  stream().finished(src, { readable: true, writable: false }, finish);
}

/** Writes an iterable (or web readable) into a node writable, waiting for 'drain'; ends it and waits for its finish. */
async function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let wake = null;
  const resume = (err) => {
    if (err) error = err;
    if (wake) { const w = wake; wake = null; w(); }
  };
  const wait = () => new Promise((resolve, reject) => {
    if (error) { reject(error); return; }
    wake = () => (error ? reject(error) : resolve());
  });
  writable.on('drain', resume);
  const cleanup = stream().finished(writable, { readable: false }, resume);
  try {
    if (writable.writableNeedDrain) await wait();
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await wait();
    }
    if (end) { writable.end(); await wait(); }
    finish();
  } catch (err) {
    finish(err);
  } finally {
    cleanup();
    writable.removeListener('drain', resume);
  }
}

/** Writes an iterable into a WHATWG WritableStream (or a TransformStream's writable side). */
async function pumpToWeb(readable, dest, finish, { end }) {
  const writer = (isTransformStream(dest) ? dest.writable : dest).getWriter();
  try {
    for await (const chunk of readable) {
      await writer.ready;
      writer.write(chunk).catch(() => {});
    }
    await writer.ready;
    if (end) await writer.close();
    finish();
  } catch (err) {
    try { await writer.abort(err); } catch { /* the abort's own failure is not the pipeline's error */ }
    finish(err);
  }
}

module.exports = { pipeline, pipelineImpl };
