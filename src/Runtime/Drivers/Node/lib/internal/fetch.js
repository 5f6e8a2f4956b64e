// node:internal/fetch — the WHATWG fetch globals (fetch, Headers, Request, Response, FormData, File) over
// node:http/https: a request to a VM address goes through the kernel loopback, anything else follows the
// sandbox's egress policy. Bodies are buffered (the response resolves once its body has arrived).
'use strict';
const { Buffer } = require('buffer');
const { Blob, File } = require('buffer');
const errors = () => internal.errors;

const kBody = Symbol('body');
const kHeaders = Symbol('headers');
const kGuard = Symbol('guard');

function webTypeError(message, cause) {
  const err = new TypeError(message);
  if (cause !== undefined) err.cause = cause;
  return err;
}

// ---------------------------------------------------------------- Headers
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function normalizeValue(v) { return String(v).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ''); }

class Headers {
  constructor(init) {
    this[kHeaders] = new Map(); // lower-case name → { name, values[] }
    this[kGuard] = 'none';
    if (init === undefined || init === null) return;
    if (init instanceof Headers) { for (const [k, v] of init[kHeaders]) this[kHeaders].set(k, { name: v.name, values: [...v.values] }); return; }
    if (typeof init !== 'object') throw webTypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'");
    if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const p = [...pair];
        if (p.length !== 2) throw webTypeError('Headers constructor: expected name/value pair to be length 2, found ' + p.length + '.');
        this.append(p[0], p[1]);
      }
    } else for (const k of Object.keys(init)) this.append(k, init[k]);
  }
  _check(name) {
    name = String(name);
    if (!tokenRe.test(name)) throw webTypeError(`Headers.append: "${name}" is an invalid header name.`);
    if (this[kGuard] === 'immutable') throw webTypeError('immutable');
    return name;
  }
  append(name, value) {
    name = this._check(name);
    value = normalizeValue(value);
    if (/[\0\r\n]/.test(value)) throw webTypeError(`Headers.append: "${value}" is an invalid header value.`);
    const key = name.toLowerCase();
    const e = this[kHeaders].get(key);
    if (e) e.values.push(value); else this[kHeaders].set(key, { name, values: [value] });
  }
  set(name, value) {
    name = this._check(name);
    value = normalizeValue(value);
    if (/[\0\r\n]/.test(value)) throw webTypeError(`Headers.set: "${value}" is an invalid header value.`);
    this[kHeaders].set(name.toLowerCase(), { name, values: [value] });
  }
  delete(name) { this._check(name); this[kHeaders].delete(String(name).toLowerCase()); }
  get(name) {
    const e = this[kHeaders].get(String(name).toLowerCase());
    if (!e) return null;
    return e.values.join(', ');
  }
  getSetCookie() { const e = this[kHeaders].get('set-cookie'); return e ? [...e.values] : []; }
  has(name) { return this[kHeaders].has(String(name).toLowerCase()); }
  *entries() {
    for (const key of [...this[kHeaders].keys()].sort()) {
      if (key === 'set-cookie') for (const v of this[kHeaders].get(key).values) yield [key, v];
      else yield [key, this.get(key)];
    }
  }
  keys() { return (function* (it) { for (const [k] of it) yield k; })(this.entries()); }
  values() { return (function* (it) { for (const [, v] of it) yield v; })(this.entries()); }
  forEach(cb, thisArg) { for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this); }
  [Symbol.iterator]() { return this.entries(); }
  get [Symbol.toStringTag]() { return 'Headers'; }
  /** name/value pairs as given (for the wire). */
  _raw() {
    const out = [];
    for (const { name, values } of this[kHeaders].values()) {
      if (name.toLowerCase() === 'set-cookie') for (const v of values) out.push([name, v]);
      else out.push([name, values.join(', ')]);
    }
    return out;
  }
}

// ---------------------------------------------------------------- FormData

class FormData {
  constructor(form) {
    if (form !== undefined) throw errors().notSupported('FormData(form)');
    this._entries = [];
  }
  _entry(name, value, filename) {
    if (value instanceof Blob) {
      if (!(value instanceof File) || filename !== undefined) value = new File([value], filename !== undefined ? filename : value instanceof File ? value.name : 'blob', { type: value.type });
    } else value = String(value);
    return [String(name), value];
  }
  append(name, value, filename) { this._entries.push(this._entry(name, value, filename)); }
  set(name, value, filename) {
    const e = this._entry(name, value, filename);
    const i = this._entries.findIndex(([n]) => n === e[0]);
    this._entries = this._entries.filter(([n], j) => n !== e[0] || j === i);
    if (i < 0) this._entries.push(e); else this._entries[this._entries.findIndex(([n]) => n === e[0])] = e;
  }
  get(name) { const e = this._entries.find(([n]) => n === String(name)); return e ? e[1] : null; }
  getAll(name) { return this._entries.filter(([n]) => n === String(name)).map(([, v]) => v); }
  has(name) { return this._entries.some(([n]) => n === String(name)); }
  delete(name) { this._entries = this._entries.filter(([n]) => n !== String(name)); }
  *entries() { for (const e of this._entries) yield [e[0], e[1]]; }
  *keys() { for (const [n] of this._entries) yield n; }
  *values() { for (const [, v] of this._entries) yield v; }
  forEach(cb, thisArg) { for (const [n, v] of this._entries) cb.call(thisArg, v, n, this); }
  [Symbol.iterator]() { return this.entries(); }
  get [Symbol.toStringTag]() { return 'FormData'; }
  /** multipart/form-data encoding (RFC 7578). */
  async _encode() {
    const boundary = '----formdata-secure-exec-' + Math.random().toString(16).slice(2).padStart(12, '0');
    const esc = (s) => s.replace(/\r\n?|\n/g, '\r\n').replace(/"/g, '%22').replace(/\n/g, '%0A').replace(/\r/g, '%0D');
    const parts = [];
    for (const [name, value] of this._entries) {
      if (typeof value === 'string') {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"\r\n\r\n${value.replace(/\r\n?|\n/g, '\r\n')}\r\n`));
      } else {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"; filename="${esc(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
        parts.push(Buffer.from(await value.arrayBuffer()), Buffer.from('\r\n'));
      }
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return { bytes: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
  }
}

// ---------------------------------------------------------------- Body
function toBytes(view) {
  if (view instanceof ArrayBuffer) return Buffer.from(new Uint8Array(view.slice(0)));
  if (ArrayBuffer.isView(view)) return Buffer.from(new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice());
  return null;
}

/** Extracts [bytes or a promise of them, content type] from a BodyInit (Fetch "extract a body"). */
function extractBody(init) {
  if (init === null || init === undefined) return [null, null];
  if (typeof init === 'string') return [Buffer.from(init, 'utf8'), 'text/plain;charset=UTF-8'];
  if (init instanceof URLSearchParams) return [Buffer.from(init.toString(), 'utf8'), 'application/x-www-form-urlencoded;charset=UTF-8'];
  const bytes = toBytes(init);
  if (bytes) return [bytes, null];
  if (init instanceof Blob) return [init.arrayBuffer().then((ab) => Buffer.from(ab)), init.type || null];
  if (init instanceof FormData) {
    // The boundary must be known now for the Content-Type: encode strings synchronously when possible.
    const pending = init._encode();
    const box = { type: null };
    const p = pending.then((r) => { box.type = r.type; return r.bytes; });
    p._formData = pending;
    return [p, box];
  }
  if (typeof init[Symbol.asyncIterator] === 'function') {
    return [(async () => { const chunks = []; for await (const c of init) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c)); return Buffer.concat(chunks); })(), null];
  }
  return [Buffer.from(String(init), 'utf8'), 'text/plain;charset=UTF-8'];
}

class Body {
  _initBody(init, headers) {
    let [bytes, type] = extractBody(init);
    this[kBody] = bytes;
    this._bodyUsed = false;
    if (type && typeof type === 'object') {
      // FormData: the content type is set once encoded (before anyone can send it: sending awaits the bytes)
      bytes.then(() => { if (!headers.has('content-type')) headers.set('content-type', type.type); });
      this._formDataPending = bytes._formData;
    } else if (type && !headers.has('content-type')) headers.set('content-type', type);
  }
  get bodyUsed() { return this._bodyUsed; }
  get body() {
    if (this[kBody] === null) return null;
    if (typeof globalThis.ReadableStream !== 'function') throw errors().notSupported('Response.body / Request.body as a ReadableStream (use text(), json(), arrayBuffer(), bytes() or blob())');
    if (this._bodyStream) return this._bodyStream; // one stream per body, as in Node
    const self = this;
    // The body is consumed when the stream is first read (getting .body alone leaves bodyUsed false).
    this._bodyStream = new globalThis.ReadableStream({
      async pull(controller) {
        const bytes = await self._consume();
        if (bytes.length) controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    }, { highWaterMark: 0 });
    return this._bodyStream;
  }
  async _consume() {
    if (this._bodyUsed) throw webTypeError('Body is unusable: Body has already been read');
    this._bodyUsed = true;
    const b = await this[kBody];
    return b === null || b === undefined ? Buffer.alloc(0) : b;
  }
  async arrayBuffer() { const b = await this._consume(); return b.buffer.slice(b.byteOffset, b.byteOffset + b.length); }
  async bytes() { return new Uint8Array(await this.arrayBuffer()); }
  async text() { return (await this._consume()).toString('utf8'); }
  async json() { return JSON.parse(await this.text()); }
  async blob() { const b = await this._consume(); return new Blob([b], { type: this.headers.get('content-type') || '' }); }
  async formData() {
    const type = this.headers.get('content-type') || '';
    const text = await this.text();
    if (/^application\/x-www-form-urlencoded/i.test(type)) {
      const fd = new FormData();
      for (const [k, v] of new URLSearchParams(text)) fd.append(k, v);
      return fd;
    }
    if (/^multipart\/form-data/i.test(type)) return parseMultipart(Buffer.from(text, 'latin1').length ? Buffer.from(text, 'utf8') : Buffer.alloc(0), type);
    throw webTypeError(`Response.formData: Could not parse content as FormData.`);
  }
}

function parseMultipart(bytes, type) {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (!m) throw webTypeError('Response.formData: Could not parse content as FormData.');
  const boundary = Buffer.from('--' + (m[1] || m[2]));
  const fd = new FormData();
  let pos = bytes.indexOf(boundary);
  while (pos >= 0) {
    let start = pos + boundary.length;
    if (bytes[start] === 45 && bytes[start + 1] === 45) break; // closing boundary
    start += 2;
    const headEnd = bytes.indexOf('\r\n\r\n', start);
    if (headEnd < 0) break;
    const head = bytes.subarray(start, headEnd).toString('utf8');
    const next = bytes.indexOf(boundary, headEnd + 4);
    if (next < 0) break;
    const content = bytes.subarray(headEnd + 4, next - 2);
    const name = /name="([^"]*)"/i.exec(head);
    const filename = /filename="([^"]*)"/i.exec(head);
    const ctype = /content-type:\s*([^\r\n]+)/i.exec(head);
    if (name) {
      if (filename) fd.append(name[1], new File([content], filename[1], { type: ctype ? ctype[1] : '' }));
      else fd.append(name[1], content.toString('utf8'));
    }
    pos = next;
  }
  return fd;
}

// ---------------------------------------------------------------- Request, Response
const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);
const normalizedMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH']);

class Request extends Body {
  constructor(input, init = {}) {
    super();
    let base = null;
    if (input instanceof Request) base = input;
    else {
      let url;
      try { url = new URL(String(input)); } catch (cause) { throw webTypeError(`Failed to parse URL from ${input}`, cause); }
      if (url.username || url.password) throw webTypeError(`Request cannot be constructed from a URL that includes credentials: ${input}`);
      this._url = url.href;
    }
    if (base) this._url = base.url;
    let method = init.method !== undefined ? String(init.method) : base ? base.method : 'GET';
    if (!tokenRe.test(method)) throw webTypeError(`'${method}' is not a valid HTTP method.`);
    if (forbiddenMethods.has(method.toUpperCase())) throw webTypeError(`'${method}' HTTP method is unsupported.`);
    if (normalizedMethods.has(method.toUpperCase())) method = method.toUpperCase();
    this._method = method;
    this.headers = new Headers(init.headers !== undefined ? init.headers : base ? base.headers : undefined);
    this.signal = init.signal || (base ? base.signal : new AbortController().signal);
    this.redirect = init.redirect || (base ? base.redirect : 'follow');
    this.cache = init.cache || 'default';
    this.credentials = init.credentials || 'same-origin';
    this.mode = init.mode || 'cors';
    this.referrer = 'about:client';
    this.referrerPolicy = init.referrerPolicy || '';
    this.integrity = init.integrity || '';
    this.keepalive = !!init.keepalive;
    this.duplex = init.duplex || 'half';
    let body = init.body !== undefined ? init.body : null;
    if (body !== null && (method === 'GET' || method === 'HEAD')) throw webTypeError('Request with GET/HEAD method cannot have body.');
    if (body === null && base && init.body === undefined) {
      if (base._bodyUsed) throw webTypeError('Cannot construct a Request with a Request object that has already been used.');
      this._initBody(null, this.headers);
      this[kBody] = base[kBody];
      base._bodyUsed = base[kBody] !== null;
    } else this._initBody(body, this.headers);
  }
  get url() { return this._url; }
  get method() { return this._method; }
  get destination() { return ''; }
  clone() {
    if (this._bodyUsed) throw webTypeError('Request.clone: Body has already been consumed.');
    const r = new Request(this._url, { method: this._method, headers: this.headers, signal: this.signal, redirect: this.redirect });
    r[kBody] = this[kBody];
    return r;
  }
  get [Symbol.toStringTag]() { return 'Request'; }
}

const nullBodyStatus = new Set([101, 103, 204, 205, 304]);
const redirectStatus = new Set([301, 302, 303, 307, 308]);

class Response extends Body {
  constructor(body = null, init = {}) {
    super();
    const status = init.status !== undefined ? Number(init.status) : 200;
    if (!Number.isInteger(status) || status < 200 || status > 599) throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
    if (body !== null && nullBodyStatus.has(status)) throw webTypeError('Response constructor: Invalid response status code ' + status);
    this._status = status;
    this._statusText = init.statusText !== undefined ? String(init.statusText) : '';
    this.headers = new Headers(init.headers);
    this._type = 'default';
    this._url = '';
    this._redirected = false;
    this._initBody(body, this.headers);
  }
  get status() { return this._status; }
  get statusText() { return this._statusText; }
  get ok() { return this._status >= 200 && this._status < 300; }
  get type() { return this._type; }
  get url() { return this._url; }
  get redirected() { return this._redirected; }
  clone() {
    if (this._bodyUsed) throw webTypeError('Response.clone: Body has already been consumed.');
    const r = new Response(null, { status: this._status, statusText: this._statusText, headers: this.headers });
    r[kBody] = this[kBody];
    r._type = this._type; r._url = this._url; r._redirected = this._redirected;
    return r;
  }
  static json(data, init = {}) {
    const text = JSON.stringify(data);
    if (text === undefined) throw webTypeError('Value is not JSON serializable');
    const headers = new Headers(init.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(text, { ...init, headers });
  }
  static error() {
    const r = new Response(null, { status: 200 });
    r._status = 0;
    r._type = 'error';
    return r;
  }
  static redirect(url, status = 302) {
    if (!redirectStatus.has(status)) throw new RangeError(`Invalid status code ${status}`);
    const r = new Response(null, { status });
    r.headers.set('location', new URL(String(url)).href);
    return r;
  }
  get [Symbol.toStringTag]() { return 'Response'; }
}

// ---------------------------------------------------------------- fetch
function abortReason(signal) {
  if (signal.reason !== undefined) return signal.reason;
  const err = new Error('This operation was aborted');
  err.name = 'AbortError';
  err.code = 20;
  return err;
}

async function fetch(input, init = undefined) {
  const request = new Request(input, init || {});
  const signal = request.signal;
  if (signal && signal.aborted) throw abortReason(signal);
  let body = request[kBody] === null ? null : await request[kBody];
  let url = new URL(request.url);
  let method = request.method;
  const headers = new Headers(request.headers);
  for (let redirects = 0; ; redirects++) {
    const res = await send(url, method, headers, body, signal);
    if (redirectStatus.has(res.status) && res.headers.has('location') && request.redirect !== 'manual') {
      if (request.redirect === 'error') throw webTypeError('fetch failed', new Error('unexpected redirect'));
      if (redirects >= 20) throw webTypeError('fetch failed', new Error('redirect count exceeded'));
      url = new URL(res.headers.get('location'), url);
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = null;
        for (const h of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) headers.delete(h);
      }
      continue;
    }
    res._url = url.href;
    res._redirected = redirects > 0;
    res._type = 'basic';
    return res;
  }
}

function send(url, method, headers, body, signal) {
  return new Promise((resolve, reject) => {
    let mod;
    if (url.protocol === 'http:') mod = require('http');
    else if (url.protocol === 'https:') mod = require('https');
    else if (url.protocol === 'data:') { resolve(dataUrl(url)); return; }
    else { reject(webTypeError('fetch failed', new Error(`unknown scheme: ${url.protocol}`))); return; }
    const h = {};
    for (const [name, value] of headers._raw()) h[name] = value;
    const lower = new Set(Object.keys(h).map((k) => k.toLowerCase()));
    if (!lower.has('accept')) h.accept = '*/*';
    if (!lower.has('accept-language')) h['accept-language'] = '*';
    if (!lower.has('sec-fetch-mode')) h['sec-fetch-mode'] = 'cors';
    if (!lower.has('user-agent')) h['user-agent'] = 'node';
    if (!lower.has('accept-encoding')) h['accept-encoding'] = 'gzip, deflate';
    if (body !== null && !lower.has('content-length')) h['content-length'] = String(body.length);
    let req;
    const onAbort = () => { if (req) req.destroy(); reject(abortReason(signal)); };
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
    req = mod.request(url, { method, headers: h }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', (e) => reject(webTypeError('fetch failed', e)));
      res.on('end', () => {
        if (signal) signal.removeEventListener('abort', onAbort);
        let bytes = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] || '').toLowerCase().trim();
        try {
          if (encoding === 'gzip' || encoding === 'x-gzip') bytes = require('zlib').gunzipSync(bytes);
          else if (encoding === 'deflate') bytes = require('zlib').inflateSync(bytes);
          else if (encoding === 'br') bytes = require('zlib').brotliDecompressSync(bytes);
        } catch (e) { reject(webTypeError('fetch failed', e)); return; }
        const outHeaders = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) outHeaders.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
        const r = new Response(null, { status: res.statusCode < 200 ? 200 : res.statusCode, statusText: res.statusMessage, headers: outHeaders });
        r._status = res.statusCode;
        r[kBody] = method === 'HEAD' || nullBodyStatus.has(res.statusCode) ? null : bytes;
        resolve(r);
      });
    });
    req.on('error', (e) => { if (signal) signal.removeEventListener('abort', onAbort); reject(webTypeError('fetch failed', e)); });
    req.end(body && body.length ? body : undefined);
  });
}

function dataUrl(url) {
  const href = url.href;
  const comma = href.indexOf(',');
  const meta = href.slice(5, comma);
  const data = href.slice(comma + 1);
  const base64 = /;base64$/i.test(meta);
  const bytes = base64 ? Buffer.from(decodeURIComponent(data), 'base64') : Buffer.from(decodeURIComponent(data), 'latin1');
  const type = (base64 ? meta.slice(0, -7) : meta) || 'text/plain;charset=US-ASCII';
  return new Response(bytes, { status: 200, statusText: 'OK', headers: { 'content-type': type } });
}

module.exports = { fetch, Headers, Request, Response, FormData, File };
