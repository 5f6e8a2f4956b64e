// node:vm — scripts run in this context (compiled by V8 under their filename) and compileFunction. New
// contexts need a second V8 context per engine, which ClearScript does not offer: runInNewContext,
// runInContext and Script#runInContext fail with ERR_NOT_SUPPORTED_IN_SANDBOX; createContext/isContext
// only mark objects.
'use strict';
const errors = internal.errors;
const contexts = new WeakSet();
const kCode = Symbol('code');
const kFilename = Symbol('filename');

function options(opts, defaultName) {
  if (typeof opts === 'string') return { filename: opts };
  if (opts === undefined || opts === null) return { filename: defaultName };
  if (typeof opts !== 'object') throw errors.invalidArgType('options', 'Object', opts);
  return { ...opts, filename: opts.filename === undefined ? defaultName : `${opts.filename}` };
}

function checkSyntax(code, filename) {
  // Parses without running: the body of an unused function (script-only grammar differences aside).
  internal.compile(`(function () {\n${code}\n})`, filename);
}

function newContextUnsupported(api) {
  return errors.notSupported(`vm.${api} (a separate V8 context)`);
}

class Script {
  constructor(code, opts = undefined) {
    code = `${code}`;
    const { filename, cachedData, produceCachedData } = options(opts, 'evalmachine.<anonymous>');
    if (cachedData !== undefined) throw errors.notSupported('vm.Script cachedData');
    if (produceCachedData) throw errors.notSupported('vm.Script produceCachedData');
    checkSyntax(code, filename);
    Object.defineProperty(this, kCode, { value: code });
    Object.defineProperty(this, kFilename, { value: filename });
    this.cachedDataRejected = undefined;
    this.sourceMapURL = undefined;
  }
  runInThisContext() { return internal.compile(this[kCode], this[kFilename]); }
  runInContext(contextifiedObject) {
    if (!isContext(contextifiedObject)) throw errors.invalidArgType('contextifiedObject', 'vm.Context', contextifiedObject);
    throw newContextUnsupported('Script.runInContext');
  }
  runInNewContext() { throw newContextUnsupported('Script.runInNewContext'); }
  createCachedData() { throw errors.notSupported('vm.Script.createCachedData'); }
}

function runInThisContext(code, opts) { return new Script(code, opts).runInThisContext(); }

function createContext(contextObject = {}, opts = undefined) {
  if (contextObject === null || typeof contextObject !== 'object') throw errors.invalidArgType('contextObject', 'Object', contextObject);
  void opts;
  contexts.add(contextObject);
  return contextObject;
}

function isContext(object) {
  if (object === null || typeof object !== 'object') throw errors.invalidArgType('object', 'Object', object);
  return contexts.has(object);
}

function runInContext(code, contextifiedObject) {
  if (!isContext(contextifiedObject)) throw errors.invalidArgType('contextifiedObject', 'vm.Context', contextifiedObject);
  throw newContextUnsupported('runInContext');
}
function runInNewContext() { throw newContextUnsupported('runInNewContext'); }

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
function compileFunction(code, params = [], opts = {}) {
  if (typeof code !== 'string') throw errors.invalidArgType('code', 'string', code);
  if (!Array.isArray(params)) throw errors.invalidArgType('params', 'Array', params);
  params.forEach((p, i) => {
    if (typeof p !== 'string') throw errors.invalidArgType(`params[${i}]`, 'string', p);
    if (!identifier.test(p) && !/^\.\.\.[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) throw errors.invalidArgValue(`params[${i}]`, p);
  });
  const { filename = '', parsingContext, contextExtensions } = opts || {};
  if (parsingContext !== undefined && !isContext(parsingContext)) throw errors.invalidArgType('options.parsingContext', 'Context', parsingContext);
  if (parsingContext !== undefined) throw newContextUnsupported('compileFunction with parsingContext');
  if (contextExtensions !== undefined && (!Array.isArray(contextExtensions) || contextExtensions.length > 0)) {
    throw errors.notSupported('vm.compileFunction contextExtensions');
  }
  return internal.compile(`(function (${params.join(', ')}) {\n${code}\n})`, filename || 'evalmachine.<anonymous>');
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
