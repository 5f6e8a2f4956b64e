// node:internal/async_context — AsyncLocalStorage frames. A frame is an immutable Map(storage → store);
// the bootstrap records the frame of every scheduled callback (ticks, timers, immediates, fs and child
// callbacks) and this module restores the creating frame around promise reactions, fed by V8's promise hook.
'use strict';
const { actx, bridge, OP } = internal;

const frameOfPromise = new WeakMap();
const reactionStack = [];

function enable() {
  if (actx.hooked) return;
  actx.hooked = true;
  bridge(OP.PromiseHookEnable);
}

/** From the host: 0 = a promise was created, 2 = its reaction job starts, 3 = it ended. */
function onPromiseHook(kind, promise) {
  if (kind === 0) {
    if (actx.frame !== undefined) frameOfPromise.set(promise, actx.frame);
  } else if (kind === 2) {
    reactionStack.push(actx.frame);
    actx.frame = frameOfPromise.get(promise);
  } else if (kind === 3) {
    actx.frame = reactionStack.pop();
  }
}

function runInFrame(frame, fn, thisArg, args) {
  const prev = actx.frame;
  actx.frame = frame;
  try { return Reflect.apply(fn, thisArg, args); } finally { actx.frame = prev; }
}

function withStore(storage, store) {
  const next = new Map(actx.frame);
  next.set(storage, store);
  return next;
}

function withoutStore(storage) {
  if (actx.frame === undefined || !actx.frame.has(storage)) return actx.frame;
  const next = new Map(actx.frame);
  next.delete(storage);
  return next.size ? next : undefined;
}

module.exports = { enable, onPromiseHook, runInFrame, withStore, withoutStore };
