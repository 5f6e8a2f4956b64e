// node:internal/require_esm — require() of an ES module, as Node 22.12+ does it without a flag: the module's graph
// evaluates synchronously and require() returns its namespace. A module exporting a name 'module.exports' gives that
// value instead, and one with a default export (and no __esModule) gives a facade with __esModule: true, so that
// transpiled CommonJS reads `.default` from it. A graph with top-level await fails with ERR_REQUIRE_ASYNC_MODULE
// (after running up to its first await: the host cannot tell before evaluating, as Node can).
'use strict';
const { OP, sinkCall } = internal;
const errors = internal.errors;

const kNone = Symbol('none');
let received = kNone;

/** Called by the host's one-line module once the graph has evaluated. */
function receive(namespace) {
  received = namespace;
}

function evaluate(filename, facade, parent) {
  received = kNone;
  const [, value, threw] = sinkCall(OP.RequireEvaluate, filename, facade);
  if (threw) throw value;
  const namespace = received;
  received = kNone;
  if (namespace === kNone) {
    // The rest of the graph still settles later; its failure is this error's business, not an unhandled rejection.
    if (value && typeof value.then === 'function') value.then(undefined, () => {});
    const from = parent && parent.filename ? `\n  From ${parent.filename} ` : '';
    throw errors.codedError(Error, 'ERR_REQUIRE_ASYNC_MODULE', 'require() cannot be used on an ESM graph with top-level await. Use ' +
      'import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.' +
      `${from}\n  Requiring ${filename} `);
  }
  return namespace;
}

/** The value require(filename) returns for an ES module. */
function requireModule(filename, parent) {
  const namespace = evaluate(filename, false, parent);
  if ('module.exports' in namespace) return namespace['module.exports'];
  if ('default' in namespace && !('__esModule' in namespace)) return evaluate(filename, true, parent);
  return namespace;
}

/**
 * `node --import SPECIFIER`: imported before the entry, resolved from the working directory. Evaluated synchronously
 * like require(): a preload whose graph has top-level await is refused (Node would wait for it).
 */
function preloadImport(specifier) {
  const cwd = process.cwd().replace(/\/$/, '') + '/';
  const resolved = internal.bridge(OP.ImportResolve, specifier, cwd + '[preload]');
  if (typeof resolved !== 'string') {
    const what = /^(\.{0,2}\/|file:)/.test(specifier) ? `module '${require('path').resolve(cwd, specifier.replace(/^file:\/\//, ''))}'` : `package '${specifier}'`;
    throw errors.codedError(Error, 'ERR_MODULE_NOT_FOUND', `Cannot find ${what} imported from ${cwd}`);
  }
  if (resolved.startsWith('node:')) {
    internal.loadBuiltin(resolved);
    return;
  }
  if (internal.bridge(OP.Resolve, resolved, '', 'format') !== 'module') {
    internal.cjs.Module._load(resolved, null, false);
    return;
  }
  try {
    evaluate(resolved, false, null);
  } catch (err) {
    if (err && err.code === 'ERR_REQUIRE_ASYNC_MODULE') {
      throw errors.notSupported(`--import of a module graph with top-level await (${resolved})`);
    }
    throw err;
  }
}

module.exports = { receive, requireModule, preloadImport };
