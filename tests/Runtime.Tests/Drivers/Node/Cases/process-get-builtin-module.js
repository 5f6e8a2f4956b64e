// process.getBuiltinModule (Node 22.3+): built-ins with and without node:, the same objects require gives, and
// undefined for anything else.
const fs = process.getBuiltinModule('fs');
console.log(fs === require('fs'), process.getBuiltinModule('node:path') === require('path'));
console.log(typeof process.getBuiltinModule('node:test'), process.getBuiltinModule('test'));
console.log(process.getBuiltinModule('nope'), process.getBuiltinModule('./local'), process.getBuiltinModule('fs/promises') === require('fs/promises'));
for (const bad of [1, null, undefined, {}]) {
  try { process.getBuiltinModule(bad); } catch (e) { console.log(e.code, e.message); }
}
const m = require('module');
console.log(m.isBuiltin('node:test'), m.isBuiltin('test'), m.isBuiltin('node:fs'), m.isBuiltin('fs'), m.isBuiltin('node:nope'), process.getBuiltinModule('process') === process);
