"""One run of pmgen, top to bottom: load -> model -> emit -> scrub -> format -> write.

    result = run(source, load_options, Plan(parts={"client": ""}), settings)
    result.files          # {path: text} as written (or as `--check` would write them)
    result.diagnostics    # what the importer and the emitters noted (`model.Diagnostic`)
    result.report         # what the writer did (`writer.WriteReport`)

Every command is a click wrapper around `run` (`generator/commands/`): it prints each
notice as it comes (`notify`) and the result (`pmgen.commands._output.show`).
The steps, each a function below:

1. load: `pmgen.importer.load` reads the source into the model (`pmgen.model`);
2. emit: each part's emitter (`pmgen.emitters.EMITTERS`: client, snippets, docs) turns
   the model into files, touching nothing else; the docs get the snippets as an input;
3. scrub: any literal secret of the collection that slipped into a file is masked
   (`pmgen.secrets.scrub_files`), unless `--reveal-secrets`;
4. format: black on the Python files not already black-stable (`pmgen.formatting`);
5. write: the API snapshot, its changelog and the manifest (`changelog`, `manifest`), then
   every file (`pmgen.writer`), refusing to overwrite hand edits.

Work runs in parallel only here (`pmgen.parallel`): on two cores the client is emitted
and formatted in a forked child while the snippets and docs are emitted here, and the
client emitter runs datamodel-code-generator through the `beside` it is handed. The files
are the same with or without a child.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmgen import changelog, writer
from pmgen import manifest as mf
from pmgen.emitted import BlackStable, is_python, stable_paths
from pmgen.errors import UsageError
from pmgen.manifest import source_identity

if TYPE_CHECKING:
    from pmgen.emitters import Beside, Options
    from pmgen.emitters.docs_view import DocSnippets
    from pmgen.model import Collection, Diagnostic, Operation
    from pmgen.wire.effects import CollectionEffects

PARTS = ("client", "snippets", "docs")


@dataclass(frozen=True)
class OutputSettings:
    """Where and how to write: `-o/--output`, `--check`, `--force`, `--date`, `--config`."""

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


@dataclass(frozen=True)
class Plan:
    """What to generate. `parts` maps each part to its folder in the output ("" when it
    is the only one); `styles` are the snippets' (empty: every style but python-client),
    `doc_styles` the docs' (empty: no snippets in the docs). `recorded`: the options the
    manifest keeps (JSON values, no secrets), to which the environment is added."""

    parts: Mapping[str, str]
    styles: tuple[str, ...] = ()
    doc_styles: tuple[str, ...] = ()
    package_name: str | None = None
    reveal_secrets: bool = False
    templates: str | None = None
    site: str | None = None
    changelog: str | None = None  # where the API changelog goes, if anywhere
    recorded: Mapping[str, Any] = field(default_factory=dict)
    record_package: bool = (
        False  # the manifest keeps the package name decided as `name`
    )


@dataclass
class Result:
    source: str
    files: dict[str, str]  # as written, or as `--check` would write them
    diagnostics: list[Diagnostic]  # the importer's and the emitters' notes
    warnings: list[str]  # secrets found in the collection, one line each (masked)
    report: writer.WriteReport
    changes: changelog.Changes

    def notices(self) -> list[str]:
        """The lines to show the user: every diagnostic but `info`, then the warnings."""
        shown = [d for d in self.diagnostics if d.level != "info"]
        return [*(diagnostic_line(d, self.source) for d in shown), *self.warnings]


def run(
    source: str | None,
    load_options: Mapping[str, Any],
    plan: Plan,
    settings: OutputSettings,
    *,
    fingerprint: str | None = None,
    notify: Callable[[str], None] = lambda line: None,
) -> Result:
    """Load, emit, scrub, format and write. Each notice (`Result.notices`) goes to
    `notify` as soon as it is known, so it is shown even when a later step fails. With a
    `fingerprint` of every input, a clean write is put on record for `up_to_date`."""
    from pmgen import rerun  # noqa: PLC0415

    # pydantic: not for up_to_date
    from pmgen.model import Diagnostic  # noqa: PLC0415

    with ExitStack() as early:
        beside = _prewarmed(plan, early)  # started before the load, to overlap it
        collection = load(source, load_options)
        for diagnostic in collection.diagnostics:
            if diagnostic.level != "info":
                notify(diagnostic_line(diagnostic, collection.source))
        with _frozen_heap():
            secret_values, warnings = _secrets(collection, plan.reveal_secrets)
            for line in warnings:
                notify(line)
            files = emit(collection, plan, secret_values, beside)
            early.close()  # a prewarmed child the client did not need goes now
            notes = [Diagnostic(level="warning", message=note) for note in files.notes]
            for diagnostic in notes:
                notify(diagnostic_line(diagnostic, collection.source))
            gc.freeze()  # format_python unfreezes what it froze, ours included
            report, changes = write(collection, plan, settings, files, secret_values)
    diagnostics = [*collection.diagnostics, *notes]
    result = Result(collection.source, files, diagnostics, warnings, report, changes)
    if fingerprint and not settings.check and not report.refused:
        rerun.record(settings.output, fingerprint, files, result.notices())
    return result


def write(
    collection: Collection,
    plan: Plan,
    settings: OutputSettings,
    files: dict[str, str],
    secret_values: frozenset[str],
) -> tuple[writer.WriteReport, changelog.Changes]:
    """The API snapshot (secrets masked) and its changes since the last run, the
    changelog (added to `files`), the manifest, then every file."""
    snapshot = changelog.snapshot(collection)
    if secret_values:
        from pmgen import secrets  # noqa: PLC0415

        text = secrets.scrub({"s": json.dumps(snapshot)}, secret_values)["s"]
        snapshot = json.loads(text)
    previous = mf.read_snapshot(settings.output) if settings.output.is_dir() else None
    changes = changelog.compare(previous, snapshot)
    if plan.changelog:
        existing = writer.read_existing(settings.output, plan.changelog)
        when = changelog.resolve_date(collection, settings.date)
        files[plan.changelog] = changelog.update(existing, changes, snapshot, when)
    recorded = {**plan.recorded, "environment": collection.environment}
    if plan.record_package:
        recorded["name"] = _package_name(collection, plan.package_name)
    info = mf.ManifestInfo(
        source=source_identity(collection.source),
        source_sha256=collection.source_sha256,
        options=dict(sorted(recorded.items())),
        snapshot=snapshot,
    )
    report = writer.write_tree(
        settings.output,
        files,
        manifest=info,
        check=settings.check,
        force=settings.force,
        merged=(plan.changelog,) if plan.changelog else (),
    )
    return report, changes


def up_to_date(
    source: str | None,
    settings: OutputSettings,
    fingerprint: str,
    *,
    notify: Callable[[str], None] = lambda line: None,
) -> Result | None:
    """The result of a run with nothing to do (its notices those of the run on record,
    given to `notify`), when a run with the same inputs (`fingerprint`) left
    `settings.output` as it is now; else None. Loads and emits nothing (`pmgen.rerun`).
    """
    from pmgen import rerun  # noqa: PLC0415

    done = rerun.up_to_date(settings, fingerprint)
    if done is None:
        return None
    report, lines = done
    for line in lines:
        notify(line)
    return Result(source or "-", {}, [], lines, report, changelog.Changes())


def load(source: str | None, load_options: Mapping[str, Any]) -> Collection:
    """The model of `source` (a file, folder, URL or -), with the cyclic GC paused: the
    import allocates a large, mostly acyclic model, and the GC's full passes over the
    growing heap made it superlinear (synth 5,000: 2.65 s with, 1.33 s without)."""
    if not source:
        raise UsageError(
            "missing SOURCE (a file, URL or -; or `source = ...` in pmgen.toml)"
        )
    from pmgen.importer import load as import_collection  # noqa: PLC0415

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return import_collection(source, **load_options)
    finally:
        if was_enabled:
            gc.enable()


def _prewarmed(plan: Plan, stack: ExitStack) -> Beside | None:
    """`client` alone: a child imports datamodel-code-generator while the collection
    loads and plans, and then generates the client's models (`parallel.prewarmed`)."""
    from pmgen import parallel  # noqa: PLC0415

    if set(plan.parts) != {"client"} or not parallel.can_fork():
        return None
    from pmgen import inference  # noqa: PLC0415

    return stack.enter_context(parallel.prewarmed(inference.warm_up))


def emit(
    collection: Collection,
    plan: Plan,
    secret_values: frozenset[str] = frozenset(),
    beside: Beside | None = None,
) -> BlackStable:
    """Every part's files under its folder, secrets masked, Python formatted, with the
    emitters' notes. The client runs in a forked child when there are other parts (it
    shares nothing with them); many snippets are scrubbed and formatted in another child
    while the docs, which show them, render here."""
    from pmgen import parallel, render  # noqa: PLC0415
    from pmgen.emitters import EMITTERS, Options  # noqa: PLC0415

    render.environment.cache_clear()  # templates edited since the last run (watch)
    effects = None
    if "snippets" in plan.parts or ("docs" in plan.parts and plan.doc_styles):
        effects = script_effects(collection)
    options = Options(
        package=_package_name(collection, plan.package_name),
        reveal_secrets=plan.reveal_secrets,
        templates_dir=plan.templates,
        styles=plan.styles,
        site=plan.site,
        beside=beside or (parallel.forked if parallel.can_fork() else None),
        effects=effects,
    )
    done: dict[str, Callable[[], BlackStable]] = {}
    with ExitStack() as children:
        if "client" in plan.parts:

            def build_client() -> BlackStable:
                emitted = EMITTERS["client"](collection, options)
                return _finish(emitted, secret_values)

            if len(plan.parts) > 1:
                done["client"] = children.enter_context(parallel.forked(build_client))
            else:
                done["client"] = build_client
        snippets: BlackStable | None = None
        if "snippets" in plan.parts:
            snippets = EMITTERS["snippets"](collection, options)
            done["snippets"] = _finish_soon(snippets, secret_values, children)
        if "docs" in plan.parts:
            shown = _doc_snippets(collection, plan, options, snippets)
            emitted = EMITTERS["docs"](collection, replace(options, snippets=shown))
            formatted_docs = _finish(emitted, secret_values)
            done["docs"] = lambda: formatted_docs
        parts = {part: result() for part, result in done.items()}
    files: dict[str, str] = {}
    notes: list[str] = []
    for part in PARTS:
        if part in parts:
            files.update(_under(plan.parts[part], parts[part]))
            notes.extend(parts[part].notes)
    return BlackStable(files, notes=notes)


def script_effects(
    collection: Collection, operations: list[Operation] | None = None
) -> CollectionEffects | None:
    """What each request's pre-request scripts do to it (or `operations`' only), run in
    pmgen's sandbox before the snippets are emitted (`pmgen.script_effects`); None
    without a script (nothing runs) or without the JavaScript engine."""
    from pmgen.scriptinfo import pre_request_chain  # noqa: PLC0415

    if not any(pre_request_chain(op) for op in collection.operations()):
        return None
    from pmgen import script_effects as module  # noqa: PLC0415 (loads the engine)

    return module.analyse(collection, operations=operations)


def _doc_snippets(
    collection: Collection,
    plan: Plan,
    options: Options,
    emitted: Mapping[str, str] | None,
) -> DocSnippets | None:
    """What the docs show: the snippets this run emitted when they cover the docs'
    styles, else those styles emitted for the docs alone."""
    from pmgen.docs_snippets import for_docs  # noqa: PLC0415

    return for_docs(
        collection,
        plan.doc_styles,
        reveal_secrets=options.reveal_secrets,
        package=options.package,
        emitted=emitted,
        effects=options.effects,
    )


def _finish(files: Mapping[str, str], secret_values: frozenset[str]) -> BlackStable:
    """One emitter's files scrubbed and formatted (its notes kept)."""
    from pmgen import formatting  # noqa: PLC0415 (black is slow to import)

    notes = files.notes if isinstance(files, BlackStable) else ()
    formatted = formatting.format_python(scrub(files, secret_values))
    return BlackStable(formatted, notes=notes)


# Python files an emitter must have for its formatting to go to a child (a fork costs ms)
FORMAT_IN_CHILD = 1000


def _finish_soon(
    files: BlackStable, secret_values: frozenset[str], children: ExitStack
) -> Callable[[], BlackStable]:
    """`_finish(files)`: in a forked child when there are many Python files (it sends
    back only the texts that changed), so the docs render meanwhile; else here and now.
    """
    from pmgen import parallel  # noqa: PLC0415

    if sum(map(is_python, files)) < FORMAT_IN_CHILD:
        finished = _finish(files, secret_values)
        return lambda: finished

    def changed() -> dict[str, str]:
        out = _finish(files, secret_values)
        return {path: text for path, text in out.items() if text != files[path]}

    child = children.enter_context(parallel.forked(changed))
    return lambda: BlackStable({**files, **child()}, notes=files.notes)


def scrub(files: Mapping[str, str], secret_values: frozenset[str]) -> BlackStable:
    """`files` with every literal secret masked (in Python, only inside strings and
    comments); a file a mask touched loses its black-stable mark (its line lengths
    changed), so black formats it again."""
    if not secret_values:
        return BlackStable(files, stable_paths(files))
    from pmgen import secrets  # noqa: PLC0415

    masked = secrets.scrub_files(files, secret_values, is_code=is_python)
    unchanged = {p for p in stable_paths(files) if masked[p] == files[p]}
    return BlackStable(masked, unchanged)


def _under(folder: str, files: Mapping[str, str]) -> dict[str, str]:
    if not folder:
        return dict(files)
    prefix = folder.rstrip("/") + "/"
    return {prefix + path: text for path, text in files.items()}


def _package_name(collection: Collection, name: str | None) -> str:
    """The client package name, decided once (the snippets' python-client style needs it)."""
    from pmgen.emitters.client_plan import package_name_for  # noqa: PLC0415

    return package_name_for(collection, name)


def _secrets(collection: Collection, reveal: bool) -> tuple[frozenset[str], list[str]]:
    """The collection's clear-text credentials (masked from every file) and the warning
    lines naming them (masked), unless they are to be revealed."""
    if reveal:
        return frozenset(), []
    from pmgen import secrets  # noqa: PLC0415 (imports the model)

    leaks = secrets.SecretReport.of(collection)
    return frozenset(leaks.values), [f"pmgen: {line}" for line in leaks.warning_lines()]


def diagnostic_line(diagnostic: Diagnostic, source: str) -> str:
    """`pmgen: warning: FILE[:LINE:COL]: PLACE: message` on one line (collection text is
    untrusted: no terminal control characters)."""
    source = source_identity(source)
    if diagnostic.position:
        source = f"{source}:{diagnostic.position}"
    place = ": ".join(
        _printable(part) for part in (source, diagnostic.location) if part
    )
    return f"pmgen: {diagnostic.level}: {place}: {_printable(diagnostic.message)}"


def _printable(text: str) -> str:
    return "".join(" " if not ch.isprintable() else ch for ch in text)


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep what is alive (the model, above all) out of the cyclic GC's passes while
    emitting and writing: they traversed the whole model again and again, which made big
    collections superlinear (synth 5,000: the snapshot's JSON round trip 0.47 -> 0.05 s).
    `format_python` unfreezes what it froze, ours included: freeze again after it."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
