// Hash vectors: every digest, streaming updates, encodings, copy(), crypto.hash(), errors.
const crypto = require('crypto');
const inputs = ['', 'abc', 'The quick brown fox jumps over the lazy dog', 'é∑😀', 'a'.repeat(1000)];
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-256', 'sha3-384', 'sha3-512', 'SHA256']) {
  for (const s of inputs) console.log(alg, s.length, crypto.createHash(alg).update(s).digest('hex'));
}
const big = Buffer.alloc(200000);
for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
const h = crypto.createHash('sha256');
for (let off = 0; off < big.length; off += 9999) h.update(big.subarray(off, off + 9999));
console.log('chunked', h.digest('hex'), crypto.createHash('sha256').update(big).digest('hex'));
for (const enc of ['hex', 'base64', 'base64url', 'latin1']) console.log(enc, JSON.stringify(crypto.createHash('md5').update('x').digest(enc)));
console.log('buffer', crypto.createHash('sha1').update('x').digest());
console.log('input encodings', crypto.createHash('sha1').update('616263', 'hex').digest('hex'), crypto.createHash('sha1').update('YWJj', 'base64').digest('hex'));
console.log('typed arrays', crypto.createHash('sha1').update(new Uint16Array([1, 2, 3])).update(new DataView(new ArrayBuffer(3))).digest('hex'));
const a = crypto.createHash('sha512').update('one');
const c224 = crypto.createHash('sha224').update('x'.repeat(100));
console.log('copy sha224', c224.copy().update('y').digest('hex'), c224.digest('hex'));
const b = a.copy();
b.update('two');
console.log('copy', a.digest('base64'), b.digest('base64'));
console.log('hash()', crypto.hash('sha1', 'abc'), crypto.hash('md5', Buffer.from('abc'), 'base64'), crypto.hash('sha256', 'abc', 'buffer').length);
const e = (f) => { try { f(); console.log('no error'); } catch (err) { console.log(err.name, err.code, err.message); } };
e(() => crypto.createHash('nope'));
e(() => { const x = crypto.createHash('sha256'); x.digest(); x.update('a'); });
e(() => { const x = crypto.createHash('sha256'); x.digest(); x.digest(); });
e(() => { const x = crypto.createHash('sha256'); x.digest(); x.copy(); });
e(() => crypto.createHash('sha256').update(42));
console.log(['md5', 'sha1', 'sha256', 'sha512', 'sha3-256'].every((n) => crypto.getHashes().includes(n)));
const stream = crypto.createHash('sha256');
stream.on('readable', () => { const d = stream.read(); if (d) console.log('stream', d.toString('hex')); });
stream.write('hel');
stream.end('lo');
