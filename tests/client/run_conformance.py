"""Conformance of the generated package's collection run (`python -m PACKAGE run`) against
what Newman sent, scripts included: the whole collection in collection order, one set of
variables, under the recording's frozen clock (`../shared/conformance/frozen_clock.sh`).

    .venv/bin/python -m tests.client.run_conformance            # every recording
    .venv/bin/python -m tests.client.run_conformance binance-spot seed/voximplant-kit

Each item's requests are matched to the echo server's log through the run's `--report`
(every request an item caused, in order, marked `request` or `script`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pmgen.emitters.client import emit
from pmgen.emitters.client_plan import package_name_for
from pmgen.formatting import format_python
from pmgen.importer import load
from tests.client.conformance import SHARED, EchoProcess, Score, load_retargeted
from tests.client.venv import ProjectVenv, install_project
from tests.helpers import frozen_clock

SOURCES = ("corpus", "corpus2", "seed-collections")


def recordings(shared: Path = SHARED) -> list[tuple[str, Path]]:
    """(label, recording folder) for every recording of the three corpora."""
    found = []
    for source in SOURCES:
        base = shared / source / "expected"
        if not base.is_dir():
            continue
        prefix = "seed/" if source == "seed-collections" else ""
        for folder in sorted(
            p for p in base.iterdir() if (p / "expected.jsonl").is_file()
        ):
            found.append((prefix + folder.name, folder))
    return found


def frozen(recording: Path, command: list[str]) -> list[str]:
    return [
        "bash",
        str(SHARED / "conformance" / "frozen_clock.sh"),
        str(recording),
        *command,
    ]


def _echo_rows(log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


def actual_rows(report: dict[str, Any], log: Path, port: int) -> list[dict[str, Any]]:
    """compare.py's rows: each item's echo records, split by the run's report."""
    echoed = iter(_echo_rows(log))
    rows = []
    for item in report["items"]:
        own: list[dict[str, Any]] = []
        by_script: list[dict[str, Any]] = []
        for sent in item["sent"]:
            if urlsplit(sent["url"]).netloc != f"127.0.0.1:{port}":
                continue  # not the echo server: nothing was logged for it
            record = next(echoed, None)
            if record is not None:
                (own if sent["by"] == "request" else by_script).append(record)
        rows.append(
            {
                "key": item["key"],
                "requests": own,
                "script_requests": by_script,
                "error": item["error"],
            }
        )
    return rows


def run_recording(label: str, recording: Path, venv: ProjectVenv, work: Path) -> Score:
    """Generate the client of one recorded collection, run it whole, score it."""
    work.mkdir(parents=True, exist_ok=True)
    log = work / "echo.jsonl"
    log.write_text("")
    # a signature over the host (awsv4) matches Newman's on its port only (when free)
    recorded = frozen_clock.signs_host(recording)
    echo = EchoProcess(log, port=frozen_clock.RECORDED_PORT if recorded else 0)
    try:
        collection, _ = load_retargeted(recording, echo.port, work)
        package = package_name_for(collection)
        files = format_python(
            emit(collection, package_name=package, reveal_secrets=True)
        )
        project = work / "project"
        for rel, text in files.items():
            path = project / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        install_project(venv, project)
        command = [
            str(venv.python),
            "-m",
            package,
            "run",
            "--report",
            str(work / "run.json"),
        ]
        done = subprocess.run(
            frozen(recording, command),
            cwd=work,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        (work / "run.log").write_text(done.stdout + done.stderr)
        if not (work / "run.json").is_file():
            raise RuntimeError(
                f"{label}: the run wrote no report:\n{done.stderr[-2000:]}"
            )
        report = json.loads((work / "run.json").read_text())
    finally:
        echo.close()
    rows = actual_rows(report, log, echo.port)
    (work / "actual.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    subprocess.run(
        [
            sys.executable,
            str(SHARED / "conformance" / "compare.py"),
            str(recording / "expected.jsonl"),
            str(work / "actual.jsonl"),
            "--report",
            str(work / "report.json"),
            "--label",
            label,
            "-q",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    scored = json.loads((work / "report.json").read_text())
    ns = scored["identical_not_script_affected"]
    return Score(
        label, scored["comparable"], scored["identical"], (ns[0], ns[1]), scored
    )


def main(argv: list[str]) -> int:
    wanted = set(argv)
    started = time.time()
    totals = [0, 0, 0, 0]
    keep = os.environ.get(
        "PMGEN_KEEP"
    )  # a folder to keep the work in (for reading misses)
    with tempfile.TemporaryDirectory(prefix="pmgen-run-conformance-") as tmp:
        root = Path(keep or tmp)
        venv = ProjectVenv.create(root / "venv")
        for label, recording in recordings():
            if wanted and label not in wanted and label.split("/")[-1] not in wanted:
                continue
            try:
                score = run_recording(
                    label, recording, venv, root / label.replace("/", "_")
                )
            except Exception as error:  # reported, the others still run
                print(f"{label}: FAILED {type(error).__name__}: {error}", flush=True)
                continue
            print(score.line(), flush=True)
            for item in score.report["items"]:
                if item.get("comparable", True) and not item["identical"]:
                    print(
                        "   ",
                        item["key"],
                        [d["kind"] + ": " + d["detail"][:150] for d in item["diffs"]],
                    )
            totals[0] += score.identical
            totals[1] += score.comparable
            totals[2] += score.not_script[0]
            totals[3] += score.not_script[1]
    pct = lambda a, b: 100.0 * a / b if b else 0.0  # noqa: E731
    print(
        f"TOTAL all comparable: {totals[0]}/{totals[1]} ({pct(totals[0], totals[1]):.1f}%); "
        f"not script-shaped: {totals[2]}/{totals[3]} ({pct(totals[2], totals[3]):.1f}%) "
        f"in {time.time() - started:.0f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
