"""The writer-side secret safety net masks values in strings and comments, never names."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pmgen.emitted import is_python
from pmgen.secrets import scrub, scrub_files

M = scrub({"": "password"}, ["password"])[""]


def scrub_secrets(files: Mapping[str, str], values: Iterable[str]) -> dict[str, str]:
    return scrub_files(files, values, is_code=is_python)


def test_python_literals_masked_identifiers_kept() -> None:
    code = (
        "def call(digest_password: str = 'password') -> None:  # password here\n"
        "    x = f'Bearer {digest_password}'\n"
        '    y = """the password is password"""\n'
    )
    out = scrub_secrets(
        {"m.py": code, "README.md": "password: password\n"}, ["password"]
    )
    assert f"def call(digest_password: str = '{M}')" in out["m.py"]
    assert f"# {M} here" in out["m.py"]
    assert f"the {M} is {M}" in out["m.py"]
    assert "{digest_password}" in out["m.py"]
    compile(out["m.py"], "m.py", "exec")
    assert out["README.md"] == f"{M}: {M}\n"


def test_short_values_and_clean_files_untouched() -> None:
    files = {"a.py": "pw = 'abc'\n", "b.py": "x = 1\n"}
    assert scrub_secrets(files, ["abc"]) == files
    assert list(scrub_secrets(files, ["zzzzzzzzzz"])) == ["a.py", "b.py"]
