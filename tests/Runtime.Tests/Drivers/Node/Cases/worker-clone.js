// worker_threads: structured clone of messages through a MessageChannel (same rules as across workers) and a
// round trip through a worker; transfer detaches an ArrayBuffer; uncloneable values throw DataCloneError.
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');
const util = require('util');

const { port1, port2 } = new MessageChannel();
function roundTrip(value, transfer) {
  port1.postMessage(value, transfer);
  return receiveMessageOnPort(port2).message;
}

const cyclic = { name: 'cyc' };
cyclic.self = cyclic;
const shared = { s: 1 };
const buf = new ArrayBuffer(8);
const values = {
  map: new Map([[1, 'one'], ['k', { deep: [1, 2] }]]),
  set: new Set([1, 'x', 2n]),
  date: new Date(Date.UTC(2020, 1, 29, 12, 0, 0)),
  regexp: /ab+c/gi,
  u8: new Uint8Array([1, 2, 255]),
  f64: new Float64Array([0.5, -1]),
  i32view: new Int32Array(buf, 4, 1),
  bigint: 12345678901234567890n,
  big64: new BigInt64Array([-1n, 2n]),
  dv: new DataView(new ArrayBuffer(4)),
  nested: { a: [shared, shared], b: { c: { d: null, u: undefined } } },
  boxed: [Object(1), Object('s'), Object(false)],
  sparse: [1, , 3],
  neg0: -0,
  nan: NaN,
};
const out = roundTrip(values);
for (const [k, v] of Object.entries(out)) console.log(k, v instanceof DataView ? `DataView ${v.byteLength}` : util.inspect(v, { depth: 4 }));
console.log('shared identity kept', out.nested.a[0] === out.nested.a[1]);
console.log('cycle', (() => { const c = roundTrip(cyclic); return c.self === c && c !== cyclic; })());
const err = roundTrip(new RangeError('range!'));
console.log('error', err instanceof RangeError, err.name, err.message, typeof err.stack);
const plainErr = roundTrip(new Error('plain'));
console.log('error', plainErr instanceof Error, plainErr.message);
class Point { constructor() { this.x = 1; } get y() { return 2; } }
const p = roundTrip(new Point());
console.log('class instance', p.constructor === Object, p.x, p.y);

const ab = new ArrayBuffer(16);
new Uint8Array(ab).fill(7);
const moved = roundTrip(ab, [ab]);
console.log('transferred', ab.byteLength, moved.byteLength, new Uint8Array(moved)[15]);
const u16 = new Uint16Array([1, 2, 3]);
const movedView = roundTrip({ u16 }, [u16.buffer]);
console.log('transferred view', u16.length, movedView.u16);

for (const bad of [() => 1, Symbol('s'), { f() {} }, new WeakMap()]) {
  try { port1.postMessage(bad); console.log('no error?'); } catch (e) { console.log(e.name, e.constructor.name, e.message.replace(/\n/g, ' ')); }
}
try { port1.postMessage(ab, [ab]); } catch (e) { console.log('detached again:', e.name); }
port1.close();

const w = new Worker("const { parentPort } = require('worker_threads'); parentPort.on('message', (m) => { parentPort.postMessage(m); parentPort.close(); })", { eval: true });
w.postMessage(values);
w.on('message', (m) => {
  console.log('via worker', util.inspect(m.map), util.inspect(m.set), m.date.toISOString(), m.regexp, m.u8, m.bigint, m.nested.a[0] === m.nested.a[1]);
});
w.on('exit', (c) => console.log('worker exit', c));
