// node:internal/inspect — util.inspect and util.format with Node's output shapes: quoting, nesting depth,
// circular markers, class names, Map/Set/typed arrays/Buffer/Error formatting and 72-column line breaking.
'use strict';
const brands = require('internal/brands');
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const defaults = { depth: 2, colors: false, showHidden: false, maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false, numericSeparator: false, customInspect: true };

function inspect(value, opts) {
  const ctx = { ...defaults, seen: [], circular: new Map(), indentation: 0 };
  if (typeof opts === 'boolean') ctx.showHidden = opts;
  else if (opts) Object.assign(ctx, opts);
  if (ctx.depth === null) ctx.depth = Infinity;
  return formatValue(ctx, value, 0, true);
}
inspect.custom = customInspect;
inspect.defaultOptions = defaults;
inspect.colors = {};
inspect.styles = {};

const strEscape = (s, quote) => {
  let q = quote;
  if (!q) q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes('`') && !s.includes('${') ? '`' : "'";
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\u' + c.toString(16); // a lone surrogate, as Node prints it
    else out += ch;
  }
  return q + out + q;
};

function formatPrimitive(ctx, v) {
  switch (typeof v) {
    case 'string': {
      let s = v;
      let trailer = '';
      if (s.length > ctx.maxStringLength) { trailer = `... ${s.length - ctx.maxStringLength} more character${s.length - ctx.maxStringLength > 1 ? 's' : ''}`; s = s.slice(0, ctx.maxStringLength); }
      // Like Node: a string longer than the line (and than 16) prints one quoted piece per line, joined by " +".
      const indentation = ctx.indentation || 0;
      if (ctx.compact !== true && s.length > 16 && s.length > (ctx.breakLength ?? 80) - indentation - 4) {
        return s.split(/(?<=\n)/).map((line) => strEscape(line)).join(` +\n${' '.repeat(indentation + 2)}`) + trailer;
      }
      return strEscape(s) + trailer;
    }
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return String(v) + 'n';
    case 'boolean': return String(v);
    case 'undefined': return 'undefined';
    case 'symbol': return v.toString();
  }
  return String(v);
}

const isIdentifier = (k) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k);
function formatKey(key) {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  if (key === '__proto__') return "['__proto__']"; // an own key, not the prototype
  return isIdentifier(key) ? key : strEscape(key, "'");
}

function getPrefix(constructor, tag, fallback, size) {
  let p = constructor === null ? `[${fallback}: null prototype]` : constructor;
  if (size !== undefined) p += `(${size})`;
  if (tag && tag !== constructor) p += ` [${tag}]`;
  return p === 'Object' || p === '' ? '' : p + ' ';
}

function constructorName(obj) {
  let o = obj;
  while (o) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '') return d.value.name;
    o = Object.getPrototypeOf(o);
  }
  return null;
}

function formatError(err, ctx, tag) {
  let stack = typeof err.stack === 'string' && err.stack ? err.stack : Error.prototype.toString.call(err);
  const name = err.name != null ? String(err.name) : 'Error';
  stack = improveStack(stack, constructorName(err), name, tag);
  // Node wraps an error in brackets when no frame follows its message (e.g. a stack replaced by plain text).
  let pos = (err.message && stack.indexOf(err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  if (stack.indexOf('\n    at', pos) === -1) stack = `[${stack}]`;
  if (ctx.indentation) stack = stack.split('\n').join('\n' + ' '.repeat(ctx.indentation));
  return stack;
}

// Node's improveStack: a "regular" stack ("NameError: …") whose class is not its name shows the class, e.g.
// `class ValidationError extends Error {}` prints "ValidationError: …" and a renamed one "E [Error]: …".
function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (constructor !== null && !(name.endsWith('Error') && stack.startsWith(name) &&
      (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) return stack;
  let fallback = 'Error';
  if (constructor === null) {
    const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
    fallback = (start && start[1]) || '';
    len = fallback.length;
    fallback = fallback || 'Error';
  }
  const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
  if (name === prefix) return stack;
  if (prefix.includes(name)) return len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
  return `${prefix} [${name}]${stack.slice(len)}`;
}

function formatValue(ctx, value, recurseTimes, top) {
  if (value === null) return 'null';
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx, value);
  if (ctx.customInspect && value[customInspect] && typeof value[customInspect] === 'function' && value[customInspect] !== inspect) {
    const r = value[customInspect](ctx.depth - recurseTimes, { ...ctx, stylize: (s) => s }, inspect);
    if (r !== value) return typeof r === 'string' ? r : formatValue(ctx, r, recurseTimes);
  }
  if (ctx.seen.includes(value)) {
    let idx = ctx.circular.get(value);
    if (idx === undefined) { idx = ctx.circular.size + 1; ctx.circular.set(value, idx); }
    return `[Circular *${idx}]`;
  }
  return formatRaw(ctx, value, recurseTimes, top);
}

function formatRaw(ctx, value, recurseTimes) {
  const ctorName = constructorName(value);
  let tag = value[Symbol.toStringTag];
  // Node lists the tag only when it is not shown as an own property anyway.
  const ownTag = ctx.showHidden ? Object.prototype.hasOwnProperty : Object.prototype.propertyIsEnumerable;
  if (typeof tag !== 'string' || (tag !== '' && ownTag.call(value, Symbol.toStringTag))) tag = '';
  let keys = Object.keys(value);
  if (ctx.showHidden) keys = Object.getOwnPropertyNames(value);
  const symbols = Object.getOwnPropertySymbols(value).filter((s) => ctx.showHidden || Object.prototype.propertyIsEnumerable.call(value, s));
  let braces;
  let formatter = () => [];
  let extrasType = 'object';
  let base = '';
  if (Array.isArray(value)) {
    const prefix = ctorName !== 'Array' ? getPrefix(ctorName, tag, 'Array', value.length) : '';
    keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
    braces = [`${prefix}[`, ']'];
    extrasType = 'array';
    formatter = () => indented(ctx, () => formatList(ctx, value, recurseTimes));
    if (value.length === 0 && keys.length === 0 && symbols.length === 0) return `${braces[0]}]`;
  } else if (brands.isSet(value)) {
    braces = [`${getPrefix(ctorName, tag, 'Set', value.size)}{`, '}'];
    formatter = () => indented(ctx, () => [...value].map((v) => formatValue(ctx, v, recurseTimes + 1)));
    if (value.size === 0 && keys.length === 0) return `${braces[0]}}`;
  } else if (brands.isMap(value)) {
    braces = [`${getPrefix(ctorName, tag, 'Map', value.size)}{`, '}'];
    formatter = () => indented(ctx, () => [...value].map(([k, v]) => `${formatValue(ctx, k, recurseTimes + 1)} => ${formatValue(ctx, v, recurseTimes + 1)}`));
    if (value.size === 0 && keys.length === 0) return `${braces[0]}}`;
  } else if (brands.isTypedArray(value)) {
    braces = [`${getPrefix(ctorName, tag, 'TypedArray', value.length)}[`, ']'];
    keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
    extrasType = 'array';
    formatter = () => {
      const out = [];
      const n = Math.min(value.length, ctx.maxArrayLength);
      for (let i = 0; i < n; i++) out.push(formatPrimitive(ctx, value[i]));
      if (value.length > n) out.push(`... ${value.length - n} more item${value.length - n > 1 ? 's' : ''}`);
      return out;
    };
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
  } else if (typeof value === 'function') {
    base = formatFunction(value, ctorName);
    if (keys.length === 0 && symbols.length === 0) return base;
    braces = ['{', '}'];
  } else if (brands.isRegExp(value)) {
    base = RegExp.prototype.toString.call(value);
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (brands.isDate(value)) {
    base = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (brands.isNativeError(value)) {
    base = formatError(value, ctx, tag);
    // Node's removeDuplicateErrorKeys: name, message and stack are not listed when the stack text shows them.
    const stackText = typeof value.stack === 'string' ? value.stack : base;
    keys = keys.filter((k) => !((k === 'name' || k === 'message' || k === 'stack') && stackText.includes(String(value[k]))));
    // Node shows a cause and an AggregateError's errors even though they are not enumerable.
    if (Object.prototype.hasOwnProperty.call(value, 'cause') && !keys.includes('cause')) keys.push('cause');
    if (Array.isArray(value.errors) && !keys.includes('errors')) keys.push('errors');
    if (keys.length === 0 && symbols.length === 0) return base;
    braces = ['{', '}'];
  } else if (brands.isPromise(value)) {
    braces = [`Promise {`, '}'];
    formatter = () => ['<unknown>'];
  } else if (brands.isWeakMap(value) || brands.isWeakSet(value)) {
    return `${ctorName} { <items unknown> }`;
  } else if (brands.isArrayBuffer(value)) {
    braces = ['ArrayBuffer {', '}'];
    formatter = () => [`[Uint8Contents]: <${Array.from(new Uint8Array(value).slice(0, 50), (b) => b.toString(16).padStart(2, '0')).join(' ')}${value.byteLength > 50 ? ` ... ${value.byteLength - 50} more bytes` : ''}>`, `byteLength: ${value.byteLength}`];
  } else if (brands.isNumberObject(value) || brands.isStringObject(value) || brands.isBooleanObject(value) || brands.isBigIntObject(value) || brands.isSymbolObject(value)) {
    const prim = value.valueOf();
    const type = brands.isNumberObject(value) ? 'Number' : brands.isStringObject(value) ? 'String' : brands.isBooleanObject(value) ? 'Boolean' : brands.isSymbolObject(value) ? 'Symbol' : 'BigInt';
    base = `[${type}: ${formatPrimitive(ctx, prim)}]`;
    if (brands.isStringObject(value)) keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k) && k !== 'length');
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else {
    if (tag === 'Module' || (ctorName === null && tag === 'Module')) braces = ['[Module: null prototype] {', '}'];
    else braces = [`${getPrefix(ctorName, tag, 'Object')}{`, '}'];
    if (keys.length === 0 && symbols.length === 0) {
      return `${braces[0]}}`;
    }
  }
  if (recurseTimes > ctx.depth && ctx.depth !== Infinity) {
    return Array.isArray(value) ? '[Array]' : `[${ctorName || tag || 'Object'}]`;
  }
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output;
  try {
    output = formatter();
    for (const k of keys) output.push(formatProperty(ctx, value, recurseTimes, k, extrasType));
    for (const s of symbols) output.push(formatProperty(ctx, value, recurseTimes, s, extrasType));
  } finally {
    ctx.seen.pop();
  }
  if (ctx.sorted) sortOutput(ctx, output, extrasType, keys.length + symbols.length);
  if (base) braces[0] = `${base} ${braces[0]}`;
  const idx = ctx.circular.get(value);
  if (idx !== undefined) braces[0] = `<ref *${idx}> ${braces[0]}`;
  return reduceToSingleString(ctx, output, braces, extrasType, value, recurseTimes);
}

function indented(ctx, fn) {
  ctx.indentation += 2;
  try { return fn(); } finally { ctx.indentation -= 2; }
}

function formatFunction(fn, ctorName) {
  const src = Function.prototype.toString.call(fn);
  if (src.startsWith('class') && /^class\b/.test(src)) {
    const ext = Object.getPrototypeOf(fn);
    return `[class ${fn.name || '(anonymous)'}${ext && ext.name ? ` extends ${ext.name}` : ''}]`;
  }
  let type = 'Function';
  if (ctorName === 'AsyncFunction') type = 'AsyncFunction';
  else if (ctorName === 'GeneratorFunction') type = 'GeneratorFunction';
  else if (ctorName === 'AsyncGeneratorFunction') type = 'AsyncGeneratorFunction';
  return fn.name ? `[${type}: ${fn.name}]` : `[${type} (anonymous)]`;
}

function formatList(ctx, arr, recurseTimes) {
  const out = [];
  const n = Math.min(arr.length, ctx.maxArrayLength);
  let holes = 0;
  for (let i = 0; i < n; i++) {
    if (!Object.prototype.hasOwnProperty.call(arr, i)) { holes++; continue; }
    if (holes) { out.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`); holes = 0; }
    out.push(formatValue(ctx, arr[i], recurseTimes + 1));
  }
  if (holes) out.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
  if (arr.length > n) out.push(`... ${arr.length - n} more item${arr.length - n > 1 ? 's' : ''}`);
  return out;
}

function formatProperty(ctx, value, recurseTimes, key, type) {
  const desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  let str;
  if (desc.value !== undefined || (!desc.get && !desc.set)) {
    ctx.indentation += 2;
    str = formatValue(ctx, desc.value, recurseTimes + 1);
    ctx.indentation -= 2;
  } else if (desc.get) {
    const label = desc.set ? 'Getter/Setter' : 'Getter';
    str = ctx.getters === true || (ctx.getters === 'get' && !desc.set) || (ctx.getters === 'set' && desc.set)
      ? formatGetter(ctx, value, desc.get, label, recurseTimes) : `[${label}]`;
  } else if (desc.set) {
    str = '[Setter]';
  } else {
    str = 'undefined';
  }
  const name = desc.enumerable === false ? `[${formatKey(key)}]` : formatKey(key);
  return `${name}: ${str}`;
}

// `getters` option: the getter's value, as Node shows it ("[Getter: 1]", "[Getter] { a: 1 }").
function formatGetter(ctx, obj, get, label, recurseTimes) {
  try {
    const v = get.call(obj);
    ctx.indentation += 2;
    try {
      if (v === null) return `[${label}: null]`;
      if (typeof v === 'object') return `[${label}] ${formatValue(ctx, v, recurseTimes + 1)}`;
      return `[${label}: ${formatPrimitive(ctx, v)}]`;
    } finally { ctx.indentation -= 2; }
  } catch (err) {
    return `[${label}: <Inspection threw (${err.message})>]`;
  }
}

// `sorted` option: objects, Maps and Sets sort all entries; arrays sort only their extra keys.
function sortOutput(ctx, output, extrasType, extraKeys) {
  const compare = ctx.sorted === true ? undefined : ctx.sorted;
  if (extrasType !== 'array') return output.sort(compare);
  if (extraKeys > 1) output.push(...output.splice(output.length - extraKeys).sort(compare));
  return output;
}

function reduceToSingleString(ctx, output, braces, type, value, recurseTimes) {
  if (ctx.compact !== true && typeof ctx.compact === 'number' && ctx.compact >= 1) {
    const entries = output.length;
    if (type === 'array' && entries > 6) output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
      const start = output.length + ctx.indentation + braces[0].length + 10;
      // Like Node: a multi-line base (an error's stack) never shares its line with the properties.
      if (isBelowBreakLength(ctx, output, start) && !braces[0].includes('\n')) {
        const joined = output.join(', ');
        if (!joined.includes('\n')) return `${braces[0]} ${joined} ${braces[1]}`;
      }
    }
  } else if (ctx.compact === true) {
    return `${braces[0]} ${output.join(', ')} ${braces[1]}`;
  }
  const indent = '\n' + ' '.repeat(ctx.indentation);
  return `${braces[0]}${indent}  ${output.join(`,${indent}  `)}${indent}${braces[1]}`;
}

function isBelowBreakLength(ctx, output, start) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const s of output) {
    total += s.length;
    if (total > ctx.breakLength) return false;
  }
  return true;
}

// Long arrays of short items print in aligned columns (numbers right-aligned), like Node.
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--; // the "... more items" entry
  const separatorSpace = 2;
  const dataLen = new Array(outputLength);
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentation < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentation) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const maxLineLength = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') { padStart = false; break; }
      }
    }
    const tmp = [];
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let str = '';
      let j = i;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
        str += padStart ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
      }
      if (padStart) {
        const padding = maxLineLength[j - i] + output[j].length - dataLen[j] - separatorSpace;
        str += output[j].padStart(padding, ' ');
      } else {
        str += output[j];
      }
      tmp.push(str);
    }
    if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
    return tmp;
  }
  return output;
}

function formatWithOptions(inspectOptions, ...args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const c = first[i + 1];
      if (a + 1 !== args.length) {
        switch (c) {
          case 's': {
            const arg = args[++a];
            if (typeof arg === 'number') tempStr = formatPrimitive({}, arg);
            else if (typeof arg === 'bigint') tempStr = `${arg}n`;
            else if (typeof arg !== 'object' || arg === null) tempStr = String(arg);
            else tempStr = inspect(arg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
            break;
          }
          case 'j':
            try { tempStr = JSON.stringify(args[++a]); } catch (e) { tempStr = '[Circular]'; }
            break;
          case 'd': {
            const n = args[++a];
            tempStr = typeof n === 'bigint' ? `${n}n` : typeof n === 'symbol' ? 'NaN' : formatPrimitive({}, Number(n));
            break;
          }
          case 'O': tempStr = inspect(args[++a], inspectOptions); break;
          case 'o': tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 }); break;
          case 'i': {
            const n = args[++a];
            tempStr = typeof n === 'bigint' ? `${n}n` : typeof n === 'symbol' ? 'NaN' : formatPrimitive({}, parseInt(n));
            break;
          }
          case 'f': {
            const n = args[++a];
            tempStr = typeof n === 'symbol' ? 'NaN' : formatPrimitive({}, parseFloat(n));
            break;
          }
          case 'c': a++; tempStr = ''; break;
          case '%': str += first.slice(lastPos, i); lastPos = i + 1; continue;
          default: continue;
        }
        if (lastPos !== i - 1 || true) str += first.slice(lastPos, i);
        str += tempStr;
        lastPos = i + 2;
        i++;
      } else if (c === '%') {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

function format(...args) { return formatWithOptions(undefined, ...args); }

module.exports = { inspect, format, formatWithOptions };
