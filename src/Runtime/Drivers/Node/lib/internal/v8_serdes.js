// node:internal/v8_serdes — V8's ValueSerializer wire format (version 15) in JS, with Node's
// DefaultSerializer convention: typed arrays and Buffers as host objects (type index, length, bytes).
'use strict';
const { Buffer } = require('buffer');
const errors = internal.errors;

const kLatestVersion = 15;
const viewTypes = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, DataView, Buffer, BigInt64Array, BigUint64Array];
const viewSubtags = new Map([[Int8Array, 'b'], [Uint8Array, 'B'], [Uint8ClampedArray, 'C'], [Int16Array, 'w'], [Uint16Array, 'W'],
  [Int32Array, 'd'], [Uint32Array, 'D'], [Float32Array, 'f'], [Float64Array, 'F'], [BigInt64Array, 'q'], [BigUint64Array, 'Q'], [DataView, '?']]);
const errorTags = { EvalError: 'E', RangeError: 'R', ReferenceError: 'F', SyntaxError: 'S', TypeError: 'T', URIError: 'U' };
const regexpFlags = [['g', 1], ['i', 2], ['m', 4], ['y', 8], ['u', 16], ['s', 32], ['d', 128], ['v', 256]];
const tagOf = (v) => Object.prototype.toString.call(v).slice(8, -1);
const code = (c) => c.charCodeAt(0);
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

class Serializer {
  constructor() {
    this._buf = new Uint8Array(64);
    this._len = 0;
    this._ids = new Map();
    this._nextId = 0;
    this._viewsAsHost = false;
  }
  _reserve(n) {
    if (this._len + n <= this._buf.length) return;
    const next = new Uint8Array(Math.max(this._buf.length * 2, this._len + n));
    next.set(this._buf.subarray(0, this._len));
    this._buf = next;
  }
  _byte(b) { this._reserve(1); this._buf[this._len++] = b; }
  _tag(c) { this._byte(code(c)); }
  writeHeader() { this._byte(0xFF); this.writeUint32(kLatestVersion); }
  writeUint32(n) { this._varint(n >>> 0); }
  writeUint64(hi, lo) { this._varint((hi >>> 0) * 2 ** 32 + (lo >>> 0)); }
  _varint(n) {
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) b |= 0x80;
      this._byte(b);
    } while (n > 0);
  }
  writeDouble(d) { f64[0] = d; this.writeRawBytes(f64Bytes); }
  writeRawBytes(bytes) {
    if (!ArrayBuffer.isView(bytes)) throw errors.invalidArgType('source', ['Buffer', 'TypedArray', 'DataView'], bytes);
    const u8 = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this._reserve(u8.length);
    this._buf.set(u8, this._len);
    this._len += u8.length;
  }
  releaseBuffer() {
    const out = Buffer.from(this._buf.subarray(0, this._len));
    this._buf = new Uint8Array(64);
    this._len = 0;
    return out;
  }
  transferArrayBuffer() { throw errors.notSupported('v8.Serializer.transferArrayBuffer'); }
  _setTreatArrayBufferViewsAsHostObjects(flag) { this._viewsAsHost = !!flag; }
  _getDataCloneError(message) { return new Error(message); }
  _writeHostObject(object) {
    throw this._getDataCloneError(`Unserializable host object: ${require('util').inspect(object)}`);
  }
  _cannotClone(value) {
    const shown = typeof value === 'function' ? Function.prototype.toString.call(value)
      : typeof value === 'symbol' ? value.toString() : `#<${tagOf(value)}>`;
    const err = this._getDataCloneError(`${shown} could not be cloned.`);
    return err;
  }
  _string(s) {
    let oneByte = true;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xFF) { oneByte = false; break; }
    if (oneByte) {
      this._tag('"');
      this._varint(s.length);
      this._reserve(s.length);
      for (let i = 0; i < s.length; i++) this._buf[this._len++] = s.charCodeAt(i);
      return;
    }
    const byteLength = s.length * 2;
    let varintSize = 1;
    for (let n = byteLength; n >= 128; n = Math.floor(n / 128)) varintSize++;
    if ((this._len + 1 + varintSize) & 1) this._byte(0); // padding: two-byte data starts aligned
    this._tag('c');
    this._varint(byteLength);
    this._reserve(byteLength);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this._buf[this._len++] = c & 0xFF;
      this._buf[this._len++] = c >> 8;
    }
  }
  _bigintContents(v) {
    const negative = v < 0n;
    let m = negative ? -v : v;
    const words = [];
    while (m > 0n) { words.push(m & 0xFFFFFFFFFFFFFFFFn); m >>= 64n; }
    this._varint(words.length * 8 * 2 + (negative ? 1 : 0));
    for (const w of words) {
      let x = w;
      for (let i = 0; i < 8; i++) { this._byte(Number(x & 0xFFn)); x >>= 8n; }
    }
  }
  _properties(object, keys) {
    for (const key of keys) {
      const index = Number(key);
      if (String(index >>> 0) === key && index < 4294967295) this._number(index); else this._string(key);
      this.writeValue(object[key]);
    }
    return keys.length;
  }
  _number(v) {
    if (Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 && !Object.is(v, -0)) {
      this._tag('I');
      this._varint(v >= 0 ? v * 2 : -v * 2 - 1);
    } else {
      this._tag('N');
      this.writeDouble(v);
    }
  }
  writeValue(value) {
    switch (typeof value) {
      case 'undefined': this._tag('_'); return true;
      case 'boolean': this._tag(value ? 'T' : 'F'); return true;
      case 'number': this._number(value); return true;
      case 'bigint': this._tag('Z'); this._bigintContents(value); return true;
      case 'string': this._string(value); return true;
      case 'symbol': case 'function': throw this._cannotClone(value);
    }
    if (value === null) { this._tag('0'); return true; }
    const id = this._ids.get(value);
    if (id !== undefined) { this._tag('^'); this._varint(id); return true; }
    if (ArrayBuffer.isView(value) && this._viewsAsHost) {
      this._ids.set(value, this._nextId++);
      this._tag('\\');
      this._writeHostObject(value);
      return true;
    }
    this._ids.set(value, this._nextId++);
    const tag = tagOf(value);
    switch (tag) {
      case 'Number': this._tag('n'); this.writeDouble(Number.prototype.valueOf.call(value)); return true;
      case 'Boolean': this._tag(Boolean.prototype.valueOf.call(value) ? 'y' : 'x'); return true;
      case 'String': this._tag('s'); this._string(String.prototype.valueOf.call(value)); return true;
      case 'BigInt': this._tag('z'); this._bigintContents(BigInt.prototype.valueOf.call(value)); return true;
      case 'Date': this._tag('D'); this.writeDouble(Date.prototype.getTime.call(value)); return true;
      case 'RegExp': {
        this._tag('R');
        this._string(value.source);
        let flags = 0;
        for (const [c, bit] of regexpFlags) if (value.flags.includes(c)) flags |= bit;
        this._varint(flags);
        return true;
      }
      case 'Map': {
        this._tag(';');
        for (const [k, v] of Map.prototype.entries.call(value)) { this.writeValue(k); this.writeValue(v); }
        this._tag(':');
        this._varint(2 * value.size);
        return true;
      }
      case 'Set': {
        this._tag('\'');
        for (const v of Set.prototype.values.call(value)) this.writeValue(v);
        this._tag(',');
        this._varint(value.size);
        return true;
      }
      case 'ArrayBuffer': {
        this._tag('B');
        this._varint(value.byteLength);
        this.writeRawBytes(new Uint8Array(value));
        return true;
      }
      case 'Error': {
        this._tag('r');
        const t = errorTags[value.name];
        if (t) this._tag(t);
        if (Object.prototype.hasOwnProperty.call(value, 'message')) { this._tag('m'); this._string(String(value.message)); }
        if (typeof value.stack === 'string') { this._tag('s'); this._string(value.stack); }
        this._tag('.');
        return true;
      }
    }
    if (ArrayBuffer.isView(value)) {
      // V8's own format: the buffer, then the view over it.
      this._ids.delete(value);
      this._nextId--;
      this.writeValue(value.buffer);
      this._ids.set(value, this._nextId++);
      const ctor = Object.getPrototypeOf(value) === Buffer.prototype ? Uint8Array : value.constructor;
      this._tag('V');
      this._tag(viewSubtags.get(ctor) || 'B');
      this._varint(value.byteOffset);
      this._varint(value.byteLength);
      this._varint(0);
      return true;
    }
    if (Array.isArray(value)) {
      const keys = Object.keys(value);
      let dense = true;
      for (let i = 0; i < value.length; i++) if (!(i in value)) { dense = false; break; }
      if (dense) {
        this._tag('A');
        this._varint(value.length);
        for (let i = 0; i < value.length; i++) this.writeValue(value[i]);
        const extra = keys.filter((k) => String(Number(k) >>> 0) !== k || Number(k) >= value.length);
        const n = this._properties(value, extra);
        this._tag('$');
        this._varint(n);
        this._varint(value.length);
      } else {
        this._tag('a');
        this._varint(value.length);
        const n = this._properties(value, keys);
        this._tag('@');
        this._varint(n);
        this._varint(value.length);
      }
      return true;
    }
    if (tag === 'Object' || tag === 'Arguments' || !(value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet || typeof value === 'function')) {
      if (tag !== 'Object' && tag !== 'Arguments' && tag !== 'Error' && Object.getPrototypeOf(value) !== Object.prototype && isHostLike(tag)) {
        this._tag('\\');
        this._writeHostObject(value);
        return true;
      }
      this._tag('o');
      const n = this._properties(value, Object.keys(value));
      this._tag('{');
      this._varint(n);
      return true;
    }
    throw this._cannotClone(value);
  }
}

function isHostLike(tag) { return tag === 'SharedArrayBuffer' || tag === 'WeakRef'; }

class Deserializer {
  constructor(buffer) {
    if (!ArrayBuffer.isView(buffer)) throw errors.invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    this._buf = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    this._pos = 0;
    this._objects = new Map();
    this._nextId = 0;
    this._version = 0;
  }
  _fail() { return new Error('Unable to deserialize cloned data.'); }
  _byte() { if (this._pos >= this._buf.length) throw this._fail(); return this._buf[this._pos++]; }
  readHeader() {
    if (this._buf[this._pos] === 0xFF) {
      this._pos++;
      this._version = this.readUint32();
      if (this._version > kLatestVersion) throw this._fail();
    }
    return true;
  }
  getWireFormatVersion() { return this._version; }
  readUint32() { return this._varint() >>> 0; }
  readUint64() { const n = this._varint(); return [Math.floor(n / 2 ** 32), n % 2 ** 32]; }
  _varint() {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this._byte();
      n += (b & 0x7F) * scale;
      if (!(b & 0x80)) return n;
      scale *= 128;
    }
  }
  readDouble() {
    for (let i = 0; i < 8; i++) f64Bytes[i] = this._byte();
    return f64[0];
  }
  readRawBytes(length) {
    if (this._pos + length > this._buf.length) throw this._fail();
    const start = this._pos;
    this._pos += length;
    return this._buf.byteOffset + start;
  }
  _raw(length) {
    if (this._pos + length > this._buf.length) throw this._fail();
    const out = this._buf.slice(this._pos, this._pos + length);
    this._pos += length;
    return out;
  }
  transferArrayBuffer() { throw errors.notSupported('v8.Deserializer.transferArrayBuffer'); }
  _readHostObject() { throw this._fail(); }
  _id(object) { this._objects.set(this._nextId++, object); return object; }
  _bigint() {
    const bits = this._varint();
    const bytes = this._raw(Math.floor(bits / 2));
    let v = 0n;
    for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
    return bits & 1 ? -v : v;
  }
  _oneByte(len) { const b = this._raw(len); let s = ''; for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]); return s; }
  _twoByte(len) { const b = this._raw(len); let s = ''; for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b[i] | (b[i + 1] << 8)); return s; }
  _props(object, end) {
    let count = 0;
    for (;;) {
      this._skipPadding();
      if (this._buf[this._pos] === code(end)) { this._pos++; return count; }
      const key = this.readValue();
      object[key] = this.readValue();
      count++;
    }
  }
  _skipPadding() { while (this._buf[this._pos] === 0) this._pos++; }
  readValue() {
    this._skipPadding();
    const t = String.fromCharCode(this._byte());
    switch (t) {
      case '_': return undefined;
      case '0': return null;
      case 'T': return true;
      case 'F': return false;
      case '-': return undefined;
      case 'I': { const z = this._varint(); return z % 2 ? -(z + 1) / 2 : z / 2; }
      case 'U': return this._varint();
      case 'N': return this.readDouble();
      case 'Z': return this._bigint();
      case '"': return this._oneByte(this._varint());
      case 'c': return this._twoByte(this._varint());
      case 'S': return new TextDecoder().decode(this._raw(this._varint()));
      case '^': { const id = this._varint(); if (!this._objects.has(id)) throw this._fail(); return this._objects.get(id); }
      case 'o': { const o = this._id({}); this._props(o, '{'); this._varint(); return o; }
      case 'A': {
        const len = this._varint();
        const a = this._id(new Array(len));
        for (let i = 0; i < len; i++) {
          this._skipPadding();
          if (this._buf[this._pos] === code('-')) { this._pos++; continue; }
          a[i] = this.readValue();
        }
        this._props(a, '$'); this._varint(); this._varint();
        return a;
      }
      case 'a': { const len = this._varint(); const a = this._id(new Array(len)); this._props(a, '@'); this._varint(); this._varint(); return a; }
      case 'D': return this._id(new Date(this.readDouble()));
      case 'n': return this._id(Object(this.readDouble()));
      case 'y': return this._id(Object(true));
      case 'x': return this._id(Object(false));
      case 's': { const id = this._nextId++; const v = Object(this.readValue()); this._objects.set(id, v); return v; }
      case 'z': return this._id(Object(this._bigint()));
      case 'R': {
        const id = this._nextId++;
        const source = this.readValue();
        const bits = this._varint();
        let flags = '';
        for (const [c, bit] of [['d', 128], ['g', 1], ['i', 2], ['m', 4], ['s', 32], ['u', 16], ['v', 256], ['y', 8]]) if (bits & bit) flags += c;
        const re = new RegExp(source, flags);
        this._objects.set(id, re);
        return re;
      }
      case ';': {
        const m = this._id(new Map());
        for (;;) {
          this._skipPadding();
          if (this._buf[this._pos] === code(':')) { this._pos++; this._varint(); return m; }
          const k = this.readValue();
          m.set(k, this.readValue());
        }
      }
      case '\'': {
        const s = this._id(new Set());
        for (;;) {
          this._skipPadding();
          if (this._buf[this._pos] === code(',')) { this._pos++; this._varint(); return s; }
          s.add(this.readValue());
        }
      }
      case 'B': {
        const bytes = this._raw(this._varint());
        const ab = this._id(bytes.buffer);
        if (this._buf[this._pos] === code('V')) {
          this._pos++;
          const sub = String.fromCharCode(this._byte());
          const offset = this._varint();
          const length = this._varint();
          if (this._version >= 14) this._varint();
          const ctor = [...viewSubtags].find(([, c]) => c === sub);
          if (!ctor) throw this._fail();
          const C = ctor[0];
          const view = C === DataView ? new DataView(ab, offset, length) : new C(ab, offset, length / C.BYTES_PER_ELEMENT);
          return this._id(view);
        }
        return ab;
      }
      case 'r': {
        const id = this._nextId++;
        let Ctor = Error;
        let message;
        let stack;
        for (;;) {
          const sub = String.fromCharCode(this._byte());
          if (sub === '.') break;
          if (sub === 'm') message = this.readValue();
          else if (sub === 's') stack = this.readValue();
          else if (sub === 'c') this.readValue();
          else {
            const name = Object.keys(errorTags).find((k) => errorTags[k] === sub);
            if (!name) throw this._fail();
            Ctor = globalThis[name];
          }
        }
        const err = message === undefined ? new Ctor() : new Ctor(message);
        if (stack !== undefined) Object.defineProperty(err, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
        this._objects.set(id, err);
        return err;
      }
      case '\\': { const id = this._nextId++; const v = this._readHostObject(); this._objects.set(id, v); return v; }
      default: throw this._fail();
    }
  }
}

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }
  _writeHostObject(abView) {
    let i = 10; // FastBuffer
    if (!Buffer.isBuffer(abView)) {
      i = viewTypes.indexOf(abView.constructor);
      if (i < 0 || i === 10) throw this._getDataCloneError(`Unserializable host object: ${require('util').inspect(abView)}`);
    }
    this.writeUint32(i);
    this.writeUint32(abView.byteLength);
    this.writeRawBytes(new Uint8Array(abView.buffer, abView.byteOffset, abView.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const typeIndex = this.readUint32();
    const ctor = viewTypes[typeIndex];
    const byteLength = this.readUint32();
    const bytes = this._raw(byteLength);
    if (ctor === undefined) throw this._fail();
    if (ctor === Buffer) return Buffer.from(bytes.buffer, 0, byteLength);
    if (ctor === DataView) return new DataView(bytes.buffer, 0, byteLength);
    return new ctor(bytes.buffer, 0, byteLength / ctor.BYTES_PER_ELEMENT);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const der = new DefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

module.exports = { Serializer, Deserializer, DefaultSerializer, DefaultDeserializer, serialize, deserialize };
