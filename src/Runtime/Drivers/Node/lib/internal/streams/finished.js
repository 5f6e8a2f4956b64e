// stream.finished(stream[, options], callback): calls back once when the stream is done — ended and/or finished
// (options.readable / options.writable pick the sides), errored, or closed early (ERR_STREAM_PREMATURE_CLOSE). As in
// Node, a stream that will emit 'close' (autoDestroy and emitClose) is done only at its 'close', and the listeners
// stay until the returned cleanup function is called, so a later error is not uncaught.
'use strict';
const { isNodeStream, isReadableNodeStream, isWritableNodeStream } = require('internal/streams/utils');
const { nextTick } = internal;

function prematureClose() {
  return internal.errors.codedError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close');
}

function finished(stream, options, callback) {
  if (arguments.length === 2) { callback = options; options = {}; } else if (options == null) options = {};
  if (typeof options !== 'object') throw internal.errors.invalidArgType('options', 'object', options);
  if (typeof callback !== 'function') throw internal.errors.invalidArgType('callback', 'Function', callback);
  if (!isNodeStream(stream)) throw internal.errors.invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);

  const r = stream._readableState;
  const w = stream._writableState;
  const readable = options.readable ?? isReadableNodeStream(stream);
  const writable = options.writable ?? isWritableNodeStream(stream);
  const state = w || r;
  const willEmitClose = !!(state && state.autoDestroy && state.emitClose && !state.closed) &&
    isReadableNodeStream(stream) === readable && isWritableNodeStream(stream) === writable;

  let called = false;
  const done = (err) => {
    if (called) return;
    called = true;
    callback.call(stream, err);
  };
  let readableFinished = !!(r && r.endEmitted);
  let writableFinished = !!(w && w.finished);

  const onFinish = () => {
    writableFinished = true;
    if (willEmitClose && (!isReadableNodeStream(stream) || readable)) return;
    if (!readable || readableFinished) done();
  };
  const onEnd = () => {
    readableFinished = true;
    if (willEmitClose && (!isWritableNodeStream(stream) || writable)) return;
    if (!writable || writableFinished) done();
  };
  const onError = (err) => done(err);
  // an ended readable with nothing left, or an ended writable with nothing pending, did not close early
  const onClose = () => {
    const errored = (w && w.errored) || (r && r.errored);
    if (errored && typeof errored !== 'boolean') { done(errored); return; }
    if (readable && !readableFinished && isReadableNodeStream(stream) && !(r && (r.endEmitted || (r.ended && r.length === 0)))) {
      done(prematureClose());
      return;
    }
    if (writable && !writableFinished && isWritableNodeStream(stream) && !(w && (w.finished || (w.ended && w.length === 0)))) {
      done(prematureClose());
      return;
    }
    done();
  };

  stream.on('end', onEnd);
  stream.on('finish', onFinish);
  stream.on('error', onError);
  stream.on('close', onClose);

  // already done: report on the next tick
  if (state && state.closed) nextTick(onClose);
  else if (!willEmitClose && (!readable || readableFinished) && (!writable || writableFinished)) nextTick(done);

  return function cleanup() {
    called = true;
    stream.removeListener('end', onEnd);
    stream.removeListener('finish', onFinish);
    stream.removeListener('error', onError);
    stream.removeListener('close', onClose);
  };
}

module.exports = finished;
