// node:internal/crypto/kdf — pbkdf2, hkdf, scrypt computed by the host (scrypt per RFC 7914).
'use strict';
const { bridge, OP } = internal;
const errors = internal.errors;
const { toBytes, toBlob, fromBlob, invalidDigest, validateInt32, validateCallback, deferred } = require('internal/crypto/util');

function keyBytes(value, name) {
  if (value && typeof value === 'object' && value.type === 'secret' && typeof value.export === 'function') return value.export();
  return toBytes(value, name);
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const p = keyBytes(password, 'password');
  const s = toBytes(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  if (typeof digest !== 'string') throw errors.invalidArgType('digest', 'string', digest);
  if (keylen === 0) throw new Error('Deriving bits failed'); // OpenSSL 3 refuses an empty key (Node 22)
  const r = bridge(OP.Pbkdf2, digest, iterations, keylen, toBlob(p), toBlob(s));
  return fromBlob(r, () => invalidDigest(digest));
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') { callback = digest; digest = undefined; }
  validateCallback(callback);
  const p = keyBytes(password, 'password');
  const s = toBytes(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  if (typeof digest !== 'string') throw errors.invalidArgType('digest', 'string', digest);
  deferred(callback, () => pbkdf2Sync(p, s, iterations, keylen, digest));
}

function checkHkdf(digest, ikm, salt, info, keylen) {
  if (typeof digest !== 'string') throw errors.invalidArgType('digest', 'string', digest);
  const k = keyBytes(ikm, 'ikm');
  const s = toBytes(salt, 'salt');
  const i = toBytes(info, 'info');
  validateInt32(keylen, 'length', 0);
  if (i.length > 1024) throw errors.outOfRange('info', 'must not contain more than 1024 bytes', i.length);
  return [k, s, i];
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  const [k, s, i] = checkHkdf(digest, ikm, salt, info, keylen);
  if (keylen === 0) throw new Error('Deriving bits failed'); // as Node 22 with OpenSSL 3
  const r = bridge(OP.Hkdf, digest, keylen, toBlob(k), toBlob(s), toBlob(i));
  const out = fromBlob(r, (e) => (e === -2 ? invalidDigest(digest) : errors.codedError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length')));
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  validateCallback(callback);
  const [k, s, i] = checkHkdf(digest, ikm, salt, info, keylen);
  deferred(callback, () => hkdfSync(digest, k, s, i, keylen));
}

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function scryptParams(options) {
  const o = { ...scryptDefaults };
  if (options != null) {
    for (const [long, short] of [['cost', 'N'], ['blockSize', 'r'], ['parallelization', 'p']]) {
      if (options[long] !== undefined && options[short] !== undefined) throw errors.codedError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
      const v = options[long] !== undefined ? options[long] : options[short];
      if (v !== undefined) { validateInt32(v, long === 'cost' ? 'N' : short, 0); o[short] = v; }
    }
    if (options.maxmem !== undefined) o.maxmem = options.maxmem;
  }
  const invalid = (detail) => errors.codedError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', detail ? `Invalid scrypt params: ${detail}` : 'Invalid scrypt params');
  if (o.N < 2 || (o.N & (o.N - 1)) !== 0 || o.r < 1 || o.p < 1 || o.r * o.p >= 2 ** 30) throw invalid();
  if (128 * o.N * o.r > o.maxmem) throw invalid('error:030000AC:digital envelope routines::memory limit exceeded');
  return o;
}

function scryptSync(password, salt, keylen, options) {
  const p = keyBytes(password, 'password');
  const s = toBytes(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  const o = scryptParams(options);
  const r = bridge(OP.Scrypt, o.N, o.r, o.p, keylen, toBlob(p), toBlob(s));
  return fromBlob(r, () => errors.notSupported(`scrypt with N=${o.N}, r=${o.r}, p=${o.p} over the sandbox's memory limit`));
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  validateCallback(callback);
  const p = keyBytes(password, 'password');
  const s = toBytes(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  scryptParams(options);
  deferred(callback, () => scryptSync(p, s, keylen, options));
}

module.exports = { pbkdf2, pbkdf2Sync, hkdf, hkdfSync, scrypt, scryptSync };
