// node:internal/cjs — CommonJS: Module, require (resolution by the host's ModuleResolver), the module
// wrapper, .js/.json/.cjs loaders, require.cache, createRequire, and the entry points (file, -e, -p, stdin).
'use strict';
const { bridge, OP, compile, builtinNames } = internal;
const errors = internal.errors;
const path = require('path');

const sources = new Map(); // filename → source (for error reports)
const wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];

// Built-ins reachable only with the `node:` scheme (Node 22: node:test); not in builtinModules.
const schemeOnlyBuiltins = new Set(['test']);

function requireBuiltin(name) {
  const prefixed = name.startsWith('node:');
  if (prefixed) name = name.slice(5);
  if (!builtinNames.has(name) && !(prefixed && schemeOnlyBuiltins.has(name))) {
    throw errors.codedError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: node:${name}`);
  }
  if (name === 'process') return internal.process;
  return internal.loadBuiltin(name);
}

// Sources the ES module loader already read to find a file's export names (internal/cjs_esm), used once.
const prereadSources = new Map();

function readText(filename) {
  const preread = prereadSources.get(filename);
  if (preread !== undefined) {
    prereadSources.delete(filename);
    return preread;
  }
  const r = bridge(OP.ReadFileText, filename);
  if (typeof r === 'number') throw errors.uvException(r, 'open', filename);
  return r;
}

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  this.exports = {};
  this.filename = null;
  this.loaded = false;
  this.children = [];
  this.paths = [];
  Object.defineProperty(this, 'parent', { value: parent, writable: true, enumerable: false, configurable: true });
  if (parent && parent.children) parent.children.push(this);
}
Module._cache = Object.create(null);
Module._pathCache = Object.create(null);
Module.builtinModules = [...builtinNames];
Module.isBuiltin = (name) => {
  name = String(name);
  return name.startsWith('node:') ? builtinNames.has(name.slice(5)) || schemeOnlyBuiltins.has(name.slice(5)) : builtinNames.has(name);
};
Module.wrapper = wrapper;
Module.wrap = (script) => wrapper[0] + script + wrapper[1];
Module.globalPaths = [];

Module._nodeModulePaths = function (from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const parts = from.split('/');
  const paths = [];
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    paths.push(parts.slice(0, i).join('/') + '/node_modules');
  }
  paths.push('/node_modules');
  return paths.filter((p) => p !== '/node_modules' || true).map((p) => (p.startsWith('/') ? p : '/' + p));
};

function requireStack(parent) {
  const stack = [];
  for (let m = parent; m; m = m.parent) if (m.filename || m.id) stack.push(m.filename || m.id);
  return stack;
}

Module._resolveFilename = function (request, parent, isMain, options) {
  if (typeof request !== 'string') throw errors.invalidArgType('id', 'string', request);
  if (request.startsWith('node:') || builtinNames.has(request)) return request.startsWith('node:') ? request : request;
  const bases = options && Array.isArray(options.paths) ? options.paths : [parent && parent.filename ? path.dirname(parent.filename) : parent && parent.path ? parent.path : process.cwd()];
  for (const base of bases) {
    const r = bridge(OP.Resolve, request, path.resolve(base), 'require');
    if (typeof r === 'string') return r;
  }
  const stack = requireStack(parent);
  let message = `Cannot find module '${request}'`;
  if (stack.length) message += '\nRequire stack:\n- ' + stack.join('\n- ');
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = stack;
  throw err;
};

// Node's relativeResolveCache: (parent dir, request) → filename of a loaded module, so a module required again from
// the same folder skips resolution (a host round trip and its stats); a require.cache deletion resolves again.
const relativeResolveCache = Object.create(null);

Module._load = function (request, parent, isMain) {
  const relKey = parent && typeof parent.path === 'string' ? parent.path + '\x00' + request : undefined;
  if (relKey !== undefined) {
    const known = relativeResolveCache[relKey];
    if (known !== undefined) {
      const cached = Module._cache[known];
      if (cached) {
        if (parent.children && !parent.children.includes(cached)) parent.children.push(cached);
        return cached.exports;
      }
      delete relativeResolveCache[relKey];
    }
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  if (filename.startsWith('node:') || builtinNames.has(filename)) return requireBuiltin(filename);
  const cached = Module._cache[filename];
  if (cached) {
    if (parent && parent.children && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
  }
  Module._cache[filename] = module;
  if (relKey !== undefined) relativeResolveCache[relKey] = filename;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) delete Module._cache[filename];
  }
  return module.exports;
};

Module.prototype.load = function (filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  let ext = path.extname(filename);
  if (!Module._extensions[ext]) ext = '.js';
  Module._extensions[ext](this, filename);
  this.loaded = true;
};

Module.prototype.require = function (id) {
  if (typeof id !== 'string') throw errors.invalidArgType('id', 'string', id);
  if (id === '') throw errors.invalidArgValue('id', id, 'must be a non-empty string');
  return Module._load(id, this, false);
};

Module.prototype._compile = function (content, filename) {
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  if (content.startsWith('#!')) content = '//' + content;
  sources.set(filename, content);
  internal.headerColumns.set(filename, wrapper[0].length); // err.stack shows line 1's columns without it
  const fn = compile(Module.wrap(content), filename);
  const require = makeRequire(this);
  return Reflect.apply(fn, this.exports, [this.exports, require, this, filename, path.dirname(filename)]);
};

Module._extensions = Object.create(null);
Module._extensions['.js'] = function (module, filename) {
  if (filename.endsWith('.js') && bridge(OP.Resolve, filename, '', 'format') === 'module') {
    module.exports = internal.loadBuiltin('internal/require_esm').requireModule(filename, module.parent);
    return;
  }
  module._compile(readText(filename), filename);
};
Module._extensions['.cjs'] = Module._extensions['.js'];
Module._extensions['.json'] = function (module, filename) {
  const content = readText(filename);
  try {
    module.exports = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};
Module._extensions['.mjs'] = function (module, filename) {
  module.exports = internal.loadBuiltin('internal/require_esm').requireModule(filename, module.parent);
};
Module._extensions['.node'] = function (module, filename) {
  throw errors.notSupported(`Native addon ${filename}`);
};

function makeRequire(mod) {
  const require = function require(id) { return mod.require(id); };
  require.resolve = function resolve(request, options) {
    if (typeof request !== 'string') throw errors.invalidArgType('request', 'string', request);
    return Module._resolveFilename(request, mod, false, options);
  };
  require.resolve.paths = (request) => (builtinNames.has(request) ? null : Module._nodeModulePaths(mod.path || process.cwd()));
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.createRequire = function createRequire(filename) {
  if (filename instanceof URL || (typeof filename === 'string' && filename.startsWith('file:'))) filename = require('url').fileURLToPath(filename);
  if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw errors.invalidArgValue('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
  }
  const m = new Module(filename, null);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(path.dirname(filename));
  return makeRequire(m);
};
Module.Module = Module;
Module.runMain = () => {};
Module.syncBuiltinESMExports = () => {};
Module.findSourceMap = () => undefined;
Module.register = () => { throw errors.notSupported('module.register'); };

/** `node FILE`: CommonJS, or "esm:PATH" for the host to evaluate as an ES module. */
function runMainFile(file) {
  const filename = path.resolve(file);
  let resolved;
  try {
    resolved = Module._resolveFilename(filename, null, true);
  } catch (err) {
    if (err.code === 'MODULE_NOT_FOUND') {
      err.message = `Cannot find module '${filename}'`;
      err.stack = `Error: ${err.message}`;
      err.requireStack = [];
    }
    throw err;
  }
  if (bridge(OP.Resolve, resolved, '', 'format') === 'module') return 'esm:' + resolved;
  Module._load(resolved, null, true);
  return undefined;
}

/** `node -r SPECIFIER`: required before the entry, resolved from the working directory (parent "internal/preload"). */
function preloadRequire(specifier) {
  const parent = new Module('internal/preload', null);
  parent.path = process.cwd();
  parent.paths = Module._nodeModulePaths(process.cwd());
  parent.require(specifier);
}

/** `node -e`, `node -p`, stdin: a script in the global scope with require, module, __filename = name. */
function runEval(code, name, print) {
  const filename = path.join(process.cwd(), name);
  const module = new Module(name, null);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(process.cwd());
  const require = makeRequire(module);
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = require;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  sources.set(name, code);
  const result = compile(code, name);
  if (print) {
    const { log } = require('console');
    log(result);
  }
  return undefined;
}

module.exports = {
  Module, requireBuiltin, runMainFile, runEval, preloadRequire, sourceOf: (f) => sources.get(f),
  preread: (filename, source) => prereadSources.set(filename, source),
  headerColumns: (f) => internal.headerColumns.get(f) ?? 0, // V8's CallSites on line 1 count the wrapper's header
};
