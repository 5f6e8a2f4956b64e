// Hook order (recorded, then checked), hook failures, and context properties.
const { test, describe, it, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert');
const order = [];

before(() => order.push('root before'));
beforeEach((t) => order.push(`root beforeEach ${t.name}`));
afterEach((t) => order.push(`root afterEach ${t.name}`));

describe('outer', () => {
  before(() => order.push('outer before'));
  after(() => order.push('outer after'));
  beforeEach((t) => order.push(`outer beforeEach ${t.name}`));
  afterEach((t) => order.push(`outer afterEach ${t.name}`));
  it('one', () => order.push('one'));
  describe('inner', () => {
    beforeEach(() => order.push('inner beforeEach'));
    it('two', (t) => { order.push('two'); assert.strictEqual(t.fullName, 'outer > inner > two'); });
  });
});

describe('failing before hook', () => {
  before(() => { throw new Error('setup failed'); });
  it('never runs', () => { order.push('never'); });
});

test('failing beforeEach', (t) => {
  t.beforeEach(() => { throw new Error('each failed'); });
  return t.test('child', () => order.push('child ran'));
});

test('order', (t) => {
  for (const line of order) t.diagnostic(line);
  assert.strictEqual(t.name, 'order');
  assert.ok(t.signal instanceof AbortSignal);
});
