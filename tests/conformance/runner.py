"""The conformance runner: generate a program per request, run it against a recording echo
server on 127.0.0.1, write actual.jsonl and score it with the shared `compare.py`.

Reusable for any style: `run_case(case, style, program, ...)` takes a `Program` callable
`(collection, operation, files_dir) -> (file name, text, env) | str reason`, so the
python-client style (or any future one) plugs in without touching the runner.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pmgen.importer import load
from pmgen.model import Collection, Operation
from tests.conformance.forkrun import ForkRunner, HttpieShim
from tests.helpers import frozen_clock
from tests.helpers.echo_server import EchoServer

# (collection, operation, files_dir) -> (file name, program text, extra environment) or a reason
Program = Callable[
    [Collection, Operation, Path], "tuple[str, str, dict[str, str]] | str"
]
RUN_TIMEOUT = 30.0
# Python programs run in forked children of a preloaded interpreter (forkrun.py)
FORK = os.environ.get("PMGEN_CONFORMANCE_FORK", "1") != "0"


class _ForkRunners:
    """One fork server per thread and one HTTPie shim, closed together at the end of a run."""

    def __init__(self) -> None:
        self.local = threading.local()
        self.all: list[ForkRunner] = []
        self.lock = threading.Lock()
        self.shim: HttpieShim | None = None

    def httpie_dir(self) -> str:
        """The directory whose `http` runs HTTPie in the fork server (first on PATH)."""
        with self.lock:
            if self.shim is None:
                self.shim = HttpieShim(RUN_TIMEOUT)
            return str(self.shim.path_dir)

    def get(self) -> ForkRunner:
        runner: ForkRunner | None = getattr(self.local, "runner", None)
        if runner is None:
            runner = self.local.runner = ForkRunner()
            with self.lock:
                self.all.append(runner)
        return runner

    def close(self) -> None:
        with self.lock:
            runners, self.all = self.all, []
            shim, self.shim = self.shim, None
        for runner in runners:
            runner.close()
        if shim is not None:
            shim.close()
        self.local = threading.local()


FORK_RUNNERS = _ForkRunners()


@dataclass(frozen=True)
class Case:
    name: str
    expected_dir: Path
    files_dir: Path  # the original collection's folder (Newman's working directory)
    # set for a v3 folder migrated from the recorded v2.1 collection (../shared/v3/migrated):
    # the program is generated from it and must send what Newman sent for the original
    v3_dir: Path | None = None


@dataclass
class StyleResult:
    style: str
    case: str
    report: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, str] = field(
        default_factory=dict
    )  # key -> why the style left it out
    unscorable: dict[str, str] = field(
        default_factory=dict
    )  # key -> why compare.py cannot match any program against Newman's request
    lost: dict[str, str] = field(
        default_factory=dict
    )  # key -> what the v3 format lost of the v2.1 original (FORMAT.md §16)
    auth: dict[str, str] = field(default_factory=dict)  # key -> the request's auth type
    # key -> "chain" (its own pre-request chain ran in Newman) or "captured" (no chain;
    # only variables earlier requests' scripts set), from the recording
    shaped: dict[str, str] = field(default_factory=dict)
    # keys of requests Newman sent after earlier requests' scripts set variables
    stateful: set[str] = field(default_factory=set)


def unscorable_reason(row: dict[str, Any]) -> str | None:
    """compare.py splits multipart bodies at the boundary the Content-Type names: when
    Newman's own request declares multipart without one (a copied header, no parts
    sent), no program's request can compare equal."""
    first = (row.get("requests") or [{}])[0]
    ctype = (first.get("content_type") or "").lower()
    if ctype.startswith("multipart/") and "boundary=" not in ctype:
        return "Newman sent multipart/form-data without a boundary (compare.py cannot parse it)"
    return None


def shaped_by(row: dict[str, Any]) -> str | None:
    """What shaped a recorded request (compare.py's `script_affected`, split): "chain"
    when a pre-request script of its own chain ran, "captured" when only variables
    earlier scripts set did, None when no script did."""
    s = row.get("scripts") or {}
    if "prerequest" in s.get("own", []) or any(
        x.endswith(":prerequest") for x in s.get("inherited", [])
    ):
        return "chain"
    return "captured" if s.get("vars") else None


def discover(shared: Path, *, corpus2: bool = False) -> list[Case]:
    """The recorded collections of ../shared/corpus and the seed collections (and, with
    `corpus2`, ../shared/corpus2: collections chosen for their scripts)."""
    cases = []
    for expected in sorted((shared / "corpus" / "expected").iterdir()):
        if (expected / "expected.jsonl").is_file():
            cases.append(Case(expected.name, expected, shared / "corpus"))
    if corpus2 and (shared / "corpus2" / "expected").is_dir():
        for expected in sorted((shared / "corpus2" / "expected").iterdir()):
            if (expected / "expected.jsonl").is_file():
                cases.append(Case(f"c2-{expected.name}", expected, shared / "corpus2"))
    for expected in sorted((shared / "seed-collections" / "expected").iterdir()):
        if not (expected / "expected.jsonl").is_file():
            continue
        originals = list(
            (shared / "seed-collections").glob(
                f"*/{expected.name}.postman_collection.json"
            )
        )
        files_dir = originals[0].parent if originals else expected
        cases.append(Case(f"seed-{expected.name}", expected, files_dir))
    return cases


def discover_v3(shared: Path) -> list[Case]:
    """The recorded collections migrated to v3 folders (`v3/migrated/RECORDINGS.tsv`)."""
    migrated = shared / "v3" / "migrated"
    table = migrated / "RECORDINGS.tsv"
    if not table.is_file():
        return []
    cases = []
    for line in table.read_text("utf-8").splitlines()[1:]:
        name, _, recording = line.partition("\t")
        expected = (migrated / recording.strip()).resolve()
        if not (expected / "expected.jsonl").is_file():
            continue
        corpus = expected.parent.parent  # ../shared/<corpus>/expected/<name>
        files_dir = corpus
        if corpus.name == "seed-collections":
            originals = list(corpus.glob(f"*/{expected.name}.postman_collection.json"))
            files_dir = originals[0].parent if originals else expected
        cases.append(Case(f"v3-{name}", expected, files_dir, v3_dir=migrated / name))
    return cases


_PRUNED = {"GET", "HEAD", "COPY", "PURGE", "UNLOCK"}


def v3_losses(original: Collection, migrated: Collection) -> dict[str, str]:
    """Requests of the v2.1 original whose sending the v3 format cannot express, by the
    narrow rules of FORMAT.md §4/§16 (anything else must be sent as Newman sent it)."""
    ops = {op.key: op for op in migrated.operations()}
    lost = {}
    for op in original.operations():
        body = op.request.body
        if op.key not in ops:
            lost[op.key] = "name changed by the migration (file-name sanitising, §4)"
        elif body is not None and body.disabled:
            lost[op.key] = "body.disabled: the migration drops the body (§16)"
        elif (
            op.request.method.upper() in _PRUNED
            and body is not None
            and not op.protocol_profile_behavior.get("disableBodyPruning")
            and ops[op.key].protocol_profile_behavior.get("disableBodyPruning")
        ):
            lost[op.key] = (
                "GET-like body Newman pruned; v3 has no disableBodyPruning (§8.2)"
            )
    return lost


def copy_v3_retargeted(v3_dir: Path, port: int, dest: Path) -> Path:
    """A copy of a v3 folder with 127.0.0.1:18080 -> 127.0.0.1:PORT in every YAML file
    (the address only occurs inside scalars, so a text replacement keeps the YAML valid).
    """
    target = dest / v3_dir.name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(v3_dir, target, symlinks=True)
    for path in target.rglob("*.y*ml"):
        text = path.read_text("utf-8")
        if "127.0.0.1:18080" in text:
            path.write_text(
                text.replace("127.0.0.1:18080", f"127.0.0.1:{port}"), "utf-8"
            )
    return target


def retarget(node: Any, port: int, key: str | None = None) -> Any:
    """`../shared/conformance/retarget.py`'s rule: 127.0.0.1:18080 -> 127.0.0.1:PORT."""
    if isinstance(node, dict):
        return {k: retarget(v, port, k) for k, v in node.items()}
    if isinstance(node, list):
        return [retarget(v, port, key) for v in node]
    if isinstance(node, str):
        if key == "port" and node == "18080":
            return str(port)
        return node.replace("127.0.0.1:18080", f"127.0.0.1:{port}")
    return node


def load_retargeted(case: Case, port: int, workdir: Path) -> Collection:
    paths = []
    for name in ("collection.json", "environment.json"):
        src = case.expected_dir / name
        if src.is_file():
            dst = workdir / name
            dst.write_text(
                json.dumps(retarget(json.loads(src.read_text("utf-8")), port)), "utf-8"
            )
            paths.append(str(dst))
    if case.v3_dir is not None:
        paths[0] = str(copy_v3_retargeted(case.v3_dir, port, workdir))
    return load(paths[0], env_files=paths[1:])


def sample(rows: list[dict[str, Any]], limit: int | None, seed: str) -> set[str]:
    keys = [r["key"] for r in rows]
    if limit is None or len(keys) <= limit:
        return set(keys)
    return set(random.Random(seed).sample(keys, limit))


def command_for(path: Path) -> list[str]:
    if path.suffix == ".py":  # (forked children apply the frozen clock themselves)
        return [sys.executable, "-m", "tests.helpers.frozen_clock", str(path)]
    if path.suffix == ".http":
        return [sys.executable, "-m", "pmgen.wire.send", str(path)]
    return ["bash", str(path)]


def run_case(
    case: Case,
    programs: dict[str, Program],
    *,
    limit: int | None,
    compare_py: Path,
    workdir: Path,
) -> list[StyleResult]:
    """Run every (sampled) request of `case` in each style (one echo server, one load)."""
    expected_rows = [
        json.loads(line)
        for line in (case.expected_dir / "expected.jsonl").open(encoding="utf-8")
    ]
    chosen = sample(expected_rows, limit, case.name)
    case_dir = workdir / case.name
    case_dir.mkdir(parents=True, exist_ok=True)
    expected_path = case_dir / "expected.jsonl"
    expected_path.write_text(
        "".join(json.dumps(r) + "\n" for r in expected_rows if r["key"] in chosen),
        "utf-8",
    )
    results = []
    bin_dir = str(
        Path(sys.executable).parent
    )  # curl/wget from the system, `http` (HTTPie) from the venv
    path = [bin_dir, os.environ.get("PATH", "")]
    if FORK and "httpie" in programs:
        path.insert(0, FORK_RUNNERS.httpie_dir())
    env = dict(
        os.environ,
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
        PATH=os.pathsep.join(path),
    )
    moment = frozen_clock.recorded(case.expected_dir)
    if moment is not None:  # Newman's frozen clock: signatures over the time can match
        env[frozen_clock.VARIABLE] = moment
        env["PATH"] = os.pathsep.join([str(frozen_clock.shim_dir()), env["PATH"]])
    port = (
        frozen_clock.RECORDED_PORT if frozen_clock.signs_host(case.expected_dir) else 0
    )
    with EchoServer(port=port) as server:
        collection = load_retargeted(case, server.port, case_dir)
        lost: dict[str, str] = {}
        if case.v3_dir is not None:
            lost = v3_losses(load(str(case_dir / "collection.json")), collection)
        ops = [op for op in collection.operations() if op.key in chosen]
        for style, program in programs.items():
            result = StyleResult(style, case.name, lost=lost)
            result.auth = {
                op.key: op.auth.auth.type for op in ops if op.auth.auth is not None
            }
            for row in expected_rows:
                by = shaped_by(row)
                if by and row["key"] in chosen:
                    result.shaped[row["key"]] = by
                    if (row.get("scripts") or {}).get("vars"):
                        result.stateful.add(row["key"])
            for row in expected_rows:
                why = unscorable_reason(row) if row["key"] in chosen else None
                if why:
                    result.unscorable[row["key"]] = why
            out_dir = case_dir / style
            out_dir.mkdir(exist_ok=True)
            actual_rows = []
            for op in ops:
                actual_rows.append(
                    _run_one(
                        program, collection, op, out_dir, case, server, env, result
                    )
                )
            actual_path = out_dir / "actual.jsonl"
            actual_path.write_text(
                "".join(json.dumps(r) + "\n" for r in actual_rows), "utf-8"
            )
            report_path = out_dir / "report.json"
            subprocess.run(
                [
                    sys.executable,
                    str(compare_py),
                    str(expected_path),
                    str(actual_path),
                    "--report",
                    str(report_path),
                    "-q",
                ],
                capture_output=True,
                check=True,
            )
            result.report = json.loads(report_path.read_text("utf-8"))
            results.append(result)
    return results


def _run_one(  # noqa: PLR0917 (one call site, all needed)
    program: Program,
    collection: Collection,
    op: Operation,
    out_dir: Path,
    case: Case,
    server: EchoServer,
    env: dict[str, str],
    result: StyleResult,
) -> dict[str, Any]:
    made = program(collection, op, case.files_dir)
    if isinstance(made, str):
        result.skipped[op.key] = made
        return {"key": op.key, "requests": [], "error": f"not generated: {made}"}
    name, text, secrets = made
    path = out_dir / name
    path.write_text(text, "utf-8")
    server.clear()
    error = None
    command = command_for(path)
    forks = FORK_RUNNERS.get() if FORK and command[0] == sys.executable else None
    if forks is not None:
        status, stderr = forks.run(
            _forked_argv(command),
            cwd=case.files_dir,
            env={**env, **secrets},
            timeout=RUN_TIMEOUT,
        )
        if status != 0 and not server.requests:
            error = (
                "timed out"
                if status == -14
                else stderr.decode("utf-8", "replace")[-300:]
            )
        return {"key": op.key, "requests": server.requests, "error": error}
    try:
        proc = subprocess.run(
            command,
            cwd=case.files_dir,
            env={**env, **secrets},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=RUN_TIMEOUT,
            check=False,
        )
        if proc.returncode != 0 and not server.requests:
            error = proc.stderr.decode("utf-8", "replace")[-300:]
    except subprocess.TimeoutExpired:
        error = "timed out"
    return {"key": op.key, "requests": server.requests, "error": error}


def _forked_argv(command: list[str]) -> list[str]:
    """The argv a forked child runs (it applies the frozen clock itself)."""
    wrapper = ["-m", "tests.helpers.frozen_clock"]
    return command[3:] if command[1:3] == wrapper else command[1:]


def tmp_workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="pmgen-snippets-conformance-"))
