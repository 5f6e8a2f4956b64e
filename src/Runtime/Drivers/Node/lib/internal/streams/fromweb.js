// Readable.fromWeb, Writable.fromWeb, Duplex.fromWeb: node streams over WHATWG streams (Node 22 marks them
// experimental). Strings written to a byte-mode side reach the web stream as Buffers; a web stream's error destroys
// the node stream, and destroying the node stream cancels/aborts the web one.
'use strict';
const { isReadableStream, isWritableStream } = require('internal/streams/utils');
const stream = () => require('stream');

function validate(value, name, check, type) {
  if (!check(value)) throw internal.errors.invalidArgType(name, type, value);
}

/** Node stream options taken from fromWeb's options (objectMode defaults to false, as in Node). */
function nodeOptions(options) {
  const { highWaterMark, encoding, objectMode = false, decodeStrings = true, allowHalfOpen } = options || {};
  return { highWaterMark, encoding, objectMode, decodeStrings, allowHalfOpen };
}

function readHalf(node, reader, state) {
  node._read = function () {
    reader.read().then(({ value, done }) => {
      if (done) node.push(null);
      else node.push(value);
    }, (err) => node.destroy(err));
  };
  reader.closed.then(() => { state.readClosed = true; }, (err) => { state.readClosed = true; node.destroy(err); });
}

function writeHalf(node, writer, state, decodeStrings, objectMode) {
  const { Buffer } = require('buffer');
  node._write = function (chunk, encoding, callback) {
    if (typeof chunk === 'string' && decodeStrings && !objectMode) chunk = Buffer.from(chunk, encoding);
    writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
  };
  node._final = function (callback) {
    if (state.writeClosed) { callback(); return; }
    writer.close().then(() => callback(), callback);
  };
  writer.closed.then(() => { state.writeClosed = true; }, (err) => { state.writeClosed = true; node.destroy(err); });
}

function readableFromWeb(readableStream, options) {
  validate(readableStream, 'readableStream', isReadableStream, 'ReadableStream');
  const opts = nodeOptions(options);
  const reader = readableStream.getReader();
  const state = { readClosed: false };
  const node = new (stream().Readable)({ highWaterMark: opts.highWaterMark, encoding: opts.encoding, objectMode: opts.objectMode });
  readHalf(node, reader, state);
  node._destroy = function (err, callback) {
    if (state.readClosed) { callback(err); return; }
    reader.cancel(err).then(() => callback(err), () => callback(err));
  };
  return node;
}

function writableFromWeb(writableStream, options) {
  validate(writableStream, 'writableStream', isWritableStream, 'WritableStream');
  const opts = nodeOptions(options);
  const writer = writableStream.getWriter();
  const state = { writeClosed: false };
  const node = new (stream().Writable)({ highWaterMark: opts.highWaterMark, objectMode: opts.objectMode, decodeStrings: opts.decodeStrings });
  writeHalf(node, writer, state, opts.decodeStrings, opts.objectMode);
  node._destroy = function (err, callback) {
    if (state.writeClosed) { callback(err); return; }
    writer.abort(err).then(() => callback(err), () => callback(err));
  };
  return node;
}

/** pair: { readable: ReadableStream, writable: WritableStream }, e.g. a TransformStream. */
function duplexFromWeb(pair, options) {
  validate(pair, 'pair', (p) => p !== null && typeof p === 'object', 'Object');
  validate(pair.readable, 'pair.readable', isReadableStream, 'ReadableStream');
  validate(pair.writable, 'pair.writable', isWritableStream, 'WritableStream');
  const opts = nodeOptions(options);
  const reader = pair.readable.getReader();
  const writer = pair.writable.getWriter();
  const state = { readClosed: false, writeClosed: false };
  const node = new (stream().Duplex)({
    highWaterMark: opts.highWaterMark, encoding: opts.encoding, objectMode: opts.objectMode,
    decodeStrings: opts.decodeStrings, allowHalfOpen: opts.allowHalfOpen,
  });
  readHalf(node, reader, state);
  writeHalf(node, writer, state, opts.decodeStrings, opts.objectMode);
  node._destroy = function (err, callback) {
    const pending = [];
    if (!state.writeClosed) pending.push(writer.abort(err));
    if (!state.readClosed) pending.push(reader.cancel(err));
    Promise.allSettled(pending).then(() => callback(err));
  };
  return node;
}

module.exports = { readableFromWeb, writableFromWeb, duplexFromWeb };
