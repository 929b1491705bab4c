"""Snippet length against Postman's own generator (a report, not a timed test):

    .venv/bin/python -m benchmarks.snippet_length [--corpus DIR] [--json FILE]

For every request of the shared corpus (`../shared/corpus/*.postman_collection.json`,
with the environment file beside it), the line count of pmgen's python-requests and curl
snippets (every line of the file: docstring, comments, secrets read from the environment)
and of postman-code-generators' snippet for the same request with its default options
(Python `Requests`, `cURL`). Prints, per style, the medians and their ratio (target: pmgen
at most 1.3x). Needs Node and the npm packages `postman-code-generators` and
`postman-collection` (`python -m benchmarks.run --install-baselines`); without them it
says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.baselines import NODE_DIR, _has_node_module, _node_env

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
STYLES = {"python-requests": ("python", "Requests"), "curl": ("curl", "cURL")}


def _pcg_lines(source: Path, language: str, variant: str) -> list[list[Any]]:
    script = HERE / "baselines_js" / "pcg_lines.js"
    out = subprocess.run(
        ["node", str(script), str(source), language, variant],
        capture_output=True,
        text=True,
        env=_node_env(),
        check=True,
        timeout=600,
    )
    rows: list[list[Any]] = json.loads(out.stdout)
    return rows


def _pmgen_lines(source: Path) -> dict[str, list[tuple[str, int | None]]]:
    from pmgen.emitters import snippets  # noqa: PLC0415
    from pmgen.importer import load  # noqa: PLC0415

    env = source.with_name(source.name.replace("_collection", "_environment"))
    collection = load(str(source), env_files=[str(env)] if env.is_file() else [])
    files = snippets.emit(collection, styles=list(STYLES))
    index = json.loads(files["index.json"])
    out: dict[str, list[tuple[str, int | None]]] = {s: [] for s in STYLES}
    for entry in index["requests"]:
        for style in STYLES:
            path = entry["snippets"].get(style)
            lines = len(files[path].rstrip("\n").split("\n")) if path else None
            out[style].append((entry["name"], lines))
    return out


def measure(corpus: Path) -> dict[str, Any]:
    pairs: dict[str, list[tuple[int, int]]] = {s: [] for s in STYLES}
    unread: dict[str, list[str]] = {s: [] for s in STYLES}
    skipped: dict[str, int] = {s: 0 for s in STYLES}
    sources = sorted(corpus.glob("*.postman_collection.json"))
    for source in sources:
        ours = _pmgen_lines(source)
        for style, (language, variant) in STYLES.items():
            theirs = _pcg_lines(source, language, variant)
            if len(theirs) != len(ours[style]):  # v1 or malformed: the SDK reads none
                unread[style].append(f"{source.name} ({len(ours[style])} requests)")
                continue
            for (name, mine), (their_name, their) in zip(ours[style], theirs):
                if mine is None or their is None or name != their_name:
                    skipped[style] += 1
                    continue
                pairs[style].append((mine, their))
    result: dict[str, Any] = {"collections": len(sources), "styles": {}}
    for style, rows in pairs.items():
        if not rows:
            continue
        ours_median = statistics.median(m for m, _ in rows)
        theirs_median = statistics.median(t for _, t in rows)
        result["styles"][style] = {
            "requests": len(rows),
            "skipped": skipped[style],
            "not_read_by_postman": unread[style],
            "pmgen_median": ours_median,
            "postman_median": theirs_median,
            "ratio": round(ours_median / theirs_median, 2),
            "median_request_ratio": round(statistics.median(m / t for m, t in rows), 2),
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    missing = [
        n
        for n in ("postman-code-generators", "postman-collection")
        if not _has_node_module(n)
    ]
    if missing:
        print(
            f"skipped: Node or {', '.join(missing)} not installed in {NODE_DIR} "
            "(python -m benchmarks.run --install-baselines)"
        )
        return 0
    result = measure(args.corpus)
    print(f"{result['collections']} collections of {args.corpus}")
    for style, row in result["styles"].items():
        print(
            f"{style}: median {row['pmgen_median']} lines (pmgen) vs "
            f"{row['postman_median']} (postman-code-generators) = {row['ratio']}x "
            f"over {row['requests']} requests ({row['skipped']} not compared; "
            f"collections postman-collection reads no request from: "
            f"{', '.join(row['not_read_by_postman']) or 'none'}); "
            f"median of per-request ratios {row['median_request_ratio']}x"
        )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
