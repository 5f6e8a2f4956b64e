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
    this._stopReading();
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

class FdWritable extends Writable {
  constructor(fd, options = {}) {
    super(options);
    this.fd = fd;
    this.bytesWritten = 0;
    this._autoClose = options.autoClose !== false;
  }
  _write(chunk, encoding, cb) {
    const r = internal.writeBytes(this.fd, chunk);
    if (r < 0) cb(internal.errors.uvException(r, 'write'));
    else { this.bytesWritten += chunk.length; cb(); }
  }
  _destroy(err, cb) {
    if (this._autoClose && this.fd > 2) bridge(OP.Close, this.fd);
    cb(err);
  }
  close(cb) { this.end(); if (cb) this.once('close', cb); }
  ref() { return this; }
  unref() { return this; }
}

module.exports = { FdReadable, FdWritable };
