// util.parseArgs: parsing, tokens, defaults, config errors and parse errors, and the default args of a child node.
const util = require('util');
const { execFileSync } = require('child_process');

// Run again as `node util-parse-args.js child --x`: print the default parse only.
if (process.argv[2] === 'child') {
  console.log(JSON.stringify(util.parseArgs({ strict: false })));
  return;
}

const bool = { type: 'boolean' };
const str = { type: 'string' };
const fv = { f: { type: 'boolean', short: 'f' }, v: { type: 'boolean', short: 'v' }, out: { type: 'string', short: 'o' } };

const cases = [
  ['no args', { args: [] }],
  ['long boolean', { args: ['--foo'], options: { foo: bool } }],
  ['long string, separate value', { args: ['--out', 'x.txt'], options: { out: str } }],
  ['long string, inline value', { args: ['--out=x=y'], options: { out: str } }],
  ['long string, empty inline value', { args: ['--out='], options: { out: str } }],
  ['short boolean', { args: ['-f'], options: fv }],
  ['short string, separate value', { args: ['-o', 'a'], options: fv }],
  ['short string, inline value', { args: ['-oVALUE'], options: fv }],
  ['short group', { args: ['-fv'], options: fv }],
  ['short group ending in string', { args: ['-fvo', 'file'], options: fv }],
  ['short group with string in middle', { args: ['-fofile'], options: fv }],
  ['string value starting with dash (inline)', { args: ['--out=-x', '-o-y'], options: fv }],
  ['lone dash as value', { args: ['--out', '-'], options: fv }],
  ['lone dash positional', { args: ['-'], allowPositionals: true }],
  ['positionals allowed', { args: ['a', '--foo', 'b'], options: { foo: bool }, allowPositionals: true }],
  ['terminator', { args: ['--foo', '--', '--bar', '-b', 'c'], options: { foo: bool }, allowPositionals: true }],
  ['terminator only', { args: ['--'], tokens: true }],
  ['multiple strings', { args: ['--inc', 'a', '--inc=b', '-ic'], options: { inc: { type: 'string', short: 'i', multiple: true } } }],
  ['multiple booleans', { args: ['-v', '-vv', '--verbose'], options: { verbose: { type: 'boolean', short: 'v', multiple: true } } }],
  ['last value wins', { args: ['--out', 'a', '--out', 'b'], options: fv }],
  ['defaults', { args: ['--a', 'given'], options: { a: { type: 'string', default: 'A' }, b: { type: 'string', default: 'B' }, c: { type: 'boolean', default: false }, d: { type: 'string', multiple: true, default: ['x', 'y'] }, e: { type: 'boolean', multiple: true, default: [] } } }],
  ['default kept for multiple when given', { args: ['--d', 'z'], options: { d: { type: 'string', multiple: true, default: ['x'] } } }],
  ['allowNegative', { args: ['--no-color', '--no-quiet', '--quiet'], options: { color: bool, quiet: bool }, allowNegative: true }],
  ['allowNegative with default', { args: ['--no-color'], options: { color: { type: 'boolean', default: true } }, allowNegative: true }],
  ['allowNegative multiple', { args: ['--color', '--no-color'], options: { color: { type: 'boolean', multiple: true } }, allowNegative: true }],
  ['allowNegative, non-strict unknown', { args: ['--no-thing', '--no-'], strict: false, allowNegative: true }],
  ['allowNegative with value keeps no-', { args: ['--no-x=1', '--no-y', 'v'], options: { 'no-y': str }, strict: false, allowNegative: true }],
  ['allowNegative without value of a string', { args: ['--no-x', '--no-z'], options: { x: str, 'no-z': str }, strict: false, allowNegative: true }],
  ['allowNegative, both declared', { args: ['--no-color'], options: { color: str, 'no-color': bool }, allowNegative: true }],
  ['allowNegative of __proto__', { args: ['--no-__proto__'], strict: false, allowNegative: true }],
  ['allowNegative off keeps no-', { args: ['--no-color'], strict: false }],
  ['tokens', { args: ['-f', '--out', 'a', 'pos', '-o', 'b', '-fvoc', '--x=1', '--', '-f'], options: fv, strict: false, tokens: true }],
  ['tokens of a short group with value', { args: ['-vofile', 'next'], options: fv, tokens: true, allowPositionals: true }],
  ['tokens of a group holding a dash', { args: ['-f-v', '-f-'], options: fv, tokens: true, strict: false }],
  ['non-strict unknown options', { args: ['--foo', '--bar=baz', '-x', '-xyz', 'p'], strict: false }],
  ['non-strict string without value', { args: ['--out'], options: fv, strict: false }],
  ['non-strict boolean with value', { args: ['--f=yes', '-fv'], options: fv, strict: false }],
  ['non-strict ambiguous value', { args: ['--out', '--f'], options: fv, strict: false }],
  ['non-strict, positionals off', { args: ['a'], strict: false, allowPositionals: false }],
  ['odd long forms', { args: ['--=x', '--a=b=c', '---', '--=a=b'], strict: false, tokens: true }],
  ['short group splits a surrogate pair', { args: ['-\u{1F600}'], strict: false }],
  ['__proto__ is ignored', { args: ['--__proto__', '--constructor'], strict: false }],
  ['short alias chosen by config', { args: ['-a'], options: { first: { type: 'boolean', short: 'a' }, second: { type: 'boolean', short: 'a' } } }],
  ['inherited option fields ignored', { args: ['--p', 'x'], options: { p: Object.assign(Object.create({ multiple: true, short: 'p' }), { type: 'string' }) } }],
  ['inherited config fields ignored', Object.assign(Object.create({ strict: false }), { args: ['--zzz'] })],
  ['unknown long option', { args: ['--nope'] }],
  ['unknown short option', { args: ['-n'] }],
  ['unknown option with positionals', { args: ['-n'], allowPositionals: true }],
  ['unknown option, quote in hint', { args: ['--a"b'], allowPositionals: true }],
  ['unknown inline option', { args: ['--nope=1'], options: fv }],
  ['unknown in short group', { args: ['-fz'], options: fv }],
  ['unknown --no- without allowNegative', { args: ['--no-f'], options: fv }],
  ['--no- of a string option', { args: ['--no-out'], options: fv, allowNegative: true }],
  ['--no- of an undeclared option', { args: ['--no-zzz'], options: fv, allowNegative: true }],
  ['--no- with a value', { args: ['--no-f=1'], options: fv, allowNegative: true }],
  ['string missing value (long)', { args: ['--out'], options: fv }],
  ['string missing value (short)', { args: ['-o'], options: fv }],
  ['string missing value, no short', { args: ['--name'], options: { name: str } }],
  ['boolean given inline value', { args: ['--f=1'], options: fv }],
  ['boolean without short given value', { args: ['--flag=no'], options: { flag: bool } }],
  ['ambiguous long value', { args: ['--out', '--f'], options: fv }],
  ['ambiguous short value', { args: ['-o', '-f'], options: fv }],
  ['ambiguous value at end of group', { args: ['-fo', '-v'], options: fv }],
  ['unexpected positional', { args: ['pos'] }],
  ['unexpected positional after terminator', { args: ['--', 'x'] }],
  ['unexpected positional, strict off', { args: ['x'], strict: false, allowPositionals: false }],
  ['error order: positional first', { args: ['pos', '--nope'] }],
  ['args not an array', { args: 'a b' }],
  ['strict not boolean', { strict: 'yes' }],
  ['allowPositionals not boolean', { allowPositionals: 1 }],
  ['tokens not boolean', { tokens: null }],
  ['allowNegative not boolean', { allowNegative: 'no' }],
  ['options not an object', { options: 'x' }],
  ['options an array', { options: [] }],
  ['option config not an object', { options: { a: true } }],
  ['option config null', { options: { a: null } }],
  ['type missing', { options: { a: {} } }],
  ['type wrong', { options: { a: { type: 'number' } } }],
  ['short not a string', { options: { a: { type: 'boolean', short: 1 } } }],
  ['short too long', { options: { a: { type: 'boolean', short: 'ab' } } }],
  ['short empty', { options: { a: { type: 'boolean', short: '' } } }],
  ['multiple not boolean', { options: { a: { type: 'boolean', multiple: 'yes' } } }],
  ['default wrong type (string)', { options: { a: { type: 'string', default: 1 } } }],
  ['default wrong type (boolean)', { options: { a: { type: 'boolean', default: 'true' } } }],
  ['default not an array for multiple', { options: { a: { type: 'string', multiple: true, default: 'x' } } }],
  ['default array with wrong item', { options: { a: { type: 'boolean', multiple: true, default: [true, 'no'] } } }],
  ['default array for single', { options: { a: { type: 'string', default: ['x'] } } }],
  ['undefined fields use defaults', { args: ['p'], strict: undefined, allowPositionals: undefined, options: undefined, tokens: undefined }],
];

for (const [name, config] of cases) {
  try {
    const result = util.parseArgs(config);
    console.log(`${name}:`, util.inspect(result, { depth: 4, breakLength: 120 }));
  } catch (err) {
    console.log(`${name}: ${err.name} ${err.code}: ${err.message}`);
  }
}

// The default args (process.argv after the script, or after node for -e/-p) of a child node.
const code = 'console.log(JSON.stringify(require("util").parseArgs({ strict: false })))';
const child = (args, input) => execFileSync(process.execPath, args, { input, encoding: 'utf8' }).trim();
console.log('parseArgs():', util.inspect(util.parseArgs()));
console.log('-e:', child(['-e', code, 'a', '--b', '-c']));
console.log('--eval=:', child(['--eval=' + code, 'a', '--b']));
console.log('-p:', child(['-p', code.slice(12, -1), 'a', '--b']));
console.log('-e with --:', child(['-e', code, '--', 'a', '--b']));
console.log('stdin -:', child(['-', 'a', '--b'], code));
console.log('file:', child([__filename, 'child', '--x']));
console.log(util.parseArgs.name, util.parseArgs.length, Object.getPrototypeOf(util.parseArgs({ args: [] }).values));
