// node:crypto — assembled from lib/internal/crypto/*: random values, hashes/HMACs, KDFs, AES ciphers,
// RSA/EC/Ed25519/X25519 keys, signatures and encryption, and webcrypto.subtle, computed by the host (.NET, and
// BouncyCastle for Ed25519/X25519); what is not built (DH, createECDH, chacha20) fails with ERR_NOT_SUPPORTED_IN_SANDBOX.
'use strict';
const errors = internal.errors;
const random = require('internal/crypto/random');
const hash = require('internal/crypto/hash');
const kdf = require('internal/crypto/kdf');
const cipher = require('internal/crypto/cipher');
const keys = require('internal/crypto/keys');
const sig = require('internal/crypto/sig');

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

let subtleModule;
const lazySubtle = () => (subtleModule ||= require('internal/crypto/webcrypto'));
const webcrypto = {
  getRandomValues: random.getRandomValues,
  randomUUID: random.randomUUID,
  get subtle() { return lazySubtle().subtle; },
  get CryptoKey() { return lazySubtle().CryptoKey; },
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
  createSign: sig.createSign, createVerify: sig.createVerify, Sign: sig.Sign, Verify: sig.Verify,
  sign: sig.sign, verify: sig.verify, publicEncrypt: sig.publicEncrypt, privateDecrypt: sig.privateDecrypt,
  privateEncrypt: unsupported('privateEncrypt'), publicDecrypt: unsupported('publicDecrypt'),
  diffieHellman: sig.diffieHellman,
  KeyObject: keys.KeyObject,
  createPrivateKey: keys.createPrivateKey, createPublicKey: keys.createPublicKey, createSecretKey: keys.createSecretKey,
  generateKeyPair: keys.generateKeyPair, generateKeyPairSync: keys.generateKeyPairSync,
  generateKey: keys.generateKey, generateKeySync: keys.generateKeySync,
  createDiffieHellman: unsupported('createDiffieHellman'), createECDH: unsupported('createECDH'),
  getDiffieHellman: unsupported('getDiffieHellman'), createDiffieHellmanGroup: unsupported('createDiffieHellmanGroup'),
  getCurves: () => ['prime256v1', 'secp256k1', 'secp384r1', 'secp521r1'],
  constants: Object.freeze({
    RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4, RSA_X931_PADDING: 5, RSA_PKCS1_PSS_PADDING: 6,
    RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2,
    POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4, POINT_CONVERSION_HYBRID: 6,
    defaultCoreCipherList: '', defaultCipherList: '',
  }),
};
Object.defineProperty(module.exports, 'subtle', { get: () => webcrypto.subtle, enumerable: false });
