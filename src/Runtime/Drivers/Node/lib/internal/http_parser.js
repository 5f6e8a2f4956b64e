// node:internal/http_parser — an incremental HTTP/1.1 message parser (RFC 9112) for requests and responses,
// strict like Node's llhttp: token-only methods and header names, no space before a colon, no obsolete line
// folding, no Content-Length together with Transfer-Encoding, digits-only lengths, 16 KiB of headers.
'use strict';
const { Buffer } = require('buffer');

const kMaxHeaderSize = 16384; // Node's --max-http-header-size default
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const badValueRe = /[\0\r\n]/;

class ParseError extends Error {
  constructor(code, reason) {
    super(`Parse Error: ${reason}`);
    this.code = code;
    this.reason = reason;
  }
}

/**
 * kind 'request' or 'response'. Callbacks: onHeaders(info) → true to skip the body (responses to HEAD),
 * onBody(chunk), onComplete(). execute(chunk) parses what it can; it throws a ParseError for a malformed
 * message and returns the unparsed remainder (Buffer) when the message is an upgrade/CONNECT.
 */
class HTTPParser {
  constructor(kind) {
    this.kind = kind;
    this.onHeaders = null;
    this.onBody = null;
    this.onComplete = null;
    this.reset();
  }

  reset() {
    this._buf = Buffer.alloc(0);
    this._state = 'head';
    this._remaining = 0;
    this._trailers = [];
    this.paused = false;
  }

  /** Whether bytes of a new message have arrived (a keep-alive connection is not idle). */
  get midMessage() { return this._state !== 'head' || this._buf.length > 0; }

  execute(chunk) {
    this._buf = this._buf.length ? Buffer.concat([this._buf, chunk]) : chunk;
    for (;;) {
      if (this.paused) return null;
      switch (this._state) {
        case 'head': {
          // Leading empty lines before a request line are ignored (RFC 9112 2.2).
          while (this._buf.length >= 2 && this._buf[0] === 13 && this._buf[1] === 10) this._buf = this._buf.subarray(2);
          const end = this._buf.indexOf('\r\n\r\n');
          if (end < 0) {
            if (this._buf.length > kMaxHeaderSize) throw new ParseError('HPE_HEADER_OVERFLOW', 'Header overflow');
            return null;
          }
          if (end > kMaxHeaderSize) throw new ParseError('HPE_HEADER_OVERFLOW', 'Header overflow');
          const head = this._buf.subarray(0, end).toString('latin1');
          this._buf = this._buf.subarray(end + 4);
          const info = this._parseHead(head);
          const skipBody = this.onHeaders(info) === true;
          if (info.upgrade) {
            const rest = this._buf;
            this.reset();
            this._state = 'upgraded';
            return rest;
          }
          if (skipBody || info._noBody) { this._finish(); break; }
          if (info._chunked) this._state = 'chunk-size';
          else if (info._length !== null) {
            this._remaining = info._length;
            if (this._remaining === 0) { this._finish(); break; }
            this._state = 'body';
          } else if (this.kind === 'request') { this._finish(); break; }
          else this._state = 'eof-body';
          break;
        }
        case 'body': {
          if (this._buf.length === 0) return null;
          const n = Math.min(this._remaining, this._buf.length);
          const part = this._buf.subarray(0, n);
          this._buf = this._buf.subarray(n);
          this._remaining -= n;
          this.onBody(part);
          if (this._remaining === 0) this._finish();
          break;
        }
        case 'eof-body': {
          if (this._buf.length === 0) return null;
          const part = this._buf;
          this._buf = Buffer.alloc(0);
          this.onBody(part);
          return null;
        }
        case 'chunk-size': {
          const eol = this._buf.indexOf('\r\n');
          if (eol < 0) {
            if (this._buf.length > 1024) throw new ParseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
            return null;
          }
          const line = this._buf.subarray(0, eol).toString('latin1');
          this._buf = this._buf.subarray(eol + 2);
          const m = /^([0-9A-Fa-f]+)[ \t]*(;.*)?$/.exec(line);
          if (!m || m[1].length > 12) throw new ParseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
          this._remaining = parseInt(m[1], 16);
          this._state = this._remaining === 0 ? 'trailers' : 'chunk-data';
          break;
        }
        case 'chunk-data': {
          if (this._remaining > 0) {
            if (this._buf.length === 0) return null;
            const n = Math.min(this._remaining, this._buf.length);
            const part = this._buf.subarray(0, n);
            this._buf = this._buf.subarray(n);
            this._remaining -= n;
            this.onBody(part);
            if (this._remaining > 0) return null;
          }
          if (this._buf.length < 2) return null;
          if (this._buf[0] !== 13 || this._buf[1] !== 10) throw new ParseError('HPE_STRICT', 'Expected CRLF after chunk');
          this._buf = this._buf.subarray(2);
          this._state = 'chunk-size';
          break;
        }
        case 'trailers': {
          const eol = this._buf.indexOf('\r\n');
          if (eol < 0) return null;
          const line = this._buf.subarray(0, eol).toString('latin1');
          this._buf = this._buf.subarray(eol + 2);
          if (line === '') { this._finish(); break; }
          const colon = line.indexOf(':');
          if (colon <= 0 || !tokenRe.test(line.slice(0, colon))) throw new ParseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
          this._trailers.push(line.slice(0, colon), line.slice(colon + 1).trim());
          break;
        }
        case 'upgraded':
          return null;
      }
    }
  }

  /** The connection ended: completes a response whose body runs until EOF; an error when mid-message. */
  finish() {
    if (this._state === 'eof-body') { this._finish(); return null; }
    if (this._state === 'head' && this._buf.length === 0) return null;
    if (this._state === 'upgraded') return null;
    return new ParseError('HPE_INVALID_EOF_STATE', 'Invalid EOF state');
  }

  _finish() {
    const trailers = this._trailers;
    this._state = 'head';
    this._trailers = [];
    this._remaining = 0;
    this.onComplete(trailers);
  }

  _parseHead(head) {
    const lines = head.split('\r\n');
    const start = lines[0];
    const info = {
      method: null, url: null, statusCode: 0, statusMessage: '', versionMajor: 1, versionMinor: 1,
      rawHeaders: [], upgrade: false, shouldKeepAlive: true, _chunked: false, _length: null, _noBody: false,
    };
    if (this.kind === 'request') {
      const m = /^([^ ]+) ([^ ]+) HTTP\/(\d)\.(\d)$/.exec(start);
      if (!m) {
        if (/^[^ ]+ [^ ]+$/.test(start) || /^[^ ]+ [^ ]+ HTTP/.test(start)) throw new ParseError('HPE_INVALID_VERSION', 'Invalid HTTP version');
        throw new ParseError(tokenRe.test(start.split(' ')[0]) ? 'HPE_INVALID_URL' : 'HPE_INVALID_METHOD', tokenRe.test(start.split(' ')[0]) ? 'Invalid URL' : 'Invalid method encountered');
      }
      if (!tokenRe.test(m[1])) throw new ParseError('HPE_INVALID_METHOD', 'Invalid method encountered');
      if (/[\0-\x20\x7f]/.test(m[2])) throw new ParseError('HPE_INVALID_URL', 'Invalid URL');
      info.method = m[1];
      info.url = m[2];
      info.versionMajor = Number(m[3]);
      info.versionMinor = Number(m[4]);
    } else {
      const m = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/.exec(start);
      if (!m) throw new ParseError('HPE_INVALID_CONSTANT', 'Expected HTTP/');
      info.versionMajor = Number(m[1]);
      info.versionMinor = Number(m[2]);
      info.statusCode = Number(m[3]);
      info.statusMessage = m[4] || '';
    }
    if (info.versionMajor !== 1) throw new ParseError('HPE_INVALID_VERSION', 'Invalid HTTP version');
    let connection = '';
    let te = null;
    let upgradeHeader = false;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (line[0] === ' ' || line[0] === '\t') throw new ParseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char');
      const colon = line.indexOf(':');
      if (colon <= 0) throw new ParseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
      const name = line.slice(0, colon);
      if (!tokenRe.test(name)) throw new ParseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
      const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
      if (badValueRe.test(value)) throw new ParseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char');
      info.rawHeaders.push(name, value);
      switch (name.toLowerCase()) {
        case 'content-length': {
          if (!/^\d+$/.test(value)) throw new ParseError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length');
          const n = Number(value);
          if (info._length !== null && info._length !== n) throw new ParseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length');
          info._length = n;
          break;
        }
        case 'transfer-encoding': te = te === null ? value : te + ', ' + value; break;
        case 'connection': connection += (connection ? ',' : '') + value.toLowerCase(); break;
        case 'upgrade': upgradeHeader = true; break;
      }
    }
    if (te !== null) {
      const codings = te.toLowerCase().split(',').map((s) => s.trim());
      if (codings[codings.length - 1] === 'chunked') info._chunked = true;
      else if (this.kind === 'request') throw new ParseError('HPE_INVALID_TRANSFER_ENCODING', 'Request has invalid `Transfer-Encoding`');
      if (info._length !== null) throw new ParseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Content-Length can\'t be present with Transfer-Encoding');
    }
    const tokens = connection.split(',').map((s) => s.trim());
    const http10 = info.versionMajor === 1 && info.versionMinor === 0;
    if (tokens.includes('close')) info.shouldKeepAlive = false;
    else if (http10 && !tokens.includes('keep-alive')) info.shouldKeepAlive = false;
    if (this.kind === 'request') {
      info.upgrade = info.method === 'CONNECT' || (upgradeHeader && tokens.includes('upgrade'));
    } else {
      const s = info.statusCode;
      if (s === 101) info.upgrade = true;
      if ((s >= 100 && s < 200) || s === 204 || s === 304) info._noBody = true;
      if (!info._noBody && !info._chunked && info._length === null) info.shouldKeepAlive = false; // body until EOF
    }
    return info;
  }
}

module.exports = { HTTPParser, ParseError, kMaxHeaderSize };
