process.noDeprecation = true;
const punycode = require('punycode');
for (const s of ['mañana', 'bücher', '☃-⌘', 'ü', 'abc', '💩', 'Бэтмен']) console.log(s, punycode.encode(s), punycode.decode(punycode.encode(s)) === s);
console.log(punycode.toASCII('mañana.com'), punycode.toASCII('user@bücher.example'), punycode.toUnicode('xn--maana-pta.com'), punycode.toUnicode('xn--ls8h.la'));
console.log(punycode.ucs2.decode('\uD834\uDF06'), punycode.ucs2.encode([0x1D306]), punycode.version);
try { punycode.decode('ü'); } catch (e) { console.log(e.name, e.message); }
const tty = require('tty');
console.log(tty.isatty(0), tty.isatty(1), tty.isatty(99), tty.isatty(-1), tty.isatty('1'));
try { new tty.WriteStream(1); } catch (e) { console.log(e.code, e.message); }
const env = (o) => o;
for (const e of [{}, { FORCE_COLOR: '0' }, { FORCE_COLOR: '' }, { FORCE_COLOR: '2' }, { FORCE_COLOR: '3' }, { NO_COLOR: '1', TERM: 'xterm-256color' }, { TERM: 'dumb' }, { TMUX: '1' }, { CI: '1', GITHUB_ACTIONS: 'true' }, { CI: '1', TRAVIS: '1' }, { CI: '1' }, { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4' }, { TERM_PROGRAM: 'Apple_Terminal' }, { COLORTERM: 'truecolor' }, { TERM: 'xterm-256color' }, { TERM: 'xterm' }, { TERM: 'screen' }, { TERM: 'konsole' }, { TERM: 'xterm-kitty' }, { COLORTERM: '1' }, { TERM: 'weird' }]) {
  console.log(JSON.stringify(e), tty.WriteStream.prototype.getColorDepth.call(null, env(e)), tty.WriteStream.prototype.hasColors.call(null, 256, e), tty.WriteStream.prototype.hasColors.call(null, e));
}
const c = require('constants');
console.log(c.ENOENT, c.SIGTERM, c.O_CREAT, c.S_IFMT, c.PRIORITY_HIGH, typeof c);
const { text, json, buffer, arrayBuffer } = require('stream/consumers');
const { Readable } = require('stream');
(async () => {
  console.log(await text(Readable.from(['a', 'b'])), await json(Readable.from(['{"x":', '1}'])), await buffer(Readable.from([Buffer.from('hi')])), (await arrayBuffer(Readable.from([Buffer.from('xyz')]))).byteLength);
  console.log(await text((async function* () { yield new Uint8Array([0xe2, 0x82]); yield new Uint8Array([0xac]); })()));
})();
