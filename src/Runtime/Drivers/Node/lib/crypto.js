// node:crypto — random values and hashes/HMACs (md5, sha1, sha256, sha384, sha512) computed by the host;
// ciphers, keys and webcrypto.subtle fail with ERR_NOT_SUPPORTED_IN_SANDBOX.
'use strict';
const { bridge, OP, scratch, scratchSize } = internal;
const errors = internal.errors;
const { Buffer } = require('buffer');

function fillRandom(view) {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (let off = 0; off < bytes.length; off += scratchSize) {
    const n = Math.min(scratchSize, bytes.length - off);
    bridge(OP.RandomFill, n);
    bytes.set(scratch.subarray(0, n), off);
  }
  return view;
}

function randomBytes(size, callback) {
  if (typeof size !== 'number' || !(size >= 0 && size <= 2 ** 31 - 1)) throw errors.outOfRange('size', `>= 0 && <= ${2 ** 31 - 1}`, size);
  const buf = fillRandom(Buffer.alloc(size));
  if (typeof callback === 'function') { internal.post(() => callback(null, buf)); return undefined; }
  return buf;
}

function randomUUID() {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') { callback = max; max = min; min = 0; }
  if (!Number.isSafeInteger(min)) throw errors.invalidArgType('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw errors.invalidArgType('max', 'a safe integer', max);
  if (max <= min) throw errors.outOfRange('max', `greater than the value of "min" (${min})`, max);
  const range = max - min;
  const limit = 2 ** 48 - (2 ** 48 % range);
  let x;
  do { x = randomBytes(6).readUIntBE(0, 6); } while (x >= limit);
  const value = min + (x % range);
  if (typeof callback === 'function') { internal.post(() => callback(null, value)); return undefined; }
  return value;
}

function toBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw errors.invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

class Hash {
  constructor(algorithm, key) {
    if (typeof algorithm !== 'string') throw errors.invalidArgType('algorithm', 'string', algorithm);
    let keyLength = -1;
    if (key !== undefined) {
      const k = toBytes(key);
      scratch.set(k.subarray(0, scratchSize));
      keyLength = Math.min(k.length, scratchSize);
    }
    this._id = bridge(OP.HashCreate, algorithm, keyLength);
    if (this._id < 0) throw errors.codedError(Error, 'ERR_CRYPTO_INVALID_DIGEST', key === undefined ? 'Digest method not supported' : `Invalid digest: ${algorithm}`);
    this._done = false;
  }
  update(data, encoding) {
    if (this._done) throw errors.codedError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    const bytes = toBytes(data, encoding);
    for (let off = 0; off < bytes.length; off += scratchSize) {
      const n = Math.min(scratchSize, bytes.length - off);
      scratch.set(bytes.subarray(off, off + n));
      bridge(OP.HashUpdate, this._id, n);
    }
    return this;
  }
  digest(encoding) {
    if (this._done) throw errors.codedError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    this._done = true;
    const n = bridge(OP.HashDigest, this._id);
    const out = Buffer.from(scratch.slice(0, n));
    return encoding && encoding !== 'buffer' ? out.toString(encoding) : out;
  }
}

function timingSafeEqual(a, b) {
  if (a.byteLength !== b.byteLength) throw errors.codedError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  const x = toBytes(a);
  const y = toBytes(b);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

function getRandomValues(array) {
  if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
    const e = new TypeError('The data argument must be an integer-type TypedArray');
    e.code = 17;
    throw e;
  }
  if (array.byteLength > 65536) {
    const e = new Error(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`);
    e.name = 'QuotaExceededError';
    throw e;
  }
  return fillRandom(array);
}

const webcrypto = {
  getRandomValues,
  randomUUID,
  get subtle() { throw errors.notSupported('crypto.subtle'); },
};

function unsupported(name) { return () => { throw errors.notSupported(`crypto.${name}`); }; }

module.exports = {
  createHash: (algorithm) => new Hash(algorithm),
  createHmac: (algorithm, key) => new Hash(algorithm, key),
  randomBytes, pseudoRandomBytes: randomBytes, randomUUID, randomInt, getRandomValues,
  randomFillSync: (buf, offset = 0, size) => { const v = new Uint8Array(buf.buffer, buf.byteOffset + offset, size ?? buf.byteLength - offset); fillRandom(v); return buf; },
  randomFill: (buf, ...rest) => { const cb = rest.pop(); module.exports.randomFillSync(buf, ...rest); internal.post(() => cb(null, buf)); },
  timingSafeEqual, webcrypto, subtle: undefined,
  getHashes: () => ['md5', 'sha1', 'sha256', 'sha384', 'sha512'],
  getCiphers: () => [],
  hash: (algorithm, data, encoding = 'hex') => new Hash(algorithm).update(data).digest(encoding),
  createCipheriv: unsupported('createCipheriv'), createDecipheriv: unsupported('createDecipheriv'),
  createSign: unsupported('createSign'), createVerify: unsupported('createVerify'),
  generateKeyPair: unsupported('generateKeyPair'), generateKeyPairSync: unsupported('generateKeyPairSync'),
  createPublicKey: unsupported('createPublicKey'), createPrivateKey: unsupported('createPrivateKey'),
  createSecretKey: unsupported('createSecretKey'), pbkdf2: unsupported('pbkdf2'), pbkdf2Sync: unsupported('pbkdf2Sync'),
  scrypt: unsupported('scrypt'), scryptSync: unsupported('scryptSync'), createDiffieHellman: unsupported('createDiffieHellman'),
  createECDH: unsupported('createECDH'), publicEncrypt: unsupported('publicEncrypt'), privateDecrypt: unsupported('privateDecrypt'),
  constants: {},
  Hash,
};
Object.defineProperty(module.exports, 'subtle', { get: () => webcrypto.subtle, enumerable: false });
