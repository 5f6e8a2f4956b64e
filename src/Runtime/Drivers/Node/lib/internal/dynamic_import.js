// node:internal/dynamic_import — import() in guest code, which the host rewrites to __secureExecImport(referrer,
// specifier). It resolves like Node's ESM loader and settles only once the module has evaluated (a module that
// throws rejects; top-level await is awaited), evaluating from a microtask as V8 does.
'use strict';
const { bridge, OP } = internal;
const namespaces = new Map(); // id → namespace, set by the host's one-line importer module
let nextId = 1;

function done(id, namespace) { namespaces.set(id, namespace); }

/** Node's error for an import that does not resolve (also for static imports: the host calls this). */
function notFound(specifier, referrer) {
  const relative = specifier.startsWith('/') || specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('file:');
  const path = require('path');
  const what = relative
    ? `module '${path.resolve(path.dirname(referrer), specifier.replace(/^file:\/\//, ''))}'`
    : `package '${specifier}'`;
  return internal.errors.codedError(Error, 'ERR_MODULE_NOT_FOUND', `Cannot find ${what} imported from ${referrer}`);
}

// When a module throws, V8's evaluation promise (which ClearScript does not hand out: it throws instead) rejects
// unhandled with the same error. Such echoes are not reported; the import() promise itself is.
const evaluationErrors = new WeakSet();
const importPromises = new WeakSet();
const evaluationFailed = (err) => { if (err !== null && (typeof err === 'object' || typeof err === 'function')) evaluationErrors.add(err); };
internal.isImportEcho = (promise, reason) =>
  reason !== null && (typeof reason === 'object' || typeof reason === 'function') && evaluationErrors.has(reason) && !importPromises.has(promise);

function dynamicImport(referrer, specifier) {
  const promise = new Promise((resolve, reject) => {
    const spec = `${specifier}`; // a Symbol throws here: the promise rejects with the TypeError
    const target = bridge(OP.ImportResolve, spec, referrer);
    if (typeof target !== 'string') throw notFound(spec, referrer);
    Promise.resolve().then(() => {
      const id = nextId++;
      const [, value, threw] = internal.sinkCall(OP.ImportEvaluate, target, id);
      const fail = (err) => { namespaces.delete(id); evaluationFailed(err); reject(err); };
      if (threw) fail(value); // ClearScript throws when the evaluation promise is already rejected
      else Promise.resolve(value).then(() => { const ns = namespaces.get(id); namespaces.delete(id); resolve(ns); }, fail);
    });
  });
  importPromises.add(promise);
  return promise;
}

module.exports = { dynamicImport, done, evaluationFailed, notFound };
