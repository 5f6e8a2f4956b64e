// Random APIs: shapes, ranges and argument errors (values differ per run, so only properties are printed).
const crypto = require('crypto');
const e = (f) => { try { f(); console.log('no error'); } catch (err) { console.log(err.name, err.code, err.message); } };
console.log(crypto.randomBytes(0).length, crypto.randomBytes(70000).length, Buffer.isBuffer(crypto.randomBytes(3)));
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(globalThis.crypto.randomUUID()));
let ok = true;
for (let i = 0; i < 1000; i++) { const v = crypto.randomInt(-5, 5); if (v < -5 || v >= 5 || !Number.isInteger(v)) ok = false; }
console.log('randomInt range', ok, crypto.randomInt(1) === 0);
const filled = crypto.randomFillSync(Buffer.alloc(8), 2, 4);
console.log('fill keeps edges', filled[0], filled[1], filled[6], filled[7]);
console.log(crypto.getRandomValues(new Uint32Array(4)).length, globalThis.crypto.getRandomValues(new Uint8Array(65536)).length);
console.log(crypto.webcrypto === globalThis.crypto, typeof crypto.webcrypto.getRandomValues);
e(() => crypto.randomBytes(-1));
e(() => crypto.randomBytes('1'));
e(() => crypto.randomInt(5, 5));
e(() => crypto.randomInt(1.5));
e(() => crypto.randomFillSync(Buffer.alloc(4), 5));
e(() => crypto.randomFill(Buffer.alloc(4)));
e(() => crypto.getRandomValues(new Float64Array(2)));
e(() => crypto.getRandomValues(new Uint8Array(65537)));
console.log(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
e(() => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)));
crypto.randomBytes(4, (err, buf) => console.log('randomBytes cb', err, buf.length));
crypto.randomInt(10, (err, n) => console.log('randomInt cb', err, n >= 0 && n < 10));
crypto.randomFill(new Uint8Array(6), (err, buf) => console.log('randomFill cb', err, buf.length));
console.log('sync done');
