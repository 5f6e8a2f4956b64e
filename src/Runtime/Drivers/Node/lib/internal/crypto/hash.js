// node:internal/crypto/hash — createHash/createHmac (Transform streams over host-side IncrementalHash state) and hash().
'use strict';
const { bridge, OP, scratch, scratchSize } = internal;
const errors = internal.errors;
const { Transform } = require('stream');
const { toBytes, encode, invalidDigest, Buffer } = require('internal/crypto/util');

const kId = Symbol('hashId');
const kDone = Symbol('finalized');

function pushBytes(id, bytes) {
  for (let off = 0; off < bytes.length; off += scratchSize) {
    const n = Math.min(scratchSize, bytes.length - off);
    scratch.set(bytes.subarray(off, off + n));
    bridge(OP.HashUpdate, id, n);
  }
}

function finalized() { return errors.codedError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called'); }

class Hash extends Transform {
  constructor(algorithm, options, copyOf) {
    super(options);
    if (copyOf !== undefined) { this[kId] = copyOf; this[kDone] = false; return; }
    if (typeof algorithm !== 'string') throw errors.invalidArgType('algorithm', 'string', algorithm);
    this[kId] = bridge(OP.HashCreate, algorithm, -1);
    if (this[kId] < 0) throw new Error('Digest method not supported');
    this[kDone] = false;
  }
  copy(options) {
    if (this[kDone]) throw finalized();
    return new Hash(undefined, options, bridge(OP.HashCopy, this[kId]));
  }
  update(data, encoding) {
    if (this[kDone]) throw finalized();
    if (typeof data !== 'string' && !ArrayBuffer.isView(data)) throw errors.invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    pushBytes(this[kId], toBytes(data, 'data', encoding));
    return this;
  }
  digest(encoding) {
    if (this[kDone]) throw finalized();
    this[kDone] = true;
    const n = bridge(OP.HashDigest, this[kId]);
    return encode(Buffer.from(scratch.slice(0, n)), encoding);
  }
  _transform(chunk, encoding, callback) { this.update(chunk, encoding); callback(); }
  _flush(callback) { this.push(this.digest()); callback(); }
}

class Hmac extends Transform {
  constructor(algorithm, key, options) {
    super(options);
    if (typeof algorithm !== 'string') throw errors.invalidArgType('hmac', 'string', algorithm);
    if (typeof key !== 'string' && !ArrayBuffer.isView(key) && !(key instanceof ArrayBuffer) && !(key && typeof key.export === 'function')) {
      throw errors.invalidArgType('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'], key);
    }
    const k = key && key.type === 'secret' && typeof key.export === 'function' ? key.export() : toBytes(key, 'key');
    if (k.length > scratchSize) throw errors.notSupported('HMAC keys over 64 KiB');
    scratch.set(k);
    this[kId] = bridge(OP.HashCreate, algorithm, k.length);
    if (this[kId] < 0) throw invalidDigest(algorithm);
    this[kDone] = false;
  }
  update(data, encoding) {
    if (this[kDone]) throw finalized();
    pushBytes(this[kId], toBytes(data, 'data', encoding));
    return this;
  }
  digest(encoding) {
    // Node returns an empty digest after the first one instead of throwing.
    if (this[kDone]) return encode(Buffer.alloc(0), encoding);
    this[kDone] = true;
    const n = bridge(OP.HashDigest, this[kId]);
    return encode(Buffer.from(scratch.slice(0, n)), encoding);
  }
  _transform(chunk, encoding, callback) { this.update(chunk, encoding); callback(); }
  _flush(callback) { this.push(this.digest()); callback(); }
}

/** crypto.hash(algorithm, data[, outputEncoding]) — Node 21.7's one-shot digest. */
function hash(algorithm, data, outputEncoding = 'hex') {
  if (typeof algorithm !== 'string') throw errors.invalidArgType('algorithm', 'string', algorithm);
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) throw errors.invalidArgType('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  return new Hash(algorithm).update(data).digest(outputEncoding);
}

const hashNames = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-256', 'sha3-384', 'sha3-512'];
function getHashes() {
  return hashNames.filter((n) => { const id = bridge(OP.HashCreate, n, -1); if (id < 0) return false; bridge(OP.HashDigest, id); return true; });
}

module.exports = { Hash, Hmac, hash, getHashes };
