// node:tls — client connections through the host's TLS when the sandbox allows egress (tls.connect); TLS
// servers and secure contexts are not available.
'use strict';
const net = require('net');
const errors = () => internal.errors;

function connect(...args) {
  const [options, cb] = net._normalizeConnectArgs(args);
  const socket = new net.Socket(options);
  socket.encrypted = true;
  socket.authorized = true;
  socket.connect({ ...options, host: options.host || options.servername || 'localhost', _tls: true }, cb ? () => { socket.emit('secureConnect'); cb(); } : () => socket.emit('secureConnect'));
  return socket;
}
function createServer() { throw errors().notSupported('tls.createServer (TLS servers)'); }
function createSecureContext() { throw errors().notSupported('tls.createSecureContext'); }
class TLSSocket { constructor() { throw errors().notSupported('tls.TLSSocket'); } }
class Server { constructor() { throw errors().notSupported('tls.Server (TLS servers)'); } }

module.exports = {
  connect, createServer, createSecureContext, TLSSocket, Server,
  DEFAULT_MIN_VERSION: 'TLSv1.2', DEFAULT_MAX_VERSION: 'TLSv1.3', DEFAULT_ECDH_CURVE: 'auto',
  rootCertificates: [], getCiphers: () => [],
};
