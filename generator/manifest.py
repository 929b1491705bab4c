"""`.pmgen.json`: what pmgen generated into an output directory, and from what.

The manifest lists every generated file with its sha256, so a later run knows which
files are pmgen's (and may be rewritten or removed), which were edited by hand, and
which belong to the user (never touched). It holds no timestamps: the same source and
options give the same manifest byte for byte.

While a run is writing, the manifest it is about to commit sits in `.pmgen.json.pending`;
a run killed before the final rename leaves it behind, and the next run also accepts the
pending hashes as pmgen's own (a file already replaced by the killed run is not "hand-edited").
Beside the manifest, `.pmgen-api.json` keeps a secret-free snapshot of the API (see
`generator.changelog.snapshot`) that the next run diffs against for the changelog.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import __version__
from generator.errors import InputError

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
