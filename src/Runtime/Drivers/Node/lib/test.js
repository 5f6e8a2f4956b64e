// node:test — the test runner API (only as `node:test`, like Node): test/it, describe/suite, hooks,
// skip/todo/only, the global mock tracker. The tree lives in internal/test_runner/.
'use strict';
const harness = require('internal/test_runner/harness');
const { MockTracker } = require('internal/test_runner/mock');

const test = harness.test;
Object.assign(test, harness, {
  mock: new MockTracker(),
  run() { throw internal.errors.notSupported('node:test run()'); },
});
test.test = test;
module.exports = test;
