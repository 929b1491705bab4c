"""Hostile strings: every one is harmless as data and harmful if pmgen ever emits it as code.

`MARKER` is an identifier pmgen's naming can never produce (`snake` lowercases, `pascal`
drops underscores), so an identifier containing it in generated Python, or a file named
after it appearing on disk, proves collection text escaped its quoting.
"""

from __future__ import annotations

MARKER = "Pwned_Q"
JINJA_CANARY = "{{ 7*7 }}J9"  # rendered as a template it would become `49J9`
JINJA_RENDERED = "49J9"

# Each breaks out of one context if pasted unescaped: "..." / '...' / """...""" /
# comments / f-strings / code positions / shell words / markdown tables and HTML.
PYTHON_BREAKOUTS = [
    f'"+{MARKER}()+"',
    f"'+{MARKER}()+'",
    f'"""+{MARKER}()+"""',
    f"'''+{MARKER}()+'''",
    f'\\"+{MARKER}()+\\"',
    f"\n{MARKER}()\n",
    f"\r{MARKER}()\r",
    f"\u2028{MARKER}()",
    f"{{{MARKER}()}}",
    f"x(): {MARKER}()#",
    f"x, {MARKER}=1",
    f'")\n{MARKER}()\n("',
    f"__import__('os').system('touch {MARKER}')",
]
SHELL_BREAKOUTS = [
    f"$(touch {MARKER}_1)",
    f"`touch {MARKER}_2`",
    f"; touch {MARKER}_3;",
    f"'; touch {MARKER}_4; '",
    f'"; touch {MARKER}_5; "',
    f"| touch {MARKER}_6",
    f"&& touch {MARKER}_7",
    f"\ntouch {MARKER}_8\n",
    f"${{IFS}}touch${{IFS}}{MARKER}_9",
    f"$'\\x3b' touch {MARKER}_10",
]
MARKUP_BREAKOUTS = [
    f"</script><script>{MARKER}()</script>",
    f"<img src=x onerror={MARKER}()>",
    f'<a href="javascript:{MARKER}()">x</a>',
    f"[x](javascript:{MARKER}())",
    f"| {MARKER} | {MARKER} |",
    "a|b\nc|d",
    f"```\n<script>{MARKER}()</script>\n```",
    f"<!-- {MARKER} -->",
    f"<iframe src=//evil>{MARKER}</iframe>",
    f"<svg onload={MARKER}()>",
    "<style>body{display:none}</style>",
]
TEMPLATE_BREAKOUTS = [
    JINJA_CANARY,
    "{% for x in range(3) %}L{% endfor %}",
    "{# comment #}",
    "{{ cycler.__init__.__globals__.os }}",
    "{%",
    "}}",
    "{{",
    "%(x)s %s {0} ${HOME} $HOME",
]
ODD_TEXT = [
    "",
    " ",
    "\t",
    "\x00",
    "a\x00b",
    "\x1b[31mred\x1b[0m",
    "\x7f",
    "\u202eevil\u202c",
    "\u2066x\u2069",
    "\ufeffbom",
    "\u200bzero\u200bwidth",
    "é",
    "日本語",
    "🙂",
    "\U0001d54f",  # mathematical double-struck X
    "\uff43\uff4c\uff41\uff53\uff53",  # fullwidth `class`: NFKC makes it a keyword
    "\uff11\uff12\uff13",  # fullwidth digits
    "\\",
    "\\x41\\u0041\\N{BULLET}",
    '"',
    "'",
    '"""',
    "\\'\\\"",
    "#",
]
NAMES = [
    "../../etc/passwd",
    "..",
    ".",
    "/",
    "/etc/passwd",
    "C:\\Windows\\system32",
    "CON",
    "nul",
    "__init__",
    "__init__.py",
    "__main__",
    "class",
    "def",
    "import",
    "None",
    "True",
    "self",
    "client",
    "with_raw_response",
    "Client",
    "httpx",
    "os",
    "sys",
    "_",
    "0",
    "1st",
    "setup.py",
    "pyproject.toml",
    ".pmgen.json",
    "node_modules",
]
HUGE = ["x" * 20_000, "\n" * 5_000, '"' * 3_000, "é" * 5_000]

HOSTILE: list[str] = [
    *PYTHON_BREAKOUTS,
    *SHELL_BREAKOUTS,
    *MARKUP_BREAKOUTS,
    *TEMPLATE_BREAKOUTS,
    *ODD_TEXT,
    *NAMES,
]
