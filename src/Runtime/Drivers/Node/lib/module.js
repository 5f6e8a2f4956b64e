// node:module
'use strict';
module.exports = internal.cjs.Module;
