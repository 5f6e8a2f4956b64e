// node:internal/stdio — process.stdin/stdout/stderr over fds 0, 1, 2.
'use strict';
const { bridge, OP } = internal;
const { FdReadable, FdWritable } = require('internal/fdstream');

function create(fd) {
  const isTTY = bridge(OP.IsTty, fd) === true;
  let stream;
  if (fd === 0) {
    stream = new FdReadable(0, { autoClose: false });
  } else {
    stream = new FdWritable(fd, { autoClose: false, emitClose: false, autoDestroy: false });
    stream.destroySoon = stream.destroy;
    stream._destroy = (err, cb) => cb(err); // Node keeps stdout/stderr open
    stream._type = isTTY ? 'tty' : 'pipe';
  }
  stream.fd = fd;
  stream._isStdio = true;
  if (isTTY) {
    const tty = require('tty');
    stream.isTTY = true;
    [stream.columns, stream.rows] = tty.windowSize();
    if (fd === 0) {
      stream.isRaw = false;
      stream.setRawMode = tty.ReadStream.prototype.setRawMode;
    } else {
      for (const m of ['getColorDepth', 'hasColors', 'getWindowSize', 'clearLine', 'clearScreenDown', 'cursorTo', 'moveCursor']) {
        stream[m] = tty.WriteStream.prototype[m];
      }
    }
  }
  return stream;
}

module.exports = { create };
