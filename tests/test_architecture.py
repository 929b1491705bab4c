"""The intended parts of pmgen hold in its imports: a forbidden edge fails this test.

    model       knows no input format and no output: imports no other pmgen module
    importer    reads sources into the model: never an emitter, the writer, the CLI
    emitters    model -> files, pure: never the writer, formatting, parallel, importer;
                no emitter imports another's modules (client_*, snippet*, docs_*): what
                one needs of another is handed in by the registry, `pmgen.emitters`
    inference   serves the client emitter without depending on it

Every import counts, at module level or inside a function, and so does
`importlib.import_module("...")` / `__import__("...")` with a literal name; an emitter
module may not import by a computed name at all (the walk could not see the edge).
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
        elif isinstance(node, ast.Call) and _dynamic_import(node):
            argument = node.args[0] if node.args else None
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                yield [argument.value], node.lineno
            else:
                yield [COMPUTED], node.lineno


COMPUTED = "<a computed name>"


def _dynamic_import(call: ast.Call) -> bool:
    """`importlib.import_module(...)`, `import_module(...)`, `__import__(...)`."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in ("import_module", "__import__")


def emitter_family(name: str) -> str | None:
    """Which emitter a module of `pmgen.emitters` belongs to: `client_plan` -> client,
    `snippet_code` and `snippets` -> snippet, `docs_view` -> docs; None for the
    registry (`pmgen.emitters` itself) and for what is not an emitter module."""
    prefix = "pmgen.emitters."
    if not name.startswith(prefix):
        return None
    module = name[len(prefix) :].split(".")[0]
    return module.split("_")[0].removesuffix("s") or None


def cross_emitter_edges(root: Path | None = None) -> list[str]:
    """Imports from one emitter's modules into another's, and imports by a computed
    name in any emitter module."""
    found = []
    for path in sorted((root or ROOT / PACKAGE / "emitters").rglob("*.py")):
        source = module_name(path)
        family = emitter_family(source)
        if family is None:
            continue
        for names, line in imported(path):
            where = path.relative_to(ROOT)
            if COMPUTED in names:
                found.append(f"{where}:{line}: {source} imports by a computed name")
                continue
            other = [
                n
                for n in names
                if emitter_family(n) not in (None, family) and is_module(n)
            ]
            if other:
                found.append(
                    f"{where}:{line}: {source} -> {max(other, key=len)} "
                    "(an emitter imports another emitter's module)"
                )
    return found


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


def test_no_emitter_imports_another() -> None:
    assert cross_emitter_edges() == []


@pytest.mark.parametrize(
    ("code", "edge"),
    [
        (
            "import importlib\nimportlib.import_module('pmgen.emitters.client_usage')\n",
            "-> pmgen.emitters.client_usage",
        ),
        (
            "from importlib import import_module\nimport_module('pmgen.emitters.client_plan')\n",
            "-> pmgen.emitters.client_plan",
        ),
        ("__import__('pmgen.emitters.docs_view')\n", "-> pmgen.emitters.docs_view"),
        ("from pmgen.emitters import client_usage\n", "-> pmgen.emitters.client_usage"),
        ("from .docs import emit\n", "-> pmgen.emitters.docs"),
        (
            "import importlib\nname = 'client_usage'\n"
            "importlib.import_module(f'pmgen.emitters.{name}')\n",
            "imports by a computed name",
        ),
    ],
)
def test_each_kind_of_cross_emitter_edge_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, edge: str
) -> None:
    """A copy of the emitters with one bad import added to the snippets emitter."""
    import shutil  # noqa: PLC0415

    copy = tmp_path / "repo"
    shutil.copytree(
        ROOT / PACKAGE, copy / PACKAGE, ignore=shutil.ignore_patterns("*.pyc")
    )
    target = copy / PACKAGE / "emitters" / "snippets.py"
    target.write_text(
        target.read_text(encoding="utf-8") + "\n" + code, encoding="utf-8"
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", copy)
    found = cross_emitter_edges(copy / PACKAGE / "emitters")
    assert len(found) == 1 and edge in found[0], found
    assert found[0].startswith("generator/emitters/snippets.py:"), found


def test_the_registry_and_shared_modules_are_no_family() -> None:
    assert emitter_family("pmgen.emitters") is None
    assert emitter_family("pmgen.docs_snippets") is None
    assert {
        emitter_family(f"pmgen.emitters.{m}") for m in ("snippets", "snippet_code")
    } == {"snippet"}
    assert emitter_family("pmgen.emitters.client_usage") == "client"


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
    listed = set(config["tool"]["setuptools"]["packages"]) - {
        f"{IMPORT_NAME}.templates"
    }
    folders = {module_name(init) for init in (ROOT / PACKAGE).rglob("__init__.py")}
    assert listed == folders
