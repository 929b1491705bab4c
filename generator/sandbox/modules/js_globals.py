"""Globals Postman's sandbox offers scripts. Library globals (CryptoJS, _, Buffer, URL, …)
are lazy getters: a script that never touches one never loads its module."""

SOURCE = r"""
(function () {
  'use strict';
  var g = globalThis;
  var B = require('__pmgen_bytes');
  function define(name, value) {
    Object.defineProperty(g, name, { value: value, writable: true, configurable: true, enumerable: false });
  }
  // The getter keeps the module (the object every run of the context shares) and stays in
  // place, so a run that uses it leaves the global object as it was.
  function lazy(name, load) {
    var loaded = false, value;
    Object.defineProperty(g, name, {
      configurable: true, enumerable: false,
      get: function () { if (!loaded) { value = load(); loaded = true; } return value; },
      set: function (v) { define(name, v); }
    });
  }
  lazy('CryptoJS', function () { return require('crypto-js'); });
  lazy('_', function () { return require('lodash'); });
  lazy('Buffer', function () { return require('buffer').Buffer; });
  if (typeof g.URL !== 'function') lazy('URL', function () { return require('url').URL; });
  if (typeof g.URLSearchParams !== 'function') lazy('URLSearchParams', function () { return require('url').URLSearchParams; });
  // Postman's atob/btoa are the lenient npm packages, not the browser's strict ones.
  define('atob', require('atob'));
  define('btoa', require('btoa'));
  // Postman's legacy xml2Json: xml2js with explicitArray false, trim, root kept; like
  // Postman's, it swallows parse errors and then returns undefined.
  define('xml2Json', function xml2Json(xml) {
    var out = {};
    require('xml2js').parseString(xml, { explicitArray: false, async: false, trim: true, mergeAttrs: false },
      function (err, result) { out = result; });
    return out;
  });

  // ---- TextEncoder / TextDecoder (UTF-8) ----
  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(s) { return B.utf8Encode(s === undefined ? '' : s); }
    encodeInto(s, dest) {
      var b = B.utf8Encode(s), n = 0, read = 0;
      // Only whole characters are written.
      for (var ch of String(s)) {
        var len = B.utf8Encode(ch).length;
        if (n + len > dest.length) break;
        n += len; read += ch.length;
      }
      dest.set(b.subarray(0, n));
      return { read: read, written: n };
    }
  }
  class TextDecoder {
    constructor(label, options) {
      var l = String(label === undefined ? 'utf-8' : label).trim().toLowerCase();
      if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') throw new RangeError('The "' + label + '" encoding is not supported');
      this._fatal = !!(options && options.fatal);
      this._ignoreBOM = !!(options && options.ignoreBOM);
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return this._fatal; }
    get ignoreBOM() { return this._ignoreBOM; }
    decode(input) {
      if (input === undefined) return '';
      var u8 = B.toBytes(input);
      if (!this._ignoreBOM && u8[0] === 0xef && u8[1] === 0xbb && u8[2] === 0xbf) u8 = u8.subarray(3);
      return B.utf8Decode(u8, this._fatal);
    }
  }
  if (typeof g.TextEncoder !== 'function') define('TextEncoder', TextEncoder);
  if (typeof g.TextDecoder !== 'function') define('TextDecoder', TextDecoder);

  // ---- crypto: getRandomValues, randomUUID, subtle (HMAC, digests, RSA/ECDSA signatures) ----
  function domError(name, msg) { var e = new Error(msg); e.name = name; return e; }
  var DIGESTS = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
  var BLOCKBITS = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
  function algName(a) { return typeof a === 'string' ? a : a && a.name; }
  function hashName(h) {
    var n = String(algName(h) || '').toUpperCase();
    if (!DIGESTS[n]) throw domError('NotSupportedError', 'Unrecognized hash algorithm: ' + algName(h));
    return n;
  }
  function bufferOf(hex) { return B.hexToBytes(hex).buffer; }
  function ensureBytes(x) {
    if (x instanceof ArrayBuffer || ArrayBuffer.isView(x)) return B.toBytes(x);
    throw new TypeError('data must be an ArrayBuffer, TypedArray or DataView');
  }
  class CryptoKey {
    constructor(type, extractable, algorithm, usages, raw) {
      Object.defineProperty(this, '_raw', { value: raw, enumerable: false });
      this.type = type; this.extractable = extractable; this.algorithm = algorithm; this.usages = usages;
    }
    get [Symbol.toStringTag]() { return 'CryptoKey'; }
  }
  function hmacKey(key, usage) {
    if (!(key instanceof CryptoKey) || key.algorithm.name !== 'HMAC') throw domError('InvalidAccessError', 'key is not an HMAC key');
    if (key.usages.indexOf(usage) < 0) throw domError('InvalidAccessError', 'key does not allow ' + usage);
    return key;
  }
  function hmacHex(key, data) {
    return B.hmacHex(DIGESTS[key.algorithm.hash.name], B.bytesToHex(key._raw), 'hex',
                                 B.bytesToHex(ensureBytes(data)), 'hex');
  }
  function later(fn) { return new Promise(function (resolve) { resolve(fn()); }); }
  var subtle = {
    digest: function (alg, data) {
      return later(function () {
        return bufferOf(B.digestHex(DIGESTS[hashName(alg)], B.bytesToHex(ensureBytes(data)), 'hex'));
      });
    },
    importKey: function (format, keyData, alg, extractable, usages) {
      return later(function () {
        var name = String(algName(alg)).toUpperCase();
        if (ASYM[name]) return importAsym(format, keyData, alg, ASYM[name], extractable, usages);
        if (name !== 'HMAC') throw domError('NotSupportedError', 'only HMAC, RSASSA-PKCS1-v1_5, RSA-PSS and ECDSA keys are supported');
        var hash = hashName(alg.hash), raw;
        if (format === 'raw') raw = new Uint8Array(ensureBytes(keyData));
        else if (format === 'jwk') raw = B.b64Decode(keyData.k || '');
        else throw domError('NotSupportedError', 'key format ' + format + ' is not supported');
        var length = alg.length || raw.length * 8;
        return new CryptoKey('secret', !!extractable, { name: 'HMAC', hash: { name: hash }, length: length }, Array.from(usages || []), raw);
      });
    },
    exportKey: function (format, key) {
      return later(function () {
        if (!key.extractable) throw domError('InvalidAccessError', 'key is not extractable');
        if (key.type !== 'secret') {
          if ((format === 'pkcs8' && key.type === 'private') || (format === 'spki' && key.type === 'public')) return new Uint8Array(key._raw).buffer;
          throw domError('NotSupportedError', 'key format ' + format + ' is not supported for this key');
        }
        if (format === 'raw') return new Uint8Array(key._raw).buffer;
        if (format === 'jwk') return { kty: 'oct', k: B.b64Encode(key._raw, true, false), alg: 'HS' + key.algorithm.hash.name.slice(4), ext: true, key_ops: key.usages };
        throw domError('NotSupportedError', 'key format ' + format + ' is not supported');
      });
    },
    generateKey: function (alg, extractable, usages) {
      return later(function () {
        var hash = hashName(alg.hash), bits = alg.length || BLOCKBITS[hash];
        return new CryptoKey('secret', !!extractable, { name: 'HMAC', hash: { name: hash }, length: bits }, Array.from(usages || []), B.randomBytes(bits >> 3));
      });
    },
    sign: function (alg, key, data) {
      return later(function () {
        if (key instanceof CryptoKey && key.type === 'private') return bufferOf(asymSign(alg, key, data));
        return bufferOf(hmacHex(hmacKey(key, 'sign'), data));
      });
    },
    verify: function (alg, key, signature, data) {
      return later(function () {
        if (key instanceof CryptoKey && key.type === 'public') return asymVerify(alg, key, signature, data);
        var want = hmacHex(hmacKey(key, 'verify'), data), got = B.bytesToHex(ensureBytes(signature));
        var diff = want.length ^ got.length;
        for (var i = 0; i < want.length && i < got.length; i++) diff |= want.charCodeAt(i) ^ got.charCodeAt(i);
        return diff === 0;
      });
    }
  };

  // ---- RSA and ECDSA keys: DER (pkcs8/spki) becomes PEM for the Python signer ----
  var ASYM = { 'RSASSA-PKCS1-V1_5': ['RSASSA-PKCS1-v1_5', 'RS'], 'RSA-PSS': ['RSA-PSS', 'PS'], 'ECDSA': ['ECDSA', 'ES'] };
  function pem(der, label) {
    return '-----BEGIN ' + label + '-----\n' + B.b64Encode(der, false, true).replace(/(.{64})/g, '$1\n').replace(/\n$/, '') +
           '\n-----END ' + label + '-----\n';
  }
  function importAsym(format, keyData, alg, spec, extractable, usages) {
    var label = format === 'pkcs8' ? 'PRIVATE KEY' : format === 'spki' ? 'PUBLIC KEY' : null;
    if (!label) throw domError('NotSupportedError', spec[0] + ' keys are imported as pkcs8 or spki here, not ' + format);
    var text = pem(ensureBytes(keyData), label), info;
    try { info = JSON.parse(B.callNative('__native_pem_info', [text, null])); } catch (e) { throw domError('DataError', e.message); }
    if ((spec[1] === 'ES') !== (info.type === 'EC')) throw domError('DataError', 'the key does not fit ' + spec[0]);
    var algorithm = { name: spec[0] };
    if (spec[1] !== 'ES') { algorithm.hash = { name: hashName(alg.hash) }; algorithm.modulusLength = info.bits; algorithm.publicExponent = new Uint8Array([1, 0, 1]); }
    else algorithm.namedCurve = alg.namedCurve;
    var key = new CryptoKey(info.private ? 'private' : 'public', !!extractable, algorithm, Array.from(usages || []), ensureBytes(keyData).slice());
    Object.defineProperty(key, '_pem', { value: text, enumerable: false });
    return key;
  }
  function asymAlg(alg, key, usage) {
    var spec = ASYM[String(algName(alg)).toUpperCase()];
    if (!spec || spec[0] !== key.algorithm.name) throw domError('InvalidAccessError', 'the key is a ' + key.algorithm.name + ' key');
    if (key.usages.indexOf(usage) < 0) throw domError('InvalidAccessError', 'key does not allow ' + usage);
    var hash = spec[1] === 'ES' ? hashName(alg.hash) : key.algorithm.hash.name;
    if (spec[1] === 'PS' && alg.saltLength !== undefined && alg.saltLength !== { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }[hash])
      throw domError('NotSupportedError', 'RSA-PSS is supported with saltLength equal to the hash length');
    return spec[1] + hash.slice(4);
  }
  function asymSign(alg, key, data) {
    return B.callNative('__native_pk_sign', [asymAlg(alg, key, 'sign'), key._pem, null, B.bytesToHex(ensureBytes(data))]);
  }
  function asymVerify(alg, key, signature, data) {
    return B.callNative('__native_pk_verify', [asymAlg(alg, key, 'verify'), key._pem, B.bytesToHex(ensureBytes(data)),
                                      B.bytesToHex(ensureBytes(signature))]) === '1';
  }
  var cryptoObj = {
    subtle: subtle,
    getRandomValues: function (arr) {
      if (!ArrayBuffer.isView(arr) || arr instanceof Float32Array || arr instanceof Float64Array || arr instanceof DataView)
        throw domError('TypeMismatchError', 'getRandomValues needs an integer TypedArray');
      if (arr.byteLength > 65536) throw domError('QuotaExceededError', 'getRandomValues is limited to 65536 bytes');
      new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength).set(B.randomBytes(arr.byteLength));
      return arr;
    },
    randomUUID: function () { return require('uuid').v4(); }
  };
  define('CryptoKey', CryptoKey);
  if (typeof g.crypto !== 'object' || !g.crypto) define('crypto', cryptoObj);
})();
"""
