// node:internal/abort — AbortController/AbortSignal (abort, timeout, any, reason, onabort) and Node's
// AbortError; re-exports the event classes and structuredClone for the globals.
'use strict';
const { Event, CustomEvent, EventTarget, trusted, defineEventHandler, initEventTarget } = require('internal/event_target');
const { DOMException } = require('internal/dom_exception');
const { structuredClone } = require('internal/structured_clone');
const errors = internal.errors;

const kCreate = Symbol('create');
const kAbort = Symbol('abort');
const kState = Symbol('signalState');

/** Node's AbortError (internal/errors): code ABORT_ERR, the signal's reason as cause. */
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

class AbortSignal extends EventTarget {
  constructor(key) {
    if (key !== kCreate) throw errors.codedError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    super();
    Object.defineProperty(this, kState, { value: { aborted: false, reason: undefined }, enumerable: false });
  }
  get aborted() { return this[kState].aborted; }
  get reason() { return this[kState].reason; }
  throwIfAborted() { if (this[kState].aborted) throw this[kState].reason; }
  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    const signal = new AbortSignal(kCreate);
    signal[kState].aborted = true;
    signal[kState].reason = reason;
    return signal;
  }
  static timeout(delay) {
    if (typeof delay !== 'number') throw errors.invalidArgType('delay', 'number', delay);
    if (!Number.isInteger(delay) || delay < 0 || delay > Number.MAX_SAFE_INTEGER) {
      throw errors.outOfRange('delay', `an integer >= 0 && <= ${Number.MAX_SAFE_INTEGER}`, delay);
    }
    const signal = new AbortSignal(kCreate);
    setTimeout(() => signal[kAbort](new DOMException('The operation was aborted due to timeout', 'TimeoutError')), delay).unref();
    return signal;
  }
  static any(signals) {
    if (signals == null || typeof signals[Symbol.iterator] !== 'function') throw errors.invalidArgType('signals', 'AbortSignal[]', signals);
    const list = [...signals];
    list.forEach((s, i) => { if (!(s instanceof AbortSignal)) throw errors.invalidArgType(`signals[${i}]`, 'AbortSignal', s); });
    const result = new AbortSignal(kCreate);
    for (const s of list) {
      if (s.aborted) {
        result[kState].aborted = true;
        result[kState].reason = s.reason;
        return result;
      }
    }
    for (const s of list) s.addEventListener('abort', () => result[kAbort](s.reason), { once: true });
    return result;
  }
  [kAbort](reason = new DOMException('This operation was aborted', 'AbortError')) {
    if (this[kState].aborted) return;
    this[kState].aborted = true;
    this[kState].reason = reason;
    this.dispatchEvent(trusted(new Event('abort')));
  }
  get [Symbol.toStringTag]() { return 'AbortSignal'; }
}
defineEventHandler(AbortSignal.prototype, 'abort');

class AbortController {
  #signal = new AbortSignal(kCreate);
  get signal() { return this.#signal; }
  abort(reason = undefined) { this.#signal[kAbort](reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason); }
  get [Symbol.toStringTag]() { return 'AbortController'; }
}

void initEventTarget;
module.exports = { AbortError, AbortController, AbortSignal, Event, CustomEvent, EventTarget, DOMException, structuredClone };
