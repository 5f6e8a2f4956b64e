// node:zlib — deflate/inflate/gzip/gunzip/deflateRaw/inflateRaw/unzip and brotli as Transform streams over
// host-side codecs (compression by .NET's zlib and brotli, inflate by the host's own decoder with zlib's
// messages), plus the sync and callback convenience forms and crc32.
'use strict';
const { bridge, OP } = internal;
const errors = internal.errors;
const { Buffer } = require('buffer');
const { Transform } = require('stream');
const constants = require('internal/zlib/constants');

const codes = { Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6 };
for (const key of Object.keys(codes)) codes[codes[key]] = key;
Object.freeze(codes);

const kMaxLength = 2 ** 32;
const kFlushFlag = Symbol('kFlushFlag');
const kId = Symbol('zlibId');

function checkFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  if (typeof number !== 'number') throw errors.invalidArgType(name, 'number', number);
  throw errors.outOfRange(name, 'a finite number', number);
}
function checkRange(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) throw errors.outOfRange(name, upper === Infinity ? `>= ${lower}` : `>= ${lower} and <= ${upper}`, number);
  return number;
}

function zlibError(id) {
  const [errno, ...rest] = String(bridge(OP.ZlibError, id)).split(',');
  const message = rest.join(',');
  const n = Number(errno);
  if (n === -1000) return errors.codedError(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${this_maxOutput(id)} bytes`);
  const err = new Error(message);
  if (n === -1) { err.code = 'ERR_BROTLI_DECOMPRESSION_FAILED'; return err; }
  err.errno = n;
  err.code = codes[n];
  return err;
}
const maxOutputs = new Map();
function this_maxOutput(id) { return maxOutputs.get(id); }

const modes = { 1: 'deflate', 2: 'inflate', 3: 'gzip', 4: 'gunzip', 5: 'deflateRaw', 6: 'inflateRaw', 7: 'unzip', 8: 'brotliDecompress', 9: 'brotliCompress' };

class ZlibBase extends Transform {
  constructor(opts, mode, hostOptions, flushes) {
    const chunkSize = checkRange(opts && opts.chunkSize, 'options.chunkSize', constants.Z_MIN_CHUNK, Infinity, constants.Z_DEFAULT_CHUNK);
    const [maxFlush, defaultFinish, defaultFullFlush] = flushes;
    const flush = checkRange(opts && opts.flush, 'options.flush', 0, maxFlush, 0);
    const finishFlush = checkRange(opts && opts.finishFlush, 'options.finishFlush', 0, maxFlush, defaultFinish);
    const maxOutputLength = checkRange(opts && opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
    super({ ...opts, autoDestroy: true });
    this._mode = mode;
    this._hostOptions = JSON.stringify({ ...hostOptions, maxOutputLength });
    this._chunkSize = chunkSize;
    this._defaultFlushFlag = flush;
    this._finishFlushFlag = finishFlush;
    this._defaultFullFlushFlag = defaultFullFlush;
    this._maxOutputLength = maxOutputLength;
    this._info = opts && opts.info;
    this.bytesWritten = 0;
    this._open();
  }
  _open() {
    this[kId] = bridge(OP.ZlibCreate, modes[this._mode], this._hostOptions);
    if (this[kId] < 0) throw errors.codedError(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed');
    maxOutputs.set(this[kId], this._maxOutputLength);
  }
  get _handle() { return this[kId] === undefined ? null : {}; }
  get bytesRead() { return this.bytesWritten; }
  /** Runs one chunk through the host codec; returns the output or throws Node's zlib error. */
  _run(chunk, flushFlag) {
    if (this[kId] === undefined) throw errors.codedError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed');
    // One bridge call per scratch-sized slice (a blob built from many slices would be copied over and over).
    const size = internal.scratchSize;
    const outputs = [];
    let off = 0;
    do {
      const slice = chunk.subarray(off, off + size);
      off += slice.length;
      const r = bridge(OP.ZlibWrite, this[kId], internal.blobFromBytes(slice), off < chunk.length ? 0 : flushFlag);
      if (r < 0) throw zlibError(this[kId]);
      this.bytesWritten += slice.length;
      const out = internal.blobToBuffer(r);
      if (out.length) outputs.push(out);
    } while (off < chunk.length);
    return outputs.length === 1 ? outputs[0] : Buffer.concat(outputs);
  }
  _transform(chunk, encoding, callback) {
    if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
    const flag = chunk[kFlushFlag] !== undefined ? chunk[kFlushFlag] : this._defaultFlushFlag;
    let out;
    try { out = this._run(chunk, flag); } catch (err) { this._failed = true; callback(err); return; }
    if (out.length) this.push(out);
    callback();
  }
  _flush(callback) {
    if (this._failed) return; // the write error is destroying the stream; it must not end normally
    if (this[kId] === undefined || this.destroyed) { callback(); return; }
    let out;
    try { out = this._run(Buffer.alloc(0), this._finishFlushFlag); } catch (err) { this.close(); callback(err); return; }
    if (out.length) this.push(out);
    this.close();
    callback();
  }
  flush(kind, callback) {
    if (typeof kind === 'function' || (kind === undefined && !callback)) { callback = kind; kind = this._defaultFullFlushFlag; }
    if (this.writableFinished) { if (callback) process.nextTick(callback); return; }
    if (this.writableEnded) { if (callback) this.once('end', callback); return; }
    const marker = Buffer.alloc(0);
    marker[kFlushFlag] = kind;
    this.write(marker, '', callback);
  }
  close(callback) {
    if (callback) process.nextTick(callback);
    if (this[kId] !== undefined) { bridge(OP.ZlibClose, this[kId]); maxOutputs.delete(this[kId]); this[kId] = undefined; }
    if (!this.destroyed && this.writableFinished === false && callback !== undefined) this.destroy();
  }
  _destroy(err, callback) {
    if (this[kId] !== undefined) { bridge(OP.ZlibClose, this[kId]); maxOutputs.delete(this[kId]); this[kId] = undefined; }
    callback(err);
  }
  reset() {
    if (this[kId] !== undefined) bridge(OP.ZlibClose, this[kId]);
    this._open();
  }
  /** Legacy synchronous path (used by the *Sync helpers and some packages). */
  _processChunk(chunk, flushFlag, cb) {
    if (typeof cb === 'function') { this.write(chunk, cb); return undefined; }
    return this._run(chunk, flushFlag);
  }
}

const zlibFlushes = [constants.Z_BLOCK, constants.Z_FINISH, constants.Z_FULL_FLUSH];

class Zlib extends ZlibBase {
  constructor(opts, mode) {
    let windowBits = constants.Z_DEFAULT_WINDOWBITS;
    if (opts && (opts.windowBits == null || opts.windowBits === 0) && (mode === 2 || mode === 4 || mode === 7)) windowBits = 0;
    else if (opts) windowBits = checkRange(opts.windowBits, 'options.windowBits', constants.Z_MIN_WINDOWBITS + (mode === 3 ? 1 : 0), constants.Z_MAX_WINDOWBITS, constants.Z_DEFAULT_WINDOWBITS);
    const level = checkRange(opts && opts.level, 'options.level', constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL, constants.Z_DEFAULT_COMPRESSION);
    const memLevel = checkRange(opts && opts.memLevel, 'options.memLevel', constants.Z_MIN_MEMLEVEL, constants.Z_MAX_MEMLEVEL, constants.Z_DEFAULT_MEMLEVEL);
    const strategy = checkRange(opts && opts.strategy, 'options.strategy', constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_DEFAULT_STRATEGY);
    if (opts && opts.dictionary !== undefined) throw errors.notSupported('zlib option "dictionary"');
    super(opts, mode, { level, strategy, windowBits, memLevel }, zlibFlushes);
    this._level = level;
    this._strategy = strategy;
  }
  params(level, strategy, callback) {
    checkRange(level, 'level', constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL);
    checkRange(strategy, 'strategy', constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED);
    // .NET cannot change the level of a running deflate stream; before any input a new stream is equivalent.
    if (this.bytesWritten !== 0) throw errors.notSupported('zlib params() after data was written');
    const o = JSON.parse(this._hostOptions);
    this._hostOptions = JSON.stringify({ ...o, level, strategy });
    this.reset();
    if (callback) process.nextTick(callback);
  }
}

const brotliFlushes = [constants.BROTLI_OPERATION_EMIT_METADATA, constants.BROTLI_OPERATION_FINISH, constants.BROTLI_OPERATION_FLUSH];

class Brotli extends ZlibBase {
  constructor(opts, mode) {
    let quality = constants.BROTLI_DEFAULT_QUALITY;
    let lgwin = constants.BROTLI_DEFAULT_WINDOW;
    if (opts && opts.params) {
      for (const key of Object.keys(opts.params)) {
        const k = Number(key);
        const value = opts.params[key];
        if (!Number.isInteger(k) || k < 0 || k > 8) throw errors.codedError(RangeError, 'ERR_BROTLI_INVALID_PARAM', `${key} is not a valid Brotli parameter`);
        if (typeof value !== 'number' && typeof value !== 'boolean') throw errors.invalidArgType('options.params[key]', 'number', value);
        if (k === constants.BROTLI_PARAM_QUALITY) quality = value;
        else if (k === constants.BROTLI_PARAM_LGWIN) lgwin = value;
      }
    }
    if (!(quality >= 0 && quality <= 11) || !(lgwin >= 10 && lgwin <= 24)) throw errors.codedError(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed');
    super(opts, mode, { quality, lgwin }, brotliFlushes);
  }
}

function makeClass(name, Base, mode) {
  const C = { [name]: class extends Base { constructor(opts) { super(opts, mode); } } }[name];
  const factory = function (opts) { return new C(opts); };
  return [C, factory];
}

const [Deflate, createDeflate] = makeClass('Deflate', Zlib, 1);
const [Inflate, createInflate] = makeClass('Inflate', Zlib, 2);
const [Gzip, createGzip] = makeClass('Gzip', Zlib, 3);
const [Gunzip, createGunzip] = makeClass('Gunzip', Zlib, 4);
const [DeflateRaw, createDeflateRaw] = makeClass('DeflateRaw', Zlib, 5);
const [InflateRaw, createInflateRaw] = makeClass('InflateRaw', Zlib, 6);
const [Unzip, createUnzip] = makeClass('Unzip', Zlib, 7);
const [BrotliDecompress, createBrotliDecompress] = makeClass('BrotliDecompress', Brotli, 8);
const [BrotliCompress, createBrotliCompress] = makeClass('BrotliCompress', Brotli, 9);

function toBuffer(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer)) return buffer instanceof Buffer ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && buffer instanceof SharedArrayBuffer)) return Buffer.from(buffer);
  throw errors.invalidArgType('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
}

function zlibBufferSync(engine, buffer) {
  buffer = toBuffer(buffer);
  let out;
  try { out = engine._run(buffer, engine._finishFlushFlag); } finally { engine.close(); }
  return engine._info ? { buffer: out, engine } : out;
}

function zlibBuffer(engine, buffer, callback) {
  errors.validateFunction(callback, 'callback');
  buffer = toBuffer(buffer);
  const chunks = [];
  let length = 0;
  engine.on('data', (chunk) => { chunks.push(chunk); length += chunk.length; });
  engine.on('error', (err) => { engine.removeAllListeners('end'); callback(err); });
  engine.on('end', () => {
    const out = Buffer.concat(chunks, length);
    engine.close();
    callback(null, engine._info ? { buffer: out, engine } : out);
  });
  engine.end(buffer);
}

function convenience(Class) {
  const sync = (buffer, opts) => zlibBufferSync(new Class(opts), buffer);
  const async = (buffer, opts, callback) => {
    if (typeof opts === 'function') { callback = opts; opts = {}; }
    return zlibBuffer(new Class(opts), buffer, callback);
  };
  return [async, sync];
}

let crcTable;
function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) throw errors.invalidArgType('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  if (typeof value !== 'number') throw errors.invalidArgType('value', 'number', value);
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw errors.outOfRange('value', '>= 0 && <= 4294967295', value);
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const bytes = typeof data === 'string' ? Buffer.from(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let crc = ~value;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

const [deflate, deflateSync] = convenience(Deflate);
const [inflate, inflateSync] = convenience(Inflate);
const [gzip, gzipSync] = convenience(Gzip);
const [gunzip, gunzipSync] = convenience(Gunzip);
const [deflateRaw, deflateRawSync] = convenience(DeflateRaw);
const [inflateRaw, inflateRawSync] = convenience(InflateRaw);
const [unzip, unzipSync] = convenience(Unzip);
const [brotliCompress, brotliCompressSync] = convenience(BrotliCompress);
const [brotliDecompress, brotliDecompressSync] = convenience(BrotliDecompress);

const kPromisify = Symbol.for('nodejs.util.promisify.custom');
module.exports = {
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  deflate, deflateSync, gzip, gzipSync, deflateRaw, deflateRawSync, unzip, unzipSync, inflate, inflateSync,
  gunzip, gunzipSync, inflateRaw, inflateRawSync, brotliCompress, brotliCompressSync, brotliDecompress, brotliDecompressSync,
  createDeflate, createInflate, createDeflateRaw, createInflateRaw, createGzip, createGunzip, createUnzip,
  createBrotliCompress, createBrotliDecompress,
  constants, codes,
};
void kPromisify;
// Legacy top-level constants (zlib.Z_NO_FLUSH, …), non-enumerable as in Node.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, { enumerable: false, value: constants[key], writable: false });
}
