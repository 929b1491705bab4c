"""``buffer`` module: the subset of Node's ``Buffer`` that collection scripts use."""

SOURCE = r"""
'use strict';
var B = require('__pmgen_bytes');

function normEnc(enc) {
  var e = String(enc || 'utf8').toLowerCase();
  if (e === 'utf-8') return 'utf8';
  if (e === 'binary') return 'latin1';
  if (e === 'ucs2' || e === 'ucs-2' || e === 'utf-16le' || e === 'utf16le') return 'utf16le';
  if (['utf8', 'hex', 'base64', 'base64url', 'latin1', 'ascii', 'utf16le'].indexOf(e) < 0)
    throw new TypeError('Unknown encoding: ' + enc);
  return e;
}
function encode(str, enc) {
  switch (normEnc(enc)) {
    case 'utf8': return B.utf8Encode(str);
    case 'hex': {
      var m = /^(?:[0-9a-fA-F]{2})*/.exec(str)[0];
      return B.hexToBytes(m);
    }
    case 'base64': case 'base64url': return B.b64Decode(str);
    case 'latin1': case 'ascii': return B.latin1Encode(str);
    case 'utf16le': {
      var out = new Uint8Array(str.length * 2);
      for (var i = 0; i < str.length; i++) { var c = str.charCodeAt(i); out[2 * i] = c & 0xff; out[2 * i + 1] = c >> 8; }
      return out;
    }
  }
}
function decode(u8, enc) {
  switch (normEnc(enc)) {
    case 'utf8': return B.utf8Decode(u8, false);
    case 'hex': return B.bytesToHex(u8);
    case 'base64': return B.b64Encode(u8, false, true);
    case 'base64url': return B.b64Encode(u8, true, false);
    case 'latin1': return B.latin1Decode(u8);
    case 'ascii': return B.latin1Decode(u8.map(function (b) { return b & 0x7f; }));
    case 'utf16le': {
      var s = '';
      for (var i = 0; i + 1 < u8.length; i += 2) s += String.fromCharCode(u8[i] | (u8[i + 1] << 8));
      return s;
    }
  }
}

class Buffer extends Uint8Array {
  static from(value, encOrOffset, length) {
    if (typeof value === 'string') { var b = encode(value, encOrOffset); return new Buffer(b.buffer, b.byteOffset, b.length); }
    if (value instanceof ArrayBuffer) {
      var off = encOrOffset || 0;
      return new Buffer(value, off, length === undefined ? value.byteLength - off : length);
    }
    if (ArrayBuffer.isView(value)) { var c = new Buffer(value.byteLength); c.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)); return c; }
    if (Array.isArray(value)) { var a = new Buffer(value.length); for (var i = 0; i < value.length; i++) a[i] = value[i] & 0xff; return a; }
    if (value && value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
    if (value && typeof value.length === 'number') return Buffer.from(Array.prototype.slice.call(value));
    throw new TypeError('The first argument must be a string, Buffer, ArrayBuffer, Array, or array-like object.');
  }
  static alloc(size, fill, enc) {
    var b = new Buffer(size);
    if (fill !== undefined && fill !== 0) {
      if (typeof fill === 'string') { var f = encode(fill, enc); for (var i = 0; i < size && f.length; i++) b[i] = f[i % f.length]; }
      else b.fill(fill);
    }
    return b;
  }
  static allocUnsafe(size) { return new Buffer(size); }
  static isBuffer(x) { return x instanceof Buffer; }
  static isEncoding(e) { try { normEnc(e); return true; } catch (err) { return false; } }
  static byteLength(v, enc) { return typeof v === 'string' ? encode(v, enc).length : v.byteLength; }
  static concat(list, total) {
    if (total === undefined) total = list.reduce(function (n, b) { return n + b.length; }, 0);
    var out = Buffer.alloc(total), pos = 0;
    for (var i = 0; i < list.length && pos < total; i++) {
      var part = list[i].subarray(0, Math.min(list[i].length, total - pos));
      out.set(part, pos); pos += part.length;
    }
    return out;
  }
  static compare(a, b) { return a.compare(b); }
  toString(enc, start, end) {
    start = start || 0; end = end === undefined ? this.length : end;
    return decode(new Uint8Array(this.buffer, this.byteOffset + start, Math.max(0, Math.min(end, this.length) - start)), enc);
  }
  toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
  equals(other) { return this.compare(other) === 0; }
  compare(other) {
    var n = Math.min(this.length, other.length);
    for (var i = 0; i < n; i++) if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
    return this.length === other.length ? 0 : (this.length < other.length ? -1 : 1);
  }
  // Node's slice is a view, like subarray.
  slice(start, end) { return this.subarray(start, end); }
  write(str, offset, enc) {
    if (typeof offset === 'string') { enc = offset; offset = 0; }
    var b = encode(str, enc), n = Math.min(b.length, this.length - (offset || 0));
    this.set(b.subarray(0, n), offset || 0);
    return n;
  }
  copy(target, tStart, sStart, sEnd) {
    var part = this.subarray(sStart || 0, sEnd === undefined ? this.length : sEnd);
    var n = Math.min(part.length, target.length - (tStart || 0));
    target.set(part.subarray(0, n), tStart || 0);
    return n;
  }
  readUInt8(o) { return this[o || 0]; }
  readUInt16BE(o) { o = o || 0; return (this[o] << 8) | this[o + 1]; }
  readUInt32BE(o) { o = o || 0; return ((this[o] << 24) >>> 0) + ((this[o + 1] << 16) | (this[o + 2] << 8) | this[o + 3]); }
  writeUInt8(v, o) { this[o || 0] = v; return (o || 0) + 1; }
  writeUInt32BE(v, o) { o = o || 0; this[o] = v >>> 24; this[o + 1] = v >>> 16; this[o + 2] = v >>> 8; this[o + 3] = v; return o + 4; }
}
module.exports = { Buffer: Buffer, kMaxLength: 0x7fffffff };
"""
