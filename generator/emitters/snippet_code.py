"""Wire values as code: Python expressions (string literals as black writes them) and bash
words (`shquote`, or `$'...'` for control characters). Collection text reaches a snippet
only through these functions.

The Python helpers also lay code out exactly as black does (line length 88, magic
trailing commas, `+` operands one per line when a line is too long), so the Python
styles can skip black: `is_black_stable` says when a rendered file is one whose every
line has a layout these helpers chose (tests compare with black itself).
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

from pmgen.layout import LINE_LENGTH
from pmgen.render import comment, pyrepr, pystr, shquote
from pmgen.wire import FilePart, Value, WireRequest, is_literal, literal, signing
from pmgen.wire.auth import RuntimeAuth
from pmgen.wire.dynamic import python_expr, shell_expr
from pmgen.wire.effects import LOCAL_NAME
from pmgen.wire.request import WireLocal
from pmgen.wire.values import Part, join, text_value


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
        elif part.kind == "local":
            ops.append(_local_name(part.text))
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
        if number == 0 and in_docstring and len(line) > 6 and line.endswith('"""'):
            in_docstring = False  # a one-line docstring
            continue
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
            pieces.append(f'"${{{part.text}?set {part.text}}}"')
        elif part.kind == "local":
            pieces.append(f'"${_local_name(part.text)}"')
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


_SIGNING_NAMES: tuple[str, ...] = (
    "base64",
    "hashlib",
    "hmac",
    "json",
    "re",
    "time",
    "types",
    "typing",
    "urllib.parse",
    "uuid",
)


@functools.cache
def signer_source(kind: str) -> tuple[str, frozenset[str]]:
    """The functions of `pmgen.wire.signing` a snippet inlines for `kind` (its own
    code: one implementation, tested against independent libraries) and their imports.
    """
    text = Path(signing.__file__).read_text("utf-8")
    tree = ast.parse(text)
    nodes: dict[str, ast.stmt] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            nodes[node.name] = node
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            nodes[node.targets[0].id] = node
    pieces = [
        ast.get_source_segment(text, nodes[name]) or "" for name in signing.PARTS[kind]
    ]
    code = "\n\n\n".join(pieces)
    imports = frozenset(
        m for m in _SIGNING_NAMES if re.search(rf"(?<![\w.]){re.escape(m)}[.,)]", code)
    )
    return code, imports


def _literal_text(value: Value | None) -> str | None:
    return literal(value) if value is not None and is_literal(value) else None


def needs_cryptography(auth: RuntimeAuth) -> bool:
    """Whether signing may need `cryptography` (asymmetric algorithms, or a variable's)."""
    if auth.type == "asap":
        return True
    name = {"jwt": "algorithm", "oauth1": "signatureMethod"}.get(auth.type)
    if name is None or name not in auth.params:
        return False
    chosen = _literal_text(auth.params[name])
    if chosen is None:
        return True
    return chosen.upper().startswith(
        ("RSA",) if auth.type == "oauth1" else signing.ASYMMETRIC
    )


def signer_pieces(wire: WireRequest) -> dict[str, Any]:
    """The Python pieces of a request whose auth is signed when it is sent."""
    auth = wire.runtime_auth
    assert auth is not None
    code, imports = signer_source(auth.type)
    params = [
        element(operands(v), 4, lead=f"{pystr(k)}: ") for k, v in auth.params.items()
    ]
    explicit = [pystr(name) for name in wire.explicit_headers]
    one = f"explicit = [{', '.join(explicit)}]"
    explicit_line = (
        one
        if fits(one)
        else ("explicit = [\n" + "\n".join(f"    {n}," for n in explicit) + "\n]")
    )
    return {
        "kind": auth.type,
        "function": f"sign_{'edgegrid' if auth.type == 'akamai' else auth.type}",
        "code": code,
        "params": params,
        "explicit": explicit_line,
        "imports": imports | py_imports(list(auth.params.values())),
        "cryptography": needs_cryptography(auth),
        "auth": auth,
    }


# ---------------------------------------------------------------- script-computed values

_HASHLIB = {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"}


def _local_name(name: str) -> str:
    """A local's variable name (pmgen's own: `pm_...`), checked again before it is code."""
    if not LOCAL_NAME.fullmatch(name):
        raise Unsupported(f"not a snippet variable name: {name!r}")
    return name


def _hash(local: WireLocal) -> str:
    name = local.algorithm.lower().replace("-", "")
    if name not in _HASHLIB:
        raise Unsupported(f"HMAC with {local.algorithm!r} is not computed by snippets")
    return name


# The time as the scripts read it, in each form a script writes it, all from one reading of
# the clock (`pm_now_ms`; `pm_now_tm`: its UTC calendar fields). Python lines fit black's
# line length as they are (the snippet stays black-stable); bash words.
_PY_TIME = {
    "now_s": "pm_now_ms[:-3]",
    "now_iso": 'time.strftime("%Y-%m-%dT%H:%M:%S.", pm_now_tm) + pm_now_ms[-3:] + "Z"',
    "now_iso_s": 'time.strftime("%Y-%m-%dT%H:%M:%S.000Z", pm_now_tm)',
    "now_http": 'time.strftime("%a, %d %b %Y %H:%M:%S GMT", pm_now_tm)',
}
_SH_AT = '-d "@${pm_now_ms:0:-3}" '
_SH_TIME = {
    "now_s": '"${pm_now_ms:0:-3}"',
    "now_iso": f'"$(date -u {_SH_AT}+%Y-%m-%dT%H:%M:%S).${{pm_now_ms: -3}}Z"',
    "now_iso_s": f'"$(date -u {_SH_AT}+%Y-%m-%dT%H:%M:%S.000Z)"',
    "now_http": f"\"$(LC_ALL=C date -u {_SH_AT}'+%a, %d %b %Y %H:%M:%S GMT')\"",
}
_HMAC_OUT = {
    "hex": "signature.hexdigest()",
    "HEX": "signature.hexdigest().upper()",
    "base64": "base64.b64encode(signature.digest()).decode()",
}


def python_locals(locals_: Sequence[WireLocal]) -> tuple[list[str], set[str]]:
    """The lines that compute the scripts' values (before the request), and their imports."""
    lines: list[str] = []
    imports: set[str] = set()
    kinds = {local.kind for local in locals_}
    if kinds & {"now_ms", *_PY_TIME}:
        lines.append("pm_now_ms = str(int(time.time() * 1000))")
        imports.add("time")
    if kinds & {"now_iso", "now_iso_s", "now_http"}:
        lines.append("pm_now_tm = time.gmtime(int(pm_now_ms) // 1000)")
    if "date" in kinds:
        lines.append("pm_date = datetime.date.fromtimestamp(time.time())")
        imports |= {"datetime", "time"}
    for local in locals_:
        name = _local_name(local.name)
        if local.kind == "now_ms":
            continue  # the first line
        if local.kind in _PY_TIME:
            lines.append(f"{name} = {_PY_TIME[local.kind]}")
        elif local.kind == "date":
            days = int(local.offset)
            lines.append(
                f"{name} = (pm_date + datetime.timedelta(days={days})).isoformat()"
                if days
                else f"{name} = pm_date.isoformat()"
            )
        elif local.kind == "hmac":
            digest = _hash(local)
            lines += [
                *assign("key", operands(local.key)).split("\n"),
                *assign("message", operands(local.message)).split("\n"),
                f"signature = hmac.new(key.encode(), message.encode(), hashlib.{digest})",
                f"{name} = {_HMAC_OUT.get(local.encoding, _HMAC_OUT['hex'])}",
            ]
            imports |= {"hmac", "hashlib"} | py_imports([local.key, local.message])
            if local.encoding == "base64":
                imports.add("base64")
        else:
            raise Unsupported(f"no code for a script value of kind {local.kind!r}")
    return lines, imports


def shell_locals(locals_: Sequence[WireLocal]) -> list[str]:
    """The bash lines that compute the scripts' values (date, openssl)."""
    lines: list[str] = []
    if {local.kind for local in locals_} & {"now_ms", *_SH_TIME}:
        lines.append('pm_now_ms="$(date +%s%3N)"')
    for local in locals_:
        name = _local_name(local.name)
        if local.kind == "now_ms":
            continue  # the first line
        if local.kind in _SH_TIME:
            lines.append(f"{name}={_SH_TIME[local.kind]}")
        elif local.kind == "date":
            days = int(local.offset)
            at = f'-d "@$(( $(date +%s) + {days} * 86400 ))" ' if days else ""
            lines.append(f'{name}="$(date {at}+%Y-%m-%d)"')
        elif local.kind == "hmac":
            digest = _hash(local)
            head = (
                f"printf '%s' {sh(local.message)} | openssl dgst -{digest} -mac HMAC "
                f"-macopt key:{sh(local.key)}"
            )
            if local.encoding == "base64":
                tail = " -binary | openssl base64 -A"
            elif local.encoding == "HEX":
                tail = " -r | cut -d' ' -f1 | tr a-f A-F"
            else:
                tail = " -r | cut -d' ' -f1"
            lines.append(f'{name}="$({head}{tail})"')
        else:
            raise Unsupported(f"no code for a script value of kind {local.kind!r}")
    return lines


def locals_comment(locals_: Sequence[WireLocal]) -> str:
    """One comment line saying what the scripts' values are (no collection text)."""
    whys = []
    for local in locals_:
        if local.why and local.why not in whys:
            whys.append(local.why)
    prefix = "# Computed when this runs, as the pre-request script does: "
    return prefix + ", ".join(whys)
