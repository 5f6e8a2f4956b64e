// node:internal/crypto/util — argument conversion, blobs to and from the host, and Node's crypto errors.
'use strict';
const { bridge } = internal;
const errors = internal.errors;
const { Buffer } = require('buffer');

/** Bytes of a string (in `encoding`), Buffer, TypedArray, DataView or ArrayBuffer, as a Uint8Array view. */
function toBytes(data, name = 'data', encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding === 'buffer' ? 'utf8' : encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && data instanceof SharedArrayBuffer)) return new Uint8Array(data);
  throw errors.invalidArgType(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
}

/** A host blob holding `bytes` (the host consumes it when it is passed as an argument). */
function toBlob(bytes) { return internal.blobFromBytes(bytes); }

/** The Buffer of a host blob returned by an op, or throws `onError(errno)` for a negative result. */
function fromBlob(result, onError) {
  if (typeof result !== 'number' || result < 0) throw onError ? onError(result) : errors.uvException(result, 'crypto');
  return internal.blobToBuffer(result);
}

function encode(buf, encoding) {
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

/** OpenSSL-style errors ("error:1C800064:Provider routines::bad decrypt", code ERR_OSSL_BAD_DECRYPT). */
function osslError(hex, library, reason, code) {
  const err = new Error(`error:${hex}:${library}::${reason}`);
  err.library = library;
  err.reason = reason;
  err.code = code || 'ERR_OSSL_' + reason.toUpperCase().replace(/ /g, '_');
  return err;
}

function invalidDigest(digest) {
  return errors.codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${digest}`);
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw errors.outOfRange(name, `>= ${min} && <= ${max}`, value);
}

function validateCallback(cb) {
  if (typeof cb !== 'function') throw errors.invalidArgType('callback', 'function', cb);
}

/** Runs `fn` now and hands its result (or error) to `callback` in a later loop turn, as libuv's threadpool would. */
function deferred(callback, fn) {
  validateCallback(callback);
  let result;
  let error = null;
  try { result = fn(); } catch (e) { error = e; }
  internal.post(() => (error ? callback(error) : callback(null, result)));
}

module.exports = { bridge, toBytes, toBlob, fromBlob, encode, osslError, invalidDigest, validateInt32, validateCallback, deferred, Buffer };
