// node:internal/http_incoming — IncomingMessage: a parsed request (server side) or response (client side) as a
// Readable of its body, with headers lower-cased and combined like Node (set-cookie as an array, duplicates of
// single-valued fields dropped, others joined with ', ').
'use strict';
const { Readable } = require('stream');

// Fields whose duplicates Node discards (matchKnownFields: the first value wins).
const singleValued = new Set(['age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from',
  'host', 'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards',
  'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent']);

function headersFrom(raw) {
  const headers = {};
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    const value = raw[i + 1];
    if (!(key in headers)) headers[key] = key === 'set-cookie' ? [value] : value;
    else if (key === 'set-cookie') headers[key].push(value);
    else if (!singleValued.has(key)) headers[key] += (key === 'cookie' ? '; ' : ', ') + value;
  }
  return headers;
}

class IncomingMessage extends Readable {
  constructor(socket) {
    super(); // autoDestroy as in Node: after its end the message is destroyed and emits close
    this.socket = socket;
    this.httpVersionMajor = 1;
    this.httpVersionMinor = 1;
    this.httpVersion = '1.1';
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this.headers = {};
    this.trailers = {};
    this.aborted = false;
    this.upgrade = false;
    this.url = '';
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
    this._dumped = false;
    this._consuming = false;
  }
  get connection() { return this.socket; }
  get headersDistinct() {
    const out = {};
    for (let i = 0; i < this.rawHeaders.length; i += 2) {
      const k = this.rawHeaders[i].toLowerCase();
      (out[k] || (out[k] = [])).push(this.rawHeaders[i + 1]);
    }
    return out;
  }
  _setHead(info) {
    this.httpVersionMajor = info.versionMajor;
    this.httpVersionMinor = info.versionMinor;
    this.httpVersion = `${info.versionMajor}.${info.versionMinor}`;
    this.rawHeaders = info.rawHeaders;
    this.headers = headersFrom(info.rawHeaders);
    this.upgrade = info.upgrade;
    if (info.method) { this.method = info.method; this.url = info.url; }
    else { this.statusCode = info.statusCode; this.statusMessage = info.statusMessage; }
  }
  _addTrailers(raw) {
    this.rawTrailers = raw;
    this.trailers = headersFrom(raw);
  }
  _read() {
    this._consuming = true;
    if (this.socket && this.socket._httpPausedFor === this) { this.socket._httpPausedFor = null; this.socket.resume(); }
  }
  /** Discards the body (nobody reads it) so the connection can carry the next message. */
  _dump() {
    if (this._dumped) return;
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
  setTimeout(ms, cb) { if (this.socket) this.socket.setTimeout(ms, cb); return this; }
  _destroy(err, cb) {
    if (!this.readableEnded || !this.complete) {
      this.aborted = true;
      if (err === null && !this.complete) err = null;
    }
    if (this.socket && !this.complete && err) this.socket.destroy(err);
    cb(err);
  }
}

module.exports = { IncomingMessage, headersFrom };
