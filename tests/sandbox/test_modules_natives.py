"""The Python natives: the contract (names, scalar-only arguments, string results, errors as
'!message' rather than exceptions) and what they must not do (read files, expand entities).
"""

from __future__ import annotations

import hashlib
import inspect
from types import SimpleNamespace

import pytest

from pmgen.sandbox.modules import globals_source, module_sources, native_functions
from pmgen.sandbox.modules import natives

from .modhost import ModHost


def test_contract_shapes() -> None:
    fns = native_functions()
    assert fns and all(name.startswith("__native_") for name in fns)
    sources = module_sources()
    for name in [
        "crypto-js",
        "moment",
        "lodash",
        "uuid",
        "xml2js",
        "url",
        "jsrsasign",
        "buffer",
        "atob",
        "btoa",
        "querystring",
    ]:
        assert isinstance(sources.get(name), str) and sources[name].strip(), name
    assert "CryptoJS" in globals_source()


def test_every_native_returns_text_and_never_raises() -> None:
    for name, fn in native_functions().items():
        n = (
            len(inspect.signature(fn).parameters)
            if not hasattr(fn, "__wrapped__")
            else len(inspect.signature(fn.__wrapped__).parameters)
        )
        for args in [("x",) * n, (None,) * n, (1,) * n, ("",) * n]:
            out = fn(*args)
            assert isinstance(out, str), (name, args)
        assert fn(*([object()] * max(n, 1))).startswith("!"), name


def test_natives_do_not_read_paths() -> None:
    fns = native_functions()
    out = fns["__native_pem_info"]("/etc/hostname", None)
    assert out.startswith("!") and "hostname" not in out.lower().replace(
        "/etc/hostname", ""
    )
    out = fns["__native_xml_parse"](
        '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'
    )
    assert out.startswith("!") and "DOCTYPE" in out
    out = fns["__native_xml_parse"](
        '<?xml version="1.0"?><!DOCTYPE a SYSTEM "http://127.0.0.1:9/x.dtd"><a/>'
    )
    assert out.startswith("!") and "DOCTYPE" in out
    # A hash helper hashes the text it is given, not a file of that name.
    assert (
        fns["__native_digest"]("sha256", "/etc/passwd", "utf8")
        == hashlib.sha256(b"/etc/passwd").hexdigest()
    )


def test_limits() -> None:
    fns = native_functions()
    assert fns["__native_random_hex"](natives.MAX_RANDOM_BYTES + 1).startswith("!")
    assert fns["__native_pbkdf2"](
        "sha256", "00", "00", natives.MAX_PBKDF2_ITERATIONS + 1, 16
    ).startswith("!")
    deep = "<a>" * (natives.MAX_XML_DEPTH + 5) + "</a>" * (natives.MAX_XML_DEPTH + 5)
    assert "nested deeper" in fns["__native_xml_parse"](deep)
    with pytest.raises(natives.NativeError, match="larger than"):
        natives._check_size(SimpleNamespace(key_size=natives.MAX_RSA_BITS + 1))


def test_script_cannot_reach_python_through_natives() -> None:
    host = ModHost()
    # Objects arrive in Python as proxies; the natives refuse them before touching them.
    assert host.eval(
        "__native_xml_parse({ toString: function () { return '<a/>'; } })"
    ).startswith("!")
    assert host.eval("typeof __native_digest.__class__") == "undefined"
    assert (
        host.eval("Object.getOwnPropertyNames(__native_digest).indexOf('__globals__')")
        == -1
    )
    # No shim offers Node's fs, net or child_process.
    assert "Cannot find module" in host.eval(
        "try { require('fs'); '' } catch (e) { e.message }"
    )
