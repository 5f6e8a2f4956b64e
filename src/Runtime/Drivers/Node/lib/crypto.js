// node:crypto — assembled from lib/internal/crypto/*: random values, hashes/HMACs, KDFs and AES ciphers
// computed by the host (.NET); what is not built yet fails with ERR_NOT_SUPPORTED_IN_SANDBOX.
'use strict';
const errors = internal.errors;
const random = require('internal/crypto/random');
const hash = require('internal/crypto/hash');
const kdf = require('internal/crypto/kdf');
const cipher = require('internal/crypto/cipher');

function timingSafeEqual(a, b) {
  for (const [v, name] of [[a, 'buf1'], [b, 'buf2']]) {
    if (!ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer)) throw errors.invalidArgType(name, ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], v);
  }
  if (a.byteLength !== b.byteLength) throw errors.codedError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  const x = ArrayBuffer.isView(a) ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength) : new Uint8Array(a);
  const y = ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

const webcrypto = {
  getRandomValues: random.getRandomValues,
  randomUUID: random.randomUUID,
  get subtle() { throw errors.notSupported('crypto.subtle'); },
};

function unsupported(name) { return () => { throw errors.notSupported(`crypto.${name}`); }; }

module.exports = {
  ...random,
  pseudoRandomBytes: random.randomBytes,
  createHash: (algorithm, options) => new hash.Hash(algorithm, options),
  createHmac: (algorithm, key, options) => new hash.Hmac(algorithm, key, options),
  hash: hash.hash,
  getHashes: hash.getHashes,
  Hash: hash.Hash, Hmac: hash.Hmac,
  ...kdf,
  createCipheriv: cipher.createCipheriv, createDecipheriv: cipher.createDecipheriv,
  Cipheriv: cipher.Cipheriv, Decipheriv: cipher.Decipheriv,
  getCiphers: cipher.getCiphers,
  getCipherInfo: (name) => {
    const info = cipher.cipherInfo(name);
    if (!info) return undefined;
    const [keyLength, ivLength, mode] = info;
    return { mode, name: String(name).toLowerCase(), nid: 0, blockSize: mode === 'cbc' || mode === 'ecb' ? 16 : 1, ivLength: ivLength || undefined, keyLength };
  },
  timingSafeEqual, webcrypto,
  getFips: () => 0,
  createSign: unsupported('createSign'), createVerify: unsupported('createVerify'),
  sign: unsupported('sign'), verify: unsupported('verify'),
  generateKeyPair: unsupported('generateKeyPair'), generateKeyPairSync: unsupported('generateKeyPairSync'),
  createPublicKey: unsupported('createPublicKey'), createPrivateKey: unsupported('createPrivateKey'),
  createSecretKey: unsupported('createSecretKey'),
  createDiffieHellman: unsupported('createDiffieHellman'), createECDH: unsupported('createECDH'),
  publicEncrypt: unsupported('publicEncrypt'), privateDecrypt: unsupported('privateDecrypt'),
  constants: {},
};
Object.defineProperty(module.exports, 'subtle', { get: () => webcrypto.subtle, enumerable: false });
