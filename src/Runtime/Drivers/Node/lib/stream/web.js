// node:stream/web — the WHATWG streams of internal/webstreams (also globals, as in Node 22).
'use strict';
module.exports = { ...require('internal/webstreams') };
