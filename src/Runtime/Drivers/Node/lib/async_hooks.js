// node:async_hooks — AsyncLocalStorage and AsyncResource over the runtime's async context frames
// (internal/async_context). The low-level hooks API (createHook, async ids) is not provided.
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

let nextAsyncId = 1;
class AsyncResource {
  #frame;
  #asyncId;
  #triggerAsyncId;
  constructor(type, opts = {}) {
    if (typeof type !== 'string') throw errors.invalidArgType('type', 'string', type);
    ctx.enable();
    this.#frame = actx.frame;
    this.#asyncId = ++nextAsyncId;
    this.#triggerAsyncId = typeof opts === 'number' ? opts : (opts && opts.triggerAsyncId) || 0;
  }
  runInAsyncScope(fn, thisArg, ...args) { return ctx.runInFrame(this.#frame, fn, thisArg, args); }
  emitDestroy() { return this; }
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

function unsupported(name) {
  return function () { throw errors.notSupported(`async_hooks.${name}`); };
}

module.exports = {
  AsyncLocalStorage,
  AsyncResource,
  createHook: unsupported('createHook'),
  executionAsyncId: unsupported('executionAsyncId'),
  triggerAsyncId: unsupported('triggerAsyncId'),
  executionAsyncResource: unsupported('executionAsyncResource'),
  asyncWrapProviders: Object.freeze({ __proto__: null }),
};
