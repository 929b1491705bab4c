"""Internal module ``__pmgen_bytes``: byte helpers shared by the other shims."""

SOURCE = r"""
'use strict';
var HEX = [];
for (var i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));

// Natives return '!message' on failure (see natives.py).
function check(r) {
  if (typeof r === 'string' && r.charCodeAt(0) === 33) throw new Error(r.slice(1));
  return r;
}
function bytesToHex(u8) {
  var out = '';
  for (var i = 0; i < u8.length; i++) out += HEX[u8[i]];
  return out;
}
function hexToBytes(hex) {
  hex = String(hex);
  var n = hex.length >> 1, out = new Uint8Array(n);
  for (var i = 0; i < n; i++) {
    var v = parseInt(hex.substr(i * 2, 2), 16);
    if (v !== v) break;
    out[i] = v;
  }
  return out;
}
function utf8Encode(str) {
  str = String(str);
  var out = [];
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      var d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
      else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}
// WHATWG decoding: each invalid sequence becomes U+FFFD. fatal=true throws instead.
function utf8Decode(u8, fatal) {
  var out = '', i = 0, n = u8.length;
  function bad() { if (fatal) throw new TypeError('The encoded data was not valid UTF-8'); out += '\ufffd'; }
  while (i < n) {
    var b = u8[i];
    if (b < 0x80) { out += String.fromCharCode(b); i++; continue; }
    var need = 0, cp = 0, lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 31; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 15; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 7; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else { bad(); i++; continue; }
    var j = 1;
    for (; j <= need; j++) {
      var c = u8[i + j];
      if (i + j >= n || c < lo || c > hi) break;
      lo = 0x80; hi = 0xbf;
      cp = (cp << 6) | (c & 63);
    }
    if (j <= need) { bad(); i += j; continue; }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
function latin1Encode(str) {
  str = String(str);
  var out = new Uint8Array(str.length);
  for (var i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 0xff;
  return out;
}
function latin1Decode(u8) {
  var out = '';
  for (var i = 0; i < u8.length; i += 8192)
    out += String.fromCharCode.apply(null, Array.prototype.slice.call(u8, i, i + 8192));
  return out;
}
var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
var B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function b64Encode(u8, url, pad) {
  var map = url ? B64URL : B64, out = '', i = 0;
  if (pad === undefined) pad = !url;
  for (; i + 2 < u8.length; i += 3) {
    var v = (u8[i] << 16) | (u8[i + 1] << 8) | u8[i + 2];
    out += map[v >> 18] + map[(v >> 12) & 63] + map[(v >> 6) & 63] + map[v & 63];
  }
  var rest = u8.length - i;
  if (rest === 1) {
    var v1 = u8[i] << 16;
    out += map[v1 >> 18] + map[(v1 >> 12) & 63] + (pad ? '==' : '');
  } else if (rest === 2) {
    var v2 = (u8[i] << 16) | (u8[i + 1] << 8);
    out += map[v2 >> 18] + map[(v2 >> 12) & 63] + map[(v2 >> 6) & 63] + (pad ? '=' : '');
  }
  return out;
}
var B64REV = {};
for (var k = 0; k < 64; k++) { B64REV[B64[k]] = k; B64REV[B64URL[k]] = k; }
// Lenient like Node's Buffer: skips characters outside both alphabets, stops at '='.
function b64Decode(str) {
  str = String(str);
  var out = [], acc = 0, bits = 0;
  for (var i = 0; i < str.length; i++) {
    var ch = str[i];
    if (ch === '=') break;
    var v = B64REV[ch];
    if (v === undefined) continue;
    acc = (acc << 6) | v; bits += 6;
    if (bits >= 8) { bits -= 8; out.push((acc >> bits) & 0xff); }
  }
  return new Uint8Array(out);
}
// Any binary-ish JS value to a Uint8Array (copy for views, so callers may keep it).
function toBytes(x) {
  if (x instanceof Uint8Array) return x;
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  if (ArrayBuffer.isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  if (Array.isArray(x)) return Uint8Array.from(x, function (v) { return v & 0xff; });
  if (x && typeof x.words === 'object' && typeof x.sigBytes === 'number') return wordsToBytes(x.words, x.sigBytes);
  if (typeof x === 'string') return utf8Encode(x);
  throw new TypeError('expected bytes (ArrayBuffer, TypedArray, DataView or Array)');
}
function wordsToBytes(words, sigBytes) {
  var out = new Uint8Array(sigBytes);
  for (var i = 0; i < sigBytes; i++) out[i] = (words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
  return out;
}
function bytesToWords(u8) {
  var words = [];
  for (var i = 0; i < u8.length; i++) words[i >>> 2] |= u8[i] << (24 - (i % 4) * 8);
  return words;
}
// A string for a native: quickjs-ng cannot hand Python a string holding NUL or a lone
// surrogate, so those go over as the hex of their UTF-8 (lone surrogates become U+FFFD).
var UNSAFE = /[\u0000\ud800-\udfff]/;
function textArg(s) {
  s = String(s);
  return UNSAFE.test(s) ? [bytesToHex(utf8Encode(s)), 'hex'] : [s, 'utf8'];
}
// Text a native parses (XML, PEM): NUL is refused, lone surrogates become U+FFFD.
function safeText(s, what) {
  s = String(s);
  if (s.indexOf('\u0000') >= 0) throw new Error(what + ' must not contain NUL characters');
  return s.toWellFormed();
}

// ---- natives with a plain-JS fallback ----
// quickjs-ng refuses every call into Python while a time limit is set ("Can not call into
// Python with a time limit set"); a host may also not register the natives. Digests, HMACs,
// PBKDF2 and random bytes then run in JavaScript (slower; random bytes from Math.random, which
// is not a CSPRNG). AES, RSA/EC and XML parsing have no fallback.
var nativeState = null; // null: untried, true: working, false: unavailable
function nativeUnavailable(e) { return e && /call into Python|not defined/.test(String(e.message)); }
// quickjs-ng builds long concatenations as ropes, which its Python binding cannot convert
// ("could not convert args"); substring() hands over a flat copy.
function flatArgs(args) {
  return args.map(function (a) { return typeof a === 'string' ? a.substring(0) : a; });
}
// Call a native by name: flat string arguments, '!message' results thrown as errors.
function callNative(name, args) {
  var f = globalThis[name];
  if (typeof f !== 'function') throw new Error(name + ' is not available in this sandbox');
  return check(f.apply(null, flatArgs(args)));
}
function viaNative(name, args, fallback) {
  if (nativeState !== false && typeof globalThis[name] === 'function') {
    try { var r = callNative(name, args); nativeState = true; return r; }
    catch (e) { if (!nativeUnavailable(e)) throw e; nativeState = false; }
  }
  return fallback();
}
function bytesOf(data, enc) { return enc === 'hex' ? hexToBytes(data) : enc === 'latin1' ? latin1Encode(data) : utf8Encode(data); }
function digestHex(alg, data, enc) {
  return viaNative('__native_digest', [alg, data, enc], function () {
    return require('__pmgen_hashes').digest(alg, bytesOf(data, enc));
  });
}
function hmacHex(alg, key, keyEnc, data, dataEnc) {
  return viaNative('__native_hmac', [alg, key, keyEnc, data, dataEnc], function () {
    return require('__pmgen_hashes').hmac(alg, bytesOf(key, keyEnc), bytesOf(data, dataEnc));
  });
}
function pbkdf2Hex(alg, pwHex, saltHex, iterations, dkLen) {
  return viaNative('__native_pbkdf2', [alg, pwHex, saltHex, iterations, dkLen], function () {
    var H = require('__pmgen_hashes'), pw = hexToBytes(pwHex), out = '';
    for (var block = 1; out.length < dkLen * 2; block++) {
      var u = H.hmac(alg, pw, hexToBytes(saltHex + ('0000000' + block.toString(16)).slice(-8))), t = hexToBytes(u);
      for (var i = 1; i < iterations; i++) {
        u = H.hmac(alg, pw, hexToBytes(u));
        var ub = hexToBytes(u);
        for (var j = 0; j < t.length; j++) t[j] ^= ub[j];
      }
      out += bytesToHex(t);
    }
    return out.slice(0, dkLen * 2);
  });
}
function randomHex(n) {
  return viaNative('__native_random_hex', [n], function () {
    n = Number(n);
    if (!(n >= 0 && n <= 65536)) throw new Error('random byte count must be 0..65536');
    var out = new Uint8Array(n);
    for (var i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256);
    return bytesToHex(out);
  });
}
function randomBytes(n) { return hexToBytes(randomHex(n)); }

module.exports = {
  check: check, bytesToHex: bytesToHex, hexToBytes: hexToBytes,
  utf8Encode: utf8Encode, utf8Decode: utf8Decode, latin1Encode: latin1Encode, latin1Decode: latin1Decode,
  b64Encode: b64Encode, b64Decode: b64Decode, toBytes: toBytes,
  wordsToBytes: wordsToBytes, bytesToWords: bytesToWords, randomBytes: randomBytes,
  textArg: textArg, safeText: safeText, digestHex: digestHex, hmacHex: hmacHex, pbkdf2Hex: pbkdf2Hex,
  randomHex: randomHex, callNative: callNative
};
"""
