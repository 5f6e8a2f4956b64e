const { test } = require('node:test');
test('before the syntax error', () => {});
const x = ;
