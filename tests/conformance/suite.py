"""Run styles over every recorded collection and summarize (used by the test and by hand):

    .venv/bin/python -m tests.conformance.suite [--style S]... [--case NAME]... [--full]

The test run samples `SAMPLE` requests per collection; `--full` or PMGEN_CONFORMANCE_FULL=1 runs all
3,874 recorded requests (the full run of the shell/raw styles:
`.venv/bin/python -m tests.conformance.suite --full --style curl --style httpie --style wget
--style http`). Python programs, the raw HTTP sender and HTTPie run in a fork server
(`forkrun.py`); PMGEN_CONFORMANCE_FORK=0 runs every program as its own process.

The CLI takes ../shared/corpus2 too (collections chosen for their scripts; `--no-corpus2`
leaves it out). Snippets are made with the requests' script effects (`pmgen.script_effects`)
and run under each recording's frozen clock; a second line per style,
`conformance STYLE script-shaped: N/M`, scores the requests their own pre-request chain
shapes, and counts apart those earlier requests' scripts also shaped and those only
captured values shaped.

Each style ends with `conformance STYLE: N/M identical (P%)` over the comparable requests
no script shapes, leaving out (and listing) those no program of the style could match:
nonce-signed auth (by scheme), requests the style declares it cannot express (index.json notes) and
Newman requests compare.py cannot score; URL-encoding-only differences count as
identical for the tools that re-encode URLs with no way to turn it off (wget, HTTPie).
Every remaining difference is printed with its reason.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pmgen.emitters.snippet_context import Unsupported
from pmgen.emitters.snippets import DEFAULT_STYLES, STYLES, render_snippet
from pmgen.formatting import format_python
from pmgen.model import Collection, Operation
from pmgen.scriptinfo import is_blank
from pmgen.wire import Value, build_request, path_and_query
from pmgen.wire.effects import CollectionEffects
from pmgen.wire.url import PATH_SET, percent_encode
from tests.conformance.runner import (
    FORK_RUNNERS,
    Case,
    Program,
    StyleResult,
    discover,
    discover_v3,
    run_case,
    tmp_workdir,
)

SAMPLE = int(os.environ.get("PMGEN_CONFORMANCE_SAMPLE", "12"))  # requests per collection
FULL = os.environ.get("PMGEN_CONFORMANCE_FULL") == "1"


_EFFECTS: dict[tuple[int, str], tuple[Collection, CollectionEffects | None]] = {}
_CAPTURED: dict[int, tuple[Collection, dict[str, str] | None]] = {}
_EFFECTS_LOCK = threading.Lock()


def effects_of(collection: Collection, op: Operation) -> CollectionEffects | None:
    """`pmgen.script_effects.analyse` of one request (its chain run only when scored)."""
    from pmgen import script_effects  # noqa: PLC0415

    with _EFFECTS_LOCK:
        held = _EFFECTS.get((id(collection), op.id))
        if held is None or held[0] is not collection:
            known = _CAPTURED.get(id(collection))
            if known is None or known[0] is not collection:
                scripted = any(
                    s.event == "prerequest" and not is_blank(s.exec)
                    for o in collection.operations()
                    for s in (*o.inherited_scripts, *o.scripts)
                )
                captured = (
                    script_effects.captured_variables(collection) if scripted else None
                )
                known = _CAPTURED[id(collection)] = (collection, captured)
            effects = None
            if known[1] is not None:
                effects = script_effects.analyse(
                    collection, operations=[op], captured=known[1]
                )
            held = _EFFECTS[(id(collection), op.id)] = (collection, effects)
        return held[1]


def snippet_program(style: str) -> Program:
    ext = STYLES[style].ext

    def program(
        collection: Collection, op: Operation, files_dir: Path
    ) -> tuple[str, str, dict[str, str]] | str:
        effects = effects_of(collection, op)
        try:
            text = render_snippet(
                collection, op, style, files_dir=files_dir, effects=effects
            )
        except Unsupported as why:
            return str(why)
        if style == "http" and text.startswith(RAW_CANNOT):
            return text.splitlines()[0][2:]  # the raw message's own first line says so
        name = f"{op.identifier}.{ext}"
        if ext == "py":
            text = format_python({name: text})[name]
        wire = build_request(collection, op, files_dir=files_dir, effects=effects)
        env = {k: s.value for k, s in wire.secrets.items()}
        # a variable earlier requests' scripts capture: what Newman sends while no earlier
        # response set it (the echo server's answers set none), `{{name}}` as written
        in_path = _in_url_path(wire.url)
        for variable, env_var in (effects.captured if effects else {}).items():
            if env_var in env:
                stand_in = "{{" + variable + "}}"
                # Newman percent-encodes the braces of an unresolved variable in a path
                env[env_var] = (
                    percent_encode(stand_in, PATH_SET)
                    if env_var in in_path
                    else stand_in
                )
        return name, text, env

    return program


def _in_url_path(url: Value) -> set[str]:
    """The environment variables read into the URL's path (before any `?`)."""
    found: set[str] = set()
    for part in path_and_query(url)[1]:
        if part.kind == "text" and "?" in part.text:
            break
        if part.kind == "env":
            found.add(part.text)
    return found


def run_styles(
    shared: Path,
    styles: list[str],
    *,
    full: bool = FULL,
    cases: list[str] | None = None,
    workers: int = 2,
    v3: bool = False,
    corpus2: bool = False,
) -> dict[str, list[StyleResult]]:
    """`v3`: the v3 folders migrated from the recorded collections instead of the
    recorded v2.1 collections themselves; `corpus2`: ../shared/corpus2 too."""
    found = discover_v3(shared) if v3 else discover(shared, corpus2=corpus2)
    all_cases = [c for c in found if not cases or c.name in cases]
    workdir = tmp_workdir()
    compare_py = shared / "conformance" / "compare.py"
    programs = {style: snippet_program(style) for style in styles}

    def one(case: Case) -> list[StyleResult]:
        return run_case(
            case,
            programs,
            limit=None if full else SAMPLE,
            compare_py=compare_py,
            workdir=workdir,
        )

    results: dict[str, list[StyleResult]] = {s: [] for s in styles}
    # biggest collections first so the two workers finish together
    ordered = sorted(
        all_cases, key=lambda c: -(c.expected_dir / "expected.jsonl").stat().st_size
    )
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for case_results in pool.map(one, ordered):
                for res in case_results:
                    results[res.style].append(res)
    finally:
        FORK_RUNNERS.close()
    for style_results in results.values():
        style_results.sort(key=lambda r: r.case)
    return results


# Tools that re-encode URL characters Postman sends raw ({ } | ^ ` and, for HTTPie, [ ]), with
# no option to turn it off: their encoding-only differences (path_exact/query_exact) are
# counted separately, and their target is met on the requests that differ in nothing else.
REENCODING_TOOLS = {
    "wget": "wget re-encodes { } | ^ `",
    "httpie": "HTTPie (urllib3) re-encodes [ ] { } | ^ `",
}
EXACT_ONLY = {"path_exact", "query_exact"}
# Auth signed over a nonce (or randomized: JWT PS/ES, ASAP's jti): Newman's recorded
# signature cannot be reproduced by any program, even at the recording's frozen clock
# (which the runner applies: AWS SigV4, signed over the time alone, must be identical).
# Such requests are counted by scheme, listed, and left out of the target figure.
NONCE_SCHEMES = ("oauth1", "hawk", "edgegrid", "akamai", "asap", "jwt")
RAW_CANNOT = "# this raw message cannot compute"


def classify(item: dict[str, Any], res: StyleResult) -> str:
    """Why a request no script shapes is not identical: a category of `REASONS`."""
    kinds = {d["kind"] for d in item["diffs"]}
    if res.auth.get(item["key"]) in NONCE_SCHEMES and _only_signature(item):
        return "signed"
    if item["key"] in res.lost:
        return "lost"
    if item["key"] in res.skipped:
        return "unexpressed"
    if item["key"] in res.unscorable:
        return "unscorable"
    if kinds and kinds <= EXACT_ONLY:
        return "encoding"
    return "miss"


# a style that computes nonce-signed auth differs from Newman in the signature alone
SIGNATURE_MARKS = ("oauth_nonce", "Hawk id=", "EG1-HMAC-SHA256", "eyJ")
SIGNATURE_HEADERS = ("authorization:",)


def _only_signature(item: dict[str, Any]) -> bool:
    diffs = item["diffs"]
    return (
        bool(diffs)
        and all(
            (
                d["kind"] == "header_value"
                and d["detail"].lower().startswith(SIGNATURE_HEADERS)
            )
            or d["kind"] in ("query", "query_exact", "body_form")
            for d in diffs
        )
        and any(m in d["detail"] for d in diffs for m in SIGNATURE_MARKS)
    )


REASONS = {
    "signed": "signed over a nonce (no program can repeat Newman's signature)",
    "unexpressed": "the style cannot express it (declared in index.json notes)",
    "unscorable": "compare.py cannot score Newman's own request",
    "encoding": "differs only in URL encoding",
    "lost": "v3 folder: the format lost what Newman used (FORMAT.md §16)",
    "miss": "a difference pmgen should fix",
}
# left out of the target figure (listed): no program of this style could match
EXCLUDED = {"signed", "unexpressed", "unscorable", "lost"}


def summarize(
    style: str, results: list[StyleResult], *, show: int = 60
) -> dict[str, Any]:
    """Print one style's table and every remaining difference; return its totals."""
    comparable = identical = ns_total = ns_ident = 0
    shaped: dict[str, list[int]] = {
        "chain": [0, 0],
        "chain+earlier": [0, 0],
        "captured": [0, 0],
    }
    shaped_left_out: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    why: Counter[str] = Counter()
    signed_by: Counter[str] = Counter()
    listed: list[str] = []
    shaped_listed: list[str] = []
    print(f"\n== {style}")
    print(f"{'collection':32} {'identical':>10} {'no-script':>10}")
    for res in results:
        rep = res.report
        n, ident = rep["comparable"], rep["identical"]
        nsi, nst = rep["identical_not_script_affected"]
        comparable += n
        identical += ident
        ns_total += nst
        ns_ident += nsi
        kinds.update(rep["kinds"])
        print(f"{res.case:32} {ident:>4}/{n:<5} {nsi:>4}/{nst:<5}")
        for item in rep["items"]:
            by = res.shaped.get(item["key"])
            if by == "chain" and item["key"] in res.stateful:
                by = "chain+earlier"
            if item["script_affected"] and by:
                category = "identical" if item["identical"] else classify(item, res)
                if category in EXCLUDED:
                    shaped_left_out[category] += 1
                    continue
                shaped[by][1] += 1
                shaped[by][0] += category == "identical" or (
                    category == "encoding" and style in REENCODING_TOOLS
                )
                if category != "identical" and by != "captured":
                    shaped_listed.append(
                        f"  [{by}] {res.case} / {item['key']}: "
                        + "; ".join(
                            f"{d['kind']}: {d['detail'][:100]}" for d in item["diffs"]
                        )
                    )
            if item["identical"] or item["script_affected"]:
                continue
            category = classify(item, res)
            why[category] += 1
            if category == "signed":
                signed_by[res.auth.get(item["key"], "")] += 1
            reason = (
                res.skipped.get(item["key"])
                or res.unscorable.get(item["key"])
                or res.lost.get(item["key"])
            )
            detail = reason or "; ".join(
                f"{d['kind']}: {d['detail'][:120]}" for d in item["diffs"]
            )
            listed.append(f"  [{category}] {res.case} / {item['key']}: {detail}")
    if listed:
        print("requests no script shapes that differ, with the reason:")
        print("\n".join(listed[:show]))
        if len(listed) > show:
            print(f"  ... and {len(listed) - show} more")
    for category, count in sorted(why.items()):
        note = REASONS[category]
        if category == "encoding" and style in REENCODING_TOOLS:
            note += f" ({REENCODING_TOOLS[style]}: counted as identical)"
        print(f"{style}: {count} request(s): {note}")
    encoding_ok = why["encoding"] if style in REENCODING_TOOLS else 0
    target_total = ns_total - sum(why[c] for c in EXCLUDED)
    target_ident = ns_ident + encoding_ok
    pct = 100.0 * identical / comparable if comparable else 0.0
    ns_pct = 100.0 * ns_ident / ns_total if ns_total else 0.0
    target_pct = 100.0 * target_ident / target_total if target_total else 0.0
    if shaped_listed:
        print("requests their own pre-request chain shapes that differ:")
        print("\n".join(shaped_listed[:show]))
    print(f"kinds: {dict(kinds.most_common())}")
    print(
        f"{style}: not script-affected {ns_ident}/{ns_total} ({ns_pct:.1f}%), "
        f"all comparable {identical}/{comparable}"
    )
    return {
        "identical": identical,
        "comparable": comparable,
        "ns_ident": ns_ident,
        "ns_total": ns_total,
        "ns_pct": ns_pct,
        "target_pct": target_pct,
        "target": (target_ident, target_total),
        "unexpressed": why["unexpressed"],
        "signed": why["signed"],
        "signed_by": dict(sorted(signed_by.items())),
        "unscorable": why["unscorable"],
        "ns_encoding": why["encoding"],
        "pct": pct,
        "chain": tuple(shaped["chain"]),
        "chain_pct": _pct(*shaped["chain"]),
        "captured": tuple(shaped["captured"]),
        "chain_earlier": tuple(shaped["chain+earlier"]),
        "chain_all_pct": _pct(
            shaped["chain"][0] + shaped["chain+earlier"][0],
            shaped["chain"][1] + shaped["chain+earlier"][1],
        ),
        "shaped_left_out": dict(shaped_left_out),
    }


def _pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def _by_scheme(counts: dict[str, int]) -> str:
    return (
        " (" + ", ".join(f"{k} {v}" for k, v in counts.items()) + ")" if counts else ""
    )


def figure_line(style: str, t: dict[str, Any]) -> str:
    """The one line per style the issue asks for, then how it was counted."""
    return (
        f"conformance {style}: {t['target'][0]}/{t['target'][1]} identical "
        f"({t['target_pct']:.1f}%) [raw not-script-affected {t['ns_ident']}/{t['ns_total']}; "
        f"left out: {t['unexpressed']} not expressible, {t['signed']} nonce-signed"
        f"{_by_scheme(t['signed_by'])}, "
        f"{t['unscorable']} unscorable; all comparable: {t['identical']}/{t['comparable']} "
        f"({t['pct']:.1f}%)]\n"
        f"conformance {style} script-shaped: {t['chain'][0]}/{t['chain'][1]} identical "
        f"({t['chain_pct']:.1f}%) [also reading variables earlier requests' scripts set: "
        f"{t['chain_earlier'][0]}/{t['chain_earlier'][1]}, both: {t['chain_all_pct']:.1f}%; "
        "shaped only by captured values: "
        f"{t['captured'][0]}/{t['captured'][1]}; left out: {t['shaped_left_out']}]"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--style", action="append")
    ap.add_argument("--case", action="append")
    ap.add_argument("--full", action="store_true")
    ap.add_argument(
        "--no-corpus2",
        action="store_true",
        help="leave out ../shared/corpus2 (the collections chosen for their scripts)",
    )
    ap.add_argument(
        "--v3",
        action="store_true",
        help="the v3 folders of ../shared/v3/migrated instead of the v2.1 originals",
    )
    ap.add_argument(
        "--shared", default=str(Path(__file__).resolve().parents[2].parent / "shared")
    )
    args = ap.parse_args()
    styles = args.style or DEFAULT_STYLES
    results = run_styles(
        Path(args.shared),
        styles,
        full=args.full or FULL,
        cases=args.case,
        v3=args.v3,
        corpus2=not args.no_corpus2,
    )
    show = 10_000 if args.full or FULL else 60
    totals = {s: summarize(s, r, show=show) for s, r in results.items()}
    for style, t in totals.items():
        print(figure_line(style, t))
    return 0


if __name__ == "__main__":
    sys.exit(main())
