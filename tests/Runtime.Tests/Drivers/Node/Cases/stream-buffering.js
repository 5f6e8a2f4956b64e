// node:stream buffering as in Node 22: how read(n)/push/unshift join and split chunks, when 'readable', 'data',
// 'drain', 'finish' and write callbacks fire, highWaterMark accounting (bytes, objects, both sides of a Transform),
// cork/_writev batching, pipe backpressure. Probes only what is deterministic (ticks, no timers).
const { Readable, Writable, PassThrough, Transform, Duplex, pipeline } = require('stream');
const L = (...a) => console.log(...a.map((x) => (Buffer.isBuffer(x) ? `<${x}>` : x)));
const steps = [];
const step = (n, f) => steps.push([n, f]);
const tick = () => new Promise((r) => setImmediate(r));
step('read(n) paused', async () => {
  const r = new Readable({ read() {} , highWaterMark: 8 });
  L(r.push('abc'), r.push('defgh'), r.push('ij'), r.readableLength);
  L(r.read(2), r.read(4), r.read(10), r.readableLength);
  r.push('klm'); r.push(null);
  L(r.read(10), r.read(), r.readableEnded);
  r.on('end', () => L('end'));
  await tick();
  L(r.readableEnded);
});
step('readable event', async () => {
  let n = 0;
  const r = new Readable({ read() { n++; if (n <= 3) this.push('x' + n); else this.push(null); } });
  r.on('readable', () => { let c; const got = []; while ((c = r.read()) !== null) got.push(String(c)); L('readable', got.join('|'), r.readableLength); });
  r.on('end', () => L('end', n));
  await tick(); await tick();
});
step('data chunks async', async () => {
  const r = new Readable({ read() {} });
  r.on('data', (c) => L('data', c));
  r.push('A'); r.push('B'); r.push('C');
  await tick();
  r.push('D'); r.push('E');
  await tick();
  r.push(null);
  await tick();
});
step('setEncoding split', async () => {
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  const e = Buffer.from('é');
  r.push(e.subarray(0, 1)); r.push(e.subarray(1)); r.push('zz');
  L(JSON.stringify(r.read()), r.readableLength, r.readableEncoding);
  r.push(Buffer.from([0xe2, 0x82])); r.push(null);
  r.on('data', (c) => L('data', JSON.stringify(c)));
  await tick();
});
step('unshift', async () => {
  const r = new Readable({ read() {} });
  r.push('hello world');
  const c = r.read(5);
  r.unshift(c);
  L(r.readableLength, r.read(), r.readableBuffer.length);
  r.push('x'); L(r.readableBuffer.length, r.readableBuffer.map(String));
});
step('hwm 0', async () => {
  let reads = 0;
  const r = new Readable({ highWaterMark: 0, read() { reads++; if (reads < 4) this.push('r' + reads); else this.push(null); } });
  L(r.push === Readable.prototype.push, reads);
  r.on('data', (c) => L('data', c, reads));
  await tick(); await tick();
});
step('objectMode', async () => {
  const r = new Readable({ objectMode: true, read() {} });
  L(r.push(1), r.push('a'), r.push({}), r.readableLength, r.readableHighWaterMark);
  L(r.read(), r.read(5), r.readableLength);
  for (let i = 0; i < 20; i++) r.push(i);
  L(r.push(99), r.readableLength);
});
step('read past hwm', async () => {
  const r = new Readable({ read() {}, highWaterMark: 4 });
  r.push('abcdef');
  L(r.read(100), r.readableHighWaterMark);
  L(r.read(3), r.readableHighWaterMark);
});
step('sync push in read', async () => {
  let i = 0;
  const r = new Readable({ read(n) { L('_read', n); i++; this.push('p' + i); if (i >= 3) this.push(null); } , highWaterMark: 4});
  r.on('data', (c) => L('data', c));
  r.on('end', () => L('end'));
  await tick(); await tick();
});
step('resume/pause events', async () => {
  const r = new Readable({ read() {} });
  r.on('resume', () => L('resume ev')); r.on('pause', () => L('pause ev'));
  L(r.readableFlowing, r.isPaused());
  r.pause(); L(r.readableFlowing, r.isPaused());
  r.resume(); L(r.readableFlowing, r.isPaused());
  r.on('data', () => {});
  await tick();
  r.pause(); r.push('x'); L(r.readableLength);
  r.removeAllListeners('data');
  r.resume(); await tick(); L(r.readableLength);
});
step('readable + data', async () => {
  const r = new Readable({ read() {} });
  r.on('readable', () => L('readable', r.readableFlowing));
  r.on('data', (c) => L('data', c));
  r.push('q');
  await tick();
  L(r.readableFlowing);
  r.removeAllListeners('readable');
  await tick();
  L(r.readableFlowing);
  r.push('w');
  await tick();
});
step('sync write cb order', async () => {
  const w = new Writable({ highWaterMark: 3, write(c, e, cb) { L('_write', c, e); cb(); } });
  w.on('drain', () => L('drain'));
  w.on('finish', () => L('finish'));
  w.on('prefinish', () => L('prefinish'));
  w.on('close', () => L('close'));
  L(w.write('ab', () => L('cb1')), w.writableLength);
  L(w.write('cd', () => L('cb2')), w.writableLength, w.writableNeedDrain);
  process.nextTick(() => L('tick'));
  w.end('e', () => L('end cb'));
  L('after end', w.writableEnded, w.writableFinished);
  await tick();
});
step('async write, queue', async () => {
  const pending = [];
  const w = new Writable({ highWaterMark: 4, write(c, e, cb) { L('_write', c); pending.push(cb); } });
  w.on('drain', () => L('drain'));
  for (let i = 0; i < 4; i++) L('w', w.write('x' + i, () => L('cb', i)), w.writableLength);
  L(w.writableBuffer.length);
  while (pending.length) { pending.shift()(); L('len', w.writableLength); await tick(); }
});
step('cork writev', async () => {
  const w = new Writable({ write(c, e, cb) { L('_write', c); cb(); }, writev(chunks, cb) { L('_writev', chunks.length, chunks.map((x) => String(x.chunk)).join(','), chunks.allBuffers); cb(); } });
  w.cork(); w.write('a'); w.write('b', 'utf8'); w.write('c', () => L('cb c'));
  L(w.writableCorked, w.writableLength);
  process.nextTick(() => w.uncork());
  await tick();
  w.cork(); w.write('d'); w.cork(); w.write('e'); w.uncork(); L('still', w.writableCorked); w.end('f');
  await tick();
});
step('writev while writing', async () => {
  let first;
  const w = new Writable({ objectMode: true, write(c, e, cb) { L('_write', c); first = cb; }, writev(chunks, cb) { L('_writev', chunks.map((x) => x.chunk).join(',')); cb(); } });
  w.write(1); w.write(2); w.write(3); w.write(4);
  L(w.writableLength);
  first();
  await tick();
  L(w.writableLength);
});
step('write after end', async () => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.on('error', (e) => L('error', e.code, e.message));
  w.end();
  L(w.write('x', (e) => L('cb', e && e.code)));
  await tick();
  w.end((e) => L('end2', e && e.code));
  await tick();
});
step('write error', async () => {
  const w = new Writable({ write(c, e, cb) { cb(new Error('bad ' + c)); } });
  w.on('error', (e) => L('error', e.message, w.destroyed, w.writableLength));
  w.on('close', () => L('close'));
  w.write('1', (e) => L('cb1', e && e.message));
  w.write('2', (e) => L('cb2', e && e.message));
  L('sync', w.errored && w.errored.message, w.writable);
  await tick();
});
step('final', async () => {
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { L('final'); setImmediate(cb); } });
  w.on('prefinish', () => L('prefinish')); w.on('finish', () => L('finish')); w.on('close', () => L('close'));
  w.end('x', () => L('endcb'));
  await tick(); await tick(); await tick();
});
step('destroy with pending', async () => {
  const w = new Writable({ write(c, e, cb) { setImmediate(cb); } });
  w.on('error', (e) => L('error', e.message));
  w.on('close', () => L('close'));
  w.write('a', (e) => L('cba', e && e.code));
  w.write('b', (e) => L('cbb', e && e.code));
  w.end((e) => L('endcb', e && e.code));
  w.destroy();
  await tick(); await tick();
});
step('no autoDestroy', async () => {
  const w = new Writable({ autoDestroy: false, write(c, e, cb) { cb(); } });
  w.on('finish', () => L('finish', w.destroyed)); w.on('close', () => L('close'));
  w.end('z'); await tick(); L(w.destroyed, w.closed);
});
step('defaultEncoding decodeStrings', async () => {
  const w = new Writable({ decodeStrings: false, defaultEncoding: 'hex', write(c, e, cb) { L(typeof c, e, c); cb(); } });
  w.write('6162'); w.write('6162', 'utf8'); w.write(Buffer.from('z'));
  w.setDefaultEncoding('base64'); w.write('YQ==');
  try { w.write('x', 'nope'); } catch (e) { L(e.code, e.message); }
  try { w.write(5); } catch (e) { L(e.code, e.message); }
  try { w.write(null); } catch (e) { L(e.code, e.message); }
});
step('transform hold', async () => {
  const t = new Transform({ highWaterMark: 2, transform(c, e, cb) { L('_transform', c); cb(null, c); } });
  const r = [];
  for (let i = 0; i < 6; i++) r.push(t.write('y' + i));
  L(r.join(), t.writableLength, t.readableLength, t.writableBuffer.length);
  L(String(t.read()), t.writableLength, t.readableLength);
  await tick();
  L(t.writableLength, t.readableLength);
  t.on('data', (c) => L('data', c));
  await tick();
  L(t.writableLength, t.readableLength);
});
step('transform objectMode split', async () => {
  const t = new Transform({ readableObjectMode: true, transform(c, e, cb) { for (const ch of String(c)) this.push(ch); cb(); }, flush(cb) { this.push('END'); cb(); } });
  t.on('data', (c) => L('data', c));
  t.on('end', () => L('end'));
  t.on('finish', () => L('finish'));
  t.on('close', () => L('close'));
  t.write('ab'); t.end('c');
  await tick(); await tick();
});
step('pipe backpressure', async () => {
  let n = 0;
  const src = new Readable({ highWaterMark: 4, read() { n++; if (n <= 6) this.push('s' + n); else this.push(null); } });
  const cbs = [];
  const dst = new Writable({ highWaterMark: 3, write(c, e, cb) { L('write', c); cbs.push(cb); } });
  dst.on('finish', () => L('finish'));
  src.on('pause', () => L('pause')); src.on('resume', () => L('resume'));
  src.pipe(dst);
  for (let i = 0; i < 8; i++) { await tick(); L('n', n, src.readableLength, dst.writableLength); if (cbs.length) cbs.shift()(); }
  while (cbs.length) { cbs.shift()(); await tick(); }
  await tick();
});
step('pipe to two', async () => {
  const src = new PassThrough();
  const a = new PassThrough({ highWaterMark: 1 }); const b = new PassThrough();
  src.pipe(a); src.pipe(b);
  src.write('1'); src.write('2'); src.write('3');
  await tick();
  L(a.readableLength, a.writableLength, b.readableLength, src.readableLength, src.isPaused());
  a.resume();
  await tick();
  L(a.readableLength, b.readableLength, src.readableLength, src.isPaused());
  src.unpipe(a);
  L(src._readableState.pipes.length);
});
step('duplex halfopen', async () => {
  const d = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
  d.on('finish', () => L('finish')); d.on('end', () => L('end')); d.on('close', () => L('close'));
  d.resume();
  d.push(null);
  await tick(); await tick();
  L(d.writableEnded, d.destroyed);
});
step('duplex readable false', async () => {
  const d = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
  L(d.readable, d.writable, d.readableEnded);
  d.on('finish', () => L('finish')); d.on('close', () => L('close'));
  d.end('x');
  await tick();
});
step('passthrough chunks', async () => {
  const p = new PassThrough();
  const out = [];
  p.on('data', (c) => out.push(String(c)));
  p.write('a'); p.write('b'); p.write('c');
  await tick();
  p.end('d');
  await tick();
  L(out.join('|'));
  const q = new PassThrough();
  q.write('a'); q.write('b'); q.end('c');
  L(String(q.read()));
  const chunks = [];
  for await (const c of new PassThrough().end('zz')) chunks.push(String(c));
  L(chunks.join('|'));
  const p2 = new PassThrough(); p2.write('1'); p2.write('2'); p2.end('3');
  const c2 = []; for await (const c of p2) c2.push(String(c)); L(c2.join('|'));
});
step('pipeline bytes', async () => {
  const out = [];
  await new Promise((res) => pipeline(Readable.from(['ab', 'cd', 'ef'], { objectMode: false }), new PassThrough(), new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } }), res));
  L(out.join('|'));
});
step('piped PassThrough backpressure', async () => {
  const pt = new PassThrough({ highWaterMark: 2 });
  const r = [];
  for (let i = 0; i < 6; i++) r.push(pt.write('x'));
  L(r.join(), pt.writableLength, pt.readableLength);
  let n = 0;
  const slow = new Writable({ highWaterMark: 2, write(c, e, cb) { n++; } });
  const pt2 = new PassThrough({ highWaterMark: 2 });
  pt2.pipe(slow);
  const r3 = [];
  for (let i = 0; i < 8; i++) r3.push(pt2.write('x'));
  await tick(); await tick();
  L(r3.join(), pt2.writableLength, pt2.readableLength, slow.writableLength, n);
});
(async () => { for (const [n, f] of steps) { console.log('--', n); await f(); } })();
