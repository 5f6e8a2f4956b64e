// node:internal/encoding — UTF-8 through the host (fast path, one scratch copy) with a JS fallback for text
// larger than the scratch array; TextEncoder and TextDecoder.
'use strict';
const { bridge, scratch, OP, scratchSize } = internal;

function encodeUtf8Js(str) {
  const out = new Uint8Array(str.length * 3);
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) { out[n++] = 0xc0 | (c >> 6); out[n++] = 0x80 | (c & 63); }
    else if (c < 0x10000) { out[n++] = 0xe0 | (c >> 12); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
    else { out[n++] = 0xf0 | (c >> 18); out[n++] = 0x80 | ((c >> 12) & 63); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
  }
  return out.slice(0, n);
}

function decodeUtf8Js(bytes, start, end) {
  let out = '';
  const parts = [];
  let i = start;
  while (i < end) {
    const b = bytes[i];
    let cp = 0xfffd;
    let len = 1;
    if (b < 0x80) { cp = b; }
    else if (b >= 0xc2 && b <= 0xdf && i + 1 < end && (bytes[i + 1] & 0xc0) === 0x80) { cp = ((b & 31) << 6) | (bytes[i + 1] & 63); len = 2; }
    else if (b >= 0xe0 && b <= 0xef && i + 2 < end && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      const v = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63);
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) { cp = v; len = 3; }
    } else if (b >= 0xf0 && b <= 0xf4 && i + 3 < end && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80 && (bytes[i + 3] & 0xc0) === 0x80) {
      const v = ((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63);
      if (v >= 0x10000 && v <= 0x10ffff) { cp = v; len = 4; }
    }
    if (cp > 0xffff) { cp -= 0x10000; parts.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 1023)); }
    else parts.push(cp);
    i += len;
    if (parts.length >= 8192) { out += String.fromCharCode.apply(null, parts); parts.length = 0; }
  }
  return out + String.fromCharCode.apply(null, parts);
}

/** string → Uint8Array of UTF-8. */
function encodeUtf8(str) {
  if (str.length <= scratchSize / 3) {
    const n = bridge(OP.Utf8Encode, str);
    if (n >= 0) return scratch.slice(0, n);
  }
  return encodeUtf8Js(str);
}

/** UTF-8 bytes[start, end) → string (invalid sequences become U+FFFD). */
function decodeUtf8(bytes, start = 0, end = bytes.length) {
  const length = end - start;
  if (length <= 0) return '';
  if (length <= scratchSize) {
    scratch.set(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end));
    return bridge(OP.Utf8Decode, length);
  }
  return decodeUtf8Js(bytes, start, end);
}

/** Length of the incomplete UTF-8 sequence at the end of bytes (0 when it ends on a boundary). */
function incompleteUtf8Tail(bytes) {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') { return encodeUtf8(String(input)); }
  encodeInto(src, dest) {
    const bytes = encodeUtf8(String(src));
    let n = Math.min(bytes.length, dest.length);
    while (n > 0 && n < bytes.length && (bytes[n] & 0xc0) === 0x80) n--;
    dest.set(bytes.subarray(0, n));
    return { read: decodeUtf8(bytes, 0, n).length, written: n };
  }
}

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    const e = String(encoding).toLowerCase();
    if (e !== 'utf-8' && e !== 'utf8' && e !== 'unicode-1-1-utf-8') {
      if (['latin1', 'ascii', 'utf-16le', 'utf16le'].includes(e)) this._other = e;
      else throw internal.errors.codedError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${encoding}" encoding is not supported`);
    }
    this._fatal = !!options.fatal;
    this._ignoreBOM = !!options.ignoreBOM;
    this._pending = null;
  }
  get encoding() { return this._other || 'utf-8'; }
  get fatal() { return this._fatal; }
  get ignoreBOM() { return this._ignoreBOM; }
  decode(input, options = {}) {
    let bytes = input === undefined ? new Uint8Array(0)
      : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
        : new Uint8Array(input);
    if (this._other) return require('buffer').Buffer.from(bytes).toString(this._other.replace('-', ''));
    if (this._pending) {
      const joined = new Uint8Array(this._pending.length + bytes.length);
      joined.set(this._pending);
      joined.set(bytes, this._pending.length);
      bytes = joined;
      this._pending = null;
    }
    let end = bytes.length;
    if (options.stream) {
      const tail = incompleteUtf8Tail(bytes);
      if (tail) { this._pending = bytes.slice(end - tail); end -= tail; }
    }
    let text = decodeUtf8(bytes, 0, end);
    if (this._fatal && text.includes('\ufffd')) {
      throw internal.errors.codedError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-8');
    }
    if (!this._ignoreBOM && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  }
}

module.exports = { encodeUtf8, decodeUtf8, encodeUtf8Js, decodeUtf8Js, incompleteUtf8Tail, TextEncoder, TextDecoder };
