const readline = require('readline');
const { PassThrough } = require('stream');
const input = new PassThrough();
const output = new PassThrough();
let out = '';
output.on('data', (d) => { out += d; });
const rl = readline.createInterface({ input, output, prompt: '> ' });
console.log('terminal', rl.terminal, rl.getPrompt());
rl.on('line', (l) => console.log('line', JSON.stringify(l)));
rl.on('pause', () => console.log('pause'));
rl.on('resume', () => console.log('resume'));
rl.on('close', () => { console.log('close'); console.log('output', JSON.stringify(out)); });
rl.prompt();
input.write('a\r\nb\rc\n');
input.write('part');
input.write('ial\r');
input.write('\nnext');
setTimeout(() => {
  rl.question('name? ', (a) => {
    console.log('answer', a);
    rl.close();
    try { rl.question('again', () => {}); } catch (e) { console.log(e.code, e.message); }
  });
  input.end('bob\nafter\n');
}, 5);
