// node:internal/http_outgoing — what ServerResponse and ClientRequest share (Node's OutgoingMessage): the header
// map, the head written on first write, chunked or Content-Length framing, write/end with backpressure.
'use strict';
const { Writable } = require('stream');
const { Buffer } = require('buffer');
const errors = () => internal.errors;

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const invalidValueRe = /[^\t\x20-\x7e\x80-\xff]/;
const kHeaders = Symbol('kOutHeaders');

function validateHeaderName(name) {
  if (typeof name !== 'string' || !name || !tokenRe.test(name)) {
    throw errors().codedError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Header name must be a valid HTTP token ["${name}"]`);
  }
}
function validateHeaderValue(name, value) {
  if (value === undefined) throw errors().codedError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "${value}" for header "${name}"`);
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (invalidValueRe.test(String(v))) throw errors().codedError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`);
  }
}

class OutgoingMessage extends Writable {
  constructor(autoDestroy = true) {
    super({ autoDestroy, emitClose: true, decodeStrings: false });
    this[kHeaders] = new Map(); // lower-case name → [name as given, value]
    this.headersSent = false;
    this.sendDate = false;
    this.chunkedEncoding = false;
    this.useChunkedEncodingByDefault = true;
    this.shouldKeepAlive = true;
    this.socket = null;
    this.finished = false;
    this._hasBody = true;
    this._contentLength = null;
    this._header = null;
    this._bodyWritten = false;
  }

  get connection() { return this.socket; }

  setHeader(name, value) {
    if (this._header) throw errors().codedError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot set headers after they are sent to the client');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    this[kHeaders].set(name.toLowerCase(), [name, value]);
    return this;
  }
  appendHeader(name, value) {
    const prev = this.getHeader(name);
    if (prev === undefined) return this.setHeader(name, value);
    return this.setHeader(name, [...(Array.isArray(prev) ? prev : [prev]), ...(Array.isArray(value) ? value : [value])]);
  }
  setHeaders(headers) {
    for (const [k, v] of headers instanceof Map || (headers && typeof headers.entries === 'function' && !Array.isArray(headers)) ? headers.entries() : Object.entries(headers)) this.setHeader(k, v);
    return this;
  }
  getHeader(name) {
    if (typeof name !== 'string') throw errors().invalidArgType('name', 'string', name);
    const e = this[kHeaders].get(name.toLowerCase());
    return e ? e[1] : undefined;
  }
  getHeaders() {
    const out = Object.create(null);
    for (const [k, [, v]] of this[kHeaders]) out[k] = v;
    return out;
  }
  getHeaderNames() { return [...this[kHeaders].keys()]; }
  getRawHeaderNames() { return [...this[kHeaders].values()].map(([n]) => n); }
  hasHeader(name) { return this[kHeaders].has(String(name).toLowerCase()); }
  removeHeader(name) {
    if (this._header) throw errors().codedError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot remove headers after they are sent to the client');
    this[kHeaders].delete(String(name).toLowerCase());
  }
  flushHeaders() { if (!this._header) this._sendHead(false, null); }

  /** The first line of the head (status line or request line). */
  _firstLine() { throw new Error('abstract'); }

  /** Builds and sends the head. <paramref name="whole"/>: end() was called with the whole body (→ Content-Length). */
  _sendHead(whole, body) {
    const h = this[kHeaders];
    let head = this._firstLine();
    let hasLength = h.has('content-length');
    const hasTe = h.has('transfer-encoding');
    for (const [, [name, value]] of h) {
      if (Array.isArray(value)) for (const v of value) head += `${name}: ${v}\r\n`;
      else head += `${name}: ${value}\r\n`;
    }
    if (this.sendDate && !h.has('date')) head += `Date: ${new Date().toUTCString()}\r\n`;
    if (hasTe) this.chunkedEncoding = /(?:^|,)\s*chunked\s*$/i.test(String(h.get('transfer-encoding')[1]));
    if (!this._hasBody) {
      // HEAD responses, 204 and 304 carry no body: keep the headers as set.
    } else if (!hasLength && !hasTe) {
      if (!this.useChunkedEncodingByDefault) {
        this._noFraming(); // Node: HTTP/1.0 responses and GET-like requests get no length header
      } else if (whole && this._allowContentLength()) {
        this._extraLength = body ? body.length : 0;
      } else if (this.useChunkedEncodingByDefault && this._chunkedAllowed()) {
        this.chunkedEncoding = true;
      } else {
        this._noFraming();
      }
    }
    if (!h.has('connection')) {
      if (this.shouldKeepAlive) {
        head += 'Connection: keep-alive\r\n';
        if (this._keepAliveHeader) head += this._keepAliveHeader;
      } else head += 'Connection: close\r\n';
    } else if (/close/i.test(String(h.get('connection')[1]))) this.shouldKeepAlive = false;
    if (this._extraLength !== undefined && !(this._omitZeroLength && this._extraLength === 0)) { head += `Content-Length: ${this._extraLength}\r\n`; hasLength = true; }
    if (this.chunkedEncoding && !hasTe) head += 'Transfer-Encoding: chunked\r\n';
    this._header = head + '\r\n';
    this.headersSent = true;
    this._pendingHead = Buffer.from(this._header, 'latin1');
  }
  _allowContentLength() { return true; }
  /** Neither Content-Length nor chunked: the body runs until the connection closes. */
  _noFraming() { this.shouldKeepAlive = false; }
  _chunkedAllowed() { return true; }

  _write(chunk, encoding, cb) {
    if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding === 'buffer' ? 'utf8' : encoding);
    if (!this._header) this._sendHead(false, null);
    const parts = [];
    if (this._pendingHead) { parts.push(this._pendingHead); this._pendingHead = null; }
    if (this._hasBody && chunk.length > 0) {
      this._bodyWritten = true;
      if (this.chunkedEncoding) parts.push(Buffer.from(chunk.length.toString(16) + '\r\n', 'latin1'), chunk, Buffer.from('\r\n', 'latin1'));
      else parts.push(chunk);
    }
    this._send(parts.length === 1 ? parts[0] : Buffer.concat(parts), cb);
  }

  _send(data, cb) {
    const socket = this.socket;
    if (!socket || socket.destroyed) { if (this._onSocket) { this._onSocket(() => this._send(data, cb)); return; } cb(); return; }
    if (data.length === 0) { cb(); return; }
    socket.write(data, (err) => cb(err && this._ignoreSocketErrors ? null : err));
  }

  write(chunk, encoding, cb) {
    if (this.finished && !this._writableState.ending) { /* end() in progress */ }
    if (!this._hasBody && chunk !== undefined && chunk !== null && chunk.length) {
      // Node silently ignores bodies of HEAD/204/304 responses.
      chunk = Buffer.alloc(0);
    }
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw errors().invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    }
    return super.write(chunk, encoding, cb);
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = null; }
    else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    if (this._writableState.ending) { if (cb) process.nextTick(cb); return this; }
    if (chunk !== null && chunk !== undefined && typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw errors().invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    }
    const body = chunk === null || chunk === undefined ? null : typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk;
    if (!this._header) this._sendHead(!this._bodyWritten && this._writableState.length === 0, this._hasBody ? body : null);
    this.finished = true;
    if (body && body.length) super.write(body);
    else if (this._pendingHead) super.write(Buffer.alloc(0));
    return super.end(cb);
  }

  _final(cb) {
    if (this._pendingHead) { const head = this._pendingHead; this._pendingHead = null; this._send(head, () => {}); }
    if (this.chunkedEncoding && this._hasBody) this._send(Buffer.from('0\r\n\r\n', 'latin1'), (err) => cb(err));
    else this._send(Buffer.alloc(0), (err) => cb(err));
  }

  _implicitHeader() { if (!this._header) this._sendHead(false, null); }
}

module.exports = { OutgoingMessage, validateHeaderName, validateHeaderValue, kHeaders };
