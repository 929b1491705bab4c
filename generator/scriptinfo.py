"""What a collection script does, told from its text (for error messages, `inspect`, the
docs and the client README): a few words, the variables it reads and the ones it sets.
Pattern matching, so it names the common idioms, not every possibility. `script_runs`
lists the scripts around each request in Postman's order, with where each is declared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pmgen.model import Collection, Folder, Item, Operation, Script

# What a script does, in words, for the error raised when the engine is missing.
_DOES = (
    (re.compile(r"Hmac|HMAC|createHmac|subtle\.sign"), "computes an HMAC signature"),
    (re.compile(r"KJUR|jsrsasign|JWS\.sign"), "signs a JWT"),
    (
        re.compile(r"^(?!.*Hmac)(?=.*(?:SHA\d|MD5|digest\())", re.DOTALL),
        "computes a hash",
    ),
    (re.compile(r"sendRequest"), "sends a request of its own (pm.sendRequest)"),
    (
        re.compile(r"request\.(?:headers|addHeader|removeHeader)"),
        "changes the request's headers",
    ),
    (re.compile(r"request\.url|request\.body"), "changes the request's URL or body"),
    (
        re.compile(r"moment|Date\.now|new Date|getTime\(|\$timestamp"),
        "uses the current time",
    ),
    (re.compile(r"uuid|random", re.IGNORECASE), "uses random values"),
    (re.compile(r"setNextRequest|skipRequest"), "changes the run order"),
    (
        re.compile(r"\.set\s*\(|setEnvironmentVariable|setGlobalVariable"),
        "sets variables",
    ),
    (re.compile(r"pm\.test|pm\.expect|tests\["), "checks the response"),
    (re.compile(r"console\."), "writes to the console"),
)


def describe(source: str) -> str:
    """A few words on what a script does ("computes an HMAC signature, sets variables")."""
    found = [words for pattern, words in _DOES if pattern.search(source)]
    return ", ".join(found[:3]) or "runs JavaScript"


_NAME = r"""\s*\(\s*(['"`])([^'"`]+)\1"""
_SCOPE = r"(?:environment|globals|variables|collectionVariables|iterationData)"
_READS = re.compile(
    rf"(?:{_SCOPE}\.(?:get|has)|getEnvironmentVariable|getGlobalVariable)" + _NAME
)
_SETS = re.compile(
    rf"(?:{_SCOPE}\.set|setEnvironmentVariable|setGlobalVariable)" + _NAME
)
_TEMPLATE = re.compile(r"\{\{([^{}$][^{}]*)\}\}")


def reads(source: str) -> list[str]:
    """Variables the script reads (`pm.*.get("x")`, `{{x}}` in `replaceIn` text), sorted."""
    names = {m.group(2) for m in _READS.finditer(source)}
    names |= {m.group(1) for m in _TEMPLATE.finditer(source)}
    return sorted(names)


def sets(source: str) -> list[str]:
    """Variables the script sets (`pm.*.set("x", ...)`, legacy setters), sorted."""
    return sorted({m.group(2) for m in _SETS.finditer(source)})


def summary(source: str) -> str:
    """`computes an HMAC signature; reads secret; sets timestamp` (for inspect and docs)."""
    parts = [describe(source)]
    if reads(source):
        parts.append("reads " + ", ".join(reads(source)))
    if sets(source):
        parts.append("sets " + ", ".join(sets(source)))
    return "; ".join(parts)


@dataclass(frozen=True)
class ScriptRun:
    """One script Postman runs around a request: where it is declared and its code."""

    level: str  # "collection", "folder" or "request"
    owner: str  # the collection's, folder's or request's name
    script: Script

    @property
    def event(self) -> str:
        """`pre-request` or `test`."""
        return _EVENTS[self.script.event]


_EVENTS = {"prerequest": "pre-request", "test": "test"}


def script_runs(collection: Collection) -> dict[int, list[ScriptRun]]:
    """Each request's scripts (by `id(operation)`) in the order Postman runs them:
    pre-request scripts collection → folders → request, then test scripts in the same
    order. Scripts without code are left out; requests without scripts are absent."""
    found: dict[int, list[ScriptRun]] = {}

    def walk(items: list[Item], around: list[ScriptRun]) -> None:
        for item in items:
            if isinstance(item, Folder):
                walk(item.items, [*around, *_own("folder", item.name, item.scripts)])
                continue
            chain = [*around, *_own("request", item.name, item.scripts)]
            ordered = [r for e in _EVENTS for r in chain if r.script.event == e]
            if ordered:
                found[id(item)] = ordered

    walk(collection.items, _own("collection", collection.info.name, collection.scripts))
    return found


def _own(level: str, owner: str, scripts: list[Script]) -> list[ScriptRun]:
    return [ScriptRun(level, owner, s) for s in scripts if s.exec.strip()]


_COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)


def is_blank(source: str) -> bool:
    """True when the script is nothing but comments, whitespace and `;` (it can do
    nothing). Comments are stripped naively (`//` inside a string cuts the line), which
    only ever leaves more text: a script with code is never called blank."""
    return not _COMMENTS.sub("", source).replace(";", "").strip()


def pre_request_chain(op: Operation) -> list[Script]:
    """The pre-request scripts Postman runs before `op` (collection, folders, request),
    those of comments only left out."""
    return [
        s
        for s in (*op.inherited_scripts, *op.scripts)
        if s.event == "prerequest" and not is_blank(s.exec)
    ]
