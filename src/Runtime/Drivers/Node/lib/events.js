// node:events — EventEmitter (Node's semantics: 'error' without a listener throws, 'newListener' and
// 'removeListener' events, once wrappers, max-listener warnings) plus events.once().
'use strict';
const kCapture = Symbol('kCapture');
// true when the constructor gave _events its keys up front (node:stream does, with undefined values): removing a
// listener then sets its key to undefined instead of deleting it, keeping the object's shape.
const kShapeMode = Symbol('shapeMode');
const errorMonitor = Symbol('events.errorMonitor');
let defaultMaxListeners = 10;

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}
EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

EventEmitter.init = function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts && opts.captureRejections !== undefined) {
    if (typeof opts.captureRejections !== 'boolean') throw internal.errors.invalidArgType('options.captureRejections', 'boolean', opts.captureRejections);
    this[kCapture] = opts.captureRejections;
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};
Object.defineProperty(EventEmitter.prototype, kCapture, { value: false, writable: true, enumerable: false });
const kRejection = Symbol.for('nodejs.rejection');

// captureRejections: a listener's rejected promise becomes an 'error' event (or Symbol.for('nodejs.rejection')).
function addCatch(that, promise, type, args) {
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      then.call(promise, undefined, (err) => internal.nextTick(emitUnhandledRejectionOrErr, that, err, type, args));
    }
  } catch (err) {
    that.emit('error', err);
  }
}
function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
  } else {
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get() { return defaultMaxListeners; },
  set(n) { defaultMaxListeners = n; },
});

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  this._maxListeners = n;
  return this;
};
EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
};

EventEmitter.prototype.emit = function emit(type, ...args) {
  const events = this._events;
  if (type === 'error' && events !== undefined && events[errorMonitor] !== undefined) this.emit(errorMonitor, ...args);
  const handler = events === undefined ? undefined : events[type];
  if (handler === undefined) {
    if (type === 'error') {
      const er = args[0];
      if (er instanceof Error) throw er;
      const util = require('util');
      const err = new Error('Unhandled error.' + (er === undefined ? '' : ` (${util.inspect(er)})`));
      err.code = 'ERR_UNHANDLED_ERROR';
      err.context = er;
      throw err;
    }
    return false;
  }
  if (typeof handler === 'function') {
    const result = handler.apply(this, args);
    if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
  } else {
    const listeners = handler.slice();
    for (let i = 0; i < listeners.length; i++) {
      const result = listeners[i].apply(this, args);
      if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
    }
  }
  return true;
};

function addListener(target, type, listener, prepend) {
  if (typeof listener !== 'function') throw internal.errors.invalidArgType('listener', 'Function', listener);
  let events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    target.emit('newListener', type, listener.listener ? listener.listener : listener);
    events = target._events;
  }
  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    target._eventsCount++;
  } else if (typeof existing === 'function') {
    events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  const max = target.getMaxListeners ? target.getMaxListeners() : defaultMaxListeners;
  const count = typeof events[type] === 'function' ? 1 : events[type].length;
  if (max > 0 && count > max && !events[type].warned) {
    events[type].warned = true;
    const name = target.constructor ? target.constructor.name : 'EventEmitter';
    const w = new Error(`Possible EventEmitter memory leak detected. ${count} ${String(type)} listeners added to [${name}]. MaxListeners is ${max}. Use emitter.setMaxListeners() to increase limit`);
    w.name = 'MaxListenersExceededWarning';
    if (typeof process !== 'undefined' && process.emitWarning) process.emitWarning(w);
  }
  return target;
}

EventEmitter.prototype.addListener = function (type, listener) { return addListener(this, type, listener, false); };
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function (type, listener) { return addListener(this, type, listener, true); };

function onceWrapper(...args) {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return this.listener.apply(this.target, args);
  }
}
function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}
EventEmitter.prototype.once = function once(type, listener) {
  if (typeof listener !== 'function') throw internal.errors.invalidArgType('listener', 'Function', listener);
  this.on(type, onceWrap(this, type, listener));
  return this;
};
EventEmitter.prototype.prependOnceListener = function (type, listener) {
  if (typeof listener !== 'function') throw internal.errors.invalidArgType('listener', 'Function', listener);
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  if (typeof listener !== 'function') throw internal.errors.invalidArgType('listener', 'Function', listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    if (this[kShapeMode]) { this._eventsCount--; events[type] = undefined; }
    else if (--this._eventsCount === 0) this._events = Object.create(null);
    else delete events[type];
    if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
  } else if (typeof list !== 'function') {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) { position = i; break; }
    }
    if (position < 0) return this;
    list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (this[kShapeMode]) { this._eventsCount--; events[type] = undefined; }
      else if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
    }
    return this;
  }
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = Object.create(null);
    this._eventsCount = 0;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') this.removeListener(type, listeners);
  else if (listeners !== undefined) for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined || events[type] === undefined) return [];
  const l = events[type];
  if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
  return unwrap ? l.map((f) => f.listener || f) : l.slice();
}
EventEmitter.prototype.listeners = function (type) { return listenersOf(this, type, true); };
EventEmitter.prototype.rawListeners = function (type) { return listenersOf(this, type, false); };
EventEmitter.prototype.listenerCount = function (type, listener) {
  const list = listenersOf(this, type, true);
  return listener ? list.filter((l) => l === listener).length : list.length;
};
EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

function abortError(signal) {
  const { AbortError } = internal.loadBuiltin('internal/abort');
  return new AbortError(undefined, { cause: signal ? signal.reason : undefined });
}
const isEventTarget = (t) => t && typeof t.addEventListener === 'function' && typeof t.removeEventListener === 'function' && typeof t.on !== 'function';

function once(emitter, name, options = {}) {
  const signal = options ? options.signal : undefined;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw internal.errors.invalidArgType('options.signal', 'AbortSignal', signal);
  }
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const cleanup = () => { if (onAbort) signal.removeEventListener('abort', onAbort); };
    if (isEventTarget(emitter)) {
      const listener = (...args) => { cleanup(); resolve(args); };
      emitter.addEventListener(name, listener, { once: true });
      if (signal) {
        onAbort = () => { emitter.removeEventListener(name, listener); reject(abortError(signal)); };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      return;
    }
    if (typeof emitter.once !== 'function') throw internal.errors.invalidArgType('emitter', 'EventEmitter', emitter);
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      cleanup();
      reject(err);
    };
    const resolver = (...args) => {
      if (name !== 'error') emitter.removeListener('error', errorListener);
      cleanup();
      resolve(args);
    };
    emitter.once(name, resolver);
    if (name !== 'error') emitter.once('error', errorListener);
    if (signal) {
      onAbort = () => {
        emitter.removeListener(name, resolver);
        emitter.removeListener('error', errorListener);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function on(emitter, event, options = {}) {
  const signal = options ? options.signal : undefined;
  if (signal && signal.aborted) throw abortError(signal);
  const closeEvents = (options && options.close) || [];
  const queue = [];
  const waiting = [];
  let error = null;
  let finished = false;
  const target = isEventTarget(emitter);
  const add = (name, fn) => (target ? emitter.addEventListener(name, fn) : emitter.on(name, fn));
  const remove = (name, fn) => (target ? emitter.removeEventListener(name, fn) : emitter.removeListener(name, fn));
  const eventHandler = (...args) => {
    if (waiting.length) waiting.shift().resolve({ value: args, done: false });
    else queue.push(args);
  };
  const errorHandler = (err) => {
    if (waiting.length) waiting.shift().reject(err);
    else error = err;
    closeHandler();
  };
  const closeHandler = () => {
    removeAll();
    finished = true;
    while (waiting.length) waiting.shift().resolve({ value: undefined, done: true });
  };
  const abortListener = () => errorHandler(abortError(signal));
  const removeAll = () => {
    remove(event, eventHandler);
    if (!target && event !== 'error') remove('error', errorHandler);
    for (const name of closeEvents) remove(name, closeHandler);
    if (signal) signal.removeEventListener('abort', abortListener);
  };
  add(event, eventHandler);
  if (!target && event !== 'error') add('error', errorHandler);
  for (const name of closeEvents) add(name, closeHandler);
  if (signal) signal.addEventListener('abort', abortListener, { once: true });
  return {
    next() {
      if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
      if (error) { const e = error; error = null; return Promise.reject(e); }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      closeHandler();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      if (!(err instanceof Error)) throw internal.errors.invalidArgType('EventEmitter.AsyncIterator', 'Error', err);
      errorHandler(err);
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
}

const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');

function getEventListeners(emitterOrTarget, type) {
  if (emitterOrTarget && typeof emitterOrTarget.listeners === 'function') return emitterOrTarget.listeners(type);
  if (isEventTarget(emitterOrTarget)) return internal.loadBuiltin('internal/event_target').eventTargetListeners(emitterOrTarget, type);
  throw internal.errors.invalidArgType('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (emitterOrTarget && typeof emitterOrTarget.getMaxListeners === 'function') return emitterOrTarget.getMaxListeners();
  if (isEventTarget(emitterOrTarget)) return emitterOrTarget[kMaxEventTargetListeners] ?? defaultMaxListeners;
  throw internal.errors.invalidArgType('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function setMaxListeners(n = defaultMaxListeners, ...targets) {
  if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) throw internal.errors.outOfRange('n', 'a non-negative number', n);
  if (targets.length === 0) { defaultMaxListeners = n; return; }
  for (const t of targets) {
    if (isEventTarget(t)) t[kMaxEventTargetListeners] = n;
    else if (t && typeof t.setMaxListeners === 'function') t.setMaxListeners(n);
    else throw internal.errors.invalidArgType('eventTargets', ['EventEmitter', 'EventTarget'], t);
  }
}

function addAbortListener(signal, listener) {
  if (signal === undefined || signal === null || typeof signal !== 'object' || !('aborted' in signal)) throw internal.errors.invalidArgType('signal', 'AbortSignal', signal);
  internal.errors.validateFunction(listener, 'listener');
  let removed = false;
  if (signal.aborted) queueMicrotask(() => listener());
  else signal.addEventListener('abort', listener, { once: true });
  return { [Symbol.dispose || Symbol.for('nodejs.dispose')]() { if (!removed) { removed = true; signal.removeEventListener('abort', listener); } } };
}

class EventEmitterAsyncResource extends EventEmitter {
  #resource;
  constructor(options = undefined) {
    let name;
    if (typeof options === 'string') { name = options; options = undefined; } else name = (options && options.name) || new.target.name;
    super(options);
    const { AsyncResource } = internal.loadBuiltin('async_hooks');
    this.#resource = new AsyncResource(name, options);
  }
  emit(event, ...args) { return this.#resource.runInAsyncScope(super.emit, this, event, ...args); }
  emitDestroy() { this.#resource.emitDestroy(); }
  get asyncId() { return this.#resource.asyncId(); }
  get triggerAsyncId() { return this.#resource.triggerAsyncId(); }
  get asyncResource() { return this.#resource; }
}

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.once = once;
EventEmitter.on = on;
EventEmitter.errorMonitor = errorMonitor;
EventEmitter.captureRejectionSymbol = kRejection;
Object.defineProperty(EventEmitter, 'captureRejections', {
  enumerable: true,
  get() { return EventEmitter.prototype[kCapture]; },
  set(value) {
    if (typeof value !== 'boolean') throw internal.errors.invalidArgType('EventEmitter.captureRejections', 'boolean', value);
    EventEmitter.prototype[kCapture] = value;
  },
});
EventEmitter.usingDomains = false;
EventEmitter.getEventListeners = getEventListeners;
EventEmitter.getMaxListeners = getMaxListeners;
EventEmitter.setMaxListeners = setMaxListeners;
EventEmitter.addAbortListener = addAbortListener;
EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
EventEmitter.EventEmitterAsyncResource = EventEmitterAsyncResource;
EventEmitter.init = EventEmitter.init;
module.exports = EventEmitter;
