// import() settles like Node's: a missing module or package rejects with ERR_MODULE_NOT_FOUND, a module that throws
// rejects with its error, top-level await is awaited, namespaces are shared, CommonJS and built-ins interoperate.
import { writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const dir = join(tmpdir(), 'dynamic-import-case');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'throws.mjs'), "throw new Error('boom');\n");
writeFileSync(join(dir, 'tla.mjs'), 'await new Promise((r) => setTimeout(r, 5));\nexport const x = 42;\n');
writeFileSync(join(dir, 'late.mjs'), "await null;\nthrow new TypeError('late');\n");
writeFileSync(join(dir, 'c.cjs'), 'exports.v = 7;\nexports.load = () => import("./tla.mjs");\n');
writeFileSync(join(dir, 'bad.mjs'), 'export const = ;\n');
writeFileSync(join(dir, 'static-missing.mjs'), "import { y } from 'no-such-dep';\nimport './nope.mjs';\nconsole.log('never', y);\n");
const rel = (p) => p.replaceAll(dir, '<dir>').replaceAll(import.meta.filename, '<self>');
const attempt = async (label, spec) => {
  try {
    const ns = await import(spec);
    console.log(label, 'resolved', Object.keys(ns).sort().join(','));
  } catch (e) {
    console.log(label, 'rejected', e.constructor.name, e.code ?? '-', rel(e.message));
  }
};
await attempt('missing file', join(dir, 'missing.mjs'));
await attempt('missing package', 'no-such-package-here');
await attempt('throws', join(dir, 'throws.mjs'));
await attempt('throws again', join(dir, 'throws.mjs'));
await attempt('late throw', join(dir, 'late.mjs'));
await attempt('syntax', join(dir, 'bad.mjs'));
await attempt('static import of a missing package', join(dir, 'static-missing.mjs'));
await attempt('tla', join(dir, 'tla.mjs'));
const a = await import(join(dir, 'tla.mjs'));
const b = await import(join(dir, 'tla.mjs'));
console.log('same namespace', a === b, a.x);
const c = await import(join(dir, 'c.cjs'));
console.log('cjs', c.default.v, c.v, (await c.default.load()).x);
const fs = await import('node:fs');
console.log('builtin', typeof fs.readFileSync, fs.default === (await import('fs')).default);
const order = [];
const p = import('node:path').then(() => order.push('import'));
setTimeout(() => order.push('timeout'), 0);
await p;
await new Promise((r) => setTimeout(r, 10));
console.log('order', order.join(','));
class K { import(x) { return 'method ' + x; } }
const o = { import: (x) => 'prop ' + x };
console.log(new K().import(1), o.import(2), o?.import(3), `import(${'x'})`, /import\(/.source, 'import(' + ')');
try { await import(Symbol('s')); } catch (e) { console.log('symbol', e.constructor.name); }
