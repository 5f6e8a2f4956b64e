// Results of every kind: pass, fail, skip, todo, suites, subtests, diagnostics, callbacks, timeouts.
const { test, describe, it } = require('node:test');
const assert = require('node:assert');

test('adds', () => { assert.strictEqual(1 + 1, 2); });
test('fails with an assertion', () => { assert.strictEqual(1 + 1, 3); });
test('fails with a thrown error', () => { throw new TypeError('bad type'); });
test('async rejects', async () => { await Promise.resolve(); throw new Error('async boom'); });
test.skip('skipped', () => {});
test('skipped with a reason', { skip: 'not on this platform' }, () => {});
test('skips itself', (t) => { t.skip('decided at run time'); });
test('todo passing', { todo: true }, () => {});
test('todo failing', { todo: 'later' }, () => { throw new Error('not yet'); });
test('callback style', (t, done) => { setTimeout(done, 1); });
test('callback error', (t, done) => { setTimeout(() => done(new Error('from callback')), 1); });
test('timeout', { timeout: 20 }, () => new Promise((resolve) => setTimeout(resolve, 300)));
test('diagnostics', (t) => { t.diagnostic('first note'); t.diagnostic('second note'); });
test('names with # and \\ and\nnewline', () => {});

describe('a suite', () => {
  it('inner pass', () => {});
  it('inner fail', () => { assert.ok(false); });
  describe('nested', () => {
    it('deep', async () => { await new Promise((r) => setTimeout(r, 2)); });
  });
});

test('subtests', async (t) => {
  await t.test('first', () => {});
  await t.test('second', () => { assert.strictEqual('a', 'b'); });
  t.test('not awaited', () => {});
});
