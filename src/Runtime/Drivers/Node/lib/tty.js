// node:tty — isatty and the TTY stream classes over kernel fds. There is no real terminal behind a VM
// fd: the size is the conventional 80x24 unless COLUMNS/LINES say otherwise, and raw mode is not provided.
'use strict';
const { bridge, OP } = internal;
const errors = internal.errors;
const { FdReadable, FdWritable } = require('internal/fdstream');
const readline = require('internal/readline');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && bridge(OP.IsTty, fd) === true;
}

function ttyInitFailed(fd) {
  const err = errors.codedError(Error, 'ERR_TTY_INIT_FAILED', 'TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)');
  err.errno = -22; err.syscall = 'uv_tty_init'; err.fd = fd;
  return err;
}

class ReadStream extends FdReadable {
  constructor(fd, options = {}) {
    if (!Number.isInteger(fd) || fd < 0) throw errors.outOfRange('fd', '>= 0 && <= 2147483647', fd);
    if (!isatty(fd)) throw ttyInitFailed(fd);
    super(fd, { autoClose: false, ...options });
    this.isRaw = false;
    this.isTTY = true;
  }
  setRawMode(flag) { if (flag) throw errors.notSupported('tty.ReadStream.setRawMode'); this.isRaw = false; return this; }
}

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16m = 24;
const TERM_ENVS = {
  'eterm': COLORS_16, 'cons25': COLORS_16, 'console': COLORS_16, 'cygwin': COLORS_16, 'dtterm': COLORS_16,
  'gnome': COLORS_16, 'hurd': COLORS_16, 'jfbterm': COLORS_16, 'konsole': COLORS_16, 'kterm': COLORS_16,
  'mlterm': COLORS_16, 'mosh': COLORS_16m, 'putty': COLORS_16, 'st': COLORS_16, 'rxvt-unicode-24bit': COLORS_16m,
  'terminator': COLORS_16m, 'xterm-kitty': COLORS_16m,
};
const TERM_ENVS_REG_EXP = [/ansi/, /color/, /linux/, /direct/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/, /^vt220/];

/** Node's color depth rules (lib/internal/tty.js): FORCE_COLOR, NO_COLOR, CI, TERM_PROGRAM, COLORTERM, TERM. */
function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '': case '1': case 'true': return COLORS_16;
      case '2': return COLORS_256;
      case '3': return COLORS_16m;
      default: return COLORS_2;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return COLORS_2;
  if (env.TMUX) return COLORS_16m;
  if (env.CI) {
    if (['GITHUB_ACTIONS', 'GITEA_ACTIONS', 'CIRCLECI'].some((k) => k in env)) return COLORS_16m;
    if (['TRAVIS', 'APPVEYOR', 'GITLAB_CI', 'BUILDKITE', 'DRONE'].some((k) => k in env) || env.CI_NAME === 'codeship') return COLORS_256;
    return COLORS_2;
  }
  if ('TEAMCITY_VERSION' in env) return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? COLORS_16 : COLORS_2;
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return COLORS_256;
      return COLORS_16m;
    case 'HyperTerm': case 'MacTerm': return COLORS_16m;
    case 'Apple_Terminal': return COLORS_256;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16m;
  if (env.TERM) {
    if (/truecolor/.test(env.TERM)) return COLORS_16m;
    if (/^xterm-256/.test(env.TERM)) return COLORS_256;
    const termEnv = env.TERM.toLowerCase();
    if (TERM_ENVS[termEnv]) return TERM_ENVS[termEnv];
    if (TERM_ENVS_REG_EXP.some((re) => re.test(termEnv))) return COLORS_16;
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else if (typeof count !== 'number') {
    throw errors.invalidArgType('count', 'number', count);
  }
  return count <= 2 ** getColorDepth(env);
}

function windowSize() {
  const columns = Number.parseInt(process.env.COLUMNS, 10);
  const rows = Number.parseInt(process.env.LINES, 10);
  return [columns > 0 ? columns : 80, rows > 0 ? rows : 24];
}

class WriteStream extends FdWritable {
  constructor(fd) {
    if (!Number.isInteger(fd) || fd < 0) throw errors.outOfRange('fd', '>= 0 && <= 2147483647', fd);
    if (!isatty(fd)) throw ttyInitFailed(fd);
    super(fd, { autoClose: false });
    this.isTTY = true;
    [this.columns, this.rows] = windowSize();
  }
  getColorDepth(env) { return getColorDepth(env); }
  hasColors(count, env) { return hasColors(count, env); }
  getWindowSize() { return [this.columns, this.rows]; }
  clearLine(dir, cb) { return readline.clearLine(this, dir, cb); }
  clearScreenDown(cb) { return readline.clearScreenDown(this, cb); }
  cursorTo(x, y, cb) { return readline.cursorTo(this, x, y, cb); }
  moveCursor(dx, dy, cb) { return readline.moveCursor(this, dx, dy, cb); }
}

module.exports = { isatty, ReadStream, WriteStream, getColorDepth, hasColors, windowSize };
