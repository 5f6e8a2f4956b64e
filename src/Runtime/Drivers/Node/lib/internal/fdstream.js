// node:internal/fdstream — streams over kernel fds: reads arrive through the event loop's read watchers
// (no thread blocks), writes go straight to the kernel (blocking like a synchronous write).
'use strict';
const { bridge, OP, scratch } = internal;
const { Readable, Writable } = require('stream');
const { Buffer } = require('buffer');

class FdReadable extends Readable {
  constructor(fd, options = {}) {
    super(options);
    this.fd = fd;
    this.bytesRead = 0;
    this._watch = 0;
    this._refed = true;
    this._autoClose = options.autoClose !== false;
  }
  _read() {
    if (this._watch || this.fd < 0) return;
    const id = internal.nextId();
    this._watch = id;
    internal.callbacks.set(id, internal.actx.bind((n) => this._onRead(n)));
    const r = bridge(OP.ReadStart, this.fd, id);
    if (r < 0) {
      this._stopReading();
      this.destroy(internal.errors.uvException(r, 'read'));
      return;
    }
    if (!this._refed) bridge(OP.HandleRef, id, false);
  }
  _onRead(n) {
    if (n > 0) {
      const chunk = Buffer.from(scratch.slice(0, n).buffer);
      this.bytesRead += n;
      if (!this.push(chunk)) this._stopReading();
    } else if (n === 0) {
      this._stopReading();
      this.push(null);
      this.read(0); // as Node's sockets: 'end' even when nobody reads
    } else {
      this._stopReading();
      this.destroy(internal.errors.uvException(n, 'read'));
    }
  }
  _stopReading() {
    if (!this._watch) return;
    bridge(OP.ReadStop, this._watch);
    internal.callbacks.delete(this._watch);
    this._watch = 0;
  }
  pause() {
    // as Node's stdin: stop the fd's reads, and count no read as pending so that resume() asks again
    if (this._watch) {
      this._stopReading();
      this._readableState.reading = false;
    }
    return super.pause();
  }
  ref() { this._refed = true; if (this._watch) bridge(OP.HandleRef, this._watch, true); return this; }
  unref() { this._refed = false; if (this._watch) bridge(OP.HandleRef, this._watch, false); return this; }
  _destroy(err, cb) {
    this._stopReading();
    if (this._autoClose && this.fd > 2) bridge(OP.Close, this.fd);
    this.fd = -1;
    cb(err);
  }
  close(cb) { this.destroy(null, cb); }
}

// Writes try the fd without waiting (libuv's uv_try_write); what does not fit waits for a write watcher in
// the event loop, so the stream buffers, write() returns false past highWaterMark and 'drain' follows.
const EAGAIN = -Number(Object.keys(internal.info.errnos).find((k) => internal.info.errnos[k][0] === 'EAGAIN'));
const pendingWrites = new Set(); // streams with a write waiting for the fd

class FdWritable extends Writable {
  constructor(fd, options = {}) {
    super(options);
    this.fd = fd;
    this.bytesWritten = 0;
    this._autoClose = options.autoClose !== false;
    this._pendingWrite = null;
  }
  _write(chunk, encoding, cb) {
    this._pendingWrite = { chunk, off: 0, cb };
    this._continueWrite();
  }
  _continueWrite() {
    const p = this._pendingWrite;
    if (!p) return;
    const { scratch, scratchSize } = internal;
    while (p.off < p.chunk.length) {
      const n = Math.min(scratchSize, p.chunk.length - p.off);
      scratch.set(p.chunk.subarray(p.off, p.off + n));
      const w = bridge(OP.WriteTry, this.fd, n);
      if (w === EAGAIN) {
        const id = internal.nextId();
        internal.callbacks.set(id, internal.actx.bind(() => { internal.callbacks.delete(id); this._continueWrite(); }));
        const r = bridge(OP.WriteWatch, this.fd, id);
        if (r < 0) { internal.callbacks.delete(id); this._finishWrite(internal.errors.uvException(r, 'write')); return; }
        pendingWrites.add(this);
        return;
      }
      if (w < 0) { this._finishWrite(internal.errors.uvException(w, 'write')); return; }
      p.off += w;
      this.bytesWritten += w;
    }
    this._finishWrite(null);
  }
  _finishWrite(err) {
    const p = this._pendingWrite;
    this._pendingWrite = null;
    pendingWrites.delete(this);
    err ? p.cb(err) : p.cb();
  }
  /** process.exit: what stdout/stderr still hold is written, waiting if it must (Node would drop it). */
  _flushSync() {
    const p = this._pendingWrite;
    if (p) internal.writeBytes(this.fd, p.chunk.subarray(p.off));
    this._pendingWrite = null;
    for (const entry of this._writableState.getBuffer()) {
      const chunk = typeof entry.chunk === 'string' ? Buffer.from(entry.chunk, entry.encoding) : entry.chunk;
      if (chunk && chunk.length) internal.writeBytes(this.fd, chunk);
    }
  }
  _destroy(err, cb) {
    if (this._autoClose && this.fd > 2) bridge(OP.Close, this.fd);
    cb(err);
  }
  close(cb) { this.end(); if (cb) this.once('close', cb); }
  ref() { return this; }
  unref() { return this; }
}

internal.flushWrites = () => {
  for (const s of pendingWrites) if (s.fd === 1 || s.fd === 2) s._flushSync();
};

module.exports = { FdReadable, FdWritable };
