"""``querystring`` module: Node's parse/stringify/escape/unescape."""

SOURCE = r"""
'use strict';
function unescape(s) {
  s = String(s).replace(/\+/g, ' ');
  try { return decodeURIComponent(s); } catch (e) {
    return s.replace(/%([0-9a-fA-F]{2})/g, function (m, h) { return String.fromCharCode(parseInt(h, 16)); });
  }
}
function escape(s) { return encodeURIComponent(String(s)); }
function parse(str, sep, eq, options) {
  sep = sep || '&'; eq = eq || '=';
  var out = Object.create(null), max = (options && options.maxKeys) || 1000;
  if (typeof str !== 'string' || str.length === 0) return out;
  var parts = str.split(sep);
  if (max > 0 && parts.length > max) parts = parts.slice(0, max);
  parts.forEach(function (p) {
    if (!p) return;
    var i = p.indexOf(eq), k = i >= 0 ? p.slice(0, i) : p, v = i >= 0 ? p.slice(i + eq.length) : '';
    k = unescape(k); v = unescape(v);
    if (!(k in out)) out[k] = v;
    else if (Array.isArray(out[k])) out[k].push(v);
    else out[k] = [out[k], v];
  });
  return out;
}
function prim(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return '' + v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return '' + v;
  return '';
}
function stringify(obj, sep, eq) {
  sep = sep || '&'; eq = eq || '=';
  if (obj === null || typeof obj !== 'object') return '';
  return Object.keys(obj).map(function (k) {
    var ek = escape(prim(k)) + eq, v = obj[k];
    if (Array.isArray(v)) return v.map(function (x) { return ek + escape(prim(x)); }).join(sep);
    return ek + escape(prim(v));
  }).filter(Boolean).join(sep);
}
module.exports = { parse: parse, decode: parse, stringify: stringify, encode: stringify, escape: escape, unescape: unescape };
"""
