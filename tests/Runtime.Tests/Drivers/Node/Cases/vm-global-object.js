// The global object a context hands out (runInContext('this')), as jest-environment-node uses it, and code made
// from strings across contexts (jest's test files call the outer realm's code and the reverse).
const vm = require('vm');
const box = { a: 1 };
const ctx = vm.createContext(box);
const g = vm.runInContext('this', ctx);
console.log(g === box, g === vm.runInContext('globalThis', ctx), typeof g.Array, g.Array === Array, g.a);
const names = Object.getOwnPropertyNames(g);
console.log(names.includes('Object'), names.includes('a'), names.includes('process'));
g.b = 2;
console.log(box.b, vm.runInContext('b', ctx));
Object.defineProperty(g, 'c', { get() { return 'lazy'; }, configurable: true, enumerable: true });
console.log(vm.runInContext('c', ctx), Object.getOwnPropertyDescriptor(box, 'c') !== undefined);
Object.defineProperty(g, 'fixed', { value: 'f', configurable: false });
console.log(vm.runInContext('fixed', ctx), Object.getOwnPropertyDescriptor(g, 'fixed').configurable, box.fixed);
g.Error.stackTraceLimit = 7;
console.log(vm.runInContext('Error.stackTraceLimit', ctx), Error.stackTraceLimit);
console.log(Object.prototype.hasOwnProperty.call(g, 'a'), 'Object' in g, Object.getOwnPropertyDescriptor(g, 'undefined'));
vm.runInContext('var d = 4', ctx);
console.log(g.d, box.d);
delete g.b;
console.log(box.b, vm.runInContext('typeof b', ctx));
g.global = g;
console.log(vm.runInContext('typeof global.Array', ctx), Object.keys(box));

const F = vm.runInContext('Function', ctx);
console.log(F('return 40 + 2')());
const inner = vm.runInContext('(function () { return eval("1 + 1") + new Function("return 3")(); })', ctx);
console.log(inner());
const outer = function () { return new Function('return typeof process')(); };
console.log(vm.runInNewContext('f()', { f: outer }));
console.log(vm.runInContext('Object.prototype.hasOwnProperty.call(globalThis, "a")', ctx));
