// node:querystring
'use strict';
function qsEscape(str) { return encodeURIComponent(str).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()); }
function qsUnescape(s) { try { return decodeURIComponent(s); } catch { return unescape(s); } }
function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return '' + v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return '' + v;
  return '';
}
function stringify(obj, sep = '&', eq = '=', options = {}) {
  const encode = options.encodeURIComponent || qsEscape;
  if (obj === null || typeof obj !== 'object') return '';
  return Object.keys(obj).map((k) => {
    const ks = encode(stringifyPrimitive(k)) + eq;
    const v = obj[k];
    if (Array.isArray(v)) return v.map((x) => ks + encode(stringifyPrimitive(x))).join(sep);
    return ks + encode(stringifyPrimitive(v));
  }).filter(Boolean).join(sep);
}
function parse(qs, sep = '&', eq = '=', options = {}) {
  const obj = Object.create(null);
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  const decode = options.decodeURIComponent || qsUnescape;
  let parts = qs.split(sep);
  if (options.maxKeys !== 0) parts = parts.slice(0, options.maxKeys || 1000);
  for (const part of parts) {
    if (!part) continue;
    const idx = part.indexOf(eq);
    const k = decode((idx >= 0 ? part.slice(0, idx) : part).replace(/\+/g, ' '));
    const v = idx >= 0 ? decode(part.slice(idx + eq.length).replace(/\+/g, ' ')) : '';
    if (!(k in obj)) obj[k] = v;
    else if (Array.isArray(obj[k])) obj[k].push(v);
    else obj[k] = [obj[k], v];
  }
  return obj;
}
module.exports = { stringify, parse, escape: qsEscape, unescape: qsUnescape, encode: stringify, decode: parse };
