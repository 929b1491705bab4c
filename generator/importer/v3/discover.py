"""Find the files of a v3 collection folder (FORMAT.md §1.1, §3): which directories are
folders, which files are requests, definitions and examples. Nothing is parsed here.

The walk never leaves the collection: a symlink whose target lies outside the root is
refused (a diagnostic, the entry skipped), and symlinked directories are not followed at
all (a link back to an ancestor would loop). `.resources`, `.git`, `.hg`, `.svn` and
`.postman` are never folders; a directory with neither a definition nor a request below it
is dropped.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pmgen.errors import InputError
from pmgen.importer.limits import Limits

_REQUEST = re.compile(r"^(?P<stem>.*)\.request\.ya?ml$", re.IGNORECASE | re.DOTALL)
_EXAMPLE = re.compile(r"^(?P<stem>.*)\.example\.ya?ml$", re.IGNORECASE | re.DOTALL)
_DEFINITION = re.compile(r"^definition\.ya?ml$", re.IGNORECASE)
RESOURCES = ".resources"
# Never folders: the metadata directory and version-control / workspace internals (a
# folder named `.well-known` is a folder; one without requests is dropped anyway).
_NOT_FOLDERS = frozenset({RESOURCES, ".git", ".hg", ".svn", ".postman"})


@dataclass
class Dir:
    """One directory of the collection: the root or a folder. Paths are strings (pathlib
    cost a fifth of a 2,000-request import)."""

    path: str  # absolute
    rel: str  # posix path relative to the root ("" for the root)
    definition: str | None = None
    requests: list[tuple[str, str]] = field(default_factory=list)  # (stem, file)
    folders: list[Dir] = field(default_factory=list)
    # request stem -> (example stem, file) of its saved examples, sorted by file name
    example_files: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def examples(self, stem: str) -> list[tuple[str, str]]:
        return self.example_files.get(stem, [])

    def has_requests(self) -> bool:
        return bool(self.requests) or any(f.has_requests() for f in self.folders)


@dataclass
class Found:
    root: Dir
    refused: list[str] = field(default_factory=list)  # one message per refused entry
    files: list[str] = field(default_factory=list)  # every file the import reads

    def rel(self, path: str) -> str:
        """`path` relative to the root, with `/`."""
        rel = path[len(self.root.path) + 1 :]
        return rel if os.sep == "/" else rel.replace(os.sep, "/")


def _examples(where: str) -> list[tuple[str, str]]:
    found = []
    try:
        entries = sorted(os.scandir(where), key=lambda e: e.name)
    except OSError:
        return []
    for entry in entries:
        match = _EXAMPLE.match(entry.name)
        if match and entry.is_file(follow_symlinks=False):
            found.append((match.group("stem"), entry.path))
    return found


def _inside(path: str, root_real: str) -> bool:
    real = os.path.realpath(path)
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def looks_like_collection(path: Path, max_depth: int = 64) -> bool:
    """A v3 collection: a `*.request.yaml` at any depth or a `.resources/definition.yaml`."""
    if _definition(path) is not None:
        return True
    stack = [(path, 0)]
    while stack:
        current, depth = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in _NOT_FOLDERS and depth < max_depth:
                    stack.append((Path(entry.path), depth + 1))
            elif _REQUEST.match(entry.name):
                return True
    return False


def _definition(directory: str | Path) -> str | None:
    try:
        entries = sorted(
            os.scandir(os.path.join(directory, RESOURCES)), key=lambda e: e.name
        )
    except OSError:
        return None
    for entry in entries:
        if _DEFINITION.match(entry.name):
            return entry.path
    return None


def discover(root: Path, limits: Limits) -> Found:
    """The collection's directory tree; raises when a limit is passed."""
    root_path = os.path.abspath(root)
    root_real = os.path.realpath(root_path)
    found = Found(root=Dir(path=root_path, rel=""))
    total = 0

    def accept(path: str, is_link: bool) -> bool:
        nonlocal total
        if is_link and not _inside(path, root_real):
            found.refused.append(
                f"{found.rel(path)}: symlink pointing outside the collection: refused"
            )
            return False
        try:
            total += os.stat(path).st_size
        except OSError:
            return False
        if total > limits.max_bytes:
            raise InputError(
                f"collection files larger than {limits.max_bytes} bytes in total "
                "(raise the size limit to read it)",
                where=str(root),
            )
        found.files.append(path)
        return True

    requests = 0
    stack = [(found.root, 0)]
    while stack:
        current, depth = stack.pop()
        if depth > limits.max_depth:
            raise InputError(
                f"folders nested deeper than {limits.max_depth} levels",
                where=f"{root}: {current.rel}",
            )
        definition = _definition(current.path)
        if definition is not None and accept(definition, os.path.islink(definition)):
            current.definition = definition
        try:
            entries = sorted(os.scandir(current.path), key=lambda e: e.name)
        except OSError as exc:
            raise InputError(
                f"cannot read folder: {exc.strerror or exc}", where=current.path
            ) from None
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name in _NOT_FOLDERS:
                    continue
                child = Dir(path=entry.path, rel=found.rel(entry.path))
                current.folders.append(child)
                stack.append((child, depth + 1))
            elif entry.is_symlink() and entry.is_dir():
                note = "symlinked folder: not followed"
                if not _inside(entry.path, root_real):
                    note = "symlink pointing outside the collection: refused"
                found.refused.append(f"{found.rel(entry.path)}: {note}")
            elif match := _REQUEST.match(entry.name):
                if not entry.is_file():
                    if entry.is_symlink() and not _inside(entry.path, root_real):
                        found.refused.append(
                            f"{found.rel(entry.path)}: symlink pointing outside the "
                            "collection: refused"
                        )
                    continue
                if not accept(entry.path, entry.is_symlink()):
                    continue
                requests += 1
                if requests > limits.max_requests:
                    raise InputError(
                        f"more than {limits.max_requests} requests "
                        "(raise the limit to read it)",
                        where=str(root),
                    )
                stem = match.group("stem")
                current.requests.append((stem, entry.path))
                examples = _examples(
                    os.path.join(
                        current.path, RESOURCES, f"{stem}.resources", "examples"
                    )
                )
                current.example_files[stem] = [
                    (ex_stem, path) for ex_stem, path in examples if accept(path, False)
                ]
    _prune(found.root)
    found.files.sort(key=found.rel)
    return found


def _prune(directory: Dir) -> None:
    """Drop directories with neither a definition nor a request below them (an `assets/`
    or `docs/` beside the requests is not a Postman folder)."""
    for folder in directory.folders:
        _prune(folder)
    directory.folders = [
        f for f in directory.folders if f.definition is not None or f.has_requests()
    ]


def files_sha256(
    root: str | Path, files: list[str], digests: dict[str, bytes] | None = None
) -> str:
    """One hash over the collection's files (relative paths and contents), so that an
    edit, an addition, a removal or a rename of any of them changes it. `digests` holds
    the sha256 of files already read (path -> digest)."""
    digest = hashlib.sha256()
    prefix = len(os.path.abspath(root)) + 1
    known = digests or {}
    for path in sorted(files, key=lambda p: p[prefix:]):
        file_digest = known.get(path)
        if file_digest is None:
            try:
                with open(path, "rb") as handle:
                    file_digest = hashlib.sha256(handle.read()).digest()
            except OSError:
                file_digest = hashlib.sha256(b"\0unreadable").digest()
        rel = path[prefix:].replace(os.sep, "/")
        digest.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(file_digest)
    return digest.hexdigest()
