// Stream state shared by ReadableState and WritableState: as in Node 22, boolean fields live as bits of one integer
// (own property [kState]) behind accessors on the state's prototype. Bits 0-8 are common to both sides; each side
// numbers its own from 9. Also the highWaterMark defaults (64 KiB, 16 objects) and option check.
'use strict';

const kState = Symbol('kState');
const kOnConstructed = Symbol('kOnConstructed');
const kObjectMode = 1 << 0;
const kErrorEmitted = 1 << 1;
const kAutoDestroy = 1 << 2;
const kEmitClose = 1 << 3;
const kDestroyed = 1 << 4;
const kClosed = 1 << 5;
const kCloseEmitted = 1 << 6;
const kErrored = 1 << 7;
const kConstructed = 1 << 8;

/** A non-enumerable boolean accessor over one bit of this[kState]. */
function bitAccessor(bit) {
  return {
    enumerable: false,
    get() { return (this[kState] & bit) !== 0; },
    set(value) {
      if (value) this[kState] |= bit;
      else this[kState] &= ~bit;
    },
  };
}

/** An accessor that reads null (or `empty`) unless `bit` is set, the value itself kept under the symbol `slot`. */
function valueAccessor(bit, slot, empty = null) {
  return {
    enumerable: false,
    get() { return (this[kState] & bit) !== 0 ? this[slot] : empty; },
    set(value) {
      if (value) {
        this[slot] = value;
        this[kState] |= bit;
      } else {
        this[kState] &= ~bit;
      }
    },
  };
}

const defaultHighWaterMark = { bytes: 65536, objects: 16 };
function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultHighWaterMark.objects : defaultHighWaterMark.bytes;
}
function setDefaultHighWaterMark(objectMode, value) {
  if (typeof value !== 'number') throw internal.errors.invalidArgType('value', 'number', value);
  if (!Number.isInteger(value)) throw internal.errors.outOfRange('value', 'an integer', value);
  if (value < 0 || value > Number.MAX_SAFE_INTEGER) {
    throw internal.errors.outOfRange('value', `>= 0 && <= ${Number.MAX_SAFE_INTEGER}`, value);
  }
  defaultHighWaterMark[objectMode ? 'objects' : 'bytes'] = value;
}

/** options.highWaterMark, else (Duplex sides only) options[duplexKey], else the default for the state's mode. */
function getHighWaterMark(state, options, duplexKey, isDuplex) {
  const hwm = options.highWaterMark != null ? options.highWaterMark : isDuplex ? options[duplexKey] : null;
  if (hwm == null) return getDefaultHighWaterMark((state[kState] & kObjectMode) !== 0);
  if (!Number.isInteger(hwm) || hwm < 0) {
    throw internal.errors.invalidArgValue(isDuplex ? `options.${duplexKey}` : 'options.highWaterMark', hwm);
  }
  return Math.floor(hwm);
}

/** Constructor options that stand in for a stream's methods (`read` → `_read`, ...), and its abort `signal`. */
function adoptOptions(stream, options, methods) {
  for (const name of methods) if (typeof options[name] === 'function') stream['_' + name] = options[name];
  if (options.signal) require('internal/streams/add_abort_signal')(options.signal, stream);
}

module.exports = {
  adoptOptions, kState, kOnConstructed, kObjectMode, kErrorEmitted, kAutoDestroy, kEmitClose, kDestroyed, kClosed, kCloseEmitted,
  kErrored, kConstructed, bitAccessor, valueAccessor, getDefaultHighWaterMark, setDefaultHighWaterMark, getHighWaterMark,
};
