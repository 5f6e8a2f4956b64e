import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

test('adds', () => assert.equal(1 + 1, 2));
describe('strings', () => {
  test('upper', () => assert.equal('a'.toUpperCase(), 'A'));
});
