"""The intended parts of pmgen hold in its imports: a forbidden edge fails this test.

    model       knows no input format and no output: imports no other pmgen module
    importer    reads sources into the model: never an emitter, the writer, the CLI
    emitters    model -> files, pure: never the writer, formatting, parallel, importer
    inference   serves the client emitter without depending on it

Every import counts, at module level or inside a function, and so does
`importlib.import_module("...")` with a literal name.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "generator"

# (modules the rule is about, modules they must not import): prefixes of dotted names
RULES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("the model knows no input format or output", ("generator.model",), ("generator",)),
    (
        "the importer never imports emitters, writer or CLI",
        ("generator.importer",),
        (
            "generator.emitters",
            "generator.writer",
            "generator.cli",
            "generator.commands",
            "generator.pipeline",
            "generator.formatting",
        ),
    ),
    (
        "emitters never import the writer, formatting, parallel or the importer",
        ("generator.emitters",),
        (
            "generator.writer",
            "generator.formatting",
            "generator.parallel",
            "generator.importer",
            "generator.pipeline",
            "generator.commands",
            "generator.cli",
        ),
    ),
    (
        "inference never imports an emitter",
        ("generator.inference", "generator.models_layout"),
        ("generator.emitters",),
    ),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path) -> Iterator[tuple[list[str], int]]:
    """(dotted names, line) of each import in `path`, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package.pop()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield [alias.name for alias in node.names], node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from generator import writer` imports generator.writer
            yield [base, *(f"{base}.{alias.name}" for alias in node.names)], node.lineno
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield [node.args[0].value], node.lineno


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def is_module(name: str) -> bool:
    """`generator.x` names a module or package of pmgen (not a function or class)."""
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def forbidden_edges(root: Path | None = None) -> list[str]:
    found = []
    for path in sorted((root or ROOT / PACKAGE).rglob("*.py")):
        source = module_name(path)
        for rule, subjects, banned in RULES:
            if not within(source, subjects):
                continue
            for names, line in imported(path):
                bad = [
                    name
                    for name in names
                    if within(name, banned) and is_module(name) and name != source
                ]
                if bad:  # one line per import statement, naming the deepest module
                    where = path.relative_to(ROOT)
                    target = max(bad, key=len)
                    found.append(f"{where}:{line}: {source} -> {target} ({rule})")
    return found


def test_no_forbidden_import_edge() -> None:
    assert forbidden_edges() == []


@pytest.mark.parametrize(
    ("module", "code", "edge"),
    [
        ("generator/model.py", "from generator import naming\n", "generator.naming"),
        (
            "generator/emitters/fake.py",
            "def f():\n    from generator.formatting import format_python\n",
            "generator.formatting",
        ),
        (
            "generator/emitters/fake.py",
            "import importlib\nimportlib.import_module('generator.writer')\n",
            "generator.writer",
        ),
        (
            "generator/importer/fake.py",
            "from ..emitters import docs\n",
            "generator.emitters.docs",
        ),
        (
            "generator/inference.py",
            "from generator.emitters import client\n",
            "generator.emitters.client",
        ),
    ],
)
def test_each_kind_of_edge_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, code: str, edge: str
) -> None:
    """The walk catches what it must: a copy of the package with one bad import added."""
    import shutil  # noqa: PLC0415

    copy = tmp_path / "repo"
    shutil.copytree(
        ROOT / PACKAGE, copy / PACKAGE, ignore=shutil.ignore_patterns("*.pyc")
    )
    target = copy / module
    existing = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(existing + "\n" + code, encoding="utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", copy)
    found = forbidden_edges(copy / PACKAGE)
    assert len(found) == 1 and f"-> {edge}" in found[0], found
    assert found[0].startswith(module), found
