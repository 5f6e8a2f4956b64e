// node:internal/worker/errors — an uncaught worker error crosses to the parent's 'error' event as a structured
// clone: class (standard Error types), message, stack and own enumerable properties (like Node's error_serdes);
// a thrown non-Error value crosses as itself, or as its inspect() text when it cannot be cloned.
'use strict';
const { serializeMessage, deserializeMessage } = require('internal/worker/messaging');

const errorClasses = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError'];

function serializeError(err) {
  let payload;
  if (err instanceof Error || (err !== null && typeof err === 'object' && typeof err.stack === 'string')) {
    const props = {};
    for (const key of Object.keys(err)) {
      try { serializeMessage(err[key]); props[key] = err[key]; } catch { props[key] = require('util').inspect(err[key]); }
    }
    const ctor = err.constructor && typeof err.constructor.name === 'string' ? err.constructor.name : 'Error';
    payload = { isError: true, ctor, name: String(err.name), message: String(err.message), stack: String(err.stack), props };
  } else {
    payload = { isError: false, value: err };
  }
  try {
    return serializeMessage(payload).bytes;
  } catch {
    return serializeMessage({ isError: false, value: require('util').inspect(err) }).bytes;
  }
}

function deserializeError(bytes) {
  const { data } = deserializeMessage(bytes, []);
  if (!data.isError) return data.value;
  const Ctor = errorClasses.includes(data.ctor) ? globalThis[data.ctor] : Error;
  const err = Object.create(Ctor.prototype);
  Object.defineProperty(err, 'message', { value: data.message, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(err, 'stack', { value: data.stack, writable: true, configurable: true, enumerable: false });
  if (!errorClasses.includes(data.ctor) && data.name !== 'Error') {
    Object.defineProperty(err, 'name', { value: data.name, writable: true, configurable: true, enumerable: false });
  }
  Object.assign(err, data.props);
  return err;
}

module.exports = { serializeError, deserializeError };
