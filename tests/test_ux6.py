"""Small user-facing defects (branch ux6): wording, names, Markdown code spans, site search."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from test_browser import browser  # noqa: F401 - the shared Chromium fixture

from tests.conftest import run_cli

# --- 1: OW007's hint says "the two" (两者) for a pair only ------------------------------------

PAIR = (
    "- {kind: Team, id: cs, name: 客服部}\n"
    "- {kind: Team, id: ops, name: 运营部}\n"
    "- {kind: Responsibility, id: refunds, name: 退款处理, description: 审核并处理用户的退款申请,\n"
    "   accountable: [cs]}\n"
    "- {kind: Responsibility, id: refund-review, name: 退款审核,\n"
    "   description: 审核并处理用户退款申请, accountable: [ops]}\n"
)
THREE = PAIR + (
    "- {kind: Team, id: tech, name: 技术部}\n"
    "- {kind: Responsibility, id: refund-check, description: 审核并处理用户退款的申请,\n"
    "   accountable: [tech]}\n"
)


@pytest.mark.parametrize(("org", "lang", "hint"), [
    (PAIR, "zh", "    建议: 合并到一个负责团队下，或把两者的不同之处写清楚"),
    (PAIR, "zh-Hant", "    建議: 合併到一個負責團隊下，或把兩者的不同之處寫清楚"),
    (PAIR, "en", "    hint: merge them under one accountable team, or reword what differs"),
    (THREE, "zh", "    建议: 把这 3 项职责合并到一个负责团队下，或把各项的不同之处写清楚"),
    (THREE, "zh-Hant", "    建議: 把這 3 項職責合併到一個負責團隊下，或把各項的不同之處寫清楚"),
    (THREE, "en", "    hint: merge the 3 duties under one accountable team, or reword what "
                  "sets each apart"),
])
def test_a_near_duplicate_hint_counts_the_duties_of_its_group(
        write_org, org: str, lang: str, hint: str) -> None:
    root = write_org({"org.yaml": org})
    run = run_cli("check", "org", "--select", "OW007", "--no-cache", "--lang", lang,
                  cwd=root.parent)
    assert [line for line in run.stdout.splitlines() if line.startswith("    ") and
            not line.lstrip().startswith(("related", "相关", "相關"))] == [hint]


# --- 2: RF006 names the team that keeps a former id, as RF005 and the other lines do -------

ALIASES = (
    "- {kind: Team, id: tech, name: 技术部, aliases: [it, tech], lead: ada, members: [ada]}\n"
    "- {kind: Team, id: cs, name: 客服部, aliases: [it, ops], parent: tech, lead: ada,\n"
    "   members: [ada]}\n"
    "- {kind: Team, id: ops, name: 运营部, parent: tech, lead: ada, members: [ada]}\n"
    "- {kind: Person, id: ada, name: 艾达}\n"
)


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["org/org.yaml:1:47: RF006 [警告] `aliases` 中的 'it' 也是团队 客服部 (cs) 以前的 id",
            "    相关: org/org.yaml:2:45: 这里也留了它",
            "    建议: 只在一个团队上保留 'it'：引用它会被读作 客服部 (cs)，"
            "永远不会是 技术部 (tech)",
            "org/org.yaml:1:51: RF006 [警告] `aliases` 中的 技术部 (tech) 就是这个团队自己的 id",
            "    建议: 删除 技术部 (tech)：`aliases` 只列以前的 id",
            "org/org.yaml:2:49: RF006 [警告] `aliases` 中的 运营部 (ops) 是另一个团队的 id",
            "    相关: org/org.yaml:4:3: 团队 运营部 (ops)",
            "    建议: 删除 运营部 (ops)：引用它指的是那个团队，永远不会是 客服部 (cs)"]),
    ("zh-Hant", ["org/org.yaml:1:47: RF006 [警告] `aliases` 中的 'it' 也是團隊 客服部 (cs) "
                 "以前的 id"]),
    ("en", ["org/org.yaml:1:47: RF006 [warning] 'it' in `aliases` is also a former id of team "
            "客服部 (cs)",
            "    related: org/org.yaml:2:45: kept here too",
            "    hint: keep 'it' on one team only: a reference to it is read as 客服部 (cs), "
            "never 技术部 (tech)",
            "org/org.yaml:1:51: RF006 [warning] 技术部 (tech) in `aliases` is the id of this "
            "team itself",
            "    hint: remove 技术部 (tech): `aliases` lists former ids only",
            "org/org.yaml:2:49: RF006 [warning] 运营部 (ops) in `aliases` is the id of another "
            "team",
            "    related: org/org.yaml:4:3: team 运营部 (ops)",
            "    hint: remove 运营部 (ops): a reference to it names that team, never 客服部 (cs)"]),
])
def test_an_unusable_alias_names_the_teams_it_quotes(write_org, lang: str,
                                                     expected: list[str]) -> None:
    root = write_org({"org.yaml": ALIASES})
    run = run_cli("check", "org", "--select", "RF006", "--no-cache", "--lang", lang,
                  cwd=root.parent)
    assert run.stdout.splitlines()[:len(expected)] == expected


def test_an_unusable_alias_keeps_bare_ids_in_json(write_org) -> None:
    root = write_org({"org.yaml": ALIASES})
    run = run_cli("check", "org", "--select", "RF006", "--no-cache", "--lang", "en",
                  "--format", "json", cwd=root.parent)
    assert [(f["message"], f["hint"]) for f in run.json()["findings"]] == [
        ("'it' in `aliases` is also a former id of team 'cs'",
         "keep 'it' on one team only: a reference to it is read as 'cs', never 'tech'"),
        ("'tech' in `aliases` is the id of this team itself",
         "remove 'tech': `aliases` lists former ids only"),
        ("'ops' in `aliases` is the id of another team",
         "remove 'ops': a reference to it names that team, never 'cs'")]


# --- 3: a backtick in a value never ends or opens a message's code span in Markdown ---------

HOSTILE_KEYS = ["we`ird", "a``b", " lead", "tail ", "p|q", "<b>x", "`edge", "\u202eevil"]
HOSTILE = (
    '- {kind: Team, id: "a`b", name: 甲}\n'
    "- kind: Team\n  id: cs\n  name: 客服部\n"
    + "".join(f'  "{k.encode("unicode_escape").decode()}": {i}\n'
              for i, k in enumerate(HOSTILE_KEYS))
)
# a bidi control is shown as its escape, as the text output shows it
SHOWN_KEYS = [k.replace("\u202e", "\\u202e") for k in HOSTILE_KEYS]


def _gfm(markdown: str) -> Any:
    from lxml import html

    cmark = shutil.which("cmark-gfm")
    if cmark is None:
        pytest.skip("cmark-gfm is not installed")
    run = subprocess.run([cmark, "-e", "table", "-e", "autolink", "-e", "strikethrough",
                          "-e", "tagfilter"], input=markdown.encode("utf-8"),
                         capture_output=True, check=True)
    return html.document_fromstring(f"<html><body>{run.stdout.decode('utf-8')}</body></html>")


@pytest.mark.parametrize(("lang", "field", "slug"), [
    ("en", "unknown field ", "id 'a`b' must be a lowercase slug"),
    ("zh", "未知字段 ", "id 'a`b' 必须是小写短标识")])
def test_a_backtick_in_a_value_keeps_the_code_spans_of_a_markdown_report(
        write_org, lang: str, field: str, slug: str) -> None:
    root = write_org({"org.yaml": HOSTILE})
    run = run_cli("check", "org", "--no-cache", "--lang", lang, "--format", "markdown",
                  cwd=root.parent)
    doc = _gfm(run.stdout)
    table = doc.xpath("//h2[1]/following-sibling::table[1]")[0]
    rows = {code: [td for tr in table.iter("tr") if tr[1].text == code for td in tr[2:3]]
            for code in ("SC001", "SC003")}
    assert [next(td.iter("code")).text for td in rows["SC001"]] == SHOWN_KEYS
    assert [td.text_content().split("\U0001f4a1")[0] for td in rows["SC001"]] == [
        field + k for k in SHOWN_KEYS]
    (sc003,) = rows["SC003"]
    assert [c.text for c in sc003.iter("code")][:1] == ["id"]
    assert sc003.text_content().startswith(slug)
    assert all(len(tr) == 4 for tr in table.iter("tr"))


def test_a_backtick_in_a_value_keeps_the_code_spans_of_a_chat_message(write_org) -> None:
    """A chat app cannot carry a backtick inside a code span: a key holding one is text,
    its backticks full-width look-alikes (`escape.chat_code`)."""
    root = write_org({"org.yaml": HOSTILE})
    run = run_cli("check", "org", "--no-cache", "--lang", "en", "--format", "chat",
                  cwd=root.parent)
    assert [line for line in run.stdout.splitlines() if " SC00" in line] == [
        "- ❌ SC001 unknown field we｀ird `org/org.yaml:5`",
        "- ❌ SC001 unknown field a｀｀b `org/org.yaml:6`",
        "- ❌ SC001 unknown field ` lead` `org/org.yaml:7`",
        "- ❌ SC001 unknown field `tail ` `org/org.yaml:8`",
        "- ❌ SC001 unknown field `p|q` `org/org.yaml:9`",
        "- ❌ SC001 unknown field `<b>x` `org/org.yaml:10`",
        "- ❌ SC001 unknown field ｀edge `org/org.yaml:11`",
        "- ❌ SC001 unknown field `\ufffdevil` `org/org.yaml:12`",
        "- ❌ SC003 `id` 'a｀b' must be a lowercase slug `org/org.yaml:1`"]


def test_a_backtick_in_a_value_keeps_the_code_spans_of_an_html_report(write_org) -> None:
    from lxml import html

    root = write_org({"org.yaml": HOSTILE})
    run = run_cli("check", "org", "--no-cache", "--lang", "en", "--format", "html",
                  cwd=root.parent)
    doc = html.document_fromstring(run.stdout)
    cells = doc.xpath("//tr[@data-rule='SC001']/td[3]")
    assert [next(td.iter("code")).text for td in cells] == [
        k.replace("\u202e", "[U+202E]") for k in HOSTILE_KEYS]



def test_every_rule_example_message_knows_its_code_spans() -> None:
    """Each message, hint and related message of the rules' bad examples, said in every
    language and with names (`with_names`), gives back its parts (`said_parts`), so no
    page falls back to reading its code spans from the text."""
    from orgspec.engine.lint import lint_org
    from orgspec.i18n import LANGS, M, said_from
    from orgspec.i18n.parts import said_parts
    from orgspec.load.config import Config
    from orgspec.report.idnames import with_names
    from tests.conftest import REPO

    checked = 0
    for bad in sorted((REPO / "rules" / "examples").glob("*/bad.yaml")):
        result, _ = lint_org([str(bad)], Config())
        for f in result.findings:
            for message in (f.message, f.hint, *(r.message for r in f.related)):
                source = getattr(message, "source", message)
                if not isinstance(source, M):
                    continue
                for lang in LANGS:
                    for said in (said_from(source, lang),
                                 with_names(said_from(source, lang), result.names, lang)):
                        if "`" in said:
                            assert said_parts(said) is not None, (bad.parent.name, said)
                            checked += 1
    assert checked > 100


# --- 4: site search: a weekday typed without a space, a weekday's abbreviation -------------

def _weekday_site(tmp_path: Path, lang: str) -> Path:
    import datetime as dt

    from test_site_browser import WEEKDAY_ORG

    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions, build_site

    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text(WEEKDAY_ORG, "utf-8")
    result, loaded = lint_org([str(org)], Config(timezone="Asia/Shanghai"),
                              dt.date(2026, 12, 9))
    site = tmp_path / "site"
    build_site(result, loaded, str(site), SiteOptions(lang=lang, git_dates=False))
    return site


@pytest.mark.parametrize("lang", ["zh", "zh-Hant", "en"])
def test_a_weekday_typed_before_a_meeting_name_finds_the_meeting(
        browser: Any, tmp_path: Path, lang: str) -> None:  # noqa: F811
    """`周二晨会` (typed without the space an input method never puts there) finds the
    morning meeting held on Tuesday, as `周二 晨会` does, however the weekday is written."""
    from test_site_browser import Tab, _search

    site = _weekday_site(tmp_path, lang)
    tab = Tab(browser)
    tab.page.goto(site.as_uri() + "/search.html")
    for query in ("周二晨会", "周二 晨会", "每周二晨会", "週二晨會", "星期二晨会", "禮拜二晨會",
                  "周二的晨会"):
        assert _search(tab.page, query) == ["meetings/morning.html"], query
    assert _search(tab.page, "周五站会") == ["meetings/standup.html", "meetings/la.html"]
    assert _search(tab.page, "周一周例会") == ["meetings/weekly.html"]
    assert _search(tab.page, "周日站会") == []  # no stand-up on Sunday
    assert _search(tab.page, "星期二盘点") == ["duties/stock.html"]  # as written
    tab.clean()
    tab.page.close()


def test_a_weekday_abbreviation_finds_the_weekday_not_the_words_it_begins(
        browser: Any, tmp_path: Path) -> None:  # noqa: F811
    """On the English site the monthly review (`monthly`) is no hit for `mon`."""
    from test_site_browser import Tab, _search

    site = _weekday_site(tmp_path, "en")
    tab = Tab(browser)
    tab.page.goto(site.as_uri() + "/search.html")
    monday = ["meetings/morning.html", "meetings/standup.html", "meetings/weekly.html",
              "meetings/la.html"]
    for query in ("mon", "Mon", "MON", "monday"):
        assert _search(tab.page, query) == monday, query
    assert _search(tab.page, "month") == ["meetings/review.html"]
    for query in ("wed", "weds", "Wednesday"):
        assert _search(tab.page, query) == ["meetings/morning.html", "meetings/standup.html",
                                            "meetings/la.html"], query
    assert _search(tab.page, "sat") == ["meetings/morning.html", "meetings/la.html"]
    tab.clean()
    tab.page.close()


# --- 5: what a baseline hid beside `--diff`'s counts, without a count of 0 -----------------

def _diffed(tmp_path: Path, base: str, baselined: str, now: str) -> Path:
    """A repository with `base` committed, `baselined` written as the baseline b.json and
    `now` in the working tree."""
    from tests.conftest import git

    repo = tmp_path / "repo"
    (repo / "org").mkdir(parents=True)
    (repo / "org" / "org.yaml").write_text(base, "utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    (repo / "org" / "org.yaml").write_text(baselined, "utf-8")
    run_cli("check", "org", "--write-baseline", "b.json", cwd=repo)
    (repo / "org" / "org.yaml").write_text(now, "utf-8")
    return repo


@pytest.mark.parametrize(("fmt", "lang", "line"), [
    ("text", "en", "org diff against HEAD: 2 new findings, 0 fixed; the baseline hides 1 more "
                   "unchanged finding"),
    ("text", "zh", "与 HEAD 对比：2 条新问题，0 条已修复；基线另隐藏了 1 条未变的问题"),
    ("text", "zh-Hant", "與 HEAD 對比：2 條新問題，0 條已修復；基線另隱藏了 1 條未變的問題"),
    ("markdown", "en", "Since HEAD: 2 new, 0 unchanged, 0 fixed; the baseline hides 1 more "
                       "unchanged finding"),
    ("chat", "zh", "与 `HEAD` 相比：新问题 2 条，未变 0 条，已修复 0 条；"
                   "基线另隐藏了 1 条未变的问题"),
])
def test_a_baseline_that_hid_only_unchanged_findings_says_no_zero_new(
        tmp_path: Path, fmt: str, lang: str, line: str) -> None:
    from tests.test_trust14 import BASE, TYPO

    repo = _diffed(tmp_path, BASE, BASE, TYPO)
    run = run_cli("check", "org", "--diff", "HEAD", "--baseline", "b.json", "--lang", lang,
                  "--format", fmt, cwd=repo)
    assert [s for s in run.stdout.splitlines() if "HEAD" in s][:1] == [line]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "org diff against HEAD: 0 new findings, 0 fixed; the baseline hides 1 more new "
           "finding"),
    ("zh", "与 HEAD 对比：0 条新问题，0 条已修复；基线另隐藏了 1 条新问题")])
def test_a_baseline_that_hid_only_new_findings_says_no_zero_unchanged(
        tmp_path: Path, lang: str, line: str) -> None:
    from tests.test_trust14 import ADDED, BASE

    clean = BASE.split("- kind: Objective")[0]
    added = clean + "- kind: Objective" + ADDED.split("- kind: Objective")[2]
    repo = _diffed(tmp_path, clean, added, added)
    run = run_cli("check", "org", "--diff", "HEAD", "--baseline", "b.json", "--lang", lang,
                  cwd=repo)
    assert [s for s in run.stdout.splitlines() if "HEAD" in s][:1] == [line]


# --- 6: MT004 names the first pairs of teams with no meeting in common, then counts the rest -

MANY_TEAMS = "".join(
    f"- {{kind: Team, id: {t}, name: {n}, parent: hq, lead: p{i}, members: [p{i}]}}\n"
    f"- {{kind: Person, id: p{i}, name: 员工{i}}}\n"
    for i, (t, n) in enumerate([("cs", "客服部"), ("tech", "技术部"), ("ops", "运营部"),
                                ("mkt", "市场部"), ("fin", "财务部")]))
SHARED_DUTY = (
    "- {kind: Team, id: hq, name: 总部, lead: boss, members: [boss]}\n"
    "- {kind: Person, id: boss, name: 王总}\n" + MANY_TEAMS +
    "- {kind: Responsibility, id: promo, name: 大促, accountable: hq,\n"
    "   responsible: [cs, tech, ops, mkt, fin]}\n"
    "- {kind: Meeting, id: m1, name: 周会, cadence: 每周一 10:00, owner: p0,\n"
    "   attendees: [cs, tech]}\n")


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "org/org.yaml:13:26: MT004 [warning] 5 teams share duty 大促 (promo) (客服部 (cs), "
           "财务部 (fin), 市场部 (mkt), 运营部 (ops), 技术部 (tech)), but no meeting or channel "
           "includes them all; these have none in common: 客服部 (cs)–财务部 (fin), "
           "客服部 (cs)–市场部 (mkt), 客服部 (cs)–运营部 (ops) and 6 more"),
    ("zh", "org/org.yaml:13:26: MT004 [警告] 5 个团队共担职责 大促 (promo)（客服部 (cs)、"
           "财务部 (fin)、市场部 (mkt)、运营部 (ops)、技术部 (tech)），但没有一个会议或沟通渠道把"
           "他们都包括进来；以下团队之间没有共同的会议或渠道：客服部 (cs)–财务部 (fin)、"
           "客服部 (cs)–市场部 (mkt)、客服部 (cs)–运营部 (ops)，另有 6 对"),
])
def test_a_coordination_gap_names_three_pairs_and_counts_the_others(
        write_org, lang: str, line: str) -> None:
    root = write_org({"org.yaml": SHARED_DUTY})
    run = run_cli("check", "org", "--select", "MT004", "--no-cache", "--lang", lang,
                  cwd=root.parent)
    assert run.stdout.splitlines()[0] == line
