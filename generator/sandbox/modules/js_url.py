"""``url`` module: WHATWG ``URL``/``URLSearchParams`` (quickjs has neither) and Node's legacy
``parse``/``format``/``resolve``. Hosts are lower-cased but not IDNA/punycode-converted.
"""

SOURCE = r"""
'use strict';
var qs = require('querystring');
var SPECIAL = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21', 'file:': '' };

// Percent-encode a string, keeping ASCII characters not in `set` (and keeping existing %XX).
function pct(str, set) {
  var out = '';
  for (var ch of String(str)) {
    var c = ch.codePointAt(0);
    if (c > 0x20 && c < 0x7f && set.indexOf(ch) < 0) out += ch;
    else out += encodeURIComponent(ch).replace(/[!'()*]/g, function (x) { return '%' + x.charCodeAt(0).toString(16).toUpperCase(); });
  }
  return out;
}
var FRAG = ' "<>`', QUERY = ' "#<>', SQUERY = ' "#<>\'', PATH = ' "#<>?`{}', USER = ' "#<>?`{}/:;=@[\\]^|';

function formEncode(s) {
  return encodeURIComponent(String(s)).replace(/%20/g, '+').replace(/[!'()~]/g, function (x) {
    return '%' + x.charCodeAt(0).toString(16).toUpperCase();
  });
}
function formDecode(s) {
  s = String(s).replace(/\+/g, ' ');
  try { return decodeURIComponent(s); } catch (e) {
    return s.replace(/%([0-9a-fA-F]{2})/g, function (m, h) { return String.fromCharCode(parseInt(h, 16)); });
  }
}

class URLSearchParams {
  constructor(init) {
    this._list = [];
    this._url = null;
    if (init === undefined || init === null) return;
    if (typeof init === 'object' && typeof init[Symbol.iterator] === 'function') {
      for (var pair of init) {
        pair = Array.from(pair);
        if (pair.length !== 2) throw new TypeError('Each query pair must be an iterable [name, value] tuple');
        this._list.push([String(pair[0]), String(pair[1])]);
      }
    } else if (typeof init === 'object') {
      for (var k of Object.keys(init)) this._list.push([k, String(init[k])]);
    } else this._parse(String(init));
  }
  _parse(s) {
    if (s[0] === '?') s = s.slice(1);
    this._list = [];
    for (var part of s.split('&')) {
      if (!part) continue;
      var i = part.indexOf('=');
      this._list.push(i >= 0 ? [formDecode(part.slice(0, i)), formDecode(part.slice(i + 1))] : [formDecode(part), '']);
    }
  }
  _update() { if (this._url) { var s = this.toString(); this._url._query = s ? s : null; } }
  get size() { return this._list.length; }
  append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
  delete(k, v) {
    k = String(k);
    this._list = this._list.filter(function (p) { return !(p[0] === k && (v === undefined || p[1] === String(v))); });
    this._update();
  }
  get(k) { k = String(k); var p = this._list.find(function (x) { return x[0] === k; }); return p ? p[1] : null; }
  getAll(k) { k = String(k); return this._list.filter(function (x) { return x[0] === k; }).map(function (x) { return x[1]; }); }
  has(k, v) { k = String(k); return this._list.some(function (x) { return x[0] === k && (v === undefined || x[1] === String(v)); }); }
  set(k, v) {
    k = String(k); v = String(v);
    var i = this._list.findIndex(function (x) { return x[0] === k; });
    if (i < 0) this._list.push([k, v]);
    else { this._list[i][1] = v; this._list = this._list.filter(function (x, j) { return j <= i || x[0] !== k; }); }
    this._update();
  }
  sort() {
    this._list = this._list.map(function (p, i) { return [p, i]; }).sort(function (a, b) {
      return a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1];
    }).map(function (x) { return x[0]; });
    this._update();
  }
  forEach(fn, self) { for (var p of this._list.slice()) fn.call(self, p[1], p[0], this); }
  keys() { return this._list.map(function (p) { return p[0]; })[Symbol.iterator](); }
  values() { return this._list.map(function (p) { return p[1]; })[Symbol.iterator](); }
  entries() { return this._list.map(function (p) { return [p[0], p[1]]; })[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return this._list.map(function (p) { return formEncode(p[0]) + '=' + formEncode(p[1]); }).join('&'); }
  get [Symbol.toStringTag]() { return 'URLSearchParams'; }
}

function normPath(segments) {
  var out = [];
  for (var i = 0; i < segments.length; i++) {
    var s = segments[i], low = s.toLowerCase();
    var last = i === segments.length - 1;
    if (low === '..' || low === '.%2e' || low === '%2e.' || low === '%2e%2e') {
      if (out.length) out.pop();
      if (last) out.push('');
    } else if (low === '.' || low === '%2e') {
      if (last) out.push('');
    } else out.push(s);
  }
  return out;
}

function parseURL(input, base) {
  var s = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  var u = { protocol: '', username: '', password: '', hostname: '', port: '', path: [], opaque: null, _query: null, _fragment: null };
  var m = /^([a-zA-Z][a-zA-Z0-9+.\-]*):/.exec(s), rest;
  if (m) {
    u.protocol = m[1].toLowerCase() + ':';
    rest = s.slice(m[0].length);
    if (base && base.protocol === u.protocol && u.protocol in SPECIAL && !/^[\/\\]/.test(rest)) {
      return resolveRelative(rest, base);
    }
  } else {
    if (!base) throw new TypeError('Invalid URL: ' + input);
    return resolveRelative(s, base);
  }
  var special = u.protocol in SPECIAL;
  var hashI = rest.indexOf('#');
  if (hashI >= 0) { u._fragment = pct(rest.slice(hashI + 1), FRAG); rest = rest.slice(0, hashI); }
  var qI = rest.indexOf('?');
  if (qI >= 0) { u._query = pct(rest.slice(qI + 1), special ? SQUERY : QUERY); rest = rest.slice(0, qI); }
  if (special) rest = rest.replace(/\\/g, '/');
  if (special || rest.slice(0, 2) === '//') {
    rest = rest.replace(special ? /^\/*/ : /^\/\//, '');
    var slash = rest.indexOf('/');
    var auth = slash >= 0 ? rest.slice(0, slash) : rest;
    rest = slash >= 0 ? rest.slice(slash) : '';
    parseAuthority(u, auth, special);
    u.path = rest ? normPath(rest.slice(1).split('/')).map(function (x) { return pct(x, PATH); }) : (special ? [''] : []);
  } else if (rest[0] === '/') {
    u.path = normPath(rest.slice(1).split('/')).map(function (x) { return pct(x, PATH); });
  } else {
    u.opaque = pct(rest, '');
  }
  return u;
}
function parseAuthority(u, auth, special) {
  var at = auth.lastIndexOf('@');
  if (at >= 0) {
    var cred = auth.slice(0, at), c = cred.indexOf(':');
    u.username = pct(c >= 0 ? cred.slice(0, c) : cred, USER);
    u.password = c >= 0 ? pct(cred.slice(c + 1), USER) : '';
    auth = auth.slice(at + 1);
  }
  var pm = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(auth);
  if (!pm) throw new TypeError('Invalid URL');
  var host = pm[1];
  try { host = decodeURIComponent(host); } catch (e) {}
  if (special) {
    host = host.toLowerCase();
    if (!host && u.protocol !== 'file:') throw new TypeError('Invalid URL');
    if (/[\u0000\t\n\r #\/:<>?@[\\\]^|%]/.test(host.replace(/^\[.*\]$/, 'x'))) throw new TypeError('Invalid URL');
  }
  u.hostname = host;
  var port = pm[2] || '';
  if (port) {
    if (+port > 65535) throw new TypeError('Invalid URL');
    port = String(+port);
    if (SPECIAL[u.protocol] === port) port = '';
  }
  u.port = port;
}
function resolveRelative(s, base) {
  var u = { protocol: base.protocol, username: base.username, password: base.password, hostname: base.hostname,
            port: base.port, path: base.path.slice(), opaque: base.opaque, _query: base._query, _fragment: null };
  var special = u.protocol in SPECIAL;
  if (special) s = s.replace(/\\/g, '/');
  if (s.slice(0, 2) === '//') return parseURL(u.protocol + s);
  if (base.opaque !== null) {
    if (s[0] !== '#') throw new TypeError('Invalid URL');
    u._fragment = pct(s.slice(1), FRAG);
    return u;
  }
  var hashI = s.indexOf('#');
  if (hashI >= 0) { u._fragment = pct(s.slice(hashI + 1), FRAG); s = s.slice(0, hashI); }
  var qI = s.indexOf('?');
  if (qI >= 0) { u._query = pct(s.slice(qI + 1), special ? SQUERY : QUERY); s = s.slice(0, qI); }
  else if (s) u._query = null;
  if (s[0] === '/') u.path = normPath(s.slice(1).split('/')).map(function (x) { return pct(x, PATH); });
  else if (s) {
    var dir = base.path.slice(0, -1);
    u.path = normPath(dir.concat(s.split('/'))).map(function (x) { return pct(x, PATH); });
  }
  return u;
}

class URL {
  constructor(input, base) {
    var b = base === undefined ? null : (base instanceof URL ? base._u : parseURL(String(base)));
    this._u = parseURL(String(input), b);
    this._sp = new URLSearchParams(this._u._query || '');
    this._sp._url = this._u;
  }
  static canParse(input, base) { try { new URL(input, base); return true; } catch (e) { return false; } }
  get protocol() { return this._u.protocol; }
  set protocol(v) { v = String(v).replace(/:.*$/, '').toLowerCase() + ':'; if (/^[a-z][a-z0-9+.\-]*:$/.test(v)) { this._u.protocol = v; if (SPECIAL[v] === this._u.port) this._u.port = ''; } }
  get username() { return this._u.username; }
  set username(v) { this._u.username = pct(v, USER); }
  get password() { return this._u.password; }
  set password(v) { this._u.password = pct(v, USER); }
  get hostname() { return this._u.hostname; }
  set hostname(v) { this._u.hostname = String(v).toLowerCase(); }
  get port() { return this._u.port; }
  set port(v) { v = String(v); this._u.port = v === '' || SPECIAL[this._u.protocol] === String(+v) ? '' : String(parseInt(v, 10)); }
  get host() { return this._u.hostname + (this._u.port ? ':' + this._u.port : ''); }
  set host(v) { var m = /^([^:]*)(?::(\d*))?$/.exec(String(v)); if (m) { this.hostname = m[1]; if (m[2] !== undefined) this.port = m[2]; } }
  get origin() { return this._u.protocol in SPECIAL && this._u.protocol !== 'file:' ? this._u.protocol + '//' + this.host : 'null'; }
  get pathname() { return this._u.opaque !== null ? this._u.opaque : (this._u.path.length ? '/' + this._u.path.join('/') : ''); }
  set pathname(v) { if (this._u.opaque === null) { v = String(v).replace(/^\//, ''); this._u.path = normPath(v.split('/')).map(function (x) { return pct(x, PATH); }); } }
  get search() { return this._u._query ? '?' + this._u._query : ''; }
  set search(v) { v = String(v).replace(/^\?/, ''); this._u._query = v ? pct(v, this._u.protocol in SPECIAL ? SQUERY : QUERY) : null; this._sp._parse(v); }
  get searchParams() { return this._sp; }
  get hash() { return this._u._fragment ? '#' + this._u._fragment : ''; }
  set hash(v) { v = String(v).replace(/^#/, ''); this._u._fragment = v ? pct(v, FRAG) : null; }
  get href() {
    var u = this._u, out = u.protocol;
    if (u.opaque === null && (u.hostname || u.protocol in SPECIAL)) {
      out += '//';
      if (u.username || u.password) out += u.username + (u.password ? ':' + u.password : '') + '@';
      out += this.host;
    }
    out += this.pathname;
    if (u._query !== null) out += '?' + u._query;
    if (u._fragment !== null) out += '#' + u._fragment;
    return out;
  }
  set href(v) { var n = new URL(v); this._u = n._u; this._sp = n._sp; }
  toString() { return this.href; }
  toJSON() { return this.href; }
  get [Symbol.toStringTag]() { return 'URL'; }
}

// ---- Node's legacy API ----
function Url() {
  this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null;
  this.hostname = null; this.hash = null; this.search = null; this.query = null; this.pathname = null;
  this.path = null; this.href = null;
}
function legacyParse(str, parseQuery, slashesDenoteHost) {
  if (str instanceof Url) return str;
  var u = new Url(), rest = String(str).trim(), m;
  var h = rest.indexOf('#');
  if (h >= 0) { u.hash = rest.slice(h); rest = rest.slice(0, h); }
  var q = rest.indexOf('?');
  if (q >= 0) { u.search = rest.slice(q); u.query = rest.slice(q + 1); rest = rest.slice(0, q); }
  else if (parseQuery) { u.search = ''; u.query = {}; }
  if (parseQuery && typeof u.query === 'string') u.query = qs.parse(u.query);
  if ((m = /^([a-zA-Z][a-zA-Z0-9+.\-]*:)/.exec(rest))) { u.protocol = m[1].toLowerCase(); rest = rest.slice(m[1].length); }
  var hostless = u.protocol === 'javascript:';
  if (!hostless && (rest.slice(0, 2) === '//' && (u.protocol || slashesDenoteHost) || (u.protocol && u.protocol.slice(0, -1) in { http: 1, https: 1, ftp: 1, gopher: 1, file: 1, ws: 1, wss: 1 }))) {
    if (rest.slice(0, 2) === '//') { u.slashes = true; rest = rest.slice(2); }
    var end = rest.search(/[\/\\]/), auth = end >= 0 ? rest.slice(0, end) : rest;
    rest = end >= 0 ? rest.slice(end) : '';
    var at = auth.lastIndexOf('@');
    if (at >= 0) { u.auth = decodeURIComponent(auth.slice(0, at)); auth = auth.slice(at + 1); }
    var pm = /^(.*?)(?::(\d*))?$/.exec(auth);
    u.hostname = pm[1].toLowerCase();
    u.port = pm[2] || null;
    u.host = u.hostname + (u.port ? ':' + u.port : '');
    if (!rest && u.slashes) rest = '/';
  }
  u.pathname = rest || null;
  u.path = (u.pathname || '') + (u.search || '') || null;
  u.href = legacyFormat(u);
  return u;
}
function legacyFormat(obj) {
  if (typeof obj === 'string') obj = legacyParse(obj);
  if (obj instanceof URL) return obj.href;
  var protocol = obj.protocol || '', host = '', pathname = obj.pathname || '', hash = obj.hash || '', search = obj.search || '';
  if (protocol && protocol.slice(-1) !== ':') protocol += ':';
  var auth = obj.auth ? encodeURIComponent(obj.auth).replace(/%3A/i, ':') + '@' : '';
  if (obj.host) host = auth + obj.host;
  else if (obj.hostname) host = auth + (obj.hostname.indexOf(':') >= 0 ? '[' + obj.hostname + ']' : obj.hostname) + (obj.port ? ':' + obj.port : '');
  if (!search && obj.query && typeof obj.query === 'object' && Object.keys(obj.query).length) search = '?' + qs.stringify(obj.query);
  else if (!search && typeof obj.query === 'string' && obj.query) search = '?' + obj.query;
  if (search && search[0] !== '?') search = '?' + search;
  if (hash && hash[0] !== '#') hash = '#' + hash;
  var slashes = obj.slashes || /^(https?|ftp|gopher|file|wss?):$/.test(protocol);
  if (slashes || host) { host = '//' + host; if (pathname && pathname[0] !== '/') pathname = '/' + pathname; }
  pathname = pathname.replace(/[?#]/g, encodeURIComponent);
  search = search.replace('#', '%23');
  return protocol + host + pathname + search + hash;
}
function legacyResolve(from, to) {
  try { return new URL(to, new URL(from)).href; } catch (e) {
    try {
      var r = new URL(to, new URL(from, 'resolve://')).href;
      return r.replace(/^resolve:\/{0,2}/, /^\//.test(from) ? '/' : '');
    } catch (e2) { return to; }
  }
}
module.exports = { URL: URL, URLSearchParams: URLSearchParams, parse: legacyParse, format: legacyFormat,
                   resolve: legacyResolve, Url: Url };
"""
