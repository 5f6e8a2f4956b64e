// node:dns — lookup through the kernel's resolver: VM names (localhost) answer locally; other names follow the
// sandbox's egress policy (denied → ENOTFOUND, as without DNS, with the reason in the message) and are resolved by
// the host when allowed.
'use strict';
const { bridge, OP, nextTick } = internal;
const errors = () => internal.errors;

function lookupError(negErrno, hostname) {
  // getaddrinfo's failures surface as ENOTFOUND in Node, and so does a name the sandbox's egress policy denies (as on
  // a machine without DNS); the message then says why and how to allow it.
  let message = `getaddrinfo ENOTFOUND ${hostname}`;
  if (negErrno === -13) { const reason = bridge(OP.LastDenial); if (reason) message += ` - ${reason}`; }
  const err = new Error(message);
  err.errno = -3008;
  err.code = 'ENOTFOUND';
  err.syscall = 'getaddrinfo';
  err.hostname = hostname;
  return err;
}

function family(address) { return address.includes(':') ? 6 : 4; }

function lookupSync(hostname, options) {
  if (typeof hostname !== 'string') throw errors().invalidArgType('hostname', 'string', hostname);
  if (typeof options === 'number') options = { family: options };
  options = options || {};
  const want = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family) || 0;
  const r = bridge(OP.DnsLookup, hostname || 'localhost');
  if (typeof r !== 'string') throw lookupError(r, hostname);
  let list = r.split('\0').filter(Boolean).map((address) => ({ address, family: family(address) }));
  if (want) list = list.filter((a) => a.family === want);
  if (!list.length) throw lookupError(-2, hostname);
  return options.all ? list : list[0];
}

function lookup(hostname, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  errors().validateFunction(callback, 'callback');
  let result;
  try { result = lookupSync(hostname, options); } catch (err) { nextTick(callback, err); return {}; }
  if (options && options.all) nextTick(callback, null, result);
  else nextTick(callback, null, result.address, result.family);
  return {};
}

function resolveVia(kind) {
  return function (hostname, cb) {
    try {
      const all = lookupSync(hostname, { all: true, family: kind === 'resolve6' ? 6 : 4 });
      nextTick(cb, null, all.map((a) => a.address));
    } catch (err) { nextTick(cb, err); }
  };
}
const resolve4 = resolveVia('resolve4');
const resolve6 = resolveVia('resolve6');
function notSupported(name) { return () => { throw errors().notSupported('dns.' + name); }; }

const promises = {
  lookup: (hostname, options) => new Promise((resolve, reject) => {
    try {
      const r = lookupSync(hostname, options);
      resolve(options && options.all ? r : r);
    } catch (err) { reject(err); }
  }),
  resolve4: (h) => new Promise((res, rej) => resolve4(h, (e, a) => (e ? rej(e) : res(a)))),
  resolve6: (h) => new Promise((res, rej) => resolve6(h, (e, a) => (e ? rej(e) : res(a)))),
};

module.exports = {
  lookup, resolve4, resolve6, promises,
  resolve: (h, type, cb) => { if (typeof type === 'function') { cb = type; type = 'A'; } (type === 'AAAA' ? resolve6 : resolve4)(h, cb); },
  resolveMx: notSupported('resolveMx'), resolveTxt: notSupported('resolveTxt'), resolveSrv: notSupported('resolveSrv'),
  resolveCname: notSupported('resolveCname'), resolveNs: notSupported('resolveNs'), reverse: notSupported('reverse'),
  setServers: notSupported('setServers'), getServers: () => [],
  setDefaultResultOrder() {}, getDefaultResultOrder: () => 'verbatim',
  ADDRCONFIG: 1024, V4MAPPED: 2048, ALL: 256,
  NOTFOUND: 'ENOTFOUND', NODATA: 'ENODATA', SERVFAIL: 'ESERVFAIL', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT',
};
