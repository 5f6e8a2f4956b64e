// node:util parseArgs (Node 22): config checks, argv → tokens, tokens → { values, positionals[, tokens] }.
'use strict';
const errors = internal.errors;

const own = (object, key) => (Object.hasOwn(object, key) ? object[key] : undefined);
// A property of one option's config; undefined for options that were not declared.
const optionField = (options, name, key) => (Object.hasOwn(options, name) ? own(options[name], key) : undefined);
const isStringOption = (options, name) => optionField(options, name, 'type') === 'string';

function longNameForShort(options, short) {
  return Object.keys(options).find((name) => optionField(options, name, 'short') === short) ?? short;
}

// Node's default args: process.argv after the script, or after node itself when the process's options (not the
// guest's process.execArgv array) ran -e/--eval/-p/--print code.
function mainArgs() {
  const evaluated = internal.info.options.some((o) => /^(-e|--eval|-p|--print|-pe)(=|$)/.test(o));
  return process.argv.slice(evaluated ? 1 : 2);
}

const unknownOption = (rawName, allowPositionals) => errors.codedError(TypeError, 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  `Unknown option '${rawName}'` + (allowPositionals
    ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(rawName)}`
    : ''));
const invalidOptionValue = (message) => errors.codedError(TypeError, 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', message);
const unexpectedPositional = (value) => errors.codedError(TypeError, 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  `Unexpected argument '${value}'. This command does not take positional arguments`);

function checkType(value, name, type) {
  if (type === 'Array' ? !Array.isArray(value) : typeof value !== type) throw errors.invalidArgType(name, type, value);
}

function checkObject(value, name) {
  if (value === null || Array.isArray(value) || typeof value !== 'object') throw errors.invalidArgType(name, 'Object', value);
}

function checkArrayOf(value, name, type) {
  checkType(value, name, 'Array');
  value.forEach((item, i) => checkType(item, `${name}[${i}]`, type));
}

function checkOptionConfig(name, config) {
  const at = `options.${name}`;
  checkObject(config, at);
  const type = own(config, 'type');
  if (type !== 'string' && type !== 'boolean') throw errors.invalidArgType(`${at}.type`, "('string|boolean')", type);
  if (Object.hasOwn(config, 'short')) {
    checkType(config.short, `${at}.short`, 'string');
    if (config.short.length !== 1) throw errors.invalidArgValue(`${at}.short`, config.short, 'must be a single character');
  }
  const multiple = own(config, 'multiple');
  if (Object.hasOwn(config, 'multiple')) checkType(multiple, `${at}.multiple`, 'boolean');
  const fallback = own(config, 'default');
  if (fallback === undefined) return;
  if (multiple) checkArrayOf(fallback, `${at}.default`, type);
  else checkType(fallback, `${at}.default`, type);
}

function optionToken(name, rawName, index, value, inlineValue) {
  return { kind: 'option', name, rawName, index, value, inlineValue };
}

// Short groups are expanded in place (-abc → -a -b -c; -abfVALUE → -a -b -fVALUE) and read again; the pieces keep the
// group's index.
function tokenize(args, options) {
  const tokens = [];
  const queue = args.slice();
  let index = -1;
  let pendingPieces = 0;
  while (queue.length > 0) {
    const arg = queue.shift();
    const next = queue[0];
    if (pendingPieces > 0) pendingPieces--;
    else index++;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const rest of queue) tokens.push({ kind: 'positional', index: ++index, value: rest });
      break;
    }
    const isShort = arg.length >= 2 && arg[0] === '-' && arg[1] !== '-';
    if (isShort && arg.length === 2) {
      const name = longNameForShort(options, arg[1]);
      const takesNext = isStringOption(options, name) && next != null;
      tokens.push(optionToken(name, arg, index, takesNext ? queue.shift() : undefined, takesNext ? false : undefined));
      if (takesNext) index++;
    } else if (isShort && isStringOption(options, longNameForShort(options, arg[1]))) {
      tokens.push(optionToken(longNameForShort(options, arg[1]), arg.slice(0, 2), index, arg.slice(2), true));
    } else if (isShort) {
      const pieces = [];
      for (let at = 1; at < arg.length; at++) {
        const last = at === arg.length - 1;
        if (!last && isStringOption(options, longNameForShort(options, arg[at]))) {
          pieces.push('-' + arg.slice(at));
          break;
        }
        pieces.push('-' + arg[at]);
      }
      queue.unshift(...pieces);
      pendingPieces = pieces.length;
    } else if (arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3)) {
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals);
      tokens.push(optionToken(name, '--' + name, index, arg.slice(equals + 1), true));
    } else if (arg.length > 2 && arg.startsWith('--')) {
      const name = arg.slice(2);
      const takesNext = isStringOption(options, name) && next != null;
      tokens.push(optionToken(name, arg, index, takesNext ? queue.shift() : undefined, takesNext ? false : undefined));
      if (takesNext) index++;
    } else {
      tokens.push({ kind: 'positional', index, value: arg });
    }
  }
  return tokens;
}

// Strict mode: the option is declared (or is --no-NAME of a declared boolean under allowNegative) and used as its type says.
function checkOptionUsage(token, options, allowPositionals, allowNegative) {
  let name = token.name;
  if (!Object.hasOwn(options, name)) {
    const negated = allowNegative && name.startsWith('no-') ? name.slice(3) : undefined;
    if (negated === undefined || !Object.hasOwn(options, negated) || optionField(options, negated, 'type') !== 'boolean') {
      throw unknownOption(token.rawName, allowPositionals);
    }
    name = negated;
  }
  const short = optionField(options, name, 'short');
  const usage = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionField(options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string') throw invalidOptionValue(`Option '${usage} <value>' argument missing`);
  if (type === 'boolean' && token.value != null) throw invalidOptionValue(`Option '${usage}' does not take an argument`);
}

// Strict mode: `--opt -x` probably forgot opt's value; a value starting with '-' must be given inline.
function checkDashValue(token) {
  const value = token.value;
  if (token.inlineValue || value == null || value.length <= 1 || value[0] !== '-') return;
  const example = token.rawName.startsWith('--')
    ? `'${token.rawName}=-XYZ'`
    : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
  throw invalidOptionValue(`Option '${token.rawName}' argument is ambiguous.
Did you forget to specify the option argument for '${token.rawName}'?
To specify an option argument starting with a dash use ${example}.`);
}

function storeOption(values, options, token, allowNegative) {
  let name = token.name;
  let value = token.value ?? true;
  if (name === '__proto__') return;
  // --no-NAME without a value sets NAME to false, whatever was declared.
  if (allowNegative && name.startsWith('no-') && token.value === undefined) {
    name = name.slice(3);
    value = false;
  }
  if (!optionField(options, name, 'multiple')) values[name] = value;
  else if (values[name]) values[name].push(value);
  else values[name] = [value];
}

function parseArgs(config = { __proto__: null }) {
  const args = own(config, 'args') ?? mainArgs();
  const strict = own(config, 'strict') ?? true;
  const allowPositionals = own(config, 'allowPositionals') ?? !strict;
  const returnTokens = own(config, 'tokens') ?? false;
  const allowNegative = own(config, 'allowNegative') ?? false;
  const options = own(config, 'options') ?? { __proto__: null };

  checkType(args, 'args', 'Array');
  checkType(strict, 'strict', 'boolean');
  checkType(allowPositionals, 'allowPositionals', 'boolean');
  checkType(returnTokens, 'tokens', 'boolean');
  checkType(allowNegative, 'allowNegative', 'boolean');
  checkObject(options, 'options');
  for (const [name, optionConfig] of Object.entries(options)) checkOptionConfig(name, optionConfig);

  const tokens = tokenize(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) {
        checkOptionUsage(token, options, allowPositionals, allowNegative);
        checkDashValue(token);
      }
      storeOption(result.values, options, token, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw unexpectedPositional(token.value);
      result.positionals.push(token.value);
    }
  }
  for (const [name, optionConfig] of Object.entries(options)) {
    const fallback = own(optionConfig, 'default');
    if (fallback !== undefined && result.values[name] === undefined && name !== '__proto__') result.values[name] = fallback;
  }
  return result;
}

module.exports = { parseArgs };
