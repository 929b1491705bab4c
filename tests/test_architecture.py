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
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "generator"  # the folder; installed as the package `pmgen`
IMPORT_NAME = "pmgen"

# (modules the rule is about, modules they must not import): prefixes of dotted names
RULES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("the model knows no input format or output", ("pmgen.model",), ("pmgen",)),
    (
        "the importer never imports emitters, writer or CLI",
        ("pmgen.importer",),
        (
            "pmgen.emitters",
            "pmgen.writer",
            "pmgen.cli",
            "pmgen.commands",
            "pmgen.pipeline",
            "pmgen.formatting",
        ),
    ),
    (
        "emitters never import the writer, formatting, parallel or the importer",
        ("pmgen.emitters",),
        (
            "pmgen.writer",
            "pmgen.formatting",
            "pmgen.parallel",
            "pmgen.importer",
            "pmgen.pipeline",
            "pmgen.commands",
            "pmgen.cli",
        ),
    ),
    (
        "inference never imports an emitter",
        ("pmgen.inference", "pmgen.models_layout"),
        ("pmgen.emitters",),
    ),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    parts[0] = IMPORT_NAME  # generator/x.py is pmgen.x
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
            # `from pmgen import writer` imports pmgen.writer
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
    """`pmgen.x` names a module or package of pmgen (not a function or class)."""
    first, *rest = name.split(".")
    if first != IMPORT_NAME:
        return False
    path = ROOT.joinpath(PACKAGE, *rest)
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
        ("generator/model.py", "from pmgen import naming\n", "pmgen.naming"),
        (
            "generator/emitters/fake.py",
            "def f():\n    from pmgen.formatting import format_python\n",
            "pmgen.formatting",
        ),
        (
            "generator/emitters/fake.py",
            "import importlib\nimportlib.import_module('pmgen.writer')\n",
            "pmgen.writer",
        ),
        (
            "generator/importer/fake.py",
            "from ..emitters import docs\n",
            "pmgen.emitters.docs",
        ),
        (
            "generator/inference.py",
            "from pmgen.emitters import client\n",
            "pmgen.emitters.client",
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


def test_every_package_folder_is_installed() -> None:
    """pyproject.toml lists pmgen's packages by hand (setuptools maps generator/ to pmgen):
    a new folder with an `__init__.py` must be added there or the wheel lacks it."""
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:
        import tomli as tomllib  # noqa: PLC0415
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"]) - {f"{IMPORT_NAME}.templates"}
    folders = {module_name(init) for init in (ROOT / PACKAGE).rglob("__init__.py")}
    assert listed == folders
