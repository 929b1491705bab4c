"""What every generating command shares: output options, config, and one run pipeline.

    @click.command()
    @output_options                       # -o/--output, --check, --force, --date, --config
    def command(source, ..., **kwargs):
        settings = OutputSettings.pop_from(kwargs)
        collection = load_collection(source, ...)
        run_emitters(collection, {"": lambda c: emit(c, ...)}, settings=settings,
                     options={"style": [...]}, changelog_path="CHANGELOG.md")

`run_emitters` calls the emitters (each returns {relative path: text}, prefixed by its
key), formats the Python files, diffs the API against the previous run for the
changelog, writes through `generator.writer`, prints the summary (nothing with `-q`
but warnings) and exits 1 when `--check` finds something that would change.
"""

from __future__ import annotations

import gc
import io
import json
import sys
import tokenize
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import click

from generator import changelog, config, writer
from generator import manifest as mf
from generator.errors import InputError, UsageError

if TYPE_CHECKING:
    from generator import formatting  # imported where used: black is slow to import
    from generator.model import Collection

F = TypeVar("F", bound=Callable[..., Any])
Emitter = Callable[["Collection"], Mapping[str, str]]


def _apply_config(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    """Eager: turn the config file into click defaults before other options are parsed."""
    path = Path(value) if value else config.find(Path("."))
    if path is None:
        return None
    if not path.is_file():
        raise click.BadParameter(f"{path} does not exist", ctx=ctx, param=param)
    command = ctx.command.name or ""
    values = config.load(path, command)
    known = {p.name for p in ctx.command.params if p.name}
    config.check_known(values, known, path, command)
    ctx.default_map = {
        **(ctx.default_map or {}),
        **{k: v for k, v in values.items() if k in known},
    }
    return str(path)


def output_options(func: F) -> F:
    """-o/--output DIR, --check, --force, --date, --config (each can come from the config)."""
    decorators = [
        click.option(
            "-o",
            "--output",
            type=click.Path(file_okay=False, path_type=Path),
            help="Output directory (or `output` in pmgen.toml).",
        ),
        click.option(
            "--check",
            is_flag=True,
            help="Write nothing; exit 1 and list what would change (for CI).",
        ),
        click.option(
            "--force", is_flag=True, help="Overwrite generated files edited by hand."
        ),
        click.option(
            "--date",
            help="Date (YYYY-MM-DD) for the changelog entry when the "
            "source has none (default: $SOURCE_DATE_EPOCH, else undated).",
        ),
        click.option(
            "--config",
            "config_file",
            is_eager=True,
            expose_value=True,
            callback=_apply_config,
            type=click.Path(dir_okay=False),
            help="Config file (default: ./pmgen.toml or [tool.pmgen] in ./pyproject.toml).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


@dataclass(frozen=True)
class OutputSettings:
    output: Path
    check: bool = False
    force: bool = False
    date: str | None = None
    config_file: str | None = None

    @classmethod
    def pop_from(cls, kwargs: dict[str, Any]) -> OutputSettings:
        """Take the output options out of a command's kwargs."""
        output = kwargs.pop("output", None)
        settings = cls(
            output=Path(output) if output else Path(),
            check=bool(kwargs.pop("check", False)),
            force=bool(kwargs.pop("force", False)),
            date=kwargs.pop("date", None),
            config_file=kwargs.pop("config_file", None),
        )
        if not output:
            raise UsageError(
                "missing -o/--output DIR (or `output = ...` in pmgen.toml)"
            )
        return settings


def load_collection(source: str | None, **load_kwargs: Any) -> Collection:
    if not source:
        raise UsageError(
            "missing SOURCE (a file, URL or -; or `source = ...` in pmgen.toml)"
        )
    from generator.importer import load  # noqa: PLC0415 (lazy import)

    # The import allocates a large, mostly acyclic model: the cyclic GC's full passes
    # over the growing heap made it superlinear (synth 5,000: 2.65 s with, 1.33 s without).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return load(source, **load_kwargs)
    finally:
        if was_enabled:
            gc.enable()


def _quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    return bool(root and isinstance(root.obj, dict) and root.obj.get("quiet"))


def _echo(line: str, *, err: bool = False) -> None:
    if not _quiet():
        click.echo(line, err=err)


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


def collect(
    collection: Collection, emitters: Mapping[str, Emitter]
) -> formatting.BlackStable:
    """Every emitter's files under its prefix ("" or "client/"), black-stable marks kept."""
    from generator import formatting  # noqa: PLC0415

    files: dict[str, str] = {}
    stable: set[str] = set()
    for prefix, emit in emitters.items():
        emitted = emit(collection)
        marked = formatting.stable_paths(emitted)
        for path, text in emitted.items():
            full = f"{prefix.rstrip('/')}/{path}" if prefix else path
            files[full] = text
            if path in marked:
                stable.add(full)
    return formatting.BlackStable(files, stable)


def emit_formatted(
    collection: Collection,
    emitters: Mapping[str, Emitter],
    secret_values: frozenset[str],
    *,
    forked: Iterable[str] = (),
) -> dict[str, str]:
    """Every emitter's files, secrets that slipped in masked (a masked file loses its
    black-stable mark: black formats it again), Python formatted and compiled.

    On two cores the work overlaps (`generator.parallel`; the same files either way): the
    emitters under `forked` prefixes (independent of the others: `generate` forks the
    client) run in a child from the start, and an emitter with many Python files is
    formatted in a child while the next emitter runs here (the docs render while the
    snippets compile)."""
    from generator import formatting, parallel  # noqa: PLC0415

    def masked(files: Mapping[str, str]) -> Mapping[str, str]:
        return scrub_secrets(files, secret_values) if secret_values else files

    def build(selected: Mapping[str, Emitter]) -> dict[str, str]:
        return formatting.format_python(masked(collect(collection, selected)))

    away = {prefix: emit for prefix, emit in emitters.items() if prefix in set(forked)}
    here = {prefix: emit for prefix, emit in emitters.items() if prefix not in away}
    if not here:
        return build(emitters)
    results: list[Callable[[], dict[str, str]]] = []
    with ExitStack() as children:
        if away:
            results.append(children.enter_context(parallel.forked(lambda: build(away))))
        for prefix, emit in here.items():
            files = masked(collect(collection, {prefix: emit}))
            results.append(_format_soon(files, children))
        merged: dict[str, str] = {}
        for result in results:
            merged.update(result())
    return merged


# Python files an emitter must have for its formatting to go to a child (a fork costs ms)
FORMAT_IN_CHILD = 1000


def _format_soon(
    files: Mapping[str, str], children: ExitStack
) -> Callable[[], dict[str, str]]:
    """`files` formatted: in a forked child when there are many (it sends back only the
    texts black changed), else here and now."""
    from generator import formatting, parallel  # noqa: PLC0415

    if sum(map(formatting.is_python, files)) < FORMAT_IN_CHILD:
        formatted = formatting.format_python(files)
        return lambda: formatted

    def changed() -> dict[str, str]:
        out = formatting.format_python(files)
        return {path: text for path, text in out.items() if text != files[path]}

    child = children.enter_context(parallel.forked(changed))
    return lambda: {**files, **child()}


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep what is alive (the model, above all) out of the cyclic GC's passes while
    emitting: they traversed the whole model again and again, which made big
    collections superlinear (synth 5,000: the snapshot's JSON round trip 0.47 -> 0.05 s).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def run_emitters(
    collection: Collection,
    emitters: Mapping[str, Emitter],
    *,
    settings: OutputSettings,
    options: Mapping[str, Any],
    changelog_path: str | None = None,
    reveal_secrets: bool = False,
    exit_on_check: bool = True,
    echo: bool = True,
    fingerprint: str | None = None,
    forked: Iterable[str] = (),
) -> tuple[writer.WriteReport, changelog.Changes]:
    """Emit, scrub secrets, format, changelog, write, report. The emitters under the
    `forked` prefixes run in a child process meanwhile (see `emit_formatted`).
    `options` are recorded in the manifest (JSON values, no secrets: `reveal_secrets`
    as a flag, never a secret itself).

    Without `reveal_secrets`, the collection's clear-text credentials are named (masked) on
    stderr and any that slipped into an emitted file is masked before formatting (so a
    mask that broke code fails the compile check instead of being written).

    With a `fingerprint` (see `generator.commands.generate`), a clean write is put on
    record, so the next run with the same inputs can skip all of this (`shortcut`).
    """

    with _frozen_heap():
        secret_values: frozenset[str] = frozenset()
        if not reveal_secrets:
            from generator import secrets  # noqa: PLC0415 (imports the model)

            leaks = secrets.SecretReport.of(collection)
            secret_values = frozenset(leaks.values)
        formatted = emit_formatted(collection, emitters, secret_values, forked=forked)
        gc.freeze()  # format_python unfreezes what it froze, ours included
        current = changelog.snapshot(collection)
        warnings: list[str] = []
        if not reveal_secrets:
            warnings = [f"pmgen: {line}" for line in leaks.warning_lines()]
            for line in warnings:
                _echo(line, err=True)
            current = json.loads(
                secrets.scrub({"s": json.dumps(current)}, secret_values)["s"]
            )
        previous = (
            mf.read_snapshot(settings.output) if settings.output.is_dir() else None
        )
        changes = changelog.compare(previous, current)
        if changelog_path:
            existing = writer.read_existing(settings.output, changelog_path)
            when = changelog.resolve_date(collection, settings.date)
            formatted[changelog_path] = changelog.update(
                existing, changes, current, when
            )
        info = mf.ManifestInfo(
            source=source_identity(collection.source),
            source_sha256=collection.source_sha256,
            options=dict(sorted(options.items())),
            snapshot=current,
        )
        report = writer.write_tree(
            settings.output,
            formatted,
            manifest=info,
            check=settings.check,
            force=settings.force,
            merged=(changelog_path,) if changelog_path else (),
        )
    if fingerprint and not settings.check and not report.refused:
        stats = writer.file_stats(settings.output, formatted)
        if stats is not None:
            mf.record_run(settings.output, fingerprint, warnings, stats)
    if echo:
        _print(report, changes)
    if settings.check and report.would_change and exit_on_check:
        sys.exit(1)
    return report, changes


def shortcut(
    settings: OutputSettings, fingerprint: str, *, echo: bool = True
) -> tuple[writer.WriteReport, changelog.Changes] | None:
    """ "Up to date" without loading or emitting anything, when a run with the same
    inputs (`fingerprint`) produced this directory's manifest and every listed file is
    still as written; else None (run in full). Its warnings are printed again.

    A file counts as still written when its size, mtime and inode are those the record
    holds; one that differs, or was written just before the record ("racy"), is hashed
    against the manifest instead (and the record refreshed when it still matches)."""
    if settings.force or not settings.output.is_dir():
        return None
    record = mf.recorded_run(settings.output, fingerprint)
    if record is None:
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
    if newest >= record.racy_after or mf.stats_digest(stats) != record.digest:
        recorded = record.stats()
        if set(recorded) != set(listed.files):
            return None
        suspects = {
            path: digest
            for path, digest in listed.files.items()
            if stats[path] != recorded[path] or stats[path][1] >= record.racy_after
        }
        if not writer.matches_manifest(settings.output, suspects):
            return None
        if not settings.check:
            mf.record_run(settings.output, fingerprint, record.warnings, stats)
    for line in record.warnings:
        _echo(line, err=True)
    report = writer.WriteReport(
        out_dir=settings.output, check=settings.check, unchanged=sorted(listed.files)
    )
    changes = changelog.Changes()
    if echo:
        _print(report, changes)
    return report, changes


def scrub_secrets(
    files: Mapping[str, str], values: Iterable[str]
) -> formatting.BlackStable:
    """Mask literal secrets that slipped into emitted files (`secrets.scrub`), but in Python
    only inside string literals and comments: a secret that happens to equal a name
    (a password "password" vs `digest_password`) must not turn code into a syntax error.
    """
    from generator import formatting  # noqa: PLC0415

    values = frozenset(values)
    from generator import secrets  # noqa: PLC0415 (imports the model)

    masked = secrets.scrub(files, values)
    for path, text in files.items():
        if formatting.is_python(path) and masked[path] != text:
            masked[path] = _scrub_literals(
                text, lambda part: secrets.scrub({"": part}, values)[""]
            )
    # A mask changes a line's length, so a file it touched may no longer be black-stable.
    unchanged = {p for p in formatting.stable_paths(files) if masked[p] == files[p]}
    return formatting.BlackStable(masked, unchanged)


_LITERAL_TOKENS = {tokenize.STRING, tokenize.COMMENT} | (
    {tokenize.FSTRING_MIDDLE} if hasattr(tokenize, "FSTRING_MIDDLE") else set()
)


def _scrub_literals(text: str, mask: Callable[[str], str]) -> str:
    starts = [0]  # offset of each line as tokenize numbers them (split on "\n" only)
    for line in io.StringIO(text):
        starts.append(starts[-1] + len(line))
    spans: list[tuple[int, int]] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in _LITERAL_TOKENS:
                begin = starts[tok.start[0] - 1] + tok.start[1]
                spans.append((begin, starts[tok.end[0] - 1] + tok.end[1]))
    except (tokenize.TokenError, SyntaxError):
        return mask(text)  # not Python after all: mask everything, compile() will judge
    pieces, last = [], 0
    for begin, end in spans:
        pieces += [text[last:begin], _mask_literal(text[begin:end], mask)]
        last = end
    return "".join([*pieces, text[last:]])


def _mask_literal(token: str, mask: Callable[[str], str]) -> str:
    """Mask inside a string/comment token; in an f-string, not inside `{expressions}`."""
    prefix = token[: len(token) - len(token.lstrip("rRbBuUfF"))]
    if "f" not in prefix.lower():
        return mask(token)
    out, depth, start, i = [], 0, 0, 0
    while i < len(token):
        if depth == 0 and token[i : i + 2] in ("{{", "}}"):
            i += 2
            continue
        if token[i] == "{":
            if depth == 0:
                out.append(mask(token[start:i]))
                start = i
            depth += 1
        elif token[i] == "}" and depth:
            depth -= 1
            if depth == 0:
                out.append(token[start : i + 1])  # an expression: code, left alone
                start = i + 1
        i += 1
    out.append(mask(token[start:]) if depth == 0 else token[start:])
    return "".join(out)


MAX_LISTED = 200  # --check lists this many paths (a first run may have 20,000)


def _print(report: writer.WriteReport, changes: changelog.Changes) -> None:
    for path, why in report.refused:
        hint = (
            " (use --force to overwrite)"
            if "edited" in why or "not generated" in why
            else ""
        )
        click.echo(f"pmgen: warning: kept {path}: {why}{hint}", err=True)
    if report.check:
        for path, what in report.would_change[:MAX_LISTED]:
            _echo(f"would change: {path} ({what})")
        if len(report.would_change) > MAX_LISTED:
            _echo(f"would change: ... and {len(report.would_change) - MAX_LISTED} more")
    if not report.up_to_date and not (report.check and not report.would_change):
        _echo(changes.summary())
    _echo(report.summary())
