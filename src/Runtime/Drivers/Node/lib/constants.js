// node:constants (deprecated) — os.constants.errno, signals and priority, fs.constants and crypto.constants merged.
'use strict';
const os = require('os');
const constants = {};
Object.assign(constants, os.constants.errno, os.constants.signals, os.constants.priority);
Object.assign(constants, require('fs').constants);
Object.assign(constants, require('crypto').constants || {});
module.exports = constants;
