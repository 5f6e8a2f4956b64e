// node:internal/async_context — AsyncLocalStorage frames. A frame is an immutable Map(storage → store);
// the bootstrap records the frame (and async id) of every scheduled callback (ticks, timers, immediates, fs and child
// callbacks) and this module restores the creating frame around promise reactions, fed by V8's promise hook; with
// async hooks enabled it also gives promises async ids and calls the hooks for them.
'use strict';
const { actx, bridge, OP } = internal;

const frameOfPromise = new WeakMap();
const reactionStack = [];
// With async hooks enabled, promises are async resources too (as in Node, only then): promise → [id, trigger id].
const idsOfPromise = new WeakMap();
let promiseDestroyed = null; // FinalizationRegistry: a collected promise's destroy hook

/** Switches V8's promise hook on (AsyncLocalStorage, async hooks); settled: also report resolutions. */
function enable(settled = false) {
  if (actx.hooked && !settled) return;
  actx.hooked = true;
  bridge(OP.PromiseHookEnable, settled);
}

/** From the host: 0 = a promise was created (parent: the promise it chains from), 1 = resolved, 2 = its reaction job
 * starts, 3 = it ended. */
function onPromiseHook(kind, promise, parent) {
  const hooks = actx.hooks;
  if (kind === 0) {
    if (actx.frame !== undefined) frameOfPromise.set(promise, actx.frame);
    if (hooks !== null) {
      const parentIds = parent !== undefined ? idsOfPromise.get(parent) : undefined;
      const ids = [++actx.lastId, parentIds !== undefined ? parentIds[0] : actx.eid];
      idsOfPromise.set(promise, ids);
      if (promiseDestroyed === null) promiseDestroyed = new FinalizationRegistry((id) => { if (actx.hooks !== null) actx.hooks.destroy(id); });
      promiseDestroyed.register(promise, ids[0]);
      hooks.init(ids[0], 'PROMISE', ids[1], promise);
    }
  } else if (kind === 2) {
    const ids = idsOfPromise.get(promise);
    reactionStack.push(actx.frame, actx.eid, actx.tid, actx.resource);
    actx.frame = frameOfPromise.get(promise);
    if (ids !== undefined) {
      actx.eid = ids[0];
      actx.tid = ids[1];
      actx.resource = promise;
      if (hooks !== null) hooks.before(ids[0]);
    }
  } else if (kind === 3) {
    const ids = idsOfPromise.get(promise);
    if (ids !== undefined && hooks !== null) hooks.after(ids[0]);
    actx.resource = reactionStack.pop();
    actx.tid = reactionStack.pop();
    actx.eid = reactionStack.pop();
    actx.frame = reactionStack.pop();
  } else if (kind === 1 && hooks !== null) {
    const ids = idsOfPromise.get(promise);
    if (ids !== undefined) hooks.promiseResolve(ids[0]);
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
