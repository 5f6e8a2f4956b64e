// AES ECB/CBC/CTR/GCM vectors: chunked updates, encodings, padding, GCM AAD/tags/IV lengths, and Node's errors.
const crypto = require('crypto');
const key = (n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 13 + 7) & 0xff));
const iv = (n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + 3) & 0xff));
const texts = ['', 'a', 'exactly16bytes!!', 'hello world, this is a longer message that spans blocks', 'é∑😀'.repeat(9)];
function roundTrip(name, k, v, text, opts) {
  const c = crypto.createCipheriv(name, k, v, opts);
  if (name.endsWith('gcm')) c.setAAD(Buffer.from('header'));
  // Uneven chunking: the output must not depend on it.
  const parts = [];
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += 7) parts.push(c.update(bytes.subarray(i, i + 7)));
  parts.push(c.final());
  const ct = Buffer.concat(parts);
  const tag = name.endsWith('gcm') ? c.getAuthTag() : null;
  const d = crypto.createDecipheriv(name, k, v, opts);
  if (tag) { d.setAAD(Buffer.from('header')); d.setAuthTag(tag); }
  const pt = Buffer.concat([d.update(ct), d.final()]).toString();
  console.log(name, text.length, ct.toString('hex'), tag ? tag.toString('hex') : '-', pt === text);
}
for (const bits of [128, 192, 256]) {
  for (const text of texts) {
    roundTrip(`aes-${bits}-cbc`, key(bits / 8), iv(16), text);
    roundTrip(`aes-${bits}-ecb`, key(bits / 8), null, text);
    roundTrip(`aes-${bits}-ctr`, key(bits / 8), iv(16), text);
    roundTrip(`aes-${bits}-gcm`, key(bits / 8), iv(12), text);
  }
}
roundTrip('aes-128-gcm', key(16), iv(16), 'iv of 16 bytes');
roundTrip('aes-128-gcm', key(16), iv(1), 'iv of 1 byte');
roundTrip('aes-256-gcm', key(32), iv(12), 'short tag', { authTagLength: 8 });
roundTrip('aes-128-ctr', key(16), Buffer.alloc(16, 0xff), 'counter wraps around the whole 128-bit block');
roundTrip('AES-128-CBC', key(16), iv(16), 'upper-case name');
// NIST GCM test case 2 (zero key and IV, one zero block).
const g = crypto.createCipheriv('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(12));
console.log('nist', g.update(Buffer.alloc(16)).toString('hex'), g.final().length, g.getAuthTag().toString('hex'));
const enc = crypto.createCipheriv('aes-256-cbc', key(32), iv(16));
let b64 = enc.update('some text to encode', 'utf8', 'base64');
b64 += enc.final('base64');
console.log('base64', b64);
const dec = crypto.createDecipheriv('aes-256-cbc', key(32), iv(16));
console.log('utf8', dec.update(b64, 'base64', 'utf8') + dec.final('utf8'));
const hexc = crypto.createCipheriv('aes-128-ctr', '0123456789abcdef', '0123456789abcdef');
console.log('hex', hexc.update('abc', 'utf8', 'hex'), hexc.final('hex'));
const np = crypto.createCipheriv('aes-128-cbc', key(16), iv(16)).setAutoPadding(false);
console.log('no padding', np.update(Buffer.alloc(32, 1)).toString('hex'), np.final().length);
const npd = crypto.createDecipheriv('aes-128-cbc', key(16), iv(16));
npd.setAutoPadding(false);
console.log('no padding decrypt', npd.update(crypto.createCipheriv('aes-128-cbc', key(16), iv(16)).update(Buffer.alloc(16, 2))).toString('hex'), npd.final().length);
const e = (f) => { try { const r = f(); console.log('no error', r === undefined ? '' : typeof r); } catch (err) { console.log(err.name, err.code, err.message, err.reason || ''); } };
e(() => crypto.createCipheriv('aes-128-xyz', key(16), iv(16)));
e(() => crypto.createCipheriv('aes-128-cbc', key(15), iv(16)));
e(() => crypto.createCipheriv('aes-128-cbc', key(16), iv(15)));
e(() => crypto.createCipheriv('aes-128-cbc', key(16), null));
e(() => crypto.createCipheriv('aes-128-ecb', key(16), iv(16)));
e(() => crypto.createCipheriv('aes-128-gcm', key(16), Buffer.alloc(0)));
e(() => crypto.createCipheriv('aes-128-gcm', key(16), iv(12), { authTagLength: 3 }));
e(() => { const d = crypto.createDecipheriv('aes-128-cbc', key(16), iv(16)); d.update(Buffer.alloc(16)); d.final(); });
e(() => { const d = crypto.createDecipheriv('aes-128-cbc', key(16), iv(16)); d.update(Buffer.alloc(15)); d.final(); });
e(() => { const c = crypto.createCipheriv('aes-128-cbc', key(16), iv(16)); c.setAutoPadding(false); c.update('abc'); c.final(); });
e(() => { const d = crypto.createDecipheriv('aes-128-gcm', key(16), iv(12)); d.update(Buffer.alloc(5)); d.final(); });
e(() => { const d = crypto.createDecipheriv('aes-128-gcm', key(16), iv(12)); d.setAuthTag(Buffer.alloc(16)); d.update(Buffer.alloc(5)); d.final(); });
e(() => crypto.createDecipheriv('aes-128-gcm', key(16), iv(12)).setAuthTag(Buffer.alloc(3)));
e(() => crypto.createDecipheriv('aes-128-gcm', key(16), iv(12), { authTagLength: 8 }).setAuthTag(Buffer.alloc(16)));
e(() => crypto.createCipheriv('aes-128-gcm', key(16), iv(12)).getAuthTag());
e(() => { const c = crypto.createCipheriv('aes-128-cbc', key(16), iv(16)); c.final(); c.final(); });
e(() => { const c = crypto.createCipheriv('aes-128-cbc', key(16), iv(16)); c.final(); c.update('x'); });
e(() => { const c = crypto.createCipheriv('aes-128-cbc', key(16), iv(16)); c.final(); c.setAutoPadding(false); });
e(() => crypto.createCipheriv('aes-128-cbc', key(16), iv(16)).setAAD(Buffer.alloc(2)));
e(() => { const c = crypto.createCipheriv('aes-128-gcm', key(16), iv(12)); c.update('a'); c.setAAD(Buffer.alloc(2)); });
e(() => crypto.createCipheriv('aes-128-ctr', key(16), iv(16)).setAutoPadding(false));
const tampered = crypto.createCipheriv('aes-128-gcm', key(16), iv(12));
const ct = Buffer.concat([tampered.update('secret'), tampered.final()]);
ct[0] ^= 1;
e(() => { const d = crypto.createDecipheriv('aes-128-gcm', key(16), iv(12)); d.setAuthTag(tampered.getAuthTag()); d.update(ct); d.final(); });
console.log(['aes-128-cbc', 'aes-192-ctr', 'aes-256-gcm', 'aes-128-ecb'].every((n) => crypto.getCiphers().includes(n)));
const s = crypto.createCipheriv('aes-128-cbc', key(16), iv(16));
const chunks = [];
s.on('data', (c) => chunks.push(c));
s.on('end', () => console.log('stream', Buffer.concat(chunks).toString('hex')));
s.write('streamed ');
s.end('plaintext');
