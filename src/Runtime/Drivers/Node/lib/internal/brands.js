// node:internal/brands — what kind of built-in object a value is, from its internal slots rather than
// `instanceof`, so objects of another context (node:vm) are recognised as V8's own checks in Node do.
'use strict';
const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const typedArrayTag = getter(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag);

/** Whether v is a Ctor: by instanceof for this context's objects, else when `fn.call(v)` works (the receiver has
 * the internal slots `fn` needs; only objects of another context or without a prototype pay for the try). */
function has(Ctor, fn, v, ...args) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
  if (v instanceof Ctor) return true;
  if (v instanceof Object) return false;
  try {
    fn.call(v, ...args);
    return true;
  } catch {
    return false;
  }
}

const mapSize = getter(Map.prototype, 'size');
const setSize = getter(Set.prototype, 'size');
const regexpSource = getter(RegExp.prototype, 'source');
const bufferLength = getter(ArrayBuffer.prototype, 'byteLength');
const sharedLength = typeof SharedArrayBuffer === 'function' ? getter(SharedArrayBuffer.prototype, 'byteLength') : null;
const viewLength = getter(DataView.prototype, 'byteLength');

const isMap = (v) => has(Map, mapSize, v);
const isSet = (v) => has(Set, setSize, v);
const isWeakMap = (v) => has(WeakMap, WeakMap.prototype.has, v, {});
const isWeakSet = (v) => has(WeakSet, WeakSet.prototype.has, v, {});
const isDate = (v) => has(Date, Date.prototype.getTime, v);
const isRegExp = (v) => v !== RegExp.prototype && has(RegExp, regexpSource, v);
const isArrayBuffer = (v) => has(ArrayBuffer, bufferLength, v);
const isSharedArrayBuffer = (v) => sharedLength !== null && has(SharedArrayBuffer, sharedLength, v);
const isDataView = (v) => has(DataView, viewLength, v);
const isTypedArray = (v) => ArrayBuffer.isView(v) && typedArrayTag.call(v) !== undefined;
const isNumberObject = (v) => typeof v === 'object' && has(Number, Number.prototype.valueOf, v);
const isStringObject = (v) => typeof v === 'object' && has(String, String.prototype.valueOf, v);
const isBooleanObject = (v) => typeof v === 'object' && has(Boolean, Boolean.prototype.valueOf, v);
const isSymbolObject = (v) => typeof v === 'object' && has(Symbol, Symbol.prototype.valueOf, v);
const isBigIntObject = (v) => typeof v === 'object' && has(BigInt, BigInt.prototype.valueOf, v);
// No side-effect-free slot check exists for these; an object of another context has their tag.
const isNativeError = (v) => v instanceof Error || (v !== null && typeof v === 'object' && !(v instanceof Object) && tag(v) === 'Error');
const isPromise = (v) => v instanceof Promise || (v !== null && typeof v === 'object' && !(v instanceof Object) && tag(v) === 'Promise');

module.exports = {
  isMap, isSet, isWeakMap, isWeakSet, isDate, isRegExp, isArrayBuffer, isSharedArrayBuffer, isDataView, isTypedArray,
  isNumberObject, isStringObject, isBooleanObject, isSymbolObject, isBigIntObject, isNativeError, isPromise,
  typedArrayName: (v) => typedArrayTag.call(v),
};
