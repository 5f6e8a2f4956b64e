// node:async_hooks — AsyncLocalStorage and AsyncResource over the runtime's async context frames
// (internal/async_context), and the async ids and hooks (createHook) the bootstrap keeps for every scheduled callback.
'use strict';
const ctx = require('internal/async_context');
const { actx } = internal;
const errors = internal.errors;

class AsyncLocalStorage {
  #enabled = false;
  constructor() { ctx.enable(); }

  static bind(fn) { return AsyncResource.bind(fn); }

  static snapshot() {
    const frame = actx.frame;
    return function runInAsyncScope(fn, ...args) { return ctx.runInFrame(frame, fn, this, args); };
  }

  disable() {
    this.#enabled = false;
    actx.frame = ctx.withoutStore(this);
  }

  getStore() {
    if (!this.#enabled || actx.frame === undefined) return undefined;
    return actx.frame.get(this);
  }

  enterWith(store) {
    this.#enabled = true;
    actx.frame = ctx.withStore(this, store);
  }

  run(store, callback, ...args) {
    this.#enabled = true;
    return ctx.runInFrame(ctx.withStore(this, store), callback, null, args);
  }

  exit(callback, ...args) {
    if (!this.#enabled) return Reflect.apply(callback, null, args);
    return ctx.runInFrame(ctx.withoutStore(this), callback, null, args);
  }
}

class AsyncResource {
  #frame;
  #asyncId;
  #triggerAsyncId;
  constructor(type, opts = {}) {
    if (typeof type !== 'string') throw errors.invalidArgType('type', 'string', type);
    ctx.enable();
    this.#frame = actx.frame;
    this.#asyncId = ++actx.lastId;
    const trigger = typeof opts === 'number' ? opts : opts && opts.triggerAsyncId;
    this.#triggerAsyncId = trigger === undefined ? actx.eid : trigger;
    if (actx.hooks !== null) actx.hooks.init(this.#asyncId, type, this.#triggerAsyncId, this);
  }
  runInAsyncScope(fn, thisArg, ...args) {
    return actx.run(this.#frame, this.#asyncId, this.#triggerAsyncId, this, fn, thisArg, args, false);
  }
  emitDestroy() {
    if (actx.hooks !== null) actx.hooks.destroy(this.#asyncId);
    return this;
  }
  asyncId() { return this.#asyncId; }
  triggerAsyncId() { return this.#triggerAsyncId; }
  bind(fn, thisArg) {
    errors.validateFunction(fn, 'fn');
    const resource = this;
    const bound = thisArg === undefined
      ? function (...args) { return resource.runInAsyncScope(fn, this, ...args); }
      : function (...args) { return resource.runInAsyncScope(fn, thisArg, ...args); };
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: { configurable: true, enumerable: true, value: this, writable: true },
    });
    return bound;
  }
  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return (new AsyncResource(type)).bind(fn, thisArg);
  }
}

// ---- createHook: the enabled hooks, called by the bootstrap through actx.hooks (null while none is enabled) ----
const kCallbacks = ['init', 'before', 'after', 'destroy', 'promiseResolve'];
const callbacksOf = new WeakMap(); // AsyncHook → its callbacks
const enabled = new Set();

function emitter(name) {
  return (...args) => {
    for (const hook of [...enabled]) {
      const fn = callbacksOf.get(hook)[name];
      if (fn !== undefined) Reflect.apply(fn, hook, args);
    }
  };
}
const hooks = Object.fromEntries(kCallbacks.map((name) => [name, emitter(name)]));
// As in Node, destroy hooks run after the fact (an uncaught error is handled while its resource still lives).
const emitDestroy = hooks.destroy;
const destroyed = [];
hooks.destroy = (id) => {
  destroyed.push(id);
  if (destroyed.length === 1) {
    queueMicrotask(() => {
      for (let i = 0; i < destroyed.length; i++) emitDestroy(destroyed[i]);
      destroyed.length = 0;
    });
  }
};

class AsyncHook {
  constructor(callbacks) {
    const own = {};
    for (const name of kCallbacks) {
      if (callbacks[name] !== undefined && typeof callbacks[name] !== 'function') {
        throw errors.codedError(TypeError, 'ERR_ASYNC_CALLBACK', `hook.${name} must be a function`);
      }
      own[name] = callbacks[name];
    }
    callbacksOf.set(this, own);
  }
  enable() {
    if (enabled.has(this)) return this;
    enabled.add(this);
    actx.hooks = hooks;
    // Promises become async resources only while a hook wants them (as in Node)
    const own = callbacksOf.get(this);
    if (own.init || own.before || own.after || own.promiseResolve) ctx.enable(own.promiseResolve !== undefined);
    return this;
  }
  disable() {
    enabled.delete(this);
    if (enabled.size === 0) actx.hooks = null;
    return this;
  }
}

function createHook(callbacks) {
  if (callbacks === null || typeof callbacks !== 'object') throw errors.invalidArgType('callbacks', 'Object', callbacks);
  return new AsyncHook(callbacks);
}

// The top-level resource of the main script (Node's executionAsyncResource() outside any callback).
const topLevelResource = {};

module.exports = {
  AsyncLocalStorage,
  AsyncResource,
  createHook,
  executionAsyncId: () => actx.eid,
  triggerAsyncId: () => actx.tid,
  executionAsyncResource: () => (actx.resource === undefined ? topLevelResource : actx.resource),
  asyncWrapProviders: Object.freeze({ __proto__: null }),
};
