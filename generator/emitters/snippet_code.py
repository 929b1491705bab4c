"""Wire values as code: Python expressions (string literals as black writes them) and bash
words (`shquote`, or `$'...'` for control characters). Collection text reaches a snippet
only through these functions.

The Python helpers also lay code out exactly as black does (line length 88, magic
trailing commas, `+` operands one per line when a line is too long), so the Python
styles can skip black: `is_black_stable` says when a rendered file is one whose every
line has a layout these helpers chose (tests compare with black itself).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote_plus

from generator.formatting import LINE_LENGTH
from generator.render import comment, pyrepr, pystr, shquote
from generator.wire import FilePart, Value, WireRequest, is_literal, literal
from generator.wire.dynamic import python_expr, shell_expr
from generator.wire.values import Part, join, text_value


class Unsupported(Exception):
    """A style cannot express this request; `str()` says why (goes to index.json notes)."""


# ---------------------------------------------------------------- Python


def operands(value: Value) -> list[str]:
    """The `+` operands of the Python expression producing the value's text."""
    if not value:
        return ['""']
    ops: list[str] = []
    for part in value:
        if part.kind == "text":
            ops.append(pystr(part.text))
        elif part.kind == "env":
            ops.append(f"os.environ[{pystr(part.text)}]")
        else:
            ops += _top_level_operands(python_expr(part.text))
    return ops


def py(value: Value) -> str:
    """A Python expression producing the value's text when the snippet runs."""
    return " + ".join(operands(value))


def _top_level_operands(expr: str) -> list[str]:
    """Split a (trusted, generator-written) expression at its top-level ` + `."""
    ops: list[str] = []
    depth, start, quote, i = 0, 0, "", 0
    while i < len(expr):
        ch = expr[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and expr.startswith(" + ", i):
            ops.append(expr[start:i])
            start = i + 3
            i += 2
        i += 1
    ops.append(expr[start:])
    return ops


def py_imports(values: list[Value]) -> set[str]:
    mods: set[str] = set()
    for value in values:
        for part in value:
            if part.kind == "env":
                mods.add("os")
            elif part.kind == "dynamic":
                expr = python_expr(part.text)
                mods |= {
                    m
                    for m in ("uuid", "time", "datetime", "random", "string")
                    if f"{m}." in expr
                }
    return mods


def width(line: str) -> int:
    """The width black measures (east-asian wide characters count two)."""
    if line.isascii():
        return len(line)
    from black.strings import str_width  # noqa: PLC0415  (only for non-ASCII lines)

    return int(str_width(line))


def fits(line: str) -> bool:
    return width(line) <= LINE_LENGTH


def assign(name: str, ops: list[str], indent: int = 0) -> str:
    """`name = a + b + ...` as black lays it out (parentheses when too long)."""
    pad = " " * indent
    one = f"{pad}{name} = {' + '.join(ops)}"
    if fits(one):
        return one
    if len(ops) <= 2 and ops[-1].endswith(")"):
        # black may split inside the trailing call instead: left long, it is not
        # marked black-stable (black formats it)
        return one
    inner = f"{pad}    {' + '.join(ops)}"
    if fits(inner):
        return f"{pad}{name} = (\n{inner}\n{pad})"
    if len(ops) == 1:  # an atom too long even alone: black leaves the line
        return one
    lines = [f"{pad}    {ops[0]}", *(f"{pad}    + {op}" for op in ops[1:])]
    return f"{pad}{name} = (\n" + "\n".join(lines) + f"\n{pad})"


def element(ops: list[str], indent: int, lead: str = "") -> str:
    """One element of an exploded bracket (`lead` e.g. `"key": `), trailing comma included."""
    pad = " " * indent
    one = f"{pad}{lead}{' + '.join(ops)},"
    if len(ops) == 1 or fits(one):
        return one
    lines = [f"{pad}{lead}{ops[0]}", *(f"{pad}+ {op}" for op in ops[1:])]
    return "\n".join(lines) + ","


# A tuple's item: its `+` operands, or a nested tuple of items.
Item = list[str] | tuple[Any, ...]


def _one_line(item: Item) -> str:
    if isinstance(item, tuple):
        return "(" + ", ".join(_one_line(i) for i in item) + ")"
    return " + ".join(item)


def tuple_element(items: Sequence[Item], indent: int) -> str:
    """A tuple as an element of an exploded bracket: on one line when it fits, else one
    item per line with a magic trailing comma (nested tuples likewise)."""
    pad = " " * indent
    one = f"{pad}{_one_line(tuple(items))},"
    if fits(one):
        return one
    inner = "\n".join(
        (
            tuple_element(item, indent + 4)
            if isinstance(item, tuple)
            else element(item, indent + 4)
        )
        for item in items
    )
    return f"{pad}(\n{inner}\n{pad}),"


_STRING = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
# Lines black leaves long: one string literal alone (after `name = `, `"key": ` or `+ `).
_LONG_OK = re.compile(rf" *(?:[A-Za-z_][A-Za-z_0-9]* = |{_STRING}: |\+ )?{_STRING},?")


def is_black_stable(text: str) -> bool:
    """Whether a file rendered by the black-stable templates is black's layout: true when
    every code line fits or is a string literal black cannot split. Docstring and
    comment lines are exempt (black never wraps them)."""
    lines = text.split("\n")
    if text.isascii() and max(map(len, lines)) <= LINE_LENGTH:
        return True  # nearly every snippet: no line to look at
    in_docstring = text.startswith('"""')
    for number, line in enumerate(lines):
        if in_docstring:
            if number and line == '"""':
                in_docstring = False
            continue
        if (len(line) <= LINE_LENGTH and line.isascii()) or fits(line):
            continue
        if line.lstrip().startswith("#"):
            continue
        if not _LONG_OK.fullmatch(line):
            return False
    return True


# ---------------------------------------------------------------- shell


def sh(value: Value) -> str:
    """One bash word producing the value's text (quoted text, "$VAR" for secrets)."""
    if not value:
        return "''"
    pieces = []
    for part in value:
        if part.kind == "text":
            pieces.append(shquote(part.text))
        elif part.kind == "env":
            pieces.append(f'"${{{part.text}:?set {part.text}}}"')
        else:
            pieces.append(f'"{shell_expr(part.text)}"')
    return "".join(pieces)


def form_encode(value: Value) -> Value:
    """`application/x-www-form-urlencoded` encoding of the text parts (run-time parts as is)."""
    return tuple(
        Part("text", quote_plus(p.text, safe="")) if p.kind == "text" else p
        for p in value
    )


def urlencoded_body(fields: list[tuple[str, Value]]) -> Value:
    pieces: list[Value] = []
    for i, (key, val) in enumerate(fields):
        if i:
            pieces.append(text_value("&"))
        pieces += [text_value(quote_plus(key, safe="") + "="), form_encode(val)]
    return join(pieces)


def literal_or_none(value: Value) -> str | None:
    return literal(value) if is_literal(value) else None


# ---------------------------------------------------------------- Python pieces


def docline(text: str) -> str:
    """One docstring line as black leaves it: whitespace collapsed, no `\"\"\"`, backslashes
    doubled; a leading quote gets the space black would add."""
    line = comment(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return " " + line if line.startswith('"') else line


def comment_line(text: str) -> str:
    """A comment line: `text` starts with the `#` prefix the template wants; the rest is
    made one line (black strips trailing whitespace)."""
    prefix = text[: len(text) - len(text.lstrip("# "))]
    return (prefix + comment(text[len(prefix) :])).rstrip()


def python_pieces(wire: WireRequest) -> dict[str, Any]:
    """The request as black-laid-out Python lines for the Python snippet templates."""
    headers = [(pystr(n), operands(v)) for n, v in wire.headers]
    pieces: dict[str, Any] = {
        "url": assign("url", operands(wire.url)),
        "method": pystr(wire.method),
        "header_tuples": [tuple_element([[n], ops], 4) for n, ops in headers],
        "header_items": [element(ops, 4, lead=f"{n}: ") for n, ops in headers],
        "timeout": pyrepr(wire.timeout),
        "body_text": "",
        "files": [],
        "fields": [],
    }
    body = wire.body
    if body is not None and body.mode in ("raw", "urlencoded"):
        text = body.raw if body.mode == "raw" else urlencoded_body(body.fields)
        pieces["body_text"] = assign("body_text", operands(text))
    elif body is not None and body.mode == "file":
        pieces["file_src"] = pystr(body.file_src or "")
    elif body is not None and body.mode == "formdata":
        for part in body.parts:
            name = [pystr(part.name)]
            if isinstance(part, FilePart):
                src, ctype = pystr(part.src), pystr(part.content_type)
                upload = ([pystr(part.filename)], [f'open({src}, "rb")'], [ctype])
                pieces["files"].append(tuple_element([name, upload], 4))
                pieces["fields"].append(
                    tuple_element([name, [pystr(part.filename)], [ctype], [src]], 4)
                )
                continue
            ops = operands(part.value)
            ctype_ops = [pystr(part.content_type)] if part.content_type else []
            text_item = (["None"], ops, ctype_ops) if ctype_ops else (["None"], ops)
            pieces["files"].append(tuple_element([name, text_item], 4))
            pieces["fields"].append(
                tuple_element([name, ["None"], ctype_ops or ["None"], ops], 4)
            )
    return pieces


OAUTH1_IMPORTS = {"base64", "hashlib", "hmac", "random", "string", "time"}
_OAUTH1_METHODS = {"HMAC-SHA1", "HMAC-SHA256", "PLAINTEXT"}


def oauth1_pieces(wire: WireRequest) -> dict[str, Any]:
    """Constants of the inline OAuth 1.0 signer (`_python_body.jinja`), or `Unsupported`
    for what it does not sign: RSA methods, parameters in the query/body, body hashes.
    """
    auth = wire.runtime_auth
    assert auth is not None and auth.type == "oauth1"
    params = auth.params

    def flag(name: str, default: bool) -> bool:
        value = params.get(name)
        if not value or not is_literal(value):
            return default
        return literal(value).strip().lower() == "true"

    method_value = params.get("signatureMethod") or text_value("HMAC-SHA1")
    method = literal(method_value) if is_literal(method_value) else ""
    if method not in _OAUTH1_METHODS:
        raise Unsupported(f"oauth1 signature method {method!r} is not signed inline")
    if not flag("addParamsToHeader", False) or flag("includeBodyHash", False):
        raise Unsupported(
            "oauth1 with parameters in the query or body, or a body hash, is not signed inline"
        )
    names = {
        "consumer_key": "consumerKey",
        "consumer_secret": "consumerSecret",
        "token": "token",
        "token_secret": "tokenSecret",
        "signature_method": "signatureMethod",
        "timestamp": "timestamp",
        "nonce": "nonce",
        "version": "version",
        "realm": "realm",
        "callback": "callback",
        "verifier": "verifier",
    }
    defaults = {
        "signatureMethod": text_value("HMAC-SHA1"),
        "version": text_value("1.0"),
    }
    constants = [
        assign(f"oauth1_{var}", operands(params.get(key) or defaults.get(key, ())))
        for var, key in names.items()
    ]
    constants.append(f"oauth1_sign_empty = {flag('addEmptyParamsToSign', False)!r}")
    form = []
    if wire.body is not None and wire.body.mode == "urlencoded":
        form = [
            tuple_element([[pystr(k)], operands(v)], 4) for k, v in wire.body.fields
        ]
    imports = OAUTH1_IMPORTS | py_imports(list(params.values()))
    return {"constants": constants, "form": form, "imports": imports}
