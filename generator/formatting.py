"""Black on every generated `.py` file, then `compile()`: the last check before writing.

`format_python(files)` returns the same mapping with every Python file formatted.
Files an emitter rendered from black-stable templates (`BlackStable`: a mapping that names
them) skip black and only go through `compile()`: their templates render exactly what
black would write, which tests assert (`black_changes`). `PMGEN_VERIFY_BLACK_STABLE=1`
runs black on them anyway and fails the run if black would change one.
Formatting 2,000+ files is the slow step of a run, so results are cached by content
hash (in memory and on disk, keyed by black version, mode and Python version: a
cached result is exactly what black would produce again) and big batches go to a
process pool. Only outputs that compiled are cached, so a cache hit needs no compile.

The disk cache lives in `$PMGEN_CACHE_DIR`, else the user cache dir (`platformdirs`);
`PMGEN_NO_CACHE=1` turns it off. Results never depend on the cache or the pool.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import sys
import tempfile
import threading
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import black

from pmgen import manifest, parallel
from pmgen.emitted import BlackStable, is_python, stable_paths
from pmgen.errors import GeneratorBug
from pmgen.layout import LINE_LENGTH

# The one place black's mode is decided (generated code targets Python 3.10+).
BLACK_MODE = black.Mode(
    target_versions={black.TargetVersion.PY310}, line_length=LINE_LENGTH
)
PYI_MODE = black.Mode(
    target_versions={black.TargetVersion.PY310}, line_length=LINE_LENGTH, is_pyi=True
)

# Fewer uncached files than this are formatted in-process (a pool costs its start-up).
POOL_THRESHOLD = 48
# More black-stable files to compile than this: half are compiled in a forked child.
COMPILE_SPLIT = 1000
MAX_WORKERS = 2

_memory: dict[str, str] = {}  # cache key -> formatted text

__all__ = [
    "BLACK_MODE",
    "BlackStable",
    "black_changes",
    "format_python",
    "is_python",
    "stable_paths",
]


def black_changes(files: Mapping[str, str]) -> list[str]:
    """The Python paths in `files` that black would change (for black-stability tests)."""
    return [
        path
        for path in sorted(files)
        if is_python(path)
        and _black_without_gc(files[path], _mode_for(path)) != files[path]
    ]


def _mode_for(path: str) -> black.Mode:
    return PYI_MODE if path.endswith(".pyi") else BLACK_MODE


@cache
def _cache_namespace() -> str:
    """What the formatted text depends on besides the input: black, mode, Python."""
    parts = [
        black.__version__,
        repr(sorted(BLACK_MODE.target_versions, key=str)),
        str(BLACK_MODE.line_length),
        f"{sys.version_info.major}.{sys.version_info.minor}",
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _key(path: str, text: str) -> str:
    kind = "pyi" if path.endswith(".pyi") else "py"
    return hashlib.sha256(f"{kind}\0{text}".encode()).hexdigest()


def cache_dir() -> Path | None:
    root = manifest.cache_root()
    return root / "black" / _cache_namespace() if root is not None else None


def _disk_get(key: str) -> str | None:
    root = cache_dir()
    if root is None:
        return None
    try:
        return (root / key[:2] / key).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _disk_put(key: str, text: str) -> None:
    root = cache_dir()
    if root is None:
        return
    folder = root / key[:2]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # temp + rename: concurrent runs never see half an entry
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, folder / key)
    except OSError:
        pass  # the cache is an optimisation; a read-only home must not fail the run


def _format_one(path: str, text: str) -> tuple[str, str | None, int]:
    """(formatted text, error message or None, error line). Runs in worker processes."""
    try:
        formatted = _black_without_gc(text, _mode_for(path))
    except Exception as exc:  # black raises InvalidInput and friends on broken code
        return (
            text,
            f"black cannot format it: {str(exc).splitlines()[0] if str(exc) else exc!r}",
            _line_of(exc),
        )
    try:
        compile(formatted, path, "exec", dont_inherit=True)
    except SyntaxError as exc:
        return formatted, f"does not compile: {exc.msg}", exc.lineno or 0
    except ValueError as exc:  # NUL bytes
        return formatted, f"does not compile: {exc}", 0
    return formatted, None, 0


def _compile_all(items: list[tuple[str, str]]) -> None:
    """`compile()` every (path, text); `GeneratorBug` for the first that fails, in order.
    A big batch (8,000 snippets: 2 s) is split with a forked child (`pmgen.parallel`);
    if either half fails, the whole batch is compiled again here to name the first file.
    """
    if len(items) < COMPILE_SPLIT or not parallel.can_fork():
        for path, text in items:
            _compile_or_raise(path, text)
        return
    half = len(items) // 2
    with parallel.forked(lambda: _compiles(items[half:])) as other_half:
        ok = _compiles(items[:half])
        ok = other_half() and ok
    if not ok:
        for path, text in items:
            _compile_or_raise(path, text)


def _compile_beside_black(
    to_compile: list[tuple[str, str]],
    todo: list[tuple[str, str, str]],
    workers: int | None,
) -> list[tuple[str, str | None, int]]:
    """`_compile_all(to_compile)`, then black on `todo` (`_run`). When both are small
    (neither forks on its own) and there are two cores, the black-stable files compile
    in a forked child while black runs here: a client's ~30 files for black and ~150
    black-stable modules to compile were 0.8 + 0.6 CPU seconds one after the other. A
    compile failure is raised as before, naming the first file that fails."""
    small = len(to_compile) < COMPILE_SPLIT and len(todo) < POOL_THRESHOLD
    if not (to_compile and todo and small and parallel.can_fork()):
        _compile_all(to_compile)
        return _run(todo, workers)
    with parallel.forked(lambda: _compiles(to_compile)) as compiled:
        outcomes = _run(todo, workers)
        ok = compiled()
    if not ok:
        _compile_all(to_compile)  # raises for the first file that does not compile
    return outcomes


def _compiles(items: list[tuple[str, str]]) -> bool:
    try:
        for path, text in items:
            compile(text, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def _compile_or_raise(path: str, text: str) -> None:
    try:
        compile(text, path, "exec", dont_inherit=True)
    except SyntaxError as exc:
        where = f"{path}:{exc.lineno}" if exc.lineno else path
        raise GeneratorBug(
            f"generated Python does not compile: {exc.msg}", where=where
        ) from None
    except ValueError as exc:  # NUL bytes
        raise GeneratorBug(
            f"generated Python does not compile: {exc}", where=path
        ) from None


def _black_without_gc(text: str, mode: black.Mode) -> str:
    """black with the cyclic GC paused: black allocates a syntax tree per pass, and
    collections triggered mid-file (scanning the generator's whole heap) cost ~20% of
    its CPU. The tree becomes garbage in one piece, collected once after the file."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return black.format_str(text, mode=mode)
    finally:
        if was_enabled:
            gc.enable()


def _line_of(exc: Exception) -> int:
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    # black's InvalidInput: "Cannot parse for target version Python 3.10: 3:7: ..."
    for part in str(exc).split(": "):
        head = part.split(":", 1)[0]
        if head.isdigit():
            return int(head)
    return 0


def format_python(
    files: Mapping[str, str], *, workers: int | None = None
) -> dict[str, str]:
    """`files` with every `.py`/`.pyi` formatted by black and checked by `compile()`.

    Black-stable files (`stable_paths(files)`) are only compiled, unless
    `PMGEN_VERIFY_BLACK_STABLE` is set. Raises `GeneratorBug` naming the output path and
    line of the first file (in path order) that black cannot parse, that does not compile,
    or (when verifying) that was marked black-stable but black would change.
    """
    result = dict(files)
    stable = stable_paths(files)
    verify = bool(os.environ.get("PMGEN_VERIFY_BLACK_STABLE"))
    todo: list[tuple[str, str, str]] = []  # (path, text, key)
    compiled = _compiled_before() if stable else set()
    newly_compiled: list[str] = []
    to_compile: list[tuple[str, str]] = []
    for path in sorted(files):
        if not is_python(path):
            continue
        text = files[path]
        key = _key(path, text)
        if path in stable and not verify:
            if key not in compiled:
                to_compile.append((path, text))
                newly_compiled.append(key)
            continue
        cached = _memory.get(key)
        if cached is None:
            cached = _disk_get(key)
            if cached is not None:
                _memory[key] = cached
        if cached is not None:
            result[path] = cached
        else:
            todo.append((path, text, key))

    outcomes = _compile_beside_black(to_compile, todo, workers)
    for (path, _text, key), (formatted, error, line) in zip(
        todo, outcomes, strict=True
    ):
        if error is not None:
            raise GeneratorBug(
                f"generated Python {error}", where=f"{path}:{line}" if line else path
            )
        if path in stable and formatted != files[path]:
            raise GeneratorBug(
                "generated Python marked black-stable is not: black changes it",
                where=path,
            )
        result[path] = formatted
        _memory[key] = formatted
        _disk_put(key, formatted)
    _remember_compiled(newly_compiled)
    return result


# Black-stable files skip black but are still compiled: 10,000 compile() calls are
# seconds. A text that compiled once compiles again (the cache namespace holds the
# Python version), so the hashes of the texts that compiled are kept, one per line.
_COMPILED_NAME = "compiled.txt"
_COMPILED_MAX_BYTES = 32 * 1024 * 1024  # then it starts over


def _compiled_before() -> set[str]:
    root = cache_dir()
    if root is None:
        return set()
    try:
        text = (root / _COMPILED_NAME).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line for line in text.split("\n") if len(line) == 64}


def _remember_compiled(keys: list[str]) -> None:
    root = cache_dir()
    if root is None or not keys:
        return
    path = root / _COMPILED_NAME
    try:
        root.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > _COMPILED_MAX_BYTES:
            path.unlink(missing_ok=True)
        # One write in append mode: concurrent runs interleave whole writes, and a torn
        # line is not 64 hex digits, so it is ignored when read.
        with open(path, "a", encoding="ascii") as handle:
            handle.write("".join(f"{key}\n" for key in keys))
    except OSError:
        pass  # the cache is an optimisation


def _run(
    todo: list[tuple[str, str, str]], workers: int | None
) -> list[tuple[str, str | None, int]]:
    count = workers if workers is not None else min(MAX_WORKERS, os.cpu_count() or 1)
    if len(todo) < POOL_THRESHOLD or count <= 1:
        return [_format_one(path, text) for path, text, _ in todo]
    # Largest first, in small chunks: black's cost grows with size, and path order put
    # all the big client modules in the first chunk (one worker busy long after the
    # other was done). Results go back to input order, so scheduling never shows.
    order = sorted(range(len(todo)), key=lambda i: (-len(todo[i][1]), i))
    paths = [todo[i][0] for i in order]
    texts = [todo[i][1] for i in order]
    # fork is fastest, but forking a process that runs threads (watch: file-system observer,
    # HTTP client) can deadlock in the child; then start workers from a clean server.
    method = (
        "fork" if threading.active_count() == 1 and os.name == "posix" else "forkserver"
    )
    if method not in multiprocessing.get_all_start_methods():
        method = "spawn"
    context = multiprocessing.get_context(method)
    # Objects alive now are never garbage for the workers: freezing them keeps forked
    # children from scanning (and copying on write) the parent's heap in every collection.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            outcomes = list(pool.map(_format_one, paths, texts, chunksize=4))
    finally:
        gc.unfreeze()
    result: list[tuple[str, str | None, int]] = [("", None, 0)] * len(todo)
    for position, outcome in zip(order, outcomes, strict=True):
        result[position] = outcome
    return result
