"""No crash, no hang: size, depth and count limits give one clear InputError (exit 1).

Each case runs the importer in a child process with a memory cap and a timeout, so a
regression shows up as a failed test, not as a hung or OOM-killed test run.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.security.cli import run_pmgen

REPO = Path(__file__).resolve().parents[2]
MEMORY_CAP = 1024 * 1024 * 1024  # 1 GiB: a runaway read or recursion hits it quickly


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_load(
    source: str, limits: str = "", timeout: float = 60, stdin: bytes | None = None
) -> tuple[int, str]:
    """`load(source)` in a child process; returns (exit code, the one-line outcome)."""
    code = textwrap.dedent(f"""
        import sys
        from pmgen.errors import InputError
        from pmgen.importer import load, Limits
        try:
            c = load({source!r}, limits=Limits({limits}))
        except InputError as exc:
            print("InputError:", exc)
            sys.exit(1)
        print("ok", sum(1 for _ in c.operations()))
        """)
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        cwd=REPO,
        preexec_fn=_cap_memory,
        check=False,
    )
    out = (result.stdout + result.stderr).decode(errors="replace").strip()
    return result.returncode, out


def _collection(items: list[object]) -> dict[str, object]:
    return {
        "info": {
            "name": "limits",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": items,
    }


def _request(n: int) -> dict[str, object]:
    return {
        "name": f"r{n}",
        "request": {"method": "GET", "url": f"https://example.com/{n}"},
    }


def test_deep_json_is_a_clear_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    depth = 100_000
    deep.write_text(
        '{"info": {"name": "x"}, "item": ' + "[" * depth + "]" * depth + "}"
    )
    code, out = run_load(str(deep))
    assert code == 1 and out.startswith("InputError:"), out
    assert "deep" in out.lower() or "nest" in out.lower(), out
    assert "Traceback" not in out and "RecursionError" not in out


def test_deep_objects_are_a_clear_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    depth = 100_000
    deep.write_text('{"a":' * depth + "1" + "}" * depth)
    code, out = run_load(str(deep))
    assert code == 1 and out.startswith("InputError:"), out


def test_deep_folders_are_a_clear_error(tmp_path: Path) -> None:
    """Nesting within the JSON depth limit but beyond the folder limit."""
    node: dict[str, object] = _request(0)
    for level in range(100):
        node = {"name": f"f{level}", "item": [node]}
    path = tmp_path / "folders.json"
    path.write_text(json.dumps(_collection([node])))
    code, out = run_load(str(path), "max_depth=64")
    assert code == 1 and out.startswith("InputError:"), out
    code, out = run_load(str(path), "max_depth=200")
    assert code == 0 and out == "ok 1", out  # the limit is configurable


def test_request_count_limit(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps(_collection([_request(n) for n in range(50)])))
    code, out = run_load(str(path), "max_requests=49")
    assert code == 1 and out.startswith("InputError:") and "49" in out, out
    code, out = run_load(str(path), "max_requests=50")
    assert (code, out) == (0, "ok 50")


def test_size_limit_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    huge = "x" * 3_000_000
    path.write_text(json.dumps(_collection([{**_request(0), "description": huge}])))
    code, out = run_load(str(path), "max_bytes=1_000_000")
    assert code == 1 and out.startswith("InputError:"), out
    code, out = run_load("-", "max_bytes=1_000_000", stdin=path.read_bytes())
    assert code == 1 and out.startswith("InputError:"), out


def test_huge_strings_within_limits_import(tmp_path: Path) -> None:
    """A 20 MB description and a 100,000-key header list: read, no MemoryError, in time."""
    path = tmp_path / "big.json"
    request = _request(0)
    request["request"]["header"] = [{"key": f"h{i}", "value": "v"} for i in range(100_000)]  # type: ignore[index]
    path.write_text(
        json.dumps(_collection([{**request, "description": "é" * 10_000_000}]))
    )
    code, out = run_load(str(path), timeout=120)
    assert (code, out) == (0, "ok 1"), out


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_device_is_refused(device: str) -> None:
    """`st_size` is 0 for devices and FIFOs: the size limit must hold while reading."""
    if not os.path.exists(device):
        pytest.skip(f"{device} absent")
    code, out = run_load(device, "max_bytes=5_000_000", timeout=60)
    assert code == 1 and out.startswith("InputError:"), out


def test_fifo_is_refused_or_bounded(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    writer = subprocess.Popen(  # feeds an endless stream into the FIFO
        [
            sys.executable,
            "-c",
            f"import sys\nf=open({str(fifo)!r},'wb')\nwhile True: f.write(b'['*65536)",
        ],
        stderr=subprocess.DEVNULL,
    )
    try:
        code, out = run_load(str(fifo), "max_bytes=5_000_000", timeout=60)
    finally:
        writer.kill()
        writer.wait()
    assert code == 1 and out.startswith("InputError:"), out


def test_cli_deep_json_one_line_exit_1(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text(
        '{"info": {"name": "x"}, "item": ' + "[" * 100_000 + "]" * 100_000 + "}"
    )
    result = run_pmgen("inspect", str(deep))
    assert result.returncode == 1, result.stderr[-500:]
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(
        "pmgen: error:"
    ), result.stderr[-500:]


def test_cli_size_and_count_limits(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(
        json.dumps(
            _collection(
                [{**_request(n), "description": "x" * 30_000} for n in range(40)]
            )
        )
    )
    too_big = run_pmgen("inspect", str(path), "--max-size", "1MB")
    assert too_big.returncode == 1 and too_big.stderr.count("\n") == 1, too_big.stderr[
        -500:
    ]
    too_many = run_pmgen("inspect", str(path), "--max-requests", "10")
    assert (
        too_many.returncode == 1 and too_many.stderr.count("\n") == 1
    ), too_many.stderr[-500:]
    fine = run_pmgen("inspect", str(path))
    assert fine.returncode == 0, fine.stderr[-500:]


def _nested(tmp_path: Path, folders: int, json_levels: int) -> Path:
    """A collection `folders` folders deep whose request body nests `json_levels` deep."""
    request = _request(0)
    body = "[" * json_levels + "]" * json_levels
    request["request"]["body"] = {"mode": "raw", "raw": body}  # type: ignore[index]
    node: dict[str, object] = request
    for level in range(folders):
        node = {"name": f"f{level}", "item": [node]}
    path = tmp_path / "nested.json"
    path.write_text(json.dumps(_collection([node])))
    return path


def _pmgen(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`pmgen ARGS` in process (exit code, stdout, stderr): the CLI as users run it,
    without a child interpreter per call."""
    from pmgen.cli import main  # noqa: PLC0415

    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def _one_error_line(result: tuple[int, str, str], *words: str) -> None:
    code, _, err = result
    assert code == 1, err[-500:]
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pmgen: error:"), err
    assert all(word in lines[0] for word in words), lines[0]


def test_cli_depth_limits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_nested(tmp_path, folders=10, json_levels=5))
    assert _pmgen(capsys, "inspect", path)[0] == 0
    _one_error_line(_pmgen(capsys, "inspect", path, "--max-depth", "9"), "9 levels")
    assert _pmgen(capsys, "inspect", path, "--max-depth", "10")[0] == 0
    deep_file = str(_nested(tmp_path, folders=1, json_levels=0))
    _one_error_line(
        _pmgen(capsys, "inspect", deep_file, "--max-json-depth", "3"), "3 levels"
    )
    code, _, err = _pmgen(capsys, "inspect", path, "--max-json-depth", "100000")
    assert code == 2 and "--max-json-depth" in err


def test_limits_from_pmgen_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every input limit can sit in pmgen.toml (read by the commands that write output);
    a command's table beats the top level, and the command line beats both."""
    monkeypatch.chdir(tmp_path)
    path = _nested(tmp_path, folders=10, json_levels=5)
    two = tmp_path / "two.json"
    two.write_text(json.dumps(_collection([_request(0), _request(1)])))
    config = tmp_path / "pmgen.toml"
    cases = {
        f'source = "{path.name}"\nmax-depth = 9': "9 levels",
        f'source = "{path.name}"\nmax-json-depth = 3': "3 levels",
        f'source = "{path.name}"\nmax-size = "100B"': "100",
        f'source = "{two.name}"\nmax-requests = 1': "more than 1 requests",
        f'source = "{two.name}"\nmax-requests = 1\n[docs]\nmax-requests = 2': None,
    }
    for text, error in cases.items():
        config.write_text(f'output = "out"\n{text}\n')
        result = _pmgen(capsys, "docs")
        if error is None:
            assert result[0] == 0, (text, result[2][-500:])
        else:
            _one_error_line(result, error)
    config.write_text(f'source = "{path.name}"\noutput = "out"\nmax-depth = 9\n')
    assert _pmgen(capsys, "docs", "--max-depth", "10")[0] == 0


def test_help_documents_every_limit(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("inspect", "client", "snippets", "docs", "generate"):
        text = _pmgen(capsys, command, "--help")[1]
        for option in ("--max-size", "--max-requests", "--max-depth",
                       "--max-json-depth", "--timeout", "--max-time"):  # fmt: skip
            assert option in text, (command, option)
