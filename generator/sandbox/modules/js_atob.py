"""``atob`` / ``btoa`` modules, lenient like the npm packages Postman's sandbox exposes:
btoa keeps the low byte of each character (``Buffer.from(s, 'binary')``), atob skips
characters outside the base64 alphabet."""

ATOB_SOURCE = r"""
var B = require('__pmgen_bytes');
module.exports = function atob(str) { return B.latin1Decode(B.b64Decode(String(str))); };
"""

BTOA_SOURCE = r"""
var B = require('__pmgen_bytes');
module.exports = function btoa(str) { return B.b64Encode(B.latin1Encode(String(str)), false, true); };
"""
