"""``crypto-js`` shim: WordArray, encoders, hashes, HMACs, PBKDF2, EvpKDF, AES.

Hashing runs in Python (hashlib/hmac through ``__native_digest``/``__native_hmac``); strings
go over as text and are UTF-8 encoded there, as crypto-js does with Utf8.parse. SHA3 is
crypto-js's (pre-standard Keccak, which hashlib lacks) and runs in JavaScript.
"""

SOURCE = r"""
'use strict';
var B = require('__pmgen_bytes');
var check = B.check;

var HEX = [];
for (var h = 0; h < 256; h++) HEX.push((h < 16 ? '0' : '') + h.toString(16));
function hexOfWords(words, sigBytes) {
  var out = '', full = sigBytes >>> 2, i;
  for (i = 0; i < full; i++) {
    var w = words[i];
    out += HEX[(w >>> 24) & 0xff] + HEX[(w >>> 16) & 0xff] + HEX[(w >>> 8) & 0xff] + HEX[w & 0xff];
  }
  for (i = full * 4; i < sigBytes; i++) out += HEX[(words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff];
  return out;
}
function wordsOfHex(hex) {
  var words = [], n = hex.length;
  for (var i = 0; i < n; i += 8) {
    var chunk = hex.substr(i, 8);
    var v = parseInt(chunk, 16);
    if (chunk.length < 8) v = v << ((8 - chunk.length) * 4);
    words.push(v | 0);
  }
  return words;
}

// lib.Base: crypto-js's prototype helpers (extend/create/init/mixIn/clone).
var Base = {
  extend: function (overrides) {
    var sub = Object.create(this);
    if (overrides) sub.mixIn(overrides);
    if (!Object.prototype.hasOwnProperty.call(sub, 'init') || this.init === sub.init)
      sub.init = function () { sub.$super.init.apply(this, arguments); };
    sub.init.prototype = sub;
    sub.$super = this;
    return sub;
  },
  // Instances inherit from their type directly (cheaper than crypto-js's extend-per-instance).
  create: function () {
    var inst = Object.create(this);
    inst.init.apply(inst, arguments);
    return inst;
  },
  init: function () {},
  mixIn: function (props) {
    for (var k in props) if (Object.prototype.hasOwnProperty.call(props, k)) this[k] = props[k];
    if (Object.prototype.hasOwnProperty.call(props, 'toString')) this.toString = props.toString;
  },
  clone: function () { return this.init.prototype.extend(this); }
};

var WordArray = Base.extend({
  init: function (words, sigBytes) {
    if (words instanceof ArrayBuffer || ArrayBuffer.isView(words)) {
      var u8 = B.toBytes(words);
      this.words = B.bytesToWords(u8);
      this.sigBytes = u8.length;
      return;
    }
    this.words = words || [];
    this.sigBytes = sigBytes !== undefined ? sigBytes : this.words.length * 4;
  },
  toString: function (encoder) { return (encoder || Hex).stringify(this); },
  concat: function (other) {
    this.clamp();
    var thisSig = this.sigBytes, w = this.words, ow = other.words;
    if (thisSig % 4) {
      for (var i = 0; i < other.sigBytes; i++) {
        var b = (ow[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
        w[(thisSig + i) >>> 2] |= b << (24 - ((thisSig + i) % 4) * 8);
      }
    } else {
      for (var j = 0; j < other.sigBytes; j += 4) w[(thisSig + j) >>> 2] = ow[j >>> 2];
    }
    this.sigBytes += other.sigBytes;
    return this;
  },
  clamp: function () {
    var w = this.words, s = this.sigBytes;
    w[s >>> 2] &= 0xffffffff << (32 - (s % 4) * 8);
    w.length = Math.ceil(s / 4);
  },
  clone: function () {
    var c = Base.clone.call(this);
    c.words = this.words.slice(0);
    return c;
  },
  random: function (nBytes) {
    return WordArray.create(B.bytesToWords(B.randomBytes(nBytes)), nBytes);
  }
});
function fromHex(hex) { return WordArray.create(wordsOfHex(hex), hex.length >> 1); }
function fromBytes(u8) { return WordArray.create(B.bytesToWords(u8), u8.length); }
function toU8(wa) { return B.wordsToBytes(wa.words, wa.sigBytes); }

var Hex = {
  stringify: function (wa) { return hexOfWords(wa.words, wa.sigBytes); },
  parse: function (hex) { return fromHex(String(hex)); }
};
var Latin1 = {
  stringify: function (wa) { return B.latin1Decode(toU8(wa)); },
  parse: function (s) { return fromBytes(B.latin1Encode(s)); }
};
var Utf8 = {
  stringify: function (wa) {
    try { return B.utf8Decode(toU8(wa), true); } catch (e) { throw new Error('Malformed UTF-8 data'); }
  },
  parse: function (s) { return fromBytes(B.utf8Encode(s)); }
};
function utf16(le) {
  return {
    stringify: function (wa) {
      var u8 = toU8(wa), out = '';
      for (var i = 0; i + 1 < u8.length; i += 2)
        out += String.fromCharCode(le ? u8[i] | (u8[i + 1] << 8) : (u8[i] << 8) | u8[i + 1]);
      return out;
    },
    parse: function (s) {
      s = String(s);
      var u8 = new Uint8Array(s.length * 2);
      for (var i = 0; i < s.length; i++) {
        var c = s.charCodeAt(i);
        u8[2 * i] = le ? c & 0xff : c >> 8;
        u8[2 * i + 1] = le ? c >> 8 : c & 0xff;
      }
      return fromBytes(u8);
    }
  };
}
var Base64 = {
  stringify: function (wa) { return B.b64Encode(toU8(wa), false, true); },
  parse: function (s) { return fromBytes(B.b64Decode(s)); }
};
var Base64url = {
  stringify: function (wa, urlSafe) { return B.b64Encode(toU8(wa), urlSafe !== false, urlSafe === false); },
  parse: function (s) { return fromBytes(B.b64Decode(s)); }
};
var enc = { Hex: Hex, Latin1: Latin1, Utf8: Utf8, Utf16: utf16(false), Utf16BE: utf16(false),
            Utf16LE: utf16(true), Base64: Base64, Base64url: Base64url };

// Data to (text, encoding) for a native: strings go as UTF-8 text, WordArrays as hex.
function natArg(data) {
  if (typeof data === 'string') return B.textArg(data);
  if (data && data.words && typeof data.sigBytes === 'number') return [hexOfWords(data.words, data.sigBytes), 'hex'];
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return [B.bytesToHex(B.toBytes(data)), 'hex'];
  return B.textArg(String(data));
}
// crypto-js hashes nothing for a falsy message (`if (messageUpdate)`), and an HMAC key that
// is neither text nor a WordArray fails in its init (reading key.sigBytes / key.clamp).
function msgArg(msg) { return natArg(msg ? msg : ''); }
function keyArg(key) {
  if (key === undefined || key === null) throw new TypeError("Cannot read properties of " + key + " (reading 'sigBytes')");
  if (typeof key === 'number' || typeof key === 'boolean') throw new TypeError('key.clamp is not a function');
  return natArg(key);
}
function toWA(data) {
  if (typeof data === 'string') return Utf8.parse(data);
  if (data && data.words && typeof data.sigBytes === 'number') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return fromBytes(B.toBytes(data));
  return Utf8.parse(String(data));
}

// Hashers buffer their input and hash in Python at finalize.
var Hasher = Base.extend({
  init: function (cfg) { this.cfg = cfg || {}; this.reset(); },
  reset: function () { this._data = WordArray.create(); return this; },
  update: function (msg) { this._data.concat(toWA(msg)); return this; },
  finalize: function (msg) {
    if (msg) this.update(msg);
    var a = natArg(this._data);
    var out = fromHex(B.digestHex(this._nat, a[0], a[1]));
    this.reset();
    return out;
  }
});
var algo = {};
var C = { lib: { Base: Base, WordArray: WordArray, Hasher: Hasher }, enc: enc, algo: algo };
var SIZES = { md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };
var BLOCK = { md5: 64, sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };
[['MD5', 'md5'], ['SHA1', 'sha1'], ['SHA224', 'sha224'], ['SHA256', 'sha256'],
 ['SHA384', 'sha384'], ['SHA512', 'sha512']].forEach(function (p) {
  var name = p[0], nat = p[1];
  var H = Hasher.extend({ _nat: nat, blockSize: BLOCK[nat] / 4 });
  algo[name] = H;
  C[name] = function (msg) {
    var a = msgArg(msg);
    return fromHex(B.digestHex(nat, a[0], a[1]));
  };
  C['Hmac' + name] = function (msg, key) {
    var k = keyArg(key), m = msgArg(msg);
    return fromHex(B.hmacHex(nat, k[0], k[1], m[0], m[1]));
  };
});

// crypto-js's SHA3 is the original Keccak (padding 0x01), outputLength 512 by default; hashlib
// has no Keccak, so it runs in JavaScript.
algo.SHA3 = Hasher.extend({
  init: function (cfg) { this.cfg = Object.assign({ outputLength: 512 }, cfg || {}); this.reset(); },
  finalize: function (msg) {
    if (msg) this.update(msg);
    var bits = this.cfg.outputLength;
    if ([224, 256, 384, 512].indexOf(bits) < 0) throw new Error('SHA3 outputLength must be 224, 256, 384 or 512');
    var out = fromHex(require('__pmgen_hashes').keccak(toU8(this._data), bits, 0x01));
    this.reset();
    return out;
  }
});
C.SHA3 = function (msg, cfg) { return algo.SHA3.create(cfg).finalize(msg); };
C.HmacSHA3 = function (msg, key, cfg) {
  var bits = (cfg && cfg.outputLength) || 512, bs = 200 - bits / 4, H = require('__pmgen_hashes');
  var k = toU8(toWA(key));
  if (k.length > bs) k = B.hexToBytes(H.keccak(k, bits, 0x01));
  var m = toU8(toWA(msg)), inner = new Uint8Array(bs + m.length), outer = new Uint8Array(bs + bits / 8);
  for (var i = 0; i < bs; i++) { var kb = i < k.length ? k[i] : 0; inner[i] = kb ^ 0x36; outer[i] = kb ^ 0x5c; }
  inner.set(m, bs);
  outer.set(B.hexToBytes(H.keccak(inner, bits, 0x01)), bs);
  return fromHex(H.keccak(outer, bits, 0x01));
};

algo.HMAC = Base.extend({
  init: function (hasher, key) {
    this._nat = hasher && hasher._nat;
    if (!this._nat) throw new Error('HMAC needs a hasher such as CryptoJS.algo.SHA256');
    this._key = keyArg(key);
    this.reset();
  },
  reset: function () { this._data = WordArray.create(); return this; },
  update: function (msg) { this._data.concat(toWA(msg)); return this; },
  finalize: function (msg) {
    if (msg) this.update(msg);
    var out = fromHex(B.hmacHex(this._nat, this._key[0], this._key[1],
                                          hexOfWords(this._data.words, this._data.sigBytes), 'hex'));
    this.reset();
    return out;
  }
});

// PBKDF2 defaults follow crypto-js 4.2: SHA256, 250000 iterations, keySize 4 words.
algo.PBKDF2 = Base.extend({
  init: function (cfg) { this.cfg = Object.assign({ keySize: 4, hasher: algo.SHA256, iterations: 250000 }, cfg || {}); },
  compute: function (password, salt) {
    var c = this.cfg, p = toWA(password), s = toWA(salt);
    var hex = B.pbkdf2Hex(c.hasher._nat, Hex.stringify(p), Hex.stringify(s), c.iterations, c.keySize * 4);
    return fromHex(hex);
  }
});
C.PBKDF2 = function (password, salt, cfg) { return algo.PBKDF2.create(cfg).compute(password, salt); };

// EvpKDF: OpenSSL's EVP_BytesToKey (MD5, 1 iteration by default), used by passphrase AES.
algo.EvpKDF = Base.extend({
  init: function (cfg) { this.cfg = Object.assign({ keySize: 4, hasher: algo.MD5, iterations: 1 }, cfg || {}); },
  compute: function (password, salt) {
    var c = this.cfg, nat = c.hasher._nat, want = c.keySize * 4;
    var pw = B.bytesToHex(toU8(toWA(password))), sl = salt ? B.bytesToHex(toU8(toWA(salt))) : '';
    var out = '', block = '';
    while (out.length < want * 2) {
      block = B.digestHex(nat, block + pw + sl, 'hex');
      for (var i = 1; i < c.iterations; i++) block = B.digestHex(nat, block, 'hex');
      out += block;
    }
    return fromHex(out.slice(0, want * 2));
  }
});
C.EvpKDF = function (password, salt, cfg) { return algo.EvpKDF.create(cfg).compute(password, salt); };

// ---- ciphers: AES through Python's cryptography; padding done here ----
function blockPad(name) {
  return {
    pad: function (wa, blockWords) {
      var bs = blockWords * 4, n = bs - (wa.sigBytes % bs), u8 = toU8(wa), out;
      if (name === 'NoPadding') return;
      if (name === 'ZeroPadding') { if (wa.sigBytes % bs === 0) return; n = bs - (wa.sigBytes % bs); }
      out = new Uint8Array(u8.length + n);
      out.set(u8);
      for (var i = 0; i < n; i++) {
        var v = name === 'Pkcs7' ? n : 0;
        if (name === 'AnsiX923' && i === n - 1) v = n;
        if (name === 'Iso10126') v = i === n - 1 ? n : B.randomBytes(1)[0];
        if (name === 'Iso97971') v = i === 0 ? 0x80 : 0;
        out[u8.length + i] = v;
      }
      var r = fromBytes(out); wa.words = r.words; wa.sigBytes = r.sigBytes;
    },
    unpad: function (wa) {
      var u8 = toU8(wa), n = u8.length;
      if (name === 'NoPadding') return;
      if (name === 'ZeroPadding') { while (n > 0 && u8[n - 1] === 0) n--; }
      else if (name === 'Iso97971') { while (n > 0 && u8[n - 1] === 0) n--; n--; }
      else n -= u8[n - 1];
      wa.sigBytes = Math.max(0, n);
    }
  };
}
var pad = {};
['Pkcs7', 'NoPadding', 'ZeroPadding', 'AnsiX923', 'Iso10126', 'Iso97971'].forEach(function (n) { pad[n] = blockPad(n); });
var mode = {};
['CBC', 'ECB', 'CTR', 'CFB', 'OFB'].forEach(function (m) { mode[m] = { _name: m }; });

function openSSLStringify(cp) {
  var ct = cp.ciphertext, salt = cp.salt;
  if (salt) return Base64.stringify(WordArray.create([0x53616c74, 0x65645f5f]).concat(salt).concat(ct));
  return Base64.stringify(ct);
}
var format = {
  OpenSSL: {
    stringify: openSSLStringify,
    parse: function (str) {
      var ct = Base64.parse(str), w = ct.words, salt;
      if (w[0] === 0x53616c74 && w[1] === 0x65645f5f) {
        salt = WordArray.create(w.slice(2, 4));
        w.splice(0, 4);
        ct.sigBytes -= 16;
      }
      return CipherParams.create({ ciphertext: ct, salt: salt });
    }
  },
  Hex: {
    stringify: function (cp) { return Hex.stringify(cp.ciphertext); },
    parse: function (s) { return CipherParams.create({ ciphertext: Hex.parse(s) }); }
  }
};
var CipherParams = Base.extend({
  init: function (p) { this.mixIn(p); },
  toString: function (formatter) { return (formatter || this.formatter || format.OpenSSL).stringify(this); }
});

function aesRun(op, data, key, cfg) {
  var m = (cfg.mode || mode.CBC)._name, p = cfg.padding || pad.Pkcs7, stream = m === 'CTR' || m === 'CFB' || m === 'OFB';
  var iv = cfg.iv ? Hex.stringify(cfg.iv).slice(0, 32) : (m === 'ECB' ? '' : '00000000000000000000000000000000');
  var d = data.clone();
  if (op === 'encrypt' && !stream) p.pad(d, 4);
  var hex = Hex.stringify(d);
  // Stream modes work on whole blocks in crypto-js too; cryptography accepts any length.
  var out = fromHex(B.callNative('__native_aes', [op, m, Hex.stringify(key), iv, hex]));
  if (op === 'decrypt' && !stream) p.unpad(out);
  return out;
}
function cipherFor(keyWords) {
  return {
    keySize: keyWords, ivSize: 4,
    encrypt: function (message, key, cfg) {
      cfg = cfg || {};
      var msg = toWA(message);
      if (typeof key === 'string') {
        var salt = cfg.salt ? toWA(cfg.salt) : WordArray.random(8);
        var kdf = C.EvpKDF(key, salt, { keySize: keyWords + 4, hasher: cfg.hasher || algo.MD5 });
        var iv = WordArray.create(kdf.words.slice(keyWords), 16);
        kdf.sigBytes = keyWords * 4;
        var k = WordArray.create(kdf.words.slice(0, keyWords), keyWords * 4);
        var ct = aesRun('encrypt', msg, k, Object.assign({}, cfg, { iv: iv }));
        return CipherParams.create({ ciphertext: ct, key: k, iv: iv, salt: salt, algorithm: C.algo.AES,
          mode: cfg.mode || mode.CBC, padding: cfg.padding || pad.Pkcs7, blockSize: 4, formatter: cfg.format || format.OpenSSL });
      }
      var ct2 = aesRun('encrypt', msg, key, cfg);
      return CipherParams.create({ ciphertext: ct2, key: key, iv: cfg.iv, algorithm: C.algo.AES,
        mode: cfg.mode || mode.CBC, padding: cfg.padding || pad.Pkcs7, blockSize: 4, formatter: cfg.format || format.OpenSSL });
    },
    decrypt: function (ciphertext, key, cfg) {
      cfg = cfg || {};
      var cp = typeof ciphertext === 'string' ? (cfg.format || format.OpenSSL).parse(ciphertext) : ciphertext;
      if (typeof key === 'string') {
        var kdf = C.EvpKDF(key, cp.salt, { keySize: keyWords + 4, hasher: cfg.hasher || algo.MD5 });
        var iv = WordArray.create(kdf.words.slice(keyWords), 16);
        var k = WordArray.create(kdf.words.slice(0, keyWords), keyWords * 4);
        return aesRun('decrypt', cp.ciphertext, k, Object.assign({}, cfg, { iv: iv }));
      }
      return aesRun('decrypt', cp.ciphertext, key, cfg);
    }
  };
}
// Key length follows the key given (crypto-js AES accepts 128/192/256-bit keys); passphrases give 256.
C.AES = {
  encrypt: function (m, key, cfg) {
    return cipherFor(typeof key === 'string' ? 8 : key.sigBytes / 4).encrypt(m, key, cfg);
  },
  decrypt: function (c, key, cfg) {
    return cipherFor(typeof key === 'string' ? 8 : key.sigBytes / 4).decrypt(c, key, cfg);
  }
};
algo.AES = { keySize: 8, ivSize: 4, blockSize: 4 };
C.mode = mode;
C.pad = pad;
C.format = format;
C.lib.CipherParams = CipherParams;
C.kdf = { OpenSSL: { execute: function (password, keySize, ivSize, salt) {
  salt = salt || WordArray.random(8);
  var k = C.EvpKDF(password, salt, { keySize: keySize + ivSize });
  var iv = WordArray.create(k.words.slice(keySize), ivSize * 4);
  k.sigBytes = keySize * 4;
  return CipherParams.create({ key: k, iv: iv, salt: salt });
} } };
module.exports = C;
"""
