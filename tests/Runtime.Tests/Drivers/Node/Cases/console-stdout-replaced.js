// process.stdout replaced before the console first writes: the console binds the replacement (as Node does).
const fs = require('fs');
const { Writable } = require('stream');
const captured = [];
const fake = new Writable({ write(chunk, enc, cb) { captured.push(String(chunk)); cb(); } });
Object.defineProperty(process, 'stdout', { value: fake, configurable: true, writable: true });
console.log('captured line');
console.log('and %s', 'another');
fs.writeSync(1, `replaced saw ${JSON.stringify(captured)}\n`);
