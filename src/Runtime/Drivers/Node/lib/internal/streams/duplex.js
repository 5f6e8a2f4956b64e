// Duplex: a Readable that also has Writable's methods and state (Node 22's duplex.js). `readable: false` /
// `writable: false` start that side ended; allowHalfOpen false ends the writable side after 'end'.
'use strict';
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const destroyImpl = require('internal/streams/destroy');
const { kOnConstructed, adoptOptions } = require('internal/streams/state');
const { ReadableState } = Readable;
const { WritableState } = Writable;

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  if (this._events === undefined) {
    this._events = {
      close: undefined, error: undefined, prefinish: undefined, finish: undefined, drain: undefined,
      data: undefined, end: undefined, readable: undefined,
    };
  }
  this._readableState = new ReadableState(options, this, true);
  this._writableState = new WritableState(options, this, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
    adoptOptions(this, options, ['read', 'write', 'writev', 'destroy', 'final', 'construct']);
  } else {
    this.allowHalfOpen = true;
  }
  require('internal/streams/legacy').Stream.call(this, options);
  if (this._construct != null) {
    destroyImpl.construct(this, () => {
      this._readableState[kOnConstructed](this);
      this._writableState[kOnConstructed](this);
    });
  }
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

// Writable's methods that Readable lacks (write, end, cork, ...), then its accessors.
for (const key of Object.keys(Writable.prototype)) {
  if (!Duplex.prototype[key]) Duplex.prototype[key] = Writable.prototype[key];
}
Duplex.prototype.destroy = Writable.prototype.destroy; // fails the queued writes too
for (const key of ['writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer', 'writableLength',
  'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain']) {
  Object.defineProperty(Duplex.prototype, key, Object.getOwnPropertyDescriptor(Writable.prototype, key));
}
Object.defineProperty(Duplex.prototype, 'destroyed', {
  enumerable: false,
  get() {
    if (this._readableState === undefined || this._writableState === undefined) return false;
    return this._readableState.destroyed && this._writableState.destroyed;
  },
  set(value) {
    if (this._readableState && this._writableState) {
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    }
  },
});

Duplex.from = function (body) { return require('internal/streams/duplexify').duplexify(body, 'body'); };
Duplex.fromWeb = function (pair, options) { return require('internal/streams/fromweb').duplexFromWeb(pair, options); };
Duplex.toWeb = function (duplex) { return require('internal/streams/toweb').duplexToWeb(duplex); };

module.exports = Duplex;
