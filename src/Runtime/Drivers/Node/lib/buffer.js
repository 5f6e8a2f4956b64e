// node:buffer — Buffer as a Uint8Array subclass (Node's FastBuffer design) with Node's encodings
// (utf8, utf16le/ucs2, latin1/binary, ascii, hex, base64, base64url) and the common read/write methods.
'use strict';
const { encodeUtf8, decodeUtf8 } = require('internal/encoding');
const errors = () => internal.errors;
const kMaxLength = 2 ** 32;
const INSPECT_MAX_BYTES = 50;

class Buffer extends Uint8Array {
  // `new Buffer()` is deprecated in Node but still works; route it through from/alloc.
  constructor(arg, encodingOrOffset, length) {
    if (typeof arg === 'number') { super(arg); return; }
    if (arg instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && arg instanceof SharedArrayBuffer)) {
      super(arg, encodingOrOffset || 0, length === undefined ? arg.byteLength - (encodingOrOffset || 0) : length);
      return;
    }
    const bytes = toBytes(arg, encodingOrOffset);
    super(bytes.buffer, bytes.byteOffset, bytes.length);
  }
}
const FastBuffer = Buffer;

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  switch (String(enc).toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'ascii': return 'ascii';
    case 'hex': return 'hex';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    default: return undefined;
  }
}

function checkEncoding(enc) {
  const e = normalizeEncoding(enc);
  if (e === undefined) throw errors().unknownEncoding(enc);
  return e;
}

const b64chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64lookup = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) b64lookup[b64chars.charCodeAt(i)] = i;
b64lookup[45] = 62; // '-'
b64lookup[95] = 63; // '_'

function stringToBytes(str, enc) {
  switch (enc) {
    case 'utf8': return encodeUtf8(str);
    case 'latin1': case 'ascii': {
      const out = new Uint8Array(str.length);
      for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 255;
      return out;
    }
    case 'utf16le': {
      const out = new Uint8Array(str.length * 2);
      for (let i = 0; i < str.length; i++) { const c = str.charCodeAt(i); out[i * 2] = c & 255; out[i * 2 + 1] = c >> 8; }
      return out;
    }
    case 'hex': {
      const n = str.length >>> 1;
      const out = new Uint8Array(n);
      let i = 0;
      for (; i < n; i++) {
        const v = parseInt(str.substr(i * 2, 2), 16);
        if (Number.isNaN(v) || !/^[0-9a-fA-F]{2}$/.test(str.substr(i * 2, 2))) break;
        out[i] = v;
      }
      return out.slice(0, i);
    }
    case 'base64': case 'base64url': {
      const out = new Uint8Array(Math.ceil(str.length * 3 / 4));
      let n = 0, acc = 0, bits = 0;
      for (let i = 0; i < str.length; i++) {
        const c = str.charCodeAt(i);
        if (c === 61) break; // '='
        const v = c < 256 ? b64lookup[c] : -1;
        if (v < 0) continue;
        acc = (acc << 6) | v;
        bits += 6;
        if (bits >= 8) { bits -= 8; out[n++] = (acc >> bits) & 255; }
      }
      return out.slice(0, n);
    }
  }
  throw errors().unknownEncoding(enc);
}

function bytesToString(bytes, enc, start, end) {
  switch (enc) {
    case 'utf8': return decodeUtf8(bytes, start, end);
    case 'latin1': case 'ascii': {
      let s = '';
      for (let i = start; i < end; i += 8192) {
        const part = bytes.subarray(i, Math.min(end, i + 8192));
        s += String.fromCharCode.apply(null, enc === 'ascii' ? part.map((b) => b & 127) : part);
      }
      return s;
    }
    case 'utf16le': {
      let s = '';
      for (let i = start; i + 1 < end; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      return s;
    }
    case 'hex': {
      let s = '';
      for (let i = start; i < end; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
      return s;
    }
    case 'base64': case 'base64url': {
      const url = enc === 'base64url';
      const chars = url ? b64chars.slice(0, 62) + '-_' : b64chars;
      let s = '';
      let i = start;
      for (; i + 2 < end; i += 3) {
        const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        s += chars[v >> 18] + chars[(v >> 12) & 63] + chars[(v >> 6) & 63] + chars[v & 63];
      }
      if (end - i === 1) { const v = bytes[i] << 16; s += chars[v >> 18] + chars[(v >> 12) & 63] + (url ? '' : '=='); }
      else if (end - i === 2) { const v = (bytes[i] << 16) | (bytes[i + 1] << 8); s += chars[v >> 18] + chars[(v >> 12) & 63] + chars[(v >> 6) & 63] + (url ? '' : '='); }
      return s;
    }
  }
  throw errors().unknownEncoding(enc);
}

function toBytes(value, encoding) {
  if (typeof value === 'string') return stringToBytes(value, checkEncoding(encoding));
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (Array.isArray(value) || (value && typeof value.length === 'number')) return Uint8Array.from(value, (v) => Number(v) & 255);
  if (value && value.type === 'Buffer' && Array.isArray(value.data)) return Uint8Array.from(value.data);
  throw errors().invalidArgType('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
}

function wrap(u8) { return new FastBuffer(u8.buffer, u8.byteOffset, u8.length); }

Buffer.from = function from(value, encodingOrOffset, length) {
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
    const offset = encodingOrOffset === undefined ? 0 : Number(encodingOrOffset);
    const len = length === undefined ? value.byteLength - offset : Number(length);
    if (offset > value.byteLength) throw errors().codedError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
    return new FastBuffer(value, offset, len);
  }
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && typeof value.valueOf === 'function') {
    const prim = value.valueOf();
    if (prim !== value && (typeof prim === 'string' || typeof prim === 'object')) return Buffer.from(prim, encodingOrOffset, length);
  }
  return wrap(toBytes(value, encodingOrOffset));
};
Buffer.of = (...items) => wrap(Uint8Array.from(items));
Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  const b = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) b.fill(fill, 0, b.length, encoding);
  return b;
};
Buffer.allocUnsafe = (size) => { validateSize(size); return new FastBuffer(size); };
Buffer.allocUnsafeSlow = Buffer.allocUnsafe;
Buffer.isBuffer = (b) => b instanceof Buffer;
Buffer.isEncoding = (e) => typeof e === 'string' && e.length > 0 && normalizeEncoding(e) !== undefined;
Buffer.byteLength = function byteLength(value, encoding) {
  if (typeof value !== 'string') {
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
    throw errors().invalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], value);
  }
  const enc = normalizeEncoding(encoding) || 'utf8';
  if (enc === 'utf8') return encodeUtf8(value).length;
  if (enc === 'utf16le') return value.length * 2;
  if (enc === 'latin1' || enc === 'ascii') return value.length;
  if (enc === 'hex') return value.length >>> 1;
  return stringToBytes(value, enc).length;
};
Buffer.concat = function concat(list, totalLength) {
  if (!Array.isArray(list)) throw errors().invalidArgType('list', 'Array', list);
  if (totalLength === undefined) totalLength = list.reduce((n, b) => n + b.length, 0);
  const out = Buffer.alloc(totalLength);
  let pos = 0;
  for (const b of list) {
    if (!(b instanceof Uint8Array)) throw errors().invalidArgType('list[0]', ['Buffer', 'Uint8Array'], b);
    const n = Math.min(b.length, totalLength - pos);
    out.set(n === b.length ? b : b.subarray(0, n), pos);
    pos += n;
    if (pos >= totalLength) break;
  }
  return out;
};
Buffer.compare = (a, b) => a.compare(b);
Buffer.poolSize = 8192;

function validateSize(size) {
  if (typeof size !== 'number') throw errors().invalidArgType('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw errors().outOfRange('size', `>= 0 && <= ${kMaxLength}`, size);
}

const proto = Buffer.prototype;
proto.toString = function toString(encoding, start = 0, end = this.length) {
  if (arguments.length === 0) return decodeUtf8(this, 0, this.length);
  start = Math.max(0, start | 0);
  end = Math.min(this.length, end === undefined ? this.length : end | 0);
  if (end <= start) return '';
  return bytesToString(this, checkEncoding(encoding), start, end);
};
proto.toLocaleString = proto.toString;
proto.toJSON = function () { return { type: 'Buffer', data: Array.from(this) }; };
proto.equals = function equals(other) {
  if (!(other instanceof Uint8Array)) throw errors().invalidArgType('otherBuffer', ['Buffer', 'Uint8Array'], other);
  if (this.length !== other.length) return false;
  for (let i = 0; i < this.length; i++) if (this[i] !== other[i]) return false;
  return true;
};
proto.compare = function compare(target, tStart = 0, tEnd = target.length, sStart = 0, sEnd = this.length) {
  const a = this.subarray(sStart, sEnd);
  const b = target.subarray(tStart, tEnd);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
};
proto.slice = function slice(start, end) { return this.subarray(start, end); };
proto.subarray = function subarray(start, end) {
  const u = Uint8Array.prototype.subarray.call(this, start, end);
  return new FastBuffer(u.buffer, u.byteOffset, u.length);
};
proto.write = function write(string, offset, length, encoding) {
  if (typeof offset === 'string') { encoding = offset; offset = 0; length = undefined; }
  else if (typeof length === 'string') { encoding = length; length = undefined; }
  offset = offset >>> 0;
  const bytes = stringToBytes(String(string), checkEncoding(encoding));
  let n = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length);
  if (checkEncoding(encoding) === 'utf8') while (n > 0 && n < bytes.length && (bytes[n] & 0xc0) === 0x80) n--;
  this.set(bytes.subarray(0, n), offset);
  return n;
};
proto.fill = function fill(value, offset = 0, end = this.length, encoding) {
  if (typeof offset === 'string') { encoding = offset; offset = 0; end = this.length; }
  if (typeof value === 'string') {
    const bytes = value.length === 1 && value.charCodeAt(0) < 128 && !encoding ? [value.charCodeAt(0)] : stringToBytes(value, checkEncoding(encoding));
    if (bytes.length === 0) throw errors().invalidArgValue('value', value);
    for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
    return this;
  }
  if (value instanceof Uint8Array) {
    for (let i = offset, j = 0; i < end; i++, j = (j + 1) % value.length) this[i] = value[j];
    return this;
  }
  Uint8Array.prototype.fill.call(this, Number(value) & 255, offset, end);
  return this;
};
proto.copy = function copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
  const n = Math.max(0, Math.min(sourceEnd - sourceStart, target.length - targetStart));
  if (n > 0) target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
  return n;
};
proto.indexOf = function indexOf(value, byteOffset = 0, encoding) {
  if (typeof byteOffset === 'string') { encoding = byteOffset; byteOffset = 0; }
  if (byteOffset < 0) byteOffset = Math.max(0, this.length + byteOffset);
  if (typeof value === 'number') return Uint8Array.prototype.indexOf.call(this, value & 255, byteOffset);
  const needle = typeof value === 'string' ? stringToBytes(value, checkEncoding(encoding)) : value;
  if (needle.length === 0) return Math.min(byteOffset, this.length);
  outer: for (let i = byteOffset; i <= this.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
};
proto.lastIndexOf = function lastIndexOf(value, byteOffset = this.length, encoding) {
  const needle = typeof value === 'number' ? [value & 255] : typeof value === 'string' ? stringToBytes(value, checkEncoding(encoding)) : value;
  outer: for (let i = Math.min(byteOffset, this.length - needle.length); i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
};
proto.includes = function includes(value, byteOffset, encoding) { return this.indexOf(value, byteOffset, encoding) !== -1; };
proto.swap16 = function () { for (let i = 0; i + 1 < this.length; i += 2) { const t = this[i]; this[i] = this[i + 1]; this[i + 1] = t; } return this; };
proto.swap32 = function () { for (let i = 0; i + 3 < this.length; i += 4) { this.subarray(i, i + 4).reverse(); } return this; };
proto.toReversed = undefined;

function view(buf) { return new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
function checkOffset(buf, offset, size) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') throw errors().invalidArgType('offset', 'number', offset);
  if (!Number.isInteger(offset)) throw errors().outOfRange('offset', 'an integer', offset);
  if (offset < 0 || offset + size > buf.length) {
    if (buf.length - size < 0) throw errors().codedError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
    throw errors().outOfRange('offset', `>= 0 and <= ${buf.length - size}`, offset);
  }
  return offset;
}
const accessors = [
  ['UInt8', 1, 'Uint8'], ['Int8', 1, 'Int8'], ['UInt16LE', 2, 'Uint16', true], ['UInt16BE', 2, 'Uint16', false],
  ['Int16LE', 2, 'Int16', true], ['Int16BE', 2, 'Int16', false], ['UInt32LE', 4, 'Uint32', true], ['UInt32BE', 4, 'Uint32', false],
  ['Int32LE', 4, 'Int32', true], ['Int32BE', 4, 'Int32', false], ['FloatLE', 4, 'Float32', true], ['FloatBE', 4, 'Float32', false],
  ['DoubleLE', 8, 'Float64', true], ['DoubleBE', 8, 'Float64', false], ['BigInt64LE', 8, 'BigInt64', true], ['BigInt64BE', 8, 'BigInt64', false],
  ['BigUInt64LE', 8, 'BigUint64', true], ['BigUInt64BE', 8, 'BigUint64', false],
];
for (const [name, size, dv, little] of accessors) {
  proto['read' + name] = function (offset) { offset = checkOffset(this, offset, size); return view(this)['get' + dv](offset, little); };
  proto['write' + name] = function (value, offset) { offset = checkOffset(this, offset, size); view(this)['set' + dv](offset, value, little); return offset + size; };
  if (name.includes('UInt')) {
    proto['read' + name.replace('UInt', 'Uint')] = proto['read' + name];
    proto['write' + name.replace('UInt', 'Uint')] = proto['write' + name];
  }
}
proto.readUIntBE = function (offset, byteLength) { let v = 0; for (let i = 0; i < byteLength; i++) v = v * 256 + this[checkOffset(this, offset, byteLength) + i]; return v; };
proto.readUIntLE = function (offset, byteLength) { let v = 0; for (let i = byteLength - 1; i >= 0; i--) v = v * 256 + this[checkOffset(this, offset, byteLength) + i]; return v; };
proto.readIntBE = function (offset, byteLength) { const v = this.readUIntBE(offset, byteLength); const lim = 2 ** (8 * byteLength - 1); return v >= lim ? v - lim * 2 : v; };
proto.readIntLE = function (offset, byteLength) { const v = this.readUIntLE(offset, byteLength); const lim = 2 ** (8 * byteLength - 1); return v >= lim ? v - lim * 2 : v; };
proto.writeUIntBE = function (value, offset, byteLength) { checkOffset(this, offset, byteLength); for (let i = byteLength - 1; i >= 0; i--) { this[offset + i] = value & 255; value = Math.floor(value / 256); } return offset + byteLength; };
proto.writeUIntLE = function (value, offset, byteLength) { checkOffset(this, offset, byteLength); for (let i = 0; i < byteLength; i++) { this[offset + i] = value & 255; value = Math.floor(value / 256); } return offset + byteLength; };
proto.writeIntBE = function (value, offset, byteLength) { return this.writeUIntBE(value < 0 ? value + 2 ** (8 * byteLength) : value, offset, byteLength); };
proto.writeIntLE = function (value, offset, byteLength) { return this.writeUIntLE(value < 0 ? value + 2 ** (8 * byteLength) : value, offset, byteLength); };

proto[Symbol.for('nodejs.util.inspect.custom')] = function inspect() {
  const max = INSPECT_MAX_BYTES;
  let str = bytesToString(this, 'hex', 0, Math.min(max, this.length)).replace(/(.{2})/g, '$1 ').trim();
  if (this.length > max) str += ` ... ${this.length - max} more byte${this.length - max > 1 ? 's' : ''}`;
  return `<${this.constructor.name}${str ? ' ' + str : ''}>`;
};

function atob(input) {
  const s = String(input).replace(/[\t\n\f\r ]/g, '');
  if (/[^A-Za-z0-9+/=]/.test(s) || s.length % 4 === 1) {
    const e = new Error('Invalid character');
    e.name = 'InvalidCharacterError';
    throw e;
  }
  return bytesToString(stringToBytes(s, 'base64'), 'latin1', 0, Math.floor(s.replace(/=+$/, '').length * 3 / 4));
}
function btoa(input) {
  const s = String(input);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) { const e = new Error('Invalid character'); e.name = 'InvalidCharacterError'; throw e; }
  const bytes = stringToBytes(s, 'latin1');
  return bytesToString(bytes, 'base64', 0, bytes.length);
}

class Blob {
  constructor(parts = [], options = {}) {
    const chunks = parts.map((p) => (typeof p === 'string' ? encodeUtf8(p) : p instanceof Blob ? p._bytes : toBytes(p)));
    this._bytes = Buffer.concat(chunks.map(wrap));
    this.type = options.type ? String(options.type).toLowerCase() : '';
  }
  get size() { return this._bytes.length; }
  async text() { return decodeUtf8(this._bytes); }
  async arrayBuffer() { return this._bytes.buffer.slice(this._bytes.byteOffset, this._bytes.byteOffset + this._bytes.length); }
  slice(start, end, type) { const b = new Blob([], { type }); b._bytes = this._bytes.subarray(start, end); return b; }
}

class File extends Blob {
  constructor(bits, name, options = {}) {
    if (arguments.length < 2) throw internal.errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "fileBits" and "fileName" arguments must be specified');
    super(bits, options);
    this.name = String(name);
    this.lastModified = options.lastModified !== undefined ? Number(options.lastModified) : Date.now();
  }
  get [Symbol.toStringTag]() { return 'File'; }
}

module.exports = {
  Buffer, SlowBuffer: Buffer, Blob, File, atob, btoa, INSPECT_MAX_BYTES, kMaxLength, kStringMaxLength: 2 ** 29 - 24,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 },
  isUtf8: (b) => !decodeUtf8(b).includes('\ufffd'),
  isAscii: (b) => b.every((x) => x < 128),
  transcode: () => { throw internal.errors.notSupported('buffer.transcode'); },
};
