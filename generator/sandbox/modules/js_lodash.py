"""``lodash`` module (the ``_`` global): the functions collection scripts call, with lodash's
iteratee shorthands (property path, ``[path, value]``, partial object) and ``_(x)`` chains
ending in ``.value()``. No ``template``."""

SOURCE = r"""
'use strict';
var hasOwn = Object.prototype.hasOwnProperty, toStr = Object.prototype.toString;
function isNil(v) { return v === null || v === undefined; }
function isObject(v) { var t = typeof v; return v !== null && (t === 'object' || t === 'function'); }
function isObjectLike(v) { return v !== null && typeof v === 'object'; }
function isPlainObject(v) {
  if (!isObjectLike(v) || toStr.call(v) !== '[object Object]') return false;
  var p = Object.getPrototypeOf(v);
  return p === null || p === Object.prototype || Object.getPrototypeOf(p) === null;
}
function isFunction(v) { return typeof v === 'function'; }
function isString(v) { return typeof v === 'string' || toStr.call(v) === '[object String]'; }
function isNumber(v) { return typeof v === 'number' || toStr.call(v) === '[object Number]'; }
function isBoolean(v) { return v === true || v === false || toStr.call(v) === '[object Boolean]'; }
function isArrayLike(v) { return v !== null && v !== undefined && typeof v !== 'function' && Number.isInteger(v.length) && v.length >= 0; }
function isArguments(v) { return toStr.call(v) === '[object Arguments]'; }
function isTyped(v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); }
function isEmpty(v) {
  if (v === null || v === undefined) return true;
  if (isArrayLike(v) && (Array.isArray(v) || typeof v === 'string' || isArguments(v) || isTyped(v) || typeof v.splice === 'function')) return !v.length;
  if (v instanceof Map || v instanceof Set) return !v.size;
  if (isObjectLike(v)) { for (var k in v) if (hasOwn.call(v, k)) return false; return true; }
  return true;
}
function toArray(c) {
  if (c === null || c === undefined) return [];
  if (typeof c === 'string') return Array.from(c);
  if (isArrayLike(c)) return Array.prototype.slice.call(c);
  if (c instanceof Map || c instanceof Set) return Array.from(c.values());
  return Object.keys(c).map(function (k) { return c[k]; });
}
// Iterate a collection: arrays by index, objects by own enumerable keys.
function entriesOf(c) {
  if (c === null || c === undefined) return [];
  if (isArrayLike(c)) { var out = []; for (var i = 0; i < c.length; i++) out.push([i, c[i]]); return out; }
  return Object.keys(c).map(function (k) { return [k, c[k]]; });
}

// ---- paths ----
var rePropName = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
function stringToPath(s) {
  var out = [];
  if (s.charCodeAt(0) === 46) out.push('');
  s.replace(rePropName, function (match, num, quote, sub) {
    out.push(quote ? sub.replace(/\\(\\)?/g, '$1') : (num || match));
  });
  return out;
}
function isKey(v, obj) {
  if (Array.isArray(v)) return false;
  var t = typeof v;
  if (t === 'number' || t === 'symbol' || t === 'boolean' || v === null) return true;
  return /^\w*$/.test(v) || !/\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/.test(v) || (obj !== null && obj !== undefined && v in Object(obj));
}
function castPath(p, obj) { return Array.isArray(p) ? p : isKey(p, obj) ? [p] : stringToPath(String(p)); }
function toKey(k) { return typeof k === 'symbol' ? k : (Object.is(k, -0) ? '-0' : String(k)); }
function get(obj, path, dflt) {
  var p = castPath(path, obj), i = 0;
  while (obj !== null && obj !== undefined && i < p.length) obj = obj[toKey(p[i++])];
  var r = i && i === p.length ? obj : undefined;
  return r === undefined ? dflt : r;
}
function has(obj, path) {
  var p = castPath(path, obj);
  for (var i = 0; i < p.length; i++) {
    var k = toKey(p[i]);
    if (obj === null || obj === undefined || !hasOwn.call(Object(obj), k)) return false;
    obj = obj[k];
  }
  return p.length > 0;
}
function hasIn(obj, path) {
  var p = castPath(path, obj);
  for (var i = 0; i < p.length; i++) {
    var k = toKey(p[i]);
    if (obj === null || obj === undefined || !(k in Object(obj))) return false;
    obj = obj[k];
  }
  return p.length > 0;
}
function set(obj, path, value) {
  if (!isObject(obj)) return obj;
  var p = castPath(path, obj), cur = obj;
  for (var i = 0; i < p.length; i++) {
    var k = toKey(p[i]);
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') return obj;
    if (i === p.length - 1) cur[k] = value;
    else {
      var next = cur[k];
      if (!isObject(next)) next = cur[k] = /^(?:0|[1-9]\d*)$/.test(String(p[i + 1])) ? [] : {};
      cur = next;
    }
  }
  return obj;
}
function unset(obj, path) {
  var p = castPath(path, obj), parent = p.length > 1 ? get(obj, p.slice(0, -1)) : obj;
  return parent === null || parent === undefined ? true : delete parent[toKey(p[p.length - 1])];
}

// ---- iteratees ----
function property(path) { return function (o) { return get(o, path); }; }
function matches(src) {
  return function (o) {
    return Object.keys(src).every(function (k) {
      return o !== null && o !== undefined && isMatchValue(o[k], src[k]);
    });
  };
}
function isMatchValue(v, s) {
  if (isPlainObject(s)) return isObjectLike(v) && matches(s)(v);
  if (Array.isArray(s)) return Array.isArray(v) && s.every(function (x) { return v.some(function (y) { return isMatchValue(y, x); }); });
  return isEqual(v, s);
}
function matchesProperty(path, val) { return function (o) { return isMatchValue(get(o, path), val); }; }
function iteratee(f) {
  if (typeof f === 'function') return f;
  if (f === null || f === undefined) return identity;
  if (Array.isArray(f)) return matchesProperty(f[0], f[1]);
  if (typeof f === 'object') return matches(f);
  return property(f);
}
function identity(v) { return v; }

// ---- equality / cloning ----
function isEqual(a, b, seen) {
  if (a === b || (a !== a && b !== b)) return true;
  if (!isObjectLike(a) || !isObjectLike(b)) return false;
  var ta = toStr.call(a);
  if (ta !== toStr.call(b)) return false;
  if (a instanceof Date) return +a === +b;
  if (a instanceof RegExp) return String(a) === String(b);
  if (ta === '[object Number]' || ta === '[object String]' || ta === '[object Boolean]') return isEqual(a.valueOf(), b.valueOf());
  seen = seen || [];
  for (var i = 0; i < seen.length; i++) if (seen[i][0] === a) return seen[i][1] === b;
  seen.push([a, b]);
  try {
    if (a instanceof Map) {
      if (a.size !== b.size) return false;
      for (var e of a) if (!b.has(e[0]) || !isEqual(e[1], b.get(e[0]), seen)) return false;
      return true;
    }
    if (a instanceof Set) {
      if (a.size !== b.size) return false;
      for (var x of a) if (!b.has(x)) return false;
      return true;
    }
    if (Array.isArray(a) || isTyped(a)) {
      if (a.length !== b.length) return false;
      for (var j = 0; j < a.length; j++) if (!isEqual(a[j], b[j], seen)) return false;
      return true;
    }
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) && a.constructor !== b.constructor) return false;
    for (var k = 0; k < ka.length; k++) if (!hasOwn.call(b, ka[k]) || !isEqual(a[ka[k]], b[ka[k]], seen)) return false;
    return true;
  } finally { seen.pop(); }
}
function clone(v) {
  if (!isObject(v) || typeof v === 'function') return v;
  if (Array.isArray(v)) return v.slice();
  if (v instanceof Date) return new Date(+v);
  if (v instanceof RegExp) return new RegExp(v.source, v.flags);
  if (v instanceof Map) return new Map(v);
  if (v instanceof Set) return new Set(v);
  if (isTyped(v)) return v.slice();
  return Object.assign(Object.create(Object.getPrototypeOf(v)), v);
}
function cloneDeep(v, seen) {
  if (!isObject(v) || typeof v === 'function') return v;
  seen = seen || new Map();
  if (seen.has(v)) return seen.get(v);
  var out;
  if (Array.isArray(v)) { out = []; seen.set(v, out); for (var i = 0; i < v.length; i++) out[i] = cloneDeep(v[i], seen); return out; }
  if (v instanceof Date || v instanceof RegExp || isTyped(v)) return clone(v);
  if (v instanceof Map) { out = new Map(); seen.set(v, out); v.forEach(function (x, k) { out.set(k, cloneDeep(x, seen)); }); return out; }
  if (v instanceof Set) { out = new Set(); seen.set(v, out); v.forEach(function (x) { out.add(cloneDeep(x, seen)); }); return out; }
  out = Object.create(Object.getPrototypeOf(v));
  seen.set(v, out);
  Object.keys(v).forEach(function (k) { out[k] = cloneDeep(v[k], seen); });
  return out;
}
function safeKey(k) { return k !== '__proto__' && k !== 'constructor' && k !== 'prototype'; }
function mergeInto(dst, src, seen) {
  Object.keys(src).forEach(function (k) {
    if (!safeKey(k)) return;
    var s = src[k], d = dst[k];
    if (isPlainObject(s) || Array.isArray(s)) {
      if (seen.has(s)) { dst[k] = seen.get(s); return; }
      var base = Array.isArray(s) ? (Array.isArray(d) ? d : isArrayLike(d) && typeof d !== 'string' ? Array.from(d) : [])
                                  : (isPlainObject(d) || (isObject(d) && typeof d !== 'function' && !Array.isArray(d)) ? d : {});
      seen.set(s, base);
      dst[k] = mergeInto(base, s, seen);
    } else if (s !== undefined || !(k in dst)) dst[k] = s;
  });
  return dst;
}
function merge(obj) {
  for (var i = 1; i < arguments.length; i++) if (isObject(arguments[i])) mergeInto(obj, arguments[i], new Map());
  return obj;
}
function assign(obj) {
  for (var i = 1; i < arguments.length; i++) {
    var s = arguments[i];
    if (s !== null && s !== undefined) Object.keys(Object(s)).forEach(function (k) { if (safeKey(k)) obj[k] = s[k]; });
  }
  return obj;
}
function assignIn(obj) {
  for (var i = 1; i < arguments.length; i++) { var s = arguments[i]; for (var k in s) if (safeKey(k)) obj[k] = s[k]; }
  return obj;
}
function defaults(obj) {
  obj = Object(obj);
  for (var i = 1; i < arguments.length; i++) {
    var s = arguments[i];
    if (s !== null && s !== undefined) for (var k in s) if (safeKey(k) && (obj[k] === undefined || (obj[k] === Object.prototype[k] && !hasOwn.call(obj, k)))) obj[k] = s[k];
  }
  return obj;
}

// ---- collections ----
function forEach(c, f) {
  f = iteratee(f);
  var es = entriesOf(c);
  for (var i = 0; i < es.length; i++) if (f(es[i][1], es[i][0], c) === false) break;
  return c;
}
function forEachRight(c, f) {
  f = iteratee(f);
  var es = entriesOf(c);
  for (var i = es.length - 1; i >= 0; i--) if (f(es[i][1], es[i][0], c) === false) break;
  return c;
}
function map(c, f) { f = iteratee(f); return entriesOf(c).map(function (e) { return f(e[1], e[0], c); }); }
function filter(c, f) { f = iteratee(f); return entriesOf(c).filter(function (e) { return f(e[1], e[0], c); }).map(function (e) { return e[1]; }); }
function reject(c, f) { f = iteratee(f); return filter(c, function (v, k, o) { return !f(v, k, o); }); }
function find(c, f, from) {
  f = iteratee(f);
  var es = entriesOf(c);
  for (var i = from || 0; i < es.length; i++) if (f(es[i][1], es[i][0], c)) return es[i][1];
  return undefined;
}
function findLast(c, f) {
  f = iteratee(f);
  var es = entriesOf(c);
  for (var i = es.length - 1; i >= 0; i--) if (f(es[i][1], es[i][0], c)) return es[i][1];
  return undefined;
}
function findIndex(a, f, from) {
  f = iteratee(f); a = a || [];
  for (var i = Math.max(from || 0, 0); i < a.length; i++) if (f(a[i], i, a)) return i;
  return -1;
}
function findLastIndex(a, f, from) {
  f = iteratee(f); a = a || [];
  for (var i = from === undefined ? a.length - 1 : from; i >= 0; i--) if (f(a[i], i, a)) return i;
  return -1;
}
function findKey(o, f) { f = iteratee(f); var ks = Object.keys(o || {}); for (var i = 0; i < ks.length; i++) if (f(o[ks[i]], ks[i], o)) return ks[i]; return undefined; }
function some(c, f) { f = iteratee(f); return entriesOf(c).some(function (e) { return f(e[1], e[0], c); }); }
function every(c, f) { f = iteratee(f); return entriesOf(c).every(function (e) { return f(e[1], e[0], c); }); }
function includes(c, v, from) {
  if (typeof c === 'string') return c.indexOf(v, from || 0) >= 0;
  var vals = toArray(c).slice(from || 0);
  return vals.some(function (x) { return x === v || (x !== x && v !== v); });
}
function reduce(c, f, acc) {
  var es = entriesOf(c), i = 0;
  if (arguments.length < 3) { if (!es.length) return undefined; acc = es[0][1]; i = 1; }
  for (; i < es.length; i++) acc = f(acc, es[i][1], es[i][0], c);
  return acc;
}
function reduceRight(c, f, acc) {
  var es = entriesOf(c), i = es.length - 1;
  if (arguments.length < 3) { if (!es.length) return undefined; acc = es[i][1]; i--; }
  for (; i >= 0; i--) acc = f(acc, es[i][1], es[i][0], c);
  return acc;
}
function compareAsc(a, b) {
  if (a === b) return 0;
  var aU = a === undefined, bU = b === undefined, aN = a === null, bN = b === null, aX = a !== a, bX = b !== b;
  if (aU || bU) return aU ? 1 : -1;
  if (aX || bX) return aX ? 1 : -1;
  if (aN || bN) return aN ? 1 : -1;
  return a > b ? 1 : a < b ? -1 : 0;
}
function orderBy(c, fns, orders) {
  if (fns === undefined || fns === null) fns = [identity];
  fns = (Array.isArray(fns) ? fns : [fns]).map(function (f) { return Array.isArray(f) && f.length === 1 ? iteratee(f[0]) : iteratee(f); });
  orders = Array.isArray(orders) ? orders : orders === undefined ? [] : [orders];
  return toArray(c).map(function (v, i) { return { v: v, i: i, k: fns.map(function (f) { return f(v); }) }; })
    .sort(function (a, b) {
      for (var j = 0; j < fns.length; j++) {
        var r = compareAsc(a.k[j], b.k[j]);
        if (r) return String(orders[j]).toLowerCase() === 'desc' ? -r : r;
      }
      return a.i - b.i;
    }).map(function (x) { return x.v; });
}
function sortBy(c) {
  var fns = Array.prototype.slice.call(arguments, 1);
  if (fns.length === 1 && Array.isArray(fns[0])) fns = fns[0];
  return orderBy(c, fns.length ? fns : [identity]);
}
function groupBy(c, f) {
  f = iteratee(f); var out = {};
  toArray(c).forEach(function (v) { var k = f(v); if (hasOwn.call(out, k)) out[k].push(v); else out[k] = [v]; });
  return out;
}
function countBy(c, f) { f = iteratee(f); var out = {}; toArray(c).forEach(function (v) { var k = f(v); out[k] = (out[k] || 0) + 1; }); return out; }
function keyBy(c, f) { f = iteratee(f); var out = {}; toArray(c).forEach(function (v) { out[f(v)] = v; }); return out; }
function partition(c, f) { f = iteratee(f); var y = [], n = []; toArray(c).forEach(function (v) { (f(v) ? y : n).push(v); }); return [y, n]; }
function size(c) {
  if (c === null || c === undefined) return 0;
  if (isArrayLike(c)) return c.length;
  if (c instanceof Map || c instanceof Set) return c.size;
  return Object.keys(c).length;
}
function sample(c) { var a = toArray(c); return a.length ? a[Math.floor(Math.random() * a.length)] : undefined; }
function shuffle(c) {
  var a = toArray(c);
  for (var i = a.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)), t = a[i]; a[i] = a[j]; a[j] = t; }
  return a;
}
function sampleSize(c, n) { return shuffle(c).slice(0, n === undefined ? 1 : Math.max(0, n)); }
function flatMap(c, f) { return flatten(map(c, f)); }

// ---- arrays ----
function flatten(a) { return (a || []).reduce(function (o, v) { return o.concat(Array.isArray(v) ? v : [v]); }, []); }
function flattenDeep(a) { return (a || []).reduce(function (o, v) { return o.concat(Array.isArray(v) ? flattenDeep(v) : [v]); }, []); }
function flattenDepth(a, d) { d = d === undefined ? 1 : d; return d < 1 ? (a || []).slice() : (a || []).reduce(function (o, v) { return o.concat(Array.isArray(v) ? flattenDepth(v, d - 1) : [v]); }, []); }
function sameValueZero(x, y) { return x === y || (x !== x && y !== y); }
function uniqBy(a, f) {
  f = iteratee(f); var seen = [], out = [];
  (a || []).forEach(function (v) { var k = f(v); if (!seen.some(function (s) { return sameValueZero(s, k); })) { seen.push(k); out.push(v); } });
  return out;
}
function uniq(a) { return uniqBy(a, identity); }
function uniqWith(a, cmp) { var out = []; (a || []).forEach(function (v) { if (!out.some(function (o) { return cmp(v, o); })) out.push(v); }); return out; }
function chunk(a, n) { n = Math.max(Math.floor(n === undefined ? 1 : n), 0); var out = []; if (!n) return out; a = toArray(a); for (var i = 0; i < a.length; i += n) out.push(a.slice(i, i + n)); return out; }
function compact(a) { return (a || []).filter(Boolean); }
function differenceBy(a, others, f) {
  f = iteratee(f); var ex = flatten(others).map(f);
  return (a || []).filter(function (v) { var k = f(v); return !ex.some(function (e) { return sameValueZero(e, k); }); });
}
function difference(a) { return differenceBy(a, Array.prototype.slice.call(arguments, 1), identity); }
function intersection() {
  var arrays = Array.prototype.slice.call(arguments);
  if (!arrays.length) return [];
  return uniq(arrays[0]).filter(function (v) { return arrays.slice(1).every(function (o) { return includes(o || [], v); }); });
}
function intersectionBy() {
  var args = Array.prototype.slice.call(arguments), f = iteratee(args.pop());
  return uniqBy(args[0], f).filter(function (v) { var k = f(v); return args.slice(1).every(function (o) { return (o || []).some(function (x) { return sameValueZero(f(x), k); }); }); });
}
function union() { return uniq(flatten(Array.prototype.slice.call(arguments))); }
function unionBy() { var args = Array.prototype.slice.call(arguments), f = args.pop(); return uniqBy(flatten(args), f); }
function xor() {
  var arrays = Array.prototype.slice.call(arguments).map(uniq), all = flatten(arrays);
  return uniq(all).filter(function (v) { return all.filter(function (x) { return sameValueZero(x, v); }).length === 1; });
}
function without(a) { var ex = Array.prototype.slice.call(arguments, 1); return (a || []).filter(function (v) { return !includes(ex, v); }); }
function zip() {
  var arrays = Array.prototype.slice.call(arguments), n = Math.max.apply(null, [0].concat(arrays.map(function (x) { return (x || []).length; })));
  var out = [];
  for (var i = 0; i < n; i++) out.push(arrays.map(function (x) { return (x || [])[i]; }));
  return out;
}
function unzip(a) { return zip.apply(null, a || []); }
function zipObject(ks, vs) { var out = {}; (ks || []).forEach(function (k, i) { if (safeKey(k)) out[k] = (vs || [])[i]; }); return out; }
function fromPairs(ps) { var out = {}; (ps || []).forEach(function (p) { out[p[0]] = p[1]; }); return out; }
function toPairs(o) {
  if (o instanceof Map) return Array.from(o.entries());
  if (o instanceof Set) return Array.from(o).map(function (v) { return [v, v]; });
  return Object.keys(Object(o)).map(function (k) { return [k, o[k]]; });
}
function range(start, end, step) {
  if (end === undefined) { end = start; start = 0; }
  start = Number(start) || 0; end = Number(end) || 0;
  step = step === undefined ? (start < end ? 1 : -1) : Number(step) || 0;
  var n = Math.max(Math.ceil((end - start) / (step || 1)), 0), out = [];
  for (var i = 0; i < n; i++) out.push(start + i * step);
  return out;
}
function rangeRight(s, e, st) { return range(s, e, st).reverse(); }
function times(n, f) { f = f || identity; var out = []; for (var i = 0; i < (Number(n) || 0); i++) out.push(f(i)); return out; }
function first(a) { return a && a.length ? a[0] : undefined; }
function last(a) { return a && a.length ? a[a.length - 1] : undefined; }
function take(a, n) { return toArray(a).slice(0, n === undefined ? 1 : Math.max(n, 0)); }
function takeRight(a, n) { n = n === undefined ? 1 : n; a = toArray(a); return n <= 0 ? [] : a.slice(-n); }
function drop(a, n) { return toArray(a).slice(n === undefined ? 1 : Math.max(n, 0)); }
function dropRight(a, n) { n = n === undefined ? 1 : n; a = toArray(a); return a.slice(0, Math.max(a.length - n, 0)); }
function nth(a, n) { a = a || []; n = n || 0; return a[n < 0 ? a.length + n : n]; }
function sum(a) { return (a || []).reduce(function (s, v) { return v === undefined ? s : s + v; }, 0); }
function sumBy(a, f) { f = iteratee(f); return sum((a || []).map(function (v) { return f(v); })); }
function mean(a) { return a && a.length ? sum(a) / a.length : NaN; }
function meanBy(a, f) { f = iteratee(f); return mean((a || []).map(function (v) { return f(v); })); }
function maxBy(a, f) { f = iteratee(f); var best, bk; (a || []).forEach(function (v) { var k = f(v); if (k !== null && k === k && k !== undefined && (bk === undefined || k > bk)) { best = v; bk = k; } }); return best; }
function minBy(a, f) { f = iteratee(f); var best, bk; (a || []).forEach(function (v) { var k = f(v); if (k !== null && k === k && k !== undefined && (bk === undefined || k < bk)) { best = v; bk = k; } }); return best; }

// ---- objects ----
function keys(o) { if (o === null || o === undefined) return []; if (isArrayLike(o)) return Object.keys(Object(o)); return Object.keys(Object(o)); }
function values(o) { return keys(o).map(function (k) { return o[k]; }); }
function pick(o) {
  var paths = flatten(Array.prototype.slice.call(arguments, 1)), out = {};
  if (o === null || o === undefined) return out;
  paths.forEach(function (p) { if (hasIn(o, p)) set(out, p, get(o, p)); });
  return out;
}
function pickBy(o, f) { f = iteratee(f); var out = {}; if (o) Object.keys(o).forEach(function (k) { if (f(o[k], k)) out[k] = o[k]; }); return out; }
function omit(o) {
  var paths = flatten(Array.prototype.slice.call(arguments, 1));
  if (o === null || o === undefined) return {};
  var out = cloneDeep(assignIn({}, o));
  paths.forEach(function (p) { unset(out, p); });
  return out;
}
function omitBy(o, f) { f = iteratee(f); return pickBy(o, function (v, k) { return !f(v, k); }); }
function mapValues(o, f) { f = iteratee(f); var out = {}; if (o) Object.keys(o).forEach(function (k) { out[k] = f(o[k], k, o); }); return out; }
function mapKeys(o, f) { f = iteratee(f); var out = {}; if (o) Object.keys(o).forEach(function (k) { out[f(o[k], k, o)] = o[k]; }); return out; }
function invert(o) { var out = {}; Object.keys(o || {}).forEach(function (k) { out[o[k]] = k; }); return out; }
function forOwn(o, f) { f = iteratee(f); var ks = Object.keys(o || {}); for (var i = 0; i < ks.length; i++) if (f(o[ks[i]], ks[i], o) === false) break; return o; }
function transform(o, f, acc) {
  if (acc === undefined) acc = Array.isArray(o) ? [] : {};
  var es = entriesOf(o);
  for (var i = 0; i < es.length; i++) if (f(acc, es[i][1], es[i][0], o) === false) break;
  return acc;
}

// ---- strings ----
function str(s) { return s === null || s === undefined ? '' : String(s); }
var reWords = /\p{Lu}{2,}(?=\p{Lu}\p{Ll}+\p{N}*|[^\p{L}]|$)|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{Lo}+|\p{N}+/gu;
function words(s, pattern) { s = str(s); if (pattern !== undefined) return s.match(pattern) || []; return s.replace(/['\u2019]/g, '').match(reWords) || []; }
function upperFirst(s) { s = str(s); return s.charAt(0).toUpperCase() + s.slice(1); }
function lowerFirst(s) { s = str(s); return s.charAt(0).toLowerCase() + s.slice(1); }
function capitalize(s) { return upperFirst(str(s).toLowerCase()); }
function camelCase(s) { return words(s).map(function (w, i) { w = w.toLowerCase(); return i ? upperFirst(w) : w; }).join(''); }
function snakeCase(s) { return words(s).map(function (w) { return w.toLowerCase(); }).join('_'); }
function kebabCase(s) { return words(s).map(function (w) { return w.toLowerCase(); }).join('-'); }
function lowerCase(s) { return words(s).map(function (w) { return w.toLowerCase(); }).join(' '); }
function upperCase(s) { return words(s).map(function (w) { return w.toUpperCase(); }).join(' '); }
function startCase(s) { return words(s).map(upperFirst).join(' '); }
function padChars(n, chars) { chars = chars === undefined ? ' ' : String(chars); if (!chars || n <= 0) return ''; return chars.repeat(Math.ceil(n / chars.length)).slice(0, n); }
function padStart(s, n, c) { s = str(s); return padChars((n || 0) - s.length, c) + s; }
function padEnd(s, n, c) { s = str(s); return s + padChars((n || 0) - s.length, c); }
function pad(s, n, c) { s = str(s); var t = (n || 0) - s.length; if (t <= 0) return s; var l = Math.floor(t / 2); return padChars(l, c) + s + padChars(t - l, c); }
function charsRe(chars) { return chars.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&'); }
function trim(s, chars) { s = str(s); if (chars === undefined) return s.trim(); var c = charsRe(String(chars)); return s.replace(new RegExp('^[' + c + ']+|[' + c + ']+$', 'g'), ''); }
function trimStart(s, chars) { s = str(s); if (chars === undefined) return s.trimStart(); return s.replace(new RegExp('^[' + charsRe(String(chars)) + ']+'), ''); }
function trimEnd(s, chars) { s = str(s); if (chars === undefined) return s.trimEnd(); return s.replace(new RegExp('[' + charsRe(String(chars)) + ']+$'), ''); }
function escapeHtml(s) { return str(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
function unescapeHtml(s) { return str(s).replace(/&(?:amp|lt|gt|quot|#39);/g, function (e) { return { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }[e]; }); }
function truncate(s, o) {
  s = str(s); o = o || {};
  var len = o.length === undefined ? 30 : o.length, om = o.omission === undefined ? '...' : String(o.omission);
  if (s.length <= len) return s;
  var end = len - om.length; if (end < 1) return om;
  var res = s.slice(0, end);
  if (o.separator !== undefined) {
    var sep = typeof o.separator === 'string' ? new RegExp(charsRe(o.separator), 'g') : new RegExp(o.separator.source, 'g'), idx = -1, m;
    while ((m = sep.exec(res)) && m[0].length) idx = m.index;
    if (idx > 0) res = res.slice(0, idx);
  }
  return res + om;
}

// ---- numbers / misc ----
function toNumber(v) { if (typeof v === 'number') return v; if (typeof v === 'symbol') return NaN; if (isObject(v)) v = v.valueOf(); if (typeof v === 'string') { v = v.trim(); if (/^0b[01]+$/i.test(v)) return parseInt(v.slice(2), 2); if (/^0o[0-7]+$/i.test(v)) return parseInt(v.slice(2), 8); if (/^[-+]0x[0-9a-f]+$/i.test(v)) return NaN; } return +v; }
function toInteger(v) { var n = toNumber(v); if (n === Infinity || n === -Infinity) return (n < 0 ? -1 : 1) * Number.MAX_VALUE; return n === n ? Math.trunc(n) : 0; }
function clamp(n, lo, hi) { if (hi === undefined) { hi = lo; lo = undefined; } n = toNumber(n); if (hi !== undefined) n = Math.min(n, hi); if (lo !== undefined) n = Math.max(n, lo); return n; }
function inRange(n, s, e) { if (e === undefined) { e = s; s = 0; } if (s > e) { var t = s; s = e; e = t; } return n >= s && n < e; }
function random(lower, upper, floating) {
  if (typeof upper === 'boolean') { floating = upper; upper = undefined; }
  if (typeof lower === 'boolean') { floating = lower; lower = undefined; }
  if (lower === undefined && upper === undefined) { lower = 0; upper = 1; }
  else if (upper === undefined) { upper = lower; lower = 0; }
  lower = toNumber(lower) || 0; upper = toNumber(upper) || 0;
  if (lower > upper) { var t = lower; lower = upper; upper = t; }
  if (floating || lower % 1 || upper % 1) return Math.min(lower + Math.random() * (upper - lower), upper);
  return lower + Math.floor(Math.random() * (upper - lower + 1));
}
var idCounter = 0;
function once(f) { var done = false, r; return function () { if (!done) { done = true; r = f.apply(this, arguments); } return r; }; }
function memoize(f, resolver) {
  var m = function () { var k = resolver ? resolver.apply(this, arguments) : arguments[0]; if (m.cache.has(k)) return m.cache.get(k); var r = f.apply(this, arguments); m.cache.set(k, r); return r; };
  m.cache = new Map(); return m;
}

var _ = function lodash(value) { return new Wrapper(value); };
function Wrapper(v) { this.__wrapped__ = v; }
Wrapper.prototype.value = Wrapper.prototype.valueOf = Wrapper.prototype.toJSON = function () { return this.__wrapped__; };
var api = {
  get: get, set: set, has: has, hasIn: hasIn, unset: unset, isEmpty: isEmpty, isNil: isNil,
  isNull: function (v) { return v === null; }, isUndefined: function (v) { return v === undefined; },
  isEqual: function (a, b) { return isEqual(a, b); }, isString: isString, isNumber: isNumber, isBoolean: isBoolean,
  isArray: Array.isArray, isObject: isObject, isObjectLike: isObjectLike, isPlainObject: isPlainObject, isFunction: isFunction,
  isDate: function (v) { return v instanceof Date; }, isRegExp: function (v) { return v instanceof RegExp; },
  isInteger: Number.isInteger, isSafeInteger: Number.isSafeInteger, isFinite: Number.isFinite,
  isNaN: function (v) { return isNumber(v) && v != +v; }, isArrayLike: isArrayLike, isArguments: isArguments,
  isMap: function (v) { return v instanceof Map; }, isSet: function (v) { return v instanceof Set; }, isError: function (v) { return v instanceof Error; },
  isSymbol: function (v) { return typeof v === 'symbol'; }, isTypedArray: isTyped, isMatch: function (o, s) { return matches(s)(o); },
  keys: keys, keysIn: function (o) { var out = []; for (var k in o) out.push(k); return out; }, values: values,
  each: forEach, forEach: forEach, eachRight: forEachRight, forEachRight: forEachRight, map: map, filter: filter, reject: reject,
  find: find, findLast: findLast, findIndex: findIndex, findLastIndex: findLastIndex, findKey: findKey,
  some: some, every: every, includes: includes, contains: includes, reduce: reduce, reduceRight: reduceRight,
  sortBy: sortBy, orderBy: orderBy, uniq: uniq, uniqBy: uniqBy, uniqWith: uniqWith, flatten: flatten, flattenDeep: flattenDeep,
  flattenDepth: flattenDepth, flatMap: flatMap, pick: pick, pickBy: pickBy, omit: omit, omitBy: omitBy, merge: merge,
  assign: assign, assignIn: assignIn, extend: assignIn, defaults: defaults, cloneDeep: function (v) { return cloneDeep(v); }, clone: clone,
  random: random, sample: sample, sampleSize: sampleSize, shuffle: shuffle, range: range, rangeRight: rangeRight, times: times,
  padStart: padStart, padEnd: padEnd, pad: pad, trim: trim, trimStart: trimStart, trimEnd: trimEnd,
  toLower: function (s) { return str(s).toLowerCase(); }, toUpper: function (s) { return str(s).toUpperCase(); },
  startsWith: function (s, t, p) { return str(s).startsWith(str(t), p || 0); },
  endsWith: function (s, t, p) { s = str(s); return s.endsWith(str(t), p === undefined ? s.length : p); },
  camelCase: camelCase, snakeCase: snakeCase, kebabCase: kebabCase, lowerCase: lowerCase, upperCase: upperCase, startCase: startCase,
  capitalize: capitalize, upperFirst: upperFirst, lowerFirst: lowerFirst, words: words,
  repeat: function (s, n) { return str(s).repeat(Math.max(toInteger(n === undefined ? 1 : n), 0)); },
  replace: function (s, p, r) { return str(s).replace(p, r); }, split: function (s, sep, lim) { return str(s).split(sep, lim); },
  escape: escapeHtml, unescape: unescapeHtml, escapeRegExp: function (s) { return str(s).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'); },
  truncate: truncate, parseInt: function (s, radix) { return parseInt(str(s).trim(), radix || 0); },
  first: first, head: first, last: last, initial: function (a) { return toArray(a).slice(0, -1); }, tail: function (a) { return toArray(a).slice(1); },
  take: take, takeRight: takeRight, drop: drop, dropRight: dropRight, nth: nth, size: size,
  groupBy: groupBy, keyBy: keyBy, countBy: countBy, partition: partition, mapValues: mapValues, mapKeys: mapKeys,
  toPairs: toPairs, entries: toPairs, fromPairs: fromPairs, chunk: chunk, compact: compact,
  concat: function (a) { return toArray([a]).concat.apply([].concat(a === undefined ? [] : a), Array.prototype.slice.call(arguments, 1)); },
  difference: difference, differenceBy: function (a) { var args = Array.prototype.slice.call(arguments, 1), f = args.pop(); return differenceBy(a, args, f); },
  intersection: intersection, intersectionBy: intersectionBy, union: union, unionBy: unionBy, xor: xor, without: without,
  zip: zip, unzip: unzip, zipObject: zipObject, invert: invert, forOwn: forOwn, forIn: function (o, f) { for (var k in o) if (f(o[k], k, o) === false) break; return o; },
  transform: transform, indexOf: function (a, v, from) { return (a || []).indexOf(v, from); }, lastIndexOf: function (a, v) { return (a || []).lastIndexOf(v); },
  join: function (a, sep) { return (a || []).join(sep === undefined ? ',' : sep); }, reverse: function (a) { return a ? a.reverse() : a; },
  fill: function (a, v, s, e) { return a ? a.fill(v, s, e) : []; }, castArray: function () { return !arguments.length ? [] : Array.isArray(arguments[0]) ? arguments[0] : [arguments[0]]; },
  sum: sum, sumBy: sumBy, mean: mean, meanBy: meanBy, max: function (a) { return maxBy(a, identity); }, maxBy: maxBy,
  min: function (a) { return minBy(a, identity); }, minBy: minBy, clamp: clamp, inRange: inRange,
  toNumber: toNumber, toInteger: toInteger, toString: function (v) { return v === null || v === undefined ? '' : Array.isArray(v) ? v.map(function (x) { return x === null || x === undefined ? '' : String(x); }).join(',') : Object.is(v, -0) ? '-0' : String(v); },
  toArray: toArray, now: function () { return Date.now(); }, noop: function () {}, identity: identity,
  constant: function (v) { return function () { return v; }; }, property: property, matches: matches, matchesProperty: matchesProperty,
  iteratee: iteratee, once: once, memoize: memoize, uniqueId: function (p) { return str(p) + (++idCounter); },
  defer: function (f) { var args = Array.prototype.slice.call(arguments, 1); return setTimeout(function () { f.apply(null, args); }, 1); },
  delay: function (f, wait) { var args = Array.prototype.slice.call(arguments, 2); return setTimeout(function () { f.apply(null, args); }, wait); },
  attempt: function (f) { try { return f.apply(null, Array.prototype.slice.call(arguments, 1)); } catch (e) { return e instanceof Error ? e : new Error(e); } },
  stubTrue: function () { return true; }, stubFalse: function () { return false; }, stubArray: function () { return []; }, stubObject: function () { return {}; },
  VERSION: '4.17.21'
};
Object.keys(api).forEach(function (k) {
  _[k] = api[k];
  if (typeof api[k] === 'function') Wrapper.prototype[k] = function () {
    var r = api[k].apply(null, [this.__wrapped__].concat(Array.prototype.slice.call(arguments)));
    return new Wrapper(r);
  };
});
_.chain = function (v) { return new Wrapper(v); };
Wrapper.prototype.chain = function () { return this; };
module.exports = _;
"""
