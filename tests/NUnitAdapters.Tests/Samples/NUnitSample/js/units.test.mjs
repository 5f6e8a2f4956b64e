// node:test tests: each becomes its own .NET test case (FILE > SUITE > TEST).
import { test, describe, it, beforeEach } from 'node:test';
import assert from 'node:assert';

let calls = 0;
beforeEach(() => { calls++; });

test('adds', () => {
  console.log(`adds ran after ${calls} beforeEach`);
  assert.strictEqual(1 + 1, 2);
});

describe('math', () => {
  it('multiplies', () => assert.strictEqual(2 * 3, 6));
  it('divides wrongly', () => assert.strictEqual(6 / 3, 3));
});

test.skip('later', () => { throw new Error('skipped tests never run'); });
