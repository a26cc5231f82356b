"""Session 33 leftovers: HI005 at the placeholder written, the rule words in `rules --format
json`, a person written as surname + title (`王总`) or given name (`雅婷`) suggested by id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import json_findings, where

# --- 1: HI005 points at the placeholder written, as RF001 and OW002 do ---------------------

BLOCK = """\
- kind: Team
  id: platform
  name: Platform
{lead}  members: [ada]
  responsibilities: [uptime]
- {{kind: Person, id: ada, name: Ada Lovelace}}
- {{kind: Responsibility, id: uptime, name: Uptime}}
"""


@pytest.mark.parametrize(("lead", "want"), [
    ("  lead: 待定\n", (4, 9)),  # the word
    ("  lead:   'TBD'  # asked HR\n", (4, 11)),  # the quoted word, not its key
    ("  lead: 待招聘\n", (4, 9)),  # an open seat
    ("  lead:\n", (4, 3)),  # nothing written: the key
    ("", (2, 3)),  # no key at all: the team's id
])
def test_hi005_points_at_the_placeholder_else_the_key_else_the_id(
        write_org: Any, lead: str, want: tuple[int, int]) -> None:
    found = json_findings(write_org({"o.yaml": BLOCK.format(lead=lead)}), "--select", "HI005")
    assert where(found) == [("HI005", "o.yaml", *want)]


def test_following_the_hi005_hint_leaves_a_clean_check(write_org: Any) -> None:
    found = json_findings(write_org({"o.yaml": BLOCK.format(lead="  lead: 待定\n")}))
    assert [f["code"] for f in found] == ["HI005"]
    # the hint: "name its lead under `lead`"
    assert json_findings(write_org({"o.yaml": BLOCK.format(lead="  lead: ada\n")})) == []


# --- 2: `orgspec rules --format json` lists the words `explain` shows -----------------------

def _rules_json(*args: str) -> dict[str, dict[str, Any]]:
    import json

    from click.testing import CliRunner

    from orgspec.cli import main

    out = CliRunner().invoke(main, ["rules", "--format", "json", *args]).output
    return {r["code"]: r for r in json.loads(out)}


def test_rules_json_lists_the_words_each_rule_reads() -> None:
    from orgspec.model.models import PLACEHOLDER_WORDS, VACANT_WORDS

    rules = _rules_json("--lang", "en")
    assert all("words" in r for r in rules.values())  # a stable key, `{}` when none
    assert {c for c, r in rules.items() if r["words"]} == {
        "HI005", "OW002", "OK011", "PR001", "PR009", "MT001", "RO001"}
    assert list(rules["HI005"]["words"]) == ["undecided", "vacant"]
    assert list(rules["RO001"]["words"]) == ["vacant", "undecided"]
    # an owner field reads both lists, but `recruiting`, `hiring`... as ids there (a team
    # may be called so)
    assert list(rules["OK011"]["words"]) == ["undecided", "vacant"]
    assert "recruiting" not in rules["OK011"]["words"]["vacant"]["ascii"]
    assert "recruiting" in rules["RO001"]["words"]["vacant"]["ascii"]
    undecided = rules["OK011"]["words"]["undecided"]
    assert set(undecided) == {"ascii", "zh-Hans", "zh-Hant"}
    assert undecided["ascii"][:2] == ["tbd", "tba"]
    assert "暂无" in undecided["zh-Hans"] and "暂无" not in undecided["zh-Hant"]
    assert "暫無" in undecided["zh-Hant"] and "暫無" not in undecided["zh-Hans"]
    assert "待定" in undecided["zh-Hans"] and "待定" in undecided["zh-Hant"]  # both scripts
    # every word the code reads is listed, in one script or both, and no other
    for name, code_words in (("undecided", PLACEHOLDER_WORDS), ("vacant", VACANT_WORDS)):
        by_script = rules["RO001"]["words"][name]
        assert set(code_words) == {w for ws in by_script.values() for w in ws}
    assert _rules_json("--lang", "zh-Hant")["RO001"]["words"] == rules["RO001"]["words"]


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_the_json_words_are_the_words_explain_shows(lang: str) -> None:
    import re

    from orgspec.engine.registry import registry
    from orgspec.model.models import VACANT
    from orgspec.report.ruleswords import words_said

    scripts = {"en": ("ascii", "zh-Hans", "zh-Hant"), "zh": ("ascii", "zh-Hans"),
               "zh-Hant": ("ascii", "zh-Hant")}[lang]
    rules = _rules_json("--lang", lang)
    for code, meta in registry().items():
        # the paragraphs `explain` and docs/rules.md show; their other quotes (`holders`,
        # `TBD`, `待定` as examples) are no list
        said = " ".join(words_said(kind, lang) for kind in meta.words)
        shown = {w for w in re.findall(r"`([^`]+)`", said) if w in VACANT}
        listed = {w for lists in rules[code]["words"].values() for s in scripts
                  for w in lists[s]}
        assert listed == shown, (code, listed ^ shown)


# --- 3: a person written as colleagues call them: 王总, 小王, 張經理, 雅婷 ---------------------

CALLED = """\
- {{kind: Team, id: t, name: 客服部, lead: {lead}, members: [li-na], responsibilities: [d]}}
- {{kind: Responsibility, id: d, name: 退款}}
- {{kind: Person, id: li-na, name: 李娜}}
{people}"""


def _called(write_org: Any, lead: str, people: dict[str, str],
            lang: str = "en") -> list[dict[str, Any]]:
    text = CALLED.format(lead=lead, people="".join(
        f"- {{kind: Person, id: {i}, name: {n}}}\n" for i, n in people.items()))
    return json_findings(write_org({"o.yaml": text}), "--lang", lang)


def test_the_frozen_person_calls_are_all_right() -> None:
    # measured once after the matcher was written (before it: 26/52); never tuned on
    from personcall_eval import followed, rows, suggested

    wrong = [(r["case"], r["written"], got) for r in rows()
             if (got := suggested(r)) != r["expect"] or (got != "-" and not followed(r, got))]
    assert len(rows()) == 52 and wrong == []


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "'王总' calls a person by the surname 王, which only 王伟 has: write `wang-wei`"),
    ("zh", "'王总' 是按姓氏 王 对人的称呼，而姓 王 的只有 王伟：请写 `wang-wei`"),
    ("zh-Hant", "'王总' 是按姓氏 王 對人的稱呼，而姓 王 的只有 王伟：請寫 `wang-wei`"),
])
def test_surname_and_title_suggest_the_one_person(write_org: Any, lang: str,
                                                   said: str) -> None:
    found = _called(write_org, "王总", {"wang-wei": "王伟"}, lang)
    assert where(found) == [("RF001", "o.yaml", 1, 40)]
    # the guess holds back what the unknown lead causes (王伟 on no team): one finding
    assert found[0]["hint"].startswith(said + " (1 finding" if lang == "en" else said + "（")
    fixed = _called(write_org, "wang-wei", {"wang-wei": "王伟"})
    assert [f["code"] for f in fixed] == ["HI004"]  # a lead outside `members`: a new fact


def test_the_surname_is_said_as_written_in_either_script(write_org: Any) -> None:
    found = _called(write_org, "張經理", {"zhang-wei": "张伟"})
    assert found[0]["hint"].startswith(
        "'張經理' calls a person by the surname 張, which only 张伟 has: write `zhang-wei`")


def test_a_given_name_of_two_characters_suggests_its_person(write_org: Any) -> None:
    found = _called(write_org, "雅婷", {"chen-ya-ting": "陳雅婷", "wang-wei": "王伟"})
    assert found[0]["hint"].startswith(
        "'雅婷' is the given name of 陳雅婷 alone: write `chen-ya-ting`")


def test_two_people_so_called_are_listed_and_none_is_picked(write_org: Any) -> None:
    two = {"wang-wei": "王伟", "wang-zong": "王宗"}  # 王宗 also sounds like 王总
    found = _called(write_org, "王总", two)
    assert found[0]["hint"] == ("'王总' may call any of wang-wei, wang-zong: write the "
                                "id of the one meant")
    # no guess either: what the lead causes is reported, not held back behind a pick
    assert sorted(f["code"] for f in found) == ["HI007", "HI007", "RF001"]
    many = {f"wang-{i}": f"王{c}" for i, c in enumerate("一二三四")}
    found = _called(write_org, "小王", many)
    assert found[0]["hint"] == "'小王' may call any of 4 people: write the id of the one meant"


@pytest.mark.parametrize(("written", "ways"), [
    ("王总", [("surname", "王"), ("given", "王总")]),  # two characters: a given name too
    ("王总监", [("surname", "王")]),  # 王 + 总监, not 王总 + 监
    ("欧阳经理", [("surname", "欧阳")]),
    ("老王", [("surname", "王"), ("given", "老王")]),
    ("小明", [("surname", "明"), ("given", "小明")]),
    ("雅婷", [("given", "雅婷")]),
    ("老师", [("surname", "师"), ("given", "老师")]),  # calls nobody unless one is 师
    ("王", []), ("王伟总监助理", []), ("wang", []),
])
def test_the_ways_a_text_calls_a_person(written: str, ways: list[tuple[str, str]]) -> None:
    from orgspec.text.personcall import calls

    assert calls(written) == ways


def test_a_compound_surname_leaves_the_given_name() -> None:
    from orgspec.text.personcall import name_parts

    assert name_parts("欧阳娜娜") == ("欧阳", "娜娜")
    assert name_parts("司马光") == ("司马", "光")
    assert name_parts("王小明") == ("王", "小明")
    assert name_parts("欧阳") == ("欧", "阳")  # two characters: a surname and a given name
    assert name_parts("David Wang") is None


# --- 4: the text format's severity tag in the run's language; machine formats unchanged ------

TAGGED = """\
- {kind: Team, id: t, name: 客服部, lead: nobody, members: [li-na], responsibilities: [d]}
- {kind: Responsibility, id: d, name: 退款}
- {kind: Person, id: li-na, name: 李娜}
- {kind: Person, id: he-li, name: 何丽}
"""


@pytest.mark.parametrize(("lang", "error", "warning"), [
    ("en", "[error]", "[warning]"), ("zh", "[错误]", "[警告]"), ("zh-Hant", "[錯誤]", "[警告]")])
def test_the_text_severity_tag_is_said_in_the_run_s_language(
        write_org: Any, lang: str, error: str, warning: str) -> None:
    import json

    from conftest import run_cli

    org = write_org({"o.yaml": TAGGED})
    lines = run_cli("check", str(org), "--isolated", "--lang", lang).stdout.splitlines()
    tags = [line.split(" ", 3)[2] for line in lines if line.startswith(str(org))]
    assert tags == [error, warning]  # RF001 on `nobody`, HI007 on 何丽
    coloured = run_cli("check", str(org), "--isolated", "--lang", lang, "--color",
                       "always").stdout
    assert f"\x1b[31m{error}\x1b[0m" in coloured
    # what programs read keeps its levels in English
    found = json.loads(run_cli("check", str(org), "--isolated", "--lang", lang, "--format",
                               "json").stdout)["findings"]
    assert [f["severity"] for f in found] == ["error", "warning"]
    gh = run_cli("check", str(org), "--isolated", "--lang", lang, "--format", "github").stdout
    assert gh.startswith("::error ") and "::warning " in gh
    sarif = json.loads(run_cli("check", str(org), "--isolated", "--lang", lang, "--format",
                               "sarif").stdout)
    assert [r["level"] for r in sarif["runs"][0]["results"]] == ["error", "warning"]
    junit = run_cli("check", str(org), "--isolated", "--lang", lang, "--format",
                    "junit").stdout
    assert 'type="error"' in junit and "[错误]" not in junit and "[錯誤]" not in junit


# --- 3 under the cache: the hint follows edits of the people it reads ------------------------

def test_a_person_call_hint_with_the_cache_equals_a_fresh_check(tmp_path: Path) -> None:
    import datetime as dt

    from orgspec.engine.lint import check_cached, lint_org
    from orgspec.load.cache import Cache
    from orgspec.load.config import Config

    org = tmp_path / "org"
    org.mkdir()
    (org / "teams.yaml").write_text(
        "- {kind: Team, id: t, name: 客服部, lead: li-na, members: [li-na, wang-wei], "
        "responsibilities: [d]}\n- {kind: Responsibility, id: d, name: 退款}\n"
        "- {kind: Meeting, id: m, name: 周会, cadence: 每周一, owner: 王总, attendees: [t]}\n",
        "utf-8")
    people = org / "people.yaml"
    people.write_text("- {kind: Person, id: li-na, name: 李娜}\n"
                      "- {kind: Person, id: wang-wei, name: 王伟}\n", "utf-8")
    today, config, folder = dt.date(2026, 11, 30), Config(lang="en"), str(tmp_path / "c")

    def same() -> str:
        plain = lint_org([str(org)], config, today)[0].findings
        kept = check_cached([str(org)], config, Cache(folder), today).findings
        assert [(f.code, f.location, f.hint) for f in kept] == \
            [(f.code, f.location, f.hint) for f in plain]
        return next(str(f.hint) for f in plain if f.code == "RF001")

    assert "which only 王伟 has: write `wang-wei`" in same()  # cold
    people.write_text(people.read_text("utf-8") + "- {kind: Person, id: wang-fang, "
                      "name: 王芳}\n", "utf-8")  # a second 王: none picked
    assert same().startswith("'王总' may call any of wang-wei, wang-fang")
    people.write_text(people.read_text("utf-8").replace("王芳", "李芳"), "utf-8")  # prose
    assert "which only 王伟 has" in same()
    people.write_text(people.read_text("utf-8").replace("王伟", "張偉"), "utf-8")  # prose
    assert "surname" not in same() and "may call" not in same()  # nobody is surnamed 王
