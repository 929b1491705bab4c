"""``xml2js`` module: ``parseString``, ``Parser``, ``parseStringPromise``, ``processors`` and a
basic ``Builder``, producing xml2js's output shapes. XML is tokenised in Python by expat
(``__native_xml_parse``, which refuses DTDs); the object is built here with xml2js's rules.
"""

SOURCE = r"""
'use strict';
var B = require('__pmgen_bytes');
var DEFAULTS = {
  explicitCharkey: false, trim: false, normalize: false, normalizeTags: false, attrkey: '$', charkey: '_',
  explicitArray: true, ignoreAttrs: false, mergeAttrs: false, explicitRoot: true, emptyTag: '',
  attrNameProcessors: null, attrValueProcessors: null, tagNameProcessors: null, valueProcessors: null,
  explicitChildren: false, childkey: '$$', async: false, strict: true
};
var processors = {
  normalize: function (s) { return s.toLowerCase(); },
  firstCharLowerCase: function (s) { return s.charAt(0).toLowerCase() + s.slice(1); },
  stripPrefix: function (s) { return s.replace(/(?!xmlns)^.*:/, ''); },
  parseNumbers: function (s) { if (!isNaN(s)) s = s % 1 === 0 ? parseInt(s, 10) : parseFloat(s); return s; },
  parseBooleans: function (s) { if (/^(?:true|false)$/i.test(s)) s = s.toLowerCase() === 'true'; return s; }
};
function processItem(fns, item, key) {
  for (var i = 0; i < fns.length; i++) item = fns[i](item, key);
  return item;
}
function build(tree, o) {
  function assignOrPush(obj, key, value) {
    if (!(key in obj)) obj[key] = o.explicitArray ? [value] : value;
    else { if (!Array.isArray(obj[key])) obj[key] = [obj[key]]; obj[key].push(value); }
  }
  function el(node) {
    var obj = {}, name = node[0], attrs = node[1], kids = node[2], text = '', cdata = false;
    if (o.normalizeTags) name = name.toLowerCase();
    if (o.tagNameProcessors) name = processItem(o.tagNameProcessors, name);
    if (!o.ignoreAttrs) {
      for (var i = 0; i < attrs.length; i++) {
        var k = attrs[i][0], v = attrs[i][1];
        var nv = o.attrValueProcessors ? processItem(o.attrValueProcessors, v, k) : v;
        var nk = o.attrNameProcessors ? processItem(o.attrNameProcessors, k) : k;
        if (o.mergeAttrs) assignOrPush(obj, nk, nv);
        else { if (!obj[o.attrkey]) obj[o.attrkey] = {}; obj[o.attrkey][nk] = nv; }
      }
    }
    var children = [];
    for (var j = 0; j < kids.length; j++) {
      var kid = kids[j];
      if (Array.isArray(kid)) {
        var r = el(kid);
        assignOrPush(obj, r[0], r[1]);
        if (o.explicitChildren) children.push(r);
      } else { text += kid.t; if (kid.c) cdata = true; }
    }
    var emptyStr = '';
    if (/^\s*$/.test(text) && !cdata) emptyStr = text;
    else {
      if (o.trim) text = text.trim();
      if (o.normalize) text = text.replace(/\s{2,}/g, ' ').trim();
      text = o.valueProcessors ? processItem(o.valueProcessors, text, name) : text;
      var keys = Object.keys(obj);
      if (keys.length === 0 && !o.explicitCharkey) {
        return [name, text];
      }
      obj[o.charkey] = text;
    }
    if (o.explicitChildren && children.length) {
      var grouped = {};
      children.forEach(function (c) { (grouped[c[0]] = grouped[c[0]] || []).push(c[1]); });
      obj[o.childkey] = grouped;
    }
    if (Object.keys(obj).length === 0) {
      obj = typeof o.emptyTag === 'function' ? o.emptyTag() : (o.emptyTag !== '' ? o.emptyTag : emptyStr);
    }
    return [name, obj];
  }
  var root = el(tree);
  if (!o.explicitRoot) return root[1];
  var out = {};
  out[root[0]] = root[1];
  return out;
}
function options(opts) {
  var o = Object.assign({}, DEFAULTS, opts || {});
  ['tagNameProcessors', 'attrNameProcessors', 'attrValueProcessors', 'valueProcessors'].forEach(function (k) {
    if (o[k] && !Array.isArray(o[k])) o[k] = [o[k]];
    if (o[k] && o[k].length === 0) o[k] = null;
  });
  return o;
}
function parseSync(str, o) {
  str = String(str);
  if (str.charCodeAt(0) === 0xfeff) str = str.slice(1);
  if (str.trim() === '') return null;
  return build(JSON.parse(B.callNative('__native_xml_parse', [B.safeText(str, 'XML')])), o);
}
class Parser {
  constructor(opts) { this.options = options(opts); }
  parseString(str, cb) {
    var result, error = null;
    try { result = parseSync(str, this.options); } catch (e) { error = e; }
    // xml2js calls back synchronously when async is false (the default), once.
    if (typeof cb === 'function') {
      if (error) cb(error); else cb(null, result);
    }
    return result;
  }
  parseStringPromise(str) {
    var self = this;
    return new Promise(function (resolve, reject) { self.parseString(str, function (e, r) { if (e) reject(e); else resolve(r); }); });
  }
  reset() {}
}
function parseString(str, a, b) {
  var cb = typeof a === 'function' ? a : b, opts = typeof a === 'function' ? {} : a;
  return new Parser(opts).parseString(str, cb);
}
function parseStringPromise(str, opts) { return new Parser(opts).parseStringPromise(str); }

// ---- Builder: objects in xml2js's shape back to XML ----
function esc(s, attr) {
  s = String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attr ? s.replace(/"/g, '&quot;') : s;
}
class Builder {
  constructor(opts) {
    this.options = Object.assign({ attrkey: '$', charkey: '_', rootName: 'root', headless: false, cdata: false,
      xmldec: { version: '1.0', encoding: 'UTF-8', standalone: true }, renderOpts: { pretty: true, indent: '  ', newline: '\n' } }, opts || {});
  }
  buildObject(rootObj) {
    var o = this.options, rootName = o.rootName;
    if (rootObj && typeof rootObj === 'object' && !Array.isArray(rootObj) && Object.keys(rootObj).length === 1 && o.rootName === 'root') {
      rootName = Object.keys(rootObj)[0]; rootObj = rootObj[rootName];
    }
    var pretty = o.renderOpts.pretty !== false, ind = pretty ? (o.renderOpts.indent === undefined ? '  ' : o.renderOpts.indent) : '';
    var nl = pretty ? (o.renderOpts.newline === undefined ? '\n' : o.renderOpts.newline) : '';
    function text(v) { return o.cdata && /[<&]/.test(String(v)) ? '<![CDATA[' + String(v).replace(/]]>/g, ']]]]><![CDATA[>') + ']]>' : esc(v); }
    function render(name, value, depth) {
      var pad = pretty ? ind.repeat(depth) : '';
      if (Array.isArray(value)) return value.map(function (v) { return render(name, v, depth); }).join('');
      if (value === null || value === undefined || typeof value !== 'object') {
        var t = value === null || value === undefined ? '' : text(value);
        return pad + (t === '' ? '<' + name + '/>' : '<' + name + '>' + t + '</' + name + '>') + nl;
      }
      var attrs = '', body = '', txt = null;
      Object.keys(value).forEach(function (k) {
        var v = value[k];
        if (k === o.attrkey && typeof v === 'object') Object.keys(v).forEach(function (a) { attrs += ' ' + a + '="' + esc(v[a], true) + '"'; });
        else if (k === o.charkey) txt = v;
        else body += render(k, v, depth + 1);
      });
      if (!body && txt === null) return pad + '<' + name + attrs + '/>' + nl;
      if (!body) return pad + '<' + name + attrs + '>' + text(txt) + '</' + name + '>' + nl;
      return pad + '<' + name + attrs + '>' + nl + (txt !== null ? (pretty ? ind.repeat(depth + 1) : '') + text(txt) + nl : '') + body + pad + '</' + name + '>' + nl;
    }
    var dec = '';
    if (!o.headless) {
      var x = o.xmldec;
      dec = '<?xml version="' + (x.version || '1.0') + '"' + (x.encoding ? ' encoding="' + x.encoding + '"' : '') +
            (x.standalone !== undefined && x.standalone !== null ? ' standalone="' + (x.standalone ? 'yes' : 'no') + '"' : '') + '?>' + nl;
    }
    var out = dec + render(rootName, rootObj, 0);
    return pretty && nl ? out.slice(0, -nl.length) : out;
  }
}
module.exports = { parseString: parseString, parseStringPromise: parseStringPromise, Parser: Parser, Builder: Builder,
                   processors: processors, defaults: { '0.2': DEFAULTS, '0.1': DEFAULTS }, ValidationError: Error };
"""
