"""md_inline escapes what CommonMark/GFM would read as markup, and nothing else: hostile text
renders as the same text in GitHub's parser (cmark-gfm) in a paragraph, a table cell and a
list item, while times, ids, dotted names and parentheses stay as written."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest

from orgspec.escape import md_inline

CMARK = shutil.which("cmark-gfm")

HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=1>", "<!-- c -->", "&lt;b&gt; &amp;",
    "[x](javascript:alert(1))", "![x](https://e.example/x.png)", "[link][ref]", "[^1]",
    "a | b", "https://evil.example/x", "http://a.b", "ftp://x.y", "www.evil.com",
    "WWW.Evil.com", "h.www.x.com", "<http://x.y>", "**bold**", "*it*", "_it_", "__b__",
    "a*b*c", "foo_bar_ baz _qux", "$x^2$", "1. list", "1) list", "12345. x", "# heading",
    "> quote", "---", "- item", "+ item", "===", "== x", "~~del~~", "~x~", "`code`",
    "a\\b", "a\\", "\\*", "x <a href=x>y</a>", "每周一 09:00 · 客_服", "x@y.com", "@octocat",
]


def _render(markdown: str) -> str:
    assert CMARK is not None
    run = subprocess.run([CMARK, "--unsafe", "-e", "table", "-e", "autolink", "-e",
                          "strikethrough", "-e", "tagfilter"], input=markdown.encode("utf-8"),
                         capture_output=True, check=True)
    return run.stdout.decode("utf-8")


def _text_of(rendered: str, tag: str) -> str:
    """The text inside the one `tag` element, which must hold no other element."""
    found = re.search(rf"<{tag}>(.*?)</{tag}>", rendered, re.S)
    assert found, rendered
    inner = found.group(1).strip()
    assert "<" not in inner, (tag, rendered)
    return html.unescape(inner).replace("\u200b", "")


@pytest.mark.skipif(CMARK is None, reason="cmark-gfm is not installed")
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_itself_in_every_place(text: str) -> None:
    said = md_inline(text)
    assert _text_of(_render(said), "p") == text
    table = _render(f"| a | b |\n| --- | --- |\n| {said} | x |\n")
    assert _text_of(table, "td") == text
    assert table.count("<td>") == 2
    assert _text_of(_render(f"- {said}\n"), "li") == text


def test_times_ids_and_plain_punctuation_are_left_alone() -> None:
    for text in ("09:00", "每日 · 周一至周五 · 09:00", "order_ops", "客_服", "v2.0 (beta) {x}",
                 "a.b", "cs -> ops", "3 + 4 = 7!", "it's \"done\"", "负责人：刘洋", "2026-Q1",
                 "mailto:a", "https:x"):
        assert md_inline(text) == text


def test_only_the_markup_is_escaped() -> None:
    assert md_inline("see https://x.example and www.y.example at 09:00") == \
        "see https\\://x.example and www\\.y.example at 09:00"
    assert md_inline("- 1. _x_ a_b *c* ~d~ $e$ [f] <g> & h|i `j` \\") == \
        "\\- 1. \\_x\\_ a_b \\*c\\* \\~d\\~ \\$e\\$ \\[f\\] \\<g> \\& h\\|i \\`j\\` \\\\"
    assert md_inline("2. step") == "2\\. step"
    assert md_inline("# 1") == "\\# 1"
