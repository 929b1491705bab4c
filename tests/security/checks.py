"""Checks on generated files, shared by the property tests and the fuzz command.

Each returns a list of violations (empty = safe), naming the file and what went wrong,
so a failure explains itself. `test_checks.py` proves each check fails on unsafe output.
"""

from __future__ import annotations

import ast
import functools
import re
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from pathlib import Path

import markdown

from tests.security.hostile import JINJA_RENDERED, MARKER
from tests.security.strategies import BODY_SECRET_PREFIX, SECRET_PREFIX

_IDENTIFIER_FIELDS = {
    ast.Name: ("id",),
    ast.Attribute: ("attr",),
    ast.FunctionDef: ("name",),
    ast.AsyncFunctionDef: ("name",),
    ast.ClassDef: ("name",),
    ast.arg: ("arg",),
    ast.keyword: ("arg",),
    ast.alias: ("name", "asname"),
    ast.ImportFrom: ("module",),
    ast.Global: ("names",),
    ast.Nonlocal: ("names",),
    ast.ExceptHandler: ("name",),
    ast.MatchAs: ("name",),
    ast.MatchStar: ("name",),
}
_DANGEROUS_NAMES = {"eval", "exec", "__import__", "compile", "execfile", "breakpoint"}
_DANGEROUS_ATTRS = {
    "os": {"system", "popen", "remove", "unlink", "rmdir", "removedirs", "kill", "fork", "execv",
           "execve", "execvp", "execl", "execlp", "spawnv", "spawnl", "posix_spawn"},
    "shutil": {"rmtree", "move"},
    "builtins": {"eval", "exec", "__import__", "compile"},
    "importlib": {"import_module"},
}  # fmt: skip
_DANGEROUS_MODULES = {"subprocess", "pty"}


def python_violations(path: str, source: str) -> list[str]:
    return [f"{path}{problem}" for problem in _python_problems(source)]


@functools.lru_cache(
    maxsize=4096
)  # runtime-library files repeat in every generated client
def _python_problems(source: str) -> tuple[str, ...]:
    """Compiles, and collection text appears only as string constants.

    Collection strings carry `MARKER`, which naming can never produce; an identifier
    (name, attribute, def, class, argument, keyword, import) holding it came from
    collection text pasted into code. Calls to eval/exec/os.system are never emitted.
    """
    try:
        tree = ast.parse(source)
        compile(tree, "<generated>", "exec")
    except (SyntaxError, ValueError) as exc:
        return (f": does not compile: {exc}",)
    problems = []
    for node in ast.walk(tree):
        for field in _IDENTIFIER_FIELDS.get(type(node), ()):
            value = getattr(node, field, None)
            names = value if isinstance(value, list) else [value]
            for name in names:
                if isinstance(name, str) and MARKER in name:
                    problems.append(
                        f":{getattr(node, 'lineno', '?')}: code from collection text: {name}"
                    )
        if isinstance(node, ast.Call) and _dangerous(node.func):
            problems.append(
                f":{node.lineno}: emits a call to {ast.unparse(node.func)}()"
            )
    problems += [f": {p}" for p in jinja_violations(source)]
    return tuple(problems)


def _dangerous(func: ast.expr) -> bool:
    """`eval(...)`, `os.system(...)`, `subprocess.run(...)`: never in generated code."""
    if isinstance(func, ast.Name):
        return func.id in _DANGEROUS_NAMES
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        module = func.value.id
        return module in _DANGEROUS_MODULES or func.attr in _DANGEROUS_ATTRS.get(
            module, set()
        )
    return False


def shell_violations(path: str, source: str) -> list[str]:
    result = subprocess.run(
        ["bash", "-n"],
        input=source.encode(),
        capture_output=True,
        timeout=30,
        check=False,
    )
    if result.returncode != 0:
        return [
            f"{path}: bash -n fails: {result.stderr.decode(errors='replace').strip()[:300]}"
        ]
    return []


def jinja_violations(text: str) -> list[str]:
    return (
        ["collection text was rendered as a Jinja template"]
        if JINJA_RENDERED in text
        else []
    )


_UNSAFE_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "style",
    "svg",
    "math",
    "form",
    "base",
    "meta",
    "link",
}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data"}


class _HtmlAudit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _UNSAFE_TAGS:
            self.problems.append(f"unsafe HTML element <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name} on <{tag}>")
            cleaned = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name in _URL_ATTRS and cleaned.startswith(
                ("javascript:", "vbscript:", "data:text/html")
            ):
                self.problems.append(f"script URL in {name} of <{tag}>")


@functools.cache
def _markdown() -> markdown.Markdown:
    """One converter, reset per text: the same HTML as `markdown.markdown()`, without
    loading the extensions for every file."""
    return markdown.Markdown(extensions=["tables", "fenced_code"])


def markdown_violations(path: str, text: str) -> list[str]:
    """Renders like a docs site would; the HTML holds no script, handler or script URL,
    and every table row has as many cells as its header (pipes/newlines escaped)."""
    html = _markdown().reset().convert(text)
    audit = _HtmlAudit()
    audit.feed(html)
    audit.close()
    problems = [f"{path}: {p}" for p in sorted(set(audit.problems))]
    problems += [f"{path}: {p}" for p in table_violations(text)]
    problems += [f"{path}: {p}" for p in jinja_violations(text)]
    return problems


_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _cells(line: str) -> int:
    stripped = _CODE_SPAN.sub(
        "x", line.strip()
    )  # a pipe inside `code` is still a cell break in GFM,
    stripped = stripped.replace("\\|", "")  # but an escaped one is not
    return stripped.strip("|").count("|") + 1


_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_LINE_END = re.compile(r"\r\n|\r|\n")  # CommonMark line endings (not U+2028)


def table_violations(text: str) -> list[str]:
    """Tables (a `|` header row + a delimiter row, then `|` rows): each row complete."""
    problems: list[str] = []
    lines = _LINE_END.split(text)
    in_fence = False
    header_cells: int | None = None
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            header_cells = None
            continue
        if in_fence:
            continue
        following = lines[number] if number < len(lines) else ""
        if header_cells is None:
            if line.lstrip().startswith("|") and _DELIMITER_ROW.match(following):
                header_cells = _cells(line)
            continue
        if _DELIMITER_ROW.match(line):
            continue
        if not line.lstrip().startswith("|"):
            if line.strip() and not lines[number - 2].rstrip().endswith("|"):
                problems.append(f"line {number}: table row broken (unescaped newline?)")
            header_cells = None
            continue
        if not line.rstrip().endswith("|") or line.rstrip().endswith("\\|"):
            problems.append(f"line {number}: table row broken (unescaped newline?)")
        count = _cells(line)
        if count != header_cells:
            problems.append(
                f"line {number}: {count} cells, header has {header_cells} (unescaped |?)"
            )
    return problems


_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CANARY = re.compile(rf"(?:{SECRET_PREFIX}|{BODY_SECRET_PREFIX})\d{{9}}x")


def secret_violations(
    files: Mapping[str, str], secrets: Iterable[str] = (), *, body_secrets: bool = False
) -> list[str]:
    """No canary from a secret position and no given secret occurs in any file."""
    problems = []
    wanted = [s for s in secrets if s]
    for path, text in sorted(files.items()):
        for match in _CANARY.finditer(text):
            if body_secrets or match.group(0).startswith(SECRET_PREFIX):
                problems.append(f"{path}: secret leaked: {match.group(0)[:16]}…")
                break
        problems += [f"{path}: secret leaked: {s[:3]}…" for s in wanted if s in text]
    return problems


def warning_violations(lines: Iterable[str]) -> list[str]:
    """pmgen's secret warning (printed on a terminal): no canary, masked or not, and no
    control or bidi character that could rewrite the terminal."""
    problems = []
    for line in lines:
        if SECRET_PREFIX in line or BODY_SECRET_PREFIX in line:
            problems.append(f"[secrets] warning shows a secret: {line[:300]!r}")
        elif not line.isprintable() or _BIDI & set(line):
            problems.append(
                f"[secrets] warning holds a control character: {line[:300]!r}"
            )
    return problems


def shell_batch_violations(scripts: Mapping[str, str]) -> list[str]:
    """`bash -n` on many scripts with one bash process (spawning one per file is slow)."""
    if not scripts:
        return []
    with tempfile.TemporaryDirectory(prefix="pmgen-sh-") as tmp:
        paths = {}
        for n, (path, text) in enumerate(sorted(scripts.items())):
            local = Path(tmp) / f"{n}.sh"
            local.write_text(text, encoding="utf-8", errors="surrogateescape")
            paths[str(local)] = path
        loop = 'for f in "$@"; do bash -n "$f" 2>/dev/null || echo "$f"; done'
        result = subprocess.run(
            ["bash", "-c", loop, "_", *paths],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    bad = [paths[line] for line in result.stdout.splitlines() if line in paths]
    return [p for path in bad for p in shell_violations(path, scripts[path])] or [
        f"{path}: bash -n fails" for path in bad
    ]


def file_violations(files: Mapping[str, str]) -> list[str]:
    """Dispatch on the file type: .py, shell snippets, markdown."""
    problems: list[str] = []
    scripts = {
        path: text for path, text in files.items() if path.endswith((".sh", ".bash"))
    }
    problems += shell_batch_violations(scripts)
    for path, text in sorted(files.items()):
        if path.endswith(".py"):
            problems += python_violations(path, text)
        elif path in scripts:
            pass
        elif path.endswith(".md"):
            problems += markdown_violations(path, text)
        else:
            problems += [f"{path}: {p}" for p in jinja_violations(text)]
        if "\x00" in text:
            problems.append(f"{path}: contains NUL")
        if path.endswith((".py", ".sh")) and _BIDI & set(text):
            problems.append(
                f"{path}: raw bidi control (Trojan Source: code reads unlike it runs)"
            )
    return problems
