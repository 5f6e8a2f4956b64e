// node:internal/worker/broadcast — BroadcastChannel between every thread (isolate) of the process: a message goes to
// all other open channels of the same name, as a structured clone. Like Node, an open channel keeps the loop alive
// until close() or unref().
'use strict';
const { EventTarget, defineEventHandler } = require('internal/event_target');
const { DOMException } = require('internal/dom_exception');
const { serializeMessage, deserializeMessage } = require('internal/worker/messaging');
const { bridge, OP } = internal;
const errors = internal.errors;

const kState = Symbol('broadcastState');

class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
    super();
    const handle = internal.nextId();
    const state = { name: `${name}`, handle, id: 0, ref: true };
    Object.defineProperty(this, kState, { value: state });
    internal.callbacks.set(handle, () => onMessage(this));
    state.id = bridge(OP.BroadcastJoin, state.name, handle);
    if (state.id < 0) {
      internal.callbacks.delete(handle);
      throw errors.codedError(Error, 'ERR_WORKER_INIT_FAILED', 'BroadcastChannel could not be opened');
    }
    bridge(OP.LoopRef, handle, true);
  }
  get name() { return this[kState].name; }
  postMessage(message) {
    if (arguments.length === 0) throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
    const state = this[kState];
    if (state.id === 0) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    const blob = internal.blobFromBytes(serializeMessage(message).bytes);
    bridge(OP.BroadcastPost, state.id, blob);
  }
  close() {
    const state = this[kState];
    if (state.id === 0) return;
    bridge(OP.BroadcastClose, state.id);
    state.id = 0;
    internal.callbacks.delete(state.handle);
    bridge(OP.LoopRef, state.handle, false);
  }
  ref() { const s = this[kState]; s.ref = true; if (s.id !== 0) bridge(OP.LoopRef, s.handle, true); return this; }
  unref() { const s = this[kState]; s.ref = false; bridge(OP.LoopRef, s.handle, false); return this; }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return `BroadcastChannel ${inspect({ name: this.name, active: this[kState].id !== 0 }, options)}`;
  }
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

function onMessage(channel) {
  const state = channel[kState];
  if (state.id === 0) return;
  const blob = bridge(OP.BroadcastReceive, state.id);
  if (typeof blob !== 'number' || blob <= 0) return;
  const bytes = internal.blobToBuffer(blob);
  const { MessageEvent } = require('internal/web_globals');
  let data;
  try {
    data = deserializeMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), []).data;
  } catch (err) {
    channel.dispatchEvent(new MessageEvent('messageerror', { data: err }));
    return;
  }
  channel.dispatchEvent(new MessageEvent('message', { data }));
}

module.exports = { BroadcastChannel };
