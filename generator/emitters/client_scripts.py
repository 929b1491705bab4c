"""Which collection scripts run around each request of the generated client, in the order
Postman's runner runs them (collection, then folders from the outside in, then the
request), stored once in `_scripts.json` and named by index in the operation specs.

The client runs them in its script sandbox (`<package>/_sandbox`, the `scripts` extra).
A chain whose only effect is storing response values the importer recognised
(`Script.sets`) also has a static path that works without the engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pmgen.model import Collection, Folder, Operation, Script
from pmgen.scriptinfo import describe, is_blank

Level = Literal["collection", "folder", "request"]

# Test-script calls that change what later requests send (beyond captures `sets` knows).
_SIDE_EFFECTS = re.compile(
    r"\.(?:set|unset|clear)\s*\(|setEnvironmentVariable|setGlobalVariable|"
    r"clearEnvironmentVariable|clearGlobalVariable|setNextRequest|skipRequest|sendRequest"
)


@dataclass(frozen=True)
class ChainLink:
    script: Script
    level: Level
    owner: str


@dataclass
class ScriptTable:
    """Every distinct (script, level, owner) of the collection, numbered in first-use order."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    _index: dict[tuple[str, str, str, str], int] = field(default_factory=dict)

    def number(self, link: ChainLink) -> int:
        key = (link.script.event, link.level, link.owner, link.script.exec)
        found = self._index.get(key)
        if found is None:
            found = self._index[key] = len(self.entries)
            self.entries.append(
                {
                    "event": link.script.event,
                    "level": link.level,
                    "owner": link.owner,
                    "does": describe(link.script.exec),
                    "source": link.script.exec,
                }
            )
        return found


def chain(
    collection: Collection, folders: list[Folder], op: Operation
) -> list[ChainLink]:
    """The scripts that run for `op`, in Postman's order (both events). Scripts of
    comments only are left out: running them changes nothing, and an operation whose
    chain has none left pays nothing for scripts."""
    links = [
        ChainLink(s, "collection", collection.info.name) for s in collection.scripts
    ]
    for folder in folders:
        links += [ChainLink(s, "folder", folder.name) for s in folder.scripts]
    links += [ChainLink(s, "request", op.name) for s in op.scripts]
    return [link for link in links if not is_blank(link.script.exec)]


def needs_engine(links: list[ChainLink]) -> bool:
    """True unless every script only stores response values the static path knows (a
    pre-request script always needs the engine: it shapes the request being sent)."""
    for link in links:
        script = link.script
        if script.event == "prerequest":
            return True
        known = all(v.source in ("json", "literal") for v in script.sets)
        if not (script.sets and known) and _SIDE_EFFECTS.search(script.exec):
            return True
    return False


def spec_entry(table: ScriptTable, links: list[ChainLink]) -> dict[str, Any]:
    """The operation spec's `scripts`: script numbers per event, and whether only the
    engine can reproduce them."""
    return {
        "prerequest": [
            table.number(link) for link in links if link.script.event == "prerequest"
        ],
        "test": [table.number(link) for link in links if link.script.event == "test"],
        "engine": needs_engine(links),
    }
