// node:internal/crypto/sig — createSign/createVerify, sign()/verify(), publicEncrypt/privateDecrypt and
// diffieHellman() over RSA, EC, Ed25519 and X25519 keys (RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA with DER or IEEE P1363
// signatures, Ed25519 without a digest, ECDH and X25519).
'use strict';
const { bridge, OP } = internal;
const errors = internal.errors;
const { Writable } = require('stream');
const { toBytes, toBlob, fromBlob, encode, osslError, Buffer } = require('internal/crypto/util');
const keys = require('internal/crypto/keys');

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;
const RSA_PKCS1_PSS_PADDING = 6;

function digestOk(name) {
  const id = bridge(OP.HashCreate, name, -1);
  if (id < 0) return false;
  bridge(OP.HashDigest, id);
  return true;
}

function signOptions(key) {
  const o = {};
  if (key !== null && typeof key === 'object' && !(key instanceof keys.KeyObject) && !ArrayBuffer.isView(key)) {
    if (key.padding !== undefined) o.padding = key.padding;
    if (key.saltLength !== undefined) o.saltLength = key.saltLength;
    if (key.dsaEncoding !== undefined) {
      if (key.dsaEncoding !== 'der' && key.dsaEncoding !== 'ieee-p1363') throw errors.invalidArgValue('options.dsaEncoding', key.dsaEncoding);
      o.dsaEncoding = key.dsaEncoding;
    }
  }
  if (o.padding !== undefined && o.padding !== RSA_PKCS1_PADDING && o.padding !== RSA_PKCS1_PSS_PADDING) {
    throw errors.notSupported(`signature padding ${o.padding}`);
  }
  return o;
}

function keyTypeError() {
  return osslError('03000096', 'digital envelope routines', 'operation not supported for this keytype', 'ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE');
}

// Ed25519 signs the message itself (no digest); X25519 keys cannot sign.
function checkOkp(algorithm, k) {
  const type = k.asymmetricKeyType;
  if (type === 'x25519') throw keyTypeError();
  if (type === 'ed25519' && algorithm) throw osslError('1C80007A', 'Provider routines', 'invalid digest');
}

function doSign(algorithm, data, key) {
  const options = signOptions(key);
  const k = keys.asymmetricKeyFor(key, true);
  checkOkp(algorithm, k);
  const r = bridge(OP.Sign, algorithm || '', toBlob(k[keys.kDer]), true, toBlob(data), JSON.stringify(options));
  if (r === -2) throw errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${algorithm}`);
  return fromBlob(r, () => osslError('1C8000A5', 'Provider routines', 'illegal or unsupported padding mode'));
}

function doVerify(algorithm, data, key, signature) {
  const options = signOptions(key);
  const k = keys.asymmetricKeyFor(key, false);
  checkOkp(algorithm, k);
  const r = bridge(OP.Verify, algorithm || '', toBlob(k[keys.kDer]), k.type === 'private', toBlob(data), toBlob(signature), JSON.stringify(options));
  if (r === -2) throw errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${algorithm}`);
  if (r < 0) throw keys.decoderError();
  return r === 1;
}

// What Sign and Verify share: the digest check and the collected data (update() or the Writable side).
class SignatureStream extends Writable {
  constructor(algorithm, options) {
    if (typeof algorithm !== 'string') throw errors.invalidArgType('algorithm', 'string', algorithm);
    super(options);
    if (!digestOk(algorithm)) throw errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
    this._algorithm = algorithm;
    this._chunks = [];
  }
  _write(chunk, encoding, callback) { this.update(chunk, encoding); callback(); }
  update(data, encoding) {
    if (typeof data !== 'string' && !ArrayBuffer.isView(data)) throw errors.invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    this._chunks.push(Buffer.from(toBytes(data, 'data', encoding)));
    return this;
  }
}

class Sign extends SignatureStream {
  sign(privateKey, outputEncoding) {
    if (!privateKey) throw errors.codedError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
    return encode(doSign(this._algorithm, Buffer.concat(this._chunks), privateKey), outputEncoding);
  }
}

class Verify extends SignatureStream {
  verify(publicKey, signature, signatureEncoding) {
    const sig = toBytes(signature, 'signature', signatureEncoding);
    return doVerify(this._algorithm, Buffer.concat(this._chunks), publicKey, sig);
  }
}

function checkData(data) {
  if (!ArrayBuffer.isView(data)) throw errors.invalidArgType('data', ['Buffer', 'TypedArray', 'DataView'], data);
  return toBytes(data);
}

function sign(algorithm, data, key, callback) {
  if (algorithm !== null && algorithm !== undefined && typeof algorithm !== 'string') throw errors.invalidArgType('algorithm', 'string', algorithm);
  const bytes = checkData(data);
  if (callback !== undefined) errors.validateFunction(callback, 'callback');
  if (algorithm && !digestOk(algorithm)) throw errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${algorithm}`);
  if (!callback) return doSign(algorithm, bytes, key);
  let out;
  let error = null;
  try { out = doSign(algorithm, bytes, key); } catch (e) { error = e; }
  internal.post(() => (error ? callback(error) : callback(null, out)));
  return undefined;
}

function verify(algorithm, data, key, signature, callback) {
  if (algorithm !== null && algorithm !== undefined && typeof algorithm !== 'string') throw errors.invalidArgType('algorithm', 'string', algorithm);
  const bytes = checkData(data);
  if (!ArrayBuffer.isView(signature)) throw errors.invalidArgType('signature', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], signature);
  if (callback !== undefined) errors.validateFunction(callback, 'callback');
  if (algorithm && !digestOk(algorithm)) throw errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${algorithm}`);
  if (!callback) return doVerify(algorithm, bytes, key, toBytes(signature));
  let out;
  let error = null;
  try { out = doVerify(algorithm, bytes, key, toBytes(signature)); } catch (e) { error = e; }
  internal.post(() => (error ? callback(error) : callback(null, out)));
  return undefined;
}

function rsaCrypt(encrypt, wantPrivate, key, buffer) {
  const bytes = toBytes(buffer, 'buffer');
  const options = {};
  if (key !== null && typeof key === 'object' && !(key instanceof keys.KeyObject) && !ArrayBuffer.isView(key)) {
    options.padding = key.padding === undefined ? RSA_PKCS1_OAEP_PADDING : key.padding;
    if (key.oaepHash !== undefined) {
      if (typeof key.oaepHash !== 'string') throw errors.invalidArgType('key.oaepHash', 'string', key.oaepHash);
      options.oaepHash = key.oaepHash;
    }
    if (key.oaepLabel !== undefined && toBytes(key.oaepLabel, 'key.oaepLabel').length > 0) throw errors.notSupported('RSA-OAEP labels');
  }
  if (options.padding !== undefined && options.padding !== RSA_PKCS1_PADDING && options.padding !== RSA_PKCS1_OAEP_PADDING) throw errors.notSupported(`RSA padding ${options.padding}`);
  const k = keys.asymmetricKeyFor(key, wantPrivate);
  const r = bridge(OP.RsaCrypt, encrypt, toBlob(k[keys.kDer]), k.type === 'private', toBlob(bytes), JSON.stringify(options));
  if (r === -2) throw errors.codedError(TypeError, 'ERR_OSSL_EVP_INVALID_DIGEST', 'Invalid digest used');
  return fromBlob(r, () => {
    if (!encrypt && (options.padding || RSA_PKCS1_OAEP_PADDING) === RSA_PKCS1_OAEP_PADDING) return osslError('02000079', 'rsa routines', 'oaep decoding error', 'ERR_OSSL_RSA_OAEP_DECODING_ERROR');
    if (encrypt) return osslError('0200006E', 'rsa routines', 'data too large for key size', 'ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE');
    return osslError('02000072', 'rsa routines', 'padding check failed', 'ERR_OSSL_RSA_PADDING_CHECK_FAILED');
  });
}

function diffieHellman(options) {
  if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'object', options);
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof keys.KeyObject)) throw errors.invalidArgType('options.privateKey', 'KeyObject', privateKey);
  if (!(publicKey instanceof keys.KeyObject)) throw errors.invalidArgType('options.publicKey', 'KeyObject', publicKey);
  const [mine, theirs] = [privateKey.asymmetricKeyType, publicKey.asymmetricKeyType];
  if (mine !== theirs && (mine === 'x25519' || theirs === 'x25519')) {
    throw errors.codedError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY', `Incompatible key types for Diffie-Hellman: ${mine} and ${theirs}`);
  }
  if (mine === 'ed25519') throw keyTypeError();
  if (mine !== 'ec' && mine !== 'x25519') throw errors.notSupported(`diffieHellman() with ${mine} keys`);
  const pub = publicKey.type === 'private' ? keys.createPublicKey(publicKey) : publicKey;
  return fromBlob(bridge(OP.EcdhDerive, toBlob(privateKey[keys.kDer]), toBlob(pub[keys.kDer])), () => errors.codedError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY', 'Incompatible key types for Diffie-Hellman: keys must use the same curve'));
}

module.exports = {
  Sign, Verify, sign, verify, diffieHellman,
  createSign: (algorithm, options) => new Sign(algorithm, options),
  createVerify: (algorithm, options) => new Verify(algorithm, options),
  publicEncrypt: (key, buffer) => rsaCrypt(true, false, key, buffer),
  privateDecrypt: (key, buffer) => rsaCrypt(false, true, key, buffer),
};
