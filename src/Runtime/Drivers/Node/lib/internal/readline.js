// node:internal/readline — the Interface shared by node:readline and node:readline/promises, in
// non-terminal mode (line splitting with crlfDelay, prompt, question, pause/resume, async iteration),
// and the ANSI cursor helpers.
'use strict';
const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const errors = internal.errors;

const lineEnding = /\r?\n|\r(?!\n)/g;
const kQuestionCallback = Symbol('questionCallback');
const kOldPrompt = Symbol('oldPrompt');
const kSawReturnAt = Symbol('sawReturnAt');
const kLineBuffer = Symbol('lineBuffer');
const kDecoder = Symbol('decoder');
const kOnLine = Symbol('onLine');
const kQuestion = Symbol('question');
const kQuestionCancel = Symbol('questionCancel');
const CSI = '\x1b[';

function useAfterClose() {
  return errors.codedError(Error, 'ERR_USE_AFTER_CLOSE', 'readline was closed');
}

function InterfaceConstructor(input, output, completer, terminal) {
  EventEmitter.call(this);
  let crlfDelay;
  let prompt = '> ';
  let signal;
  if (input && input.input) {
    // an options object
    const options = input;
    output = options.output;
    completer = options.completer;
    terminal = options.terminal;
    signal = options.signal;
    if (options.prompt !== undefined) prompt = options.prompt;
    crlfDelay = options.crlfDelay;
    input = options.input;
    if (options.historySize !== undefined && (typeof options.historySize !== 'number' || Number.isNaN(options.historySize) || options.historySize < 0)) {
      throw errors.codedError(RangeError, 'ERR_INVALID_ARG_VALUE', `The argument 'historySize' must be a positive number. Received ${options.historySize}`);
    }
  }
  if (completer !== undefined && typeof completer !== 'function') {
    throw errors.invalidArgValue('completer', completer);
  }
  if (terminal === undefined && !(output === null || output === undefined)) terminal = !!output.isTTY;
  this.output = output;
  this.input = input;
  this.completer = completer;
  this.crlfDelay = crlfDelay ? Math.max(100, crlfDelay) : 100;
  // Line editing on a raw TTY is not built: a terminal interface reads lines like a non-terminal one.
  this.terminal = !!terminal;
  this.line = '';
  this.cursor = 0;
  this.history = [];
  this.closed = false;
  this.paused = false;
  this._prompt = prompt;
  this[kQuestionCallback] = null;
  this[kSawReturnAt] = 0;
  this[kLineBuffer] = null;
  this[kDecoder] = new StringDecoder('utf8');

  const self = this;
  this._ondata = (data) => self._normalWrite(data);
  this._onend = () => {
    if (typeof self[kLineBuffer] === 'string' && self[kLineBuffer].length > 0) self.emit('line', self[kLineBuffer]);
    self.close();
  };
  this._onerror = (err) => self.emit('error', err);
  input.on('error', this._onerror);
  input.on('data', this._ondata);
  input.on('end', this._onend);
  this.once('close', () => {
    input.removeListener('data', self._ondata);
    input.removeListener('error', self._onerror);
    input.removeListener('end', self._onend);
  });
  if (signal) {
    const onAborted = () => self.close();
    if (signal.aborted) internal.nextTick(onAborted);
    else {
      signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
  input.resume();
}
Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

const proto = InterfaceConstructor.prototype;
Object.defineProperty(proto, 'columns', {
  configurable: true, enumerable: true,
  get() { return this.output && this.output.columns ? this.output.columns : Infinity; },
});
proto.setPrompt = function setPrompt(prompt) { this._prompt = prompt; };
proto.getPrompt = function getPrompt() { return this._prompt; };
proto._writeToOutput = function _writeToOutput(text) {
  if (typeof text !== 'string') throw errors.invalidArgType('stringToWrite', 'string', text);
  if (this.output !== null && this.output !== undefined) this.output.write(text);
};
proto.prompt = function prompt() {
  if (this.paused) this.resume();
  this._writeToOutput(this._prompt);
};
proto[kQuestion] = function question(query, cb) {
  if (this.closed) throw useAfterClose();
  if (this[kQuestionCallback]) {
    this.prompt();
  } else {
    this[kOldPrompt] = this._prompt;
    this.setPrompt(query);
    this[kQuestionCallback] = cb;
    this.prompt();
  }
};
proto[kQuestionCancel] = function questionCancel() {
  if (this[kQuestionCallback]) {
    this[kQuestionCallback] = null;
    this.setPrompt(this[kOldPrompt]);
    this.clearLine();
  }
};
proto.clearLine = function clearLine() {
  this.line = '';
  this.cursor = 0;
};
proto[kOnLine] = function onLine(line) {
  if (this[kQuestionCallback]) {
    const cb = this[kQuestionCallback];
    this[kQuestionCallback] = null;
    this.setPrompt(this[kOldPrompt]);
    cb(line);
  } else {
    this.emit('line', line);
  }
};
proto._normalWrite = function normalWrite(b) {
  if (b === undefined) return;
  let string = typeof b === 'string' ? b : this[kDecoder].write(b);
  if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
    if (string.codePointAt(0) === 10) string = string.slice(1);
    this[kSawReturnAt] = 0;
  }
  lineEnding.lastIndex = 0;
  let match = lineEnding.exec(string);
  if (match !== null) {
    if (this[kLineBuffer]) {
      string = this[kLineBuffer] + string;
      this[kLineBuffer] = null;
      lineEnding.lastIndex = 0;
      match = lineEnding.exec(string);
    }
    this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
    const indexes = [0, match.index, lineEnding.lastIndex];
    let next;
    while ((next = lineEnding.exec(string)) !== null) indexes.push(next.index, lineEnding.lastIndex);
    const last = indexes.length - 1;
    this[kLineBuffer] = string.slice(indexes[last]);
    for (let i = 1; i < last; i += 2) this[kOnLine](string.slice(indexes[i - 1], indexes[i]));
  } else if (string) {
    this[kLineBuffer] = this[kLineBuffer] ? this[kLineBuffer] + string : string;
  }
};
proto.write = function write(data) {
  if (this.paused) this.resume();
  if (this.closed) throw useAfterClose();
  this._normalWrite(data);
};
proto.pause = function pause() {
  if (this.paused) return undefined;
  this.input.pause();
  this.paused = true;
  this.emit('pause');
  return this;
};
proto.resume = function resume() {
  if (!this.paused) return undefined;
  this.input.resume();
  this.paused = false;
  this.emit('resume');
  return this;
};
proto.close = function close() {
  if (this.closed) return;
  this.pause();
  this.closed = true;
  this.emit('close');
};
proto.getCursorPos = function getCursorPos() {
  const text = this._prompt + this.line.slice(0, this.cursor);
  return { rows: 0, cols: text.length };
};
proto[Symbol.asyncIterator] = function asyncIterator() {
  if (this._lineIterator) return this._lineIterator;
  const lines = [];
  const waiting = [];
  let done = this.closed;
  let error = null;
  const self = this;
  const onLine = (line) => {
    if (waiting.length) waiting.shift().resolve({ value: line, done: false });
    else {
      lines.push(line);
      if (lines.length >= 1024 && !self.paused) self.pause();
    }
  };
  const finish = () => {
    done = true;
    self.removeListener('line', onLine);
    while (waiting.length) waiting.shift().resolve({ value: undefined, done: true });
  };
  const onError = (err) => {
    error = err;
    while (waiting.length) waiting.shift().reject(err);
  };
  this.on('line', onLine);
  this.once('close', finish);
  this.on('error', onError);
  const iterator = {
    next() {
      if (lines.length) {
        const value = lines.shift();
        if (lines.length < 1024 && self.paused && !self.closed) self.resume();
        return Promise.resolve({ value, done: false });
      }
      if (error) { const e = error; error = null; return Promise.reject(e); }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      self.close();
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      self.close();
      finish();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() { return this; },
  };
  this._lineIterator = iterator;
  return iterator;
};

// ---- ANSI helpers ----
function writeOrCallback(stream, data, callback) {
  if (stream == null) {
    if (typeof callback === 'function') internal.nextTick(callback, null);
    return true;
  }
  return stream.write(data, callback);
}

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined && typeof callback !== 'function') throw errors.invalidArgType('callback', 'function', callback);
  if (typeof y === 'function') { callback = y; y = undefined; }
  if (Number.isNaN(x)) throw errors.invalidArgValue('x', x);
  if (Number.isNaN(y)) throw errors.invalidArgValue('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    if (typeof callback === 'function') internal.nextTick(callback, null);
    return true;
  }
  if (typeof x !== 'number') throw errors.codedError(TypeError, 'ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column');
  const data = typeof y !== 'number' ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined && typeof callback !== 'function') throw errors.invalidArgType('callback', 'function', callback);
  if (stream == null || !(dx || dy)) {
    if (typeof callback === 'function') internal.nextTick(callback, null);
    return true;
  }
  let data = '';
  if (dx < 0) data += `${CSI}${-dx}D`;
  else if (dx > 0) data += `${CSI}${dx}C`;
  if (dy < 0) data += `${CSI}${-dy}A`;
  else if (dy > 0) data += `${CSI}${dy}B`;
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  if (callback !== undefined && typeof callback !== 'function') throw errors.invalidArgType('callback', 'function', callback);
  const type = dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`;
  return writeOrCallback(stream, type, callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined && typeof callback !== 'function') throw errors.invalidArgType('callback', 'function', callback);
  return writeOrCallback(stream, `${CSI}0J`, callback);
}

module.exports = {
  InterfaceConstructor, kQuestion, kQuestionCancel, cursorTo, moveCursor, clearLine, clearScreenDown, useAfterClose, CSI,
};
