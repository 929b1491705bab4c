"""Engine presence, threads, and the reuse of one engine context per Sandbox and thread."""

from __future__ import annotations

import sys
import threading

import pytest

from pmgen.sandbox import ENGINE_EXTRA, EngineMissing, Sandbox, VariableScopes

from .helpers import console_values, run


def test_missing_engine_raises_engine_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "quickjs", None)  # makes `import quickjs` fail
    with pytest.raises(EngineMissing) as info:
        Sandbox()
    assert isinstance(info.value, ImportError)
    assert f"'{ENGINE_EXTRA}'" in str(info.value) and "quickjs-ng" in str(info.value)


def test_one_context_reused_across_runs(sandbox: Sandbox) -> None:
    run(sandbox, "1")
    first = sandbox._context()
    for _ in range(3):
        run(sandbox, "pm.environment.set('x', 1); globalThis.junk = 1;")
    assert sandbox._context() is first


def test_threads_get_their_own_context() -> None:
    sb = Sandbox()
    scopes = [VariableScopes() for _ in range(4)]
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            for n in range(20):
                result = run(
                    sb,
                    f"pm.environment.set('n', {n}); console.log('{i}:' + {n})",
                    scopes=scopes[i],
                )
                assert console_values(result) == [f"{i}:{n}"]
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [s.environment for s in scopes] == [{"n": 19}] * 4
