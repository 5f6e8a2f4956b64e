// stream.compose, Duplex.from, the Readable operators and pipeline with generator functions (Node 22).
const { compose, pipeline, addAbortSignal, Readable, Writable, Duplex, Transform, PassThrough } = require('stream');
const { setTimeout: sleep } = require('timers/promises');

const upper = () => new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
const sink = (out) => new Writable({ objectMode: true, write(c, e, cb) { out.push(String(c)); cb(); } });
const firstLine = (e) => `${e.name} ${e.code} ${e.message.split('\n')[0].replace(/ Received .*/, '')}`;
const attempt = (label, fn) => {
  try { const r = fn(); console.log(label, 'ok', r && r.constructor.name); } catch (e) { console.log(label, firstLine(e)); }
};
const flags = (d) => [d.constructor.name, d.readable, d.writable, d.readableObjectMode, d.writableObjectMode].join(' ');
const text = async (s) => (await s.toArray()).map(String).join('');

const steps = [];
const step = (name, fn) => steps.push([name, fn]);

step('argument checks', async () => {
  attempt('none', () => compose());
  const pt = new PassThrough();
  console.log('single duplex is itself', compose(pt) === pt, Duplex.from(pt) === pt);
  attempt('single readable', () => compose(new Readable({ read() {} })));
  attempt('readable second', () => compose(new PassThrough(), new Readable({ read() {} })));
  attempt('writable first', () => compose(new Writable({ write(c, e, cb) { cb(); } }), new PassThrough()));
  attempt('number', () => compose(1, 2));
  attempt('null', () => compose(null));
  attempt('fn returns number', () => compose(() => 5, new PassThrough()));
  attempt('last fn returns number', () => compose(new PassThrough(), () => 5));
  attempt('fn returns object', () => Duplex.from(() => ({})));
  attempt('Duplex.from(true)', () => Duplex.from(true));
});

step('readable and writable sides', async () => {
  console.log('duplex', flags(compose(new PassThrough(), new PassThrough())));
  console.log('readable first', flags(compose(Readable.from(['a']), new PassThrough())));
  console.log('writable last', flags(compose(new PassThrough({ objectMode: true }), sink([]))));
  console.log('generator first', flags(compose(async function* (s) { for await (const c of s) yield c; }, new PassThrough())));
  console.log('async fn last', flags(compose(new PassThrough(), async (s) => { for await (const c of s); })));
  console.log('modes', flags(compose(new PassThrough({ writableObjectMode: true }), new PassThrough({ readableObjectMode: true }))));
});

step('data through the parts', async () => {
  const d = compose(upper(), async function* (src) { for await (const c of src) yield `[${c}]`; });
  d.write('ab');
  d.write('cd');
  d.end('ef');
  console.log('transform + generator', await text(d));
  const g = compose(async function* (src) { for await (const c of src) yield String(c) + '!'; }, upper());
  g.end('x');
  console.log('generator + transform', await text(g));
  console.log('readable + transform', await text(compose(Readable.from(['a', 'b', 'c']), upper())));
  console.log('iterable + transform', await text(compose(['i', 'j'], upper())));
  const mid = compose(upper(), async function* (s) { for await (const c of s) yield String(c).length; }, new PassThrough({ objectMode: true }));
  mid.end('four');
  console.log('generator in the middle', await mid.toArray());
  const got = [];
  const w = compose(upper(), sink(got));
  w.on('finish', () => console.log('writable only finish', got.join(''), w.readable));
  w.write('q');
  w.end('r');
  await new Promise((r) => w.on('close', r));
  console.log('writable only closed', w.destroyed);
});

step('write to a readable-only composition', async () => {
  const d = compose(Readable.from(['a']), upper());
  d.on('error', (e) => console.log('error event', e.code));
  d.write('x', (err) => console.log('write callback', err.code));
  await sleep(10);
});

step('errors and destroy', async () => {
  const watch = (parts) => {
    const ev = [];
    for (const [n, s] of Object.entries(parts)) {
      s.on('close', () => ev.push(`${n} close`));
      s.on('error', (e) => ev.push(`${n} error ${e.name} ${e.message}`));
    }
    return ev;
  };
  let a = new PassThrough();
  let c = new PassThrough();
  const b = new Transform({ transform(ch, e, cb) { cb(new Error('boom')); } });
  let d = compose(a, b, c);
  let ev = watch({ a, b, c, d });
  d.write('x');
  await sleep(10);
  console.log('middle fails:', ev.sort().join('; '));
  a = new PassThrough(); c = new PassThrough();
  d = compose(a, c);
  ev = watch({ a, c, d });
  d.destroy();
  await sleep(10);
  console.log('destroyed:', ev.sort().join('; '));
  a = new PassThrough(); c = new PassThrough();
  d = compose(a, c);
  ev = watch({ a, c, d });
  d.destroy(new Error('mine'));
  await sleep(10);
  console.log('destroyed with error:', ev.sort().join('; '));
  const g = compose(new PassThrough(), async function* (s) { for await (const ch of s) throw new Error('gen ' + ch); });
  g.on('error', (e) => console.log('generator throws:', e.message, g.destroyed));
  g.write('z');
  await sleep(10);
  const f = compose(new PassThrough(), async (s) => { for await (const ch of s); return 42; });
  f.on('error', (e) => console.log('async fn value:', firstLine(e)));
  f.end('tail');
  await sleep(10);
});

step('backpressure', async () => {
  let reads = 0;
  const src = new Readable({ objectMode: true, highWaterMark: 1, read() { reads++; this.push(reads); if (reads > 1000) this.push(null); } });
  const d = compose(src, new PassThrough({ objectMode: true, highWaterMark: 1 }));
  await sleep(20);
  console.log('unread composition stops pulling', reads < 50);
  d.on('error', (e) => console.log('destroy unread:', e.name));
  d.destroy();
  await sleep(5);
  let calls = 0;
  const slow = new Writable({ highWaterMark: 1, write(ch, e, cb) { calls++; } });
  const w = compose(new PassThrough({ highWaterMark: 1 }), slow);
  for (let i = 0; i < 20; i++) w.write('x');
  await sleep(10);
  console.log('stuck sink gets one write', calls, w.writableLength > 0);
});

step('Duplex.from', async () => {
  const r = Duplex.from(Readable.from(['p', 'q']));
  console.log('readable', flags(r), (await r.toArray()).join(''));
  const got = [];
  const w = Duplex.from(new Writable({ write(c, e, cb) { got.push(String(c)); cb(); } }));
  console.log('writable', flags(w));
  w.end('zz', () => console.log('writable ended', got));
  await new Promise((res) => w.on('close', res));
  const p = Duplex.from(Promise.resolve('val'));
  console.log('promise', flags(p), await p.toArray());
  await Duplex.from(Promise.reject(new Error('rej'))).toArray().catch((e) => console.log('rejected promise', e.message));
  console.log('iterable', flags(Duplex.from(['x'])), await Duplex.from(['x', 'y']).toArray());
  const gen = Duplex.from(async function* (source, opts) {
    console.log('generator options', Object.keys(opts), opts.signal.aborted);
    for await (const c of source) yield String(c).toUpperCase();
  });
  console.log('generator', flags(gen));
  gen.write('a');
  gen.end('b');
  console.log('generator out', await gen.toArray());
  const seen = [];
  const fin = Duplex.from(async (source) => { for await (const c of source) seen.push(String(c)); });
  console.log('async function', flags(fin));
  fin.write('a');
  fin.end('b');
  await new Promise((res) => fin.on('finish', res));
  console.log('async function saw', seen);
  const pr = new PassThrough();
  const pw = new PassThrough();
  const pair = Duplex.from({ readable: pr, writable: pw });
  console.log('pair', flags(pair));
  pw.on('data', (c) => console.log('pair writable got', String(c)));
  pair.write('to-w');
  pr.end('from-r');
  console.log('pair read', (await pair.toArray()).map(String));
  const blob = Duplex.from(new Blob(['blobby']));
  console.log('blob', flags(blob), (await blob.toArray()).map((b) => Buffer.from(b).toString()));
  const web = Duplex.from(new ReadableStream({ start(ctl) { ctl.enqueue('w1'); ctl.enqueue('w2'); ctl.close(); } }));
  console.log('web readable', flags(web), await text(web));
  const src = new Readable({ read() {} });
  const wrapped = Duplex.from(src);
  wrapped.on('error', (e) => console.log('wrapper error', e.message));
  src.destroy(new Error('src'));
  await sleep(5);
  console.log('wrapper destroyed', wrapped.destroyed);
});

step('Readable operators', async () => {
  const src = (n = 5) => Readable.from(Array.from({ length: n }, (_, i) => i + 1));
  console.log('present', ['map', 'filter', 'forEach', 'toArray', 'some', 'find', 'every', 'flatMap', 'drop', 'take', 'reduce', 'compose']
    .map((k) => `${k}/${Readable.prototype[k].length}`).join(' '), 'asIndexedPairs' in Readable.prototype);
  attempt('map(5)', () => src().map(5));
  attempt('map concurrency 0', () => src().map((x) => x, { concurrency: 0 }));
  attempt('map concurrency "a"', () => src().map((x) => x, { concurrency: 'a' }));
  attempt('map signal 1', () => src().map((x) => x, { signal: 1 }));
  attempt('drop(-1)', () => src().drop(-1));
  attempt('new map', () => new (src().map)((x) => x));
  attempt('compose(readable)', () => src().compose(src()));
  await src().reduce().catch((e) => console.log('reduce()', firstLine(e)));
  await src(0).reduce((a, b) => a + b).catch((e) => console.log('reduce empty', firstLine(e)));
  console.log('map', await src().map((x) => x * 2).toArray());
  console.log('map concurrency 3', await src(6).map(async (x) => { await sleep((7 - x) * 2); return x * 10; }, { concurrency: 3 }).toArray());
  console.log('filter', await src().filter(async (x) => x % 2).toArray());
  await src(3).forEach((x) => console.log('forEach', x));
  console.log('some/every/find', await src().some((x) => x > 3), await src().every((x) => x > 1), await src().find((x) => x > 2));
  console.log('flatMap', await src(2).flatMap(async function* (x) { yield x; yield -x; }).toArray());
  console.log('drop/take', await src().drop(2).toArray(), await src().take(2).toArray(), await src().drop('x').toArray());
  console.log('reduce', await src().reduce((a, b) => a + b), await src().reduce((a, b) => a + b, 100));
  const s = src();
  await s.map((x) => { if (x === 2) throw new Error('m2'); return x; }).toArray().catch((e) => console.log('map error', e.message));
  await sleep(5);
  console.log('source destroyed', s.destroyed);
  const ac = new AbortController();
  ac.abort();
  await src().toArray({ signal: ac.signal }).catch((e) => console.log('aborted', e.name, e.code));
  const c = src(3).compose(async function* (st) { for await (const x of st) yield x * 3; });
  console.log('readable.compose', c.constructor.name, await c.toArray());
  console.log('chain', await src(10).filter((x) => x % 2 === 0).map((x) => x * x).drop(1).take(3).toArray());
});

step('pipeline with functions', async () => {
  attempt('pipeline one stream', () => pipeline(new PassThrough(), () => {}));
  attempt('pipeline no callback', () => pipeline(new PassThrough(), new PassThrough()));
  const out = [];
  await new Promise((res) => pipeline(['a', 'b'], async function* (s) { for await (const c of s) yield c + '1'; }, sink(out), (err) => {
    console.log('generator pipeline', err, out);
    res();
  }));
  const value = await require('stream/promises').pipeline(Readable.from(['x', 'y']), async (s) => { let t = ''; for await (const c of s) t += c; return t; });
  console.log('promises.pipeline value', value);
  const ac = new AbortController();
  const p = require('stream/promises').pipeline(new Readable({ read() {} }), new PassThrough(), { signal: ac.signal });
  ac.abort();
  await p.catch((e) => console.log('pipeline aborted', e.name, e.code));
});

step('addAbortSignal', async () => {
  attempt('bad signal', () => addAbortSignal({}, new PassThrough()));
  attempt('bad stream', () => addAbortSignal(new AbortController().signal, {}));
  const ac = new AbortController();
  const s = addAbortSignal(ac.signal, new PassThrough());
  s.on('error', (e) => console.log('abort destroys', e.name, e.code, e.cause === 'why'));
  ac.abort('why');
  await sleep(5);
  console.log('destroyed', s.destroyed);
});

(async () => { for (const [name, fn] of steps) { console.log(`-- ${name}`); await fn(); } })();
