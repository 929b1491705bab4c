"""The one Jinja environment and the filters that make collection text safe to emit.

Every value from a collection reaches generated Python through `pyrepr`, docstrings
through `docstring`, comments through `comment`, shell words through `shquote`.
Templates never write `"{{ value }}"` by hand (a test greps for it).
"""

from __future__ import annotations

import json
import math
import re
import shlex
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

PACKAGE_DIR = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """`generator/templates` in an installed wheel, `templates/` in a checkout."""
    for candidate in (PACKAGE_DIR / "templates", PACKAGE_DIR.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("pmgen's templates are missing (broken install?)")


_PY_SCALARS = (str, int, float, bool, type(None))


def pyrepr(value: Any) -> str:
    """A Python literal for plain data; refuses anything else (so no object can inject code)."""
    if isinstance(value, _PY_SCALARS):
        if isinstance(value, float) and math.isnan(value):  # NaN has no literal
            return 'float("nan")'
        if isinstance(value, float) and value in (float("inf"), float("-inf")):
            return f'float("{value}")'
        return repr(value)
    if isinstance(value, (list, tuple)):
        inner = ", ".join(pyrepr(v) for v in value)
        if isinstance(value, tuple):
            return f"({inner},)" if len(value) == 1 else f"({inner})"
        return f"[{inner}]"
    if isinstance(value, Mapping):
        items = ", ".join(f"{pyrepr(k)}: {pyrepr(v)}" for k, v in value.items())
        return "{" + items + "}"
    raise TypeError(f"pyrepr: refusing to emit {type(value).__name__}")


# fmt: off
_INVISIBLE = {
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # bidi embeddings/overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # bidi isolates
    "\u200e", "\u200f", "\ufeff",
}
# fmt: on


def pystr(text: str) -> str:
    """A string literal for `text` as black writes it: `repr()`, in double quotes unless
    that needs more escapes (black's `normalize_string_quotes`)."""
    literal_text = repr(text)
    if literal_text[0] == '"' or text.count('"') > text.count("'"):
        return literal_text
    if "'" not in text and '"' not in text:
        return '"' + literal_text[1:-1] + '"'
    body = literal_text[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):  # in repr's body a backslash always starts an escape
        if body[i] == "\\":
            escape = body[i : i + 2]
            out.append("'" if escape == "\\'" else escape)
            i += 2
        else:
            out.append('\\"' if body[i] == '"' else body[i])
            i += 1
    return '"' + "".join(out) + '"'


def printable(text: str) -> str:
    """Drop NUL, other C0 controls but tab/newline, and bidi controls (Trojan Source)."""
    # Fast path: printable text holds no control and no format (Cf) character, bidi included.
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text
    return "".join(
        ch
        for ch in text
        if ch not in _INVISIBLE and (ch in "\t\n" or ord(ch) >= 32) and ch != "\x7f"
    )


def docstring(text: Any) -> str:
    """Text safe inside a triple-quoted docstring (no closing quotes, no escapes)."""
    text = printable(str(text or "")).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    if text.endswith('"'):
        text += " "
    return text


def comment(text: Any) -> str:
    """One line safe after `#` (newlines and controls become spaces)."""
    return " ".join(printable(str(text or "")).split())


# Characters a reader's terminal or editor would hide or reorder (NUL cannot be passed at all).
_SHELL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def shquote(value: Any) -> str:
    """One bash word for literal text: `shlex.quote`, or an ANSI-C `$'...'` word with
    escapes when the text holds control or bidi characters (Trojan Source). A NUL stays
    raw: no shell word can carry it, and the emitter refuses files that hold one."""
    text = str(value)
    if "\x00" in text or not _SHELL_UNSAFE.search(text):
        return shlex.quote(text)
    out = []
    for ch in text:
        if ch in "\\'":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif _SHELL_UNSAFE.match(ch):
            # UTF-8 bytes: `\u` would depend on the locale bash runs in
            out.append("".join(f"\\x{b:02x}" for b in ch.encode("utf-8")))
        else:
            out.append(ch)
    return "$'" + "".join(out) + "'"


def tojson_text(value: Any, indent: int | None = 2) -> str:
    return json.dumps(value, indent=indent, ensure_ascii=False)


FILTERS: dict[str, Callable[..., Any]] = {
    "pyrepr": pyrepr,
    "docstring": docstring,
    "comment": comment,
    "shquote": shquote,
    "tojson_text": tojson_text,
}


@cache
def environment(extra_dir: str | None = None) -> jinja2.Environment:
    """The Jinja environment; `extra_dir` (from `--templates`) overrides any template."""
    loaders: list[jinja2.BaseLoader] = []
    if extra_dir:
        loaders.append(jinja2.FileSystemLoader(extra_dir))
    loaders.append(jinja2.FileSystemLoader(str(templates_dir())))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        # No stat() of the template file on every get_template (100,000 of them for
        # 5,000 requests' snippets); a long-lived process clears `environment`'s cache
        # instead (`generate` does so before every run, for `watch`).
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env


def render(template: str, extra_dir: str | None = None, **context: Any) -> str:
    return environment(extra_dir).get_template(template).render(**context)
