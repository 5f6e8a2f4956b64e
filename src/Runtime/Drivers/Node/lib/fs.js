// node:fs — synchronous, callback and promise APIs over the kernel's VFS (every call is a bridge call on
// the process thread; callbacks run in the event loop's poll phase). Errors have Node's shape: code,
// errno (negative), syscall, path, dest.
'use strict';
const { bridge, OP, scratch, scratchSize } = internal;
const errors = internal.errors;
const { Buffer } = require('buffer');
const pathModule = require('path');

const constants = {
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 0o100, O_EXCL: 0o200, O_NOCTTY: 0o400, O_TRUNC: 0o1000,
  O_APPEND: 0o2000, O_DIRECTORY: 0o200000, O_NOFOLLOW: 0o400000, O_SYNC: 0o4010000, O_DSYNC: 0o10000,
  O_NONBLOCK: 0o4000, O_NOATIME: 0o1000000,
  S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o40000, S_IFCHR: 0o20000, S_IFBLK: 0o60000, S_IFIFO: 0o10000,
  S_IFLNK: 0o120000, S_IFSOCK: 0o140000, S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
  S_IRWXG: 0o70, S_IRGRP: 0o40, S_IWGRP: 0o20, S_IXGRP: 0o10, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2,
  COPYFILE_FICLONE_FORCE: 4, UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
};
const { F_OK, R_OK, W_OK, X_OK } = constants;

function toPath(p, name = 'path') {
  if (typeof p === 'string') {
    if (p.includes('\u0000')) throw errors.invalidArgValue(name, p, 'must be a string, Uint8Array, or URL without null bytes');
    return p;
  }
  if (p instanceof Uint8Array) return Buffer.from(p).toString();
  if (p && typeof p === 'object' && p.href !== undefined && p.protocol !== undefined) {
    if (p.protocol !== 'file:') throw errors.codedError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    return decodeURIComponent(p.pathname);
  }
  throw errors.invalidArgType(name, ['string', 'Buffer', 'URL'], p);
}

function check(r, syscall, path, dest) {
  if (typeof r === 'number' && r < 0) throw errors.uvException(r, syscall, path, dest);
  return r;
}

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags === undefined || flags === null) return constants.O_RDONLY;
  switch (flags) {
    case 'r': return constants.O_RDONLY;
    case 'rs': case 'sr': return constants.O_RDONLY | constants.O_SYNC;
    case 'r+': return constants.O_RDWR;
    case 'rs+': case 'sr+': return constants.O_RDWR | constants.O_SYNC;
    case 'w': return constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY;
    case 'wx': case 'xw': return constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL;
    case 'w+': return constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR;
    case 'wx+': case 'xw+': return constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL;
    case 'a': return constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY;
    case 'ax': case 'xa': return constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL;
    case 'as': case 'sa': return constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY | constants.O_SYNC;
    case 'a+': return constants.O_APPEND | constants.O_CREAT | constants.O_RDWR;
    case 'ax+': case 'xa+': return constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL;
    case 'as+': case 'sa+': return constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_SYNC;
  }
  throw errors.invalidArgValue('flags', flags);
}

function parseMode(mode, def) {
  if (mode === undefined || mode === null) return def;
  if (typeof mode === 'string') return parseInt(mode, 8);
  return mode;
}

function getOptions(options, defaults) {
  if (options === undefined || options === null || typeof options === 'function') return defaults;
  if (typeof options === 'string') return { ...defaults, encoding: options };
  return { ...defaults, ...options };
}

// ---------------------------------------------------------------- Stats, Dirent
const msToDate = (ms) => new Date(ms);
class Stats {
  constructor(parts) {
    const [dev, ino, mode, nlink, uid, gid, rdev, size, blksize, blocks, atimeMs, mtimeMs, ctimeMs] = parts;
    Object.assign(this, { dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs: ctimeMs });
    this.atime = msToDate(atimeMs);
    this.mtime = msToDate(mtimeMs);
    this.ctime = msToDate(ctimeMs);
    this.birthtime = msToDate(ctimeMs);
  }
  _type() { return this.mode & constants.S_IFMT; }
  isFile() { return this._type() === constants.S_IFREG; }
  isDirectory() { return this._type() === constants.S_IFDIR; }
  isSymbolicLink() { return this._type() === constants.S_IFLNK; }
  isFIFO() { return this._type() === constants.S_IFIFO; }
  isSocket() { return this._type() === constants.S_IFSOCK; }
  isCharacterDevice() { return this._type() === constants.S_IFCHR; }
  isBlockDevice() { return this._type() === constants.S_IFBLK; }
}
Object.defineProperty(Stats.prototype, '_type', { enumerable: false });
function makeStats(str, bigint) {
  const parts = String(str).split(',').map(Number);
  const s = new Stats(parts);
  if (bigint) for (const k of ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks']) s[k] = BigInt(s[k]);
  return s;
}

// FileType enum of the kernel: Unknown, Regular, Directory, Symlink, CharDevice, BlockDevice, Fifo, Socket
class Dirent {
  constructor(name, type, parentPath) {
    this.name = name;
    this.parentPath = parentPath;
    this.path = parentPath;
    Object.defineProperty(this, '_t', { value: type, enumerable: false });
  }
  isFile() { return this._t === 1; }
  isDirectory() { return this._t === 2; }
  isSymbolicLink() { return this._t === 3; }
  isCharacterDevice() { return this._t === 4; }
  isBlockDevice() { return this._t === 5; }
  isFIFO() { return this._t === 6; }
  isSocket() { return this._t === 7; }
}

// ---------------------------------------------------------------- fd primitives
function openSync(path, flags, mode) {
  path = toPath(path);
  return check(bridge(OP.Open, path, stringToFlags(flags), parseMode(mode, 0o666)), 'open', path);
}
function closeSync(fd) { validateFd(fd); check(bridge(OP.Close, fd), 'close'); }
function validateFd(fd) {
  if (typeof fd !== 'number') throw errors.invalidArgType('fd', 'number', fd);
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) throw errors.outOfRange('fd', '>= 0 && <= 2147483647', fd);
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  validateFd(fd);
  let offset = offsetOrOptions;
  if (offsetOrOptions !== null && typeof offsetOrOptions === 'object') ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
  if (offset === undefined) offset = 0;
  if (length === undefined) length = buffer.byteLength - offset;
  if (!(buffer instanceof Uint8Array)) {
    if (ArrayBuffer.isView(buffer)) buffer = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    else throw errors.invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  if (offset < 0 || offset > buffer.length) throw errors.outOfRange('offset', `>= 0 && <= ${buffer.length}`, offset);
  if (length < 0 || offset + length > buffer.length) throw errors.outOfRange('length', `>= 0 && <= ${buffer.length - offset}`, length);
  length = Math.min(length, scratchSize);
  if (length === 0) return 0;
  const pos = typeof position === 'bigint' ? Number(position) : position;
  const n = check(pos === null || pos === undefined || pos < 0 ? bridge(OP.Read, fd, length) : bridge(OP.Pread, fd, length, pos), 'read');
  internal.copyInto(buffer, scratch.subarray(0, n), offset);
  return n;
}

function writeAll(fd, bytes, position) {
  let written = 0;
  while (written < bytes.length) {
    const n = Math.min(scratchSize, bytes.length - written);
    scratch.set(bytes.subarray(written, written + n));
    const r = position === null || position === undefined ? bridge(OP.Write, fd, n) : bridge(OP.Pwrite, fd, n, position + written);
    check(r, 'write');
    if (r === 0) break;
    written += r;
  }
  return written;
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  validateFd(fd);
  if (typeof buffer === 'string') {
    // writeSync(fd, string[, position[, encoding]])
    const bytes = Buffer.from(buffer, typeof length === 'string' ? length : 'utf8');
    return writeAll(fd, bytes, typeof offsetOrOptions === 'number' ? offsetOrOptions : null);
  }
  if (!ArrayBuffer.isView(buffer)) throw errors.invalidArgType('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  let offset = offsetOrOptions;
  if (offset !== null && typeof offset === 'object') ({ offset = 0, length, position = null } = offset);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  offset = offset || 0;
  if (length === undefined || length === null) length = bytes.length - offset;
  return writeAll(fd, bytes.subarray(offset, offset + length), position);
}

function fstatSync(fd, options = {}) { validateFd(fd); return makeStats(check(bridge(OP.Fstat, fd), 'fstat'), options.bigint); }
function fsyncSync(fd) { validateFd(fd); check(bridge(OP.Fsync, fd), 'fsync'); }
function ftruncateSync(fd, len = 0) { validateFd(fd); check(bridge(OP.Ftruncate, fd, len), 'ftruncate'); }

// ---------------------------------------------------------------- whole files
function readAllFd(fd) {
  const chunks = [];
  let total = 0;
  for (;;) {
    const n = check(bridge(OP.Read, fd, scratchSize), 'read');
    if (n === 0) break;
    chunks.push(scratch.slice(0, n));
    total += n;
  }
  const out = Buffer.allocUnsafe(total);
  let pos = 0;
  for (const c of chunks) { out.set(c, pos); pos += c.length; }
  return out;
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r', encoding: null });
  const isFd = typeof path === 'number';
  let fd = path;
  if (!isFd) {
    path = toPath(path);
    fd = check(bridge(OP.Open, path, stringToFlags(options.flag), 0o666), 'open', path);
  }
  let buffer;
  try {
    if (!isFd) {
      const st = String(bridge(OP.Fstat, fd)).split(',');
      if ((Number(st[2]) & constants.S_IFMT) === constants.S_IFDIR) throw errors.uvException(-21, 'read');
    }
    buffer = readAllFd(fd);
  } finally {
    if (!isFd) bridge(OP.Close, fd);
  }
  return options.encoding && options.encoding !== 'buffer' ? buffer.toString(options.encoding) : buffer;
}

function toBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw errors.invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = toBytes(data, options.encoding);
  if (typeof path === 'number') { writeAll(path, bytes); return; }
  path = toPath(path);
  const fd = check(bridge(OP.Open, path, stringToFlags(options.flag), parseMode(options.mode, 0o666)), 'open', path);
  try { writeAll(fd, bytes); } finally { bridge(OP.Close, fd); }
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  if (!options.flag || options.flag === 'w') options.flag = 'a';
  writeFileSync(path, data, options);
}

// ---------------------------------------------------------------- paths
function statSync(path, options = {}) {
  path = toPath(path);
  const r = bridge(OP.Stat, path, true);
  if (typeof r === 'number') { if (options.throwIfNoEntry === false && r === -2) return undefined; check(r, 'stat', path); }
  return makeStats(r, options.bigint);
}
function lstatSync(path, options = {}) {
  path = toPath(path);
  const r = bridge(OP.Stat, path, false);
  if (typeof r === 'number') { if (options.throwIfNoEntry === false && r === -2) return undefined; check(r, 'lstat', path); }
  return makeStats(r, options.bigint);
}
function existsSync(path) {
  try { path = toPath(path); } catch { return false; }
  return typeof bridge(OP.Stat, path, true) === 'string';
}
function accessSync(path, mode = F_OK) { path = toPath(path); check(bridge(OP.Access, path, mode | 0), 'access', path); }

function readdirEntries(path) {
  const r = check(bridge(OP.Readdir, path), 'scandir', path);
  const out = [];
  for (const rec of String(r).split('\u0000')) {
    if (!rec) continue;
    const sep = rec.lastIndexOf('\u0001');
    out.push([rec.slice(0, sep), Number(rec.slice(sep + 1))]);
  }
  return out;
}
function readdirSync(path, options) {
  options = getOptions(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
  path = toPath(path);
  const result = [];
  const walk = (dir, prefix) => {
    for (const [name, type] of readdirEntries(dir)) {
      const rel = prefix ? prefix + '/' + name : name;
      result.push(options.withFileTypes ? new Dirent(name, type, dir) : options.encoding === 'buffer' ? Buffer.from(rel) : rel);
      if (options.recursive && type === 2) walk(dir + '/' + name, rel);
    }
  };
  walk(path, '');
  return result;
}

function mkdirSync(path, options) {
  if (typeof options === 'number' || typeof options === 'string') options = { mode: options };
  const { recursive = false, mode = 0o777 } = options || {};
  path = toPath(path);
  if (!recursive) { check(bridge(OP.Mkdir, path, parseMode(mode, 0o777)), 'mkdir', path); return undefined; }
  const full = pathModule.resolve(path);
  const missing = [];
  let cur = full;
  for (;;) {
    const st = bridge(OP.Stat, cur, true);
    if (typeof st === 'string') {
      if ((Number(st.split(',')[2]) & constants.S_IFMT) !== constants.S_IFDIR) throw errors.uvException(missing.length ? -20 : -17, 'mkdir', path);
      break;
    }
    if (st !== -2) check(st, 'mkdir', path);
    missing.unshift(cur);
    if (cur === '/') break;
    cur = pathModule.dirname(cur);
  }
  for (const dir of missing) {
    const r = bridge(OP.Mkdir, dir, parseMode(mode, 0o777));
    if (r < 0 && r !== -17) check(r, 'mkdir', path);
  }
  return missing.length ? missing[0] : undefined;
}

function rmdirSync(path, options = {}) {
  path = toPath(path);
  if (options.recursive) { rmSync(path, { recursive: true, force: false }); return; }
  check(bridge(OP.Rmdir, path), 'rmdir', path);
}
function rmSync(path, options = {}) {
  path = toPath(path);
  const { recursive = false, force = false } = options;
  const st = bridge(OP.Stat, path, false);
  if (typeof st === 'number') {
    if (force && st === -2) return;
    check(st, 'rm', path);
  }
  const isDir = (Number(String(st).split(',')[2]) & constants.S_IFMT) === constants.S_IFDIR;
  if (isDir) {
    if (!recursive) {
      const err = errors.codedError(Error, 'ERR_FS_EISDIR', `Path is a directory: rm returned EISDIR (is a directory) ${path}`);
      err.name = 'SystemError';
      Object.assign(err, { errno: 21, syscall: 'rm', path, info: { code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 } });
      throw err;
    }
    for (const [name] of readdirEntries(path)) rmSync(path + '/' + name, { recursive, force });
    check(bridge(OP.Rmdir, path), 'rm', path);
  } else {
    check(bridge(OP.Unlink, path), 'rm', path);
  }
}
function unlinkSync(path) { path = toPath(path); check(bridge(OP.Unlink, path), 'unlink', path); }
function renameSync(from, to) { from = toPath(from, 'oldPath'); to = toPath(to, 'newPath'); check(bridge(OP.Rename, from, to), 'rename', from, to); }
function linkSync(existing, newPath) { existing = toPath(existing, 'existingPath'); newPath = toPath(newPath, 'newPath'); check(bridge(OP.Link, existing, newPath), 'link', existing, newPath); }
function symlinkSync(target, path) { target = toPath(target, 'target'); path = toPath(path); check(bridge(OP.Symlink, target, path), 'symlink', target, path); }
function readlinkSync(path, options) {
  path = toPath(path);
  const r = check(bridge(OP.Readlink, path), 'readlink', path);
  return getOptions(options, {}).encoding === 'buffer' ? Buffer.from(r) : r;
}
function realpathSync(path, options) {
  path = toPath(path);
  const r = check(bridge(OP.Realpath, path), 'realpath', path);
  return getOptions(options, {}).encoding === 'buffer' ? Buffer.from(r) : r;
}
realpathSync.native = realpathSync;
function chmodSync(path, mode) { path = toPath(path); check(bridge(OP.Chmod, path, parseMode(mode)), 'chmod', path); }
function lchmodSync() { throw errors.notSupported('fs.lchmod'); }
function chownSync(path) { path = toPath(path); check(bridge(OP.Access, path, F_OK), 'chown', path); }
function truncateSync(path, len = 0) {
  if (typeof path === 'number') return ftruncateSync(path, len);
  path = toPath(path);
  check(bridge(OP.Truncate, path, len), 'open', path);
}
const toMs = (t) => (t instanceof Date ? t.getTime() : typeof t === 'string' ? Number(t) * 1000 : t * 1000);
function utimesSync(path, atime, mtime) { path = toPath(path); check(bridge(OP.Utimes, path, toMs(atime), toMs(mtime), true), 'utime', path); }
function lutimesSync(path, atime, mtime) { path = toPath(path); check(bridge(OP.Utimes, path, toMs(atime), toMs(mtime), false), 'lutime', path); }
function copyFileSync(src, dest, mode = 0) {
  src = toPath(src, 'src');
  dest = toPath(dest, 'dest');
  const infd = bridge(OP.Open, src, 0, 0);
  check(infd, 'copyfile', src, dest);
  try {
    const st = String(bridge(OP.Fstat, infd)).split(',');
    if ((Number(st[2]) & constants.S_IFMT) === constants.S_IFDIR) throw errors.uvException(-21, 'copyfile', src, dest);
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (mode & constants.COPYFILE_EXCL ? constants.O_EXCL : 0);
    const outfd = bridge(OP.Open, dest, flags, Number(st[2]) & 0o777);
    check(outfd, 'copyfile', src, dest);
    try { writeAll(outfd, readAllFd(infd)); } finally { bridge(OP.Close, outfd); }
  } finally {
    bridge(OP.Close, infd);
  }
}
function cpSync(src, dest, options = {}) {
  src = toPath(src, 'src');
  dest = toPath(dest, 'dest');
  const st = lstatSync(src);
  if (st.isDirectory()) {
    if (!options.recursive) {
      throw errors.codedError(Error, 'ERR_FS_EISDIR', `Recursive option is required to copy a directory: ${src}`);
    }
    mkdirSync(dest, { recursive: true });
    for (const [name] of readdirEntries(src)) cpSync(src + '/' + name, dest + '/' + name, options);
  } else if (st.isSymbolicLink()) {
    symlinkSync(readlinkSync(src), dest);
  } else {
    if (options.force === false && existsSync(dest)) return;
    copyFileSync(src, dest, options.errorOnExist ? constants.COPYFILE_EXCL : 0);
  }
}
function mkdtempSync(prefix) {
  prefix = toPath(prefix, 'prefix');
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  for (let attempt = 0; attempt < 100; attempt++) {
    let suffix = '';
    for (let i = 0; i < 6; i++) suffix += chars[Math.floor(Math.random() * chars.length)];
    const r = bridge(OP.Mkdir, prefix + suffix, 0o700);
    if (r === 0) return prefix + suffix;
    if (r !== -17) check(r, 'mkdtemp', prefix + 'XXXXXX');
  }
  throw errors.uvException(-17, 'mkdtemp', prefix + 'XXXXXX');
}
function opendirSync(path) {
  path = toPath(path);
  const entries = readdirEntries(path).map(([n, t]) => new Dirent(n, t, path));
  let i = 0;
  return {
    path,
    readSync: () => (i < entries.length ? entries[i++] : null),
    read(cb) { const v = this.readSync(); if (cb) internal.post(() => cb(null, v), 'FSREQCALLBACK'); else return Promise.resolve(v); },
    closeSync() {},
    close(cb) { if (cb) internal.post(() => cb(null), 'FSREQCALLBACK'); else return Promise.resolve(); },
    async *[Symbol.asyncIterator]() { while (i < entries.length) yield entries[i++]; },
  };
}

const syncApi = {
  openSync, closeSync, readSync, writeSync, fstatSync, fsyncSync, fdatasyncSync: fsyncSync, ftruncateSync,
  readFileSync, writeFileSync, appendFileSync, statSync, lstatSync, existsSync, accessSync, readdirSync,
  mkdirSync, rmdirSync, rmSync, unlinkSync, renameSync, linkSync, symlinkSync, readlinkSync, realpathSync,
  chmodSync, lchmodSync, chownSync, lchownSync: chownSync, fchmodSync: () => undefined, fchownSync: () => undefined,
  truncateSync, utimesSync, lutimesSync, futimesSync: () => undefined, copyFileSync, cpSync, mkdtempSync, opendirSync,
};

// ---------------------------------------------------------------- callbacks
function makeCallback(cb) {
  if (typeof cb !== 'function') throw errors.invalidArgType('cb', 'Function', cb);
  return cb;
}
const callbackApi = {};
for (const [name, fn] of Object.entries(syncApi)) {
  if (!name.endsWith('Sync') || name === 'existsSync') continue;
  const asyncName = name.slice(0, -4);
  callbackApi[asyncName] = function (...args) {
    const cb = makeCallback(args.pop());
    let result;
    let error = null;
    try { result = fn(...args); } catch (e) { error = e; }
    internal.post(() => (error ? cb(error) : cb(null, result)), 'FSREQCALLBACK');
  };
}
callbackApi.read = function read(fd, buffer, offset, length, position, cb) {
  if (typeof buffer === 'function') { cb = buffer; buffer = Buffer.alloc(16384); offset = 0; length = buffer.length; position = null; }
  else if (typeof offset === 'function') { cb = offset; offset = 0; length = buffer.length; position = null; }
  else if (offset !== null && typeof offset === 'object' && typeof length === 'function') { cb = length; ({ offset = 0, length = buffer.length - offset, position = null } = offset); }
  makeCallback(cb);
  let n = 0;
  let error = null;
  try { n = readSync(fd, buffer, offset, length, position); } catch (e) { error = e; }
  internal.post(() => (error ? cb(error) : cb(null, n, buffer)), 'FSREQCALLBACK');
};
callbackApi.write = function write(fd, buffer, ...rest) {
  const cb = makeCallback(rest.pop());
  let n = 0;
  let error = null;
  try { n = writeSync(fd, buffer, ...rest); } catch (e) { error = e; }
  internal.post(() => (error ? cb(error) : cb(null, n, buffer)), 'FSREQCALLBACK');
};
callbackApi.exists = function exists(path, cb) {
  const r = existsSync(path);
  internal.post(() => cb(r), 'FSREQCALLBACK');
};

// ---------------------------------------------------------------- streams
const { Readable, Writable } = require('stream');
class ReadStream extends Readable {
  constructor(path, options) {
    options = getOptions(options, {});
    super({ highWaterMark: options.highWaterMark || 65536, encoding: options.encoding, emitClose: options.emitClose !== false });
    this.path = typeof path === 'number' ? undefined : toPath(path);
    this.fd = typeof options.fd === 'number' ? options.fd : typeof path === 'number' ? path : null;
    this.flags = options.flags || 'r';
    this.mode = options.mode || 0o666;
    this.start = options.start;
    this.end = options.end === undefined ? Infinity : options.end;
    this.pos = this.start;
    this.bytesRead = 0;
    this.autoClose = options.autoClose !== false;
    this.pending = true;
    if (this.fd === null) {
      internal.nextTick(() => {
        try {
          this.fd = openSync(this.path, this.flags, this.mode);
          this.pending = false;
          this.emit('open', this.fd);
          this.emit('ready');
        } catch (e) { this.destroy(e); }
      });
    }
  }
  _read(n) {
    if (this.fd === null) { this.once('open', () => this._read(n)); return; }
    const toRead = Math.min(n, scratchSize, this.end - (this.pos ?? this.bytesRead) + 1);
    if (toRead <= 0) { this.push(null); return; }
    const buf = Buffer.allocUnsafe(toRead);
    let got;
    try { got = readSync(this.fd, buf, 0, toRead, this.pos === undefined ? null : this.pos); } catch (e) { this.destroy(e); return; }
    if (this.pos !== undefined) this.pos += got;
    this.bytesRead += got;
    internal.post(() => this.push(got === 0 ? null : buf.subarray(0, got)), 'FSREQCALLBACK');
  }
  _destroy(err, cb) {
    if (this.autoClose && typeof this.fd === 'number') { bridge(OP.Close, this.fd); this.fd = null; }
    cb(err);
  }
  close(cb) { this.destroy(null, cb); }
}
class WriteStream extends Writable {
  constructor(path, options) {
    options = getOptions(options, {});
    super({ highWaterMark: options.highWaterMark, decodeStrings: true, emitClose: options.emitClose !== false });
    this.path = typeof path === 'number' ? undefined : toPath(path);
    this.flags = options.flags || 'w';
    this.mode = options.mode || 0o666;
    this.start = options.start;
    this.pos = this.start;
    this.bytesWritten = 0;
    this.autoClose = options.autoClose !== false;
    this.fd = typeof options.fd === 'number' ? options.fd : typeof path === 'number' ? path : null;
    this.pending = this.fd === null;
    if (this.fd === null) {
      try { this.fd = openSync(this.path, this.flags, this.mode); } catch (e) { internal.nextTick(() => this.destroy(e)); return; }
      this.pending = false;
      internal.nextTick(() => { this.emit('open', this.fd); this.emit('ready'); });
    }
  }
  _write(chunk, encoding, cb) {
    try {
      const n = writeAll(this.fd, chunk, this.pos === undefined ? null : this.pos);
      if (this.pos !== undefined) this.pos += n;
      this.bytesWritten += n;
      cb();
    } catch (e) { cb(e); }
  }
  _destroy(err, cb) {
    if (this.autoClose && typeof this.fd === 'number') { bridge(OP.Close, this.fd); this.fd = null; }
    cb(err);
  }
  close(cb) { if (cb) this.once('close', cb); this.end(); }
}

function unsupported(name) { return () => { throw errors.notSupported(`fs.${name}`); }; }

const fs = {
  ...syncApi,
  ...callbackApi,
  constants, F_OK, R_OK, W_OK, X_OK, Stats, Dirent,
  ReadStream, WriteStream,
  createReadStream: (path, options) => new ReadStream(path, options),
  createWriteStream: (path, options) => new WriteStream(path, options),
  watch: unsupported('watch'), watchFile: unsupported('watchFile'), unwatchFile: unsupported('unwatchFile'),
  readv: unsupported('readv'), writev: unsupported('writev'), readvSync: unsupported('readvSync'), writevSync: unsupported('writevSync'),
};
fs.realpath.native = fs.realpath;
Object.defineProperty(fs, 'promises', { enumerable: true, configurable: true, get: () => require('fs/promises') });
module.exports = fs;
