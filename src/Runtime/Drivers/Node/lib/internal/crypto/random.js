// node:internal/crypto/random — randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues.
'use strict';
const { bridge, OP, scratch, scratchSize } = internal;
const errors = internal.errors;
const { Buffer } = require('buffer');

const kMaxLength = 2 ** 31 - 1;

function fillRandom(view) {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (let off = 0; off < bytes.length; off += scratchSize) {
    const n = Math.min(scratchSize, bytes.length - off);
    bridge(OP.RandomFill, n);
    internal.copyInto(bytes, scratch.subarray(0, n), off);
  }
  return view;
}

function randomBytes(size, callback) {
  if (typeof size !== 'number') throw errors.invalidArgType('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw errors.outOfRange('size', `>= 0 && <= ${kMaxLength}`, size);
  if (callback !== undefined && typeof callback !== 'function') throw errors.invalidArgType('callback', 'function', callback);
  const buf = fillRandom(Buffer.alloc(size));
  if (typeof callback === 'function') { internal.post(() => callback(null, buf)); return undefined; }
  return buf;
}

function checkBuffer(buf) {
  if (!ArrayBuffer.isView(buf) && !(buf instanceof ArrayBuffer)) throw errors.invalidArgType('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
}

function randomFillSync(buf, offset = 0, size) {
  checkBuffer(buf);
  const bytes = ArrayBuffer.isView(buf) ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : new Uint8Array(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset !== 'number') throw errors.invalidArgType('offset', 'number', offset);
  offset *= elementSize;
  if (!(offset >= 0 && offset <= bytes.length)) throw errors.outOfRange('offset', `>= 0 && <= ${bytes.length}`, offset);
  if (size === undefined) size = bytes.length - offset;
  else {
    if (typeof size !== 'number') throw errors.invalidArgType('size', 'number', size);
    size *= elementSize;
    if (!(size >= 0 && offset + size <= bytes.length)) throw errors.outOfRange('size + offset', `<= ${bytes.length}`, size + offset);
  }
  fillRandom(bytes.subarray(offset, offset + size));
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') { callback = offset; offset = 0; size = undefined; }
  else if (typeof size === 'function') { callback = size; size = undefined; }
  if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'function', callback);
  randomFillSync(buf, offset, size);
  internal.post(() => callback(null, buf));
}

function randomUUID(options) {
  if (options !== undefined && (options === null || typeof options !== 'object')) throw errors.invalidArgType('options', 'object', options);
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
  if (range > 2 ** 48 - 1) throw errors.outOfRange('max - min', `<= ${2 ** 48 - 1}`, range);
  if (callback !== undefined && typeof callback !== 'function') throw errors.invalidArgType('callback', 'function', callback);
  const limit = 2 ** 48 - (2 ** 48 % range);
  let x;
  do { x = randomBytes(6).readUIntBE(0, 6); } while (x >= limit);
  const value = min + (x % range);
  // Node serves async randomInt from a cached pool and calls back on the next tick with an undefined error.
  if (typeof callback === 'function') { process.nextTick(callback, undefined, value); return undefined; }
  return value;
}

function getRandomValues(array) {
  if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
    const e = new TypeError('The data argument must be an integer-type TypedArray');
    e.name = 'TypeMismatchError';
    e.code = 17;
    throw e;
  }
  if (array.byteLength > 65536) {
    const e = new Error('The requested length exceeds 65,536 bytes');
    e.name = 'QuotaExceededError';
    e.code = 22;
    throw e;
  }
  return fillRandom(array);
}

module.exports = { randomBytes, randomFill, randomFillSync, randomInt, randomUUID, getRandomValues };
