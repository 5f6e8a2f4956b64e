import * as readline from 'node:readline';
import * as rlp from 'node:readline/promises';
import { Readable, PassThrough, Writable } from 'node:stream';
import { promisify } from 'node:util';

// async iteration over a file-like stream with CRLF
const rl = readline.createInterface({ input: Readable.from(['one\r\ntwo\n', 'thr', 'ee\nfour']), crlfDelay: Infinity });
for await (const line of rl) console.log('iter', JSON.stringify(line));

// promises API question
const input = new PassThrough();
let written = '';
const output = new Writable({ write(c, e, cb) { written += c; cb(); } });
const prl = rlp.createInterface({ input, output, terminal: false });
setTimeout(() => input.write('42\n'), 1);
const answer = await prl.question('age? ');
console.log('answer', answer, JSON.stringify(written));
const ac = new AbortController();
const pending = prl.question('never? ', { signal: ac.signal });
ac.abort();
try { await pending; } catch (e) { console.log(e.name, e.code, e.message); }
prl.close();

// promisified callback question
const cbIn = new PassThrough();
const crl = readline.createInterface({ input: cbIn, output: null });
const q = promisify(crl.question).bind(crl);
setTimeout(() => cbIn.end('yes\n'), 1);
console.log('promisified', await q('ok? '));
crl.on('close', () => console.log('closed after end'));
await new Promise((r) => setTimeout(r, 5));

// ANSI helpers
const codes = [];
const sink = { write(d, cb) { codes.push(JSON.stringify(d)); if (cb) cb(); return true; } };
readline.cursorTo(sink, 3);
readline.cursorTo(sink, 3, 4);
readline.moveCursor(sink, -2, 1);
readline.moveCursor(sink, 5, -3);
readline.moveCursor(sink, 0, 0);
readline.clearLine(sink, -1);
readline.clearLine(sink, 1);
readline.clearLine(sink, 0);
readline.clearScreenDown(sink);
console.log(codes.join(' '));
try { new rlp.Readline(sink); } catch (e) { console.log(e.code); }
const r = new rlp.Readline(new Writable({ write(c, e, cb) { codes.push(JSON.stringify(String(c))); cb(); } }));
await r.cursorTo(1, 2).moveCursor(1, 1).clearLine(0).clearScreenDown().commit();
console.log(codes.slice(8).join(' '));
console.log(typeof readline.Interface, typeof rlp.Interface, readline.promises === rlp);
// prompt / setPrompt / line events with pause/resume
const pin = new PassThrough();
let pout = '';
const prl2 = readline.createInterface({ input: pin, output: new Writable({ write(c, e, cb) { pout += c; cb(); } }), prompt: '$ ' });
prl2.setPrompt('% ');
prl2.prompt();
prl2.on('line', (l) => { console.log('cmd', l); if (l === 'exit') prl2.close(); else prl2.prompt(); });
prl2.on('close', () => console.log('prompt output', JSON.stringify(pout)));
pin.write('ls\npwd\nexit\nignored\n');
