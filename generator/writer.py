"""Write generated files into an output directory: only what changed, atomically, safely.

`write_tree(out_dir, files, manifest=...)` plans everything before touching the disk:
- a file whose content is unchanged is not written (its mtime stays);
- a file pmgen generated before (listed in `.pmgen.json`) is rewritten when its content
  changed and removed when it is no longer produced;
- a generated file edited by hand is reported and kept, unless `force`;
- a file pmgen did not generate is never touched (and never overwritten, unless `force`);
- every path must stay inside the output directory (see `safe_relative_path`), and no
  symlink inside the output directory is ever followed.
Each file is written to a temp file in its own directory and renamed into place; the new
manifest is staged as `.pmgen.json.pending` first and renamed last, so a run killed at any
moment leaves whole files, a consistent manifest, and a next run that finishes the job.
`check=True` writes nothing and lists what would change. Paths in `merged` (the API
changelog) are built from the file's current text, so a hand edit there is kept, not refused.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pmgen import manifest as mf
from pmgen import parallel
from pmgen.errors import GeneratorBug, InputError
from pmgen.manifest import Manifest, ManifestInfo

_WINDOWS_DEVICES = re.compile(
    r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$", re.I
)
_FORBIDDEN = re.compile(r'[\\:<>"|?*\x00-\x1f\x7f]')
MAX_PART_BYTES = 255


@dataclass
class WriteReport:
    out_dir: Path
    check: bool = False
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    would_change: list[tuple[str, str]] = field(
        default_factory=list
    )  # (path, what) in check mode
    manifest_changed: bool = False

    @property
    def up_to_date(self) -> bool:
        """Nothing written or to write, nothing refused."""
        return not (
            self.written
            or self.removed
            or self.refused
            or self.would_change
            or self.manifest_changed
        )

    def summary(self) -> str:
        if self.check:
            if not self.would_change:
                return f"{self.out_dir}: up to date"
            return f"{self.out_dir}: {len(self.would_change)} file(s) would change"
        if self.up_to_date:
            return f"{self.out_dir}: up to date ({len(self.unchanged)} files)"
        parts = [
            f"{len(self.written)} written",
            f"{len(self.removed)} removed",
            f"{len(self.unchanged)} unchanged",
        ]
        if self.refused:
            parts.append(f"{len(self.refused)} refused")
        return f"{self.out_dir}: " + ", ".join(parts)


def safe_relative_path(path: str) -> PurePosixPath:
    """`path` as a relative path that cannot leave the directory it is joined to.

    Refuses absolute paths, `..`, empty or `.` parts, backslashes and drive letters, NUL and
    control characters, Windows-invalid characters and device names (`CON`, `nul.txt`),
    trailing dots/spaces, over-long names and pmgen's own bookkeeping names.
    """
    return PurePosixPath(_checked(path))


def _checked(path: str) -> str:
    """`safe_relative_path` on plain strings (pathlib is too slow for 20,000 files)."""

    def refuse(why: str) -> GeneratorBug:
        return GeneratorBug(f"refusing to write {path!r}: {why}")

    if not isinstance(path, str) or not path:
        raise GeneratorBug(f"refusing to write an empty or non-text path: {path!r}")
    bad = _FORBIDDEN.findall(path)
    if bad:
        raise refuse(f"forbidden character(s) {sorted(set(bad))!r}")
    if path.startswith("/"):
        raise refuse("absolute path")
    parts = path.split("/")
    for part in parts:
        if part in ("", ".", ".."):
            raise refuse("empty, '.' or '..' path part")
        if part[-1] in ". ":
            raise refuse("a part ends with a dot or space")
        if _WINDOWS_DEVICES.match(part.split(".", 1)[0].rstrip()):
            raise refuse(f"{part!r} is a reserved device name")
        if len(part.encode("utf-8")) > MAX_PART_BYTES:
            raise refuse("a name is longer than 255 bytes")
        if part.startswith(mf.TEMP_PREFIX):
            raise refuse("pmgen's temp-file prefix")
    if parts[0] in mf.RESERVED_NAMES:
        raise refuse("pmgen's own bookkeeping file")
    return path


def _parents(path: str) -> list[str]:
    """`a/b/c.py` -> `["a", "a/b"]` (outermost first)."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _check_collisions(paths: list[str]) -> None:
    """Two paths that alias on case-insensitive disks, or a file that is also a directory."""
    folded: dict[str, str] = {}
    for path in paths:
        other = folded.setdefault(path.casefold(), path)
        if other != path:
            raise GeneratorBug(
                f"generated paths {other!r} and {path!r} differ only in case"
            )
    dirs = {parent for p in paths for parent in _parents(p)}
    clash = sorted(set(paths) & dirs)
    if clash:
        raise GeneratorBug(
            f"generated path {clash[0]!r} is both a file and a directory"
        )


class _Disk:
    """Reads under `root` that never follow a symlink placed inside it."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self._dir_ok: dict[str, bool] = {}  # relative dir -> exists (a real directory)

    def _refuse_link(self, rel: str) -> InputError:
        return InputError(
            f"{rel!r} is a symlink inside the output directory; refusing to write through it",
            where=self.root,
        )

    def _check_dirs(self, rel: str) -> bool:
        """True when every parent dir exists; raises on a symlink or a file in the way."""
        for parent in _parents(rel):
            known = self._dir_ok.get(parent)
            if known is None:
                try:
                    mode = os.lstat(os.path.join(self.root, parent)).st_mode
                except FileNotFoundError:
                    known = False
                else:
                    if stat.S_ISLNK(mode):
                        raise self._refuse_link(parent)
                    if not stat.S_ISDIR(mode):
                        raise InputError(
                            f"{parent!r} is in the way of {rel!r} (not a directory)",
                            where=self.root,
                        )
                    known = True
                self._dir_ok[parent] = known
            if not known:
                return False  # a missing directory: nothing below it exists
        return True

    def read(self, rel: str) -> bytes | None:
        if not self._check_dirs(rel):
            return None
        target = os.path.join(self.root, rel)
        try:
            mode = os.lstat(target).st_mode
        except FileNotFoundError:
            return None
        if stat.S_ISLNK(mode):
            raise self._refuse_link(rel)
        if not stat.S_ISREG(mode):
            raise InputError(
                f"{rel!r} is in the way (not a regular file)", where=self.root
            )
        with open(target, "rb") as handle:
            return handle.read()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _known_hashes(*manifests: Manifest | None) -> dict[str, set[str]]:
    known: dict[str, set[str]] = {}
    for manifest in manifests:
        if manifest is not None:
            for path, digest in manifest.files.items():
                known.setdefault(path, set()).add(digest)
    return known


def _read_pending(out: Path) -> Manifest | None:
    try:
        return mf.read(out, mf.PENDING_NAME)
    except InputError:
        return None  # a torn pending file: the killed run never renamed it, ignore it


@dataclass
class _Plan:
    report: WriteReport
    to_write: list[str] = field(default_factory=list)
    to_remove: list[str] = field(default_factory=list)
    recorded: dict[str, str] = field(
        default_factory=dict
    )  # the new manifest's file list


def write_tree(
    out_dir: str | os.PathLike[str],
    files: Mapping[str, str],
    *,
    manifest: ManifestInfo,
    check: bool = False,
    force: bool = False,
    merged: Collection[str] = (),
) -> WriteReport:
    """Bring `out_dir` to `files` (relative posix path -> text); see the module docstring."""
    out = Path(out_dir)
    rels = {path: _checked(path) for path in sorted(files)}
    _check_collisions(list(rels))
    if out.exists() and not out.is_dir():
        raise InputError(
            "the output path exists and is not a directory", where=str(out)
        )
    old = mf.read(out, mf.MANIFEST_NAME) if out.is_dir() else None
    pending = _read_pending(out) if out.is_dir() else None
    plan = _plan(
        out,
        files,
        rels,
        _known_hashes(old, pending),
        force=force,
        check=check,
        merged=merged,
    )
    report = plan.report

    new_manifest = Manifest(info=manifest, files=plan.recorded).to_text()
    snapshot = (
        mf.snapshot_text(manifest.snapshot) if manifest.snapshot is not None else None
    )
    snapshot_changed = snapshot is not None and snapshot != _read_text(
        out / mf.SNAPSHOT_NAME
    )
    manifest_changed = (
        new_manifest != _read_text(out / mf.MANIFEST_NAME) or snapshot_changed
    )
    if check:
        report.would_change.extend(report.refused)
        if manifest_changed and not report.would_change:
            report.would_change.append(
                (mf.MANIFEST_NAME, "changed (source or options)")
            )
        report.refused = []
        return report

    report.would_change = []
    report.manifest_changed = manifest_changed
    if not (plan.to_write or plan.to_remove or manifest_changed) and pending is None:
        return report  # up to date: touch nothing, not even the manifest
    out.mkdir(parents=True, exist_ok=True)
    if pending is not None:
        _remove_stale_temps(out)
    new_mode = 0o666 & ~_umask()
    # the journal first: the hashes about to appear, so a killed run is recognisable
    _atomic_write(out, mf.PENDING_NAME, new_manifest, new_mode)
    _write_all(out, files, plan.to_write, new_mode)
    report.written.extend(plan.to_write)
    for path in plan.to_remove:
        os.unlink(out / path)
        report.removed.append(path)
        _prune_empty_dirs(out, PurePosixPath(path))
    if snapshot_changed and snapshot is not None:
        _atomic_write(out, mf.SNAPSHOT_NAME, snapshot, new_mode)
    os.replace(out / mf.PENDING_NAME, out / mf.MANIFEST_NAME)  # the commit point
    return report


def _plan(
    out: Path,
    files: Mapping[str, str],
    rels: Mapping[str, str],
    known: Mapping[str, set[str]],
    *,
    force: bool,
    check: bool,
    merged: Collection[str],
) -> _Plan:
    """Decide every file's fate by comparing new text, disk and the manifests' hashes."""
    plan = _Plan(report=WriteReport(out_dir=out, check=check))
    report, disk = plan.report, _Disk(out)
    for path, rel in rels.items():
        digest = _sha(files[path].encode("utf-8"))
        current = disk.read(rel)
        on_disk = _sha(current) if current is not None else None
        ours = path in known
        if on_disk == digest:
            report.unchanged.append(path)
        elif (
            on_disk is None or on_disk in known.get(path, ()) or force or path in merged
        ):
            why = "new" if on_disk is None else "changed"
            if on_disk is not None and on_disk not in known.get(path, ()):
                why = (
                    "updated, your edits kept"
                    if path in merged
                    else "overwritten (--force)"
                )
            plan.to_write.append(path)
            report.would_change.append((path, why))
        else:
            why = "edited by hand" if ours else "exists and was not generated by pmgen"
            report.refused.append((path, why))
            if not ours:
                continue  # a user's file: never recorded as pmgen's
        plan.recorded[path] = digest

    for path in sorted(set(known) - set(files)):
        try:
            rel = _checked(path)  # an old manifest is input too
        except GeneratorBug as exc:
            raise InputError(
                f"the manifest lists an unsafe path ({exc})", where=str(out)
            ) from None
        current = disk.read(rel)
        if current is None:
            continue
        if _sha(current) in known[path] or force:
            plan.to_remove.append(path)
            report.would_change.append((path, "removed"))
        else:
            report.refused.append((path, "edited by hand; no longer generated, kept"))
            plan.recorded[path] = sorted(known[path])[0]
    return plan


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# More files than this to write: a forked child writes half of them. File-system calls
# are most of a big write (16,000 files: 2 s), and two processes take half the time.
SPLIT_WRITES = 2000


def _write_all(
    out: Path, files: Mapping[str, str], paths: list[str], new_mode: int
) -> None:
    """Every path of `paths` written atomically (`pmgen.parallel` for big batches: a
    child that fails is redone here, so an error is raised here as it would have been).
    """

    def write(part: list[str]) -> bool:
        made: set[str] = set()
        in_child = os.getpid() != parent
        for path in part:
            if in_child and os.getppid() != parent:
                os._exit(1)  # the child of a run that was killed stops as the run did
            _atomic_write(out, path, files[path], new_mode, made)
        return True

    parent = os.getpid()
    if len(paths) < SPLIT_WRITES or not parallel.can_fork():
        write(paths)
        return
    half = len(paths) // 2
    with parallel.forked(lambda: write(paths[half:])) as second_half:
        write(paths[:half])
        second_half()


def _atomic_write(
    out: Path, path: str, text: str, new_mode: int, made: set[str] | None = None
) -> None:
    """Temp file in the target's directory, then rename: readers see old or new, never half.
    `made`: folders this run already created (16,000 files, a few hundred folders)."""
    target = os.path.join(out, path)
    folder = os.path.dirname(target)
    if made is None or folder not in made:
        os.makedirs(folder, exist_ok=True)
        if made is not None:
            made.add(folder)
    try:
        mode = stat.S_IMODE(os.lstat(target).st_mode)
    except FileNotFoundError:
        mode = new_mode
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=mf.TEMP_PREFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prune_empty_dirs(out: Path, rel: PurePosixPath) -> None:
    for parent in rel.parents[:-1]:
        try:
            (out / str(parent)).rmdir()  # fails (and we stop) when not empty
        except OSError:
            return


def _remove_stale_temps(out: Path) -> None:
    """Temp files a killed run left behind (only pmgen's prefix, never following links)."""
    for folder, dirs, names in os.walk(out, followlinks=False):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        for name in names:
            if name.startswith(mf.TEMP_PREFIX):
                Path(folder, name).unlink(missing_ok=True)


def read_existing(out_dir: str | os.PathLike[str], path: str) -> str | None:
    """A file's current text in the output dir (never through a symlink), None if absent."""
    out = Path(out_dir)
    if not out.is_dir():
        return None
    data = _Disk(out).read(_checked(path))
    return data.decode("utf-8", errors="replace") if data is not None else None


def matches_manifest(
    out_dir: str | os.PathLike[str], listed: Mapping[str, str]
) -> bool:
    """Every file the manifest lists is on disk with the recorded hash (no symlinks
    followed, no unsafe path trusted): the regeneration shortcut's check."""
    disk = _Disk(Path(out_dir))
    try:
        for path, digest in listed.items():
            data = disk.read(_checked(path))
            if data is None or _sha(data) != digest:
                return False
    except (GeneratorBug, InputError, OSError):
        return False  # the full run explains what is wrong
    return True


def file_stats(
    out_dir: str | os.PathLike[str], paths: Iterable[str]
) -> dict[str, tuple[int, int, int]] | None:
    """(size, mtime_ns, inode) of each file, or None when one is missing, not a regular
    file, unsafe, or under a directory that is a symlink (never trusted, never followed).
    One thread: 16,000 lstat calls take 0.1 s, and threads only added GIL hand-offs."""
    base = os.path.join(os.fspath(out_dir), "")
    paths = list(paths)
    # Only reads: the full `_checked` is left to the writer (it cost more than the
    # lstat calls); a path that could leave the directory is still refused here.
    if any(p.startswith("/") or "\\" in p or "/../" in f"/{p}/" for p in paths):
        return None
    folders = {path.rpartition("/")[0] for path in paths} - {""}
    for parent in sorted({p for folder in folders for p in _parents(folder + "/x")}):
        try:
            if not stat.S_ISDIR(os.lstat(base + parent).st_mode):
                return None  # a symlink or a file where a folder was written
        except OSError:
            return None
    out: dict[str, tuple[int, int, int]] = {}
    try:
        for path in paths:
            s = os.lstat(base + path)
            if not stat.S_ISREG(s.st_mode):
                return None
            out[path] = (s.st_size, s.st_mtime_ns, s.st_ino)
    except OSError:
        return None
    return out
