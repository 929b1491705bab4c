"""The page plan: which file each folder and request lands in, and its stable anchor.

- `README.md`: the overview; one page per top-level folder under `folders/`; requests at
  the collection root on `requests.md`.
- File names and anchors are slugs of names (`folders/user-management.md`,
  `#op-list-rooms`), made unique deterministically (`-2`, `-3` in collection order).
  Anchors carry a prefix (`op-`, `folder-`) so they never collide with the ids renderers
  give headings.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field

from pmgen.emitters.docs_masking import Masker
from pmgen.emitters.docs_sanitize import LinkMap, sanitize_description
from pmgen.emitters.docs_view import (
    AuthView,
    RequestView,
    SnippetRenderer,
    auth_view,
    request_view,
)
from pmgen.markdown import slug
from pmgen.model import Collection, Folder, Item, Operation
from pmgen.naming import Scope
from pmgen.scriptinfo import ScriptRun

MAX_LEVEL = 6
# Names a folder slug must not take (Windows device names; the writer refuses them).
_RESERVED_STEMS = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


def _slug_scope(taken: set[str] | None = None) -> Scope:
    """Slugs unique within one page or directory, deterministically: `x`, `x-2`, `x-3`."""
    return Scope(taken, separator="-")


@dataclass(frozen=True)
class SectionView:
    anchor: str
    name: str
    level: int
    description: str
    auth: AuthView | None  # declared on this folder
    items: list[SectionView | RequestView]
    kind: str = "section"


@dataclass(frozen=True)
class PageView:
    path: str  # relative to the docs root
    title: str
    description: str
    auth: AuthView | None
    items: list[SectionView | RequestView]
    request_count: int
    kind: str = "page"


@dataclass
class Location:
    page: str
    anchor: str


@dataclass
class Plan:
    """Where everything goes; filled before rendering so descriptions can link anywhere."""

    pages: list[tuple[str, str, Folder | None, list[Item]]] = field(
        default_factory=list
    )
    locations: dict[int, Location] = field(default_factory=dict)  # id(item) -> location
    by_postman_id: dict[str, Location] = field(default_factory=dict)


def plan_pages(collection: Collection) -> Plan:
    plan = Plan()
    files = _slug_scope({"index", "readme", "changelog"} | _RESERVED_STEMS)
    folders = [item for item in collection.items if isinstance(item, Folder)]
    roots: list[Item] = [
        item for item in collection.items if isinstance(item, Operation)
    ]
    for folder in folders:
        path = f"folders/{files.claim(slug(folder.name, 'folder'))}.md"
        plan.pages.append((path, folder.name, folder, folder.items))
        _place(plan, folder.items, path, [], _slug_scope())
    if roots:
        title = "Other requests" if folders else "Requests"
        plan.pages.append(("requests.md", title, None, list(roots)))
        _place(plan, roots, "requests.md", [], _slug_scope())
    for folder in folders:
        plan.locations[id(folder)] = Location(_page_of(plan, folder), "")
        plan.by_postman_id.setdefault(folder.id, plan.locations[id(folder)])
    return plan


def _page_of(plan: Plan, folder: Folder) -> str:
    return next(path for path, _title, f, _items in plan.pages if f is folder)


def _place(
    plan: Plan, items: list[Item], page: str, trail: list[str], anchors: Scope
) -> None:
    for item in items:
        words = [*trail, item.name]
        if isinstance(item, Folder):
            anchor = anchors.claim("folder-" + slug(" ".join(words), "folder"))
            plan.locations[id(item)] = Location(page, anchor)
            plan.by_postman_id.setdefault(item.id, plan.locations[id(item)])
            _place(plan, item.items, page, words, anchors)
        else:
            anchor = anchors.claim("op-" + slug(" ".join(words), "request"))
            plan.locations[id(item)] = Location(page, anchor)
            plan.by_postman_id.setdefault(item.id, plan.locations[id(item)])


def link_mapper(plan: Plan, current_page: str) -> LinkMap:
    """Maps a documentation-site link to a request (`https://host/#<postman id>`, or a bare
    `#<postman id>`) onto its place in this tree; anything else is left to the sanitizer.
    """

    def mapped(url: str) -> str | None:
        _base, sep, fragment = url.partition("#")
        location = plan.by_postman_id.get(fragment) if sep else None
        if location is None:
            return None
        relative = posixpath.relpath(
            location.page, posixpath.dirname(current_page) or "."
        )
        target = "" if location.page == current_page else relative
        if location.anchor:
            return f"{target}#{location.anchor}"
        return target or "#"

    return mapped


@dataclass(frozen=True)
class Builder:
    collection: Collection
    plan: Plan
    masker: Masker
    styles: Sequence[str]
    snippet: SnippetRenderer | None
    scripts: dict[int, list[ScriptRun]]  # by id(operation): `scriptinfo.script_runs`

    def page(
        self, path: str, title: str, folder: Folder | None, items: list[Item]
    ) -> PageView:
        links = link_mapper(self.plan, path)
        auth = None
        if folder is not None and folder.auth_declared:
            auth = auth_view(folder.auth, "declared on this folder", self.masker)
        description = sanitize_description(
            folder.description if folder else "", heading_floor=2, link_map=links
        )
        views = self._items(items, level=2, links=links)
        count = sum(1 for item in _walk(items) if isinstance(item, Operation))
        return PageView(path, title, description, auth, views, count)

    def _items(
        self, items: list[Item], *, level: int, links: LinkMap
    ) -> list[SectionView | RequestView]:
        views: list[SectionView | RequestView] = []
        for item in items:
            location = self.plan.locations[id(item)]
            if isinstance(item, Folder):
                auth = None
                if item.auth_declared:
                    auth = auth_view(item.auth, "declared on this folder", self.masker)
                views.append(
                    SectionView(
                        anchor=location.anchor,
                        name=item.name,
                        level=min(level, MAX_LEVEL),
                        description=sanitize_description(
                            item.description,
                            heading_floor=min(MAX_LEVEL, level + 1),
                            link_map=links,
                        ),
                        auth=auth,
                        items=self._items(item.items, level=level + 1, links=links),
                    )
                )
            else:
                views.append(
                    request_view(
                        item,
                        anchor=location.anchor,
                        level=min(level, MAX_LEVEL),
                        masker=self.masker,
                        styles=self.styles,
                        snippet=self.snippet,
                        link_map=links,
                        scripts=self.scripts.get(id(item), ()),
                    )
                )
        return views


def _walk(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    for item in items:
        out.append(item)
        if isinstance(item, Folder):
            out.extend(_walk(item.items))
    return out
