"""Wire values as code: Python expressions (built on `pyrepr`) and bash words (built on
`shquote`). Collection text reaches a snippet only through these two functions."""

from __future__ import annotations

from urllib.parse import quote_plus

from generator.render import pyrepr, shquote
from generator.wire import Value, is_literal, literal
from generator.wire.dynamic import python_expr, shell_expr
from generator.wire.values import Part, join, text_value


def py(value: Value) -> str:
    """A Python expression producing the value's text when the snippet runs."""
    if not value:
        return '""'
    pieces = []
    for part in value:
        if part.kind == "text":
            pieces.append(pyrepr(part.text))
        elif part.kind == "env":
            pieces.append(f"os.environ[{pyrepr(part.text)}]")
        else:
            pieces.append(python_expr(part.text))
    return " + ".join(pieces)


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


def sh(value: Value) -> str:
    """One bash word producing the value's text (single quotes for text, "$VAR" for secrets)."""
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
