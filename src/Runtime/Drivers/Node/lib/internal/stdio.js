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
    stream.isTTY = true;
    stream.columns = 80;
    stream.rows = 24;
  }
  return stream;
}

module.exports = { create };
