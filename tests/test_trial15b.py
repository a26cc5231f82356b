"""What a fresh HR user met (trial 15, 2026-12: Shenzhen and Taipei, an XLSX roster, GitLab
CI): one wrong `team:` on a position reported three times, none at the `team:`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import json_findings as check
from conftest import run_cli, where

TEAMS = """\
- kind: Team
  id: company
  name: 总经办
  lead: zhou
  members: [zhou]
- kind: Team
  id: marketing
  name: 市场部
  names: {en: Marketing}
  parent: company
  lead: zhao
  members: [zhao, sun, qian]
  responsibilities: [brand-campaign]
- kind: Team
  id: operations
  name: 运营部
  parent: company
  lead: liu
  members: [liu]
  responsibilities: [store-operations]
"""
PEOPLE = """\
- {kind: Person, id: zhou, name: 周建国}
- {kind: Person, id: zhao, name: 赵敏}
- {kind: Person, id: sun, name: 孙丽}
- {kind: Person, id: qian, name: 钱多多}
- {kind: Person, id: liu, name: 刘洋}
- {kind: Person, id: lone, name: 独行}
"""
DUTIES = """\
- {kind: Responsibility, id: brand-campaign, name: 品牌推广, accountable: marketing}
- {kind: Responsibility, id: store-operations, name: 店铺运营, accountable: operations}
"""
POSITION = """\
- kind: Position
  id: brand-specialist
  name: 品牌专员
  team: operations
  holders: [sun, qian]
  duties: [brand-campaign]
"""


def org(write_org, position: str = POSITION, people: str = PEOPLE) -> Path:
    return write_org({"teams.yaml": TEAMS, "people.yaml": people, "duties.yaml": DUTIES,
                      "positions.yaml": position})


# 9. `team: operations` written for `marketing`: one finding, at the `team:` line

def test_a_wrong_team_is_one_finding_at_its_line(write_org) -> None:
    found = [f for f in check(org(write_org)) if f["code"] in ("RO002", "RO003")]
    assert where(found) == [("RO002", "positions.yaml", 4, 3)]
    assert found[0]["message"] == (
        "qian, sun hold position 'brand-specialist', but none of them is on its team "
        "'operations', whose charter does not cover its duties brand-campaign either")
    assert found[0]["hint"] == ("if the position belongs to 'marketing', where its holders "
                                "are, write `team: marketing`; otherwise add its holders to "
                                "'operations'")
    text = run_cli("check", "--isolated", "--no-cache", "--lang", "zh", ".",
                   cwd=org(write_org)).stdout
    assert "positions.yaml:4:3: RO002 [警告] 钱多多 (qian)、孙丽 (sun) 担任岗位 品牌专员 " \
           "(brand-specialist)，但都不在该岗位所属团队 运营部 (operations) 中，该团队的职责清单" \
           "也不含该岗位的职责 品牌推广 (brand-campaign)\n" in text
    assert "建议: 如果该岗位属于任职者所在的 市场部 (marketing)，写 `team: marketing`；否则把" \
           "任职者加入 运营部 (operations) 的成员\n" in text
    assert "RO003" not in text


def test_the_duties_come_back_when_the_wrong_team_is_not_reported(write_org) -> None:
    """RO002 turned off: nothing stands for the duties outside the charter."""
    found = check(org(write_org), "--ignore", "RO002")
    assert [w for w in where(found) if w[0].startswith("RO")] == [
        ("RO003", "positions.yaml", 6, 12)]


def test_one_holder_and_no_duty_outside_stays_a_finding_at_the_holder(write_org) -> None:
    """One finding either way: the holder, not the team, may be what is wrong."""
    position = POSITION.replace("[sun, qian]", "[sun]").replace("[brand-campaign]",
                                                                "[store-operations]")
    found = [f for f in check(org(write_org, position)) if f["code"].startswith("RO")]
    assert where(found) == [("RO002", "positions.yaml", 5, 13)]
    assert found[0]["message"] == "'sun' holds position 'brand-specialist' but is not on " \
                                  "its team 'operations'"


def test_one_holder_on_the_team_keeps_each_finding(write_org) -> None:
    """Someone of the position is on its team: the team is right, the rest are not."""
    position = POSITION.replace("[sun, qian]", "[sun, qian, liu]")
    found = [f for f in check(org(write_org, position)) if f["code"].startswith("RO")]
    assert where(found) == [("RO002", "positions.yaml", 5, 13),
                            ("RO002", "positions.yaml", 5, 18),
                            ("RO003", "positions.yaml", 6, 12)]


def test_holders_on_no_team_are_hi007s_not_a_wrong_team(write_org) -> None:
    position = POSITION.replace("[sun, qian]", "[lone]")
    found = [f for f in check(org(write_org, position)) if f["code"] in ("HI007", "RO002",
                                                                       "RO003")]
    assert [f["code"] for f in found] == ["HI007", "RO003"]


def test_no_team_the_holders_share_gives_the_plain_hint(write_org) -> None:
    """liu on operations, zhou on the company, the position on marketing: the only team
    both are on or below is the company, above marketing, so no move is suggested."""
    teams_position = POSITION.replace("team: operations", "team: marketing") \
        .replace("[sun, qian]", "[liu, zhou]").replace("[brand-campaign]",
                                                      "[store-operations]")
    found = [f for f in check(org(write_org, teams_position)) if f["code"].startswith("RO")]
    assert where(found) == [("RO002", "positions.yaml", 4, 3)]
    assert found[0]["hint"] == "write the team the position belongs to in `team:`, or add " \
                               "its holders to 'marketing'"


def test_a_renamed_duty_is_said_with_its_new_name_after_a_cached_run(write_org) -> None:
    """The finding at a wrong `team:` quotes the duties' ids, said with their names as the
    output is written: with a duty's name edited, a run through the cache gives what a
    fresh check gives."""
    root = org(write_org)

    def run(*args: str) -> str:
        return run_cli("check", ".", "--isolated", *args, cwd=root, fresh=True).stdout

    def rename(old: str, new: str) -> None:
        duties = root / "duties.yaml"
        duties.write_text(duties.read_text("utf-8").replace(old, new), "utf-8")

    run(), run()
    rename("品牌推广", "品牌推广U")
    run(), run("--no-cache")
    rename("品牌推广U", "品牌推广T")
    got = run()
    assert "品牌推广T (brand-campaign)" in got
    assert got == run("--no-cache")


# 7. `consulted: [marketing]`: the team's English name, as `who` finds it

@pytest.mark.parametrize(("written", "meant"), [
    ("marketing", "marketing-team"),  # its `names: {en: Marketing}`
    ("Marketing", "marketing-team"),
    ("shichangbu", "marketing-team"),  # 市场部's pinyin, no hyphens
    ("yun-ying-bu", "operations"),  # 运营部's pinyin
    ("yunyingbu", "operations"),
    ("brandspecialist", "brand-specialist"),  # an id without its hyphens
])
def test_an_unknown_id_is_matched_by_other_names_and_pinyin(write_org, written: str,
                                                            meant: str) -> None:
    teams = TEAMS.replace("id: marketing\n", "id: marketing-team\n")
    duties = DUTIES.replace("accountable: marketing}", "accountable: marketing-team}") \
        .replace("accountable: operations}", f"accountable: operations, consulted: [{written}]}}")
    root = write_org({"teams.yaml": teams, "people.yaml": PEOPLE, "duties.yaml": duties,
                      "positions.yaml": POSITION.replace("team: operations",
                                                         "team: marketing-team")})
    found = [f for f in check(root) if f["code"] == "RF001"]
    assert [(f["line"], f["hint"]) for f in found] == [(2, f"did you mean '{meant}'?")]


# 5c. `--diff`: a fixed finding names what it is about as a new one does

def test_a_fixed_finding_in_the_diff_names_its_entities(write_org) -> None:
    from conftest import git

    position = POSITION.replace("team: operations", "team: marketing") + \
        "  kpis: [提升品牌影响力]\n"
    root = org(write_org, position)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "org")
    (root / "positions.yaml").write_text(position.replace(
        "[提升品牌影响力]", "[品牌曝光量从 100 万提升到 150 万（2026年12月31日前）]"), "utf-8")
    run = run_cli("check", ".", "--isolated", "--no-cache", "--diff", "HEAD", "--lang", "en",
                  cwd=root)
    assert "  fixed: RO004 KPI '提升品牌影响力' of position 品牌专员 (brand-specialist) is not " \
           "measurable: '提升' without a target value\n" in run.stdout
