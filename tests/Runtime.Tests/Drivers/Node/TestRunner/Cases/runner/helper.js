// Not a test file by Node's default patterns: `node --test` must not run it.
throw new Error('helper.js must not be run');
