const path = require('path');
console.log(path.join('/a/b', '../c', './d'), path.resolve('/r', 'x/y', '..', 'z'), path.relative('/a/b/c', '/a/d'), path.dirname('/a/b/'), path.basename('/a/b.txt', '.txt'), path.extname('x.tar.gz'), path.extname('.bashrc'), path.normalize('a//b/../c/'), path.parse('/home/u/file.txt'), path.format({ dir: '/x', name: 'f', ext: '.js' }), path.isAbsolute('a'));
const EventEmitter = require('events');
const e = new EventEmitter();
e.once('x', (v) => console.log('once', v));
e.on('x', (v) => console.log('on', v));
e.prependListener('x', () => console.log('first'));
e.emit('x', 1); e.emit('x', 2);
console.log(e.listenerCount('x'), e.eventNames());
try { e.emit('error', new Error('unhandled ee')); } catch (err) { console.log('threw', err.message); }
const b = Buffer.from('héllo wörld');
console.log(b.length, b.toString('hex'), b.toString('base64'), Buffer.from(b.toString('base64'), 'base64').toString(), b.slice(1, 3), Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString());
console.log(Buffer.alloc(4).writeUInt32BE(0xdeadbeef, 0), Buffer.from([1, 2, 3, 4]).readUInt32LE(0), Buffer.byteLength('€'), Buffer.compare(Buffer.from('a'), Buffer.from('b')), b.indexOf('w'), b.includes('llo'), Buffer.from('abc').equals(Buffer.from('abc')));
console.log(JSON.stringify(Buffer.from('hi')), Buffer.from('ff00', 'hex'), Buffer.isBuffer(b), Buffer.from('aGk', 'base64url').toString());
const util = require('util');
console.log(util.format('%s=%d', 'x', 5), util.inspect('str'), util.inspect(new Map([[1, { a: [1, 2] }]]), { depth: 0 }), util.types.isPromise(Promise.resolve()), util.isDeepStrictEqual({ a: [1] }, { a: [1] }));
const sleep = util.promisify((ms, cb) => setTimeout(() => cb(null, ms * 2), ms));
sleep(1).then((v) => console.log('promisified', v));
const { StringDecoder } = require('string_decoder');
const d = new StringDecoder('utf8'); const euro = Buffer.from('€');
console.log(JSON.stringify(d.write(euro.slice(0, 1)) + '|' + d.write(euro.slice(1)) + '|' + d.end()));
const qs = require('querystring');
console.log(qs.parse('a=1&b=2&a=3&c=%20x'), qs.stringify({ a: [1, 2], b: 'x y' }));
const u = new URL('https://user:pw@Example.com:8080/a/../b/c?x=1&y=two#frag');
console.log(u.href, u.host, u.pathname, u.searchParams.get('y'), u.origin, new URL('../d?q', u).href, require('url').fileURLToPath('file:///tmp/a%20b'), require('url').pathToFileURL('/tmp/a b').href);
const os = require('os');
console.log(os.EOL === '\n', os.platform(), typeof os.cpus().length);
const assert = require('assert');
try { assert.strictEqual(1, 2); } catch (err) { console.log(err.code, err.name, err.message.split('\n')[0]); }
try { assert.deepStrictEqual({ a: 1 }, { a: 1 }); console.log('deep ok'); } catch { console.log('deep fail'); }
assert.throws(() => { throw new TypeError('x'); }, TypeError);
console.log(typeof structuredClone, typeof TextEncoder, new TextDecoder().decode(new TextEncoder().encode('ü')), typeof AbortController, typeof queueMicrotask);
const { Readable, Transform, pipeline } = require('stream');
const upper = new Transform({ transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); } });
const chunks = [];
pipeline(Readable.from(['a', 'b', 'c']), upper, new (require('stream').Writable)({ write(c, e, cb) { chunks.push(c.toString()); cb(); } }), (err) => console.log('pipeline', err, chunks.join('')));
