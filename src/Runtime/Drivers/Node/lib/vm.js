// node:vm — createContext, runInNewContext, runInContext, Script and compileFunction (contextExtensions,
// parsingContext) with timeouts; each context is a separate V8 context in the process's isolate, with its own
// built-ins. The host compiles and runs the scripts; the sandbox's properties are linked as the context's
// globals by internal/vm_context. Differences from Node (cross-context eval refused by V8, the sandbox synced
// at run boundaries, no error decoration) are in the Node driver README.
'use strict';
const errors = internal.errors;
const { OP } = internal;
const contexts = new WeakMap(); // contextified object → { id, control }
const kCode = Symbol('code');
const kFilename = Symbol('filename');
const kInContext = Symbol('inContext'); // a Script compiled by the context it runs in (runInNewContext etc.)

let errnoCodes;
function errnoName(r) {
  errnoCodes ??= internal.info.errnos;
  return (errnoCodes[String(-r)] || ['UNKNOWN'])[0];
}

function options(opts, defaultName) {
  if (typeof opts === 'string') return { filename: opts };
  if (opts === undefined || opts === null) return { filename: defaultName };
  if (typeof opts !== 'object') throw errors.invalidArgType('options', 'Object', opts);
  return { ...opts, filename: opts.filename === undefined ? defaultName : `${opts.filename}` };
}

// lineOffset/columnOffset: the source is shifted so V8 reports the caller's positions.
function positioned(code, { lineOffset = 0, columnOffset = 0 }) {
  for (const [name, value] of [['lineOffset', lineOffset], ['columnOffset', columnOffset]]) {
    if (typeof value !== 'number') throw errors.invalidArgType(`options.${name}`, 'number', value);
    if (!Number.isInteger(value)) throw errors.outOfRange(`options.${name}`, 'an integer', value);
    if (value < 0) throw errors.notSupported(`vm.Script a negative options.${name}`);
  }
  return '\n'.repeat(lineOffset) + ' '.repeat(columnOffset) + code;
}

function validateTimeout(opts) {
  const timeout = opts === null || typeof opts !== 'object' ? undefined : opts.timeout;
  if (timeout === undefined) return 0;
  if (typeof timeout !== 'number') throw errors.invalidArgType('options.timeout', 'number', timeout);
  if (!Number.isInteger(timeout)) throw errors.outOfRange('options.timeout', 'an integer', timeout);
  if (timeout < 1 || timeout > 4294967295) throw errors.outOfRange('options.timeout', '>= 1 && <= 4294967295', timeout);
  return timeout;
}

function checkSyntax(code, filename) {
  // Parses without running: the body of an unused function (script-only grammar differences aside).
  internal.compile(`(function () {\n${code}\n})`, filename);
}

function contextOf(object, name, expected = 'vm.Context') {
  const context = object !== null && typeof object === 'object' ? contexts.get(object) : undefined;
  if (context === undefined) throw errors.invalidArgType(name, expected, object);
  return context;
}

/** Runs code in context `box` (undefined: this context). A timeout error's stack starts at run's caller. */
function run(code, filename, box, timeout) {
  const context = box === undefined ? undefined : contexts.get(box);
  if (context) context.control.link(box);
  let entry;
  try {
    entry = internal.sinkCall(OP.VmRun, context ? context.id : 0, code, filename, timeout);
  } finally {
    if (context) context.control.writeBack(box);
  }
  const [r, value, threw] = entry;
  if (r === true) {
    if (threw) throw value;
    return context ? context.control.result(box, value) : value;
  }
  if (typeof r === 'string') throw errors.syntaxErrorFromDetails(r, filename, code, context ? context.control.realm : undefined);
  if (errnoName(r) === 'ETIMEDOUT') {
    if (context) throw context.control.timeoutError(timeout, run);
    const err = new Error(`Script execution timed out after ${timeout}ms`);
    Error.captureStackTrace(err, run);
    err.code = 'ERR_SCRIPT_EXECUTION_TIMEOUT';
    throw err;
  }
  throw errors.uvException(r, 'vm');
}

class Script {
  constructor(code, opts = undefined) {
    code = `${code}`;
    const o = options(opts, 'evalmachine.<anonymous>');
    if (o.cachedData !== undefined) throw errors.notSupported('vm.Script cachedData');
    if (o.produceCachedData) throw errors.notSupported('vm.Script produceCachedData');
    code = positioned(code, o);
    if (!o[kInContext]) checkSyntax(code, o.filename);
    Object.defineProperty(this, kCode, { value: code });
    Object.defineProperty(this, kFilename, { value: o.filename });
    this.cachedDataRejected = undefined;
    this.sourceMapURL = undefined;
  }
  runInThisContext(opts) {
    return run(this[kCode], this[kFilename], undefined, validateTimeout(opts));
  }
  runInContext(contextifiedObject, opts) {
    contextOf(contextifiedObject, 'contextifiedObject');
    return run(this[kCode], this[kFilename], contextifiedObject, validateTimeout(opts));
  }
  runInNewContext(contextObject, opts) {
    const box = createContext(contextObject, contextOptions(opts));
    return run(this[kCode], this[kFilename], box, validateTimeout(opts));
  }
  createCachedData() { throw errors.notSupported('vm.Script.createCachedData'); }
}

function contextOptions(opts) {
  if (opts === null || typeof opts !== 'object') return undefined;
  return {
    name: opts.contextName, origin: opts.contextOrigin, codeGeneration: opts.contextCodeGeneration,
    microtaskMode: opts.microtaskMode,
  };
}

function runInThisContext(code, opts) {
  const script = new Script(code, inContext(opts)); // V8 reports syntax errors when it compiles the script
  return run(script[kCode], script[kFilename], undefined, validateTimeout(opts));
}

function createContext(contextObject = {}, opts = undefined) {
  if (contextObject === constants.DONT_CONTEXTIFY) throw errors.notSupported('vm.createContext(vm.constants.DONT_CONTEXTIFY)');
  if (contextObject === null || typeof contextObject !== 'object') throw errors.invalidArgType('object', 'object', contextObject);
  if (contexts.has(contextObject)) return contextObject;
  if (opts !== undefined) {
    if (opts === null || typeof opts !== 'object') throw errors.invalidArgType('options', 'object', opts);
    if (opts.name !== undefined) errors.validateString(opts.name, 'options.name');
    if (opts.origin !== undefined) errors.validateString(opts.origin, 'options.origin');
    const gen = opts.codeGeneration;
    if (gen !== undefined) {
      if (gen === null || typeof gen !== 'object') throw errors.invalidArgType('options.codeGeneration', 'object', gen);
      if (gen.strings === false || gen.wasm === false) throw errors.notSupported('vm.createContext codeGeneration');
    }
    if (opts.microtaskMode === 'afterEvaluate') throw errors.notSupported("vm.createContext microtaskMode 'afterEvaluate'");
  }
  const [id, control] = internal.sinkCall(OP.VmContextCreate);
  if (id < 0 && errnoName(id) === 'ENOMEM') {
    throw errors.codedError(Error, 'ERR_NOT_SUPPORTED_IN_SANDBOX', "vm.createContext: more contexts than the sandbox's limit");
  }
  if (id < 0) throw errors.uvException(id, 'vm.createContext');
  contexts.set(contextObject, { id, control });
  return contextObject;
}

function isContext(object) {
  if (object === null || typeof object !== 'object') throw errors.invalidArgType('object', 'object', object);
  return contexts.has(object);
}

function runInContext(code, contextifiedObject, opts) {
  contextOf(contextifiedObject, 'contextifiedObject');
  const script = new Script(code, inContext(opts));
  return run(script[kCode], script[kFilename], contextifiedObject, validateTimeout(opts));
}

function runInNewContext(code, contextObject, opts) {
  if (typeof opts === 'string') opts = { filename: opts };
  const box = createContext(contextObject, contextOptions(opts));
  const script = new Script(code, inContext(opts));
  return run(script[kCode], script[kFilename], box, validateTimeout(opts));
}

function inContext(opts) {
  const o = options(opts, 'evalmachine.<anonymous>');
  o[kInContext] = true;
  return o;
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
function compileFunction(code, params = [], opts = {}) {
  if (typeof code !== 'string') throw errors.invalidArgType('code', 'string', code);
  if (!Array.isArray(params)) throw errors.invalidArgType('params', 'Array', params);
  params.forEach((p, i) => {
    if (typeof p !== 'string') throw errors.invalidArgType(`params[${i}]`, 'string', p);
    if (!identifier.test(p) && !/^\.\.\.[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) throw errors.invalidArgValue(`params[${i}]`, p);
  });
  const { filename = '', parsingContext, contextExtensions = [] } = opts || {};
  if (parsingContext !== undefined) contextOf(parsingContext, 'options.parsingContext', 'Context');
  if (!Array.isArray(contextExtensions)) throw errors.invalidArgType('options.contextExtensions', 'Array', contextExtensions);
  contextExtensions.forEach((e, i) => {
    if (e === null || typeof e !== 'object') throw errors.invalidArgType(`options.contextExtensions[${i}]`, 'object', e);
  });
  // Node names the function's script by filename, '' by default (stacks show `<anonymous>`)
  const name = filename || '<anonymous>';
  // The code starts on the header's line, as in V8's CompileFunction: err.stack takes the header out of line 1's
  // columns (bootstrap's headerColumns; in the main context only). Extensions are scopes around the function, the
  // last one innermost (as V8's CompileFunction has them).
  const names = contextExtensions.map((_, i) => `__vmExtension${i}`);
  const scopes = names.map((n) => `with (${n}) `).join('');
  const header = names.length === 0 ? `(function (${params.join(', ')}) { `
    : `(function (${names.join(', ')}) { ${scopes}return function (${params.join(', ')}) { `;
  if (parsingContext === undefined) internal.headerColumns.set(name, header.length);
  const fn = run(`${header}${code}\n}${names.length === 0 ? ')' : '; })'}`, name, parsingContext, 0);
  return names.length === 0 ? fn : fn(...contextExtensions);
}

function measureMemory() { return Promise.reject(errors.notSupported('vm.measureMemory')); }

const constants = Object.freeze({
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

module.exports = {
  Script, createContext, createScript: (code, opts) => new Script(code, opts), runInContext, runInNewContext,
  runInThisContext, isContext, compileFunction, measureMemory, constants,
};
