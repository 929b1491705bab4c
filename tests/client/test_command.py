"""`pmgen client`: writes the project; bad input is one clear line, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.client.sample_collection import SECRET_TOKEN, sample_collection


def _pmgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pmgen.cli", *args], capture_output=True, text=True,
                          timeout=300)


def test_client_command_writes_a_project(tmp_path: Path) -> None:
    src = tmp_path / "shop.postman_collection.json"
    src.write_text(json.dumps(sample_collection("http://127.0.0.1:1")), encoding="utf-8")
    out = tmp_path / "out"
    result = _pmgen("client", str(src), "-o", str(out), "--name", "shop", "--var", "region=eu")
    assert result.returncode == 0, result.stderr
    assert (out / "shop" / "_client.py").is_file() and (out / "pyproject.toml").is_file()
    assert (out / "shop" / "py.typed").is_file() and (out / "tests" / "test_operations.py").is_file()
    text = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    assert SECRET_TOKEN not in text
    assert "'region': 'eu'" in (out / "shop" / "_config.py").read_text(encoding="utf-8").replace('"', "'")


def test_bad_input_is_one_clear_line(tmp_path: Path) -> None:
    src = tmp_path / "broken.json"
    src.write_text("{not json", encoding="utf-8")
    result = _pmgen("client", str(src), "-o", str(tmp_path / "out"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
