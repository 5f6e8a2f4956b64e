// node:internal/deepequal — assert.deepStrictEqual / deepEqual comparison (prototypes and own keys in strict
// mode, Map/Set/Date/RegExp/typed arrays/boxed primitives, cycles).
'use strict';
function isDeepEqual(a, b, strict, memo) {
  if (strict ? Object.is(a, b) : (a == b || (a !== a && b !== b))) return true; // eslint-disable-line eqeqeq
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const tagA = Object.prototype.toString.call(a);
  if (tagA !== Object.prototype.toString.call(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date) { if (a.getTime() !== b.getTime()) return false; }
  else if (a instanceof RegExp) { if (String(a) !== String(b) || a.lastIndex !== b.lastIndex) return false; }
  else if (a instanceof Error) { if (a.message !== b.message || a.name !== b.name) return false; }
  else if (ArrayBuffer.isView(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  } else if (a instanceof Number || a instanceof String || a instanceof Boolean) {
    if (!Object.is(a.valueOf(), b.valueOf())) return false;
  }
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

function ownKeys(o, strict, skipIndices) {
  let keys = Object.keys(o);
  if (skipIndices) keys = keys.filter((k) => !/^\d+$/.test(k));
  if (strict) keys = keys.concat(Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s)));
  return keys;
}

module.exports = {
  isDeepStrictEqual: (a, b) => isDeepEqual(a, b, true),
  isDeepLooseEqual: (a, b) => isDeepEqual(a, b, false),
};
