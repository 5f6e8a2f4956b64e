// node:readline/promises — Interface whose question() returns a promise, and the Readline ANSI batcher.
'use strict';
const { InterfaceConstructor, kQuestion, kQuestionCancel, CSI } = require('internal/readline');
const errors = internal.errors;

function abortError(signal) {
  const { AbortError } = internal.loadBuiltin('internal/abort');
  return new AbortError(undefined, { cause: signal.reason });
}

class Interface extends InterfaceConstructor {
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      const signal = options && options.signal;
      if (signal) {
        if (signal.aborted) { reject(abortError(signal)); return; }
        const onAbort = () => { this[kQuestionCancel](); reject(abortError(signal)); };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => { signal.removeEventListener('abort', onAbort); resolve(answer); };
      }
      this[kQuestion](query, cb);
    });
  }
}

class Readline {
  #stream;
  #todo = [];
  #autoCommit;
  constructor(stream, options = undefined) {
    if (!(stream instanceof require('stream').Writable)) throw errors.invalidArgType('stream', 'Writable', stream);
    this.#stream = stream;
    this.#autoCommit = !!(options && options.autoCommit);
  }
  #add(data) {
    if (this.#autoCommit) internal.nextTick(() => this.#stream.write(data));
    else this.#todo.push(data);
    return this;
  }
  cursorTo(x, y = undefined) {
    if (typeof x !== 'number' || Number.isNaN(x)) throw errors.invalidArgType('x', 'number', x);
    if (y !== undefined && (typeof y !== 'number' || Number.isNaN(y))) throw errors.invalidArgType('y', 'number', y);
    return this.#add(y === undefined ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`);
  }
  moveCursor(dx, dy) {
    if (dx || dy) {
      let data = '';
      if (dx < 0) data += `${CSI}${-dx}D`;
      else if (dx > 0) data += `${CSI}${dx}C`;
      if (dy < 0) data += `${CSI}${-dy}A`;
      else if (dy > 0) data += `${CSI}${dy}B`;
      this.#add(data);
    }
    return this;
  }
  clearLine(dir) {
    if (typeof dir !== 'number') throw errors.invalidArgType('dir', 'number', dir);
    return this.#add(dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`);
  }
  clearScreenDown() { return this.#add(`${CSI}0J`); }
  commit() {
    const data = this.#todo.join('');
    this.#todo = [];
    return new Promise((resolve) => this.#stream.write(data, () => resolve()));
  }
  rollback() { this.#todo = []; return this; }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
