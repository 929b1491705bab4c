"""The docs emitter on hand-built collections: structure, coverage, masking, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pmgen.docs_snippets import docs_with_snippets as emit
from pmgen.emitters.docs import tidy
from pmgen.emitters.docs_links import check_links
from pmgen.markdown import md_text
from pmgen.emitters.docs_pages import plan_pages
from pmgen.errors import UsageError
from pmgen.model import Collection, Info
from tests.docs.models import CANARY, demo_collection
from tests.importer.helpers import collection, load_value


@pytest.fixture(scope="module")
def demo() -> Collection:
    return demo_collection()


@pytest.fixture(scope="module")
def files(demo: Collection) -> dict[str, str]:
    return emit(demo, styles=())


def assert_covers_every_request(
    collection: Collection, files: dict[str, str], root: str = ""
) -> None:
    """Each request has its anchor on its page, followed by its heading with its name."""
    plan = plan_pages(collection)
    for op in collection.operations():
        location = plan.locations[id(op)]
        page = files[root + location.page]
        marker = f'<a id="{location.anchor}"></a>'
        assert page.count(marker) == 1, (op.key, marker)
        heading = page.split(marker, 1)[1].lstrip("\n").split("\n", 1)[0]
        assert heading.startswith("#") and md_text(op.name) in heading, (
            op.key,
            heading,
        )


def test_layout(files: dict[str, str]) -> None:
    assert sorted(files) == [
        "README.md",
        "folders/auth.md",
        "folders/con-2.md",  # `con` is a Windows device name
        "folders/evil-name-script-alert-1-script-7-7-tick-etc-passwd.md",
        "folders/items.md",
        "requests.md",
    ]


def test_every_request_is_documented_and_links_resolve(
    demo: Collection, files: dict[str, str]
) -> None:
    assert_covers_every_request(demo, files)
    assert check_links(files) == []
    readme = files["README.md"]
    for op in demo.operations():
        assert md_text(op.name) in readme  # in the contents


def test_nested_folders_are_sections_with_deeper_headings(
    files: dict[str, str],
) -> None:
    page = files["folders/items.md"]
    assert '<a id="folder-files"></a>\n\n## Files' in page
    assert '<a id="op-files-upload"></a>\n\n### <code>POST</code> Upload' in page


def test_secrets_are_masked_everywhere(files: dict[str, str]) -> None:
    text = "\n".join(files.values())
    for secret in (
        CANARY,
        "hunter2-secret-pw",
        "pw-123456789",
        "s3cr3t-value-123",
        "abcdef1234567890",
    ):
        assert secret not in text, secret
    assert "{{token}}" in files["README.md"]  # variable references are not secrets


def test_reveal_secrets_shows_them(demo: Collection) -> None:
    text = "\n".join(emit(demo, styles=(), reveal_secrets=True).values())
    assert CANARY in text and "hunter2-secret-pw" in text


def test_auth_origin_is_explained(files: dict[str, str]) -> None:
    items, auth = files["folders/items.md"], files["folders/auth.md"]
    assert "**Authorization:** Basic auth (inherited from folder “Files”)" in items
    assert "**Authorization:** Bearer token (inherited from the collection)" in items
    assert "**Authorization:** No auth (set on this request)" in auth
    readme = files["README.md"]
    assert "The collection uses **Bearer token**" in readme
    assert (
        "From the API's own description:\n\n#### Authentication\n\nSend a bearer token."
        in readme
    )


def test_bodies_parameters_and_examples(files: dict[str, str]) -> None:
    items, auth, root = (
        files["folders/items.md"],
        files["folders/auth.md"],
        files["requests.md"],
    )
    assert '```json\n{\n  "name": "new",' in items
    assert "| <code>file</code> | file | <code>a.txt, b.txt</code> |" in items
    assert "| <code>off</code> | text | <code>x</code> |  |  | optional |" in items
    assert "```graphql\nquery { me { id } }\n```" in auth
    assert "| <code>item_id</code> |  | The item_id. | required |" in items
    assert (
        "| <code>cursor</code> |  | Optional: next page. | optional |" in root
    )  # disabled
    assert "*Found* — <code>200 OK</code>" in items
    assert "*Example* — <code>204</code>\n\n*(empty body)*" in items


def test_table_cells_are_escaped(files: dict[str, str]) -> None:
    root = files["requests.md"]
    row = next(
        line for line in root.splitlines() if line.startswith("| <code>api_key</code>")
    )
    assert (
        row.count("|") == 5
    )  # 4 cells: the `|` and newline in the description are escaped
    assert "Key &#124; with pipe and newline" in row


def test_hostile_names_stay_text(files: dict[str, str]) -> None:
    text = "\n".join(files.values())
    assert "<script>" not in text
    assert "49" not in text  # `{{ 7*7 }}` is never evaluated
    evil = files["folders/evil-name-script-alert-1-script-7-7-tick-etc-passwd.md"]
    assert evil.startswith("# Evil &#124; name &lt;script&gt;")
    for path in files:
        assert path == "README.md" or re.fullmatch(
            r"[a-z0-9-]+(/[a-z0-9-]+)*\.md", path
        ), path


def test_description_links_and_html(files: dict[str, str]) -> None:
    items = files["folders/items.md"]
    assert "<b>Items</b>" in items and "x()" not in items
    assert "See [other](<https://example.com/docs>) and local." in items
    assert (
        "### Gets one" in items
    )  # the description's `#` nests under the request's `##`


def test_deterministic(demo: Collection, files: dict[str, str]) -> None:
    assert emit(demo, styles=()) == files
    assert emit(demo_collection(), styles=()) == files


def test_mkdocs_layout(demo: Collection) -> None:
    site = emit(demo, styles=(), site="mkdocs")
    assert "mkdocs.yml" in site and "docs/README.md" in site and "README.md" not in site
    config = site["mkdocs.yml"]
    assert 'site_name: "Demo | API"' in config
    assert '  - "Items": "folders/items.md"' in config
    # mkdocs themes print nav titles unescaped: they are HTML-escaped in mkdocs.yml
    assert (
        '  - "Evil | name &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} `tick`'
        in config
    )
    assert (
        check_links({k[5:]: v for k, v in site.items() if k.startswith("docs/")}) == []
    )


def test_unknown_site_is_a_usage_error(demo: Collection) -> None:
    with pytest.raises(UsageError):
        emit(demo, styles=(), site="sphinx")


def test_empty_collection() -> None:
    files = emit(Collection(info=Info(name="", format="v2.1.0")), styles=())
    assert list(files) == ["README.md"]
    assert files["README.md"].startswith("# API\n")
    assert check_links(files) == []


def test_snippets_are_included_per_style(demo: Collection) -> None:
    files = emit(demo, styles=("curl", "python-requests"))
    root = files["requests.md"]
    # plain markdown (GitHub has no tabs): one collapsed block per style, the first open
    assert "<details open><summary>curl</summary>\n\n```shell\n" in root
    assert "<details><summary>python-requests</summary>\n\n```python\n" in root
    assert root.count("<details") == 2 * root.count("**Snippets**")
    assert "===" not in root
    assert CANARY not in "\n".join(files.values())
    assert check_links(files) == []


def test_mkdocs_site_shows_snippets_as_tabs(demo: Collection) -> None:
    plain = emit(demo, styles=("curl", "python-requests"))
    files = emit(demo, styles=("curl", "python-requests"), site="mkdocs")
    root = files["docs/requests.md"]
    assert root.count('=== "curl"\n\n    ```shell\n') == root.count("**Snippets**") > 0
    assert root.count('=== "python-requests"\n\n    ```python\n') == root.count(
        "**Snippets**"
    )
    assert "<summary>curl</summary>" not in root
    # the same code, indented into its tab
    code = plain["requests.md"].split("```shell\n", 1)[1].split("\n```", 1)[0]
    assert "\n".join("    " + line if line else "" for line in code.split("\n")) in root
    config = files["mkdocs.yml"]
    assert "pymdownx.tabbed:\n      alternate_style: true" in config
    assert 'extra_css:\n  - "css/snippet-tabs.css"' in config
    css = files["docs/css/snippet-tabs.css"]
    assert (
        "input:nth-child(2):checked ~ .tabbed-content > .tabbed-block:nth-child(2)"
        in css
    )
    assert "nth-child(3)" not in css  # one rule set per style shown


def test_mkdocs_site_without_snippets_needs_no_extension(demo: Collection) -> None:
    files = emit(demo, styles=(), site="mkdocs")
    assert "markdown_extensions" not in files["mkdocs.yml"]
    assert not any(path.endswith(".css") for path in files)


def test_tidy_keeps_code_blocks_verbatim() -> None:
    assert (
        tidy("a\n\n\n\nb\n```\nx\n\n\n\ny\n```\n\n\n")
        == "a\n\nb\n```\nx\n\n\n\ny\n```\n"
    )
    # ...also inside a tab, where the fence is indented
    assert (
        tidy('=== "a"\n\n    ````sh\n    x\n\n\n    ```\n    ````\n\n\nb\n')
        == '=== "a"\n\n    ````sh\n    x\n\n\n    ```\n    ````\n\nb\n'
    )


def test_templates_can_be_overridden(demo: Collection, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md.jinja").write_text(
        "# {{ page.title | md_text }} (custom)\n"
    )
    files = emit(demo, styles=(), templates_dir=str(tmp_path))
    assert files["folders/items.md"] == "# Items (custom)\n"
    assert files["README.md"] == emit(demo, styles=())["README.md"]  # others unchanged


@pytest.mark.parametrize(
    ("raw", "token", "shown"),
    [
        (
            "https://u:pass1234word@h/x?token=1&page=10",
            "1",
            "https://u:pa********rd@h/x?token=*&page=10",
        ),
        (
            "https://ghp_abcdefTOKEN123@github.com/x",
            None,
            "https://gh**************23@github.com/x",
        ),
        (
            "http://{{u}}:{{pw}}@h/x?token={{t}}",
            "{{t}}",
            "http://{{u}}:{{pw}}@h/x?token={{t}}",
        ),
        ("h/x?a=b@c", None, "h/x?a=b@c"),
    ],
)
def test_credentials_in_urls_are_masked(
    raw: str, token: str | None, shown: str
) -> None:
    from pmgen.emitters.docs_masking import Masker  # noqa: PLC0415
    from pmgen.emitters.docs_view import url_text  # noqa: PLC0415
    from pmgen.model import KeyValue, Url  # noqa: PLC0415

    masker = Masker(Collection(info=Info(name="x", format="v2.1.0")), reveal=False)
    query = [KeyValue(key="token", value=token)]
    assert url_text(Url(raw=raw, query=query), masker) == shown


def test_scripts_storing_secrets_show_them_masked(tmp_path: Path) -> None:
    code = [
        'pm.environment.set("api_key", "kq83Hd93jdPw02");',
        "pm.environment.set('region', 'eu-west-1');",
        "pm.request.headers.add({key: 'X-Token', value: 'ghp_" + "a1B2" * 9 + "'});",
    ]
    source = collection(
        [{"name": "R", "request": {"url": "https://a.example/r"}}],
        event=[{"listen": "prerequest", "script": {"exec": code}}],
    )
    page = emit(load_value(tmp_path, source), styles=())["requests.md"]
    assert "kq83Hd93jdPw02" not in page and '"kq' in page  # masked, shape kept
    assert "'eu-west-1'" in page  # not a secret
    assert "a1B2" * 9 not in page  # a token shape, wherever it is
    assert "Sets <code>api_key</code>, <code>region</code>." in page
    revealed = emit(load_value(tmp_path, source), styles=(), reveal_secrets=True)
    assert "kq83Hd93jdPw02" in revealed["requests.md"]
