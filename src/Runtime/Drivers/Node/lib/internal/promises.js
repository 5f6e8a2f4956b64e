// node:internal/promises — unhandled promise rejections like Node 22's processPromiseRejections. The host
// reports V8's rejection events (rejected without a handler / handler added later) after each tick and
// microtask drain; this module keeps the bookkeeping and applies --unhandled-rejections=MODE.
'use strict';
const process = internal.process;

const maybeUnhandled = new WeakMap(); // promise → { reason, uid, warned }
const pending = [];                   // promises rejected without a handler, in order
const asyncHandled = [];              // { promise, warning } handled after a warning/emit
let lastUid = 0;

function modeFromArgv() {
  let mode = 'throw';
  for (const a of internal.info.options) {
    if (a.startsWith('--unhandled-rejections=')) mode = a.slice('--unhandled-rejections='.length);
  }
  return mode;
}
const mode = modeFromArgv();

/** V8's NoSideEffectsToString, for the message of UnhandledPromiseRejection and warnings. */
function noSideEffectsToString(value) {
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return '[object Array]';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const proto = Object.getPrototypeOf(value);
  const ctor = proto && Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor : undefined;
  if (typeof ctor === 'function' && ctor.name) return `#<${ctor.name}>`;
  return '[object Object]';
}

function isErrorLike(o) {
  return typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, 'stack');
}

class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    super('This error originated either by throwing inside of an async function without a catch block, ' +
      'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "' +
      noSideEffectsToString(reason) + '".');
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', { value: 'UnhandledPromiseRejection', configurable: true, writable: true });

function warning(name, message) {
  const w = new Error(message);
  w.name = name;
  return w;
}

/** A host event: kind 0 = rejected without a handler, 1 = a handler was added after that. */
function onRejection(kind, promise, reason) {
  if (kind === 0) {
    if (internal.isImportEcho && internal.isImportEcho(promise, reason)) return;
    maybeUnhandled.set(promise, { reason, uid: ++lastUid, warned: false });
    pending.push(promise);
    return;
  }
  const info = maybeUnhandled.get(promise);
  if (info === undefined) return;
  maybeUnhandled.delete(promise);
  if (info.warned) {
    asyncHandled.push({ promise, warning: warning('PromiseRejectionHandledWarning', `Promise rejection was handled asynchronously (rejection id: ${info.uid})`) });
  }
}

function emitUnhandledRejectionWarning(uid, reason) {
  const w = warning('UnhandledPromiseRejectionWarning', 'Unhandled promise rejection. This error originated either by ' +
    'throwing inside of an async function without a catch block, or by rejecting a promise which was not handled ' +
    'with .catch(). To terminate the node process on unhandled promise rejection, use the CLI flag ' +
    '`--unhandled-rejections=strict` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${uid})`);
  try {
    process.emitWarning(isErrorLike(reason) ? reason.stack : noSideEffectsToString(reason), 'UnhandledPromiseRejectionWarning');
  } catch { /* a hostile reason must not stop the report */ }
  process.emitWarning(w);
}

function asError(reason) {
  return isErrorLike(reason) ? reason : new UnhandledPromiseRejection(reason);
}

/** Returns 1 when guest code ran (ticks or microtasks may be queued) | 2 when rejections are still pending. */
function processRejections() {
  if (process._exiting) return 0;
  let ran = asyncHandled.length > 0;
  while (asyncHandled.length > 0) {
    const { promise, warning: w } = asyncHandled.shift();
    if (!process.emit('rejectionHandled', promise)) process.emitWarning(w);
  }
  let len = pending.length;
  while (len--) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason, uid } = info;
    if (internal.takeFatalReason(reason)) continue; // the ES module evaluation error the host already reported
    const emit = () => process.emit('unhandledRejection', reason, promise);
    switch (mode) {
      case 'strict': {
        internal.handleUncaught(asError(reason), 'unhandledRejection');
        if (!emit()) emitUnhandledRejectionWarning(uid, reason);
        break;
      }
      case 'none':
        emit();
        break;
      case 'warn':
        emit();
        emitUnhandledRejectionWarning(uid, reason);
        break;
      case 'warn-with-error-code':
        if (!emit()) {
          emitUnhandledRejectionWarning(uid, reason);
          process.exitCode = 1;
        }
        break;
      default: // throw
        if (!emit()) internal.handleUncaught(asError(reason), 'unhandledRejection');
        break;
    }
    ran = true;
  }
  return (ran ? 1 : 0) | (pending.length > 0 ? 2 : 0);
}

module.exports = { onRejection, processRejections, UnhandledPromiseRejection };
