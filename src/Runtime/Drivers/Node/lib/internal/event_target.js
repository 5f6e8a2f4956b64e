// node:internal/event_target — WHATWG Event, CustomEvent and EventTarget as Node implements them (no
// bubbling: every dispatch is at the target); listener options once, capture, passive and signal.
'use strict';
const errors = internal.errors;
const kState = Symbol('eventState');
const kListeners = Symbol('listeners');

class Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    if (options != null && typeof options !== 'object') throw errors.invalidArgType('options', 'object', options);
    this[kState] = {
      type: `${type}`, bubbles: !!(options && options.bubbles), cancelable: !!(options && options.cancelable),
      composed: !!(options && options.composed), defaultPrevented: false, timeStamp: performance.now(),
      target: null, currentTarget: null, phase: 0, stop: false, propagationStopped: false, passive: false, trusted: false,
    };
  }
  get type() { return this[kState].type; }
  get bubbles() { return this[kState].bubbles; }
  get cancelable() { return this[kState].cancelable; }
  get composed() { return this[kState].composed; }
  get defaultPrevented() { return this[kState].cancelable && this[kState].defaultPrevented; }
  get timeStamp() { return this[kState].timeStamp; }
  get isTrusted() { return this[kState].trusted; }
  get target() { return this[kState].target; }
  get currentTarget() { return this[kState].currentTarget; }
  get srcElement() { return this[kState].target; }
  get eventPhase() { return this[kState].phase; }
  get returnValue() { return !this.defaultPrevented; }
  set returnValue(value) { if (!value) this.preventDefault(); }
  get cancelBubble() { return this[kState].propagationStopped; }
  set cancelBubble(value) { if (value) this.stopPropagation(); }
  composedPath() { return this[kState].phase === 0 ? [] : [this[kState].currentTarget]; }
  preventDefault() { if (!this[kState].passive) this[kState].defaultPrevented = true; }
  stopPropagation() { this[kState].propagationStopped = true; }
  stopImmediatePropagation() { this[kState].propagationStopped = true; this[kState].stop = true; }
  get [Symbol.toStringTag]() { return 'Event'; }
}
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, enumerable: true });
  Object.defineProperty(Event.prototype, name, { value, enumerable: true });
}
Object.defineProperty(Event.prototype, kState, { writable: true, value: undefined });

class CustomEvent extends Event {
  #detail;
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    super(type, options);
    this.#detail = options && options.detail !== undefined ? options.detail : null;
  }
  get detail() { return this.#detail; }
  get [Symbol.toStringTag]() { return 'CustomEvent'; }
}

function normalizeOptions(options) {
  if (typeof options === 'boolean') return { capture: options, once: false, passive: false, signal: undefined };
  if (options == null) return { capture: false, once: false, passive: false, signal: undefined };
  return { capture: !!options.capture, once: !!options.once, passive: !!options.passive, signal: options.signal };
}

function validateListener(listener) {
  if (typeof listener === 'function' || (listener !== null && typeof listener === 'object')) return true;
  if (listener == null) return false;
  throw errors.invalidArgType('listener', 'EventListener', listener);
}

class EventTarget {
  constructor() { initEventTarget(this); }
  addEventListener(type, listener, options = undefined) {
    if (arguments.length < 2) throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "type" and "listener" arguments must be specified');
    if (!validateListener(listener)) return;
    const { capture, once, passive, signal } = normalizeOptions(options);
    if (signal && signal.aborted) return;
    type = `${type}`;
    const map = listenersOf(this);
    let list = map.get(type);
    if (!list) { list = []; map.set(type, list); }
    if (list.some((l) => l.listener === listener && l.capture === capture)) return;
    const entry = { listener, capture, once, passive, removed: false };
    list.push(entry);
    if (signal) signal.addEventListener('abort', () => this.removeEventListener(type, listener, { capture }), { once: true });
  }
  removeEventListener(type, listener, options = undefined) {
    const capture = normalizeOptions(options).capture;
    const list = listenersOf(this).get(`${type}`);
    if (!list) return;
    const i = list.findIndex((l) => l.listener === listener && l.capture === capture);
    if (i >= 0) { list[i].removed = true; list.splice(i, 1); }
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw errors.invalidArgType('event', 'Event', event);
    const state = event[kState];
    if (state.phase !== 0) throw errors.codedError(Error, 'ERR_EVENT_RECURSION', `The event "${event.type}" is already being dispatched`);
    state.target = this;
    state.currentTarget = this;
    state.phase = 2;
    const list = listenersOf(this).get(state.type);
    if (list) {
      for (const entry of list.slice()) {
        if (entry.removed) continue;
        if (entry.once) this.removeEventListener(state.type, entry.listener, { capture: entry.capture });
        state.passive = entry.passive;
        try {
          const { listener } = entry;
          if (typeof listener === 'function') Reflect.apply(listener, this, [event]);
          else if (typeof listener.handleEvent === 'function') Reflect.apply(listener.handleEvent, listener, [event]);
        } catch (err) {
          internal.nextTick(() => { throw err; });
        }
        state.passive = false;
        if (state.stop) break;
      }
    }
    state.currentTarget = null;
    state.phase = 0;
    return !event.defaultPrevented;
  }
  get [Symbol.toStringTag]() { return 'EventTarget'; }
}

function initEventTarget(target) {
  Object.defineProperty(target, kListeners, { value: new Map(), enumerable: false, configurable: true });
}
function listenersOf(target) {
  if (!target[kListeners]) initEventTarget(target);
  return target[kListeners];
}
/** For events.getEventListeners: the listener functions/objects registered for `type`. */
function eventTargetListeners(target, type) {
  return (listenersOf(target).get(`${type}`) || []).map((l) => l.listener);
}
function isEventTarget(value) { return value instanceof EventTarget; }
/** Marks an event as created by the runtime (isTrusted). */
function trusted(event) { event[kState].trusted = true; return event; }

/** An `onX` attribute (AbortSignal.onabort, MessagePort.onmessage) backed by a listener. */
function defineEventHandler(proto, name) {
  const key = Symbol(`on${name}`);
  Object.defineProperty(proto, `on${name}`, {
    configurable: true, enumerable: true,
    get() { return this[key] ? this[key].handler : null; },
    set(handler) {
      if (this[key]) this.removeEventListener(name, this[key].wrapper);
      if (typeof handler !== 'function' && (handler === null || typeof handler !== 'object')) { this[key] = undefined; return; }
      const wrapper = (event) => (typeof handler === 'function' ? Reflect.apply(handler, this, [event]) : undefined);
      this[key] = { handler, wrapper };
      this.addEventListener(name, wrapper);
    },
  });
}

module.exports = { Event, CustomEvent, EventTarget, eventTargetListeners, isEventTarget, trusted, defineEventHandler, initEventTarget };
