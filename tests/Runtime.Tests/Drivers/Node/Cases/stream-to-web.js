// Readable.toWeb, Writable.toWeb, Duplex.toWeb (Node 22), readableBuffer, _undestroy and Readable's listener
// bookkeeping (removeListener/off/removeAllListeners of 'readable' and 'data').
const { Readable, Writable, Duplex, PassThrough } = require('stream');
const steps = [];
const step = (name, fn) => steps.push([name, fn]);
const tick = () => new Promise((r) => setImmediate(r));

step('exports', async () => {
  console.log(typeof Readable.toWeb, typeof Writable.toWeb, typeof Duplex.toWeb);
  console.log(['_undestroy', 'readableBuffer', 'off', 'removeListener', 'removeAllListeners']
    .map((k) => Object.prototype.hasOwnProperty.call(Readable.prototype, k)).join());
  console.log(Readable.prototype.off === Readable.prototype.removeListener, typeof Writable.prototype._undestroy);
});
step('Readable.toWeb bytes', async () => {
  const r = new Readable({ read() {} });
  const rs = Readable.toWeb(r);
  console.log(rs.constructor.name, rs.locked);
  r.push('ab'); r.push(Buffer.from('cd')); r.push(null);
  const reader = rs.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    console.log(value.constructor.name, Buffer.from(value).toString());
  }
  console.log('closed', r.destroyed);
});
step('Readable.toWeb objects and pause', async () => {
  let n = 0;
  const r = new Readable({ objectMode: true, highWaterMark: 2, read() { n++; this.push(n <= 5 ? { n } : null); } });
  const rs = Readable.toWeb(r);
  await tick(); await tick();
  console.log('pulled', n <= 4, r.isPaused());
  const got = [];
  for await (const v of rs) got.push(v.n);
  console.log(got.join(','));
});
step('Readable.toWeb error and cancel', async () => {
  const r = new Readable({ read() {} });
  const rs = Readable.toWeb(r);
  r.destroy(new Error('boom'));
  await rs.getReader().read().catch((e) => console.log('read error', e.message));
  const r2 = new Readable({ read() {} });
  r2.on('close', () => console.log('r2 close', r2.destroyed));
  await Readable.toWeb(r2).cancel('why');
  await tick();
  const r3 = new Readable({ read() {} });
  const rs3 = Readable.toWeb(r3);
  r3.destroy();
  await rs3.getReader().read().catch((e) => console.log('premature', e.name, e.code, e.cause && e.cause.code));
  const done = new Readable({ read() {} }); done.destroy();
  const rs4 = Readable.toWeb(done);
  console.log('destroyed source', await rs4.getReader().read().then((x) => JSON.stringify(x)));
  try { Readable.toWeb({}); } catch (e) { console.log(e.code); }
});
step('Writable.toWeb', async () => {
  const got = [];
  const w = new Writable({ highWaterMark: 2, write(c, e, cb) { got.push(String(c)); setImmediate(cb); } });
  w.on('finish', () => console.log('finish', got.join('|')));
  const ws = Writable.toWeb(w);
  const writer = ws.getWriter();
  console.log('desired', writer.desiredSize);
  await writer.write('ab');
  await writer.write(new Uint8Array([99, 100]));
  await writer.close();
  console.log('closed', w.writableFinished);
  const w2 = new Writable({ write(c, e, cb) { cb(new Error('nope')); } });
  w2.on('error', () => {});
  const writer2 = Writable.toWeb(w2).getWriter();
  await writer2.write('x').then(() => console.log('write ok')).catch((e) => console.log('write error', e.message));
  await writer2.closed.catch((e) => console.log('closed error', e.message));
  const w3 = new Writable({ write(c, e, cb) { cb(); } });
  await Writable.toWeb(w3).abort(new Error('stop'));
  console.log('aborted', w3.destroyed);
  try { Writable.toWeb({}); } catch (e) { console.log(e.code); }
});
step('Duplex.toWeb', async () => {
  const p = new PassThrough();
  const { readable, writable } = Duplex.toWeb(p);
  console.log(readable.constructor.name, writable.constructor.name);
  const writer = writable.getWriter();
  writer.write('hi'); writer.write('!'); writer.close();
  const chunks = [];
  for await (const c of readable) chunks.push(Buffer.from(c).toString());
  console.log(chunks.join(''));
  const d = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
  const pair = Duplex.toWeb(d);
  console.log('readable side', JSON.stringify(await pair.readable.getReader().read()));
  try { Duplex.toWeb(new Readable()); } catch (e) { console.log(e.code); }
});
step('readableBuffer', async () => {
  const r = new Readable({ read() {} });
  r.push('a'); r.push('b');
  console.log(Array.isArray(r.readableBuffer), r.readableBuffer.map(String).join(','), r.readableLength);
  r.read(1);
  console.log(r.readableBuffer.filter(Boolean).map(String).join(','), r.readableLength);
});
step('_undestroy', async () => {
  const r = new Readable({ read() {} });
  r.destroy();
  await tick();
  console.log(r.destroyed, r.closed, r.readable);
  r._undestroy();
  console.log(r.destroyed, r.closed, r.readable, r.readableEnded);
  r.on('data', (c) => console.log('data again', String(c)));
  r.push('z');
  await tick();
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.end();
  await tick();
  console.log(w.writableFinished, w.destroyed);
  w._undestroy();
  console.log(w.writableFinished, w.destroyed, w.writable, w.writableEnded);
});
step('listener bookkeeping', async () => {
  const r = new Readable({ read() {} });
  const onReadable = () => {};
  r.on('readable', onReadable);
  console.log('flowing', r.readableFlowing, r._readableState.readableListening);
  r.off('readable', onReadable);
  console.log('after off', r._readableState.readableListening);
  await tick();
  console.log('next tick', r._readableState.readableListening, r.readableFlowing);
  const onData = () => {};
  r.on('data', onData);
  await tick();
  console.log('data', r.readableFlowing);
  r.removeListener('data', onData);
  r.on('readable', onReadable);
  r.removeAllListeners();
  await tick();
  console.log('removeAll', r._readableState.readableListening, r.readableFlowing, r.eventNames());
  const r2 = new Readable({ read() {} });
  r2.on('readable', onReadable);
  r2.on('data', (c) => console.log('r2 data', String(c)));
  r2.push('q');
  await tick();
  console.log('paused by readable', r2.readableLength);
  r2.removeListener('readable', onReadable);
  await tick();
  console.log('resumed', r2.readableFlowing, r2.readableLength);
});
(async () => { for (const [name, fn] of steps) { console.log('--', name); await fn(); } })();
