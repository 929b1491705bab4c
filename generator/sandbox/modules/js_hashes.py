"""Internal module ``__pmgen_hashes``: MD5, SHA-1, SHA-224/256, SHA-384/512 and HMAC in plain
JavaScript. Used only when the Python natives cannot be called (quickjs-ng refuses every call
into Python while the context has a time limit set), so the shims work in either setup.
"""

SOURCE = r"""
'use strict';
function rotl(x, n) { return (x << n) | (x >>> (32 - n)); }
function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
function hex32(words, le) {
  var out = '';
  for (var i = 0; i < words.length; i++) {
    var w = words[i];
    if (le) w = ((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24);
    out += ('00000000' + (w >>> 0).toString(16)).slice(-8);
  }
  return out;
}
// Message padding: 64-byte blocks (bits = 64) or 128-byte blocks (bits = 128 length field).
function pad(u8, block, lenBytes, le) {
  var n = u8.length, total = Math.ceil((n + 1 + lenBytes) / block) * block, out = new Uint8Array(total);
  out.set(u8); out[n] = 0x80;
  var bitsHi = Math.floor(n / 0x20000000), bitsLo = (n * 8) >>> 0;
  if (le) { for (var i = 0; i < 4; i++) { out[total - 8 + i] = (bitsLo >>> (8 * i)) & 0xff; out[total - 4 + i] = (bitsHi >>> (8 * i)) & 0xff; } }
  else { for (var j = 0; j < 4; j++) { out[total - 1 - j] = (bitsLo >>> (8 * j)) & 0xff; out[total - 5 - j] = (bitsHi >>> (8 * j)) & 0xff; } }
  return out;
}
function wordsBE(u8, off, n) { var w = new Array(n); for (var i = 0; i < n; i++) { var p = off + i * 4; w[i] = (u8[p] << 24) | (u8[p + 1] << 16) | (u8[p + 2] << 8) | u8[p + 3]; } return w; }

var K256 = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
  0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70,
  0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
// Rotations inlined: function calls dominate the cost in an interpreter.
var W256 = new Int32Array(64);
function sha256(u8, is224) {
  var H = is224 ? [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4]
                : [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  var m = pad(u8, 64, 8, false), W = W256, K = K256;
  var h0 = H[0] | 0, h1 = H[1] | 0, h2 = H[2] | 0, h3 = H[3] | 0, h4 = H[4] | 0, h5 = H[5] | 0, h6 = H[6] | 0, h7 = H[7] | 0;
  for (var off = 0; off < m.length; off += 64) {
    var t, x, y;
    for (t = 0; t < 16; t++) { var p = off + t * 4; W[t] = (m[p] << 24) | (m[p + 1] << 16) | (m[p + 2] << 8) | m[p + 3]; }
    for (t = 16; t < 64; t++) {
      x = W[t - 15]; y = W[t - 2];
      W[t] = ((((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + W[t - 7] +
              (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + W[t - 16]) | 0;
    }
    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (var i = 0; i < 64; i++) {
      var t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
      var t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  var out = [h0, h1, h2, h3, h4, h5, h6, h7];
  return hex32(is224 ? out.slice(0, 7) : out);
}
function sha1(u8) {
  var H = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0], m = pad(u8, 64, 8, false), W = new Array(80);
  for (var off = 0; off < m.length; off += 64) {
    var w = wordsBE(m, off, 16);
    for (var t = 0; t < 80; t++) W[t] = t < 16 ? w[t] : rotl(W[t - 3] ^ W[t - 8] ^ W[t - 14] ^ W[t - 16], 1);
    var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4];
    for (var i = 0; i < 80; i++) {
      var f, k;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
      else { f = b ^ c ^ d; k = 0xca62c1d6; }
      var tmp = (rotl(a, 5) + f + e + k + W[i]) | 0;
      e = d; d = c; c = rotl(b, 30); b = a; a = tmp;
    }
    H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0; H[4] = (H[4] + e) | 0;
  }
  return hex32(H);
}
var S5 = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21], K5 = [];
for (var q = 0; q < 64; q++) K5[q] = (Math.floor(Math.abs(Math.sin(q + 1)) * 0x100000000)) | 0;
function md5(u8) {
  var H = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476], m = pad(u8, 64, 8, true);
  for (var off = 0; off < m.length; off += 64) {
    var X = new Array(16);
    for (var j = 0; j < 16; j++) { var p = off + j * 4; X[j] = m[p] | (m[p + 1] << 8) | (m[p + 2] << 16) | (m[p + 3] << 24); }
    var a = H[0], b = H[1], c = H[2], d = H[3];
    for (var i = 0; i < 64; i++) {
      var f, g, r = i >> 4;
      if (r === 0) { f = (b & c) | (~b & d); g = i; }
      else if (r === 1) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
      else if (r === 2) { f = b ^ c ^ d; g = (3 * i + 5) % 16; }
      else { f = c ^ (b | ~d); g = (7 * i) % 16; }
      var tmp = d; d = c; c = b;
      b = (b + rotl((a + f + K5[i] + X[g]) | 0, S5[r * 4 + (i % 4)])) | 0;
      a = tmp;
    }
    H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
  }
  return hex32(H, true);
}
var K512 = null;
function sha512(u8, is384) {
  var M = (1n << 64n) - 1n;
  if (!K512) K512 = ['428a2f98d728ae22', '7137449123ef65cd', 'b5c0fbcfec4d3b2f', 'e9b5dba58189dbbc', '3956c25bf348b538', '59f111f1b605d019',
    '923f82a4af194f9b', 'ab1c5ed5da6d8118', 'd807aa98a3030242', '12835b0145706fbe', '243185be4ee4b28c', '550c7dc3d5ffb4e2', '72be5d74f27b896f',
    '80deb1fe3b1696b1', '9bdc06a725c71235', 'c19bf174cf692694', 'e49b69c19ef14ad2', 'efbe4786384f25e3', '0fc19dc68b8cd5b5', '240ca1cc77ac9c65',
    '2de92c6f592b0275', '4a7484aa6ea6e483', '5cb0a9dcbd41fbd4', '76f988da831153b5', '983e5152ee66dfab', 'a831c66d2db43210', 'b00327c898fb213f',
    'bf597fc7beef0ee4', 'c6e00bf33da88fc2', 'd5a79147930aa725', '06ca6351e003826f', '142929670a0e6e70', '27b70a8546d22ffc', '2e1b21385c26c926',
    '4d2c6dfc5ac42aed', '53380d139d95b3df', '650a73548baf63de', '766a0abb3c77b2a8', '81c2c92e47edaee6', '92722c851482353b', 'a2bfe8a14cf10364',
    'a81a664bbc423001', 'c24b8b70d0f89791', 'c76c51a30654be30', 'd192e819d6ef5218', 'd69906245565a910', 'f40e35855771202a', '106aa07032bbd1b8',
    '19a4c116b8d2d0c8', '1e376c085141ab53', '2748774cdf8eeb99', '34b0bcb5e19b48a8', '391c0cb3c5c95a63', '4ed8aa4ae3418acb', '5b9cca4f7763e373',
    '682e6ff3d6b2b8a3', '748f82ee5defb2fc', '78a5636f43172f60', '84c87814a1f0ab72', '8cc702081a6439ec', '90befffa23631e28', 'a4506cebde82bde9',
    'bef9a3f7b2c67915', 'c67178f2e372532b', 'ca273eceea26619c', 'd186b8c721c0c207', 'eada7dd6cde0eb1e', 'f57d4f7fee6ed178', '06f067aa72176fba',
    '0a637dc5a2c898a6', '113f9804bef90dae', '1b710b35131c471b', '28db77f523047d84', '32caab7b40c72493', '3c9ebe0a15c9bebc', '431d67c49c100d4c',
    '4cc5d4becb3e42b6', '597f299cfc657e2a', '5fcb6fab3ad6faec', '6c44198c4a475817'].map(function (x) { return BigInt('0x' + x); });
  function rot(x, n) { return ((x >> n) | (x << (64n - n))) & M; }
  var H = (is384 ? ['cbbb9d5dc1059ed8', '629a292a367cd507', '9159015a3070dd17', '152fecd8f70e5939', '67332667ffc00b31', '8eb44a8768581511', 'db0c2e0d64f98fa7', '47b5481dbefa4fa4']
                 : ['6a09e667f3bcc908', 'bb67ae8584caa73b', '3c6ef372fe94f82b', 'a54ff53a5f1d36f1', '510e527fade682d1', '9b05688c2b3e6c1f', '1f83d9abfb41bd6b', '5be0cd19137e2179'])
    .map(function (x) { return BigInt('0x' + x); });
  var m = pad(u8, 128, 16, false), W = new Array(80);
  for (var off = 0; off < m.length; off += 128) {
    for (var t = 0; t < 80; t++) {
      if (t < 16) { var v = 0n; for (var b8 = 0; b8 < 8; b8++) v = (v << 8n) | BigInt(m[off + t * 8 + b8]); W[t] = v; }
      else {
        var x = W[t - 15], y = W[t - 2];
        W[t] = ((rot(x, 1n) ^ rot(x, 8n) ^ (x >> 7n)) + W[t - 7] + (rot(y, 19n) ^ rot(y, 61n) ^ (y >> 6n)) + W[t - 16]) & M;
      }
    }
    var a = H[0], bb = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
    for (var i = 0; i < 80; i++) {
      var t1 = (h + (rot(e, 14n) ^ rot(e, 18n) ^ rot(e, 41n)) + ((e & f) ^ (~e & M & g)) + K512[i] + W[i]) & M;
      var t2 = ((rot(a, 28n) ^ rot(a, 34n) ^ rot(a, 39n)) + ((a & bb) ^ (a & c) ^ (bb & c))) & M;
      h = g; g = f; f = e; e = (d + t1) & M; d = c; c = bb; bb = a; a = (t1 + t2) & M;
    }
    H[0] = (H[0] + a) & M; H[1] = (H[1] + bb) & M; H[2] = (H[2] + c) & M; H[3] = (H[3] + d) & M;
    H[4] = (H[4] + e) & M; H[5] = (H[5] + f) & M; H[6] = (H[6] + g) & M; H[7] = (H[7] + h) & M;
  }
  return (is384 ? H.slice(0, 6) : H).map(function (x) { return x.toString(16).padStart(16, '0'); }).join('');
}

// Keccak-f[1600] sponge over BigInt lanes. pad 0x06 is FIPS 202 SHA-3; 0x01 is the original
// Keccak that crypto-js calls SHA3.
var KRC = null, KROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];
function keccak(u8, outBits, padByte) {
  var M = (1n << 64n) - 1n;
  if (!KRC) KRC = ['0000000000000001', '0000000000008082', '800000000000808a', '8000000080008000', '000000000000808b', '0000000080000001',
    '8000000080008081', '8000000000008009', '000000000000008a', '0000000000000088', '0000000080008009', '000000008000000a',
    '000000008000808b', '800000000000008b', '8000000000008089', '8000000000008003', '8000000000008002', '8000000000000080',
    '000000000000800a', '800000008000000a', '8000000080008081', '8000000000008080', '0000000080000001', '8000000080008008'].map(function (x) { return BigInt('0x' + x); });
  function rot(x, n) { n = BigInt(n); return n === 0n ? x : ((x << n) | (x >> (64n - n))) & M; }
  var rate = 200 - 2 * (outBits / 8), A = new Array(25).fill(0n);
  var len = u8.length, padded = new Uint8Array((Math.floor(len / rate) + 1) * rate);
  padded.set(u8); padded[len] ^= padByte; padded[padded.length - 1] ^= 0x80;
  function permute() {
    var C = new Array(5), D, B = new Array(25);
    for (var r = 0; r < 24; r++) {
      for (var x = 0; x < 5; x++) C[x] = A[x] ^ A[x + 5] ^ A[x + 10] ^ A[x + 15] ^ A[x + 20];
      for (x = 0; x < 5; x++) { D = C[(x + 4) % 5] ^ rot(C[(x + 1) % 5], 1); for (var y = 0; y < 25; y += 5) A[y + x] ^= D; }
      for (x = 0; x < 5; x++) for (var yy = 0; yy < 5; yy++) B[yy + 5 * ((2 * x + 3 * yy) % 5)] = rot(A[x + 5 * yy], KROT[x + 5 * yy]);
      for (x = 0; x < 5; x++) for (var y2 = 0; y2 < 25; y2 += 5) A[y2 + x] = B[y2 + x] ^ (~B[y2 + (x + 1) % 5] & M & B[y2 + (x + 2) % 5]);
      A[0] ^= KRC[r];
    }
  }
  for (var off = 0; off < padded.length; off += rate) {
    for (var i = 0; i < rate / 8; i++) {
      var v = 0n;
      for (var b = 7; b >= 0; b--) v = (v << 8n) | BigInt(padded[off + i * 8 + b]);
      A[i] ^= v;
    }
    permute();
  }
  var out = '', need = outBits / 8;
  for (var j = 0; out.length < need * 2; j++) {
    var lane = A[j];
    for (var k = 0; k < 8 && out.length < need * 2; k++) out += ('0' + Number((lane >> BigInt(8 * k)) & 0xffn).toString(16)).slice(-2);
  }
  return out;
}
var FNS = { md5: md5, sha1: sha1, sha224: function (u) { return sha256(u, true); }, sha256: function (u) { return sha256(u, false); },
            sha384: function (u) { return sha512(u, true); }, sha512: function (u) { return sha512(u, false); } };
var BLOCK = { md5: 64, sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };
function digest(alg, u8) {
  var f = FNS[alg];
  if (!f) throw new Error('unsupported hash algorithm ' + alg + ' without the native helpers');
  return f(u8);
}
function hexToU8(h) { var o = new Uint8Array(h.length >> 1); for (var i = 0; i < o.length; i++) o[i] = parseInt(h.substr(2 * i, 2), 16); return o; }
function hmac(alg, key, data) {
  var bs = BLOCK[alg];
  if (!bs) throw new Error('unsupported hash algorithm ' + alg + ' without the native helpers');
  if (key.length > bs) key = hexToU8(digest(alg, key));
  var ipad = new Uint8Array(bs + data.length), opad = new Uint8Array(bs + (alg === 'sha384' ? 48 : alg === 'sha512' ? 64 : alg === 'sha224' ? 28 : alg === 'sha1' ? 20 : alg === 'md5' ? 16 : 32));
  for (var i = 0; i < bs; i++) { var k = i < key.length ? key[i] : 0; ipad[i] = k ^ 0x36; opad[i] = k ^ 0x5c; }
  ipad.set(data, bs);
  opad.set(hexToU8(digest(alg, ipad)), bs);
  return digest(alg, opad);
}
module.exports = { digest: digest, hmac: hmac, keccak: keccak };
"""
