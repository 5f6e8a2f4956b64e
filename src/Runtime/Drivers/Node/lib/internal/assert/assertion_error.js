// node:internal/assert/assertion_error — AssertionError and its generated messages, in Node 22's format: the
// "+ actual - expected" line diff, "a !== b" for short primitives, the not-* and legacy (==, deepEqual) texts.
'use strict';
const { inspect } = require('internal/inspect');
const { myersDiff, printMyersDiff } = require('internal/assert/myers_diff');

const kReadableOperator = {
  __proto__: null,
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  partialDeepStrictEqual: 'Expected values to be partially and strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};
const kMaxShortLength = 12; // up to this many characters (both sides, quotes not counted): "a !== b"
const kMaxLongLength = 512; // longer inspections are cut in the legacy messages
const kMaxLines = 50; // longer inspections are cut in the not-* and "same structure" messages
// Operators whose message is a diff even with a custom message (the message replaces the header's first line).
const kDiffOperators = new Set(['deepStrictEqual', 'strictEqual', 'partialDeepStrictEqual']);

// Node's assert inspection: every level, all entries, sorted keys, getter values, no custom inspectors.
const inspectValue = (v) => inspect(v, {
  compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false, showProxy: false,
  sorted: true, getters: true,
});

const isObject = (v) => typeof v === 'object' && v !== null;

// Two Errors are shown through plain copies, so their stacks stay out of the diff.
function copyError(source) {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(source)), source);
  Object.defineProperty(copy, 'message', { value: source.message });
  if (Object.prototype.hasOwnProperty.call(source, 'cause')) {
    const cause = source.cause instanceof Error ? copyError(source.cause) : source.cause;
    Object.defineProperty(copy, 'cause', { value: cause });
  }
  return copy;
}

// Single-line values: "a !== b" when short, else "+ a" over "- b" with a caret under the first difference (Node
// tests "both strings" on the inspected texts, so any two values get the caret).
function simpleDiff(actual, a, expected, e) {
  let length = a.length + e.length;
  if (typeof actual === 'string') length -= 2;
  if (typeof expected === 'string') length -= 2;
  if (length <= kMaxShortLength && (actual !== 0 || expected !== 0)) return { message: `${a} !== ${e}`, header: '' };
  let message = `\n+ ${a}\n- ${e}`;
  const width = process.stderr && process.stderr.isTTY ? process.stderr.columns : 80;
  if (a.length + e.length <= width) {
    let i = 0;
    while (i < a.length && a[i] === e[i]) i++;
    // none for a difference in the first two characters (after the quote) or for a prefix of expected
    if (i < a.length && i >= 3) message += `\n${' '.repeat(i + 2)}^`;
  }
  return { message };
}

function createErrDiff(actual, expected, operator, customMessage, diffType) {
  if (operator === 'strictEqual' && ((isObject(actual) && isObject(expected)) ||
      (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const inspectedActual = inspectValue(actual);
  const inspectedExpected = inspectValue(expected);
  const actualLines = inspectedActual.split('\n');
  const expectedLines = inspectedExpected.split('\n');
  let header = '+ actual - expected';
  let message;
  let skipped = false;
  if (actualLines.length === 1 && expectedLines.length === 1 && (!isObject(actual) || !isObject(expected))) {
    const simple = simpleDiff(actual, actualLines[0], expected, expectedLines[0]);
    message = simple.message;
    if (simple.header !== undefined) header = simple.header;
  } else if (inspectedActual === inspectedExpected) {
    operator = 'notIdentical';
    header = '';
    if (actualLines.length > kMaxLines && diffType !== 'full') {
      message = `${actualLines.slice(0, kMaxLines).join('\n')}\n...}`;
      skipped = true;
    } else {
      message = inspectedActual;
    }
  } else {
    const printed = printMyersDiff(myersDiff(actualLines, expectedLines, actual != null && typeof actual === 'object'));
    message = printed.message;
    skipped = printed.skipped;
  }
  return `${customMessage || kReadableOperator[operator]}\n${header}${skipped ? '\n... Skipped lines' : ''}\n${message}\n`;
}

// notStrictEqual / notDeepStrictEqual: the one value, cut after 46 lines.
function notEqualMessage(actual, operator, diffType) {
  let base = kReadableOperator[operator];
  if (operator === 'notStrictEqual' && (isObject(actual) || typeof actual === 'function')) {
    base = kReadableOperator.notStrictEqualObject;
  }
  const lines = inspectValue(actual).split('\n');
  if (lines.length > kMaxLines && diffType !== 'full') lines.splice(46, Infinity, '...');
  if (lines.length === 1) return `${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
  return `${base}\n\n${lines.join('\n')}\n`;
}

// deepEqual, notDeepEqual and the rest ("1 == 2"): both values, each cut to 512 characters.
function legacyMessage(actual, expected, operator, diffType) {
  let a = inspectValue(actual);
  let e = inspectValue(expected);
  const known = kReadableOperator[operator];
  const full = diffType === 'full';
  if (operator === 'notDeepEqual' && a === e) {
    const text = `${known}\n\n${a}`;
    return text.length > 1024 && !full ? `${text.slice(0, 1021)}...` : text;
  }
  if (a.length > kMaxLongLength && !full) a = `${a.slice(0, kMaxLongLength - 3)}...`;
  if (e.length > kMaxLongLength && !full) e = `${e.slice(0, kMaxLongLength - 3)}...`;
  if (operator === 'deepEqual') return `${known}\n\n${a}\n\nshould loosely deep-equal\n\n${e}`;
  const unequal = kReadableOperator[`${operator}Unequal`];
  if (unequal) return `${unequal}\n\n${a}\n\nshould not loosely deep-equal\n\n${e}`;
  return `${a} ${operator} ${e}`;
}

// For inspect(err): long string values cut to 10 lines or 512 characters.
function addEllipsis(s) {
  const lines = s.split('\n', 11);
  if (lines.length > 10) return `${lines.slice(0, 10).join('\n')}\n...`;
  return s.length > kMaxLongLength ? `${s.slice(kMaxLongLength)}...` : s; // sic: Node keeps the tail here
}

class AssertionError extends Error {
  constructor(options) {
    if (!isObject(options) || Array.isArray(options)) throw internal.errors.invalidArgType('options', 'object', options);
    const { message, operator, stackStartFn, details, stackStartFunction, diff = 'simple' } = options;
    let { actual, expected } = options;
    let text;
    if (message != null) {
      text = kDiffOperators.has(operator) ? createErrDiff(actual, expected, operator, message, diff) : String(message);
    } else {
      if (isObject(actual) && isObject(expected) && actual instanceof Error && expected instanceof Error &&
          'stack' in actual && 'stack' in expected) {
        actual = copyError(actual);
        expected = copyError(expected);
      }
      if (kDiffOperators.has(operator)) text = createErrDiff(actual, expected, operator, undefined, diff);
      else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') text = notEqualMessage(actual, operator, diff);
      else text = legacyMessage(actual, expected, operator, diff);
    }
    super(text);
    this.generatedMessage = !message;
    // the stack's header carries the code ("AssertionError [ERR_ASSERTION]: ..."), the name does not
    Object.defineProperty(this, 'name', { value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      details.forEach((d, i) => {
        this['message ' + i] = d.message;
        this['actual ' + i] = d.actual;
        this['expected ' + i] = d.expected;
        this['operator ' + i] = d.operator;
        this['stack trace ' + i] = d.stack;
      });
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    Error.captureStackTrace(this, stackStartFn || stackStartFunction);
    this.stack; // eslint-disable-line no-unused-expressions -- formats the header while the name has the code
    this.name = 'AssertionError';
    this.diff = diff;
  }

  toString() { return `${this.name} [${this.code}]: ${this.message}`; }

  // Like Node: actual and expected shown one level deep, long strings cut.
  [inspect.custom](depth, options) {
    const { actual, expected } = this;
    if (typeof actual === 'string') this.actual = addEllipsis(actual);
    if (typeof expected === 'string') this.expected = addEllipsis(expected);
    try {
      return inspect(this, { ...options, customInspect: false, depth: 0 });
    } finally {
      this.actual = actual;
      this.expected = expected;
    }
  }
}

module.exports = { AssertionError, inspectValue };
