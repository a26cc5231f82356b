"""`names: {en: ...}`: an entity's name in another language, shown to a reader of that
language (`--lang en`) wherever a name is shown, else `name`, else the id; found by search
under any of its names; a key that is no language orgspec speaks is a finding at the key."""

from __future__ import annotations

from conftest import run_cli

from orgspec.adopt.export import tables
from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.report.render import render_markdown
from orgspec.report.view import build_view
from orgspec.site.build import SiteOptions, site_files

# A Taiwan HR lead's org, in Traditional Chinese, with English names for a few entities
ORG = """\
- kind: Team
  id: cs
  name: 客服部
  names: {en: Customer Service}
  lead: wang
  members: [wang, li]
  responsibilities:
    - id: refunds
      name: 退款處理
      names: {en: Refunds}
    - ref: complaints
- kind: Team
  id: ops
  parent: cs
- kind: Person
  id: wang
  name: 王小明
  names: {en: Adam Wang}
- kind: Person
  id: li
  name: 李華
- kind: Responsibility
  id: complaints
  name: 投訴處理
  names: {en: Complaint handling, zh: 投诉处理}
- kind: Objective
  id: nps
  title: 提升客戶滿意度
  names: {en: Raise customer satisfaction}
  owner: cs
  period: 2026
  key_results:
    - {id: k1, title: 滿意度從 80% 提升到 90%}
- kind: Process
  id: refund-flow
  name: 退款流程
  names: {en: Refund flow}
  owner: cs
  steps:
    - {id: intake, name: 受理, names: {en: Intake}, owner: wang, next: review}
    - {id: review, name: 審核, owner: li}
- kind: Role
  id: agent
  name: 客服專員
  names: {en: Support agent}
  team: cs
  holders: [li]
- kind: Meeting
  id: standup
  name: 每日晨會
  names: {en: Daily stand-up}
  cadence: daily
  owner: cs
"""



def test_the_english_report_shows_the_english_names_and_falls_back(write_org) -> None:  # type: ignore[no-untyped-def]
    result, org = lint_org([str(write_org({"org.yaml": ORG}))], Config())
    assert [f.code for f in result.findings if f.code.startswith(("SC", "IN"))] == []
    en = render_markdown(build_view(result, org, "en"))
    for shown in ("Customer Service (`cs`)", "| Complaint handling (`complaints`) |",
                  "Refunds (`refunds`)", "### Raise customer satisfaction", "### Refund flow",
                  "Intake<br/>Adam Wang", "Support agent", "Daily stand-up"):
        assert shown in en, shown
    for written in ("客服部", "退款處理", "投訴處理", "提升客戶滿意度", "退款流程", "受理",
                    "客服專員", "每日晨會"):
        assert written not in en, written
    # a person is named with their name in the other script beside (`person_said`)
    assert "- Customer Service (`cs`): Adam Wang (王小明)" in en
    # no English name: the name as written; no name: the id
    assert "審核<br/>李華" in en and "`ops`" in en
    # a Traditional reader sees the names as written; a Simplified one its `zh` name
    hant = render_markdown(build_view(result, org, "zh-Hant"))
    assert "| 客服部 (`cs`) |" in hant and "投訴處理" in hant and "Customer Service" not in hant
    zh = render_markdown(build_view(result, org, "zh"))
    assert "投诉处理" in zh and "投訴處理" not in zh
    assert "客服部" in zh  # no `zh` name: as written (a Simplified reader is not converted for)


def test_the_export_names_people_as_written_with_their_names_beside(write_org) -> None:  # type: ignore[no-untyped-def]
    named = ORG.replace("李華\n", "李華\n  names: {en: Zoe Li}\n")
    _, org = lint_org([str(write_org({"org.yaml": named}))], Config())
    people = next(t for t in tables(org, "en") if t.name == "people")
    # the people sheet is a roster `import roster` reads back (tests/
    # test_export_names_roundtrip.py): `name` as written, `names.en` in its own column (the
    # lead first); the teams as the reader is shown them
    assert people.header[:3] == ["name", "name_en", "team"]
    assert [row[:2] for row in people.rows] == [["王小明", "Adam Wang"], ["李華", "Zoe Li"]]
    assert [row[2] for row in people.rows] == ["Customer Service"] * 2
    written = next(t for t in tables(org, "zh-Hant") if t.name == "people")
    assert sorted(row[0] for row in written.rows) == ["李華", "王小明"]


def test_the_site_shows_the_english_names_and_finds_every_name(write_org) -> None:  # type: ignore[no-untyped-def]
    result, org = lint_org([str(write_org({"org.yaml": ORG}))], Config())
    files = dict(site_files(result, org, SiteOptions(lang="en", git_dates=False)))
    assert "<h1>Customer Service <small" in files["teams/cs.html"]
    # the name as written only on the line of other names under the heading
    assert files["teams/cs.html"].count("客服部") == 1
    assert '<p class="other-names">Chinese name: <span lang="zh">客服部</span></p>' in \
        files["teams/cs.html"]
    docs = "".join(text for path, text in files.items() if path.startswith("search/d"))
    # the title is the English name; the name as written is stored beside it (`Doc.other`)
    assert '["team","Customer Service","teams/cs.html","Lead: Adam Wang","","客服部"]' in docs
    assert "受理" in docs and "Intake" in docs
    hant = dict(site_files(result, org, SiteOptions(lang="zh-Hant", git_dates=False)))
    docs = "".join(text for path, text in hant.items() if path.startswith("search/d"))
    assert '["team","客服部","teams/cs.html"' in docs and "Customer Service" in docs


def test_show_and_who_name_in_the_readers_language_and_find_any_name(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"org.yaml": ORG})
    run = run_cli("show", "team", "客服部", str(org), "--lang", "en")
    assert run.code == 0, run.stderr
    assert run.stdout.splitlines()[:2] == ["team cs Customer Service",
                                          "  lead: wang Adam Wang (王小明)"]
    run = run_cli("show", "team", "customer service", str(org), "--lang", "zh-Hant")
    assert run.stdout.splitlines()[0] == "團隊 cs 客服部"
    run = run_cli("who", "Complaint handling", str(org), "--lang", "en")
    assert "duty complaints Complaint handling" in run.stdout


BAD = """\
kind: Team
id: cs
name: 客服部
names:
  en: Customer Service
  zh-TW: 客服部
  fr: Service client
  zh-Hant: [客服, 部]
"""


def test_a_bad_language_tag_or_value_is_a_finding_at_its_place(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"team.yaml": BAD})
    run = run_cli("check", str(org), "--format", "json", "--select", "schema", "--lang", "en")
    got = [(f["code"], f["file"].rsplit("/", 1)[-1], f["line"], f["column"], f["message"],
            f.get("hint")) for f in run.json()["findings"]]
    assert got == [
        ("SC001", "team.yaml", 6, 3, "`names`: 'zh-TW' is not a language orgspec speaks",
         "did you mean `zh-Hant`?"),
        ("SC001", "team.yaml", 7, 3, "`names`: 'fr' is not a language orgspec speaks",
         "write the name under one of en, zh, zh-Hant"),
        ("SC003", "team.yaml", 8, 3, "`names.zh-Hant`: needs one text, not a list",
         "write a single value after `zh-Hant:`; several values go in a list field")]
    # the rest of the entity stands: its English name is still shown
    result, lint = lint_org([str(org)], Config())
    assert "Customer Service (`cs`)" in render_markdown(build_view(result, lint, "en"))
    zh = run_cli("check", str(org), "--select", "schema", "--lang", "zh")
    assert "`names`：'zh-TW' 不是 orgspec 支持的语言" in zh.stdout
    assert "是不是要写 `zh-Hant`？" in zh.stdout
    hant = run_cli("check", str(org), "--select", "schema", "--lang", "zh-Hant")
    assert "不是 orgspec 支援的語言" in hant.stdout


def test_said_and_a_second_localization_start_from_the_org_as_written(write_org) -> None:  # type: ignore[no-untyped-def]
    from orgspec.model.names import localized, said

    _, org = lint_org([str(write_org({"org.yaml": ORG}))], Config())
    duty = org.responsibilities["complaints"]
    assert [said(duty, lang) for lang in ("en", "zh", "zh-Hant")] == [
        "Complaint handling", "投诉处理", "投訴處理"]
    assert said(org.teams["ops"], "en") is None
    en = localized(org, "en")
    assert en.teams["cs"].name == "Customer Service" and localized(en, "en") is en
    zh = localized(en, "zh")  # from the org as written, not from the English names
    assert zh.teams["cs"].name == "客服部" and zh.responsibilities["complaints"].name == "投诉处理"
    assert org.teams["cs"].name == "客服部"  # the org as written is never changed
