// node:http — HTTP/1.1 servers and clients over node:net (the VM's kernel loopback; egress per the sandbox
// policy). Parsing is internal/http_parser; outgoing framing is internal/http_outgoing.
'use strict';
const EventEmitter = require('events');
const net = require('net');
const { Buffer } = require('buffer');
const { HTTPParser, kMaxHeaderSize } = require('internal/http_parser');
const { OutgoingMessage, validateHeaderName, validateHeaderValue } = require('internal/http_outgoing');
const { IncomingMessage } = require('internal/http_incoming');
const { nextTick } = internal;
const errors = () => internal.errors;

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
  418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency',
  425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage',
  508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required',
};
const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH',
  'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
  'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK',
  'UNSUBSCRIBE'];

// ---------------------------------------------------------------- server side
class ServerResponse extends OutgoingMessage {
  constructor(req, server) {
    super();
    this.req = req;
    this.statusCode = 200;
    this.statusMessage = undefined;
    this.sendDate = true;
    this._server = server;
    // A write after the client went away (EPIPE) is the socket's error, which the server handles (clientError or
    // destroy), not the response's: Node's server never dies of a disconnecting client.
    this._ignoreSocketErrors = true;
    this.strictContentLength = false;
    if (req.method === 'HEAD') this._hasBody = false;
    if (req.httpVersionMajor === 1 && req.httpVersionMinor === 0) {
      this.useChunkedEncodingByDefault = false;
      const c = String(req.headers.connection || '').toLowerCase();
      this.shouldKeepAlive = c.includes('keep-alive');
    }
    const timeout = server ? server.keepAliveTimeout : 5000;
    this._keepAliveHeader = timeout ? `Keep-Alive: timeout=${Math.floor(timeout / 1000)}\r\n` : '';
  }
  _firstLine() {
    const code = this.statusCode;
    if (code === 204 || code === 304 || (code >= 100 && code < 200)) this._hasBody = false;
    if (this.statusMessage === undefined) this.statusMessage = STATUS_CODES[code] || 'unknown';
    return `HTTP/1.1 ${code} ${this.statusMessage}\r\n`;
  }
  _chunkedAllowed() { return this.req.httpVersionMajor === 1 && this.req.httpVersionMinor >= 1; }
  writeHead(statusCode, reason, headers) {
    if (this._header) throw errors().codedError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot write headers after they are sent to the client');
    if (typeof reason !== 'string') { headers = reason; reason = undefined; }
    statusCode |= 0;
    if (statusCode < 100 || statusCode > 999) throw errors().codedError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${statusCode}`);
    this.statusCode = statusCode;
    if (reason !== undefined) this.statusMessage = reason;
    if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) for (const [k, v] of headers) this.appendHeader(k, v);
      else for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
    } else if (headers) {
      for (const k of Object.keys(headers)) if (headers[k] !== undefined) this.setHeader(k, headers[k]);
    }
    this._sendHead(false, null);
    return this;
  }
  writeContinue(cb) { this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', cb); }
  writeProcessing(cb) { this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', cb); }
  writeEarlyHints(hints, cb) {
    let head = 'HTTP/1.1 103 Early Hints\r\n';
    for (const [k, v] of Object.entries(hints || {})) for (const x of Array.isArray(v) ? v : [v]) head += `${k}: ${x}\r\n`;
    this._writeRaw(head + '\r\n', cb);
  }
  _writeRaw(text, cb) { if (this.socket && !this.socket.destroyed) this.socket.write(text, 'latin1', cb); }
  assignSocket(socket) { this.socket = socket; this.emit('socket', socket); }
  detachSocket() { this.socket = null; }
  _destroy(err, cb) {
    if (!this.writableFinished && this.socket && !this.socket.destroyed) this.socket.destroy(err || undefined);
    cb(err);
  }
}

class Server extends net.Server {
  constructor(options, requestListener) {
    if (typeof options === 'function') { requestListener = options; options = {}; }
    options = options || {};
    super({ allowHalfOpen: true });
    this._httpOptions = options;
    this.timeout = 0;
    this.keepAliveTimeout = 5000;
    this.headersTimeout = 60000;
    this.requestTimeout = 300000;
    this.maxHeadersCount = null;
    this.maxRequestsPerSocket = 0;
    this._httpSockets = new Set();
    if (requestListener) this.on('request', requestListener);
    this.on('connection', (socket) => connectionListener(this, socket));
  }
  setTimeout(ms, cb) { this.timeout = ms; if (cb) this.on('timeout', cb); return this; }
  closeIdleConnections() { for (const s of this._httpSockets) if (s._httpIdle) s.destroy(); }
  closeAllConnections() { for (const s of this._httpSockets) s.destroy(); }
  close(cb) {
    super.close(cb);
    this.closeIdleConnections();
    return this;
  }
}

function connectionListener(server, socket) {
  const parser = new HTTPParser('request');
  const queue = [];
  let current = null;
  let incoming = null;  // the request whose body is being parsed
  let ended = false;
  server._httpSockets.add(socket);
  socket._httpIdle = true;
  const idle = () => {
    socket._httpIdle = true;
    if (server.keepAliveTimeout > 0) socket.setTimeout(server.keepAliveTimeout);
    if (server._closing) socket.destroy();
  };
  socket.on('timeout', () => {
    if (socket._httpIdle) { socket.destroy(); return; }
    const handled = server.emit('timeout', socket) || (current && current.req.emit('timeout')) || (current && current.res.emit('timeout'));
    if (!handled && server.timeout) socket.destroy();
  });
  idle();

  const start = (pair) => {
    current = pair;
    const { req, res } = pair;
    socket._httpIdle = false;
    socket.setTimeout(server.timeout || 0);
    res.assignSocket(socket);
    res.on('finish', () => {
      // a body nobody read is discarded (so the next request can be parsed); as in Node, the request then ends and
      // closes by itself, after the response's 'close'
      if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
      const keep = res.shouldKeepAlive && !ended && !socket.destroyed && !server._closing;
      current = null;
      if (!keep) { socket.end(); return; }
      if (queue.length) start(queue.shift()); else idle();
    });
    const expect = req.headers.expect;
    if (expect !== undefined && req.httpVersionMinor >= 1) {
      if (/^100-continue$/i.test(expect)) {
        if (server.listenerCount('checkContinue') > 0) { server.emit('checkContinue', req, res); return; }
        res.writeContinue();
      } else {
        if (server.listenerCount('checkExpectation') > 0) { server.emit('checkExpectation', req, res); return; }
        res.writeHead(417);
        res.end();
        return;
      }
    }
    server.emit('request', req, res);
  };

  parser.onHeaders = (info) => {
    const req = new IncomingMessage(socket);
    req._setHead(info);
    incoming = req;
    if (info.upgrade) {
      req.complete = true;
      return false;
    }
    const res = new ServerResponse(req, server);
    if (!info.shouldKeepAlive) res.shouldKeepAlive = false;
    if (current) queue.push({ req, res }); else start({ req, res });
    return false;
  };
  parser.onBody = (chunk) => {
    const req = incoming;
    if (!req || req._dumped) return;
    if (!req.push(Buffer.from(chunk)) && !req._dumped) { socket._httpPausedFor = req; socket.pause(); }
  };
  parser.onComplete = (trailers) => {
    const req = incoming;
    incoming = null;
    if (!req) return;
    req._addTrailers(trailers);
    req.complete = true;
    req.push(null);
  };

  const onData = (data) => {
    let rest;
    try {
      rest = parser.execute(data);
    } catch (err) {
      socket.removeListener('data', onData);
      clientError(server, socket, err);
      return;
    }
    if (rest) {
      socket.removeListener('data', onData);
      const req = incoming;
      incoming = null;
      const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
      if (server.listenerCount(event) > 0) {
        socket._httpIdle = false;
        server._httpSockets.delete(socket);
        socket.setTimeout(0);
        server.emit(event, req, socket, rest);
      } else {
        // No upgrade listener: Node answers the request normally (the body, if any, is ignored).
        const res = new ServerResponse(req, server);
        res.shouldKeepAlive = false;
        if (current) queue.push({ req, res }); else start({ req, res });
      }
    }
  };
  socket.on('data', onData);
  socket.on('end', () => {
    ended = true;
    const err = parser.finish();
    if (err && incoming) { incoming.aborted = true; incoming.destroy(); }
    if (!current && queue.length === 0) socket.end();
  });
  socket.on('error', (err) => {
    if (server.listenerCount('clientError') > 0) server.emit('clientError', err, socket);
    else socket.destroy();
  });
  socket.on('close', () => {
    server._httpSockets.delete(socket);
    for (const pair of current ? [current, ...queue] : queue) {
      const { req, res } = pair;
      if (!req.complete) { req.aborted = true; req.emit('aborted'); }
      if (!req.destroyed) req.destroy();
      if (!res.writableFinished && !res.destroyed) res.destroy();
    }
  });
}

function clientError(server, socket, err) {
  err.bytesParsed = err.bytesParsed || 0;
  err.rawPacket = err.rawPacket || Buffer.alloc(0);
  if (server.listenerCount('clientError') > 0) { server.emit('clientError', err, socket); return; }
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  socket.destroySoon();
}

function createServer(options, requestListener) { return new Server(options, requestListener); }

// ---------------------------------------------------------------- client side
class Agent extends EventEmitter {
  constructor(options = {}) {
    super();
    this.options = { path: null, ...options };
    this.keepAlive = !!options.keepAlive;
    this.keepAliveMsecs = options.keepAliveMsecs || 1000;
    this.maxSockets = options.maxSockets || Infinity;
    this.maxFreeSockets = options.maxFreeSockets || 256;
    this.maxTotalSockets = options.maxTotalSockets || Infinity;
    this.scheduling = options.scheduling || 'lifo';
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.sockets = Object.create(null);
    this.freeSockets = Object.create(null);
    this.requests = Object.create(null);
    this.totalSocketCount = 0;
  }
  getName(options = {}) {
    let name = options.host || 'localhost';
    name += ':';
    if (options.port) name += options.port;
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    return name;
  }
  createConnection(options, cb) { return net.connect(options, cb); }
  _acquire(options) {
    const name = this.getName(options);
    const free = this.freeSockets[name];
    while (free && free.length) {
      const s = this.scheduling === 'lifo' ? free.pop() : free.shift();
      if (!free.length) delete this.freeSockets[name];
      if (s.destroyed) continue;
      s.ref();
      s.setTimeout(0);
      (this.sockets[name] || (this.sockets[name] = [])).push(s);
      s._httpReused = true;
      return s;
    }
    const s = this.createConnection({ ...this.options, ...options, port: options.port, host: options.host });
    s._httpAgentName = name;
    this.totalSocketCount++;
    (this.sockets[name] || (this.sockets[name] = [])).push(s);
    s.once('close', () => {
      this.totalSocketCount--;
      remove(this.sockets, name, s);
      remove(this.freeSockets, name, s);
    });
    return s;
  }
  _release(socket, name, keep) {
    remove(this.sockets, name, socket);
    if (!keep || !this.keepAlive || socket.destroyed) { socket.destroy(); return; }
    const free = this.freeSockets[name] || (this.freeSockets[name] = []);
    if (free.length >= this.maxFreeSockets) { socket.destroy(); return; }
    free.push(socket);
    socket.unref();
    if (this.options.timeout) socket.setTimeout(this.options.timeout);
    this.emit('free', socket, {});
  }
  destroy() {
    for (const set of [this.sockets, this.freeSockets]) for (const k of Object.keys(set)) for (const s of set[k].slice()) s.destroy();
  }
}
function remove(map, name, socket) {
  const list = map[name];
  if (!list) return;
  const i = list.indexOf(socket);
  if (i >= 0) list.splice(i, 1);
  if (!list.length) delete map[name];
}
const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

const noBodyMethods = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

class ClientRequest extends OutgoingMessage {
  constructor(input, options, cb, defaults = { protocol: 'http:', port: 80, agent: globalAgent }) {
    super(false); // closed once the response is done, not when the request is sent
    if (typeof input === 'string') input = urlToOptions(new URL(input));
    else if (input instanceof URL) input = urlToOptions(input);
    else { cb = options; options = input; input = null; }
    if (typeof options === 'function') { cb = options; options = null; }
    options = { ...(input || {}), ...(options || {}) };
    const protocol = options.protocol || defaults.protocol;
    if (protocol !== defaults.protocol) {
      throw errors().codedError(TypeError, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "${defaults.protocol}"`);
    }
    let agent = options.agent;
    if (agent === undefined) agent = options._defaultAgent || defaults.agent;
    this.agent = agent === false ? null : agent;
    const host = options.hostname || (options.host ? String(options.host).replace(/:\d+$/, '') : 'localhost');
    const port = Number(options.port) || defaults.port;
    this.host = host.replace(/^\[|\]$/g, '');
    this.port = port;
    this.protocol = protocol;
    this.method = (options.method || 'GET').toUpperCase();
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(this.method)) throw errors().codedError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Method must be a valid HTTP token ["${options.method}"]`);
    this.path = options.path || '/';
    if (/[\u0000-\u0020]/.test(this.path)) throw errors().codedError(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
    this.reusedSocket = false;
    this.maxHeadersCount = null;
    this.aborted = false;
    this.res = null;
    this._ended = false;
    this._isHead = this.method === 'HEAD';
    this.useChunkedEncodingByDefault = !noBodyMethods.has(this.method);
    this._omitZeroLength = !this.useChunkedEncodingByDefault;
    this.shouldKeepAlive = !!(this.agent && this.agent.keepAlive);
    if (options.headers) {
      if (Array.isArray(options.headers)) for (let i = 0; i + 1 < options.headers.length; i += 2) this.appendHeader(options.headers[i], options.headers[i + 1]);
      else for (const k of Object.keys(options.headers)) if (options.headers[k] !== undefined) this.setHeader(k, options.headers[k]);
    }
    if (options.setHost !== false && !this.hasHeader('host')) {
      const shownHost = this.host.includes(':') ? `[${this.host}]` : this.host;
      this.setHeader('Host', port === defaults.port ? shownHost : `${shownHost}:${port}`);
    }
    if (options.auth && !this.hasHeader('authorization')) this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
    if (cb) this.once('response', cb);
    if (options.timeout !== undefined) this.setTimeout(options.timeout);
    if (options.signal) {
      const signal = options.signal;
      if (signal.aborted) nextTick(() => this.destroy(abortError(signal)));
      else signal.addEventListener('abort', () => this.destroy(abortError(signal)), { once: true });
    }
    const connectOptions = { host: this.host, port, _tls: !!defaults.tls, servername: options.servername || this.host, family: options.family };
    const socket = this.agent ? this.agent._acquire(connectOptions) : net.connect(connectOptions);
    if (!this.agent) this.shouldKeepAlive = false;
    this._agentName = this.agent ? this.agent.getName(connectOptions) : null;
    this.reusedSocket = !!socket._httpReused;
    this._attachSocket(socket);
    // Like Node, a request that expects 100-continue sends its head at once and waits for 'continue'.
    if (this.hasHeader('expect')) this._send(this._flushHead(), () => {});
  }

  _flushHead() {
    this._implicitHeader();
    const head = this._pendingHead;
    this._pendingHead = null;
    return head;
  }

  _firstLine() { return `${this.method} ${this.path} HTTP/1.1\r\n`; }
  _allowContentLength() { return this.useChunkedEncodingByDefault || this._bodyWritten; }
  _chunkedAllowed() { return this.useChunkedEncodingByDefault; }
  _noFraming() { if (this._bodyWritten) this.shouldKeepAlive = false; } // GET & co. send no body

  _attachSocket(socket) {
    this.socket = socket;
    const parser = socket._httpParser || (socket._httpParser = new HTTPParser('response'));
    parser.reset();
    let res = null;
    parser.onHeaders = (info) => {
      if (info.statusCode >= 100 && info.statusCode < 200 && info.statusCode !== 101) {
        if (info.statusCode === 100) this.emit('continue');
        this.emit('information', { statusCode: info.statusCode, statusMessage: info.statusMessage, httpVersion: `${info.versionMajor}.${info.versionMinor}`, headers: {}, rawHeaders: info.rawHeaders });
        return true;
      }
      res = new IncomingMessage(socket);
      res._setHead(info);
      res.req = this;
      this.res = res;
      this._keepAfter = info.shouldKeepAlive && this.shouldKeepAlive;
      if (info.upgrade) return false;
      const handled = this.emit('response', res);
      if (!handled) res._dump();
      return this._isHead;
    };
    parser.onBody = (chunk) => {
      if (!res || res._dumped) return;
      if (!res.push(Buffer.from(chunk))) { socket._httpPausedFor = res; socket.pause(); }
    };
    parser.onComplete = (trailers) => {
      if (!res) return;
      res._addTrailers(trailers);
      res.complete = true;
      res.push(null);
      this._responseDone();
    };
    const onData = (data) => {
      let rest;
      try {
        rest = parser.execute(data);
      } catch (err) {
        this._socketError(err);
        socket.destroy();
        return;
      }
      if (rest) {
        this._detach();
        if (this.listenerCount('upgrade') > 0) this.emit('upgrade', res, socket, rest);
        else socket.destroy();
      }
    };
    const onEnd = () => {
      const err = parser.finish();
      if (res && !res.complete && !err) return; // completed by finish()
      if (res && !res.complete) { res.aborted = true; res.emit('aborted'); res.destroy(connResetError('aborted')); }
      else if (!res) this._socketError(connResetError('socket hang up'));
      socket.end();
    };
    const onError = (err) => this._socketError(err);
    const onClose = () => {
      if (!res && !this._errored) this._socketError(connResetError('socket hang up'));
      else if (res && !res.complete) { res.aborted = true; res.emit('aborted'); res.destroy(connResetError('aborted')); }
      this._close();
    };
    const onTimeout = () => this.emit('timeout');
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onError);
    socket.on('close', onClose);
    socket.on('timeout', onTimeout);
    this._detach = () => {
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      socket.removeListener('timeout', onTimeout);
    };
    nextTick(() => this.emit('socket', socket));
  }

  _responseDone() {
    const finishAndRelease = () => {
      const socket = this.socket;
      this._detach();
      if (this.agent) this.agent._release(socket, this._agentName, this._keepAfter && !socket.destroyed);
      else socket.destroy();
      this._close();
    };
    // as Node: the socket goes back to the agent once the response has ended (and the request finished)
    const afterEnd = () => {
      if (this.writableFinished) nextTick(finishAndRelease);
      else this.once('finish', finishAndRelease);
    };
    const res = this.res;
    if (res && !res.readableEnded && !res.destroyed && !res._dumped) res.once('end', afterEnd);
    else afterEnd();
  }

  _close() {
    if (this._closed) return;
    this._closed = true;
    const emit = () => { if (!this.destroyed) this.destroy(); else this.emit('close'); };
    if (this.res && !this.res.readableEnded && !this.res.destroyed) this.res.once('end', () => nextTick(emit));
    else nextTick(emit);
  }

  _socketError(err) {
    if (this._errored) return;
    this._errored = true;
    this.emit('error', err);
  }

  setTimeout(ms, cb) {
    if (cb) this.once('timeout', cb);
    if (this.socket) this.socket.setTimeout(ms);
    else this.once('socket', (s) => s.setTimeout(ms));
    return this;
  }
  setNoDelay() {}
  setSocketKeepAlive() {}
  abort() {
    if (this.aborted) return;
    this.aborted = true;
    nextTick(() => this.emit('abort'));
    this.destroy();
  }
  _destroy(err, cb) {
    if (this.res && !this.res.complete) { this.res.aborted = true; this.res.destroy(err || connResetError('aborted')); }
    if (this.socket && !this._closed) { this._detach(); this.socket.destroy(); }
    this._closed = true;
    if (err && !this._errored) { this._errored = true; cb(err); return; }
    cb(null);
  }
}

function connResetError(message) {
  const err = new Error(message);
  err.code = 'ECONNRESET';
  return err;
}
function abortError(signal) {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  if (signal && signal.reason !== undefined) err.cause = signal.reason;
  return err;
}

function urlToOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash, search: url.search, pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`, href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

function request(url, options, cb) { return new ClientRequest(url, options, cb); }
function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = {
  METHODS, STATUS_CODES, Agent, ClientRequest, IncomingMessage, OutgoingMessage, Server, ServerResponse,
  createServer, request, get, globalAgent, maxHeaderSize: kMaxHeaderSize, validateHeaderName, validateHeaderValue,
  setMaxIdleHTTPParsers() {},
  _urlToOptions: urlToOptions, _connResetError: connResetError,
};
