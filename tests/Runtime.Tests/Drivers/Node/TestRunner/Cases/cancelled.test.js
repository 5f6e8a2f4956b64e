// A test whose promise can never settle is cancelled when the event loop empties.
const { test } = require('node:test');
test('finishes', () => {});
test('never settles', () => new Promise(() => {}));
