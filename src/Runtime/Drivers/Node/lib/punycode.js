// node:punycode (deprecated, DEP0040): the npm package punycode 2.3.0, which is the code Node 22 ships (its
// `version` still says 2.1.0), embedded from Drivers/Node/deps at build time; Node's deprecation warning on first use.
'use strict';
if (!process.noDeprecation && !internal.punycodeWarned) {
  internal.punycodeWarned = true;
  process.emitWarning('The `punycode` module is deprecated. Please use a userland alternative instead.', 'DeprecationWarning', 'DEP0040');
}

module.exports = require('internal/deps/punycode');
