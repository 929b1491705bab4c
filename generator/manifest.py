"""`.pmgen.json`: what pmgen generated into an output directory, and from what.

The manifest lists every generated file with its sha256, so a later run knows which
files are pmgen's (and may be rewritten or removed), which were edited by hand, and
which belong to the user (never touched). It holds no timestamps: the same source and
options give the same manifest byte for byte.

While a run is writing, the manifest it is about to commit sits in `.pmgen.json.pending`;
a run killed before the final rename leaves it behind, and the next run also accepts the
pending hashes as pmgen's own (a file already replaced by the killed run is not "hand-edited").
Beside the manifest, `.pmgen-api.json` keeps a secret-free snapshot of the API (see
`pmgen.changelog.snapshot`) that the next run diffs against for the changelog.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pmgen import __version__
from pmgen.errors import InputError

MANIFEST_NAME = ".pmgen.json"
PENDING_NAME = ".pmgen.json.pending"
SNAPSHOT_NAME = ".pmgen-api.json"
TEMP_PREFIX = ".pmgen-tmp-"
RESERVED_NAMES = frozenset({MANIFEST_NAME, PENDING_NAME, SNAPSHOT_NAME})
FORMAT_VERSION = 1


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ManifestInfo:
    """What a run records about itself (everything but the file list)."""

    source: str  # identity as the user named it: a path, URL or "-"
    source_sha256: str
    options: Mapping[str, Any] = field(
        default_factory=dict
    )  # JSON-serializable, no secrets
    snapshot: Mapping[str, Any] | None = None  # API snapshot for the next changelog
    pmgen_version: str = __version__


@dataclass(frozen=True)
class Manifest:
    info: ManifestInfo
    files: Mapping[str, str]  # relative posix path -> sha256 of the text

    def to_text(self) -> str:
        data = {
            "format": FORMAT_VERSION,
            "pmgen": self.info.pmgen_version,
            "source": {"identity": self.info.source, "sha256": self.info.source_sha256},
            "options": dict(self.info.options),
            "files": dict(sorted(self.files.items())),
        }
        return json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def parse(text: str, where: str) -> Manifest:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg} at line {exc.lineno})", where=where
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise InputError("not a pmgen manifest (no `files` object)", where=where)
    raw_source = data.get("source")
    source: dict[str, Any] = raw_source if isinstance(raw_source, dict) else {}
    raw_options = data.get("options")
    options: dict[str, Any] = raw_options if isinstance(raw_options, dict) else {}
    files = {str(k): str(v) for k, v in data["files"].items()}
    info = ManifestInfo(
        source=str(source.get("identity", "")),
        source_sha256=str(source.get("sha256", "")),
        options=options,
        pmgen_version=str(data.get("pmgen", "")),
    )
    return Manifest(info=info, files=files)


def read(out_dir: Path, name: str = MANIFEST_NAME) -> Manifest | None:
    """The manifest in `out_dir`, or None when there is none (first run)."""
    path = out_dir / name
    if path.is_symlink():
        raise InputError(
            "the manifest is a symlink; refusing to trust it", where=str(path)
        )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the manifest ({exc})", where=str(path)) from None
    return parse(text, str(path))


def read_snapshot(out_dir: Path) -> dict[str, Any] | None:
    """The API snapshot the previous run kept, or None (first run, or unreadable)."""
    path = out_dir / SNAPSHOT_NAME
    if path.is_symlink():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def snapshot_text(snapshot: Mapping[str, Any]) -> str:
    return json.dumps(snapshot, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# Regeneration shortcut: a run that finds the same inputs as the run that wrote the
# output directory, and every file still as that run wrote it, skips load and emit.
# The record lives in the user cache (not the output directory, which stays byte for
# byte deterministic): one small file per (inputs, manifest, snapshot) it vouches for.
REGEN_CACHE = "regen"
_DEPENDENCIES = ("black", "datamodel_code_generator", "jinja2", "pydantic")  # modules


def cache_root() -> Path | None:
    """`$PMGEN_CACHE_DIR`, else the user cache dir; None when `PMGEN_NO_CACHE` is set."""
    if os.environ.get("PMGEN_NO_CACHE"):
        return None
    base = os.environ.get("PMGEN_CACHE_DIR")
    if not base:
        import platformdirs  # noqa: PLC0415 (only runs that use the cache pay for it)

        base = platformdirs.user_cache_dir("pmgen")
    return Path(base)


def tree_sha256(root: Path) -> str:
    """One hash over every file under `root` (relative paths and contents, sorted)."""
    digest = hashlib.sha256()
    for folder, dirs, names in sorted(os.walk(root)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            digest.update(
                os.path.relpath(path, root).encode("utf-8", "replace") + b"\0"
            )
            with open(path, "rb") as handle:
                digest.update(hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()


def _tree_stats(root: Path) -> str:
    """Every file under `root` by relative path, size and mtime: what changes when code
    is edited, upgraded or reinstalled (reading and hashing it all cost 60 ms a run)."""
    entries = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in names:
            path = os.path.join(folder, name)
            st = os.stat(path)
            entries.append(
                f"{os.path.relpath(path, root)}\0{st.st_size}\0{st.st_mtime_ns}"
            )
    return "\n".join(sorted(entries))


def _module_stats(name: str) -> str:
    """A library's version as its installed files show it, without importing it or
    `importlib.metadata` (tens of milliseconds on every run)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        return f"{name}=-"
    st = os.stat(spec.origin)
    return f"{name}={spec.origin}\0{st.st_size}\0{st.st_mtime_ns}"


@functools.cache
def code_sha256() -> str:
    """pmgen itself: its version, its code and templates, and the libraries that shape
    the output (a development checkout changes code without changing the version).
    Identified by file stats, not contents: an edit or an upgrade changes them; a file
    touched without a change only costs one full run."""
    package = Path(__file__).resolve().parent
    parts = [__version__, _tree_stats(package)]
    checkout_templates = package.parent / "templates"
    if checkout_templates.is_dir() and not (package / "templates").is_dir():
        parts.append(_tree_stats(checkout_templates))
    parts += [_module_stats(name) for name in _DEPENDENCIES]
    return hashlib.sha256(
        "\0".join(parts).encode("utf-8", "surrogateescape")
    ).hexdigest()


def _state_key(out_dir: Path, fingerprint: str) -> str | None:
    """The inputs plus what the output directory's manifest and snapshot say now; None
    when there is no manifest, or a killed run left a pending one."""
    if (out_dir / PENDING_NAME).exists() or (out_dir / MANIFEST_NAME).is_symlink():
        return None
    # The directory itself too: the record holds its files' inodes and mtimes.
    where = os.path.realpath(out_dir).encode("utf-8", "surrogateescape")
    digest = hashlib.sha256(fingerprint.encode() + b"\0" + where + b"\0")
    for name in (MANIFEST_NAME, SNAPSHOT_NAME):
        path = out_dir / name
        if path.is_symlink():
            return None
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except FileNotFoundError:
            if name == MANIFEST_NAME:
                return None
            digest.update(b"-")
        except OSError:
            return None
    return digest.hexdigest()


def _record_path(out_dir: Path, key: str) -> Path | None:
    """One folder per output directory: only its latest record can ever match again."""
    root = cache_root()
    if root is None:
        return None
    where = os.path.realpath(out_dir).encode("utf-8", "surrogateescape")
    return root / REGEN_CACHE / hashlib.sha256(where).hexdigest()[:32] / key


# A file changed within the clock's granularity after pmgen wrote it keeps its recorded
# size and mtime: such "racy" files are hashed, not trusted (as git does for its index).
RACY_NS = 50_000_000  # nanosecond-precision file systems (mtime from a coarse clock)
RACY_COARSE_NS = 2_000_000_000  # file systems with whole-second mtimes (FAT: 2 s)
Stat = tuple[int, int, int]  # size, mtime_ns, inode


def stats_digest(stats: Mapping[str, Stat]) -> str:
    """One hash of every file's (size, mtime, inode): equal means nothing was touched."""
    text = "\n".join(f"{p}\0{s[0]} {s[1]} {s[2]}" for p, s in sorted(stats.items()))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True)
class RunRecord:
    """What the run that produced an output directory left in the cache for the next:
    a header line, then every listed file's stats (parsed only when the digest differs).
    """

    warnings: list[str]
    digest: str  # `stats_digest` of the files as that run left them
    racy_after: int  # a file with an mtime from then on is hashed, never trusted
    stats_text: str

    def stats(self) -> dict[str, Stat]:
        data = json.loads(self.stats_text)
        return {str(p): (int(a), int(b), int(c)) for p, (a, b, c) in data.items()}


def recorded_run(out_dir: Path, fingerprint: str) -> RunRecord | None:
    """The record of the run that produced `out_dir`'s manifest from these inputs, or
    None when there is none (the caller still checks the files on disk against it)."""
    key = _state_key(out_dir, fingerprint)
    path = _record_path(out_dir, key) if key else None
    if path is None:
        return None
    try:
        header, _, stats_text = path.read_text(encoding="utf-8").partition("\n")
        data = json.loads(header)
        return RunRecord(
            warnings=[str(line) for line in data["warnings"]],
            digest=str(data["digest"]),
            racy_after=int(data["racy_after"]),
            stats_text=stats_text,
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None


def record_run(
    out_dir: Path, fingerprint: str, warnings: list[str], stats: Mapping[str, Stat]
) -> None:
    """Vouch that these inputs produce `out_dir` as it is now (called after a clean write
    or a verified shortcut), with the listed files' `stats`."""
    key = _state_key(out_dir, fingerprint)
    path = _record_path(out_dir, key) if key else None
    if path is None:
        return
    coarse = all(mtime % 1_000_000 == 0 for _size, mtime, _ino in stats.values())
    header = {
        "warnings": warnings,
        "digest": stats_digest(stats),
        "racy_after": time.time_ns() - (RACY_COARSE_NS if coarse else RACY_NS),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(header) + "\n")
            json.dump(dict(stats), handle, separators=(",", ":"))
        os.replace(tmp, path)
        for older in path.parent.iterdir():  # the directory's earlier states
            if older.name != path.name and not older.name.startswith(".tmp-"):
                older.unlink(missing_ok=True)
    except OSError:
        pass  # the cache is an optimisation; a read-only home must not fail the run


def source_identity(source: str) -> str:
    """The source as the manifest records it: a URL loses userinfo and query (share links
    and API URLs carry keys there); a path stays as the user wrote it."""
    if "://" not in source:
        return source or "-"
    parts = urlsplit(source)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    query = "?…" if parts.query else ""
    return urlunsplit((parts.scheme, host + port, parts.path, "", "")) + query
