// node:url — WHATWG URL / URLSearchParams (a compact parser for special and opaque URLs), file URL helpers,
// and the legacy url.parse/format/resolve.
'use strict';
const special = { 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };
const errors = () => internal.errors;

function invalidUrl(input) {
  const e = errors().codedError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  e.input = input;
  return e;
}

function normalizePath(path, isSpecial) {
  const segments = path.split('/');
  const out = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const last = i === segments.length - 1;
    if (s === '.' || s.toLowerCase() === '%2e') { if (last) out.push(''); continue; }
    if (s === '..' || /^(\.|%2e){2}$/i.test(s)) { if (out.length > 1) out.pop(); if (last) out.push(''); continue; }
    out.push(s);
  }
  let p = out.join('/');
  if (isSpecial && !p.startsWith('/')) p = '/' + p;
  return p;
}

const encodeSet = (s, re) => s.replace(re, (c) => encodeURIComponent(c));
const pathEncode = (s) => encodeSet(s, /[\s"<>`#?{}\u0080-\uffff]/g);
const queryEncode = (s) => encodeSet(s, /[\s"<>#\u0080-\uffff]/g);
const fragmentEncode = (s) => encodeSet(s, /[\s"<>`\u0080-\uffff]/g);

class URL {
  #search = null;
  constructor(input, base) {
    input = String(input).trim();
    let m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s.exec(input);
    if (!m) {
      if (base === undefined) throw invalidUrl(input);
      const b = base instanceof URL ? base : new URL(base);
      this._resolve(b, input);
      return;
    }
    const protocol = m[1].toLowerCase() + ':';
    let rest = m[2];
    if (base !== undefined && special[protocol] !== undefined && !rest.startsWith('/')) {
      const b = base instanceof URL ? base : new URL(base);
      if (b.protocol === protocol) { this._resolve(b, rest); return; }
    }
    this._set({ protocol });
    this._parseAfterScheme(rest, input);
  }
  _set(parts) {
    this._protocol = parts.protocol;
    this._username = parts.username || '';
    this._password = parts.password || '';
    this._hostname = parts.hostname || '';
    this._port = parts.port || '';
    this._pathname = parts.pathname || '';
    this._query = parts.search || '';
    this._hash = parts.hash || '';
  }
  _parseAfterScheme(rest, input) {
    const isSpecial = special[this._protocol] !== undefined;
    let hashIdx = rest.indexOf('#');
    if (hashIdx >= 0) { this._hash = '#' + fragmentEncode(rest.slice(hashIdx + 1)); rest = rest.slice(0, hashIdx); }
    let qIdx = rest.indexOf('?');
    if (qIdx >= 0) { this._query = '?' + queryEncode(rest.slice(qIdx + 1)); rest = rest.slice(0, qIdx); }
    if (this._hash === '#') this._hash = '';
    if (this._query === '?') this._query = '';
    if (isSpecial) rest = rest.replace(/\\/g, '/');
    if (rest.startsWith('//') || (isSpecial && this._protocol !== 'file:')) {
      rest = this._protocol === 'file:' ? rest.slice(2) : rest.replace(/^\/*/, '');
      const slash = rest.indexOf('/');
      let authority = slash >= 0 ? rest.slice(0, slash) : rest;
      rest = slash >= 0 ? rest.slice(slash) : '';
      const at = authority.lastIndexOf('@');
      if (at >= 0) {
        const cred = authority.slice(0, at);
        authority = authority.slice(at + 1);
        const colon = cred.indexOf(':');
        this._username = encodeURIComponent(decodeURIComponent(colon >= 0 ? cred.slice(0, colon) : cred));
        this._password = colon >= 0 ? encodeURIComponent(decodeURIComponent(cred.slice(colon + 1))) : '';
      }
      const pm = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
      if (!pm) throw invalidUrl(input);
      this._hostname = isSpecial ? pm[1].toLowerCase() : pm[1];
      if (/[\s<>^|%]/.test(this._hostname) && isSpecial) throw invalidUrl(input);
      if (isSpecial && this._protocol !== 'file:' && !this._hostname) throw invalidUrl(input);
      const port = pm[2] || '';
      if (port && Number(port) > 65535) throw invalidUrl(input);
      this._port = port && Number(port) !== special[this._protocol] ? String(Number(port)) : '';
      this._pathname = rest ? normalizePath(pathEncode(rest), isSpecial) : isSpecial ? '/' : '';
      this._opaque = false;
    } else if (this._protocol === 'file:') {
      this._pathname = normalizePath(pathEncode(rest), true);
    } else {
      this._opaque = !rest.startsWith('/');
      this._pathname = this._opaque ? rest.replace(/[\u0000-\u001f\u007f-\uffff]/g, (c) => encodeURIComponent(c)) : normalizePath(pathEncode(rest), false);
    }
  }
  _resolve(b, rel) {
    this._set({ protocol: b._protocol, username: b._username, password: b._password, hostname: b._hostname, port: b._port });
    const isSpecial = special[b._protocol] !== undefined;
    if (isSpecial) rel = rel.replace(/\\/g, '/');
    if (rel.startsWith('//')) { this._parseAfterScheme(rel, rel); return; }
    let hash = '';
    let query = null;
    let h = rel.indexOf('#');
    if (h >= 0) { hash = rel.slice(h); rel = rel.slice(0, h); }
    let q = rel.indexOf('?');
    if (q >= 0) { query = rel.slice(q); rel = rel.slice(0, q); }
    let path;
    if (rel === '') { path = b._pathname; if (query === null) query = b._query; }
    else if (rel.startsWith('/')) path = rel;
    else path = b._pathname.slice(0, b._pathname.lastIndexOf('/') + 1) + rel;
    this._pathname = normalizePath(pathEncode(path), isSpecial);
    this._query = query && query !== '?' ? '?' + queryEncode(query.slice(1)) : '';
    this._hash = hash && hash !== '#' ? '#' + fragmentEncode(hash.slice(1)) : '';
  }
  get href() {
    const auth = this._username || this._password ? `${this._username}${this._password ? ':' + this._password : ''}@` : '';
    const hasHost = this._hostname || this._protocol === 'file:' || special[this._protocol] !== undefined;
    return `${this._protocol}${hasHost ? '//' : this._opaque || !this._pathname.startsWith('//') ? '' : '/.'}${auth}${this.host}${this._pathname}${this._query}${this._hash}`;
  }
  set href(v) { const u = new URL(v); Object.assign(this, { _protocol: u._protocol }); this._set({ protocol: u._protocol, username: u._username, password: u._password, hostname: u._hostname, port: u._port, pathname: u._pathname, search: u._query, hash: u._hash }); }
  get origin() { return special[this._protocol] !== undefined && this._protocol !== 'file:' ? `${this._protocol}//${this.host}` : 'null'; }
  get protocol() { return this._protocol; }
  set protocol(v) { v = String(v).replace(/:.*$/, '').toLowerCase() + ':'; if ((special[v] !== undefined) === (special[this._protocol] !== undefined)) this._protocol = v; }
  get username() { return this._username; }
  set username(v) { this._username = encodeURIComponent(v); }
  get password() { return this._password; }
  set password(v) { this._password = encodeURIComponent(v); }
  get host() { return this._hostname + (this._port ? ':' + this._port : ''); }
  set host(v) { const [h, p] = String(v).split(':'); this._hostname = h.toLowerCase(); if (p !== undefined) this.port = p; }
  get hostname() { return this._hostname; }
  set hostname(v) { this._hostname = String(v).toLowerCase(); }
  get port() { return this._port; }
  set port(v) { v = String(v); this._port = v === '' || Number(v) === special[this._protocol] ? '' : String(parseInt(v, 10)); }
  get pathname() { return this._pathname; }
  set pathname(v) { v = String(v); this._pathname = normalizePath(pathEncode(v.startsWith('/') || !(special[this._protocol] !== undefined) ? v : '/' + v), special[this._protocol] !== undefined); }
  get search() { return this._query.length > 1 ? this._query : ''; }
  set search(v) { v = String(v); this._query = v === '' || v === '?' ? '' : '?' + queryEncode(v.replace(/^\?/, '')); if (this.#search) this.#search._reset(this._query.slice(1)); }
  get searchParams() {
    if (!this.#search) { this.#search = new URLSearchParams(this._query.slice(1)); this.#search._url = this; }
    return this.#search;
  }
  get hash() { return this._hash.length > 1 ? this._hash : ''; }
  set hash(v) { v = String(v); this._hash = v === '' || v === '#' ? '' : '#' + fragmentEncode(v.replace(/^#/, '')); }
  toString() { return this.href; }
  toJSON() { return this.href; }
  static canParse(input, base) { try { new URL(input, base); return true; } catch { return false; } }
  static parse(input, base) { try { return new URL(input, base); } catch { return null; } }
  static createObjectURL() { throw errors().notSupported('URL.createObjectURL'); }
  static revokeObjectURL() {}
  [Symbol.for('nodejs.util.inspect.custom')]() {
    const keys = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash'];
    const { inspect } = require('internal/inspect');
    return `URL {\n${keys.map((k) => `  ${k}: ${inspect(this[k])}`).join(',\n')}\n}`;
  }
}
for (const k of ['_protocol', '_username', '_password', '_hostname', '_port', '_pathname', '_query', '_hash', '_opaque']) {
  Object.defineProperty(URL.prototype, k, { value: undefined, writable: true, enumerable: false });
}

const formEncode = (s) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const formDecode = (s) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; } };
class URLSearchParams {
  constructor(init = '') {
    Object.defineProperty(this, '_list', { value: [], writable: true, enumerable: false });
    Object.defineProperty(this, '_url', { value: null, writable: true, enumerable: false });
    if (typeof init === 'string') this._reset(init.replace(/^\?/, ''));
    else if (init && typeof init[Symbol.iterator] === 'function') for (const [k, v] of init) this._list.push([String(k), String(v)]);
    else if (init && typeof init === 'object') for (const k of Object.keys(init)) this._list.push([k, String(init[k])]);
  }
  _reset(str) {
    this._list = [];
    for (const part of str.split('&')) {
      if (!part) continue;
      const i = part.indexOf('=');
      this._list.push(i >= 0 ? [formDecode(part.slice(0, i)), formDecode(part.slice(i + 1))] : [formDecode(part), '']);
    }
  }
  _update() { if (this._url) { const s = this.toString(); this._url._query = s ? '?' + s : ''; } }
  append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
  delete(k, v) { this._list = this._list.filter(([a, b]) => a !== String(k) || (v !== undefined && b !== String(v))); this._update(); }
  get(k) { const e = this._list.find(([a]) => a === String(k)); return e ? e[1] : null; }
  getAll(k) { return this._list.filter(([a]) => a === String(k)).map(([, b]) => b); }
  has(k, v) { return this._list.some(([a, b]) => a === String(k) && (v === undefined || b === String(v))); }
  set(k, v) {
    k = String(k);
    const i = this._list.findIndex(([a]) => a === k);
    if (i < 0) this._list.push([k, String(v)]);
    else { this._list[i][1] = String(v); this._list = this._list.filter(([a], j) => a !== k || j === i); }
    this._update();
  }
  sort() { this._list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this._update(); }
  forEach(fn, thisArg) { for (const [k, v] of this._list) fn.call(thisArg, v, k, this); }
  keys() { return this._list.map(([k]) => k)[Symbol.iterator](); }
  values() { return this._list.map(([, v]) => v)[Symbol.iterator](); }
  entries() { return this._list.map(([k, v]) => [k, v])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  get size() { return this._list.length; }
  toString() { return this._list.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&'); }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    const { inspect } = require('internal/inspect');
    return this._list.length ? `URLSearchParams { ${this._list.map(([k, v]) => `${inspect(k)} => ${inspect(v)}`).join(', ')} }` : 'URLSearchParams {}';
  }
}

function fileURLToPath(url) {
  if (typeof url === 'string') url = new URL(url);
  else if (!(url instanceof URL)) throw errors().invalidArgType('path', ['string', 'URL'], url);
  if (url.protocol !== 'file:') throw errors().codedError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (url.hostname !== '') throw errors().codedError(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  if (/%2f/i.test(url.pathname)) throw errors().codedError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  return decodeURIComponent(url.pathname);
}
function pathToFileURL(path) {
  let resolved = require('path').resolve(path);
  if (path.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const u = new URL('file://');
  u.pathname = resolved.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  return u;
}

// ---- legacy API ----
function Url() {
  Object.assign(this, { protocol: null, slashes: null, auth: null, host: null, port: null, hostname: null, hash: null, search: null, query: null, pathname: null, path: null, href: null });
}
function parse(str, parseQueryString) {
  const u = new Url();
  let rest = String(str).trim();
  const proto = /^([a-z][a-z0-9.+-]*:)/i.exec(rest);
  if (proto) { u.protocol = proto[1].toLowerCase(); rest = rest.slice(proto[1].length); }
  const h = rest.indexOf('#');
  if (h >= 0) { u.hash = rest.slice(h); rest = rest.slice(0, h); }
  const q = rest.indexOf('?');
  if (q >= 0) { u.search = rest.slice(q); u.query = rest.slice(q + 1); rest = rest.slice(0, q); }
  else if (parseQueryString) { u.search = ''; u.query = {}; }
  if (parseQueryString && typeof u.query === 'string') u.query = require('querystring').parse(u.query);
  if (rest.startsWith('//')) {
    u.slashes = true;
    rest = rest.slice(2);
    const slash = rest.search(/[/]/);
    let authority = slash >= 0 ? rest.slice(0, slash) : rest;
    rest = slash >= 0 ? rest.slice(slash) : '';
    const at = authority.lastIndexOf('@');
    if (at >= 0) { u.auth = decodeURIComponent(authority.slice(0, at)); authority = authority.slice(at + 1); }
    u.host = authority.toLowerCase();
    const pm = /^(.*?)(?::(\d+))?$/.exec(u.host);
    u.hostname = pm[1];
    u.port = pm[2] || null;
    if (!rest && u.host) rest = '/';
  }
  u.pathname = rest || null;
  u.path = (u.pathname || '') + (u.search || '') || null;
  u.href = format(u);
  return u;
}
function format(obj) {
  if (typeof obj === 'string') obj = parse(obj);
  if (obj instanceof URL) return obj.href;
  const protocol = obj.protocol ? (obj.protocol.endsWith(':') ? obj.protocol : obj.protocol + ':') : '';
  let host = obj.host || (obj.hostname ? obj.hostname + (obj.port ? ':' + obj.port : '') : '');
  const auth = obj.auth ? encodeURIComponent(obj.auth).replace(/%3A/i, ':') + '@' : '';
  const slashes = obj.slashes || (host && ['http:', 'https:', 'ftp:', 'file:', 'ws:', 'wss:'].includes(protocol)) ? '//' : '';
  let search = obj.search || (obj.query && typeof obj.query === 'object' && Object.keys(obj.query).length ? '?' + require('querystring').stringify(obj.query) : '');
  if (search && search[0] !== '?') search = '?' + search;
  let hash = obj.hash || '';
  if (hash && hash[0] !== '#') hash = '#' + hash;
  let pathname = obj.pathname || '';
  if (host && pathname && pathname[0] !== '/') pathname = '/' + pathname;
  return `${protocol}${slashes}${auth}${host}${pathname}${search}${hash}`;
}
function resolve(from, to) { return new URL(to, new URL(from, 'resolve://')).href.replace(/^resolve:\/\//, ''); }

module.exports = {
  URL, URLSearchParams, fileURLToPath, pathToFileURL, parse, format, resolve, Url,
  domainToASCII: (d) => String(d).toLowerCase(), domainToUnicode: (d) => String(d),
  urlToHttpOptions: (u) => ({ protocol: u.protocol, hostname: u.hostname, hash: u.hash, search: u.search, pathname: u.pathname, path: `${u.pathname}${u.search}`, href: u.href, port: u.port ? Number(u.port) : undefined }),
};
