const vm = require('vm');
globalThis.shared = 1;
console.log(vm.runInThisContext('shared + 1'), vm.runInThisContext('var declared = 5; declared'), typeof declared);
const s = new vm.Script('globalThis.count = (globalThis.count || 0) + 1', { filename: 'counter.js' });
s.runInThisContext(); s.runInThisContext();
console.log(count);
try { new vm.Script('let = ;', { filename: 'bad.js' }); } catch (e) { console.log(e.name, e.message); }
try { vm.runInThisContext('throw new Error("inside")', 'thrower.js'); } catch (e) { console.log(e.message); }
const fn = vm.compileFunction('return a + b', ['a', 'b']);
console.log(fn(2, 3), fn.length, typeof fn);
const ctx = vm.createContext({ x: 1 });
console.log(vm.isContext(ctx), vm.isContext({}));
try { vm.isContext(1); } catch (e) { console.log(e.code); }
