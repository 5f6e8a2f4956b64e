// node:assert — AssertionError (code ERR_ASSERTION) and the classic assertions, strict and legacy.
'use strict';
const { inspect } = require('internal/inspect');
const { isDeepStrictEqual, isDeepLooseEqual, isPartialStrictEqual } = require('internal/deepequal');
const { AssertionError } = require('internal/assert/assertion_error');
const { callerExpression } = require('internal/assert/source_expression');

// The AssertionError builds the message when the caller gave none; an Error as message is thrown instead.
function innerFail(options) {
  if (options.message instanceof Error) throw options.message;
  throw new AssertionError(options);
}
function fail(actual, expected, message, operator, fn) {
  innerFail({ actual, expected, message, operator, stackStartFn: fn });
}
function requireTwo(count) {
  if (count < 2) throw internal.errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "actual" and "expected" arguments must be specified');
}

// assert(value) / assert.ok(value): the message quotes the failing call from its source line.
function innerOk(fn, argc, value, message) {
  if (value) return;
  let generated = false;
  if (argc === 0) {
    generated = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generated = true;
    const expression = callerExpression(fn);
    if (expression) message = `The expression evaluated to a falsy value:\n\n  ${expression}\n`;
  } else if (message instanceof Error) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}
function ok(...args) { innerOk(ok, args.length, ...args); }
function assert(...args) { innerOk(assert, args.length, ...args); }
assert.ok = ok;
assert.AssertionError = AssertionError;
let warnedFail = false;
assert.fail = function fail(actual, expected, message, operator, stackStartFn) {
  const argc = arguments.length;
  let generated = false;
  if (actual == null && argc <= 1) {
    generated = true;
    message = 'Failed';
  } else if (argc === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!warnedFail) {
      warnedFail = true;
      process.emitWarning('assert.fail() with more than one argument is deprecated. Please use assert.strictEqual() instead or only pass a message.', 'DeprecationWarning', 'DEP0094');
    }
    if (argc === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({ actual, expected, message, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || fail });
  if (generated) err.generatedMessage = true;
  throw err;
};
// One assertion: `test(actual, expected)` must hold, else an AssertionError with Node's operator name.
function define(name, operator, test) {
  const fn = { [name](actual, expected, message) {
    requireTwo(arguments.length);
    if (!test(actual, expected)) innerFail({ actual, expected, message, operator, stackStartFn: fn });
  } }[name];
  assert[name] = fn;
}
const isNaNPair = (a, b) => Number.isNaN(a) && Number.isNaN(b);
// eslint-disable-next-line eqeqeq
define('equal', '==', (a, b) => a == b || isNaNPair(a, b));
// eslint-disable-next-line eqeqeq
define('notEqual', '!=', (a, b) => !(a == b || isNaNPair(a, b)));
define('strictEqual', 'strictEqual', (a, b) => Object.is(a, b));
define('notStrictEqual', 'notStrictEqual', (a, b) => !Object.is(a, b));
define('deepEqual', 'deepEqual', isDeepLooseEqual);
define('notDeepEqual', 'notDeepEqual', (a, b) => !isDeepLooseEqual(a, b));
define('deepStrictEqual', 'deepStrictEqual', isDeepStrictEqual);
define('notDeepStrictEqual', 'notDeepStrictEqual', (a, b) => !isDeepStrictEqual(a, b));
define('partialDeepStrictEqual', 'partialDeepStrictEqual', isPartialStrictEqual);

// failures whose message assert made up itself carry generatedMessage: true
function failGenerated(generated, actual, expected, message, operator, fn) {
  if (message instanceof Error) throw message;
  const err = new AssertionError({ actual, expected, message, operator, stackStartFn: fn });
  err.generatedMessage = generated;
  throw err;
}

// The compared keys of a validation object, as a diff of two "Comparison" objects (a matching RegExp shows the
// actual string).
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (!(key in obj)) continue;
      const matched = actual !== undefined && typeof actual[key] === 'string' && obj[key] instanceof RegExp && obj[key].test(actual[key]);
      this[key] = matched ? actual[key] : obj[key];
    }
  }
}
function compareKey(actual, expected, key, message, keys, fn) {
  if (key in actual && isDeepStrictEqual(actual[key], expected[key])) return;
  if (!message) {
    const err = new AssertionError({ actual: new Comparison(actual, keys), expected: new Comparison(expected, keys, actual), operator: 'deepStrictEqual', stackStartFn: fn });
    err.actual = actual;
    err.expected = expected;
    err.operator = fn.name;
    throw err;
  }
  fail(actual, expected, message, fn.name, fn);
}

// assert.throws/rejects: `expected` as a RegExp, a validation object, an Error class or a validation function.
function expectedException(actual, expected, message, fn) {
  let generated = false;
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) {
      const str = String(actual);
      if (expected.test(str)) return;
      if (!message) {
        generated = true;
        message = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) keys.push('name', 'message');
      else if (keys.length === 0) throw internal.errors.invalidArgValue('error', expected, 'may not be an empty object');
      for (const key of keys) {
        if (typeof actual[key] === 'string' && expected[key] instanceof RegExp && expected[key].test(actual[key])) continue;
        compareKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Error.isPrototypeOf(expected)) {
    if (!message) {
      generated = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (actual instanceof Error) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        message += expected.name === name ? 'an error with identical name but a different prototype.' : `"${name}"`;
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
  } else {
    const res = Reflect.apply(expected, {}, [actual]);
    if (res === true) return;
    if (!message) {
      generated = true;
      message = `The ${expected.name ? `"${expected.name}" ` : ''}validation function is expected to return "true". Received ${inspect(res)}`;
      if (actual instanceof Error) message += `\n\nCaught error:\n\n${actual}`;
    }
  }
  failGenerated(generated, actual, expected, message, fn.name, fn);
}
const missing = (kind, expected, message, fn) =>
  fail(undefined, expected, `Missing expected ${kind}${expected && expected.name ? ` (${expected.name})` : ''}${message ? `: ${message}` : '.'}`, fn.name, fn);
const unwanted = (kind, actual, expected, message, fn) =>
  fail(actual, expected, `Got unwanted ${kind}${message ? `: ${message}` : '.'}\nActual message: "${actual && actual.message}"`, fn.name, fn);

assert.throws = function throws(block, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  let threw = false;
  let err;
  try { block(); } catch (e) { threw = true; err = e; }
  if (!threw) missing('exception', expected, message, throws);
  if (expected !== undefined) expectedException(err, expected, message, throws);
};
assert.doesNotThrow = function doesNotThrow(block, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  try { block(); } catch (e) { unwanted('exception', e, expected, message, doesNotThrow); }
};
assert.rejects = async function rejects(promiseFn, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  let threw = false;
  let err;
  try { await (typeof promiseFn === 'function' ? promiseFn() : promiseFn); } catch (e) { threw = true; err = e; }
  if (!threw) missing('rejection', expected, message, rejects);
  if (expected !== undefined) expectedException(err, expected, message, rejects);
};
assert.doesNotReject = async function doesNotReject(promiseFn, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  try { await (typeof promiseFn === 'function' ? promiseFn() : promiseFn); } catch (e) { unwanted('rejection', e, expected, message, doesNotReject); }
};
// assert.match / doesNotMatch: a non-string input fails too.
function internalMatch(string, regexp, message, fn, wanted) {
  if (!(regexp instanceof RegExp)) throw internal.errors.invalidArgType('regexp', 'RegExp', regexp);
  if (typeof string === 'string' && regexp.test(string) === wanted) return;
  const text = typeof string !== 'string'
    ? `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`
    : `The input ${wanted ? 'did not match' : 'was expected to not match'} the regular expression ${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
  failGenerated(!message, string, regexp, message || text, fn.name, fn);
}
assert.match = function match(string, regexp, message) { internalMatch(string, regexp, message, match, true); };
assert.doesNotMatch = function doesNotMatch(string, regexp, message) { internalMatch(string, regexp, message, doesNotMatch, false); };
assert.ifError = function ifError(err) {
  if (err === null || err === undefined) return;
  const what = typeof err === 'object' && typeof err.message === 'string'
    ? (err.message.length === 0 && err.constructor ? err.constructor.name : err.message) : inspect(err);
  const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message: `ifError got unwanted exception: ${what}`, stackStartFn: ifError });
  // Like Node: our frames down to the first one the original error shares, then the original error's frames.
  const origStack = err.stack;
  const start = typeof origStack === 'string' ? origStack.indexOf('\n    at') : -1;
  if (start !== -1) {
    const original = origStack.slice(start + 1).split('\n');
    let frames = newErr.stack.split('\n');
    for (const frame of original) {
      const pos = frames.indexOf(frame);
      if (pos !== -1) { frames = frames.slice(0, pos); break; }
    }
    newErr.stack = `${frames.join('\n')}\n${original.join('\n')}`;
  }
  throw newErr;
};
assert.strict = Object.assign(function strict(value, message) { return assert(value, message); }, assert, {
  equal: assert.strictEqual, notEqual: assert.notStrictEqual, deepEqual: assert.deepStrictEqual, notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
module.exports = assert;
