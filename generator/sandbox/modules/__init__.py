"""JavaScript shims of the libraries Postman's sandbox offers scripts, written for pmgen.

Contract with the sandbox core (``generator/sandbox``):

- :func:`module_sources` maps a ``require`` name to the BODY of
  ``function (module, exports, require) { ... }``; the core wraps, runs once per fresh global
  scope and caches ``module.exports``. ``__pmgen_bytes`` and ``__pmgen_hashes`` are internal helper
  modules the others require.
- :func:`native_functions` are Python helpers to register with ``add_callable`` before any
  JavaScript runs (hashing, HMAC, random bytes, AES, RSA/EC signing, XML parsing).
- :func:`globals_source` defines the globals Postman's sandbox offers (``CryptoJS``, ``_``,
  ``atob``, ``btoa``, ``xml2Json``, ``crypto``, ``TextEncoder``, ``TextDecoder``, ``Buffer``,
  ``URL``, ``URLSearchParams``); run it once per fresh global scope after natives and
  ``require`` exist.

This package is copied verbatim into generated clients: relative imports only, stdlib plus
``quickjs`` (PyPI ``quickjs-ng``); ``cryptography`` is imported lazily for AES and RSA/EC.
"""

from __future__ import annotations

from . import (
    js_atob,
    js_buffer,
    js_bytes,
    js_cryptojs,
    js_globals,
    js_hashes,
    js_jsrsasign,
    js_lodash,
    js_moment,
    js_querystring,
    js_url,
    js_uuid,
    js_xml2js,
)
from .natives import Native
from .natives import native_functions as _natives

__all__ = ["globals_source", "module_sources", "native_functions"]


def module_sources() -> dict[str, str]:
    return {
        "__pmgen_bytes": js_bytes.SOURCE,
        "__pmgen_hashes": js_hashes.SOURCE,
        "crypto-js": js_cryptojs.SOURCE,
        "moment": js_moment.SOURCE,
        "lodash": js_lodash.SOURCE,
        "uuid": js_uuid.SOURCE,
        "xml2js": js_xml2js.SOURCE,
        "url": js_url.SOURCE,
        "querystring": js_querystring.SOURCE,
        "jsrsasign": js_jsrsasign.SOURCE,
        "buffer": js_buffer.SOURCE,
        "atob": js_atob.ATOB_SOURCE,
        "btoa": js_atob.BTOA_SOURCE,
    }


def native_functions() -> dict[str, Native]:
    return _natives()


def globals_source() -> str:
    return js_globals.SOURCE
