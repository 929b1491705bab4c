"""Conformance of the generated client against what Newman sent (../shared recordings).

For one recorded collection: retarget it to a fresh echo server, generate the client
(secrets revealed: the recordings hold the values Postman sent), install it into a venv,
run every request's python-client usage through `driver.py` and score the result with the
shared `compare.py`.

Full run over every recorded collection (takes a few minutes):

    .venv/bin/python -m tests.client.conformance            # all
    .venv/bin/python -m tests.client.conformance pcg-basic  # some
    .venv/bin/python -m tests.client.conformance --sample 100 commercetools  # a sample
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmgen.emitters.client import emit
from pmgen.emitters.client_plan import package_name_for
from pmgen.emitters.client_usage import render_usage
from pmgen.formatting import format_python
from pmgen.importer import load
from pmgen.model import Collection, Folder, Item
from tests.client.venv import ProjectVenv, install_project
from tests.helpers import frozen_clock

__all__ = ["ProjectVenv", "recorded_collections", "run_collection", "v3_recorded_collections"]

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SHARED = Path(os.environ.get("PMGEN_SHARED", REPO.parent / "shared"))


@dataclass
class Score:
    label: str
    comparable: int
    identical: int
    not_script: tuple[int, int]
    report: dict[str, Any]
    # False when the recording signs its host (awsv4) and Newman's port was taken
    on_recorded_port: bool = True

    def line(self) -> str:
        ns_ident, ns_total = self.not_script
        return (f"{self.label}: {self.identical}/{self.comparable} identical; "
                f"not script-shaped {ns_ident}/{ns_total}")


def recorded_collections(shared: Path = SHARED) -> list[tuple[str, Path, Path]]:
    """(label, expected dir, folder of the original collection) for every recording."""
    out = []
    for base, originals in ((shared / "corpus" / "expected", None), (shared / "seed-collections" / "expected", "seed")):
        if not base.is_dir():
            continue
        for d in sorted(p for p in base.iterdir() if (p / "expected.jsonl").is_file()):
            origin = shared / "corpus" if originals is None else _seed_folder(shared, d.name)
            out.append((("seed/" if originals else "") + d.name, d, origin))
    return out


def v3_recorded_collections(shared: Path = SHARED) -> list[tuple[str, Path, Path, Path]]:
    """(label, expected dir, original's folder, v3 folder) for every recorded collection
    migrated to a v3 folder (../shared/v3/migrated/RECORDINGS.tsv)."""
    from tests.conformance.runner import discover_v3  # noqa: PLC0415

    return [
        (case.name, case.expected_dir, case.files_dir, case.v3_dir)
        for case in discover_v3(shared)
        if case.v3_dir is not None
    ]


def _seed_folder(shared: Path, name: str) -> Path:
    seeds = shared / "seed-collections"
    for folder in seeds.iterdir():
        if folder.is_dir() and folder.name != "expected" and any(
            p.name.startswith(name) for p in folder.glob("*.postman_collection.json")
        ):
            return folder
    return seeds


def _retarget(node: Any, port: str, key: str | None = None) -> Any:
    # same rules as ../shared/conformance/retarget.py
    if isinstance(node, dict):
        return {k: _retarget(v, port, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_retarget(v, port, key) for v in node]
    if isinstance(node, str):
        if key == "port" and node == "18080":
            return port
        return node.replace("127.0.0.1:18080", f"127.0.0.1:{port}")
    return node


def load_retargeted(recording: Path, port: int, work: Path) -> tuple[Collection, list[str]]:
    """The recording's collection (and environment) pointed at an echo server on `port`,
    written into `work` and loaded; also the environment files it was loaded with."""
    coll = _retarget(json.loads((recording / "collection.json").read_text()), str(port))
    (work / "collection.json").write_text(json.dumps(coll))
    env_files = []
    if (recording / "environment.json").is_file():
        env = _retarget(json.loads((recording / "environment.json").read_text()), str(port))
        (work / "environment.json").write_text(json.dumps(env))
        env_files.append(str(work / "environment.json"))
    return load(str(work / "collection.json"), env_files=env_files), env_files


class EchoProcess:
    """The shared echo server (`conformance/echo_server.py`) as a subprocess."""

    def __init__(self, log: Path, shared: Path = SHARED, port: int = 0) -> None:
        self.log, self.shared = log, shared
        try:
            self._start(port)
        except RuntimeError:
            if not port:
                raise
            self._start(0)  # Newman's port is taken: any free port

    def _start(self, port: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(self.shared / "conformance" / "echo_server.py"), "--port",
             str(port), "--log", str(self.log), "--idle", "900"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        match = re.search(r"(\d+)", line)
        if not match:
            self.close()
            raise RuntimeError(f"echo server did not print its port: {line!r}")
        self.port = int(match.group(1))

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def run_collection(
    label: str,
    expected_dir: Path,
    origin: Path,
    venv: ProjectVenv | None,
    work: Path,
    sample: int | None = None,
    seed: int = 7,
    v3_dir: Path | None = None,
) -> Score:
    """Generate, install, run and score one recorded collection (optionally a sample).

    With `v3_dir` the client is generated from that v3 folder (migrated from the recorded
    collection); requests whose sending the format lost (FORMAT.md §16) are left out."""
    work.mkdir(parents=True, exist_ok=True)
    log = work / "echo.jsonl"
    log.write_text("")
    # a signature over the host (awsv4) matches Newman's on its port only (when free)
    recorded = frozen_clock.signs_host(expected_dir)
    echo = EchoProcess(log, port=frozen_clock.RECORDED_PORT if recorded else 0)
    try:
        collection, env_files = load_retargeted(expected_dir, echo.port, work)
        lost: dict[str, str] = {}
        if v3_dir is not None:
            from tests.conformance.runner import copy_v3_retargeted, v3_losses  # noqa: PLC0415

            original = collection
            collection = load(str(copy_v3_retargeted(v3_dir, echo.port, work)), env_files=env_files)
            lost = v3_losses(original, collection)
        expected_rows = [json.loads(line) for line in (expected_dir / "expected.jsonl").open() if line.strip()]
        ops = {op.key: op for op in collection.operations()}
        keys = [r["key"] for r in expected_rows if r["key"] in ops and r["key"] not in lost]
        if sample is not None and len(keys) > sample:
            keys = sorted(random.Random(seed).sample(keys, sample), key=keys.index)
            collection = prune(collection, set(keys))  # generate a client for the sample only
            ops = {op.key: op for op in collection.operations()}
        package = package_name_for(collection)
        files = emit(collection, package_name=package, reveal_secrets=True)
        # black does not change what is sent; PMGEN_CONFORMANCE_NO_BLACK=1 skips it on huge runs
        files = files if os.environ.get("PMGEN_CONFORMANCE_NO_BLACK") else format_python(files)
        project = work / "project"
        for rel, text in files.items():
            path = project / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        env = dict(os.environ)
        moment = frozen_clock.recorded(expected_dir)
        if moment is not None:  # Newman's frozen clock: signatures over the time can match
            env[frozen_clock.VARIABLE] = moment
        if venv is not None:  # a real install
            install_project(venv, project)
            python = str(venv.python)
        else:  # importable from the project directory, run by this interpreter (faster)
            env["PYTHONPATH"] = str(project)
            python = sys.executable
        items = [{"key": k, "code": render_usage(collection, ops[k], package=package, reveal_secrets=True)} for k in keys]
        (work / "items.json").write_text(json.dumps(items))
        subprocess.run(
            [python, str(HERE / "driver.py"), str(work / "items.json"), str(log),
             str(work / "actual.jsonl"), package],
            cwd=origin, check=True, timeout=1200, env=env,
        )
    finally:
        echo.close()
    wanted = set(keys)
    (work / "expected.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in expected_rows if r["key"] in wanted)
    )
    subprocess.run(
        [sys.executable, str(SHARED / "conformance" / "compare.py"), str(work / "expected.jsonl"),
         str(work / "actual.jsonl"), "--report", str(work / "report.json"), "--label", label, "-q"],
        check=True, stdout=subprocess.DEVNULL,
    )
    report = json.loads((work / "report.json").read_text())
    ns = report["identical_not_script_affected"]
    on_port = not recorded or echo.port == frozen_clock.RECORDED_PORT
    return Score(label, report["comparable"], report["identical"], (ns[0], ns[1]), report,
                 on_recorded_port=on_port)


def prune(collection: Collection, keys: set[str]) -> Collection:
    """The collection with only the operations whose key is in `keys` (folders kept)."""

    def keep(items: list[Item]) -> list[Item]:
        out: list[Item] = []
        for item in items:
            if isinstance(item, Folder):
                inner = keep(item.items)
                if inner:
                    out.append(item.model_copy(update={"items": inner}))
            elif item.key in keys:
                out.append(item)
        return out

    return collection.model_copy(update={"items": keep(collection.items)})


def main(argv: list[str]) -> int:
    sample: int | None = None
    if argv[:1] == ["--sample"]:
        sample, argv = int(argv[1]), argv[2:]
    v3 = argv[:1] == ["--v3"]  # the v3 folders migrated from the recordings
    argv = argv[1:] if v3 else argv
    wanted = set(argv)
    started = time.time()
    sources = (v3_recorded_collections() if v3
               else [(label, e, o, None) for label, e, o in recorded_collections()])
    with tempfile.TemporaryDirectory(prefix="pmgen-conformance-") as tmp:
        venv = ProjectVenv.create(Path(tmp) / "venv")
        totals = [0, 0, 0, 0]
        for label, expected_dir, origin, v3_dir in sources:
            if wanted and label not in wanted and label.split("/")[-1] not in wanted:
                continue
            score = run_collection(label, expected_dir, origin, venv, Path(tmp) / label.replace("/", "_"),
                                   sample=sample, v3_dir=v3_dir)
            print(score.line(), flush=True)
            for item in score.report["items"]:
                if not item["identical"] and not item["script_affected"]:
                    print("   ", item["key"], [d["kind"] + ": " + d["detail"][:150] for d in item["diffs"]])
            totals[0] += score.identical
            totals[1] += score.comparable
            totals[2] += score.not_script[0]
            totals[3] += score.not_script[1]
        pct = lambda a, b: 100.0 * a / b if b else 0.0  # noqa: E731
        print(f"TOTAL all comparable: {totals[0]}/{totals[1]} ({pct(totals[0], totals[1]):.1f}%); "
              f"not script-shaped: {totals[2]}/{totals[3]} ({pct(totals[2], totals[3]):.1f}%) "
              f"in {time.time() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
