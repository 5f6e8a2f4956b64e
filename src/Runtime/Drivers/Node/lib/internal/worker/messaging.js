// node:internal/worker/messaging — MessagePort and MessageChannel between isolates of one process. A port is a
// host-side entity (owned by one isolate at a time); messages are V8 serialization bytes (internal/v8_serdes)
// moved by the host, so every message is a structured clone. Ports travel in transfer lists; ArrayBuffers in a
// transfer list are detached in the sender. SharedArrayBuffer cannot be shared across isolates here.
'use strict';
const EventEmitter = require('events');
const { EventTarget, defineEventHandler } = require('internal/event_target');
const messageEvent = (type, init) => new (require('internal/web_globals').MessageEvent)(type, init);
const { DOMException } = require('internal/dom_exception');
const { Serializer, Deserializer } = require('internal/v8_serdes');
const { bridge, OP } = internal;
const errors = internal.errors;

const kCreate = Symbol('create');
const untransferable = new WeakSet(); // worker_threads.markAsUntransferable
const kId = Symbol('portId');
const kState = Symbol('portState');
const NOTICE_MESSAGE = 0;
const EBADF = Number(Object.keys(internal.info.errnos).find((n) => internal.info.errnos[n][0] === 'EBADF'));

const dataCloneError = (message) => new DOMException(message, 'DataCloneError');

class MessageSerializer extends Serializer {
  constructor(ports) { super(); this._ports = ports; }
  _getDataCloneError(message) { return dataCloneError(message); }
  writeValue(value) {
    if (value instanceof MessagePort) {
      const index = this._ports.indexOf(value);
      if (index < 0) throw dataCloneError('Object that needs transfer was found in message but not listed in transferList');
      this._ids.set(value, this._nextId++);
      this._tag('\\');
      this.writeUint32(index);
      return true;
    }
    return super.writeValue(value);
  }
  _writeHostObject(object) {
    if (Object.prototype.toString.call(object) === '[object SharedArrayBuffer]') {
      throw dataCloneError('#<SharedArrayBuffer> could not be cloned: each worker is a separate V8 isolate in this sandbox, ' +
        'so SharedArrayBuffer memory cannot be shared between threads (ERR_NOT_SUPPORTED_IN_SANDBOX)');
    }
    throw this._cannotClone(object);
  }
}

class MessageDeserializer extends Deserializer {
  constructor(bytes, ports) { super(bytes); this._ports = ports; }
  _readHostObject() {
    const port = this._ports[this.readUint32()];
    if (!port) throw this._fail();
    return port;
  }
}

/** value + transfer list → { bytes, ports (ids), buffers to detach }; throws DataCloneError like V8. */
function serializeMessage(value, transferList, sourcePort) {
  const ports = [];
  const buffers = [];
  if (transferList !== undefined && transferList !== null) {
    let list = transferList;
    if (!Array.isArray(list) && typeof list === 'object' && !(Symbol.iterator in list) && 'transfer' in list) list = list.transfer;
    if (list === undefined || list === null) list = [];
    if (typeof list !== 'object' || typeof list[Symbol.iterator] !== 'function') {
      throw errors.invalidArgType('transferList', 'Array', transferList);
    }
    for (const item of list) {
      if (item instanceof MessagePort) {
        if (item === sourcePort) throw dataCloneError('Transfer list contains source port');
        if (item[kState].detached || item[kState].closed) throw dataCloneError('MessagePort in transfer list is already detached');
        if (ports.includes(item)) throw dataCloneError('Transfer list contains duplicate MessagePort');
        ports.push(item);
      } else if (item instanceof ArrayBuffer) {
        if (untransferable.has(item)) throw dataCloneError('An ArrayBuffer is marked as untransferable and could not be transferred.');
        if (item.detached) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
        if (buffers.includes(item)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
        buffers.push(item);
      } else {
        throw dataCloneError('Value not transferable');
      }
    }
  }
  const ser = new MessageSerializer(ports);
  ser.writeHeader();
  ser.writeValue(value);
  return { bytes: ser.releaseBuffer(), ports, buffers };
}

function deserializeMessage(bytes, portIds) {
  const ports = portIds.map((id) => createPort(id));
  const der = new MessageDeserializer(bytes, ports);
  der.readHeader();
  return { data: der.readValue(), ports };
}

/** Sends through port id `portId`: serialize, move the bytes, detach what was transferred. */
function post(portId, value, transferList, sourcePort) {
  const { bytes, ports, buffers } = serializeMessage(value, transferList, sourcePort);
  let blob = 0;
  if (bytes.length <= internal.scratchSize) internal.scratch.set(bytes);
  else blob = internal.blobFromBytes(bytes);
  const r = bridge(OP.PortPost, portId, blob, ports.map((p) => p[kId]).join(','), bytes.length);
  if (r < 0) {
    if (blob !== 0) bridge(OP.BlobFree, blob);
    if (r !== -EBADF) throw dataCloneError('MessagePort in transfer list is not owned by this thread');
    return; // a port that is no longer ours: the message is dropped
  }
  detachTransferred({ ports, buffers });
}

/** After a successful send: transferred ports leave this isolate, transferred ArrayBuffers are detached. */
function detachTransferred({ ports, buffers }) {
  for (const p of ports) detach(p);
  for (const b of buffers) b.transfer();
}

/** The next message of a port as { data, ports }, or undefined. */
function receive(portId) {
  const r = bridge(OP.PortReceive, portId);
  if (typeof r !== 'string' || r === '') return undefined;
  const parts = r.split(',');
  const ports = parts.slice(1).map(Number);
  if (parts[0][0] === '=') return deserializeMessage(internal.scratch.slice(0, Number(parts[0].slice(1))), ports);
  const bytes = internal.blobToBuffer(Number(parts[0]));
  return deserializeMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), ports);
}

class MessagePort extends EventTarget {
  constructor(key, id) {
    if (key !== kCreate) throw errors.codedError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
    super();
    const handle = internal.nextId();
    Object.defineProperty(this, kId, { value: id });
    Object.defineProperty(this, kState, {
      value: { handle, started: false, ref: true, closed: false, detached: false, emitter: new EventEmitter() },
    });
    internal.callbacks.set(handle, (notice) => onNotice(this, notice));
    bridge(OP.PortBind, id, handle);
  }
  postMessage(value, transferList) {
    if (arguments.length === 0) throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
    const state = this[kState];
    if (state.detached) return;
    post(this[kId], value, transferList, this);
  }
  start() {
    const state = this[kState];
    if (state.started || state.closed || state.detached) return;
    state.started = true;
    bridge(OP.PortStart, this[kId], true);
    updateRef(this);
  }
  close() {
    const state = this[kState];
    if (state.closed || state.detached) return;
    bridge(OP.PortClose, this[kId]);
  }
  ref() { this[kState].ref = true; updateRef(this); return this; }
  unref() { this[kState].ref = false; updateRef(this); return this; }
  hasRef() { const s = this[kState]; return s.ref && s.started && !s.closed && !s.detached; }
  addEventListener(type, listener, options) {
    super.addEventListener(type, listener, options);
    if (type === 'message') this.start();
  }
  // Node's NodeEventTarget surface: 'message' listeners receive the value, not the event.
  on(type, listener) { return addNodeListener(this, type, listener, false); }
  addListener(type, listener) { return addNodeListener(this, type, listener, false); }
  once(type, listener) { return addNodeListener(this, type, listener, true); }
  off(type, listener) { this[kState].emitter.off(type, listener); afterRemove(this, type); return this; }
  removeListener(type, listener) { return this.off(type, listener); }
  removeAllListeners(type) { this[kState].emitter.removeAllListeners(type); afterRemove(this, type); return this; }
  emit(type, ...args) { return this[kState].emitter.emit(type, ...args); }
  listenerCount(type) { return this[kState].emitter.listenerCount(type); }
  eventNames() { return this[kState].emitter.eventNames(); }
  setMaxListeners(n) { this[kState].emitter.setMaxListeners(n); return this; }
  getMaxListeners() { return this[kState].emitter.getMaxListeners(); }
  get [Symbol.toStringTag]() { return 'MessagePort'; }
}
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');
defineEventHandler(MessagePort.prototype, 'close');
const onmessageDesc = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
Object.defineProperty(MessagePort.prototype, 'onmessage', {
  ...onmessageDesc,
  set(handler) { onmessageDesc.set.call(this, handler); if (typeof handler === 'function') this.start(); },
});

function addNodeListener(port, type, listener, once) {
  const { emitter } = port[kState];
  if (once) emitter.once(type, listener);
  else emitter.on(type, listener);
  if (type === 'message') { port.start(); updateRef(port); }
  return port;
}

function afterRemove(port, type) {
  if (type === undefined || type === 'message') updateRef(port);
}

function updateRef(port) {
  const s = port[kState];
  bridge(OP.LoopRef, s.handle, s.ref && s.started && !s.closed && !s.detached);
}

function detach(port) {
  const s = port[kState];
  s.detached = true;
  internal.callbacks.delete(s.handle);
  bridge(OP.LoopRef, s.handle, false);
}

function onNotice(port, notice) {
  const s = port[kState];
  if (s.detached) return;
  if (notice === NOTICE_MESSAGE) {
    let message;
    try {
      message = receive(port[kId]);
    } catch (err) {
      port.dispatchEvent(messageEvent('messageerror', { data: err }));
      s.emitter.emit('messageerror', err);
      return;
    }
    if (message === undefined) return;
    dispatchMessage(port, message);
    return;
  }
  // closed: messages that arrived before the close are still delivered first
  for (let m = receive(port[kId]); m !== undefined && s.started; m = receive(port[kId])) dispatchMessage(port, m);
  s.closed = true;
  internal.callbacks.delete(s.handle);
  updateRef(port);
  port.dispatchEvent(messageEvent('close'));
  s.emitter.emit('close');
}

function dispatchMessage(port, { data, ports }) {
  port.dispatchEvent(messageEvent('message', { data, ports }));
  port[kState].emitter.emit('message', data);
}

function createPort(id) { return new MessagePort(kCreate, id); }

class MessageChannel {
  constructor() {
    const id = bridge(OP.PortPair);
    if (id < 0) throw errors.codedError(Error, 'ERR_WORKER_INIT_FAILED', 'MessageChannel could not be created');
    Object.defineProperty(this, 'port1', { value: createPort(id), enumerable: true });
    Object.defineProperty(this, 'port2', { value: createPort(id + 1), enumerable: true });
  }
  get [Symbol.toStringTag]() { return 'MessageChannel'; }
}

/** worker_threads.receiveMessageOnPort: the next queued message as { message }, or undefined. */
function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) throw errors.invalidArgType('port', 'MessagePort', port);
  if (port[kState].detached) return undefined;
  const m = receive(port[kId]);
  return m === undefined ? undefined : { message: m.data };
}

module.exports = { detachTransferred, untransferable, MessagePort, MessageChannel, receiveMessageOnPort, createPort, post, receive, serializeMessage, deserializeMessage, kId };
