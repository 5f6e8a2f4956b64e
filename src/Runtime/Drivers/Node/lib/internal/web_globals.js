// node:internal/web_globals — navigator, MessageEvent, and MessageChannel/MessagePort/BroadcastChannel (from
// internal/worker/).
'use strict';
const { Event } = require('internal/event_target');
const errors = internal.errors;

const kCreate = Symbol('create');
class Navigator {
  constructor(key) { if (key !== kCreate) throw errors.codedError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); }
  get hardwareConcurrency() { return require('os').availableParallelism(); }
  get language() { return 'en-US'; }
  get languages() { return ['en-US']; }
  get platform() { return 'Linux x86_64'; }
  get userAgent() { return `Node.js/${process.version.slice(1, process.version.indexOf('.'))}`; }
  get [Symbol.toStringTag]() { return 'Navigator'; }
}

class MessageEvent extends Event {
  #init;
  constructor(type, options = {}) {
    super(type, options);
    this.#init = {
      data: options && options.data !== undefined ? options.data : null,
      origin: options && options.origin !== undefined ? `${options.origin}` : '',
      lastEventId: options && options.lastEventId !== undefined ? `${options.lastEventId}` : '',
      source: options && options.source !== undefined ? options.source : null,
      ports: options && options.ports !== undefined ? [...options.ports] : [],
    };
  }
  get data() { return this.#init.data; }
  get origin() { return this.#init.origin; }
  get lastEventId() { return this.#init.lastEventId; }
  get source() { return this.#init.source; }
  get ports() { return this.#init.ports; }
  get [Symbol.toStringTag]() { return 'MessageEvent'; }
}

module.exports = { navigator: new Navigator(kCreate), Navigator, MessageEvent };
// MessageChannel, MessagePort and BroadcastChannel are node:worker_threads' (between isolates), loaded on first use.
for (const name of ['MessageChannel', 'MessagePort']) {
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => require('internal/worker/messaging')[name] });
}
Object.defineProperty(module.exports, 'BroadcastChannel', { enumerable: true, get: () => require('internal/worker/broadcast').BroadcastChannel });
