"""Leftovers of trial 29, as exact findings: an emptied team that alone answers for duties,
HI006's hint in Chinese, full-width fiscal years, a file name with two slips, and an org
file moved next to the org folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import json_findings, where

# --- 1: an emptied team still the only accountable owner of duties -----------------------

EMPTIED = """\
- kind: Team
  id: platform
  name: Platform
  lead: ada
  members: [ada, grace]
  responsibilities:
    - uptime
- kind: Team
  id: support
  name: Customer Support
  parent: platform
  members: []
- {kind: Person, id: ada, name: Ada Lovelace}
- {kind: Person, id: grace, name: Grace Hopper}
- {kind: Responsibility, id: uptime, name: Uptime, accountable: platform}
- {kind: Responsibility, id: tickets, name: Support tickets, accountable: support}
"""


def test_emptied_team_names_the_duty_it_alone_answers_for(write_org: Any) -> None:
    found = json_findings(write_org({"o.yaml": EMPTIED}))
    assert where(found) == [("HI006", "o.yaml", 12, 3)]  # one finding: no HI005, no OW00x
    assert found[0]["message"] == ("team 'support' has no members and no lead, yet it alone "
                                   "is accountable for duty tickets: nobody answers for it")
    assert found[0]["hint"].startswith("make a team with people `accountable` for tickets "
                                       "instead")


def test_emptied_team_names_its_duties_in_chinese(write_org: Any) -> None:
    folder = write_org({"o.yaml": EMPTIED})
    for lang, said, hint in (
            ("zh", "没有成员，也没有负责人，却是 1 项职责的唯一批准方 (A)：tickets；实际上无人负责",
             "先让有成员的团队担任 tickets 的批准方（`accountable`）"),
            ("zh-Hant", "沒有成員，也沒有負責人，卻是 1 項職責的唯一批准方 (A)："
                        "tickets；實際上無人負責",
             "先讓有成員的團隊擔任 tickets 的批准方（`accountable`）")):
        found = json_findings(folder, "--lang", lang)
        assert where(found) == [("HI006", "o.yaml", 12, 3)]
        assert said in found[0]["message"]
        assert hint in found[0]["hint"]


def test_a_charter_claim_counts_and_many_duties_are_counted(write_org: Any) -> None:
    duties = "".join(f"- {{kind: Responsibility, id: d{i}, name: D{i}, accountable: support}}\n"
                     for i in range(1, 5))
    text = EMPTIED.replace("  members: []\n", "  members: []\n  responsibilities: [tickets]\n") \
        .replace("accountable: support}", "}") + duties
    found = json_findings(write_org({"o.yaml": text}))
    assert where(found) == [("HI006", "o.yaml", 12, 3)]
    assert found[0]["message"] == (
        "team 'support' has no members and no lead, yet it alone is accountable for 5 duties: "
        "tickets, d1, d2, and 2 more ids; nobody answers for them")


def test_a_placeholder_lead_is_no_lead(write_org: Any) -> None:
    text = EMPTIED.replace("  members: []\n", "  lead: TBD\n  members: []\n")
    found = json_findings(write_org({"o.yaml": text}))
    assert where(found) == [("HI006", "o.yaml", 13, 3)]
    assert "yet it alone is accountable for duty tickets" in found[0]["message"]


def test_a_shared_duty_or_a_lead_leaves_hi006_as_it_was(write_org: Any) -> None:
    # another accountable owner: the duty has one (OW001 says there are two)
    shared = EMPTIED.replace("accountable: support}", "accountable: [support, platform]}")
    found = json_findings(write_org({"o.yaml": shared}))
    assert [f["code"] for f in found] == ["HI006", "OW001"]
    assert found[0]["message"] == "team 'support' has no members and no lead"
    # a lead answers for the team's duties: HI006 alone, as before
    led = EMPTIED.replace("  members: []\n", "  lead: grace\n  members: []\n")
    found = json_findings(write_org({"o.yaml": led}))
    assert where(found) == [("HI006", "o.yaml", 13, 3)]
    assert found[0]["message"] == "team 'support' has no members"


def test_a_staffed_team_gives_nothing(write_org: Any) -> None:
    text = EMPTIED.replace("  members: []\n", "  lead: grace\n  members: [grace]\n")
    assert json_findings(write_org({"o.yaml": text})) == []


# --- 2: HI006's hint says how to make it a grouping, in words an ops lead uses -------------

def test_hi006_hint_names_the_parent_to_write(write_org: Any) -> None:
    led = EMPTIED.replace("  members: []\n", "  lead: grace\n  members: []\n")
    folder = write_org({"o.yaml": led})
    found = json_findings(folder)
    assert where(found) == [("HI006", "o.yaml", 13, 3)]
    assert found[0]["hint"] == ("list its people under `members`, or make teams with people "
                                "its child teams (`parent: support` on them)")
    for lang, hint in (("zh", "在 `members` 下列出成员；如果它只是个上级分组，就在有成员的团队里"
                              "写上 `parent: support`，把这些团队归到它下面"),
                       ("zh-Hant", "在 `members` 下列出成員；如果它只是個上級分組，"
                                   "就在有成員的團隊裡寫上 `parent: support`，"
                                   "把這些團隊歸到它下面")):
        assert json_findings(folder, "--lang", lang)[0]["hint"] == hint


# --- 3: full-width fiscal years read as their ASCII forms ----------------------------------

OKRS = """\
- {kind: Team, id: ops, name: 运营部, lead: a, members: [a], responsibilities: [d]}
- {kind: Person, id: a, name: 张三}
- {kind: Responsibility, id: d, name: 日常运营, accountable: ops}
- kind: Objective
  id: o1
  title: 提升平台交易规模
  owner: ops
  key_results:
    - {id: kr1, title: ＦＹ２０２６ GMV 达到 10 亿元}
    - {id: kr2, title: ２０２６财年 GMV 达到 10 亿元}
    - {id: kr3, title: ＦＹ2026 新客数达到 100 万}
    - {id: kr4, title: ２０２６財年 GMV 達到 10 億元}
"""


def test_full_width_fiscal_years_in_key_results(write_org: Any) -> None:
    found = json_findings(write_org({"o.yaml": OKRS}))
    assert where(found) == [("OK003", "o.yaml", line, 17) for line in (9, 10, 11, 12)]
    written = ("ＦＹ２０２６", "２０２６财年", "ＦＹ2026", "２０２６財年")
    for f, said in zip(found, written, strict=True):
        assert f["hint"] == (f"{said!r} is a fiscal year, and its months are the company's: "
                             "write the key result's `due` (for a fiscal year that ends in "
                             "March: `due: 2026-03-31`), or the objective's `start` and `end`")


@pytest.mark.parametrize("period", ["ＦＹ２０２６", "ＦＹ2026", "２０２６财年", "ｆｙ２６"])
def test_full_width_fiscal_period(write_org: Any, period: str) -> None:
    text = OKRS.replace("  owner: ops\n", f"  owner: ops\n  period: {period}\n")
    found = json_findings(write_org({"o.yaml": text}))
    assert where(found) == [("SC003", "o.yaml", 8, 11)]
    assert found[0]["message"] == (f"objective 'o1': `period` {period!r} counts by fiscal year: "
                                   "orgspec cannot tell which months it covers")
    assert "`start: 2025-04-01`, `end: 2026-03-31`" in found[0]["hint"]


def test_fiscal_year_and_deadline_fold_width() -> None:
    from orgspec.text.measurable import fiscal_year, has_deadline

    assert fiscal_year("ＦＹ２０２６ GMV 达到 10 亿元") == "ＦＹ２０２６"
    assert fiscal_year("２０２６會計年度 GMV 達到 10 億元") == "２０２６會計年度"
    assert fiscal_year("GMV 达到 10 亿元") is None
    assert not has_deadline("ＦＹ２０２６ GMV 达到 10 亿元")  # a fiscal year bounds nothing
    assert has_deadline("GMV 达到 10 亿元，２０２６年Ｑ３")


# --- 4: two slips in one file name ---------------------------------------------------------

TEAMS = """\
- kind: Team
  id: ops
  name: 运营部
  lead: chen
  members: [chen]
"""
PEOPLE = "- {kind: Person, id: chen, name: 陈静}\n"
DUTY = "- {kind: Responsibility, id: promo, name: 大促, accountable: ops}\n"


@pytest.mark.parametrize(("name", "meant"), [
    ("teams.yaml.txt。", "teams.yaml"), ("teams.yml.txt ", "teams.yml"),
    ("teams.ymal.txt", "teams.yaml"), ("teams。yaml.txt", "teams.yaml"),
    ("teams.txt。", "teams.yaml")])
def test_two_slips_in_a_name_are_one_in019(write_org: Any, name: str, meant: str) -> None:
    found = json_findings(write_org({"people.yaml": PEOPLE, "duty.yaml": DUTY, name: TEAMS}))
    assert where(found) == [("IN019", name, 1, 1)]
    assert found[0]["message"] == (
        "left out of the org: orgspec reads only files whose names end in .yaml or .yml; "
        f"rename it to {meant!r} to have it read")


@pytest.mark.parametrize("name", ["notes.txt。", "teams.yaml.txt.bak", "teams.yaml.txt~"])
def test_other_names_stay_unsaid(write_org: Any, name: str) -> None:
    text = "notes about the org\n" if name.startswith("notes") else TEAMS
    folder = write_org({"people.yaml": PEOPLE, "teams.yaml": TEAMS, "duty.yaml": DUTY,
                        name: text})
    assert json_findings(folder) == []


def test_a_two_slip_copy_beside_the_file_is_a_copy(tmp_path: Path) -> None:
    from orgspec.load.nearnames import meant_name

    (tmp_path / "teams.ymal.txt").write_text(TEAMS, "utf-8")
    (tmp_path / "teams.txt。").write_text(TEAMS, "utf-8")
    beside = frozenset({"teams.yaml"})
    assert meant_name("teams.ymal.txt", str(tmp_path / "teams.ymal.txt"), beside) is None
    assert meant_name("teams.txt。", str(tmp_path / "teams.txt。"), beside) is None
    # Notepad's `.txt` beside the file is its newer edit, with a trailing 。 too
    assert meant_name("teams.yaml.txt。", str(tmp_path / "x"), beside) == "teams.yaml"
