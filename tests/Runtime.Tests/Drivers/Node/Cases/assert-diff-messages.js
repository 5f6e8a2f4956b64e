// AssertionError messages of Node 22: the "+ actual - expected" diff, "a !== b" for short primitives, skipped lines,
// the not-* and legacy texts, custom messages, assert.ok's source expression, partialDeepStrictEqual, throws' Comparison.
const assert = require('assert');
const util = require('util');
function show(label, fn) {
  try { fn(); console.log(`${label}: no throw`); }
  catch (e) { console.log(`${label}: ${e.name} ${e.code} generated=${e.generatedMessage} operator=${e.operator}\n${e.message}\n--`); }
}
const obj = (k, f) => Object.fromEntries(Array.from({ length: k }, (_, i) => ['k' + i, f(i)]));
const nums = Array.from({ length: 30 }, (_, i) => i);
show('short numbers', () => assert.strictEqual(1, 2));
show('zero', () => assert.strictEqual(0, -0));
show('long numbers', () => assert.strictEqual(1234567, 12345678));
show('strings caret', () => assert.strictEqual('hello world, long', 'hello World, long'));
show('newline strings', () => assert.deepStrictEqual('hello\nworld', 'hello\nWorld'));
show('multi-line string', () => assert.strictEqual('first line of a long text\nsecond line of a long text\nthird', 'first line of a long text\nsecond line of a LONG text\nthird'));
show('objects', () => assert.deepStrictEqual({ a: 1, b: [1, 2, 3] }, { a: 2, b: [1, 2, 4] }));
show('reference', () => assert.strictEqual({ a: 1, b: [1, 2, 3] }, { a: 2, b: [1, 2, 4] }));
show('same structure', () => assert.strictEqual([1, 2], [1, 2]));
show('same structure, long', () => assert.strictEqual(obj(60, (i) => i), obj(60, (i) => i)));
show('skipped lines', () => assert.deepStrictEqual(nums, nums.map((n) => (n === 15 ? 'x' : n))));
for (const k of [6, 7, 8]) show(`common run of ${k}`, () => assert.deepStrictEqual(obj(k, (i) => (i === k - 1 ? 'a' : i)), obj(k, (i) => (i === k - 1 ? 'b' : i))));
show('map and set', () => assert.deepStrictEqual(new Map([['z', new Set([1, 2])], ['a', 1]]), new Map([['z', new Set([1, 3])], ['a', 1]])));
show('types', () => assert.deepStrictEqual([1], { 0: 1 }));
show('errors', () => assert.deepStrictEqual(new Error('one'), new Error('two')));
show('getter and symbol', () => assert.deepStrictEqual({ get g() { return 1; }, [Symbol('s')]: 2 }, { g: 1 }));
show('deepEqual', () => assert.deepEqual({ a: 1 }, { a: 2 }));
show('deepEqual long', () => assert.deepEqual(obj(100, (i) => i), obj(100, (i) => i + 1)));
show('equal', () => assert.equal(1, 2));
show('notEqual', () => assert.notEqual('1', 1));
show('notStrictEqual', () => assert.notStrictEqual('abcde', 'abcde'));
show('notStrictEqual long', () => assert.notStrictEqual('abcdef', 'abcdef'));
show('notStrictEqual object', () => { const o = { a: 1 }; assert.notStrictEqual(o, o); });
show('notDeepStrictEqual long', () => assert.notDeepStrictEqual(obj(60, (i) => i), obj(60, (i) => i)));
show('notDeepEqual', () => assert.notDeepEqual({ a: 1 }, { a: '1' }));
show('partial', () => assert.partialDeepStrictEqual({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 3 } }));
show('partial passes', () => assert.partialDeepStrictEqual([1, 2, 3, { x: 1, y: 2 }], [1, { x: 1 }]));
show('custom message', () => assert.strictEqual(1, 2, 'boom'));
show('custom message object', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'boom'));
show('custom message deepEqual', () => assert.deepEqual({ a: 1 }, { a: 2 }, 'boom'));
show('custom Error', () => assert.strictEqual(1, 2, new TypeError('mine')));
show('ok', () => { const x = 0; assert.ok(x); });
show('assert()', () => assert(typeof 1 === 'string'));
show('ok no argument', () => assert.ok());
show('fail', () => assert.fail());
show('missing argument', () => assert.strictEqual(1));
show('throws object', () => assert.throws(() => { throw new TypeError('abc'); }, { name: 'TypeError', message: 'abd' }));
show('throws class', () => assert.throws(() => { throw new TypeError('tt'); }, RangeError));
show('ifError', () => assert.ifError(new Error('if')));
show('match', () => assert.match('abc', /x/));
const err = (() => { try { assert.strictEqual('line\n'.repeat(12), 'a'); } catch (e) { return e; } })();
console.log(util.inspect(err).split('\n').filter((l) => !/^\s+at /.test(l)).join('\n'));
console.log(Object.keys(err), err.name);
