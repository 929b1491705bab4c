"""YAML 1.2 reading that keeps Postman's strings strings (FORMAT.md §2).

Postman writes YAML 1.2 and quotes only what the 1.2 *core* schema would read as a
non-string, so `yes`, `on`, `2024-01-01`, `1:20`, `1_000` and `=` arrive unquoted and must
stay text. ruamel.yaml's resolvers follow YAML 1.1 for some of those (dates, `=`), so the
loader here registers only the core-schema resolvers: null, bool (`true`/`false` spellings),
int (decimal, `0o`, `0x`) and float. Quoted scalars are never resolved.

libyaml (ruamel.yaml.clib) parses ten times faster and accepts a raw TAB inside a plain
scalar, which Postman writes; without it the pure parser is used and such TABs are hidden
from its scanner (see `_retry_tabs`).

The plain block YAML Postman writes is read by `fastyaml` first (faster than turning
libyaml's events into objects); it hands anything it is not sure of back to the parsers
here.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

import ruamel.yaml.main
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.resolver import BaseResolver

from pmgen.importer.v3 import fastyaml

_TAB_STANDIN = "\ue000"  # private-use: stands for a TAB the pure scanner refuses


class Core12Resolver(BaseResolver):
    """The YAML 1.2 core schema's implicit tags, nothing from 1.1."""

    # a mutable class attribute, as the base class declares it
    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012

    def __init__(
        self, version: Any = None, loader: Any = None, loadumper: Any = None
    ) -> None:
        super().__init__(loader if loader is not None else loadumper)

    @property
    def processing_version(self) -> Any:
        return (1, 2)


def _register() -> None:
    add = Core12Resolver.add_implicit_resolver_base
    add(
        "tag:yaml.org,2002:null",
        re.compile(r"^(?:~|null|Null|NULL|)$"),
        ["~", "n", "N", ""],
    )
    add(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )
    add(
        "tag:yaml.org,2002:int",
        re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        list("-+0123456789"),
    )
    add(
        "tag:yaml.org,2002:float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        list("-+.0123456789"),
    )


_register()


class YamlProblem(Exception):
    """Not valid YAML: `line`/`column` are 1-based (0 when unknown)."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return self.message


@lru_cache(maxsize=2)
def _yaml(pure: bool) -> YAML:
    yaml = YAML(typ="safe", pure=pure)
    yaml.Resolver = Core12Resolver
    return yaml


# ruamel.yaml sets CParser to None when its C extension is not installed.
_FAST = getattr(ruamel.yaml.main, "CParser", None) is not None


def _problem(exc: YAMLError) -> YamlProblem:
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "invalid YAML"
        if mark is not None:
            return YamlProblem(str(message), mark.line + 1, mark.column + 1)
        return YamlProblem(str(message))
    return YamlProblem(str(exc).splitlines()[0] if str(exc) else "invalid YAML")


def _restore(value: Any, table: dict[int, str] | None = None) -> Any:
    """Stand-ins back to the characters they hid (a TAB by default)."""
    table = table or _TAB
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, dict):
        return {_restore(k, table): _restore(v, table) for k, v in value.items()}
    if isinstance(value, list):
        return [_restore(v, table) for v in value]
    return value


_TAB = str.maketrans({_TAB_STANDIN: "\t"})


def _retry_tabs(text: str) -> Any:
    """The pure scanner refuses a TAB inside a plain scalar (`a: tab<TAB>here`), which
    libyaml and Postman accept: such TABs become a private-use stand-in while parsing; a
    TAB used as separating white space becomes a space."""
    if _TAB_STANDIN in text:
        raise YamlProblem("TAB inside a plain value (and a U+E000 character)")
    lines = []
    for line in text.split("\n"):
        if "\t" in line and line.strip(" \t"):
            indent = len(line) - len(line.lstrip(" "))
            head, body = line[:indent], line[indent:]
            body = re.sub(r"(?<=[^\s:])\t(?=\S)", _TAB_STANDIN, body).replace("\t", " ")
            lines.append(head + body)
        else:
            lines.append(line)
    return _restore(_yaml(True).load("\n".join(lines)))


def plain(value: Any, max_depth: int) -> Any:
    """The loaded value as JSON-like data, checked: containers shared through anchors and
    aliases are refused (a few lines of aliases expand to billions of nodes), nesting is
    bounded, and explicitly tagged scalars (`!!binary`, `!!timestamp`, sets) become text.
    """
    seen: set[int] = set()

    def walk(node: Any, depth: int) -> Any:
        if depth > max_depth:
            raise YamlProblem(f"YAML nested too deeply (limit {max_depth} levels)")
        if isinstance(node, (dict, list)):
            if id(node) in seen:
                raise YamlProblem("YAML anchors and aliases are not supported")
            seen.add(id(node))
            if isinstance(node, list):
                return [walk(v, depth + 1) for v in node]
            return {_key(k): walk(v, depth + 1) for k, v in node.items()}
        if node is None or isinstance(node, (str, bool, int, float)):
            return node
        if isinstance(node, bytes):
            return node.decode("utf-8", "replace")
        if isinstance(node, (datetime.date, datetime.datetime)):
            return node.isoformat()
        if isinstance(node, (set, frozenset, tuple)):
            return [walk(v, depth + 1) for v in sorted(node, key=repr)]
        return str(node)

    return walk(value, 1)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return ""
    return str(key)


def load_text(text: str, max_depth: int = 500) -> Any:
    """One YAML document -> plain dicts, lists and scalars (YAML 1.2 core types)."""
    if _YAML11_BREAKS.search(text):
        # NEL, LS and PS are line breaks to YAML 1.1 parsers (libyaml, ruamel's scanner)
        # and ordinary characters in YAML 1.2, which Postman writes: hidden while parsing
        if _STANDINS.search(text):
            raise YamlProblem(
                "U+0085/U+2028/U+2029 and private-use U+E001-U+E003 mixed"
            )
        hidden = text.translate(_HIDE)
        return _restore(_load_text(hidden, max_depth), _SHOW)
    return _load_text(text, max_depth)


_YAML11_BREAKS = re.compile("[\x85\u2028\u2029]")
_STANDINS = re.compile("[\ue001-\ue003]")
_HIDE = str.maketrans({"\x85": "\ue001", "\u2028": "\ue002", "\u2029": "\ue003"})
_SHOW = str.maketrans({"\ue001": "\x85", "\ue002": "\u2028", "\ue003": "\u2029"})


def _load_text(text: str, max_depth: int) -> Any:
    try:
        return fastyaml.load(text, _plain_scalar, max_depth)
    except fastyaml.Fallback:
        pass
    if _FAST:
        try:
            return _from_events(text, max_depth)
        except YAMLError as exc:
            raise _problem(exc) from None
    return plain(_load(text), max_depth)


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}  # fmt: skip
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_BASE = re.compile(r"^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_MAYBE_TYPED = frozenset("0123456789-+.~tTfFnN")


def _plain_scalar(value: str) -> Any:
    """The YAML 1.2 core schema's reading of a plain scalar (same as `Core12Resolver`)."""
    if value == "" or value[0] not in _MAYBE_TYPED:
        return None if value == "" else value
    if _INT.match(value):
        return int(value)
    if value in _BOOL:
        return _BOOL[value]
    if _NULL.match(value):
        return None
    if _INT_BASE.match(value):
        return int(value, 0)
    if _FLOAT.match(value):
        lowered = value.lower()
        if lowered.endswith("inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        return float("nan") if lowered.endswith("nan") else float(value)
    return value


def _from_events(text: str, max_depth: int) -> Any:
    """libyaml's events straight into dicts and lists: three times faster than composing
    nodes and running ruamel's constructor (most of a folder's import time), and no
    alias can ever expand (they are refused). The loop is the hot path: locals only."""
    parser = ruamel.yaml.main.CParser(text)
    get = parser.get_event
    get()  # StreamStart
    event = get()
    if isinstance(event, StreamEndEvent):
        return None
    event = get()  # the root node
    kind = type(event)
    if kind is ScalarEvent:
        result = _scalar(event)
    elif kind is MappingStartEvent or kind is SequenceStartEvent:
        result = _containers(get, {} if kind is MappingStartEvent else [], max_depth)
    else:
        raise YamlProblem("YAML anchors and aliases are not supported", *_mark(event))
    get()  # DocumentEnd
    if not isinstance(get(), StreamEndEvent):
        raise YamlProblem("more than one YAML document in the file")
    return result


def _scalar(event: Any) -> Any:
    value = event.value
    if event.implicit[0] and (event.tag is None or event.tag == "!"):
        return _plain_scalar(value)
    return value


def _containers(get: Any, root: Any, max_depth: int) -> Any:
    container = root
    is_map = type(root) is dict
    key: Any = _NO_KEY
    stack: list[tuple[Any, bool]] = []
    typed = _MAYBE_TYPED
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            value = event.value
            if (
                (not value or value[0] in typed)
                and event.implicit[0]
                and (event.tag is None or event.tag == "!")
            ):
                value = _plain_scalar(value)
            if not is_map:
                container.append(value)
            elif key is _NO_KEY:
                key = value if type(value) is str else _key(value)
            else:
                container[key] = value
                key = _NO_KEY
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            child: Any = {} if kind is MappingStartEvent else []
            if not is_map:
                container.append(child)
            elif key is _NO_KEY:
                # `value: {{var}}` is a mapping used as a key: what an unquoted Postman
                # variable turns into; refused as ruamel's constructor does
                raise YamlProblem("a mapping or list used as a key", *_mark(event))
            else:
                container[key] = child
                key = _NO_KEY
            if len(stack) + 1 >= max_depth:
                raise YamlProblem(
                    f"YAML nested too deeply (limit {max_depth} levels)", *_mark(event)
                )
            stack.append((container, is_map))
            container = child
            is_map = kind is MappingStartEvent
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            if not stack:
                return container
            container, is_map = stack.pop()
        elif kind is AliasEvent:
            raise YamlProblem(
                "YAML anchors and aliases are not supported", *_mark(event)
            )
        else:
            raise YamlProblem(f"unexpected YAML event {kind.__name__}", *_mark(event))


_NO_KEY = object()


def _mark(event: Any) -> tuple[int, int]:
    mark = getattr(event, "start_mark", None)
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _load(text: str) -> Any:
    try:
        return _yaml(not _FAST).load(text)
    except YAMLError as exc:
        problem = _problem(exc)
        if _FAST or "\t" not in text:
            raise problem from None
    except RecursionError:
        raise YamlProblem("YAML nested too deeply") from None
    try:
        return _retry_tabs(text)
    except YAMLError:
        raise problem from None
    except RecursionError:
        raise YamlProblem("YAML nested too deeply") from None
