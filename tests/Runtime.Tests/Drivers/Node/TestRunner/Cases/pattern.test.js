// Run with --test-name-pattern=keep: only matching tests (and suites containing them) are reported.
const { test, describe, it } = require('node:test');
test('keep me', () => {});
test('drop me', () => { throw new Error('must not run'); });
describe('group', () => { it('keep inner', () => {}); it('other', () => { throw new Error('no'); }); });
