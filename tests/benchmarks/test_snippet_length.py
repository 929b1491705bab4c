"""The snippet-length report skips cleanly without Node's packages (never required)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_report_says_skipped_without_the_baseline(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.snippet_length", "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PMGEN_BENCH_NODE_DIR": str(tmp_path / "no-node")},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("skipped: Node or postman-code-generators")
