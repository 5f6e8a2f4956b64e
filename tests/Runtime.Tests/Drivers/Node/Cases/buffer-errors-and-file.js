// ERR_INVALID_ARG_TYPE where Node names the argument by position ("The first argument must be ..."), and buffer.File.
for (const f of [() => Buffer.from(1), () => Buffer.from(undefined), () => Buffer.from(Symbol('s'))]) {
  try { f(); } catch (e) { console.log(e.code, e.name, e.message); }
}
// buffer.File is the global File (Node 20+); both file arguments are required
const { File: BufferFile, Blob: BufferBlob } = require('buffer');
const f = new BufferFile(['ab'], 'n.txt', { type: 'text/plain', lastModified: 5 });
console.log(BufferFile === globalThis.File, f.name, f.lastModified, f.size, f.type, Object.prototype.toString.call(f), f instanceof BufferBlob);
try { new BufferFile(['x']); } catch (e) { console.log(e.name, e.code, e.message); }
