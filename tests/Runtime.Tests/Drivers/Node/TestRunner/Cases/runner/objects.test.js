// A failing deep comparison of objects (a --test child hands the parent the error, which shows actual/expected in
// full) and mock timers (Node warns once that they are experimental).
const { test, mock } = require('node:test');
const assert = require('node:assert');
test('objects differ', () => assert.deepStrictEqual({ a: 1, nested: { b: [1, 2] } }, { a: 2, nested: { b: [1, 3] } }));
test('timers tick', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  let fired = 0;
  setTimeout(() => fired++, 50);
  mock.timers.tick(50);
  assert.strictEqual(fired, 1);
  mock.timers.reset();
});
