// mock.fn, mock.method, getters, implementations once, restore, and mock timers.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';

test('mock.fn records calls', () => {
  const fn = mock.fn((a, b) => a + b);
  assert.equal(fn(1, 2), 3);
  assert.equal(fn(3, 4), 7);
  assert.equal(fn.mock.callCount(), 2);
  assert.deepEqual(fn.mock.calls[1].arguments, [3, 4]);
  assert.equal(fn.mock.calls[0].result, 3);
  fn.mock.mockImplementationOnce(() => 100);
  assert.equal(fn(1, 1), 100);
  assert.equal(fn(1, 1), 2);
  fn.mock.resetCalls();
  assert.equal(fn.mock.callCount(), 0);
});

test('mock.fn records errors and this', () => {
  const fn = mock.fn(function () { throw new Error('inside'); });
  const target = { fn };
  assert.throws(() => target.fn(), /inside/);
  assert.equal(fn.mock.calls[0].error.message, 'inside');
  assert.equal(fn.mock.calls[0].this, target);
});

test('t.mock.method replaces and restores', (t) => {
  const obj = { value: 1, get() { return this.value; } };
  const m = t.mock.method(obj, 'get', function () { return this.value * 10; });
  assert.equal(obj.get(), 10);
  assert.equal(m.mock.callCount(), 1);
  m.mock.restore();
  assert.equal(obj.get(), 1);
});

test('getter mocks', (t) => {
  const obj = { get size() { return 1; } };
  t.mock.getter(obj, 'size', () => 42);
  assert.equal(obj.size, 42);
});

test('mock timers', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const seen = [];
  setTimeout(() => seen.push('timeout'), 1000);
  const id = setInterval(() => seen.push('tick'), 300);
  t.mock.timers.tick(999);
  assert.deepEqual(seen, ['tick', 'tick', 'tick']);
  t.mock.timers.tick(1);
  clearInterval(id);
  t.mock.timers.tick(5000);
  assert.deepEqual(seen, ['tick', 'tick', 'tick', 'timeout']);
  t.mock.timers.reset();
});

test('mock Date', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 5000 });
  assert.equal(Date.now(), 5000);
  t.mock.timers.tick(250);
  assert.equal(new Date().getTime(), 5250);
});
