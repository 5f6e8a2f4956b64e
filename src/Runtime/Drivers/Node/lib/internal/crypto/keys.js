// node:internal/crypto/keys — KeyObject (secret, public, private), createSecretKey/createPublicKey/createPrivateKey,
// generateKeyPair(Sync) and generateKey(Sync). Asymmetric keys live here as DER (PKCS#8 / SPKI); the host
// parses, writes and uses them per call (RSA, EC, Ed25519 and X25519).
'use strict';
const { bridge, OP } = internal;
const errors = internal.errors;
const { toBytes, toBlob, fromBlob, osslError, deferred, Buffer } = require('internal/crypto/util');

const kDer = Symbol('der');
const kType = Symbol('keyType');
const kDetails = Symbol('details');
const kSecret = Symbol('secret');

const ENOTSUP = -95;
const EPERM = -1;
const EACCES = -13;

function unsupportedKeyType(what) { return errors.notSupported(`crypto keys of type ${what} (rsa, ec, ed25519 and x25519 are available)`); }

function decoderError() { return osslError('1E08010C', 'DECODER routines', 'unsupported'); }

function importFailure(code, label) {
  if (code === ENOTSUP) return unsupportedKeyType(label || 'this algorithm');
  if (code === EPERM) return errors.codedError(TypeError, 'ERR_MISSING_PASSPHRASE', 'Passphrase required for encrypted key');
  if (code === EACCES) return osslError('1C800064', 'Provider routines', 'bad decrypt');
  return decoderError();
}

class KeyObject {
  constructor(type) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') throw errors.invalidArgValue('type', type);
    this[kType] = type;
  }
  get type() { return this[kType]; }
  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) throw errors.invalidArgType('otherKeyObject', 'KeyObject', otherKeyObject);
    if (otherKeyObject.type !== this.type) return false;
    const a = this[kSecret] || this[kDer];
    const b = otherKeyObject[kSecret] || otherKeyObject[kDer];
    return a.length === b.length && a.equals(b);
  }
  static from(key) {
    if (!key || typeof key !== 'object' || !key[Symbol.for('secureexec.cryptokey.keyobject')]) throw errors.invalidArgType('key', 'CryptoKey', key);
    return key[Symbol.for('secureexec.cryptokey.keyobject')];
  }
}

class SecretKeyObject extends KeyObject {
  constructor(bytes) { super('secret'); this[kSecret] = Buffer.from(bytes); }
  get symmetricKeySize() { return this[kSecret].length; }
  export(options) {
    if (options !== undefined && (options === null || typeof options !== 'object')) throw errors.invalidArgType('options', 'object', options);
    if (options && options.format === 'jwk') return { kty: 'oct', k: this[kSecret].toString('base64url') };
    if (options && options.format !== undefined && options.format !== 'buffer') throw errors.invalidArgValue('options.format', options.format);
    return Buffer.from(this[kSecret]);
  }
}

class AsymmetricKeyObject extends KeyObject {
  constructor(type, der) { super(type); this[kDer] = der; }
  get _details() {
    if (!this[kDetails]) this[kDetails] = JSON.parse(bridge(OP.KeyDetails, toBlob(this[kDer]), this.type === 'private'));
    return this[kDetails];
  }
  get asymmetricKeyType() { return this._details.asymmetricKeyType; }
  get asymmetricKeyDetails() {
    const d = this._details;
    if (d.asymmetricKeyType === 'rsa') return { modulusLength: d.modulusLength, publicExponent: BigInt(d.publicExponent) };
    return d.asymmetricKeyType === 'ec' ? { namedCurve: d.namedCurve } : {};
  }
  export(options) {
    if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'object', options);
    const { format } = options;
    if (format === 'jwk') return JSON.parse(fromBlob(bridge(OP.KeyExport, toBlob(this[kDer]), this.type === 'private', 'jwk', '')).toString());
    if (format !== 'pem' && format !== 'der') throw errors.invalidArgValue('options.format', format);
    const allowed = this.type === 'private' ? ['pkcs8', 'pkcs1', 'sec1'] : ['spki', 'pkcs1'];
    if (!allowed.includes(options.type)) throw errors.invalidArgValue('options.type', options.type);
    if (options.cipher !== undefined || options.passphrase !== undefined) throw errors.notSupported('exporting encrypted private keys');
    const r = bridge(OP.KeyExport, toBlob(this[kDer]), this.type === 'private', format, options.type);
    if (r < 0) throw errors.invalidArgValue('options.type', options.type);
    const out = fromBlob(r);
    return format === 'pem' ? out.toString('latin1') : out;
  }
}

class PublicKeyObject extends AsymmetricKeyObject { constructor(der) { super('public', der); } }
class PrivateKeyObject extends AsymmetricKeyObject { constructor(der) { super('private', der); } }

function isKeyInput(v) { return typeof v === 'string' || ArrayBuffer.isView(v) || v instanceof ArrayBuffer; }

/** Parses key input the way Node's prepareAsymmetricKey does; returns a Public/PrivateKeyObject. */
function importKey(input, wantPrivate) {
  let data = input;
  let format = 'pem';
  let type = '';
  let passphrase;
  let encoding;
  if (input !== null && typeof input === 'object' && !isKeyInput(input) && !(input instanceof KeyObject)) {
    data = input.key;
    if (input.format !== undefined) format = input.format;
    if (input.type !== undefined) type = input.type;
    passphrase = input.passphrase;
    encoding = input.encoding;
  }
  if (data instanceof KeyObject) {
    if (data.type === 'private') return wantPrivate ? data : new PublicKeyObject(importRaw('der', 'pkcs8', false, data[kDer]));
    if (data.type === 'public' && !wantPrivate) return data;
    throw errors.invalidArgType('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (format === 'jwk') {
    if (data === null || typeof data !== 'object') throw errors.invalidArgType('key.key', 'object', data);
    const der = importRaw('jwk', '', wantPrivate, Buffer.from(JSON.stringify(data)));
    return wantPrivate ? new PrivateKeyObject(der) : new PublicKeyObject(der);
  }
  if (!isKeyInput(data)) throw errors.invalidArgType('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
  if (format !== 'pem' && format !== 'der') throw errors.invalidArgValue('key.format', format);
  if (format === 'der' && !['pkcs1', 'pkcs8', 'spki', 'sec1'].includes(type)) throw errors.invalidArgValue('key.type', type);
  const bytes = typeof data === 'string' ? Buffer.from(data, encoding || 'utf8') : toBytes(data, 'key');
  const pass = passphrase === undefined || passphrase === null ? undefined : Buffer.from(toBytes(passphrase, 'passphrase')).toString('latin1');
  // A private key's DER given to createPublicKey must be read as private first.
  const der = importRaw(format, type, wantPrivate, bytes, pass);
  return der.isPrivate ? new PrivateKeyObject(der) : new PublicKeyObject(der);
}

function importRaw(format, type, wantPrivate, bytes, passphrase) {
  const r = passphrase === undefined
    ? bridge(OP.KeyImport, format, type, wantPrivate, toBlob(bytes))
    : bridge(OP.KeyImport, format, type, wantPrivate, toBlob(bytes), passphrase);
  if (typeof r !== 'string') throw importFailure(r);
  const { private: isPrivate, blob } = JSON.parse(r);
  const der = fromBlob(blob);
  der.isPrivate = isPrivate;
  return der;
}

function createPrivateKey(key) {
  if (key instanceof KeyObject) throw errors.invalidArgType('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  return importKey(key, true);
}
function createPublicKey(key) { return importKey(key, false); }
function createSecretKey(key, encoding) {
  if (key instanceof KeyObject) throw errors.invalidArgType('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  return new SecretKeyObject(toBytes(key, 'key', encoding));
}

function validateObject(v, name) { if (v === null || typeof v !== 'object') throw errors.invalidArgType(name, 'object', v); }

function generateKeyPairSync(type, options) {
  if (typeof type !== 'string') throw errors.invalidArgType('type', 'string', type);
  const known = ['rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', 'ed448', 'x25519', 'x448', 'dh'];
  if (!known.includes(type)) throw errors.invalidArgValue('type', type, 'must be a supported key type');
  const okp = type === 'ed25519' || type === 'x25519';
  if (type !== 'rsa' && type !== 'ec' && !okp) throw unsupportedKeyType(type);
  if (okp && options === undefined) options = {};
  validateObject(options, 'options');
  const host = {};
  if (okp) {
    // no parameters
  } else if (type === 'rsa') {
    if (typeof options.modulusLength !== 'number') throw errors.invalidArgType('options.modulusLength', 'number', options.modulusLength);
    host.modulusLength = options.modulusLength;
    if (options.publicExponent !== undefined) {
      if (typeof options.publicExponent !== 'number') throw errors.invalidArgType('options.publicExponent', 'number', options.publicExponent);
      host.publicExponent = options.publicExponent;
      if (options.publicExponent !== 65537) throw errors.notSupported('RSA public exponents other than 65537');
    }
  } else {
    if (typeof options.namedCurve !== 'string') throw errors.invalidArgType('options.namedCurve', 'string', options.namedCurve);
    host.namedCurve = options.namedCurve;
  }
  const r = bridge(OP.KeyGenerate, type, JSON.stringify(host));
  if (typeof r !== 'string') {
    if (type === 'ec') throw errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
    throw errors.outOfRange('options.modulusLength', '>= 512 && <= 16384', options.modulusLength);
  }
  const [priv, pub] = r.split(',').map(Number);
  const privateKey = new PrivateKeyObject(fromBlob(priv));
  const publicKey = new PublicKeyObject(fromBlob(pub));
  const encode = (key, encoding) => {
    if (encoding === undefined) return key;
    validateObject(encoding, key.type === 'public' ? 'options.publicKeyEncoding' : 'options.privateKeyEncoding');
    return key.export(encoding);
  };
  return { publicKey: encode(publicKey, options.publicKeyEncoding), privateKey: encode(privateKey, options.privateKeyEncoding) };
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  errors.validateFunction(callback, 'callback');
  let pair;
  let error = null;
  try { pair = generateKeyPairSync(type, options); } catch (e) { if (e.code === 'ERR_INVALID_ARG_TYPE' || e.code === 'ERR_INVALID_ARG_VALUE') throw e; error = e; }
  internal.post(() => (error ? callback(error) : callback(null, pair.publicKey, pair.privateKey)));
}

function generateKeySync(type, options) {
  if (typeof type !== 'string') throw errors.invalidArgType('type', 'string', type);
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') {
    if (!Number.isInteger(length) || length < 8 || length > 2 ** 31 - 1) throw errors.outOfRange('options.length', '>= 8 && <= 2147483647', length);
  } else if (type === 'aes') {
    if (![128, 192, 256].includes(length)) throw errors.invalidArgValue('options.length', length, 'must be one of: 128, 192, 256');
  } else throw errors.invalidArgValue('type', type, "must be a supported key type");
  return new SecretKeyObject(require('internal/crypto/random').randomBytes(Math.floor(length / 8)));
}

function generateKey(type, options, callback) {
  errors.validateFunction(callback, 'callback');
  const key = generateKeySync(type, options);
  internal.post(() => callback(null, key));
}

/** The DER of an asymmetric key input and whether it is private (for sign/verify/encrypt). */
function asymmetricKeyFor(key, wantPrivate) {
  const k = key instanceof KeyObject ? key : (wantPrivate ? importKey(key, true) : importEither(key));
  if (k.type === 'secret') throw errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type secret, expected ${wantPrivate ? 'private' : 'public'}.`);
  if (wantPrivate && k.type !== 'private') throw errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${k.type}, expected private.`);
  return k;
}

/** Verify/encrypt accept public or private key material; try it as given. */
function importEither(key) {
  const inner = key !== null && typeof key === 'object' && !isKeyInput(key) ? key.key : key;
  if (inner instanceof KeyObject) return inner;
  return importKey(key, false);
}

module.exports = {
  KeyObject, SecretKeyObject, PublicKeyObject, PrivateKeyObject, kDer,
  createPrivateKey, createPublicKey, createSecretKey, generateKeyPair, generateKeyPairSync, generateKey, generateKeySync,
  asymmetricKeyFor, decoderError,
};
