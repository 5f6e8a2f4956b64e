const { test } = require('node:test');
const assert = require('node:assert');
console.log('loading math');
test('sum', () => assert.strictEqual(2 + 2, 4));
test('product', () => assert.strictEqual(2 * 3, 7));
