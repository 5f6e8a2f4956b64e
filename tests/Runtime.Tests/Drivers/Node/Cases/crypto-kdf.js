// pbkdf2 (RFC 6070 vectors), scrypt (RFC 7914 vectors), hkdf (RFC 5869 case 1), sync and callback forms, errors.
const crypto = require('crypto');
const e = (f) => { try { f(); console.log('no error'); } catch (err) { console.log(err.name, err.code, err.message); } };
console.log(crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1').toString('hex'));
console.log(crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1').toString('hex'));
console.log(crypto.pbkdf2Sync('passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1').toString('hex'));
console.log(crypto.pbkdf2Sync('pass\0word', 'sa\0lt', 4096, 16, 'sha1').toString('hex'));
for (const d of ['md5', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-256']) console.log(d, crypto.pbkdf2Sync('pw', 'salt', 3, 70, d).toString('hex'));
e(() => crypto.pbkdf2Sync('pw', 'salt', 1, 0, 'sha256'));
e(() => crypto.hkdfSync('sha256', 'k', 's', 'i', 0));
console.log('scrypt zero', crypto.scryptSync('p', 's', 0).length);
console.log(crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }).toString('hex'));
console.log(crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }).toString('hex'));
console.log(crypto.scryptSync('pw', 'salt', 32).toString('base64'));
console.log(crypto.scryptSync('pw', 'salt', 16, { cost: 256, blockSize: 4, parallelization: 2 }).toString('hex'));
const ikm = Buffer.alloc(22, 0x0b);
const salt = Buffer.from('000102030405060708090a0b0c', 'hex');
const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
const okm = crypto.hkdfSync('sha256', ikm, salt, info, 42);
console.log(okm instanceof ArrayBuffer, Buffer.from(okm).toString('hex'));
console.log(Buffer.from(crypto.hkdfSync('sha512', 'key', '', '', 100)).toString('hex'));
console.log(Buffer.from(crypto.hkdfSync('sha224', 'key', 'salt', 'info', 64)).toString('hex'));
e(() => crypto.pbkdf2Sync('p', 's', 1, 10, 'nope'));
e(() => crypto.pbkdf2Sync('p', 's', 0, 10, 'sha1'));
e(() => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha1'));
e(() => crypto.hkdfSync('nope', 'k', 's', 'i', 10));
e(() => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1));
e(() => crypto.scryptSync('p', 's', 16, { N: 3 }));
e(() => crypto.scryptSync('p', 's', 16, { N: 2 ** 20 }));
e(() => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }));
e(() => crypto.pbkdf2('p', 's', 1, 10, 'sha1'));
// Chained so the order does not depend on thread-pool timing in real Node.
crypto.pbkdf2('password', 'salt', 2, 20, 'sha1', (err, key) => {
  console.log('pbkdf2 cb', err, key.toString('hex'));
  crypto.scrypt('password', 'salt', 16, { N: 16 }, (err2, key2) => {
    console.log('scrypt cb', err2, key2.toString('hex'));
    crypto.scrypt('password', 'salt', 16, (err3, key3) => {
      console.log('scrypt cb default', err3, key3.toString('hex'));
      crypto.hkdf('sha1', 'k', 's', 'i', 10, (err4, key4) => console.log('hkdf cb', err4, Buffer.from(key4).toString('hex')));
    });
  });
});
console.log('sync part done');
