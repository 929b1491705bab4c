"""Regeneration with nothing changed: "up to date" without loading or emitting anything.

`generate` hashes every input of a run (`commands/generate.py` `GenerateJob.fingerprint`);
after a clean write the pipeline puts the run on record (`record`, in the user cache), and
the next run with the same fingerprint asks `up_to_date` before doing any work.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pmgen import manifest as mf
from pmgen import writer
from pmgen.errors import InputError

if TYPE_CHECKING:
    from pmgen.pipeline import OutputSettings


def record(
    output: Path, fingerprint: str, files: Mapping[str, str], lines: list[str]
) -> None:
    """Put a clean write on record, with the warning lines to print again when skipped."""
    stats = writer.file_stats(output, files)
    if stats is not None:
        mf.record_run(output, fingerprint, lines, stats)


def up_to_date(
    settings: OutputSettings, fingerprint: str
) -> tuple[writer.WriteReport, list[str]] | None:
    """The report of a run with nothing to do and its recorded warning lines, when a run
    with the same inputs (`fingerprint`) produced this directory's manifest and every
    listed file is still as written; else None (run in full).

    A file counts as still written when its size, mtime and inode are those the record
    holds; one that differs, or was written just before the record ("racy"), is hashed
    against the manifest instead (and the record refreshed when it still matches)."""
    if settings.force or not settings.output.is_dir():
        return None
    held = mf.recorded_run(settings.output, fingerprint)
    if held is None:
        return None
    try:
        listed = mf.read(settings.output)
    except InputError:  # an unreadable manifest: the full run reports it
        return None
    if listed is None:
        return None
    stats = writer.file_stats(settings.output, listed.files)
    if stats is None:
        return None
    newest = max((mtime for _size, mtime, _ino in stats.values()), default=0)
    if newest >= held.racy_after or mf.stats_digest(stats) != held.digest:
        recorded = held.stats()
        if set(recorded) != set(listed.files):
            return None
        suspects = {
            path: digest
            for path, digest in listed.files.items()
            if stats[path] != recorded[path] or stats[path][1] >= held.racy_after
        }
        if not writer.matches_manifest(settings.output, suspects):
            return None
        if not settings.check:
            mf.record_run(settings.output, fingerprint, held.warnings, stats)
    report = writer.WriteReport(
        out_dir=settings.output, check=settings.check, unchanged=sorted(listed.files)
    )
    return report, list(held.warnings)
