// zlib streams: Transform chunks, flush(), pipes, callbacks and promisify, info, bytesWritten, crc32, constants.
const zlib = require('zlib');
const { promisify } = require('util');
const { pipeline, Readable, Writable } = require('stream');
const text = 'stream data '.repeat(3000);
console.log(zlib.crc32('hello'), zlib.crc32('world', zlib.crc32('hello ')), zlib.crc32(Buffer.from('hello world')), zlib.crc32(''));
console.log(zlib.constants.Z_BEST_COMPRESSION, zlib.constants.BROTLI_PARAM_QUALITY, zlib.Z_SYNC_FLUSH, zlib.codes.Z_DATA_ERROR, zlib.codes['-3']);
console.log(typeof zlib.createGzip().pipe, zlib.createGzip() instanceof require('stream').Transform);
const info = zlib.gzipSync('abc', { info: true });
console.log('info', Buffer.isBuffer(info.buffer), info.engine instanceof zlib.Gzip);
function collect(stream, label, done) {
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  stream.on('end', () => { const all = Buffer.concat(chunks); console.log(label, 'end'); done(all); });
}
const steps = [];
const next = () => { const s = steps.shift(); if (s) s(); };
steps.push(() => {
  const gz = zlib.createGzip();
  collect(gz, 'gzip stream', (all) => { console.log('gzip stream round trip', zlib.gunzipSync(all).toString() === text + 'tail', gz.bytesWritten); next(); });
  for (let i = 0; i < text.length; i += 1000) gz.write(text.slice(i, i + 1000));
  gz.end('tail');
});
steps.push(() => {
  // Sync flush: everything written so far can be inflated before the stream ends.
  const df = zlib.createDeflate();
  const chunks = [];
  df.on('data', (c) => chunks.push(c));
  df.write('first part ');
  df.flush(zlib.constants.Z_SYNC_FLUSH, () => {
    const soFar = Buffer.concat(chunks);
    const inf = zlib.createInflate();
    inf.on('data', (c) => { console.log('after flush', c.toString()); inf.destroy(); df.end('second'); });
    df.on('end', () => { console.log('deflate ended', zlib.inflateSync(Buffer.concat(chunks)).toString()); next(); });
    inf.write(soFar);
  });
});
steps.push(() => {
  const source = zlib.gzipSync(text);
  const gunzip = zlib.createGunzip();
  collect(gunzip, 'gunzip chunks', (all) => { console.log('gunzip chunked', all.toString() === text); next(); });
  for (let i = 0; i < source.length; i += 7) gunzip.write(source.subarray(i, i + 7));
  gunzip.end();
});
steps.push(() => {
  const out = [];
  pipeline(Readable.from([Buffer.from(text)]), zlib.createBrotliCompress(), zlib.createBrotliDecompress(),
    new Writable({ write(c, e, cb) { out.push(c); cb(); } }), (err) => { console.log('pipeline', err, Buffer.concat(out).toString() === text); next(); });
});
steps.push(async () => {
  const deflated = await promisify(zlib.deflate)('promised');
  console.log('promisify', (await promisify(zlib.inflate)(deflated)).toString());
  try { await promisify(zlib.inflate)(Buffer.from('bad')); } catch (err) { console.log('promisify error', err.code); }
  zlib.deflateRaw('cb options', { level: 1 }, (err, buf) => {
    zlib.inflateRaw(buf, (err2, out) => { console.log('callback options', err, err2, out.toString()); next(); });
  });
});
steps.push(() => {
  const u = zlib.createUnzip();
  collect(u, 'unzip stream', (all) => { console.log('unzip', all.toString()); next(); });
  u.end(zlib.deflateSync('unzip zlib'));
});
steps.push(() => console.log('done'));
next();
