// node:internal/deepequal — assert.deepStrictEqual / deepEqual comparison (prototypes and own keys in strict
// mode, Map/Set/Date/RegExp/typed arrays/boxed primitives, cycles), and partialDeepStrictEqual's "expected is
// contained in actual" (isPartial: strict, but only expected's keys, entries and an ordered subset of its items).
'use strict';
const kBuiltins = new Set([Array, ArrayBuffer, BigInt, BigInt64Array, BigUint64Array, Boolean, DataView, Date, Error,
  Float32Array, Float64Array, Function, Int16Array, Int32Array, Int8Array, Map, Number, Object, Promise, RegExp, Set,
  String, Symbol, Uint16Array, Uint32Array, Uint8Array, Uint8ClampedArray, WeakMap, WeakSet]);

// Like Node 22: an inherited (or built-in) constructor is compared instead of the prototype.
function sameKind(a, b) {
  const ctor = a.constructor;
  if (kBuiltins.has(ctor) || (ctor !== undefined && !Object.prototype.hasOwnProperty.call(a, 'constructor'))) {
    return ctor === b.constructor;
  }
  return Object.getPrototypeOf(a) === Object.getPrototypeOf(b);
}

function isDeepEqual(a, b, strict, memo) {
  if (strict ? Object.is(a, b) : (a == b || (a !== a && b !== b))) return true; // eslint-disable-line eqeqeq
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (strict === true && !sameKind(a, b)) return false; // not for partial
  const tagA = Object.prototype.toString.call(a);
  if (tagA !== Object.prototype.toString.call(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date) { if (a.getTime() !== b.getTime()) return false; }
  else if (a instanceof RegExp) { if (String(a) !== String(b) || a.lastIndex !== b.lastIndex) return false; }
  else if (a instanceof Error) { if (a.message !== b.message || a.name !== b.name) return false; }
  else if (ArrayBuffer.isView(a)) {
    if (strict === PARTIAL) return isSubsequence(bytes(a), bytes(b), Object.is) && partialKeys(a, b, memo, true);
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  } else if (a instanceof Number || a instanceof String || a instanceof Boolean) {
    if (!Object.is(a.valueOf(), b.valueOf())) return false;
  }
  if (strict === PARTIAL) return isPartial(a, b, memo);
  memo = memo || { a: [], b: [] };
  const ia = memo.a.indexOf(a);
  if (ia !== -1 && memo.b[ia] === b) return true;
  memo.a.push(a);
  memo.b.push(b);
  try {
    if (a instanceof Map) {
      if (a.size !== b.size) return false;
      for (const [k, v] of a) {
        if (!b.has(k)) {
          let found = false;
          for (const [k2, v2] of b) if (isDeepEqual(k, k2, strict, memo) && isDeepEqual(v, v2, strict, memo)) { found = true; break; }
          if (!found) return false;
        } else if (!isDeepEqual(v, b.get(k), strict, memo)) return false;
      }
    } else if (a instanceof Set) {
      if (a.size !== b.size) return false;
      for (const v of a) {
        if (b.has(v)) continue;
        let found = false;
        for (const v2 of b) if (isDeepEqual(v, v2, strict, memo)) { found = true; break; }
        if (!found) return false;
      }
    }
    const keysA = ownKeys(a, strict, ArrayBuffer.isView(a));
    const keysB = ownKeys(b, strict, ArrayBuffer.isView(b));
    if (keysA.length !== keysB.length) return false;
    for (const k of keysA) {
      if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
      if (!isDeepEqual(a[k], b[k], strict, memo)) return false;
    }
    return true;
  } finally {
    memo.a.pop();
    memo.b.pop();
  }
}

const PARTIAL = 'partial';
const bytes = (v) => Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));

// Whether `sub` is an ordered subsequence of `list` (Node matches greedily, leftmost first).
function isSubsequence(list, sub, same) {
  if (list.length < sub.length) return false;
  let i = 0;
  for (const item of sub) {
    while (i < list.length && !same(list[i], item)) i++;
    if (i++ >= list.length) return false;
  }
  return true;
}

// Each enumerable own key of b (symbols too) is an enumerable own key of a with a partially equal value.
function partialKeys(a, b, memo, skipIndices) {
  for (const k of ownKeys(b, true, skipIndices)) {
    if (!Object.prototype.propertyIsEnumerable.call(a, k) || !isDeepEqual(a[k], b[k], PARTIAL, memo)) return false;
  }
  return true;
}

// a and b are objects of the same prototype and tag; b's Date, RegExp and boxed value were checked.
function isPartial(a, b, memo) {
  memo = memo || { a: [], b: [] };
  const ia = memo.a.indexOf(a);
  if (ia !== -1 && memo.b[ia] === b) return true;
  memo.a.push(a);
  memo.b.push(b);
  const same = (x, y) => isDeepEqual(x, y, PARTIAL, memo);
  try {
    if (Array.isArray(a)) return a.length >= b.length && partialKeys(a, b, memo, true) && isSubsequence(a, b, same);
    if (a instanceof Map) {
      if (a.size < b.size) return false;
      for (const [k, v] of b) {
        if (a.has(k)) { if (!same(a.get(k), v)) return false; continue; }
        if (![...a].some(([k2, v2]) => same(k2, k) && same(v2, v))) return false;
      }
    } else if (a instanceof Set) {
      if (a.size < b.size) return false;
      const rest = [...a].filter((v) => !b.has(v));
      for (const v of b) {
        if (a.has(v)) continue;
        const i = rest.findIndex((v2) => same(v2, v));
        if (i === -1) return false;
        rest.splice(i, 1);
      }
    }
    return partialKeys(a, b, memo, false);
  } finally {
    memo.a.pop();
    memo.b.pop();
  }
}

function ownKeys(o, strict, skipIndices) {
  let keys = Object.keys(o);
  if (skipIndices) keys = keys.filter((k) => !/^\d+$/.test(k));
  if (strict) keys = keys.concat(Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s)));
  return keys;
}

module.exports = {
  isDeepStrictEqual: (a, b) => isDeepEqual(a, b, true),
  isDeepLooseEqual: (a, b) => isDeepEqual(a, b, false),
  isPartialStrictEqual: (actual, expected) => isDeepEqual(actual, expected, PARTIAL),
};
