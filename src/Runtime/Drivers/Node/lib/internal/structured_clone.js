// node:internal/structured_clone — the HTML structured clone algorithm (V8's serializer semantics) in JS:
// primitives, boxed primitives, Date, RegExp, ArrayBuffer (+ transfer), views sharing cloned buffers, Map,
// Set, Error types, arrays (holes kept), plain objects (own enumerable string keys; class instances become
// plain objects); functions, symbols and other host objects throw a DataCloneError.
'use strict';
const { DOMException } = require('internal/dom_exception');
const errorNames = new Set(['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']);
const tagOf = (v) => Object.prototype.toString.call(v).slice(8, -1);

function cannotClone(value) {
  let shown;
  if (typeof value === 'function') shown = Function.prototype.toString.call(value);
  else if (typeof value === 'symbol') shown = value.toString();
  else shown = `#<${tagOf(value)}>`;
  return new DOMException(`${shown} could not be cloned.`, 'DataCloneError');
}

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) {
    throw internal.errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "The value argument must be specified" argument must be specified');
  }
  const memory = new Map();
  const transfer = options && options.transfer;
  if (transfer != null) {
    if (typeof transfer[Symbol.iterator] !== 'function') throw internal.errors.invalidArgType('options.transfer', 'Array', transfer);
    for (const t of transfer) {
      if (!(t instanceof ArrayBuffer)) throw cannotClone(t);
      if (memory.has(t)) throw new DOMException('ArrayBuffer is duplicated in the transfer list.', 'DataCloneError');
      memory.set(t, null); // moved after the clone
    }
  }
  const moved = [...memory.keys()];
  for (const b of moved) memory.delete(b);
  const transferred = new Map(moved.map((b) => [b, b.transfer ? b.transfer() : b.slice(0)]));
  for (const [from, to] of transferred) memory.set(from, to);
  return clone(value, memory);
}

function clone(value, memory) {
  if (typeof value === 'symbol' || typeof value === 'function') throw cannotClone(value);
  if (value === null || typeof value !== 'object') return value;
  if (memory.has(value)) return memory.get(value);
  const tag = tagOf(value);
  let out;
  switch (tag) {
    case 'Boolean': out = Object(Boolean.prototype.valueOf.call(value)); break;
    case 'Number': out = Object(Number.prototype.valueOf.call(value)); break;
    case 'String': out = Object(String.prototype.valueOf.call(value)); break;
    case 'BigInt': out = Object(BigInt.prototype.valueOf.call(value)); break;
    case 'Date': out = new Date(Date.prototype.getTime.call(value)); break;
    case 'RegExp': out = new RegExp(value.source, value.flags); break;
    case 'ArrayBuffer': out = value.slice(0); break;
    case 'SharedArrayBuffer': out = value; break;
    case 'Map': {
      out = new Map();
      memory.set(value, out);
      for (const [k, v] of Map.prototype.entries.call(value)) out.set(clone(k, memory), clone(v, memory));
      return out;
    }
    case 'Set': {
      out = new Set();
      memory.set(value, out);
      for (const v of Set.prototype.values.call(value)) out.add(clone(v, memory));
      return out;
    }
    case 'Error': {
      const name = errorNames.has(value.name) ? value.name : 'Error';
      out = Object.create(globalThis[name].prototype);
      memory.set(value, out);
      const desc = Object.getOwnPropertyDescriptor(value, 'message');
      if (desc) Object.defineProperty(out, 'message', { value: String(value.message), writable: true, configurable: true, enumerable: false });
      Object.defineProperty(out, 'stack', { value: value.stack, writable: true, configurable: true, enumerable: false });
      if (Object.prototype.hasOwnProperty.call(value, 'cause')) {
        Object.defineProperty(out, 'cause', { value: clone(value.cause, memory), writable: true, configurable: true, enumerable: false });
      }
      return out;
    }
    default:
      if (ArrayBuffer.isView(value)) {
        const buffer = clone(value.buffer, memory);
        if (tag === 'DataView') out = new DataView(buffer, value.byteOffset, value.byteLength);
        else out = new globalThis[tag](buffer, value.byteOffset, value.length);
        break;
      }
      if (Array.isArray(value)) {
        out = new Array(value.length);
        memory.set(value, out);
        for (const key of Object.keys(value)) out[key] = clone(value[key], memory);
        return out;
      }
      if (tag !== 'Object' && tag !== 'Arguments' && !isPlainish(value)) throw cannotClone(value);
      out = {};
      memory.set(value, out);
      for (const key of Object.keys(value)) out[key] = clone(value[key], memory);
      return out;
  }
  memory.set(value, out);
  return out;
}

// Class instances with a custom toStringTag are still ordinary objects to the serializer.
function isPlainish(value) {
  return !(value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet ||
    (typeof WeakRef === 'function' && value instanceof WeakRef) || typeof value === 'function');
}

module.exports = { structuredClone };
