// ES module frames name the module by its file: URL, as in Node 22 (CommonJS frames keep the path).
const own = (stack) => stack.split('\n').filter((l) => !l.startsWith('    at ') || l.includes('/app/') || l.includes('cf.js')).join('\n');
function f() { return new Error('in f'); }
console.log(own(f().stack));
console.log(own(new Error('top level').stack));
const holder = {}; Error.captureStackTrace(holder); console.log(own(holder.stack));
class Thing { make() { return new Error('method'); } }
console.log(own(new Thing().make().stack));
await null;
console.log(own(new Error('after await').stack));
const saved = Error.prepareStackTrace;
Error.prepareStackTrace = (err, sites) => sites.slice(0, 1).map((s) => [s.getScriptNameOrSourceURL(), s.getLineNumber(), s.getColumnNumber(), String(s)].join(' ')).join('');
console.log(new Error('sites').stack);
Error.prepareStackTrace = saved;
const { createRequire } = await import('node:module');
const require = createRequire(import.meta.url);
const vm = require('vm');
console.log(own(vm.compileFunction('return new Error("compiled").stack', [], { filename: 'cf.js' })()).replace('\n', ' | '));
try { JSON.parse('{'); } catch (err) { console.log(own(err.stack)); }
