"""A person's name in the other script beside the shown one (`林志豪 (Jimmy Lin)`), by the one
rule of `model.names.with_other_name`, in `orgspec show`, `orgspec who` and the reports; the
site's line of other names under a person's or team's heading, and its search by any name
with the other name beside the hit; each escaped for its medium.

Goldens under tests/golden/names-hk/ (the Hong Kong / Taipei org of tests/fixtures/names-hk):
regenerate with `ORGSPEC_UPDATE_GOLDEN=1 python -m pytest tests/test_other_names.py` and
review `git diff tests/golden`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, assert_golden, run_cli

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.model.names import localized, other_name, person_said, with_other_name
from orgspec.report.render import render_html, render_markdown
from orgspec.report.view import build_view
from orgspec.site.build import SiteOptions, site_files

HK = FIXTURES / "names-hk"


@pytest.fixture(scope="module")
def hk() -> tuple:  # type: ignore[type-arg]
    return lint_org([str(HK)], Config())


def test_the_rule_puts_the_readers_name_first_and_the_other_scripts_beside(hk) -> None:  # type: ignore[no-untyped-def]
    _, org = hk
    lin, wong, david = (org.people[p] for p in ("lin-zhi-hao", "wong-tai-man", "david-wong"))
    assert with_other_name(lin, "en") == "Jimmy Lin (林志豪)"
    assert with_other_name(lin, "zh-Hant") == "林志豪 (Jimmy Lin)"
    assert with_other_name(lin, "zh") == "林志豪 (Jimmy Lin)"
    # every name in one script: the name alone
    assert with_other_name(wong, "en") == "王大文" and other_name(wong, "zh") is None
    # written in English, a zh-Hant name: the reader of zh-Hant sees it first
    assert with_other_name(david, "zh-Hant") == "黃大衛 (David Wong)"
    assert with_other_name(david, "en") == "David Wong (黃大衛)"
    # an org localized for the reader (as every output renders it) says the same
    en = localized(org, "en")
    assert person_said(en, "lin-zhi-hao", "en") == "Jimmy Lin (林志豪)"
    assert person_said(localized(org, "zh-Hant"), "david-wong", "zh-Hant") == \
        "黃大衛 (David Wong)"
    assert person_said(en, "nobody", "en") is None


def test_show_names_people_with_their_other_name() -> None:
    run = run_cli("show", "person", "Jimmy", str(HK), "--lang", "en")
    assert run.code == 0, run.stderr
    assert run.stdout.splitlines()[:2] == ["person lin-zhi-hao Jimmy Lin (林志豪)",
                                           "  title: 營運總監"]
    run = run_cli("show", "team", "ops", str(HK), "--lang", "zh-Hant")
    assert run.stdout.splitlines()[:6] == [
        "團隊 ops 營運部", "  負責人: lin-zhi-hao 林志豪 (Jimmy Lin)", "  成員:",
        "    - lin-zhi-hao 林志豪 (Jimmy Lin)", "    - wong-tai-man 王大文",
        "    - chan-mei-ling 陳美玲 (May Chan)"]
    run = run_cli("show", "team", "cs", str(HK), "--lang", "en")
    assert "    - role cs-agent 客服專員 (david-wong David Wong (黃大衛), chan-mei-ling " \
           "May Chan (陳美玲))" in run.stdout.splitlines()
    # JSON keeps the shown name and gives the other apart
    doc = json.loads(run_cli("show", "person", "lin-zhi-hao", str(HK), "--lang", "en",
                             "--format", "json").stdout)
    assert (doc["name"], doc["other_name"]) == ("Jimmy Lin", "林志豪")
    doc = json.loads(run_cli("show", "person", "wong-tai-man", str(HK), "--lang", "en",
                             "--format", "json").stdout)
    assert "other_name" not in doc


def test_who_finds_by_either_name_and_names_both() -> None:
    for query in ("Jimmy", "jimmy lin", "林志豪"):
        run = run_cli("who", query, str(HK), "--lang", "zh-Hant")
        assert run.stdout == "人員 lin-zhi-hao 林志豪 (Jimmy Lin)\n", query
    run = run_cli("who", "客服部", str(HK), "--lang", "en")
    assert run.stdout == "team cs Customer Service (chan-mei-ling May Chan (陳美玲))\n"
    data = json.loads(run_cli("who", "May", str(HK), "--lang", "en", "--format", "json").stdout)
    assert [(m["name"], m.get("other_name")) for m in data["matches"]] == [
        ("May Chan", "陳美玲")]


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_markdown_report_golden(hk, lang: str) -> None:  # type: ignore[no-untyped-def]
    result, org = hk
    text = render_markdown(build_view(result, org, lang))
    assert_golden(f"names-hk/report-{lang}.md", text)


def test_the_report_names_people_by_the_same_rule(hk) -> None:  # type: ignore[no-untyped-def]
    result, org = hk
    en = render_markdown(build_view(result, org, "en"))
    for line in ("- Operations (`ops`): Jimmy Lin (林志豪)",  # the team tree's lead
                 "| 客服專員 (`cs-agent`) | Customer Service | David Wong (黃大衛), "
                 "May Chan (陳美玲) |  | 1/1 |",  # position holders
                 "| Jimmy Lin (林志豪) (`lin-zhi-hao`) | 0 | 1 | 1 | 0 | 1 |"):  # load
        assert line in en.splitlines(), line
    html = render_html(build_view(result, org, "zh-Hant"))
    assert "<td>林志豪 (Jimmy Lin)</td>" in html  # the team tree's lead


@pytest.mark.parametrize("page", ["people/lin-zhi-hao.html", "people/david-wong.html",
                                  "teams/ops.html"])
def test_site_pages_golden(hk, page: str) -> None:  # type: ignore[no-untyped-def]
    result, org = hk
    for lang in ("zh-Hant", "en"):
        files = dict(site_files(result, org, SiteOptions(lang=lang, git_dates=False)))
        text = files[page].replace(str(HK), "tests/fixtures/names-hk")
        assert_golden(f"names-hk/site-{lang}-{page.replace('/', '--')}", text)


def test_site_other_names_line_is_labelled_in_each_language(hk) -> None:  # type: ignore[no-untyped-def]
    result, org = hk
    want = {"zh-Hant": '<p class="other-names">英文名：<span lang="en">Jimmy Lin</span></p>',
            "zh": '<p class="other-names">英文名：<span lang="en">Jimmy Lin</span></p>',
            "en": '<p class="other-names">Chinese name: <span lang="zh">林志豪</span></p>'}
    for lang, line in want.items():
        files = dict(site_files(result, org, SiteOptions(lang=lang, git_dates=False)))
        assert line in files["people/lin-zhi-hao.html"], lang
    files = dict(site_files(result, org, SiteOptions(lang="en", git_dates=False)))
    assert '<p class="other-names">Traditional Chinese name: <span lang="zh-Hant">黃大衛' \
        "</span></p>" in files["people/david-wong.html"]
    # one name only: no line
    assert "other-names" not in files["people/wong-tai-man.html"]


def test_search_index_holds_the_other_name_apart_and_as_a_title(hk) -> None:  # type: ignore[no-untyped-def]
    from orgspec.site.search import Doc, doc_tokens

    result, org = hk
    files = dict(site_files(result, org, SiteOptions(lang="zh-Hant", git_dates=False)))
    docs = "".join(t for p, t in files.items() if p.startswith("search/d"))
    assert '["person","林志豪","people/lin-zhi-hao.html","營運總監 · 營運部","營運總監",' \
           '"Jimmy Lin"]' in docs
    assert '["person","王大文","people/wong-tai-man.html","活動專員 · 營運部","活動專員"]' in docs
    title, found = doc_tokens(Doc("person", "lin-zhi-hao", "林志豪", "", "", "",
                                  other="Jimmy Lin"))
    assert {"jimmy", "jim", "lin"} <= title <= found


HOSTILE_EN = "<script>alert(1)</script> *bold* a|b \u202eevil"
HOSTILE = f"""\
- kind: Team
  id: ops
  name: 營運部
  names: {{en: "{HOSTILE_EN}"}}
  lead: lin
  members: [lin]
- kind: Person
  id: lin
  name: 林志豪
  names: {{en: "{HOSTILE_EN}"}}
"""


@pytest.fixture()
def hostile(write_org) -> Path:  # type: ignore[no-untyped-def]
    return write_org({"org.yaml": HOSTILE.encode("utf-8")})


def test_hostile_other_name_in_the_terminal(hostile: Path) -> None:
    for args in (("show", "person", "lin"), ("who", "林志豪"), ("show", "team", "ops")):
        run = run_cli(*args, str(hostile), "--lang", "zh-Hant")
        assert run.code == 0, run.stderr
        assert "\u202e" not in run.stdout and "\\u202e" in run.stdout, args
    run = run_cli("who", "林志豪", str(hostile), "--lang", "zh-Hant")
    assert run.stdout == ("人員 lin 林志豪 (<script>alert(1)</script> *bold* a|b "
                          "\\u202eevil)\n")


def test_hostile_other_name_in_the_reports(hostile: Path) -> None:
    result, org = lint_org([str(hostile)], Config())
    md = render_markdown(build_view(result, org, "zh-Hant"))
    line = next(x for x in md.splitlines() if x.startswith("- 營運部"))
    # Markdown: markup escaped with backslashes, a bidi control shown as its escape, as the
    # text output shows it (`md_inline`: `\u202e`, its backslash escaped)
    assert re.search(r"(?<!\\)<script", md) is None and "\u202e" not in md
    assert line == ("- 營運部 (`ops`)：林志豪 (\\<script>alert(1)\\</script> \\*bold\\* "
                    "a\\|b \\\\u202eevil)"), line
    html = render_html(build_view(result, org, "zh-Hant"))
    assert "<script>alert(1)" not in html and "\u202e" not in html
    assert "<td>林志豪 (&lt;script&gt;alert(1)&lt;/script&gt; *bold* a|b [U+202E]evil)</td>" \
        in html


def test_hostile_other_name_on_the_site(hostile: Path) -> None:
    result, org = lint_org([str(hostile)], Config())
    files = dict(site_files(result, org, SiteOptions(lang="zh-Hant", git_dates=False)))
    for page in ("people/lin.html", "teams/ops.html"):
        text = files[page]
        assert "<script>alert(1)" not in text and "\u202e" not in text, page
        assert '<p class="other-names">英文名：<span lang="en">&lt;script&gt;alert(1)' \
            "&lt;/script&gt; *bold* a|b [U+202E]evil</span></p>" in text, page
    # the org chart's lead, named by the rule
    assert "· 林志豪 (&lt;script&gt;alert(1)&lt;/script&gt; *bold* a|b [U+202E]evil)</span>" \
        in files["index.html"]
    index = "".join(t for p, t in files.items() if p.startswith("search/"))
    assert "<" not in index and "\u202e" not in index
    assert '"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e *bold* a|b \\\\u202eevil"]' \
        in index
