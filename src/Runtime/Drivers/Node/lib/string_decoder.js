// node:string_decoder — decodes Buffers to strings without splitting multi-byte characters across writes.
'use strict';
const { Buffer } = require('buffer');
const { incompleteUtf8Tail } = require('internal/encoding');

function normalize(enc) {
  const e = String(enc || 'utf8').toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'ascii': case 'hex': return e;
  }
  throw internal.errors.unknownEncoding(enc);
}

class StringDecoder {
  constructor(encoding) {
    this.encoding = normalize(encoding);
    this._pending = Buffer.alloc(0);
  }
  write(buf) {
    if (typeof buf === 'string') return buf;
    if (!(buf instanceof Uint8Array)) throw internal.errors.invalidArgType('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
    let bytes = this._pending.length ? Buffer.concat([this._pending, buf]) : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    let keep = 0;
    if (this.encoding === 'utf8') keep = incompleteUtf8Tail(bytes);
    else if (this.encoding === 'utf16le') {
      keep = bytes.length % 2;
      if (!keep && bytes.length >= 2) { const last = bytes[bytes.length - 2] | (bytes[bytes.length - 1] << 8); if (last >= 0xd800 && last <= 0xdbff) keep = 2; }
    } else if (this.encoding === 'base64' || this.encoding === 'base64url') keep = bytes.length % 3;
    this._pending = keep ? Buffer.from(bytes.subarray(bytes.length - keep)) : Buffer.alloc(0);
    return bytes.subarray(0, bytes.length - keep).toString(this.encoding);
  }
  end(buf) {
    let out = buf ? this.write(buf) : '';
    if (this._pending.length) {
      out += this.encoding === 'utf8' ? '\ufffd' : this._pending.toString(this.encoding);
      this._pending = Buffer.alloc(0);
    }
    return out;
  }
  text(buf, offset) { return this.write(buf.subarray(offset)); }
  get lastNeed() { return this._pending.length ? 1 : 0; }
}
module.exports = { StringDecoder };
