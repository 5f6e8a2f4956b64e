// node:internal/assert/source_expression — the text of the call that failed, for assert.ok()'s "The expression
// evaluated to a falsy value" message: the callee with its member accesses (`assert.ok`) up to the closing paren of
// the call, from that one source line (a call spanning lines shows its first line only, as in Node).
'use strict';

const kKeywords = new Set(('break case catch continue debugger default do else finally for function if return switch ' +
  'throw try var while with null true false instanceof typeof void delete new in this const class extends export ' +
  'import super').split(' '));
const kMemberAccess = new Set(['.', '?.', '[', ']']);
const kMemberName = new Set(['name', 'string', 'num']);
const kPunctuators = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=',
  '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '**'];

/** Tokens of one (possibly incomplete) source line: { type, start }; strings, templates and comments skipped whole. */
function tokenize(code) {
  const tokens = [];
  let i = 0;
  let regexAllowed = true;
  while (i < code.length) {
    const c = code[i];
    const start = i;
    if (/\s/.test(c)) { i++; continue; }
    if (code.startsWith('//', i)) break;
    if (code.startsWith('/*', i)) { const end = code.indexOf('*/', i + 2); i = end < 0 ? code.length : end + 2; continue; }
    let type;
    if (/[A-Za-z_$\u0080-\uffff\\]/.test(c)) {
      while (i < code.length && /[\w$\u0080-\uffff\\]/.test(code[i])) i++;
      const word = code.slice(start, i);
      type = kKeywords.has(word) ? word : 'name';
      regexAllowed = type !== 'name' && type !== 'this' && type !== 'null' && type !== 'true' && type !== 'false';
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(code[i + 1] || ''))) {
      while (i < code.length && /[\w.]/.test(code[i])) i++;
      type = 'num';
      regexAllowed = false;
    } else if (c === '"' || c === "'" || c === '`') {
      i = skipQuoted(code, i + 1, c);
      type = c === '`' ? 'template' : 'string';
      regexAllowed = false;
    } else if (c === '/' && regexAllowed) {
      i = skipRegExp(code, i + 1);
      type = 'regexp';
      regexAllowed = false;
    } else {
      type = kPunctuators.find((p) => code.startsWith(p, i)) || c;
      i += type.length;
      regexAllowed = type !== ')' && type !== ']' && type !== '}';
    }
    tokens.push({ type, start });
  }
  return tokens;
}

function skipQuoted(code, i, quote) {
  while (i < code.length && code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipRegExp(code, i) {
  let inClass = false;
  while (i < code.length && (inClass || code[i] !== '/')) {
    if (code[i] === '\\') i++;
    else if (code[i] === '[') inClass = true;
    else if (code[i] === ']') inClass = false;
    i++;
  }
  i++;
  while (i < code.length && /\w/.test(code[i])) i++;
  return i;
}

/** The expression that starts at `column` (0-based) of `code`, widened left over `a.b[c]`-style member access. */
function firstExpression(code, column) {
  let last;
  let memberStart;
  let end;
  let depth = 0;
  for (const token of tokenize(code)) {
    if (token.start < column) {
      if (token.type === ';') { memberStart = undefined; continue; }
      if (kMemberAccess.has(token.type) && last && last.type === 'name') memberStart ??= last.start;
      else if (!kMemberAccess.has(token.type) && !kMemberName.has(token.type)) memberStart = undefined;
      last = token;
      continue;
    }
    if (token.type === '(') { depth++; continue; }
    if (token.type === ')') {
      if (--depth === 0) { end = token.start + 1; break; }
      continue;
    }
    // Node ends at a semicolon with an empty text (it passes the token, not its offset): no expression shown
    if (token.type === ';') { end = 0; break; }
  }
  return code.slice(memberStart ?? column, end);
}

// Control characters other than \t and \n print escaped, as in Node.
const escapeControl = (s) => s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (ch) => ( // eslint-disable-line no-control-regex
  ch === '\b' ? '\\b' : ch === '\f' ? '\\f' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));

/** The calling expression of `fn`'s caller, or undefined when its source is not known. */
function callerExpression(fn) {
  const { prepareStackTrace, stackTraceLimit } = Error;
  const holder = {};
  let site;
  try {
    Error.stackTraceLimit = 1;
    Error.prepareStackTrace = (_, sites) => sites[0];
    Error.captureStackTrace(holder, fn);
    site = holder.stack;
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (!site || !site.getLineNumber()) return undefined;
  // -e code: getFileName() says "eval", the script's name is "[eval]"
  const file = [site.getFileName(), site.getScriptNameOrSourceURL()].find((f) => f && moduleSource(f) !== undefined);
  const line = site.getLineNumber();
  const source = file && moduleSource(file);
  if (source === undefined) return undefined;
  const text = source.split('\n')[line - 1];
  if (text === undefined) return undefined;
  let column = site.getColumnNumber() - 1;
  if (line === 1) column -= internal.cjs.headerColumns(file); // V8 counts the CommonJS wrapper's header
  const expression = firstExpression(text, column);
  return expression ? escapeControl(expression) : undefined;
}

function moduleSource(file) {
  if (typeof file !== 'string') return undefined;
  const esm = internal.bridge(internal.OP.ModuleSource, file);
  return typeof esm === 'string' ? esm : internal.cjs.sourceOf(file);
}

module.exports = { callerExpression, firstExpression };
