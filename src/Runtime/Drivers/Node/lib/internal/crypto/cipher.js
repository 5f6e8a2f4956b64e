// node:internal/crypto/cipher — createCipheriv/createDecipheriv for AES ECB/CBC/CTR/GCM; state lives on the host.
'use strict';
const { bridge, OP } = internal;
const errors = internal.errors;
const { Transform } = require('stream');
const { StringDecoder } = require('string_decoder');
const { toBytes, toBlob, fromBlob, osslError, Buffer } = require('internal/crypto/util');

// name → [key length, iv length, mode]; the host checks the same table again.
const ciphers = new Map();
for (const bits of [128, 192, 256]) {
  const keyLength = bits / 8;
  ciphers.set(`aes-${bits}-ecb`, [keyLength, 0, 'ecb']);
  ciphers.set(`aes-${bits}-cbc`, [keyLength, 16, 'cbc']);
  ciphers.set(`aes${bits}`, [keyLength, 16, 'cbc']);
  ciphers.set(`aes-${bits}-ctr`, [keyLength, 16, 'ctr']);
  ciphers.set(`aes-${bits}-gcm`, [keyLength, 12, 'gcm']);
}

const kId = Symbol('cipherId');
const kState = Symbol('state');
const kInfo = Symbol('info');

function invalidState(op) {
  return errors.codedError(Error, 'ERR_CRYPTO_INVALID_STATE', op ? `Invalid state for operation ${op}` : 'Invalid state');
}
function validTagLength(n) { return n === 4 || n === 8 || (n >= 12 && n <= 16); }
function invalidTag(n) { return errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${n}`); }

function keyMaterial(key) {
  if (key && typeof key === 'object' && typeof key.export === 'function' && key.type === 'secret') return key.export();
  return toBytes(key, 'key');
}

class CipherBase extends Transform {
  constructor(decrypt, cipher, key, iv, options) {
    super(options);
    if (typeof cipher !== 'string') throw errors.invalidArgType('cipher', 'string', cipher);
    const info = ciphers.get(cipher.toLowerCase());
    if (!info) throw errors.codedError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
    const k = keyMaterial(key);
    const v = iv === null || iv === undefined ? null : toBytes(iv, 'iv');
    const [keyLength, ivLength, mode] = info;
    if (k.length !== keyLength) throw errors.codedError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
    const ivOk = mode === 'ecb' ? v === null || v.length === 0 : mode === 'gcm' ? v !== null && v.length > 0 : v !== null && v.length === ivLength;
    if (!ivOk) throw errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector');
    let tagLength = 16;
    if (mode === 'gcm' && options && options.authTagLength !== undefined) {
      tagLength = options.authTagLength;
      if (!validTagLength(tagLength)) throw invalidTag(tagLength);
    }
    this[kInfo] = { mode, decrypt, tagLength, fixedTag: !!(options && options.authTagLength !== undefined) };
    this[kId] = bridge(OP.CipherCreate, cipher.toLowerCase(), decrypt, toBlob(k), v === null || v.length === 0 ? 0 : toBlob(v), tagLength);
    if (this[kId] < 0) throw errors.codedError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
    this[kState] = 'open';
    this._decoder = null;
    this._authTag = null;
  }
  _out(buf, outputEncoding) {
    if (!outputEncoding || outputEncoding === 'buffer') return buf;
    if (!this._decoder || this._decoder.encoding !== outputEncoding) this._decoder = new StringDecoder(outputEncoding);
    return this._decoder.write(buf);
  }
  update(data, inputEncoding, outputEncoding) {
    if (this[kState] !== 'open') throw new Error('Trying to add data in unsupported state');
    if (typeof data !== 'string' && !ArrayBuffer.isView(data)) throw errors.invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    const bytes = toBytes(data, 'data', inputEncoding);
    if (bytes.length > 0) this[kState] = 'open';
    this._started = true;
    const size = internal.scratchSize;
    if (bytes.length <= size) return this._out(fromBlob(bridge(OP.CipherUpdate, this[kId], toBlob(bytes))), outputEncoding);
    // Slice by slice: one blob built from many slices would be copied over and over.
    const parts = [];
    for (let off = 0; off < bytes.length; off += size) parts.push(fromBlob(bridge(OP.CipherUpdate, this[kId], toBlob(bytes.subarray(off, off + size)))));
    return this._out(Buffer.concat(parts), outputEncoding);
  }
  final(outputEncoding) {
    if (this[kState] !== 'open') throw invalidState();
    this[kState] = 'final';
    const r = bridge(OP.CipherFinal, this[kId]);
    let out = fromBlob(r, (e) => {
      if (e === -74) return osslError('1C800064', 'Provider routines', 'bad decrypt');
      if (e === -90) return osslError('1C80006B', 'Provider routines', 'wrong final block length');
      return new Error('Unsupported state or unable to authenticate data');
    });
    if (this[kInfo].mode === 'gcm' && !this[kInfo].decrypt) {
      this._authTag = out.subarray(out.length - this[kInfo].tagLength);
      out = out.subarray(0, out.length - this[kInfo].tagLength);
    }
    if (!outputEncoding || outputEncoding === 'buffer') return Buffer.from(out);
    const text = this._out(Buffer.from(out), outputEncoding);
    return text + (this._decoder ? this._decoder.end() : '');
  }
  setAutoPadding(autoPadding = true) {
    if (this[kState] !== 'open' || bridge(OP.CipherSetAutoPadding, this[kId], !!autoPadding) === -9) throw invalidState('setAutoPadding');
    return this;
  }
  setAAD(buffer, options) {
    const bytes = toBytes(buffer, 'buffer');
    if (this[kState] !== 'open' || bridge(OP.CipherSetAAD, this[kId], toBlob(bytes)) < 0) throw invalidState('setAAD');
    return this;
  }
  _transform(chunk, encoding, callback) { this.push(this.update(chunk, encoding)); callback(); }
  _flush(callback) {
    try { this.push(this.final()); } catch (e) { callback(e); return; }
    callback();
  }
}

class Cipheriv extends CipherBase {
  constructor(cipher, key, iv, options) { super(false, cipher, key, iv, options); }
  getAuthTag() {
    if (this[kInfo].mode !== 'gcm' || this[kState] !== 'final' || !this._authTag) throw invalidState('getAuthTag');
    return Buffer.from(this._authTag);
  }
}

class Decipheriv extends CipherBase {
  constructor(cipher, key, iv, options) { super(true, cipher, key, iv, options); }
  setAuthTag(tagbuf, encoding) {
    const tag = toBytes(tagbuf, 'buffer', encoding);
    if (this[kInfo].mode !== 'gcm' || this[kState] !== 'open') throw invalidState('setAuthTag');
    if (!validTagLength(tag.length) || (this[kInfo].fixedTag && tag.length !== this[kInfo].tagLength)) throw invalidTag(tag.length);
    if (bridge(OP.CipherSetAuthTag, this[kId], toBlob(tag)) < 0) throw invalidState('setAuthTag');
    return this;
  }
}

module.exports = {
  Cipheriv, Decipheriv,
  createCipheriv: (cipher, key, iv, options) => new Cipheriv(cipher, key, iv, options),
  createDecipheriv: (cipher, key, iv, options) => new Decipheriv(cipher, key, iv, options),
  getCiphers: () => [...ciphers.keys()].sort(),
  cipherInfo: (name) => ciphers.get(String(name).toLowerCase()),
};
