"""The checks themselves must fail on unsafe output, or the property tests prove nothing."""

from __future__ import annotations

import jinja2
import pytest

from pmgen.render import docstring, pyrepr, shquote
from tests.security.checks import (
    file_violations,
    markdown_violations,
    python_violations,
    secret_violations,
    shell_violations,
    table_violations,
)
from tests.security.hostile import HOSTILE, JINJA_CANARY, MARKER, PYTHON_BREAKOUTS

NAIVE_TEMPLATES = [  # how generators get it wrong (openapi-python-client #1350, CVE-2020-15142)
    'x = "{{ v }}"\n',
    "y = '{{ v }}'\n",
    'def f():\n    """{{ v }}"""\n',
    "# {{ v }}\n",
    'z = f"{{ v }}"\n',
    "w = \"{{ v | replace('\"', '\\\\\"') }}\"\n",  # escapes quotes, forgets backslashes
    "def f({{ v }}): pass\n",
    "{{ v }} = 1\n",
]


@pytest.mark.parametrize("payload", PYTHON_BREAKOUTS)
def test_python_check_catches_naive_template(payload: str) -> None:
    rendered = [jinja2.Template(t).render(v=payload) for t in NAIVE_TEMPLATES]
    assert any(python_violations("naive.py", source) for source in rendered)


@pytest.mark.parametrize("payload", HOSTILE)
def test_python_check_passes_safe_filters(payload: str) -> None:
    env = jinja2.Environment()
    env.filters.update(pyrepr=pyrepr, docstring=docstring)
    source = env.from_string(
        'x = {{ v | pyrepr }}\ndef f():\n    """{{ v | docstring }}"""\n'
    ).render(v=payload)
    assert python_violations("safe.py", source) == []


def test_python_check_catches_dangerous_call() -> None:
    assert python_violations("x.py", "import os\nos.system('id')\n")
    assert python_violations("x.py", f"def {MARKER}(): pass\n")


@pytest.mark.parametrize("payload", ["$(touch x", "'", '"', "`", "a; fi"])
def test_shell_check_catches_broken_quoting(payload: str) -> None:
    assert shell_violations("s.sh", f"curl {payload}\n")


@pytest.mark.parametrize("payload", HOSTILE)
def test_shell_check_passes_shlex_quote(payload: str) -> None:
    if "\x00" in payload:
        pytest.skip("bash cannot hold NUL in a word; emitters must drop or refuse it")
    assert shell_violations("s.sh", f"curl {shquote(payload)}\n") == []


def test_markdown_check_catches_html_and_tables() -> None:
    assert markdown_violations("a.md", f"hello <script>{MARKER}()</script>")
    assert markdown_violations("a.md", "<img src=x onerror=alert(1)>")
    assert markdown_violations("a.md", '<a href=" javascript:alert(1)">x</a>')
    assert markdown_violations("a.md", f"{JINJA_CANARY.replace('{{ 7*7 }}', '49')}")
    assert table_violations("| a | b |\n| - | - |\n| x|y | z |\n")
    assert table_violations("| a | b |\n| - | - |\n| x\ny | z |\n")
    assert table_violations("| a | b |\n| - | - |\n| x\\|y | z |\n") == []
    assert markdown_violations("a.md", "```\n<script>x</script>\n```\n") == []


def test_secret_check() -> None:
    assert secret_violations({"a.py": "t = 's3cr3tCanary000000042x'"})
    assert secret_violations({"a.py": "hunter22"}, ["hunter22"])
    assert secret_violations({"a.py": "b0dyCanary000000042x"}) == []
    assert secret_violations({"a.py": "b0dyCanary000000042x"}, body_secrets=True)


def test_file_dispatch() -> None:
    assert file_violations({"x.py": "def (:"})
    assert file_violations({"x.sh": "echo 'unterminated\n"})
    assert file_violations({"x.md": "<script>x</script>"})
    assert file_violations({"x.txt": "a\x00b"})
    assert file_violations({"x.sh": "echo 'a\u202eb'\n"})  # Trojan Source
    assert file_violations({"x.py": "x = 'a\u202eb'\n"})
    assert (
        file_violations({"x.py": "x = 1\n", "x.sh": "echo ok\n", "x.md": "# ok\n"})
        == []
    )


def test_reused_markdown_converter_renders_like_a_fresh_one() -> None:
    """The check resets one converter per file; state (reference links, stashed HTML)
    from one file must not change the next one's HTML."""
    import markdown  # noqa: PLC0415

    from tests.security.checks import _markdown  # noqa: PLC0415

    texts = [
        "[x][ref]\n\n[ref]: javascript:alert(1)\n",
        "[x][ref]\n",  # the previous file's reference must be gone
        "<div><script>alert(1)</script></div>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n",
        "```\n<script>\n```\n",
        *HOSTILE[:40],
    ]
    for text in texts:
        fresh = markdown.markdown(text, extensions=["tables", "fenced_code"])
        assert _markdown().reset().convert(text) == fresh, text


def test_warning_check_catches_canaries_and_escapes() -> None:
    from tests.security.checks import warning_violations  # noqa: PLC0415

    assert not warning_violations(['  request "a": header "x": secret value c1****en'])
    assert warning_violations(["  x: s3cr3tCanary000000001x"])
    assert warning_violations(["  x: secret value \x9f\x99****(\x1b"])
    assert warning_violations(["  x: \u202e****"])
