import test from 'ava';

test('adds', (t) => { t.is(1 + 1, 2); });
test('compares objects', (t) => { t.deepEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }); });
test('waits', async (t) => { await new Promise((r) => setTimeout(r, 5)); t.pass(); });
