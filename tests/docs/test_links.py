"""The link checker itself: it must catch what it claims to catch."""

from __future__ import annotations

from pmgen.emitters.docs_links import check_links

GOOD = {
    "README.md": "# A\n\n[page](folders/a.md) [req](folders/a.md#op-x) [ext](<https://e.example/x>)\n"
    '<a href="folders/a.md#op-x">html</a> [top](#top)\n\n<a id="top"></a>\n',
    "folders/a.md": '<a id="op-x"></a>\n\n## X\n\n[back](../README.md#top)\n',
}


def test_a_valid_tree_passes() -> None:
    assert check_links(GOOD) == []


def test_missing_file_anchor_and_unsafe_scheme_are_reported() -> None:
    tree = dict(GOOD)
    tree["folders/a.md"] += (
        "[gone](b.md) [noanchor](../README.md#nope) [js](javascript:alert(1)) "
        '[abs](/root.md) <img src="data:image/png;base64,xx"> [out](../../etc/passwd)\n'
    )
    problems = check_links(tree)
    assert len(problems) == 6, problems
    assert any("no file folders/b.md" in p for p in problems)
    assert any("no anchor 'nope' in README.md" in p for p in problems)
    assert sum("unsafe scheme" in p for p in problems) == 2
    assert any("absolute path" in p for p in problems)
    assert any("etc/passwd" in p for p in problems)


def test_links_inside_code_are_not_links() -> None:
    tree = {"README.md": "`[x](gone.md)`\n\n```\n[y](gone.md)\n```\n"}
    assert check_links(tree) == []


def test_reference_definitions_are_checked() -> None:
    assert check_links({"README.md": "[x][r]\n\n[r]: gone.md\n"}) == [
        "README.md: link 'gone.md': no file gone.md"
    ]
