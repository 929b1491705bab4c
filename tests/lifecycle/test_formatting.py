"""format_python: black + compile, cached, pooled, deterministic."""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path

import black
import pytest

from pmgen import formatting, parallel
from pmgen.errors import GeneratorBug


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PMGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(formatting, "_memory", {})
    return tmp_path / "cache"


def test_formats_python_and_leaves_other_files() -> None:
    files = {"a.py": "x=[1,2 ,3]\ndef f( a ):return a\n", "README.md": "x=[1,2 ,3]\n"}
    out = formatting.format_python(files)
    assert out["a.py"] == black.format_str(files["a.py"], mode=formatting.BLACK_MODE)
    assert out["README.md"] == files["README.md"]


def test_compile_failure_names_path_and_line() -> None:
    # black accepts it (it parses), compile refuses it: `return` outside a function
    with pytest.raises(GeneratorBug) as info:
        formatting.format_python({"pkg/mod.py": "x = 1\n\nreturn x\n"})
    assert info.value.where == "pkg/mod.py:3"
    assert "does not compile" in str(info.value)


def test_unparseable_code_names_path_and_line() -> None:
    with pytest.raises(GeneratorBug) as info:
        formatting.format_python({"a.py": "x = 1\ny = (\n"})
    assert info.value.where.startswith("a.py")


def test_disk_cache_is_used_and_keyed_by_content(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"m{i}.py": f"v{i}=({i},)\n" for i in range(3)}
    first = formatting.format_python(files)
    assert len(list(private_cache.rglob("*"))) > 3
    monkeypatch.setattr(formatting, "_memory", {})

    def boom(*args: object) -> None:
        raise AssertionError("black called despite a warm cache")

    monkeypatch.setattr(formatting, "_format_one", boom)
    assert formatting.format_python(files) == first


def test_pool_and_serial_give_identical_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PMGEN_NO_CACHE", "1")
    files = {
        f"pkg/m{i:03}.py": f"def f{i}( a,b ):\n  return {{'k':a,'i':{i}}}\n"
        for i in range(120)
    }
    pooled = formatting.format_python(files, workers=2)
    monkeypatch.setattr(formatting, "_memory", {})
    serial = formatting.format_python(files, workers=1)
    assert pooled == serial
    assert list(pooled) == list(files)


def test_many_files_warm_cache_is_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    body = (
        "def op_{i}(client, *, limit=None):\n"
        "    return client.get('/items/{i}', params={{'limit': limit}})\n"
    )
    files = {f"pkg/resources/r{i:04}.py": body.format(i=i) for i in range(300)}
    formatting.format_python(files)  # cold: fills the disk cache
    monkeypatch.setattr(formatting, "_memory", {})
    start = time.perf_counter()
    formatting.format_python(files)  # warm disk cache, fresh process memory
    assert time.perf_counter() - start < 1.0


def test_pool_works_while_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """`watch` formats with an observer thread alive: workers must not be forked from it."""
    monkeypatch.setenv("PMGEN_NO_CACHE", "1")
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        files = {
            f"m{i:03}.py": f"x{i}=[ {i} ]\n" for i in range(formatting.POOL_THRESHOLD)
        }
        out = formatting.format_python(files, workers=2)
    finally:
        stop.set()
    assert out["m007.py"] == "x7 = [7]\n"


def test_pool_schedules_by_size_but_returns_each_file_its_own_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Workers take the largest files first; every path must still get its own result."""
    monkeypatch.setenv("PMGEN_NO_CACHE", "1")
    files = {
        f"m{i:03}.py": "".join(f"v{i}_{j}=[ {j} ]\n" for j in range((i * 7) % 23 + 1))
        for i in range(formatting.POOL_THRESHOLD + 10)
    }
    pooled = formatting.format_python(files, workers=2)
    assert list(pooled) == list(files)
    for path, text in files.items():
        assert pooled[path] == black.format_str(text, mode=formatting.BLACK_MODE)


def test_formatting_leaves_the_garbage_collector_as_it_found_it() -> None:
    formatting.format_python({"a.py": "x=1\n"})
    assert gc.isenabled()
    gc.disable()
    try:
        formatting.format_python({"b.py": "y=2\n"})
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_black_stable_texts_are_compiled_once_per_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PMGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PMGEN_NO_CACHE", raising=False)
    monkeypatch.delenv("PMGEN_VERIFY_BLACK_STABLE", raising=False)
    compiled: list[str] = []
    real = formatting._compile_or_raise

    def spy(path: str, text: str) -> None:
        compiled.append(path)
        real(path, text)

    monkeypatch.setattr(formatting, "_compile_or_raise", spy)
    good = formatting.BlackStable(
        {"a.py": "x = 1\n", "b.py": "y = 2\n"}, ["a.py", "b.py"]
    )
    assert formatting.format_python(good) == dict(good)
    assert formatting.format_python(good) == dict(good)
    assert compiled == ["a.py", "b.py"]  # the second run trusted the first
    log = formatting.cache_dir() / formatting._COMPILED_NAME  # type: ignore[operator]
    log.write_text(log.read_text() + "0123torn")  # a torn line is ignored
    bad = formatting.BlackStable(
        {"a.py": "x = 1\n", "c.py": "def (:\n"}, ["a.py", "c.py"]
    )
    with pytest.raises(GeneratorBug, match="c.py:1"):
        formatting.format_python(bad)
    with pytest.raises(GeneratorBug, match="c.py:1"):  # a failure is never remembered
        formatting.format_python(bad)


@pytest.mark.parametrize("broken", [1, 7])  # in the first half, in the forked child's
def test_a_split_compile_names_the_first_broken_file(
    monkeypatch: pytest.MonkeyPatch, broken: int
) -> None:
    monkeypatch.setattr(formatting, "COMPILE_SPLIT", 4)
    monkeypatch.setenv("PMGEN_NO_CACHE", "1")  # every run compiles all ten
    calls: list[int] = []
    real = formatting._compiles
    monkeypatch.setattr(
        formatting, "_compiles", lambda items: calls.append(1) or real(items)
    )
    texts = {f"m{i}.py": f"x{i} = {i}\n" for i in range(10)}
    assert formatting.format_python(formatting.BlackStable(texts, texts)) == texts
    # this process's half (the child's call is not seen here); no fork: all in order
    assert len(calls) == (1 if parallel.can_fork() else 0)
    texts[f"m{broken}.py"] = "def (:\n"
    texts["m9.py"] = "return 1\n"  # later in order: never the one named
    with pytest.raises(GeneratorBug, match=f"m{broken}.py:1"):
        formatting.format_python(formatting.BlackStable(texts, texts))


@pytest.mark.parametrize("broken", [None, "s1.py", "s3.py"])
def test_black_stable_files_compile_in_a_child_while_black_runs(
    monkeypatch: pytest.MonkeyPatch, broken: str | None
) -> None:
    """Stable files to compile and files for black: the compile goes to a forked child
    (when one can fork); the result, and the file a failure names, are the same."""
    monkeypatch.setenv("PMGEN_NO_CACHE", "1")
    forks: list[int] = []
    real_forked = parallel.forked

    def counting(func: object) -> object:
        forks.append(1)
        return real_forked(func)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "forked", counting)
    stable = {f"s{i}.py": f"s{i} = {i}\n" for i in range(5)}
    if broken:
        stable[broken] = "return 1\n"  # parses, does not compile
    files = formatting.BlackStable(
        {**stable, "b.py": "y=[1,2 ,3]\n", "c.py": "z=( 1, )\n"}, list(stable)
    )
    if broken:
        with pytest.raises(GeneratorBug, match=f"{broken}:1"):
            formatting.format_python(files)
    else:
        out = formatting.format_python(files)
        assert out == {**stable, "b.py": "y = [1, 2, 3]\n", "c.py": "z = (1,)\n"}
    assert len(forks) == (1 if parallel.can_fork() else 0)
