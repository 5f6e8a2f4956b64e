// node:internal/abort — EventTarget, Event, AbortController/AbortSignal and structuredClone globals.
'use strict';
class Event {
  constructor(type, options = {}) {
    this.type = String(type);
    this.bubbles = !!options.bubbles;
    this.cancelable = !!options.cancelable;
    this.defaultPrevented = false;
    this.timeStamp = performance.now();
    this.target = null;
  }
  preventDefault() { if (this.cancelable) this.defaultPrevented = true; }
  stopPropagation() {}
  stopImmediatePropagation() { this._stop = true; }
}
class EventTarget {
  constructor() { Object.defineProperty(this, '_listeners', { value: new Map(), enumerable: false }); }
  addEventListener(type, listener, options = {}) {
    if (!listener) return;
    const list = this._listeners.get(type) || [];
    if (list.some((l) => l.listener === listener)) return;
    list.push({ listener, once: typeof options === 'object' && !!options.once });
    this._listeners.set(type, list);
  }
  removeEventListener(type, listener) {
    const list = this._listeners.get(type);
    if (list) this._listeners.set(type, list.filter((l) => l.listener !== listener));
  }
  dispatchEvent(event) {
    event.target = this;
    for (const l of (this._listeners.get(event.type) || []).slice()) {
      if (l.once) this.removeEventListener(event.type, l.listener);
      try {
        if (typeof l.listener === 'function') l.listener.call(this, event);
        else l.listener.handleEvent(event);
      } catch (err) { internal.nextTick(() => { throw err; }); }
      if (event._stop) break;
    }
    const handler = this['on' + event.type];
    if (typeof handler === 'function') handler.call(this, event);
    return !event.defaultPrevented;
  }
}
function abortReason() { const e = new Error('This operation was aborted'); e.name = 'AbortError'; e.code = 20; return e; }
class AbortSignal extends EventTarget {
  constructor() { super(); this.aborted = false; this.reason = undefined; this.onabort = null; }
  throwIfAborted() { if (this.aborted) throw this.reason; }
  static abort(reason) { const s = new AbortSignal(); s.aborted = true; s.reason = reason === undefined ? abortReason() : reason; return s; }
  static timeout(ms) {
    const s = new AbortSignal();
    setTimeout(() => { s._abort(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError', code: 23 })); }, ms).unref();
    return s;
  }
  static any(signals) {
    const s = new AbortSignal();
    for (const sig of signals) { if (sig.aborted) { s._abort(sig.reason); break; } sig.addEventListener('abort', () => s._abort(sig.reason)); }
    return s;
  }
  _abort(reason) {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason === undefined ? abortReason() : reason;
    this.dispatchEvent(new Event('abort'));
  }
}
class AbortController {
  constructor() { this.signal = new AbortSignal(); }
  abort(reason) { this.signal._abort(reason); }
}
function structuredClone(value, seen = new Map()) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') {
      const e = new Error(`${String(value)} could not be cloned.`);
      e.name = 'DataCloneError';
      throw e;
    }
    return value;
  }
  if (seen.has(value)) return seen.get(value);
  let out;
  if (value instanceof Date) out = new Date(value.getTime());
  else if (value instanceof RegExp) out = new RegExp(value.source, value.flags);
  else if (value instanceof Map) { out = new Map(); seen.set(value, out); for (const [k, v] of value) out.set(structuredClone(k, seen), structuredClone(v, seen)); return out; }
  else if (value instanceof Set) { out = new Set(); seen.set(value, out); for (const v of value) out.add(structuredClone(v, seen)); return out; }
  else if (ArrayBuffer.isView(value)) out = new value.constructor(value);
  else if (value instanceof ArrayBuffer) out = value.slice(0);
  else if (value instanceof Error) { out = new value.constructor(value.message); out.stack = value.stack; }
  else { out = Array.isArray(value) ? [] : {}; seen.set(value, out); for (const k of Object.keys(value)) out[k] = structuredClone(value[k], seen); return out; }
  seen.set(value, out);
  return out;
}
/** Node's AbortError (internal/errors): code ABORT_ERR, the signal's reason as cause. */
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}
module.exports = { AbortError, Event, EventTarget, AbortController, AbortSignal, structuredClone: (v) => structuredClone(v) };
