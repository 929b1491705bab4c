"""`pmgen watch SOURCE -o DIR`: regenerate (like `pmgen generate`) whenever SOURCE changes.

- A file: file-system events through `watchdog` when it is installed (it is an optional
  extra: it comes with mkdocs), else polling its mtime and size every `--interval`
  (`PMGEN_WATCH_POLLING=1` forces polling); either way a regeneration happens only when
  the content hash changed (an editor's save-without-change or a `touch` does nothing).
- A v3 collection folder (or a workspace): polling the collection's files every
  `--interval` (an edited, added or removed request, definition or example file), then
  their content hash.
- A URL: polling every `--interval` with `If-None-Match` (ETag) / `If-Modified-Since`
  (a 304 costs no download), then the content hash of a 200.
One line per regeneration (time, changelog summary, files written); a failing
regeneration (a half-saved file) prints one error line and the watch goes on.
Ctrl-C stops cleanly (exit 0).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import httpx

from pmgen.commands._output import output_options
from pmgen.commands._source_options import source_options
from pmgen.commands.generate import GenerateJob, generate_options
from pmgen.errors import PmgenError, UsageError

DEBOUNCE = (
    0.1  # seconds of quiet after an event before reading (editors write in steps)
)


class FileSource:
    """Change detection for a file: events when possible, mtime/size polling otherwise."""

    def __init__(self, path: Path, interval: float) -> None:
        self.path = path
        self.interval = interval
        self._stamp = self._stat()
        self._event = threading.Event()
        self._observer: Any = None
        self.mode = f"polling every {interval:g}s"
        if os.environ.get(
            "PMGEN_WATCH_POLLING"
        ):  # force the fallback (tests, odd disks)
            return
        try:
            # optional: watchdog comes with mkdocs, pmgen does not require it
            import watchdog.events  # noqa: PLC0415
            import watchdog.observers  # noqa: PLC0415
        except ImportError:
            return
        target = os.path.abspath(path)
        event = self._event

        class Handler(watchdog.events.FileSystemEventHandler):
            def on_any_event(self, ev: watchdog.events.FileSystemEvent) -> None:
                paths = {
                    os.fsdecode(ev.src_path),
                    os.fsdecode(getattr(ev, "dest_path", "") or ""),
                }
                if target in {os.path.abspath(p) for p in paths if p}:
                    event.set()

        observer = watchdog.observers.Observer()
        observer.schedule(Handler(), os.path.dirname(target) or ".", recursive=False)
        observer.daemon = True
        observer.start()
        self._observer = observer
        self.mode = "file-system events"

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def wait(self, stop: threading.Event) -> bool:
        """Block up to one interval; True when the file may have changed."""
        if self._observer is not None:
            fired = self._event.wait(self.interval)
            if fired:
                stop.wait(DEBOUNCE)
                self._event.clear()
        else:
            stop.wait(self.interval)
            fired = False
        stamp = self._stat()  # also the safety net for missed events (network disks)
        changed = fired or stamp != self._stamp
        self._stamp = stamp
        return changed

    def content_hash(self) -> str | None:
        try:
            return hashlib.sha256(self.path.read_bytes()).hexdigest()
        except OSError:
            return None

    def close(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=2)


class FolderSource:
    """Change detection for a v3 collection folder: every interval the collection's files
    are listed again (an added or removed request file changes the list) and their sizes
    and mtimes compared; only then are they hashed (`content_hash`)."""

    def __init__(self, path: Path, interval: float, collection: str | None) -> None:
        self.path = path
        self.collection = collection
        self.interval = interval
        self.mode = f"polling the collection's files every {interval:g}s"
        self._stamp = self._stat()

    def _files(self) -> list[Path]:
        from pmgen.importer.v3.inputs import collection_files  # noqa: PLC0415
        from pmgen.importer.v3.workspace import pick_collection  # noqa: PLC0415

        try:
            return collection_files(pick_collection(str(self.path), self.collection))
        except (PmgenError, OSError):
            return []

    def _stat(self) -> tuple[tuple[str, int, int], ...]:
        stamps = []
        for path in self._files():
            try:
                st = path.stat()
            except OSError:
                continue
            stamps.append((str(path), st.st_mtime_ns, st.st_size))
        return tuple(stamps)

    def wait(self, stop: threading.Event) -> bool:
        stop.wait(self.interval)
        stamp = self._stat()
        changed = stamp != self._stamp
        self._stamp = stamp
        return changed

    def content_hash(self) -> str | None:
        from pmgen.importer.v3.inputs import fingerprint_inputs  # noqa: PLC0415

        try:
            inputs = fingerprint_inputs(str(self.path), self.collection, None)
        except (PmgenError, OSError):
            return None
        return json.dumps(inputs) if inputs else None

    def close(self) -> None:
        pass


class UrlSource:
    """Change detection for a URL: conditional GETs, then the body's hash."""

    def __init__(self, url: str, interval: float, headers: dict[str, str]) -> None:
        self.url = url
        self.interval = interval
        self.mode = f"polling every {interval:g}s (ETag / If-Modified-Since)"
        self._client = httpx.Client(
            timeout=30.0, follow_redirects=True, headers=headers
        )
        self._validators: dict[str, str] = {}
        self._hash: str | None = None

    def wait(self, stop: threading.Event) -> bool:
        stop.wait(self.interval)
        return True  # content_hash decides

    def content_hash(self) -> str | None:
        """The body's hash; the last known one on 304 or on a network error."""
        try:
            response = self._client.get(self.url, headers=self._validators)
        except httpx.HTTPError:
            return self._hash
        if response.status_code == 304:
            return self._hash
        if response.status_code != 200:
            return self._hash
        self._validators = {}
        if etag := response.headers.get("ETag"):
            self._validators["If-None-Match"] = etag
        if modified := response.headers.get("Last-Modified"):
            self._validators["If-Modified-Since"] = modified
        self._hash = hashlib.sha256(response.content).hexdigest()
        return self._hash

    def close(self) -> None:
        self._client.close()


def _line(message: str) -> None:
    click.echo(f"{time.strftime('%H:%M:%S')} {message}")


def regenerate(job: GenerateJob) -> None:
    """One regeneration, one line; errors are reported and the watch goes on."""
    try:
        result = job.run()
    except PmgenError as exc:
        _line(f"error: {exc}")
        return
    except Exception as exc:  # a generator bug on this input: say so, keep watching
        _line(f"internal error: {type(exc).__name__}: {exc}")
        return
    report, changes = result.report, result.changes
    refused = f", {len(report.refused)} kept (edited by hand)" if report.refused else ""
    if report.up_to_date:
        _line(f"up to date{refused}")
    else:
        _line(
            f"regenerated: {changes.summary().removeprefix('changelog: ')}; "
            f"{len(report.written)} written, {len(report.removed)} removed{refused}"
        )


def watch_loop(
    job: GenerateJob,
    source: FileSource | FolderSource | UrlSource,
    stop: threading.Event,
    on_cycle: Callable[[], None] | None = None,
) -> None:
    last = source.content_hash()
    regenerate(job)
    while not stop.is_set():
        if not source.wait(stop) or stop.is_set():
            continue
        current = source.content_hash()
        if current is not None and current != last:
            last = current
            regenerate(job)
        if on_cycle:
            on_cycle()


@click.command(name="watch")
@source_options(required=False)
@output_options
@generate_options
@click.option(
    "--interval",
    type=click.FloatRange(min=0.05),
    default=1.0,
    show_default=True,
    help="Seconds between checks (URL polling; fallback for files).",
)
def command(interval: float, **kwargs: Any) -> None:
    """Regenerate client, snippets and docs whenever SOURCE changes (Ctrl-C stops)."""
    job = GenerateJob.from_kwargs(kwargs)
    if job.settings.check:
        raise UsageError(
            "--check makes no sense with watch; use `pmgen generate --check`"
        )
    if not job.source or job.source == "-":
        raise UsageError("watch needs a file or URL SOURCE (not stdin)")
    source: FileSource | FolderSource | UrlSource
    if os.path.isdir(job.source):  # a v3 collection folder or a workspace
        source = FolderSource(
            Path(job.source), interval, job.load.get("collection_name")
        )
    elif "://" in job.source:
        headers = {"X-Api-Key": job.load["api_key"]} if job.load.get("api_key") else {}
        source = UrlSource(job.source, interval, headers)
    else:
        source = FileSource(Path(job.source), interval)
    stop = threading.Event()
    _line(f"watching {job.source} ({source.mode}); Ctrl-C stops")
    try:
        watch_loop(job, source, stop)
    except KeyboardInterrupt:
        stop.set()
    finally:
        source.close()
    _line("stopped")
