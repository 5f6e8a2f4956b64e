// node:readline — createInterface over streams (callback API); see internal/readline for the Interface.
'use strict';
const { InterfaceConstructor, kQuestion, kQuestionCancel, cursorTo, moveCursor, clearLine, clearScreenDown } = require('internal/readline');
const errors = internal.errors;

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  InterfaceConstructor.call(this, input, output, completer, terminal);
}
Object.setPrototypeOf(Interface.prototype, InterfaceConstructor.prototype);
Object.setPrototypeOf(Interface, InterfaceConstructor);

Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options === null || typeof options !== 'object') options = {};
  const signal = options.signal;
  if (signal) {
    if (signal.aborted) return;
    const onAbort = () => this[kQuestionCancel]();
    signal.addEventListener('abort', onAbort, { once: true });
    const original = cb;
    cb = (answer) => { signal.removeEventListener('abort', onAbort); original(answer); };
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};
Interface.prototype.question[Symbol.for('nodejs.util.promisify.custom')] = function question(query, options) {
  if (options === null || typeof options !== 'object') options = {};
  return new Promise((resolve, reject) => {
    const signal = options.signal;
    if (signal && signal.aborted) {
      const { AbortError } = internal.loadBuiltin('internal/abort');
      reject(new AbortError(undefined, { cause: signal.reason }));
      return;
    }
    this.question(query, options, resolve);
  });
};

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

function emitKeypressEvents() {
  throw errors.notSupported('readline.emitKeypressEvents (terminal key decoding)');
}

module.exports = {
  Interface, createInterface, clearLine, clearScreenDown, cursorTo, moveCursor, emitKeypressEvents,
  get promises() { return require('readline/promises'); },
};
