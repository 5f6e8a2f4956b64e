// node:internal/cjs_esm — an ES module importing a CommonJS file, as Node 22 does it. The named exports are fixed
// when the graph links: the names cjs-module-lexer (the npm package Node ships) finds in the source, plus those of the
// files it re-exports. The file itself runs only when evaluation reaches it, in graph order, and `default` is its
// module.exports. The host's ES module loader calls `exportNames` at link time and the synthetic module calls `run`.
'use strict';
const { Module, preread } = internal.cjs;
const { parse } = require('internal/deps/cjs-module-lexer');
const path = require('path');
const { bridge, OP, builtinNames } = internal;

const hasOwn = Object.prototype.hasOwnProperty;
const names = new Map(); // filename → Set of export names (a file's entry exists before its re-exports are read)

function readSource(filename) {
  const r = bridge(OP.ReadFileText, filename);
  return typeof r === 'string' ? r : undefined;
}

// Node follows a re-export into CommonJS files only: .cjs, and .js whatever its package type says.
function followsReexport(filename) {
  const ext = path.extname(filename);
  return ext === '.js' || ext === '.cjs' || (ext === '' && !builtinNames.has(filename));
}

function exportNamesOf(filename) {
  let set = names.get(filename);
  if (set !== undefined) return set;
  set = new Set();
  names.set(filename, set);
  if (filename.endsWith('.json')) return set;
  const source = readSource(filename);
  // A file the lexer fails on has no named exports (Node too); the module still runs and gives `default`.
  let parsed;
  try {
    parsed = parse(source === undefined ? '' : source);
  } catch {
    parsed = { exports: [], reexports: [] };
  }
  if (source !== undefined && !Module._cache[filename]) preread(filename, source);
  for (const name of parsed.exports) set.add(name);
  const parent = { filename, path: path.dirname(filename) };
  for (const specifier of parsed.reexports) {
    let resolved;
    try {
      resolved = Module._resolveFilename(specifier, parent, false);
    } catch {
      continue; // Node skips a re-export it cannot resolve
    }
    if (resolved.startsWith('node:') || builtinNames.has(resolved) || !followsReexport(resolved)) continue;
    for (const name of exportNamesOf(resolved)) set.add(name);
  }
  return set;
}

/** At link time: the export names of a CommonJS file other than `default`, as an array. */
function exportNames(filename) {
  return [...exportNamesOf(filename)].filter((n) => n !== 'default');
}

/** At evaluation time: run the file (unless require() already did) and return its module.exports. */
function run(filename) {
  return Module._load(filename, null, false);
}

/** The value of one named export: an own property of module.exports, read once; a throwing getter gives undefined. */
function pick(exports, name) {
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function') || !hasOwn.call(exports, name)) return undefined;
  try {
    return exports[name];
  } catch {
    return undefined;
  }
}

/**
 * A link error for a name a CommonJS file does not export gets Node's advice (import the default, then destructure).
 * details: V8's "SyntaxError: ...\n    at FILE:LINE:COL -> SOURCE LINE" for the importing module (FILE: its URL).
 */
function explainNamedExport(err, details) {
  const m = /module '(.*)' does not provide an export named '(.+)'/.exec(err.message);
  const at = /at (file:\/\/)?(\/.*?):\d+:\d+ -> (.*)/.exec(details);
  if (!m || !at) return;
  const [, specifier, name] = m;
  const [, scheme, file, line] = at;
  const importer = scheme ? decodeURIComponent(file) : file;
  const resolved = bridge(OP.Resolve, specifier, path.dirname(importer), 'import');
  if (typeof resolved !== 'string' || resolved.startsWith('node:') || resolved.endsWith('.json')) return;
  if (bridge(OP.Resolve, resolved, '', 'format') === 'module') return;
  // Only an import written on one line can be turned into a destructuring assignment.
  const named = /{.*}/.exec(line);
  const destructuring = named ? `const ${named[0].replace(/\s+as\s+/g, ': ')} = pkg;\n` : '';
  err.message = `Named export '${name}' not found. The requested module '${specifier}' is a CommonJS module, which may ` +
    'not support all module.exports as named exports.\nCommonJS modules can always be imported via the default export, ' +
    `for example using:\n\nimport pkg from '${specifier}';\n${destructuring}`;
}

module.exports = { exportNames, run, pick, explainNamedExport };
