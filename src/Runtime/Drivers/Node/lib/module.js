// node:module — the CommonJS Module class (internal/cjs) plus findPackageJSON.
'use strict';
const Module = internal.cjs.Module;
const path = require('path');

/** Nearest package.json at or above the location `specifier` names (resolved from `base` when relative or bare). */
function findPackageJSON(specifier, base = undefined) {
  const url = require('url');
  const toPath = (v) => (v instanceof URL || (typeof v === 'string' && v.startsWith('file:')) ? url.fileURLToPath(v) : v);
  if (typeof specifier !== 'string' && !(specifier instanceof URL)) throw internal.errors.invalidArgType('specifier', ['string', 'URL'], specifier);
  const spec = toPath(specifier);
  const fs = require('fs');
  let target;
  if (path.isAbsolute(spec)) {
    target = spec;
  } else {
    if (base === undefined) throw internal.errors.invalidArgType('base', ['string', 'URL'], base);
    const basePath = toPath(base);
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') target = path.resolve(path.dirname(basePath), spec);
    else target = Module.createRequire(basePath).resolve(spec);
  }
  let dir = target;
  try { if (!fs.statSync(target).isDirectory()) dir = path.dirname(target); } catch { dir = path.dirname(target); }
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
Module.findPackageJSON = findPackageJSON;
module.exports = Module;
