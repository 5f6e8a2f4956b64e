// node:assert — AssertionError (code ERR_ASSERTION) and the classic assertions, strict and legacy.
'use strict';
const { inspect } = require('internal/inspect');
const { isDeepStrictEqual, isDeepLooseEqual } = require('internal/deepequal');

class AssertionError extends Error {
  constructor(options) {
    const { message, actual, expected, operator, generated } = options;
    super(message !== undefined ? String(message) : `${inspect(actual)} ${operator} ${inspect(expected)}`);
    this.generatedMessage = generated ?? message === undefined;
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    this.diff = 'simple'; // Node 22.19+: how the message shows the difference
    Error.captureStackTrace(this, options.stackStartFn || options.stackStartFunction);
    // Node's stack header carries the code: "AssertionError [ERR_ASSERTION]: message".
    if (typeof this.stack === 'string') this.stack = this.stack.replace(/^AssertionError: /, 'AssertionError [ERR_ASSERTION]: ');
  }
  get name() { return 'AssertionError'; }
  toString() { return `AssertionError [ERR_ASSERTION]: ${this.message}`; }
}
Object.defineProperty(AssertionError.prototype, 'name', { value: 'AssertionError', writable: true, configurable: true, enumerable: false });

function fail(actual, expected, message, operator, fn) {
  if (message instanceof Error) throw message;
  throw new AssertionError({ actual, expected, message, operator, stackStartFn: fn });
}
// `generated`: the message is ours, not the caller's (AssertionError.generatedMessage).
function failGenerated(generated, actual, expected, message, operator, fn) {
  if (message instanceof Error) throw message;
  throw new AssertionError({ actual, expected, message, operator, stackStartFn: fn, generated });
}

const diffMessage = (header, actual, expected) => `${header}\n\n${inspect(actual)}\n\nshould equal\n\n${inspect(expected)}`;

function ok(value, message) {
  if (!value) failGenerated(message === undefined, value, true, message === undefined ? (arguments.length === 0 ? 'No value argument passed to `assert.ok()`' : 'The expression evaluated to a falsy value:\n\n  assert.ok(' + inspect(value) + ')\n') : message, '==', ok);
}
function assert(value, message) {
  if (!value) failGenerated(message === undefined, value, true, message === undefined ? (arguments.length === 0 ? 'No value argument passed to `assert.ok()`' : 'The expression evaluated to a falsy value:\n\n  assert(' + inspect(value) + ')\n') : message, '==', assert);
}
assert.ok = ok;
assert.AssertionError = AssertionError;
assert.fail = function (message = 'Failed') {
  if (message instanceof Error) throw message;
  throw new AssertionError({ message, operator: 'fail', stackStartFn: assert.fail });
};
assert.equal = function equal(actual, expected, message) {
  // eslint-disable-next-line eqeqeq
  if (!(actual == expected || (actual !== actual && expected !== expected))) failGenerated(message === undefined, actual, expected, message ?? `${inspect(actual)} == ${inspect(expected)}`, '==', equal);
};
assert.notEqual = function notEqual(actual, expected, message) {
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (actual !== actual && expected !== expected)) failGenerated(message === undefined, actual, expected, message ?? `${inspect(actual)} != ${inspect(expected)}`, '!=', notEqual);
};
assert.strictEqual = function strictEqual(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    failGenerated(message === undefined, actual, expected, message ?? (typeof actual === 'object' && actual !== null || typeof expected === 'object' && expected !== null
      ? diffMessage('Expected values to be strictly equal:', actual, expected)
      : `Expected values to be strictly equal:\n\n${inspect(actual)} !== ${inspect(expected)}\n`), 'strictEqual', strictEqual);
  }
};
assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  if (Object.is(actual, expected)) failGenerated(message === undefined, actual, expected, message ?? `Expected "actual" to be strictly unequal to: ${inspect(expected)}`, 'notStrictEqual', notStrictEqual);
};
assert.deepEqual = function deepEqual(actual, expected, message) {
  if (!isDeepLooseEqual(actual, expected)) failGenerated(message === undefined, actual, expected, message ?? diffMessage('Expected values to be loosely deep-equal:', actual, expected), 'deepEqual', deepEqual);
};
assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  if (!isDeepStrictEqual(actual, expected)) failGenerated(message === undefined, actual, expected, message ?? diffMessage('Expected values to be strictly deep-equal:', actual, expected), 'deepStrictEqual', deepStrictEqual);
};
assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  if (isDeepLooseEqual(actual, expected)) failGenerated(message === undefined, actual, expected, message ?? `Expected "actual" not to be loosely deep-equal to: ${inspect(expected)}`, 'notDeepEqual', notDeepEqual);
};
assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
  if (isDeepStrictEqual(actual, expected)) failGenerated(message === undefined, actual, expected, message ?? `Expected "actual" not to be strictly deep-equal to: ${inspect(expected)}`, 'notDeepStrictEqual', notDeepStrictEqual);
};

function matches(err, expected, fn) {
  if (expected === undefined) return true;
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof expected) return true;
    if (Error.isPrototypeOf(expected) || expected === Error) return false;
    return expected.call({}, err) === true;
  }
  if (expected instanceof RegExp) return expected.test(String(err));
  if (typeof expected === 'object' && expected !== null) {
    for (const key of Object.keys(expected)) {
      const want = expected[key];
      const got = err[key];
      if (want instanceof RegExp && typeof got === 'string' ? !want.test(got) : !isDeepStrictEqual(got, want)) {
        fail(err, expected, `Expected values to be strictly deep-equal:\n+ actual - expected\n\n  ${key}: ${inspect(got)} !== ${inspect(want)}`, fn.name, fn);
      }
    }
    return true;
  }
  return true;
}
assert.throws = function throws(block, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  let threw = false;
  let err;
  try { block(); } catch (e) { threw = true; err = e; }
  if (!threw) failGenerated(message === undefined, undefined, expected, message ?? `Missing expected exception${expected && expected.name ? ` (${expected.name})` : ''}.`, 'throws', throws);
  if (!matches(err, expected, throws)) throw err;
};
assert.doesNotThrow = function doesNotThrow(block, expected, message) {
  try { block(); } catch (e) { failGenerated(message === undefined, e, expected, message ?? `Got unwanted exception.\nActual message: "${e && e.message}"`, 'doesNotThrow', doesNotThrow); }
};
assert.rejects = async function rejects(promiseFn, expected, message) {
  let threw = false;
  let err;
  try { await (typeof promiseFn === 'function' ? promiseFn() : promiseFn); } catch (e) { threw = true; err = e; }
  if (!threw) failGenerated(message === undefined, undefined, expected, message ?? 'Missing expected rejection.', 'rejects', rejects);
  if (!matches(err, expected, rejects)) throw err;
};
assert.doesNotReject = async function doesNotReject(promiseFn, expected, message) {
  try { await (typeof promiseFn === 'function' ? promiseFn() : promiseFn); } catch (e) { failGenerated(message === undefined, e, expected, message ?? `Got unwanted rejection.\nActual message: "${e && e.message}"`, 'doesNotReject', doesNotReject); }
};
assert.match = function match(string, regexp, message) {
  if (!regexp.test(string)) failGenerated(message === undefined, string, regexp, message ?? `The input did not match the regular expression ${regexp}. Input:\n\n${inspect(string)}\n`, 'match', match);
};
assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
  if (regexp.test(string)) failGenerated(message === undefined, string, regexp, message ?? `The input was expected to not match the regular expression ${regexp}. Input:\n\n${inspect(string)}\n`, 'doesNotMatch', doesNotMatch);
};
assert.ifError = function ifError(value) { if (value !== null && value !== undefined) throw value; };
assert.strict = Object.assign(function strict(value, message) { return assert(value, message); }, assert, {
  equal: assert.strictEqual, notEqual: assert.notStrictEqual, deepEqual: assert.deepStrictEqual, notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
module.exports = assert;
