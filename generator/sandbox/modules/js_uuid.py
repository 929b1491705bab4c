"""``uuid`` module. ``require('uuid')`` is callable (v4), as in uuid 3.x that old scripts
use, and carries the newer named exports (v1, v4, validate, version, parse, stringify, NIL,
MAX). Random bytes come from Python's ``secrets``."""

SOURCE = r"""
'use strict';
var B = require('__pmgen_bytes');
var RE = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;
function stringify(b, offset) {
  offset = offset || 0;
  var h = B.bytesToHex(Array.prototype.slice.call(b, offset, offset + 16));
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}
function write(bytes, buf, offset) {
  if (!buf) return stringify(bytes);
  offset = offset || 0;
  for (var i = 0; i < 16; i++) buf[offset + i] = bytes[i];
  return buf;
}
function v4(options, buf, offset) {
  var b = options && (options.random || (options.rng && options.rng())) || B.randomBytes(16);
  b = Array.prototype.slice.call(b, 0, 16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return write(b, buf, offset);
}
var node = null, clockseq = null, lastMs = 0, lastNs = 0;
// RFC 4122 time-based UUID with a random node id (as uuid does when it has no MAC address).
function v1(options, buf, offset) {
  options = options || {};
  if (node === null) { var r = B.randomBytes(8); node = [r[0] | 1, r[1], r[2], r[3], r[4], r[5]]; clockseq = ((r[6] << 8) | r[7]) & 0x3fff; }
  var msecs = options.msecs !== undefined ? options.msecs : Date.now();
  var nsecs = options.nsecs !== undefined ? options.nsecs : (msecs === lastMs ? lastNs + 1 : 0);
  if (msecs < lastMs && options.clockseq === undefined) clockseq = (clockseq + 1) & 0x3fff;
  lastMs = msecs; lastNs = nsecs;
  var cs = options.clockseq !== undefined ? options.clockseq : clockseq;
  var nd = options.node || node;
  msecs += 12219292800000;
  var tl = ((msecs & 0xfffffff) * 10000 + nsecs) % 0x100000000;
  var tmh = (msecs / 0x100000000 * 10000) & 0xfffffff;
  var b = [tl >>> 24 & 0xff, tl >>> 16 & 0xff, tl >>> 8 & 0xff, tl & 0xff,
           tmh >>> 8 & 0xff, tmh & 0xff, tmh >>> 24 & 0xf | 0x10, tmh >>> 16 & 0xff,
           cs >>> 8 | 0x80, cs & 0xff].concat(Array.prototype.slice.call(nd, 0, 6));
  return write(b, buf, offset);
}
function validate(s) { return typeof s === 'string' && RE.test(s); }
function version(s) { if (!validate(s)) throw new TypeError('Invalid UUID'); return parseInt(s.slice(14, 15), 16); }
function parse(s) {
  if (!validate(s)) throw new TypeError('Invalid UUID');
  return B.hexToBytes(s.replace(/-/g, ''));
}
var api = function uuid(options, buf, offset) { return v4(options, buf, offset); };
api.v1 = v1; api.v4 = v4; api.validate = validate; api.version = version; api.parse = parse;
api.stringify = function (b, o) { var s = stringify(b, o); if (!validate(s)) throw new TypeError('Stringified UUID is invalid'); return s; };
api.NIL = '00000000-0000-0000-0000-000000000000';
api.MAX = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
module.exports = api;
"""
