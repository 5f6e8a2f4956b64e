const v8 = require('v8');
const values = [2 ** 30, -(2 ** 30) - 1, 2 ** 31 - 1, -(2 ** 31), undefined, null, true, false, 0, -1, 42, 2 ** 31, -(2 ** 31) - 1, 1.5, NaN, -0, 10n, -(2n ** 70n), '', 'abc', 'héllo', 'snow ☃', '💩', [1, 2, 3], [1, , 3], { a: 1, b: 'x' }, { 1: 'n', k: [true] }, new Date(0), /a+b/gi, new Map([[1, 'a']]), new Set(['x', 'y']), Buffer.from([1, 2, 3]), new Uint8Array([4, 5]), new Float64Array([1.5]), new Uint16Array([1, 2]).subarray(1), new ArrayBuffer(2), Object(1), Object('s'), Object(true)];
for (const v of values) {
  let hex;
  try { hex = v8.serialize(v).toString('hex'); } catch (e) { hex = 'ERR ' + e.message; }
  console.log(hex);
}
const obj = { a: [1, { b: 2 }], s: new Set([1]), m: new Map([['k', { deep: true }]]), d: new Date(5), buf: Buffer.from('hi'), u8: new Uint8Array([9]) };
obj.self = obj;
const back = v8.deserialize(v8.serialize(obj));
console.log(back.self === back, back.a[1].b, back.s.has(1), back.m.get('k'), back.d.getTime(), Buffer.isBuffer(back.buf), back.buf.toString(), back.u8 instanceof Uint8Array, back.u8[0]);

const hs = v8.getHeapStatistics();
console.log(Object.keys(hs).join(), hs.used_heap_size > 0, hs.heap_size_limit > hs.used_heap_size);
console.log(typeof v8.cachedDataVersionTag(), typeof v8.setFlagsFromString);
try { v8.serialize(() => 1); } catch (e) { console.log(e.name, e.message); }
try { v8.serialize(Symbol('s')); } catch (e) { console.log(e.name, e.message); }
for (const v of [{ a: '☃' }, ['x', '☃☃', { bb: 'é☃' }], new Map([['☃', 'ab☃']]), 'a'.repeat(200) + '☃', [new RangeError('r')].map((e) => e.message), { big: 'x'.repeat(300) }]) console.log(v8.serialize(v).toString('hex'));
const e = v8.deserialize(v8.serialize(new RangeError('range')));
console.log(e instanceof RangeError, e.message, typeof e.stack);
