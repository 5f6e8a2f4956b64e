// node:fs/promises — promise versions of the fs calls (settled in the poll phase) and FileHandle.
'use strict';
const fs = require('fs');

function later(fn) {
  return new Promise((resolve, reject) => {
    let value;
    let error = null;
    try { value = fn(); } catch (e) { error = e; }
    internal.post(() => (error ? reject(error) : resolve(value)), 'FSREQPROMISE');
  });
}

class FileHandle {
  constructor(fd) { this.fd = fd; }
  getAsyncId() { return this.fd; }
  readFile(options) { return later(() => fs.readFileSync(this.fd, options)); }
  writeFile(data, options) { return later(() => fs.writeFileSync(this.fd, data, options)); }
  appendFile(data, options) { return later(() => fs.writeFileSync(this.fd, data, options)); }
  read(buffer, offset, length, position) {
    if (buffer === undefined || (buffer !== null && !ArrayBuffer.isView(buffer) && typeof buffer === 'object')) {
      const o = buffer || {};
      buffer = o.buffer || Buffer.alloc(16384);
      ({ offset = 0, length = buffer.length - offset, position = null } = o);
    }
    return later(() => ({ bytesRead: fs.readSync(this.fd, buffer, offset ?? 0, length ?? buffer.length, position ?? null), buffer }));
  }
  write(buffer, ...rest) { return later(() => ({ bytesWritten: fs.writeSync(this.fd, buffer, ...rest), buffer })); }
  stat(options) { return later(() => fs.fstatSync(this.fd, options)); }
  truncate(len) { return later(() => fs.ftruncateSync(this.fd, len)); }
  sync() { return later(() => fs.fsyncSync(this.fd)); }
  datasync() { return later(() => fs.fsyncSync(this.fd)); }
  chmod() { return later(() => undefined); }
  close() { return later(() => { if (this.fd >= 0) { fs.closeSync(this.fd); this.fd = -1; } }); }
  createReadStream(options) { return fs.createReadStream(null, { ...options, fd: this.fd }); }
  createWriteStream(options) { return fs.createWriteStream(null, { ...options, fd: this.fd }); }
  async *readLines() { const text = fs.readFileSync(this.fd, 'utf8'); for (const l of text.split('\n')) yield l; }
  [Symbol.asyncDispose]() { return this.close(); }
}

const promises = { constants: fs.constants, FileHandle };
for (const name of ['readFile', 'writeFile', 'appendFile', 'stat', 'lstat', 'access', 'readdir', 'mkdir', 'rmdir', 'rm',
  'unlink', 'rename', 'link', 'symlink', 'readlink', 'realpath', 'chmod', 'lchmod', 'chown', 'lchown', 'truncate',
  'utimes', 'lutimes', 'copyFile', 'cp', 'mkdtemp', 'opendir']) {
  const sync = fs[name + 'Sync'];
  promises[name] = (...args) => later(() => sync(...args));
}
promises.open = (path, flags, mode) => later(() => new FileHandle(fs.openSync(path, flags, mode)));
promises.watch = () => { throw internal.errors.notSupported('fs.promises.watch'); };
module.exports = promises;
