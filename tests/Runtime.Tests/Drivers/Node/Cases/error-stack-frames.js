const e = new Error('line one'); const vm = require('vm'); const { Worker, isMainThread, parentPort } = require('worker_threads');
// err.stack as Node 22 prints it: CommonJS columns on line 1, vm code, captureStackTrace, async frames, workers.
// Frames of Node's own modules (and the sandbox's) differ and are left out.
const own = (stack) => stack.split('\n').filter((l) => !l.startsWith('    at ') || l.includes('/app/') || /\.js:|<anonymous>:/.test(l)).filter((l) => !l.includes('node:')).join('\n');
if (!isMainThread) {
  parentPort.postMessage(own(new Error('in worker').stack));
  return;
}
console.log(own(e.stack));
function named() { return new Error('in a function'); }
console.log(own(named().stack));
const holder = { name: 'Holder' }; Error.captureStackTrace(holder); console.log(own(holder.stack));
function skipped() { const o = {}; Error.captureStackTrace(o, skipped); return o; } console.log(own(skipped().stack));
console.log(own(vm.compileFunction('return new Error("compiled").stack', [], { filename: 'cf.js' })()));
console.log(own(vm.compileFunction('return new Error("default name").stack', ['a', 'b'])()));
console.log(own(vm.compileFunction('\n  return new Error("line two").stack', [], { filename: 'cf2.js' })()));
console.log(own(vm.compileFunction('return new Error("ext").stack', [], { filename: 'ext.js', contextExtensions: [{ q: '!' }] })()));
console.log(own(vm.runInThisContext('new Error("script").stack', { filename: 'rs.js' })));
console.log(own(vm.runInThisContext('\n  new Error("offsets").stack', { filename: '/app/offsets.js', lineOffset: 3, columnOffset: 5 })));
console.log(own(vm.runInThisContext('new Error("column offset").stack', { filename: '/app/offsets.js', lineOffset: 3, columnOffset: 5 })));
const d = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
console.log(typeof d.value, d.value.name, d.value.length, d.writable, d.enumerable, d.configurable);
console.log(vm.runInNewContext('typeof Error.prepareStackTrace'));
// a user's formatter gets CallSites; restoring the saved default formats as before
const saved = Error.prepareStackTrace;
Error.prepareStackTrace = (err, sites) => sites.filter((s) => s.getFileName() === __filename).map((s) => [s.getFunctionName(), s.getLineNumber(), s.getColumnNumber()].join(':')).join(' ');
function site() { return new Error('sites').stack; }
console.log(site());
Error.prepareStackTrace = saved;
console.log(own(named().stack));
async function inner() { await null; throw new Error('async'); }
async function outer() { await inner(); }
outer().catch((err) => {
  console.log(own(err.stack));
  const w = new Worker(__filename);
  w.on('message', (m) => console.log(m));
});
