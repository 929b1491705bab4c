"""Generated projects of every corpus and seed collection: install, own tests, mypy --strict.

Each collection (`../shared/corpus/*collection.json`, `../shared/seed-collections/*/`) is
generated as `pmgen client` writes it (black-formatted), installed into one shared venv
with pip, then its generated tests run with pytest inside the project and the package and
tests are type-checked with `mypy --strict`. Environments pair by name (and a seed folder's
environment with its only collection); a `<name>.published.json` beside a collection is
joined as `--published` does.

Full run (every collection in full; ~15 min on 2 cores, commercetools is most of it):

    .venv/bin/python -m tests.client.projects                  # all
    .venv/bin/python -m tests.client.projects plaid webex-messaging
    .venv/bin/python -m tests.client.projects --sample 40      # big ones cut to 40 operations
    PMGEN_TEST_VENV=/path/to/venv .venv/bin/python -m tests.client.projects   # reuse a venv
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pmgen.emitters.client import emit
from pmgen.emitters.client_plan import package_name_for
from pmgen.formatting import format_python
from pmgen.importer import load
from pmgen.model import Collection
from tests.client.conformance import SHARED, prune
from tests.client.venv import ProjectVenv, install_project


@dataclass(frozen=True)
class Case:
    label: str
    source: Path
    env_files: tuple[Path, ...]
    published: Path | None

    def load(self, sample: int | None = None) -> Collection:
        collection = load(
            str(self.source),
            env_files=[str(p) for p in self.env_files],
            published_metadata=str(self.published) if self.published else None,
        )
        keys = [op.key for op in collection.operations()]
        if (
            sample is not None and len(keys) > sample
        ):  # every n-th operation: spread over folders
            collection = prune(collection, set(keys[:: len(keys) // sample + 1]))
        return collection


def _stem(path: Path) -> str:
    return path.name.split(".")[0]


def _pairs(env: Path, source: Path) -> bool:
    """`plaid-sandbox` env <-> `plaid` collection, `webex` env <-> `webex-messaging`."""
    a, b = sorted((_stem(env), _stem(source)), key=len)
    return b == a or b.startswith(a + "-")


def all_cases(shared: Path = SHARED) -> list[Case]:
    """Every collection of the corpus and the seeds, with its environment and published metadata."""
    folders = [shared / "corpus"]
    seeds = shared / "seed-collections"
    if seeds.is_dir():
        folders += sorted(
            p for p in seeds.iterdir() if p.is_dir() and p.name != "expected"
        )
    cases = []
    for folder in folders:
        prefix = "" if folder.name == "corpus" else "seed/"
        collections = sorted(folder.glob("*_collection.json"))
        envs = sorted(folder.glob("*.postman_environment.json"))
        for source in collections:
            matching = [e for e in envs if _pairs(e, source)]
            if not matching and len(collections) == 1 and envs:
                matching = envs[
                    :1
                ]  # a seed folder's environment belongs to its only collection
            published = folder / f"{_stem(source)}.published.json"
            cases.append(
                Case(
                    prefix + _stem(source),
                    source,
                    tuple(matching[:1]),
                    published if published.is_file() else None,
                )
            )
    return cases


def write_project(collection: Collection, project: Path) -> str:
    """Generate and write the formatted project; returns the package name."""
    package = package_name_for(collection)
    files = format_python(emit(collection, package_name=package, reveal_secrets=False))
    for rel, text in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


@dataclass
class Outcome:
    label: str
    operations: int
    installed: bool = False
    tests: str = "-"  # pytest's summary line
    tests_ok: bool = False
    mypy: str = "-"
    mypy_ok: bool = False
    seconds: float = 0.0
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.installed and self.tests_ok and self.mypy_ok


def check_project(
    venv: ProjectVenv, project: Path, package: str, outcome: Outcome
) -> Outcome:
    """Install, run the generated tests, type-check: fills `outcome` (stops at the first failure
    to install, but runs mypy even when tests fail)."""
    try:
        install_project(venv, project)
        outcome.installed = True
    except subprocess.CalledProcessError as exc:
        outcome.detail = f"pip install failed: {exc}"
        return outcome
    tests = subprocess.run(
        [str(venv.python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,  # a failure is reported, not raised
    )
    outcome.tests = (tests.stdout.strip().splitlines() or ["(no output)"])[-1]
    outcome.tests_ok = tests.returncode == 0
    if not outcome.tests_ok:
        outcome.detail += tests.stdout[-3000:] + tests.stderr[-1500:]
    mypy = subprocess.run(
        [
            str(venv.python),
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            package,
            "tests",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,  # a failure is reported, not raised
    )
    outcome.mypy = (mypy.stdout.strip().splitlines() or ["(no output)"])[-1]
    outcome.mypy_ok = mypy.returncode == 0
    if not outcome.mypy_ok:
        outcome.detail += mypy.stdout[-3000:]
    return outcome


def run_case(
    case: Case, venv: ProjectVenv, work: Path, sample: int | None = None
) -> Outcome:
    started = time.perf_counter()
    collection = case.load(sample)
    outcome = Outcome(case.label, sum(1 for _ in collection.operations()))
    project = work / case.label.replace("/", "_")
    package = write_project(collection, project)
    check_project(venv, project, package, outcome)
    outcome.seconds = time.perf_counter() - started
    return outcome


def main(argv: list[str]) -> int:
    sample: int | None = None
    if argv[:1] == ["--sample"]:
        sample, argv = int(argv[1]), argv[2:]
    wanted = set(argv)
    cases = [
        c
        for c in all_cases()
        if not wanted or c.label in wanted or c.label.split("/")[-1] in wanted
    ]
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="pmgen-projects-") as tmp:
        venv = ProjectVenv.create(Path(tmp) / "venv")
        for case in cases:
            outcome = run_case(case, venv, Path(tmp), sample)
            outcomes.append(outcome)
            mark = "ok  " if outcome.ok else "FAIL"
            print(
                f"{mark} {case.label} ({outcome.operations} ops, {outcome.seconds:.0f}s): "
                f"install={'yes' if outcome.installed else 'no'}; tests: {outcome.tests}; "
                f"mypy: {outcome.mypy}",
                flush=True,
            )
            if not outcome.ok:
                print(
                    "    " + outcome.detail.replace("\n", "\n    ")[-4000:], flush=True
                )
    n = len(outcomes)
    print(
        f"TOTAL {n} projects: install {sum(o.installed for o in outcomes)}/{n}, "
        f"tests pass {sum(o.tests_ok for o in outcomes)}/{n}, "
        f"mypy --strict clean {sum(o.mypy_ok for o in outcomes)}/{n}"
    )
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
