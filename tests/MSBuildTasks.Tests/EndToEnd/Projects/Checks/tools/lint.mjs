// Prints findings the way tsc and eslint's compact and unix formatters do, then fails like a linter.
import { readdirSync } from 'node:fs';
for (const f of readdirSync('src').sort()) console.log(`checking src/${f}`);
console.log('src/app.ts(3,7): error TS2322: Type \'number\' is not assignable to type \'string\'.');
console.log('/project/src/util.js: line 2, col 5, Error - \'x\' is not defined. (no-undef)');
console.log('/project/src/util.js:4:1: Missing semicolon. [Warning/semi]');
process.exitCode = 1;
