// node:util
'use strict';
const { inspect, format, formatWithOptions } = require('internal/inspect');
const { TextEncoder, TextDecoder } = require('internal/encoding');
const { isDeepStrictEqual } = require('internal/deepequal');
const errors = () => internal.errors;
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

function promisify(original) {
  if (typeof original !== 'function') throw errors().invalidArgType('original', 'Function', original);
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    return Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, configurable: true });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) return reject(err);
        resolve(values.length > 1 && original.__promisifyMultiple ? values : values[0]);
      }]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  if (typeof original !== 'function') throw errors().invalidArgType('original', 'Function', original);
  return function (...args) {
    const cb = args.pop();
    if (typeof cb !== 'function') throw errors().invalidArgType('last argument', 'Function', cb);
    Reflect.apply(original, this, args).then(
      (v) => internal.nextTick(cb, null, v),
      (err) => {
        if (!err) { const e = new Error('Promise was rejected with a falsy value'); e.code = 'ERR_FALSY_VALUE_REJECTION'; e.reason = err; err = e; }
        internal.nextTick(cb, err);
      });
  };
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw errors().invalidArgType('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) throw errors().invalidArgType('superCtor', 'Function', superCtor);
  if (superCtor.prototype === undefined) throw errors().invalidArgType('superCtor.prototype', 'Object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const warned = new Set();
function deprecate(fn, msg, code) {
  return function deprecated(...args) {
    const key = code || msg;
    if (!warned.has(key)) { warned.add(key); process.emitWarning(msg, 'DeprecationWarning', code); }
    return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
  };
}

function debuglog(section) {
  const enabled = new RegExp(`(^|,)\\s*(${String(process.env.NODE_DEBUG || '').replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*').replace(/,/g, '|')})\\s*($|,)`, 'i').test(section) && process.env.NODE_DEBUG;
  const fn = (...args) => { if (enabled) process.stderr.write(`${section.toUpperCase()} ${process.pid}: ${format(...args)}\n`); };
  fn.enabled = !!enabled;
  return fn;
}

// Loaded on first call (lib/internal/util/parse_args.js).
function parseArgs(...args) { return require('internal/util/parse_args').parseArgs(...args); }

const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
const brands = require('internal/brands');
const types = {
  isPromise: brands.isPromise,
  isDate: brands.isDate,
  isRegExp: brands.isRegExp,
  isNativeError: brands.isNativeError,
  isMap: brands.isMap,
  isSet: brands.isSet,
  isWeakMap: brands.isWeakMap,
  isWeakSet: brands.isWeakSet,
  isTypedArray: brands.isTypedArray,
  isUint8Array: (v) => brands.isTypedArray(v) && brands.typedArrayName(v) === 'Uint8Array',
  isArrayBuffer: brands.isArrayBuffer,
  isAnyArrayBuffer: (v) => brands.isArrayBuffer(v) || brands.isSharedArrayBuffer(v),
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isDataView: brands.isDataView,
  isAsyncFunction: (v) => typeof v === 'function' && tag(v) === 'AsyncFunction',
  isGeneratorFunction: (v) => typeof v === 'function' && /GeneratorFunction$/.test(tag(v)),
  isGeneratorObject: (v) => tag(v) === 'Generator',
  isBoxedPrimitive: (v) => brands.isNumberObject(v) || brands.isStringObject(v) || brands.isBooleanObject(v) || brands.isSymbolObject(v) || brands.isBigIntObject(v),
  isNumberObject: brands.isNumberObject,
  isStringObject: brands.isStringObject,
  isBooleanObject: brands.isBooleanObject,
  isSymbolObject: brands.isSymbolObject,
  isProxy: () => false,
  isExternal: () => false,
  isModuleNamespaceObject: (v) => tag(v) === 'Module',
};

module.exports = {
  inspect, format, formatWithOptions, promisify, callbackify, inherits, deprecate, debuglog, debug: debuglog,
  isDeepStrictEqual, types, TextEncoder, TextDecoder,
  isArray: Array.isArray,
  isBoolean: (v) => typeof v === 'boolean',
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === 'number',
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  isRegExp: types.isRegExp,
  isObject: (v) => v !== null && typeof v === 'object',
  isDate: types.isDate,
  isError: (v) => v instanceof Error,
  isFunction: (v) => typeof v === 'function',
  isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  stripVTControlCharacters: (s) => String(s).replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''),
  toUSVString: (s) => String(s).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  styleText: (format, text) => text,
  getSystemErrorName: (errno) => internal.errors.errnoInfo(-errno)[0],
  getSystemErrorMap: () => new Map(Object.entries(internal.info.errnos).map(([n, [code, msg]]) => [-Number(n), [code, msg]])),
  parseArgs,
  aborted: (signal) => new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true })),
};
