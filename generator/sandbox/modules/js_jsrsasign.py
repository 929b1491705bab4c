"""``jsrsasign`` module (Postman's ``pm.require('npm:jsrsasign')``): JWS sign/verify/parse for
HS*/RS*/PS*/ES*, ``KEYUTIL.getKey`` for PEM keys, ``KJUR.crypto`` digests/HMAC/Signature,
``IntDate`` and the string/hex/base64 converters. Hashes and HMACs run through hashlib; RSA and
EC through Python's ``cryptography`` (imported lazily: without it, RS/PS/ES signing fails with
an error that says so)."""

SOURCE = r"""
'use strict';
var B = require('__pmgen_bytes');
var check = B.check;
// Hex the script supplies: anything but hex digits is dropped before it reaches a native.
function hexArg(h) { h = String(h).replace(/[^0-9a-fA-F]/g, ''); return h.length % 2 ? h.slice(0, -1) : h; }

// ---- converters (jsrsasign's names) ----
function utf8tohex(s) { return B.bytesToHex(B.utf8Encode(s)); }
function hextoutf8(h) { return B.utf8Decode(B.hexToBytes(h), false); }
function rstrtohex(s) { return B.bytesToHex(B.latin1Encode(s)); }
function hextorstr(h) { return B.latin1Decode(B.hexToBytes(h)); }
function hextob64(h) { return B.b64Encode(B.hexToBytes(h), false, true); }
function hextob64u(h) { return B.b64Encode(B.hexToBytes(h), true, false); }
function b64tohex(s) { return B.bytesToHex(B.b64Decode(s)); }
function b64utohex(s) { return B.bytesToHex(B.b64Decode(s)); }
function utf8tob64u(s) { return B.b64Encode(B.utf8Encode(s), true, false); }
function b64utoutf8(s) { return B.utf8Decode(B.b64Decode(s), false); }
function utf8tob64(s) { return B.b64Encode(B.utf8Encode(s), false, true); }
function b64toutf8(s) { return B.utf8Decode(B.b64Decode(s), false); }
function stob64(s) { return B.b64Encode(B.latin1Encode(s), false, true); }
function stob64u(s) { return B.b64Encode(B.latin1Encode(s), true, false); }
function b64utos(s) { return B.latin1Decode(B.b64Decode(s)); }
function b64tob64u(s) { return String(s).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_'); }
function b64utob64(s) { s = String(s).replace(/-/g, '+').replace(/_/g, '/'); while (s.length % 4) s += '='; return s; }
function hextopem(h, name) {
  var b64 = hextob64(h).replace(/(.{64})/g, '$1\r\n').replace(/\r\n$/, '');
  return '-----BEGIN ' + name + '-----\r\n' + b64 + '\r\n-----END ' + name + '-----\r\n';
}
function pemtohex(pem, name) {
  var re = name ? new RegExp('-----BEGIN ' + name + '-----([\\s\\S]*?)-----END ' + name + '-----') : /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/;
  var m = re.exec(String(pem));
  if (!m) throw new Error("can't find PEM header" + (name ? ': ' + name : ''));
  return b64tohex(m[1].replace(/\s+/g, ''));
}

var HASH = { sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', md5: 'md5' };
function hashName(alg) {
  var n = String(alg).toLowerCase().replace(/-/g, '');
  if (!HASH[n]) throw new Error('unsupported hash algorithm: ' + alg);
  return HASH[n];
}
var Util = {
  hashString: function (s, alg) { var a = B.textArg(s); return B.digestHex(hashName(alg), a[0], a[1]); },
  hashHex: function (h, alg) { return B.digestHex(hashName(alg), hexArg(h), 'hex'); },
  sha1: function (s) { return Util.hashString(s, 'sha1'); },
  sha256: function (s) { return Util.hashString(s, 'sha256'); },
  sha224: function (s) { return Util.hashString(s, 'sha224'); },
  sha384: function (s) { return Util.hashString(s, 'sha384'); },
  sha512: function (s) { return Util.hashString(s, 'sha512'); },
  md5: function (s) { return Util.hashString(s, 'md5'); },
  getRandomHexOfNbytes: function (n) { return B.randomHex(n); },
  getRandomBigIntegerOfNbytes: undefined
};

function MessageDigest(params) {
  this.alg = hashName((params && params.alg) || 'sha1');
  this._hex = '';
}
MessageDigest.prototype.updateString = function (s) { this._hex += utf8tohex(s); };
MessageDigest.prototype.updateHex = function (h) { this._hex += hexArg(h); };
MessageDigest.prototype.digest = function () { var r = B.digestHex(this.alg, this._hex, 'hex'); this._hex = ''; return r; };
MessageDigest.prototype.digestString = function (s) { this.updateString(s); return this.digest(); };
MessageDigest.prototype.digestHex = function (h) { this.updateHex(h); return this.digest(); };

// HMAC key: a hex string, else the string's raw characters; or {hex|utf8|rstr|b64|b64u}.
function macKeyHex(pass) {
  if (typeof pass === 'string') return pass.length % 2 === 0 && /^[0-9A-Fa-f]*$/.test(pass) ? pass : rstrtohex(pass);
  if (pass && typeof pass === 'object') {
    if (pass.hex !== undefined) return hexArg(pass.hex);
    if (pass.utf8 !== undefined) return utf8tohex(pass.utf8);
    if (pass.rstr !== undefined) return rstrtohex(pass.rstr);
    if (pass.b64 !== undefined) return b64tohex(pass.b64);
    if (pass.b64u !== undefined) return b64utohex(pass.b64u);
  }
  throw new Error('KJUR.crypto.Mac unsupported password type: ' + pass);
}
function Mac(params) {
  params = params || {};
  var m = /^hmac(sha1|sha224|sha256|sha384|sha512|md5)$/i.exec(String(params.alg || 'HmacSHA1'));
  if (!m) throw new Error('KJUR.crypto.Mac unsupported algorithm: ' + params.alg);
  this.alg = m[1].toLowerCase();
  this._hex = '';
  if (params.pass !== undefined) this.setPassword(params.pass);
}
Mac.prototype.setPassword = function (pass) { this._key = macKeyHex(pass); };
Mac.prototype.updateString = function (s) { this._hex += utf8tohex(s); };
Mac.prototype.updateHex = function (h) { this._hex += hexArg(h); };
Mac.prototype.doFinal = function () { var r = B.hmacHex(this.alg, this._key, 'hex', this._hex, 'hex'); this._hex = ''; return r; };
Mac.prototype.doFinalString = function (s) { this.updateString(s); return this.doFinal(); };
Mac.prototype.doFinalHex = function (h) { this.updateHex(h); return this.doFinal(); };

// ---- keys ----
function RSAKey() { this.isPrivate = false; this.isPublic = false; this._pem = null; this._pass = null; this.type = 'RSA'; }
function ECDSA(params) { this.isPrivate = false; this.isPublic = false; this._pem = null; this._pass = null; this.type = 'EC'; this.curveName = params && params.curve; }
var KEYUTIL = {
  getKey: function (param, passcode) {
    if (param instanceof RSAKey || param instanceof ECDSA) return param;
    if (typeof param !== 'string' || param.indexOf('-----BEGIN') < 0)
      throw new Error('KEYUTIL.getKey: only PEM keys are supported in pmgen\'s sandbox');
    param = B.safeText(param, 'a PEM key');
    if (passcode !== undefined && passcode !== null) passcode = B.safeText(passcode, 'a passphrase');
    var info = JSON.parse(B.callNative('__native_pem_info', [param, passcode === undefined ? null : passcode]));
    var key = info.type === 'RSA' ? new RSAKey() : new ECDSA();
    key._pem = param; key._pass = passcode === undefined ? null : String(passcode);
    key.isPrivate = info.private; key.isPublic = !info.private;
    if (info.type === 'RSA') key.n = { bitLength: function () { return info.bits; } };
    return key;
  },
  getPEM: function (key) { if (!key || !key._pem) throw new Error('KEYUTIL.getPEM: key has no PEM'); return key._pem; },
  getKeyFromPlainPrivatePKCS8PEM: function (pem) { return KEYUTIL.getKey(pem); },
  getRSAKeyFromPlainPKCS8PEM: function (pem) { return KEYUTIL.getKey(pem); }
};
RSAKey.prototype.readPrivateKeyFromPEMString = function (pem) { var k = KEYUTIL.getKey(pem); Object.assign(this, k); };
RSAKey.prototype.readPKCS8PrvKeyHex = function (h) { this.readPrivateKeyFromPEMString(hextopem(h, 'PRIVATE KEY')); };
RSAKey.prototype.readPKCS5PrvKeyHex = function (h) { this.readPrivateKeyFromPEMString(hextopem(h, 'RSA PRIVATE KEY')); };

function keyOf(k, pass) {
  if (typeof k === 'string') k = KEYUTIL.getKey(k, pass);
  if (!k || !k._pem) throw new Error('a PEM key or KEYUTIL.getKey(...) result is needed');
  return k;
}
// JWS alg -> (kind, bits); Signature alg names such as SHA256withRSA map to the same.
function sigAlg(name) {
  var m = /^(RS|PS|ES)(256|384|512)$/.exec(name);
  if (m) return name;
  m = /^SHA(1|224|256|384|512)with(RSA|RSAandMGF1|ECDSA)$/i.exec(name);
  if (m) return { rsa: 'RS', rsaandmgf1: 'PS', ecdsa: 'ES' }[m[2].toLowerCase()] + m[1];
  throw new Error('unsupported signature algorithm: ' + name);
}
function Signature(params) {
  this.algName = sigAlg((params && params.alg) || 'SHA256withRSA');
  this._hex = '';
  if (params && params.prvkeypem) this.init(params.prvkeypem, params.prvkeypas);
}
Signature.prototype.init = function (key, pass) { this._key = keyOf(key, pass); };
Signature.prototype.initSign = Signature.prototype.init;
Signature.prototype.initVerifyByPublicKey = Signature.prototype.init;
Signature.prototype.updateString = function (s) { this._hex += utf8tohex(s); };
Signature.prototype.updateHex = function (h) { this._hex += hexArg(h); };
// jsrsasign returns ECDSA signatures DER-encoded from Signature; JWS uses raw r||s.
Signature.prototype.sign = function () {
  var raw = B.callNative('__native_pk_sign', [this.algName, this._key._pem, this._key._pass, this._hex]);
  this._hex = '';
  return this.algName[0] === 'E' ? concatToDer(raw) : raw;
};
Signature.prototype.signString = function (s) { this.updateString(s); return this.sign(); };
Signature.prototype.signHex = function (h) { this.updateHex(h); return this.sign(); };
Signature.prototype.verify = function (sigHex) {
  var sig = this.algName[0] === 'E' ? derToConcat(sigHex, this._key) : sigHex;
  var r = B.callNative('__native_pk_verify', [this.algName, this._key._pem, this._hex, sig]) === '1';
  this._hex = '';
  return r;
};
function derInt(h) { h = h.replace(/^(00)+(?=[89a-f])/, ''); if (/^[89a-f]/.test(h)) h = '00' + h; return '02' + derLen(h.length / 2) + h; }
function derLen(n) { return n < 128 ? (n < 16 ? '0' : '') + n.toString(16) : (n < 256 ? '81' : '82') + (n < 256 ? (n < 16 ? '0' : '') + n.toString(16) : ('000' + n.toString(16)).slice(-4)); }
function concatToDer(h) { var half = h.length / 2, body = derInt(h.slice(0, half)) + derInt(h.slice(half)); return '30' + derLen(body.length / 2) + body; }
function derToConcat(h, key) {
  var pos = 2, len = parseInt(h.substr(pos, 2), 16); pos += 2; if (len & 0x80) pos += (len & 0x7f) * 2;
  function readInt() { pos += 2; var l = parseInt(h.substr(pos, 2), 16); pos += 2; var v = h.substr(pos, l * 2); pos += l * 2; return v.replace(/^(00)+/, ''); }
  var r = readInt(), s = readInt(), size = Math.max(r.length, s.length);
  size = size <= 64 ? 64 : size <= 96 ? 96 : 132;
  return r.padStart(size, '0') + s.padStart(size, '0');
}

// ---- JWS ----
function readSafeJSONString(s) {
  var o = null;
  try { o = JSON.parse(s); } catch (e) { return null; }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  return o;
}
function isSafeJSONString(s) { return readSafeJSONString(s) !== null ? 1 : 0; }
var JWS = {
  sign: function (alg, spHeader, spPayload, key, pass) {
    var sHeader, pHeader;
    if (typeof spHeader === 'object') { pHeader = spHeader; sHeader = JSON.stringify(pHeader); }
    else { sHeader = spHeader; pHeader = readSafeJSONString(sHeader); if (!pHeader) throw new Error('spHeader must be JSON string or object: ' + sHeader); }
    if (alg === null || alg === undefined || alg === '') alg = pHeader.alg;
    if (alg && pHeader.alg === undefined) { pHeader.alg = alg; sHeader = JSON.stringify(pHeader); }
    if (alg !== pHeader.alg) throw new Error("alg and sHeader.alg doesn't match: " + alg + '!=' + pHeader.alg);
    var sPayload = typeof spPayload === 'object' ? JSON.stringify(spPayload) : String(spPayload);
    var input = utf8tob64u(sHeader) + '.' + utf8tob64u(sPayload);
    if (alg === 'none') return input + '.';
    var sigHex, hm = /^HS(256|384|512)$/.exec(alg);
    if (hm) {
      var mac = new Mac({ alg: 'HmacSHA' + hm[1], pass: key });
      sigHex = mac.doFinalString(input);
    } else {
      var k = keyOf(key, pass);
      sigHex = B.callNative('__native_pk_sign', [sigAlg(alg), k._pem, k._pass, utf8tohex(input)]);
    }
    return input + '.' + hextob64u(sigHex);
  },
  verify: function (sJWS, key, acceptAlgs) {
    var parts = String(sJWS).split('.');
    if (parts.length !== 3) return false;
    var header = readSafeJSONString(b64utoutf8(parts[0]));
    if (!header || !header.alg) return false;
    var alg = header.alg;
    if (acceptAlgs && Array.isArray(acceptAlgs) && acceptAlgs.indexOf(alg) < 0) throw new Error('algorithm \'' + alg + '\' not accepted in the list');
    var input = parts[0] + '.' + parts[1], sigHex = b64utohex(parts[2]);
    var hm = /^HS(256|384|512)$/.exec(alg);
    if (hm) return new Mac({ alg: 'HmacSHA' + hm[1], pass: key }).doFinalString(input) === sigHex;
    if (alg === 'none') return false;
    var k = keyOf(key);
    return B.callNative('__native_pk_verify', [sigAlg(alg), k._pem, utf8tohex(input), sigHex]) === '1';
  },
  parse: function (sJWS) {
    var parts = String(sJWS).split('.');
    if (parts.length < 2) throw new Error('malformed JWS');
    var out = { headerObj: readSafeJSONString(b64utoutf8(parts[0])) };
    out.headerPP = JSON.stringify(out.headerObj, null, '  ');
    var payload = b64utoutf8(parts[1]);
    out.payloadObj = readSafeJSONString(payload);
    if (out.payloadObj === null) out.payloadPP = payload; else out.payloadPP = JSON.stringify(out.payloadObj, null, '  ');
    if (parts[2] !== undefined) out.sigHex = b64utohex(parts[2]);
    return out;
  },
  readSafeJSONString: readSafeJSONString,
  isSafeJSONString: isSafeJSONString,
  getEncodedSignatureValueFromJWS: function (s) { var m = /^[^.]+\.[^.]+\.([^.]+)$/.exec(s); if (!m) throw new Error('JWS signature is not a form of "Head.Payload.SigValue".'); return m[1]; },
  verifyJWT: function (sJWT, key, opts) {
    opts = opts || {};
    if (!JWS.verify(sJWT, key, opts.alg)) return false;
    var p = readSafeJSONString(b64utoutf8(String(sJWT).split('.')[1])) || {};
    var now = opts.verifyAt !== undefined ? opts.verifyAt : IntDate.getNow(), grace = opts.gracePeriod || 0;
    if (p.exp !== undefined && now > p.exp + grace) return false;
    if (p.nbf !== undefined && now < p.nbf - grace) return false;
    if (opts.iss && opts.iss.indexOf(p.iss) < 0) return false;
    if (opts.sub && opts.sub.indexOf(p.sub) < 0) return false;
    if (opts.aud) { var aud = Array.isArray(p.aud) ? p.aud : [p.aud]; if (!aud.some(function (a) { return opts.aud.indexOf(a) >= 0; })) return false; }
    if (opts.jti && p.jti !== opts.jti) return false;
    return true;
  }
};
var IntDate = {
  getNow: function () { return Math.floor(Date.now() / 1000); },
  get: function (s) {
    var now = IntDate.getNow();
    if (s === 'now') return now;
    if (s === 'now + 1hour') return now + 3600;
    if (s === 'now + 1day') return now + 86400;
    if (s === 'now + 1month') return now + 86400 * 30;
    if (s === 'now + 1year') return now + 86400 * 365;
    if (/Z$/.test(s)) return IntDate.getZulu(s);
    if (/^[0-9]+$/.test(s)) return parseInt(s, 10);
    throw new Error('unsupported format: ' + s);
  },
  getZulu: function (s) {
    var m = /^(\d{2}|\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.\d+)?Z$/.exec(s);
    if (!m) throw new Error('unsupported zulu format: ' + s);
    var y = parseInt(m[1], 10);
    if (m[1].length === 2) y += y < 50 ? 2000 : 1900;
    return Math.floor(Date.UTC(y, +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000);
  },
  intDate2UTCString: function (d) { return new Date(d * 1000).toUTCString(); },
  intDate2Zulu: function (d) { return new Date(d * 1000).toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z'); }
};

var KJUR = {
  crypto: { Util: Util, MessageDigest: MessageDigest, Mac: Mac, Signature: Signature, ECDSA: ECDSA },
  jws: { JWS: JWS, IntDate: IntDate },
  lang: { String: {} }
};
module.exports = {
  KJUR: KJUR, KEYUTIL: KEYUTIL, RSAKey: RSAKey, jws: KJUR.jws, crypto: KJUR.crypto,
  utf8tohex: utf8tohex, hextoutf8: hextoutf8, rstrtohex: rstrtohex, hextorstr: hextorstr, hextob64: hextob64, hextob64u: hextob64u,
  b64tohex: b64tohex, b64utohex: b64utohex, utf8tob64u: utf8tob64u, b64utoutf8: b64utoutf8, utf8tob64: utf8tob64, b64toutf8: b64toutf8,
  stob64: stob64, stob64u: stob64u, b64utos: b64utos, b64tob64u: b64tob64u, b64utob64: b64utob64, hextopem: hextopem, pemtohex: pemtohex
};
"""
