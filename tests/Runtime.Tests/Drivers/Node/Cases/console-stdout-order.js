// console.log writes straight to fd 1 until process.stdout is used; after that, through the stream.
// Order must hold across both paths, and a patched or replaced stream must see every later line.
console.log('%%');            // a lone string is printed as is
console.log('%s=%d', 'a', 1);
console.log('first');
process.stdout.write('second\n');
console.log('third');
const seen = [];
const write = process.stdout.write;
process.stdout.write = function (chunk, ...rest) { seen.push(String(chunk)); return write.call(this, chunk, ...rest); };
console.log('fourth');
process.stdout.write = write;
const { Writable } = require('stream');
const captured = [];
const fake = new Writable({ write(chunk, enc, cb) { captured.push(String(chunk)); cb(); } });
Object.defineProperty(process, 'stdout', { value: fake, configurable: true, writable: true });
console.log('captured line');
console.info({ a: [1, 'x'] });
require("fs").writeSync(1, `patched saw ${JSON.stringify(seen)}; replaced saw ${JSON.stringify(captured)}\n`);
