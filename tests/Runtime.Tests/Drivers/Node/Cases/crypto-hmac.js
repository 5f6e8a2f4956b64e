// HMAC vectors (RFC 4231 test cases 1, 2, 6 plus long keys), encodings, KeyObject-less keys, errors.
const crypto = require('crypto');
const cases = [
  [Buffer.alloc(20, 0x0b), 'Hi There'],
  ['Jefe', 'what do ya want for nothing?'],
  [Buffer.alloc(131, 0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First'],
  ['', ''],
];
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-256', 'sha3-512']) {
  for (const [key, data] of cases) console.log(alg, crypto.createHmac(alg, key).update(data).digest('hex'));
}
const h = crypto.createHmac('sha256', 'k');
h.update('a').update(Buffer.from('b')).update('63', 'hex');
console.log('chunks', h.digest('base64'), crypto.createHmac('sha256', 'k').update('abc').digest('base64'));
const once = crypto.createHmac('sha1', 'k');
once.digest();
console.log('second digest', JSON.stringify(once.digest('hex')));
const e = (f) => { try { f(); console.log('no error'); } catch (err) { console.log(err.name, err.code, err.message); } };
e(() => crypto.createHmac('nope', 'k'));
e(() => crypto.createHmac('sha256', 42));
e(() => { const x = crypto.createHmac('sha256', 'k'); x.digest(); x.update('a'); });
