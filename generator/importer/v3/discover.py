"""Find the files of a v3 collection folder (FORMAT.md §1.1, §3): which directories are
folders, which files are requests, definitions and examples. Nothing is parsed here.

The walk never leaves the collection: a symlink whose target lies outside the root is
refused (a diagnostic, the entry skipped), and symlinked directories are not followed at
all (a link back to an ancestor would loop). Directories whose name starts with a dot
(`.git`, `.postman`), other than `.resources`, are not folders.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import InputError
from generator.importer.limits import Limits

_REQUEST = re.compile(r"^(?P<stem>.*)\.request\.ya?ml$", re.IGNORECASE)
_EXAMPLE = re.compile(r"^(?P<stem>.*)\.example\.ya?ml$", re.IGNORECASE)
_DEFINITION = re.compile(r"^definition\.ya?ml$", re.IGNORECASE)
RESOURCES = ".resources"


@dataclass
class Dir:
    """One directory of the collection: the root or a folder."""

    path: Path  # absolute
    rel: str  # posix path relative to the root ("" for the root)
    definition: Path | None = None
    requests: list[tuple[str, Path]] = field(default_factory=list)  # (stem, file)
    folders: list[Dir] = field(default_factory=list)

    def examples(self, stem: str) -> list[tuple[str, Path]]:
        """(stem, file) of the saved examples of request `stem`, unsorted."""
        return _examples(self.path / RESOURCES / f"{stem}.resources" / "examples")

    def has_requests(self) -> bool:
        return bool(self.requests) or any(f.has_requests() for f in self.folders)


@dataclass
class Found:
    root: Dir
    refused: list[str] = field(default_factory=list)  # one message per refused entry
    files: list[Path] = field(default_factory=list)  # every file the import reads


def _examples(where: Path) -> list[tuple[str, Path]]:
    found = []
    try:
        entries = sorted(os.scandir(where), key=lambda e: e.name)
    except OSError:
        return []
    for entry in entries:
        match = _EXAMPLE.match(entry.name)
        if match and entry.is_file(follow_symlinks=False):
            found.append((match.group("stem"), Path(entry.path)))
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
                if not entry.name.startswith(".") and depth < max_depth:
                    stack.append((Path(entry.path), depth + 1))
            elif _REQUEST.match(entry.name):
                return True
    return False


def _definition(directory: Path) -> Path | None:
    try:
        entries = sorted(os.scandir(directory / RESOURCES), key=lambda e: e.name)
    except OSError:
        return None
    for entry in entries:
        if _DEFINITION.match(entry.name):
            return Path(entry.path)
    return None


def discover(root: Path, limits: Limits) -> Found:
    """The collection's directory tree; raises when a limit is passed."""
    root = root.absolute()
    root_real = os.path.realpath(root)
    found = Found(root=Dir(path=root, rel=""))
    total = 0

    def accept(path: Path, rel: str) -> bool:
        nonlocal total
        if path.is_symlink() and not _inside(str(path), root_real):
            found.refused.append(
                f"{rel}: symlink pointing outside the collection: refused"
            )
            return False
        try:
            total += path.stat().st_size
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
        if definition is not None and accept(definition, _rel(root, definition)):
            current.definition = definition
        try:
            entries = sorted(os.scandir(current.path), key=lambda e: e.name)
        except OSError as exc:
            raise InputError(
                f"cannot read folder: {exc.strerror or exc}", where=str(current.path)
            ) from None
        for entry in entries:
            path = Path(entry.path)
            rel = _rel(root, path)
            if entry.is_dir(follow_symlinks=False):
                if entry.name.startswith("."):
                    continue
                child = Dir(path=path, rel=rel)
                current.folders.append(child)
                stack.append((child, depth + 1))
            elif entry.is_symlink() and entry.is_dir():
                note = "symlinked folder: not followed"
                if not _inside(entry.path, root_real):
                    note = "symlink pointing outside the collection: refused"
                found.refused.append(f"{rel}: {note}")
            elif match := _REQUEST.match(entry.name):
                if not entry.is_file():
                    if entry.is_symlink() and not _inside(entry.path, root_real):
                        found.refused.append(
                            f"{rel}: symlink pointing outside the collection: refused"
                        )
                    continue
                if not accept(path, rel):
                    continue
                requests += 1
                if requests > limits.max_requests:
                    raise InputError(
                        f"more than {limits.max_requests} requests "
                        "(raise the limit to read it)",
                        where=str(root),
                    )
                stem = match.group("stem")
                current.requests.append((stem, path))
                for _stem, example in current.examples(stem):
                    accept(example, _rel(root, example))
    _prune(found.root)
    found.files.sort(key=lambda p: _rel(root, p))
    return found


def _prune(directory: Dir) -> None:
    """Drop directories with neither a definition nor a request below them (an `assets/`
    or `docs/` beside the requests is not a Postman folder)."""
    for folder in directory.folders:
        _prune(folder)
    directory.folders = [
        f for f in directory.folders if f.definition is not None or f.has_requests()
    ]


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def files_sha256(root: Path, files: list[Path]) -> str:
    """One hash over the collection's files (relative paths and contents), so that an
    edit, an addition, a removal or a rename of any of them changes it."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: _rel(root, p)):
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0unreadable"
        digest.update(_rel(root, path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()
