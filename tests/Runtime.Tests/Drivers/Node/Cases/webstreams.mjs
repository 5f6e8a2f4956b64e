// WHATWG streams: readers, pull with backpressure, async iteration, tee, pipeThrough/pipeTo, errors, from(),
// text streams, and the stream/web module matching the globals.
import * as web from 'node:stream/web';

const log = (...a) => console.log(...a);
log('globals', web.ReadableStream === ReadableStream, web.WritableStream === WritableStream, web.TransformStream === TransformStream);

// start + enqueue + close, read with a reader
{
  const rs = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  const reader = rs.getReader();
  log('locked', rs.locked);
  log(JSON.stringify(await reader.read()), JSON.stringify(await reader.read()), JSON.stringify(await reader.read()));
  reader.releaseLock();
  log('locked after release', rs.locked);
}

// pull is called while desiredSize > 0 (highWaterMark 2)
{
  let n = 0;
  const pulls = [];
  const rs = new ReadableStream({
    pull(c) { pulls.push(c.desiredSize); n++; if (n <= 4) c.enqueue(n); else c.close(); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  await new Promise((r) => setTimeout(r, 5));
  log('pulls before reading', pulls.join(','));
  const got = [];
  for await (const v of rs) got.push(v);
  log('iterated', got.join(','), 'pulls', pulls.length);
}

// tee
{
  const rs = ReadableStream.from(['x', 'y', 'z']);
  const [a, b] = rs.tee();
  const read = async (s) => { const out = []; for await (const v of s) out.push(v); return out.join(''); };
  log('tee', await read(a), await read(b));
}

// pipeThrough a TransformStream into a WritableStream
{
  const seen = [];
  const upper = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); }, flush(c) { c.enqueue('!'); } });
  await ReadableStream.from(['he', 'llo']).pipeThrough(upper).pipeTo(new WritableStream({
    write(chunk) { seen.push(chunk); },
    close() { seen.push('<closed>'); },
  }));
  log('piped', seen.join(' '));
}

// writer backpressure and ready
{
  const writes = [];
  const ws = new WritableStream({ write(chunk) { writes.push(chunk); return new Promise((r) => setTimeout(r, 1)); } }, { highWaterMark: 2 });
  const w = ws.getWriter();
  log('desiredSize', w.desiredSize);
  const p1 = w.write(1);
  const p2 = w.write(2);
  log('desiredSize after 2 writes', w.desiredSize);
  await w.ready;
  await Promise.all([p1, p2, w.write(3)]);
  await w.close();
  log('written', writes.join(','));
}

// errors
{
  const rs = new ReadableStream({ start(c) { c.error(new Error('boom')); } });
  try { await rs.getReader().read(); } catch (e) { log('read error', e.message); }
  const rs2 = new ReadableStream({ pull() { throw new TypeError('pull failed'); } });
  try { await rs2.getReader().read(); } catch (e) { log('pull error', e.name, e.message); }
  const ws = new WritableStream({ write() { throw new Error('sink failed'); } });
  const w = ws.getWriter();
  try { await w.write('x'); } catch (e) { log('write error', e.message); }
  try { await w.closed; } catch (e) { log('closed rejects', e.message); }
  const locked = new ReadableStream();
  locked.getReader();
  try { locked.getReader(); } catch (e) { log('second reader', e.name, e.code); }
}

// cancel reaches the source
{
  let reason;
  const rs = new ReadableStream({ cancel(r) { reason = r; } });
  await rs.cancel('enough');
  log('cancel reason', reason);
}

// text streams
{
  const bytes = ReadableStream.from(['héllo', ' wörld']).pipeThrough(new TextEncoderStream());
  const chunks = [];
  for await (const c of bytes) chunks.push(c.constructor.name + ':' + c.length);
  log('encoded', chunks.join(' '));
  const text = ReadableStream.from([new Uint8Array([0xe2, 0x82]), new Uint8Array([0xac, 0x21])]).pipeThrough(new TextDecoderStream());
  let s = '';
  for await (const c of text) s += c;
  log('decoded', s);
}

// fetch Response bodies are ReadableStreams
{
  const res = new Response('body text');
  log('response body', res.body instanceof ReadableStream);
  const reader = res.body.getReader();
  let total = '';
  for (;;) { const { value, done } = await reader.read(); if (done) break; total += new TextDecoder().decode(value); }
  log('response read', total);
}
