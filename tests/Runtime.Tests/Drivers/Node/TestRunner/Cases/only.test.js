// Run with --test-only: only the marked tests (and marked suites' children) run.
const { test, describe, it } = require('node:test');
test('not marked', () => { throw new Error('must not run'); });
test('marked', { only: true }, async (t) => { await t.test('child runs', () => {}); });
describe('marked suite', { only: true }, () => { it('suite child', () => {}); });
test.only('marked via test.only', () => {});
