const tries = [() => function f() {}, () => ({ a: () => 1 }), () => Symbol('q'), () => new WeakMap(), () => Promise.resolve(), () => ({ get x() { throw new Error('getter'); } }), () => new (class Foo { constructor() { this.a = 1; } })()];
for (const t of tries) { try { const r = structuredClone(t()); console.log('ok', r); } catch (e) { console.log(e.name, e.message, e.code, e instanceof DOMException); } }
class Foo { constructor() { this.a = 1; } m() {} }
const cyc = { name: 'c', list: [1, 2], d: new Date(0), r: /x/gi, m: new Map([[1, { k: 'v' }]]), s: new Set(['a']), big: 10n, box: new Number(3), u8: new Uint8Array([1, 2, 3]), err: new RangeError('bad', { cause: 'why' }), foo: new Foo(), neg0: -0, undef: undefined, sparse: [1, , 3] };
cyc.self = cyc;
const buf = new ArrayBuffer(8); cyc.v1 = new Uint8Array(buf, 0, 4); cyc.v2 = new Uint16Array(buf, 4, 2); cyc.dv = new DataView(buf);
const c = structuredClone(cyc);
console.log(c.self === c, c !== cyc, c.list, c.d instanceof Date, c.d.getTime(), c.r.source, c.r.flags, c.m.get(1), c.s.has('a'), c.big, typeof c.box, c.box + 0, c.u8, c.err instanceof RangeError, c.err.message, c.err.cause, c.err.stack === cyc.err.stack, c.foo instanceof Foo, c.foo, Object.is(c.neg0, -0), 'undef' in c, c.sparse, 1 in c.sparse, c.v1.buffer === c.v2.buffer, c.dv.buffer === c.v1.buffer, c.v2.byteOffset);
const ab = new ArrayBuffer(4); const moved = structuredClone(ab, { transfer: [ab] }); console.log(ab.byteLength, moved.byteLength);
try { structuredClone(); } catch (e) { console.log(e.name, e.code, e.message); }
class MyErr extends TypeError { constructor(m) { super(m); this.name = 'MyErr'; this.extra = 1; } }
const e2 = structuredClone(new MyErr('x')); console.log(e2.constructor.name, e2.name, e2.extra, e2.message);
