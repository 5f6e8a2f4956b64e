const t = require('tap');

t.equal(1 + 1, 2, 'adds');
t.same({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] }, 'compares objects');
t.test('an async throw is caught by the test', async (t) => {
  setTimeout(() => { throw new Error('late boom'); }, 1);
  await new Promise((r) => setTimeout(r, 20));
});
