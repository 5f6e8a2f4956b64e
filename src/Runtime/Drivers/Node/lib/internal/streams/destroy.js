// destroy(), _undestroy(), errorOrDestroy() and _construct() handling for Readable/Writable/Duplex (Node 22's
// internal/streams/destroy): destroy marks both sides destroyed at once, runs _destroy (after _construct has
// finished), then emits 'error' (once per stream) and 'close' on a later tick.
'use strict';
const { nextTick } = internal;

const kConstruct = Symbol('kConstruct');
const kDestroy = Symbol('kDestroy');

function recordError(err, w, r) {
  if (!err) return;
  if (w && !w.errored) w.errored = err;
  if (r && !r.errored) r.errored = err;
}

function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  const s = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  recordError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if (!s.constructed) {
    this.once(kDestroy, function (constructErr) { runDestroy(this, aggregate(constructErr, err), cb); });
  } else {
    runDestroy(this, err, cb);
  }
  return this;
}

function aggregate(a, b) {
  if (a && b && a !== b) {
    if (Array.isArray(b.errors)) { b.errors.push(a); return b; }
    const e = new AggregateError([b, a], b.message);
    e.code = b.code;
    return e;
  }
  return a || b;
}

function runDestroy(stream, err, cb) {
  let called = false;
  const onDestroy = (e) => {
    if (called) return;
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    recordError(e, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(e);
    if (e) nextTick(emitErrorCloseNT, stream, e);
    else nextTick(emitCloseNT, stream);
  };
  try {
    stream._destroy(err || null, onDestroy);
  } catch (e) {
    onDestroy(e);
  }
}

function emitErrorCloseNT(stream, err) {
  emitErrorNT(stream, err);
  emitCloseNT(stream);
}

function emitCloseNT(stream) {
  const r = stream._readableState;
  const w = stream._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) stream.emit('close');
}

function emitErrorNT(stream, err) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  stream.emit('error', err);
}

/** Back to a fresh state (used by net.Socket on reconnect); a side disabled at construction stays ended. */
function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (r) {
    r.constructed = true;
    r.closed = false;
    r.closeEmitted = false;
    r.destroyed = false;
    r.errored = null;
    r.errorEmitted = false;
    r.reading = false;
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true;
    w.destroyed = false;
    w.closed = false;
    w.closeEmitted = false;
    w.errored = null;
    w.errorEmitted = false;
    w.finalCalled = false;
    w.prefinished = false;
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finished = w.writable === false;
  }
}

/** An error from inside the stream machinery: destroy with it (autoDestroy), else record and emit it. */
function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    recordError(err, w, r);
    if (sync) nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

/** Runs stream._construct on the next tick; both sides count as unconstructed until its callback. */
function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstruct, cb);
  if (stream.listenerCount(kConstruct) > 1) return; // a Duplex registers once per side
  nextTick(constructNT, stream);
}

function constructNT(stream) {
  let called = false;
  const onConstruct = (err) => {
    if (called) {
      errorOrDestroy(stream, err ?? internal.errors.codedError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'));
      return;
    }
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    const s = w || r;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if (s.destroyed) stream.emit(kDestroy, err);
    else if (err) errorOrDestroy(stream, err, true);
    else stream.emit(kConstruct);
  };
  try {
    stream._construct((err) => { nextTick(onConstruct, err); });
  } catch (err) {
    nextTick(onConstruct, err);
  }
}

/** Destroys any stream-like value: node streams, http requests (abort), or objects with destroy/close. */
function destroyer(stream, err) {
  if (!stream) return;
  if (typeof stream.setHeader === 'function' && typeof stream.abort === 'function') stream.abort();
  else if (typeof stream.destroy === 'function') stream.destroy(err);
  else if (typeof stream.close === 'function') stream.close();
}

module.exports = { destroy, undestroy, errorOrDestroy, construct, destroyer, kConstruct, kDestroy };
