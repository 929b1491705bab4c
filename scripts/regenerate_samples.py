"""Regenerate `generated_samples/`: `pmgen generate` for each seed API.

    .venv/bin/python scripts/regenerate_samples.py                 # all samples, in place
    .venv/bin/python scripts/regenerate_samples.py --only webex-messaging
    .venv/bin/python scripts/regenerate_samples.py --out /tmp/x    # somewhere else (golden test)

Sources are read from `examples/` (bundled seed collections), named by paths relative to
the repository so the manifests are the same on every machine. The `callerdesk-from-url`
sample is generated from a documentation site served on 127.0.0.1: pmgen is given the
site's own address (`http://api.callerdesk.test/`, a reserved `.test` name that never
resolves) and reaches the local server as its HTTP proxy, so no random port can leak
into the output.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES_DIR = REPO / "generated_samples"
EXAMPLES = "examples"
COMMAND = ".venv/bin/python scripts/regenerate_samples.py"

sys.path.insert(
    0, str(REPO)
)  # the repo's own `generator` and test helpers, not an installed copy

from tests.samples.docs_site import DOCS_URL, serve_docs_site  # noqa: E402


@dataclass(frozen=True)
class Sample:
    name: str  # directory under generated_samples/
    source: str  # relative to the repo, or a URL
    options: tuple[str, ...] = ()  # further `pmgen generate` options
    published: str | None = None  # published metadata joined to the collection
    inputs: tuple[str, ...] = field(default=())  # every repo file the sample reads

    def missing_inputs(self) -> list[str]:
        return [path for path in self.inputs if not (REPO / path).is_file()]


def _example(name: str) -> str:
    return f"{EXAMPLES}/{name}"


SAMPLES: tuple[Sample, ...] = (
    Sample(
        "carrierx-core",
        _example("carrierx-core.postman_collection.json"),
        options=("--name", "carrierx_core"),
        inputs=(_example("carrierx-core.postman_collection.json"),),
    ),
    Sample(
        "carrierx-conference",
        _example("carrierx-conference.postman_collection.json"),
        options=("--name", "carrierx_conference"),
        inputs=(_example("carrierx-conference.postman_collection.json"),),
    ),
    Sample(
        "vonage-contact-center",
        _example("vonage-contact-center.postman_collection.json"),
        options=(
            "--name",
            "vonage_contact_center",
            "--env",
            _example("vcc-emea.postman_environment.json"),
            "--environment",
            "EMEA",
        ),
        inputs=(
            _example("vonage-contact-center.postman_collection.json"),
            _example("vcc-emea.postman_environment.json"),
        ),
    ),
    Sample(
        "webex-messaging",
        _example("webex-messaging.postman_collection.json"),
        options=("--name", "webex_messaging"),
        inputs=(_example("webex-messaging.postman_collection.json"),),
    ),
    Sample(
        "callerdesk",
        _example("callerdesk.postman_collection.json"),
        # Snippet styles (and the docs' snippets) follow the publisher's `languages`.
        options=("--name", "callerdesk", "--style", "publisher"),
        published=_example("callerdesk.published.json"),
        inputs=(
            _example("callerdesk.postman_collection.json"),
            _example("callerdesk.published.json"),
        ),
    ),
    Sample(
        "voximplant-kit",
        _example("voximplant-kit.postman_collection.json"),
        # The published environment (seed 004), exported as an environment file.
        options=(
            "--name",
            "voximplant_kit",
            "--env",
            _example("voximplant-kit.postman_environment.json"),
        ),
        published=_example("voximplant-kit.published.json"),
        inputs=(
            _example("voximplant-kit.postman_collection.json"),
            _example("voximplant-kit.postman_environment.json"),
            _example("voximplant-kit.published.json"),
        ),
    ),
    Sample(
        "callerdesk-from-url",
        DOCS_URL,
        # Its own package name, so both Callerdesk clients install side by side in tests.
        options=("--name", "callerdesk_from_url", "--style", "publisher"),
        inputs=(
            _example("callerdesk.postman_collection.json"),
            _example("callerdesk.published.json"),
        ),
    ),
)


def pmgen_command() -> list[str]:
    """`pmgen` from this repo, run by the current interpreter."""
    return [
        sys.executable,
        "-c",
        "import importlib.util, sys; from pmgen.cli import main; main(sys.argv[1:])",
    ]


def supports_published() -> bool:
    """Whether `pmgen generate` can join a collection with its published metadata yet."""
    proc = subprocess.run(
        [*pmgen_command(), "generate", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return "--published" in proc.stdout


def generate(
    sample: Sample,
    out_root: Path,
    env: dict[str, str],
    published: bool,
    parts: Sequence[str],
) -> tuple[Sample, int, str]:
    out = out_root / sample.name
    options = list(sample.options)
    for part in parts:
        options += ["--only", part]
    if sample.published and published:
        options += ["--published", sample.published]
    argv = [
        *pmgen_command(),
        "--quiet",
        "generate",
        sample.source,
        "-o",
        str(out),
        *options,
    ]
    proc = subprocess.run(
        argv, cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    return sample, proc.returncode, (proc.stderr + proc.stdout).strip()


@contextmanager
def _environment(samples: Sequence[Sample]) -> Iterator[dict[str, str]]:
    """Child environment; a docs-site proxy on 127.0.0.1 when a sample comes from a URL."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k.lower() not in {"no_proxy", "all_proxy"}
    }
    if not any(s.source == DOCS_URL for s in samples):
        yield env
        return
    examples = REPO / EXAMPLES
    with serve_docs_site(
        examples / "callerdesk.published.json",
        examples / "callerdesk.postman_collection.json",
    ) as proxy_url:
        env["HTTP_PROXY"] = env["http_proxy"] = proxy_url
        yield env


def regenerate(
    out_root: Path, only: Sequence[str] = (), jobs: int = 2, parts: Sequence[str] = ()
) -> int:
    samples = [s for s in SAMPLES if not only or s.name in only]
    unknown = set(only) - {s.name for s in SAMPLES}
    if unknown:
        print(f"unknown sample(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    runnable = []
    for sample in samples:
        missing = sample.missing_inputs()
        if missing:
            print(
                f"{sample.name}: skipped, missing {', '.join(missing)}", file=sys.stderr
            )
        else:
            runnable.append(sample)
    published = supports_published()
    if not published and any(s.published for s in runnable):
        print(
            "note: `pmgen generate` has no --published option yet; published metadata left out",
            file=sys.stderr,
        )
    failures = 0
    with _environment(runnable) as env, ThreadPoolExecutor(max_workers=jobs) as pool:
        for sample, code, output in pool.map(
            lambda s: generate(s, out_root, env, published, parts), runnable
        ):
            status = "ok" if code == 0 else f"FAILED (exit {code})"
            print(f"{sample.name}: {status}")
            if code != 0:
                failures += 1
                print("    " + output.replace("\n", "\n    "), file=sys.stderr)
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="output root")
    parser.add_argument(
        "--only", action="append", default=[], help="sample name (repeatable)"
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--parts",
        action="append",
        default=[],
        choices=["client", "snippets", "docs"],
        help="generate only these parts (for quick iterations; samples hold all three)",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="generate into an empty dir, then replace --out",
    )
    args = parser.parse_args(argv)
    if not args.fresh:
        return regenerate(args.out.resolve(), args.only, args.jobs, args.parts)
    with tempfile.TemporaryDirectory(prefix="pmgen-samples-") as tmp:
        code = regenerate(Path(tmp), args.only, args.jobs, args.parts)
        if code == 0:
            for child in sorted(Path(tmp).iterdir()):
                target = args.out / child.name
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(child, target)
        return code


if __name__ == "__main__":
    sys.exit(main())
