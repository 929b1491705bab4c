"""The dedicated fuzz command: many random hostile collections through the whole pipeline.

    .venv/bin/python -m tests.security.fuzz_main --examples 10000 [--workers 2] [--seed 1]

Each example: a random collection (+ environment) from `strategies`, imported, then every
available emitter (client, snippets, docs); the output must pass every check in `checks`
(Python AST, bash -n, markdown HTML audit, Jinja canary, secret canaries). Unlike a pytest
property, a failure does not stop the run: it is recorded (grouped by kind, with the first
failing collection saved as JSON) so one run reports every kind of hole. Prints
`examples run: N, failures: F` last; exit 1 when F > 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import re
import signal
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

EXAMPLE_TIMEOUT = (
    120  # seconds for one collection through every emitter: beyond is a hang
)
# Examples per hypothesis run: each chunk has its own seed, which bounds hypothesis's
# memory of past examples and lets `--resume` go on after the last saved chunk.
CHUNK = 250


class ExampleTimeout(Exception):
    pass


@dataclass
class WorkerResult:
    examples: int = 0
    imported: int = 0  # examples the importer accepted (the rest: a clean InputError)
    failures: int = 0
    seconds: float = 0.0
    chunks: int = 0  # hypothesis runs finished (the next one's seed follows from it)
    # a hash chain over every example (collection + environment): two runs with the same
    # digest ran the same collections (e.g. one run per emitter)
    digest: str = ""
    slowest: float = 0.0  # CPU seconds of the slowest example
    slowest_saved: str = ""
    kinds: Counter[str] = field(default_factory=Counter)
    samples: dict[str, str] = field(
        default_factory=dict
    )  # kind -> message + saved example

    def save(self, path: Path) -> None:
        """Progress on disk, so a run stopped early still has a report (`--summarize`)."""
        state = {**self.__dict__, "kinds": dict(self.kinds)}
        path.write_text(json.dumps(state, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> WorkerResult:
        state = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{**state, "kinds": Counter(state["kinds"])})


def _kind(message: str) -> str:
    """Group failures: drop paths, numbers and quoted text so one bug is one kind."""
    first = message.strip().splitlines()[0] if message.strip() else "?"
    first = re.sub(
        r"^\[\w+\] \S+?:(\d+:)? ?", lambda m: m.group(0).split("]")[0] + "] ", first
    )
    first = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", first)
    return re.sub(r"\d+", "N", first)[:160]


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise ExampleTimeout(f"no result within {EXAMPLE_TIMEOUT}s (hang?)")


def run_worker(
    worker: int,
    examples: int,
    seed: int,
    save_dir: str,
    *,
    pipeline: str = "full",
    resume: bool = False,
    only: tuple[str, ...] = (),
) -> WorkerResult:
    from hypothesis import HealthCheck, Phase, given, settings  # noqa: PLC0415
    from hypothesis import seed as hypothesis_seed  # noqa: PLC0415
    from hypothesis import strategies as st  # noqa: PLC0415

    from pmgen.secrets import SecretReport  # noqa: PLC0415
    from tests.security.checks import warning_violations  # noqa: PLC0415
    from tests.security.harness import (  # noqa: PLC0415
        available_emitters,
        emit_and_check,
        import_json,
    )
    from tests.security.strategies import collection, environment  # noqa: PLC0415

    emitters = available_emitters() if pipeline == "full" else {}
    emitters = {k: v for k, v in emitters.items() if not only or k in only}
    state_file = Path(save_dir) / f"worker-{worker}.json"
    result = (
        WorkerResult.load(state_file)
        if resume and state_file.exists()
        else WorkerResult()
    )
    started, seconds_before = time.monotonic(), result.seconds
    signal.signal(signal.SIGALRM, _alarm)

    def record(kind: str, message: str, document: Any, env: Any) -> None:
        result.failures += 1
        result.kinds[kind] += 1
        if kind not in result.samples:
            path = Path(save_dir) / f"failure-w{worker}-{len(result.samples)}.json"
            path.write_text(json.dumps(document, indent=1), encoding="utf-8")
            saved = str(path)
            if env is not None:  # the failure may need the environment too
                env_path = path.with_suffix(".env.json")
                env_path.write_text(json.dumps(env, indent=1), encoding="utf-8")
                saved += f" --env {env_path}"
            result.samples[kind] = f"{message.strip()[:1500]}\n(example saved: {saved})"

    def one(document: Any, env: Any) -> None:
        result.examples += 1
        example = json.dumps([document, env], sort_keys=True).encode()
        result.digest = hashlib.sha256(
            result.digest.encode() + hashlib.sha256(example).digest()
        ).hexdigest()
        cpu = time.process_time()
        signal.alarm(EXAMPLE_TIMEOUT)
        try:
            model = import_json(document, env)
            if model is not None:
                result.imported += 1
                problems = warning_violations(SecretReport.of(model).warning_lines())
                problems += emit_and_check(model, emitters)
                if problems:
                    record(_kind(problems[0]), "\n".join(problems[:10]), document, env)
        except ExampleTimeout as exc:
            record(f"hang: {exc}", str(exc), document, env)
        except Exception as exc:  # a crash: anything but InputError escaping pmgen
            tb = traceback.format_exc(limit=-4)
            record(f"crash: {type(exc).__name__}: {_kind(str(exc))}", tb, document, env)
        finally:
            signal.alarm(0)
        cpu = time.process_time() - cpu
        if cpu > result.slowest:
            path = Path(save_dir) / f"slowest-w{worker}.json"
            path.write_text(json.dumps([document, env], indent=1), encoding="utf-8")
            result.slowest, result.slowest_saved = cpu, str(path)
        if result.examples % 50 == 0:
            save()
            print(f"  worker {worker}: {result.examples} examples, {result.failures} failures",
                  file=sys.stderr, flush=True)  # fmt: skip

    def save() -> None:
        result.seconds = seconds_before + time.monotonic() - started
        result.save(state_file)

    while result.examples < examples:
        chunk = given(document=collection(), env=st.one_of(st.none(), environment()))(
            one
        )
        chunk = settings(
            max_examples=min(CHUNK, examples - result.examples),
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )(chunk)
        hypothesis_seed((seed * 1000 + worker) * 100_000 + result.chunks)(chunk)()
        result.chunks += 1
        save()
    return result


def report(results: list[WorkerResult], header: list[str]) -> tuple[str, int]:
    total = sum(r.examples for r in results)
    imported = sum(r.imported for r in results)
    failures = sum(r.failures for r in results)
    seconds = max((r.seconds for r in results), default=0.0)
    slowest = max(results, key=lambda r: r.slowest, default=WorkerResult())
    kinds: Counter[str] = Counter()
    samples: dict[str, str] = {}
    for r in results:
        kinds.update(r.kinds)
        for kind, sample in r.samples.items():
            samples.setdefault(kind, sample)
    lines = [
        *header,
        f"imported {imported} of {total} collections (the rest refused with a clean InputError)",
        f"time: {seconds:.0f} s ({seconds * len(results) / max(total, 1):.2f} s per example)",
        f"slowest example: {slowest.slowest:.1f} CPU s ({slowest.slowest_saved})",
        "examples digest: " + " ".join(r.digest[:16] for r in results),
    ]
    for kind, count in kinds.most_common():
        lines += [f"- {count} x {kind}", "  " + samples[kind].replace("\n", "\n  ")]
    lines.append(f"examples run: {total}, failures: {failures}")
    return "\n".join(lines), failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--examples", type=int, default=10_000, help="total examples (default 10000)"
    )
    parser.add_argument("--workers", type=int, default=2, help="processes (default 2)")
    parser.add_argument(
        "--seed", type=int, default=1, help="run seed (same seed, same collections)"
    )
    parser.add_argument(
        "--save-dir", default="/tmp/pmgen-fuzz", help="where failing examples go"
    )
    parser.add_argument(
        "--report", help="also write the report (markdown) to this file"
    )
    parser.add_argument(
        "--pipeline",
        choices=["full", "import"],
        default="full",
        help="full: import + every emitter + checks; import: importer + secret report only",
    )
    parser.add_argument(
        "--emitters",
        default="",
        help="comma-separated subset of the emitters (default: all available)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="go on from the progress files in --save-dir (after an interrupted run)",
    )
    parser.add_argument(
        "--summarize",
        action="store_true",
        help="only report the progress files in --save-dir",
    )
    args = parser.parse_args(argv)

    save_dir = Path(args.save_dir)
    save_dir.mkdir(parents=True, exist_ok=True)
    from tests.security.harness import available_emitters  # noqa: PLC0415

    only = tuple(name for name in args.emitters.split(",") if name)
    chosen = [name for name in sorted(available_emitters()) if not only or name in only]
    emitters = ", ".join(chosen) if args.pipeline == "full" else "none"
    header = [
        (
            f"pmgen fuzz ({args.pipeline}), progress files in {args.save_dir}, "
            f"emitters: {emitters}"
            if args.summarize
            else f"pmgen fuzz ({args.pipeline}): seed {args.seed}, {args.workers} workers, "
            f"emitters: {emitters}"
        )
    ]
    if args.summarize:
        results = [WorkerResult.load(p) for p in sorted(save_dir.glob("worker-*.json"))]
        header.append(
            "(summary of the progress files: the run may still be going or was stopped)"
        )
    else:
        for old in save_dir.glob("worker-*.json") if not args.resume else ():
            old.unlink()
        per_worker = [
            args.examples // args.workers + (i < args.examples % args.workers)
            for i in range(args.workers)
        ]
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=args.workers, mp_context=context) as pool:
            futures = [
                pool.submit(
                    run_worker,
                    i,
                    n,
                    args.seed,
                    args.save_dir,
                    pipeline=args.pipeline,
                    resume=args.resume,
                    only=only,
                )
                for i, n in enumerate(per_worker)
            ]
            results = [f.result() for f in futures]
    text, failures = report(results, header)
    print(text)
    if args.report:
        Path(args.report).write_text(text + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
