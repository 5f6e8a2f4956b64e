// node:https — clients only: requests go through the host's TLS (validated against the host's trust store)
// when the sandbox allows egress; servers need certificates the sandbox cannot serve and fail loudly.
'use strict';
const http = require('http');
const errors = () => internal.errors;

class Agent extends http.Agent {
  constructor(options = {}) {
    super(options);
    this.defaultPort = 443;
    this.protocol = 'https:';
  }
}
const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
const defaults = { protocol: 'https:', port: 443, agent: globalAgent, tls: true };

function request(url, options, cb) { return new http.ClientRequest(url, options, cb, defaults); }
function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}
function createServer() { throw errors().notSupported('https.createServer (TLS servers)'); }
class Server { constructor() { throw errors().notSupported('https.Server (TLS servers)'); } }

module.exports = { Agent, globalAgent, request, get, createServer, Server };
