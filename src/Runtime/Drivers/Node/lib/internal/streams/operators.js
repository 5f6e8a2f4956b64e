// Readable.prototype operators (Node 22, experimental in Node): map, filter, flatMap, drop, take and compose return a
// new Readable; forEach, toArray, some, every, find and reduce return a promise. Arguments are checked when the
// operator is called; a promise operator reports bad arguments as a rejection (it is an async function in Node).
'use strict';
const { isNodeStream, isWritable } = require('internal/streams/utils');
const errors = () => internal.errors;
const abort = () => internal.loadBuiltin('internal/abort');
const kEmpty = Symbol('kEmpty'); // map result that filter/forEach drop
const kEof = Symbol('kEof');

function validateFunction(value, name) {
  if (typeof value !== 'function') throw errors().invalidArgType(name, 'Function', value);
}
function validateOptions(options) {
  if (options == null) return;
  if (typeof options !== 'object' || Array.isArray(options)) throw errors().invalidArgType('options', 'object', options);
  const { signal } = options;
  if (signal != null && !(signal instanceof abort().AbortSignal)) throw errors().invalidArgType('options.signal', 'AbortSignal', signal);
}
function validateInteger(value, name, min) {
  if (!Number.isInteger(value)) throw errors().outOfRange(name, 'an integer', value);
  if (value < min || value > Number.MAX_SAFE_INTEGER) throw errors().outOfRange(name, `>= ${min} && <= ${Number.MAX_SAFE_INTEGER}`, value);
}
function abortError(signal) { return new (abort().AbortError)(undefined, { cause: signal && signal.reason }); }
function throwIfAborted(options) {
  if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
}
// drop/take: Number(n), NaN as 0, negatives refused
function toCount(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw errors().outOfRange('number', '>= 0', number);
  return number;
}

/**
 * Calls fn(value, { signal }) for each value with up to `concurrency` calls running, and yields the results in the
 * source's order; at most highWaterMark + concurrency results wait to be taken.
 */
function map(fn, options) {
  validateFunction(fn, 'fn');
  validateOptions(options);
  let concurrency = 1;
  if (options && options.concurrency != null) concurrency = Math.floor(options.concurrency);
  let highWaterMark = concurrency - 1;
  if (options && options.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  highWaterMark += concurrency;
  const source = this;

  return (async function* map() {
    const ac = new (abort().AbortController)();
    const outer = options && options.signal;
    const onOuterAbort = () => ac.abort(outer.reason);
    if (outer && outer.aborted) ac.abort(outer.reason);
    else if (outer) outer.addEventListener('abort', onOuterAbort, { once: true });
    const signal = ac.signal;
    const fnOptions = { signal };
    const queue = []; // result promises in source order, then kEof
    let running = 0;
    let done = false;
    let wakeConsumer = null;
    let wakeProducer = null;
    const wake = (which) => {
      if (which === 'consumer' && wakeConsumer) { const w = wakeConsumer; wakeConsumer = null; w(); }
      if (which === 'producer' && wakeProducer) { const w = wakeProducer; wakeProducer = null; w(); }
    };
    const maybeResume = () => { if (!done && running < concurrency && queue.length < highWaterMark) wake('producer'); };
    const settled = () => { running--; maybeResume(); };
    const failed = () => { done = true; wake('consumer'); };
    const track = (promise) => { running++; promise.then(settled, failed); queue.push(promise); wake('consumer'); };

    async function pump() {
      try {
        for await (let value of source) {
          if (done) return;
          if (signal.aborted) throw abortError(signal);
          try {
            value = fn(value, fnOptions);
            if (value === kEmpty) continue;
            value = Promise.resolve(value);
          } catch (err) {
            value = Promise.reject(err);
          }
          track(value);
          if (!done && (queue.length >= highWaterMark || running >= concurrency)) await new Promise((r) => { wakeProducer = r; });
        }
        queue.push(kEof);
      } catch (err) {
        track(Promise.reject(err));
      } finally {
        done = true;
        wake('consumer');
      }
    }

    pump();
    try {
      for (;;) {
        while (queue.length > 0) {
          const value = await queue[0];
          if (value === kEof) return;
          if (signal.aborted) throw abortError(signal);
          if (value !== kEmpty) yield value;
          queue.shift();
          maybeResume();
        }
        await new Promise((r) => { wakeConsumer = r; });
      }
    } finally {
      done = true;
      wake('producer');
      if (outer) outer.removeEventListener('abort', onOuterAbort);
      ac.abort();
    }
  }).call(this);
}

function filter(fn, options) {
  validateFunction(fn, 'fn');
  return map.call(this, async (value, opts) => ((await fn(value, opts)) ? value : kEmpty), options);
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return (async function* flatMap() {
    for await (const value of values) yield* value;
  })();
}

function drop(number, options = undefined) {
  validateOptions(options);
  number = toCount(number);
  const source = this;
  return (async function* drop() {
    throwIfAborted(options);
    for await (const value of source) {
      throwIfAborted(options);
      if (number-- <= 0) yield value;
    }
  })();
}

function take(number, options = undefined) {
  validateOptions(options);
  number = toCount(number);
  const source = this;
  return (async function* take() {
    throwIfAborted(options);
    for await (const value of source) {
      throwIfAborted(options);
      if (number-- > 0) yield value;
      if (number <= 0) return; // do not pull another value once enough were taken
    }
  })();
}

/** readable.compose(stream): stream.compose(this, stream); the stream must be writable. */
function compose(stream, options) {
  validateOptions(options);
  if (isNodeStream(stream) && !isWritable(stream)) throw errors().invalidArgValue('stream', stream, 'must be writable');
  const composed = require('internal/streams/compose')(this, stream);
  if (options && options.signal) require('stream').addAbortSignal(options.signal, composed);
  return composed;
}

async function forEach(fn, options) {
  validateFunction(fn, 'fn');
  const each = async (value, opts) => { await fn(value, opts); return kEmpty; };
  for await (const unused of map.call(this, each, options));
}

async function toArray(options) {
  validateOptions(options);
  const result = [];
  for await (const value of this) {
    throwIfAborted(options);
    result.push(value);
  }
  return result;
}

async function some(fn, options = undefined) {
  for await (const unused of filter.call(this, fn, options)) return true;
  return false;
}

async function every(fn, options = undefined) {
  validateFunction(fn, 'fn');
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) return result;
  return undefined;
}

async function reduce(reducer, initialValue, options) {
  validateFunction(reducer, 'reducer');
  validateOptions(options);
  let hasInitialValue = arguments.length > 1;
  if (options && options.signal && options.signal.aborted) {
    const err = abortError(options.signal);
    this.once('error', () => {});
    await require('stream/promises').finished(this.destroy(err)).catch(() => {});
    throw err;
  }
  const ac = new (abort().AbortController)();
  const outer = options && options.signal;
  const onOuterAbort = () => ac.abort(outer.reason);
  if (outer) outer.addEventListener('abort', onOuterAbort, { once: true });
  let gotAny = false;
  try {
    for await (const value of this) {
      gotAny = true;
      if (outer && outer.aborted) throw abortError(outer);
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal: ac.signal });
      }
    }
    if (!gotAny && !hasInitialValue) {
      throw errors().codedError(TypeError, 'ERR_MISSING_ARGS', 'Reduce of an empty stream requires an initial value');
    }
  } finally {
    if (outer) outer.removeEventListener('abort', onOuterAbort);
    ac.abort();
  }
  return initialValue;
}

const streamReturning = { drop, filter, flatMap, map, take, compose };
const promiseReturning = { every, forEach, reduce, toArray, some, find };

/** Puts the operators on Readable.prototype (non-enumerable; not constructors, as in Node). */
function install(Readable) {
  const define = (key, op, wrap) => {
    function operator(...args) {
      if (new.target) throw errors().codedError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
      return wrap(Reflect.apply(op, this, args));
    }
    Object.defineProperty(operator, 'name', { value: op.name });
    Object.defineProperty(operator, 'length', { value: op.length });
    Object.defineProperty(Readable.prototype, key, { value: operator, enumerable: false, configurable: true, writable: true });
  };
  for (const [key, op] of Object.entries(streamReturning)) define(key, op, (result) => Readable.from(result));
  for (const [key, op] of Object.entries(promiseReturning)) define(key, op, (result) => result);
}

module.exports = { install };
