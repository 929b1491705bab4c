"""Scripts are kept verbatim; the variables they store are recognized when the statement
is a plain `pm.collectionVariables.set("name", expr)`-style call."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal

from pmgen.importer.fields import text
from pmgen.model import Script, ScriptVariable

Scope = Literal["collection", "environment", "global", "variables"]

_SETTERS: dict[str, Scope] = {
    "pm.collectionVariables.set": "collection",
    "pm.environment.set": "environment",
    "pm.globals.set": "global",
    "pm.variables.set": "variables",
    "postman.setEnvironmentVariable": "environment",
    "postman.setGlobalVariable": "global",
}
_SETTER_CALL = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(s) for s in _SETTERS) + r")\s*\(\s*"
    r"(?P<q>[\"'`])(?P<name>[^\"'`\\]+)(?P=q)\s*,\s*"
)
_JSON_SOURCE = re.compile(
    r"(?:pm\.response\.json\(\s*\)|JSON\.parse\(\s*(?:responseBody|pm\.response\.text\(\s*\))\s*\))"
)
_ASSIGN = re.compile(
    r"(?:\b(?:var|let|const)\s+)?\b([A-Za-z_$][\w$]*)\s*=(?!=)\s*([^;\n]+)"
)
_CHAIN = re.compile(
    r"^([A-Za-z_$][\w$]*)((?:\.[A-Za-z_$][\w$]*|\[\s*(?:\d+|\"[^\"]*\"|'[^']*')\s*\])*)$"
)
_CHAIN_PART = re.compile(
    r"\.([A-Za-z_$][\w$]*)|\[\s*(\d+)\s*\]|\[\s*\"([^\"]*)\"\s*\]|\[\s*'([^']*)'\s*\]"
)
_LITERAL = re.compile(r"^(?:\"[^\"]*\"|'[^']*'|-?\d+(?:\.\d+)?|true|false|null)$")
_HEADER = re.compile(
    r"pm\.response\.headers\.get\(|postman\.getResponseHeader\(|responseHeaders\["
)
_TEXT = re.compile(r"^(?:pm\.response\.text\(\s*\)|responseBody)$")


def exec_text(script: Any) -> str:
    """`script.exec` as one string (a list of lines or a string)."""
    if not isinstance(script, dict):
        return ""
    lines = script.get("exec")
    if isinstance(lines, list):
        return "\n".join(text(line) for line in lines)
    return text(lines)


def _argument(source: str, start: int) -> str:
    """The expression from `start` up to the call's closing parenthesis (strings respected)."""
    depth, i, quote = 0, start, ""
    while i < len(source):
        ch = source[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'`":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif ch == "," and depth == 0:
            break
        i += 1
    return source[start:i].strip()


def _chain_path(suffix: str) -> list[str | int]:
    path: list[str | int] = []
    for m in _CHAIN_PART.finditer(suffix):
        if m.group(1) is not None:
            path.append(m.group(1))
        elif m.group(2) is not None:
            path.append(int(m.group(2)))
        else:
            path.append(m.group(3) if m.group(3) is not None else m.group(4))
    return path


def _assignments(source: str) -> dict[str, str]:
    """`name = expression` pairs (last one wins), to see through one level of aliasing."""
    return {m.group(1): m.group(2).strip() for m in _ASSIGN.finditer(source)}


def _classify(
    expression: str, aliases: dict[str, str], hops: int = 3
) -> tuple[str, list[str | int] | None]:
    expr = expression.strip().rstrip(";").strip()
    json_source = _JSON_SOURCE.match(expr)
    if json_source:
        rest = expr[json_source.end() :]
        if rest == "" or _CHAIN.match("x" + rest):
            return "json", _chain_path(rest)
    if _LITERAL.match(expr):
        return "literal", None
    if _TEXT.match(expr):
        return "text", None
    if _HEADER.search(expr):
        return "header", None
    chain = _CHAIN.match(expr)
    if chain and hops > 0 and chain.group(1) in aliases:
        kind, path = _classify(aliases[chain.group(1)], aliases, hops - 1)
        if kind == "json" and path is not None:
            return "json", path + _chain_path(chain.group(2))
        if kind in ("header", "text", "literal") and not chain.group(2):
            return kind, None
    return "other", None


def script_variables(source: str) -> list[ScriptVariable]:
    return list(_script_variables(source))


# Big collections repeat the same few scripts on every request (commercetools: 1,997
# scripts, 77 distinct): parse each distinct text once. The models are frozen, so the
# same instances can be shared by every request that has the script.
_DISTINCT_SCRIPTS = 4096


@lru_cache(maxsize=_DISTINCT_SCRIPTS)
def _script_variables(source: str) -> tuple[ScriptVariable, ...]:
    aliases = _assignments(source)
    found = []
    for match in _SETTER_CALL.finditer(source):
        expression = _argument(source, match.end())
        kind, path = _classify(expression, aliases)
        found.append(
            ScriptVariable(
                scope=_SETTERS[match.group(1)],
                name=match.group("name"),
                expression=expression,
                source=kind,  # type: ignore[arg-type]
                json_path=path if kind == "json" else None,
            )
        )
    return tuple(found)


@lru_cache(maxsize=_DISTINCT_SCRIPTS)
def _script(event: Literal["prerequest", "test"], source: str) -> Script:
    return Script(event=event, exec=source, sets=list(_script_variables(source)))


def scripts(events: Any, shared: dict[str, str] | None = None) -> list[Script]:
    """`event` entries with code in them. `shared` maps script ids (the v2 draft lets an
    event name a collection-level script by id) to their code."""
    result = []
    for event in events if isinstance(events, list) else []:
        if not isinstance(event, dict) or event.get("listen") not in (
            "prerequest",
            "test",
        ):
            continue
        script = event.get("script")
        source = (
            (shared or {}).get(script, "")
            if isinstance(script, str)
            else exec_text(script)
        )
        if not source.strip() or event.get("disabled") is True:
            continue
        result.append(_script(event["listen"], source))
    return result


def script_ids(events: Any) -> dict[str, str]:
    """Ids of collection-level events and their scripts (for by-id references)."""
    ids = {}
    for event in events if isinstance(events, list) else []:
        if isinstance(event, dict) and isinstance(event.get("script"), dict):
            for key in (event.get("id"), event["script"].get("id")):
                if isinstance(key, str):
                    ids[key] = exec_text(event["script"])
    return ids
