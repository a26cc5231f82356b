"""One mistake, one finding, whose hint followed as written leaves the check clean (trial 34:
a Hong Kong / Shenzhen cross-border shop's org, `fixtures/trial34`, one slip at a time).

1. `accountable: [mgmt, hk-ops]` while hk-ops' charter says `{ref: promo-planning, role:
   responsible}`: OW001 alone (it was OW001 and OW004), its hint moving hk-ops to
   `responsible` as its charter says, the charter entry a related location.
2. 陳志明 `roles: [live-host]` typed for `[cs-agent]`: RO006 alone, naming the slip (it was
   RO002, RO006 and SU001, and RO002's hint followed left RO006 and SU001).
3. A tab before a list item: the hint gives the column to indent to, as for a field.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from orgspec.engine.lint import check_cached, lint, lint_org
from orgspec.findings import Finding
from orgspec.load.cache import Cache
from orgspec.load.config import Config

ORG = Path(__file__).resolve().parent / "fixtures" / "trial34" / "org"
TODAY = dt.date(2026, 12, 5)  # before the RO001 suppression's `until=2027-02-28`


def slipped(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    """The org with `old` written as `new` in file `rel`."""
    org = tmp_path / "org"
    shutil.copytree(ORG, org)
    if old or new:
        edit(org / rel, old, new)
    return org


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def check(org: Path, lang: str = "en") -> list[Finding]:
    return lint([str(org)], Config(lang=lang), today=TODAY).findings


def where(findings: list[Finding]) -> list[tuple[str, str, int]]:
    return [(f.code, Path(f.location.file).name, f.location.line) for f in findings]


def test_the_org_is_clean(tmp_path: Path) -> None:
    assert check(slipped(tmp_path, "teams.yaml", "", "")) == []


# 1. a team written into `accountable` whose charter gives it another role

PROMO = ("  accountable: mgmt\n  consulted: [sz-warehouse, sz-engineering]\n",
         "  accountable: [mgmt, hk-ops]\n  consulted: [sz-warehouse, sz-engineering]\n")
PROMO_HINT = ("in the duty (line 53) write `accountable: mgmt` and `responsible: hk-ops`, as "
              "hk-ops's charter says (line 36) (1 finding that follows from this mistake is "
              "held back until it is fixed: OW004 on team 'hk-ops')")


def test_a_second_accountable_team_its_charter_makes_responsible_is_ow001_alone(
        tmp_path: Path) -> None:
    found = check(slipped(tmp_path, "duties.yaml", *PROMO))
    assert where(found) == [("OW001", "duties.yaml", 53)]  # was OW001 and OW004 (teams:36)
    [f] = found
    assert [(Path(r.location.file).name, r.location.line, r.location.col, r.message)
            for r in f.related] == [
        ("duties.yaml", 53, 23, "hk-ops is accountable here"),
        ("teams.yaml", 36, 7, "hk-ops's charter makes it responsible here")]
    assert f.hint == PROMO_HINT


@pytest.mark.parametrize(("lang", "hint"), [
    ("zh", "在该职责里（第 53 行）写 `accountable: mgmt` 和 `responsible: hk-ops`，与 hk-ops 的"
           "职责清单（第 36 行）一致"),
    ("zh-Hant", "在該職責裡（第 53 行）寫 `accountable: mgmt` 和 `responsible: hk-ops`，與 hk-ops "
                "的職責清單（第 36 行）一致"),
])
def test_the_overlap_hint_is_said_in_chinese(tmp_path: Path, lang: str, hint: str) -> None:
    [f] = check(slipped(tmp_path, "duties.yaml", *PROMO), lang)
    assert f.hint.startswith(hint + "（")
    assert "OW004" in f.hint


def test_the_overlap_hint_followed_as_written_is_clean(tmp_path: Path) -> None:
    org = slipped(tmp_path, "duties.yaml", *PROMO)
    edit(org / "duties.yaml", "  accountable: [mgmt, hk-ops]\n",
         "  accountable: mgmt\n  responsible: hk-ops\n")
    assert check(org) == []


def test_with_responsible_written_the_hint_moves_the_team(tmp_path: Path) -> None:
    org = slipped(tmp_path, "duties.yaml", PROMO[0],
                  PROMO[1] + "  responsible: [sz-warehouse]\n")
    [f] = check(org)
    assert (f.code, f.location.line) == ("OW001", 53)
    assert f.hint.startswith("in the duty (line 53) move hk-ops from `accountable` to "
                             "`responsible`, as its charter says (line 36): mgmt is then its "
                             "one accountable owner (")
    edit(org / "duties.yaml", "  accountable: [mgmt, hk-ops]\n", "  accountable: [mgmt]\n")
    edit(org / "duties.yaml", "  responsible: [sz-warehouse]\n",
         "  responsible: [sz-warehouse, hk-ops]\n")
    assert check(org) == []


def test_a_charter_that_agrees_with_neither_owner_keeps_both_findings(tmp_path: Path) -> None:
    # two teams' charters disagree with `accountable`: no one slip, the findings as they were
    org = slipped(tmp_path, "duties.yaml", *PROMO)
    edit(org / "teams.yaml",
         "  responsibilities:\n    - promo-planning\n    - supplier-management\n",
         "  responsibilities:\n    - {ref: promo-planning, role: consulted}\n"
         "    - supplier-management\n")
    assert sorted(where(check(org))) == [("OW001", "duties.yaml", 53),
                                         ("OW004", "teams.yaml", 9), ("OW004", "teams.yaml", 36)]


# 2. a person's `roles` naming another team's position in place of their own team's

ROLES = ("manager: lee-ka-yan, roles: [cs-agent]}\n- {kind: Person, id: wong-mei-ling",
         "manager: lee-ka-yan, roles: [live-host]}\n- {kind: Person, id: wong-mei-ling")
ROLES_HINT = ("'chan-chi-ming' lists 'live-host' in `roles` (line 4), a position of 'hk-ops', "
              "which they are not on, while 'cs-agent', a position of their team 'hk-cs', names "
              "them in its `holders`: write `roles: [cs-agent]` (2 findings that follow from "
              "this mistake are held back until it is fixed: RO002 on position 'live-host', "
              "SU001)")


def test_a_position_of_another_team_in_roles_is_ro006_alone(tmp_path: Path) -> None:
    found = check(slipped(tmp_path, "people.yaml", *ROLES))
    # was RO002 (people:4), RO006 (positions:7) and SU001 (positions:33)
    assert where(found) == [("RO006", "positions.yaml", 7)]
    [f] = found
    assert [(Path(r.location.file).name, r.location.line, r.location.col)
            for r in f.related] == [("people.yaml", 4, 147)]  # at `live-host` in `roles`
    assert f.related[0].message == ("'chan-chi-ming' is one of its `holders`, but their `roles` "
                                    "list 'live-host' here, a position of 'hk-ops', which "
                                    "they are not on")
    assert f.hint == ROLES_HINT


@pytest.mark.parametrize(("lang", "hint"), [
    ("zh", "'chan-chi-ming' 的 `roles`（第 4 行）写的是 'live-host'，那是 'hk-ops' 的岗位，而此人"
           "不在该团队；此人所在团队 'hk-cs' 的岗位 'cs-agent' 的 `holders` 却列了此人：写成 "
           "`roles: [cs-agent]`（"),
    ("zh-Hant", "'chan-chi-ming' 的 `roles`（第 4 行）寫的是 'live-host'，那是 'hk-ops' 的職位，而"
                "此人不在該團隊；此人所在團隊 'hk-cs' 的職位 'cs-agent' 的 `holders` 卻列了此人："
                "寫成 `roles: [cs-agent]`（"),
])
def test_the_roles_hint_is_said_in_chinese(tmp_path: Path, lang: str, hint: str) -> None:
    [f] = check(slipped(tmp_path, "people.yaml", *ROLES), lang)
    assert f.hint.startswith(hint)
    assert "`roles: [cs-agent]`" in f.hint


def test_the_roles_hint_followed_as_written_is_clean(tmp_path: Path) -> None:
    org = slipped(tmp_path, "people.yaml", *ROLES)
    [f] = check(org)
    assert "write `roles: [cs-agent]`" in f.hint
    edit(org / "people.yaml", "roles: [live-host]", "roles: [cs-agent]")
    assert check(org) == []  # the RO001 suppression on live-host is used again


def test_an_unused_suppression_of_its_own_is_not_held(tmp_path: Path) -> None:
    # live-host has a holder of its own: its suppression is unused whatever `roles` says
    org = slipped(tmp_path, "people.yaml", *ROLES)
    edit(org / "positions.yaml", "  team: hk-ops\n", "  team: hk-ops\n  holders: [lau-ka-ho]\n")
    found = check(org)
    assert where(found) == [("RO006", "positions.yaml", 7), ("SU001", "positions.yaml", 33)]
    assert found[0].hint.endswith("RO002 on position 'live-host', RO006 on position "
                                  "'live-host')")  # the one live-host's `holders` make: held


def test_roles_naming_a_position_of_another_team_without_one_of_theirs_stays_ro002(
        tmp_path: Path) -> None:
    # no position of 陳志明's team names him: no slip to name, RO002's finding as it was
    org = slipped(tmp_path, "people.yaml", *ROLES)
    edit(org / "positions.yaml", "  holders: [chan-chi-ming, wong-mei-ling]\n",
         "  holders: [wong-mei-ling]\n")
    codes = [f.code for f in check(org)]
    assert "RO002" in codes and "RO006" not in codes


def test_the_slips_through_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each slip made and fixed through the cache: the findings (with hints) equal a run
    without it."""
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    monkeypatch.setenv("ORGSPEC_SMALL_ORG_BYTES", "0")  # the paths of a large org
    org = slipped(tmp_path, "teams.yaml", "", "")
    paths, config, folder = [str(org)], Config(lang="en"), str(tmp_path / "cache")
    check_cached(paths, config, Cache(folder), TODAY)
    edits = [("duties.yaml", *PROMO), ("people.yaml", *ROLES),
             ("duties.yaml", PROMO[1], PROMO[0]), ("teams.yaml", *TAB_ITEM),
             ("people.yaml", ROLES[1], ROLES[0]), ("teams.yaml", TAB_ITEM[1], TAB_ITEM[0])]
    for rel, old, new in edits:
        edit(org / rel, old, new)
        plain = lint_org(paths, config, TODAY)[0]
        got = check_cached(paths, config, Cache(folder), TODAY)
        assert [(f.code, f.location, f.hint) for f in got.findings] == \
            [(f.code, f.location, f.hint) for f in plain.findings], (rel, new)
    assert got.findings == []


# 3. a tab before a list item: the column to indent to, as for a field

TAB_ITEM = ("    - platform-uptime\n", "\t- platform-uptime\n")  # line 61 of teams.yaml


@pytest.mark.parametrize(("lang", "hint"), [
    ("en", "replace the tab with spaces: indent `- platform-uptime` by 4 spaces, two more than "
           "`responsibilities:` on line 60"),
    ("zh", "把制表符换成空格：`- platform-uptime` 缩进 4 个空格，比第 60 行的 "
           "`responsibilities:` 多两个"),
    ("zh-Hant", "把定位字元換成空格：`- platform-uptime` 縮排 4 個空格，比第 60 行的 "
                "`responsibilities:` 多兩個"),
])
def test_a_tab_before_a_list_item_is_said_with_the_column(
        tmp_path: Path, lang: str, hint: str) -> None:
    found = check(slipped(tmp_path, "teams.yaml", *TAB_ITEM), lang)
    assert where(found) == [("IN001", "teams.yaml", 61)]
    assert found[0].hint == hint


def test_a_tab_before_a_later_item_aligns_with_the_item_above(tmp_path: Path) -> None:
    org = slipped(tmp_path, "teams.yaml", "    - payment-reconciliation\n",
                  "\t- payment-reconciliation\n")
    [f] = check(org)
    assert (f.code, f.location.line) == ("IN001", 35)
    assert f.hint == ("replace the tab with spaces: indent `- payment-reconciliation` by 4 "
                      "spaces, in line with the list item on line 34")


def test_a_tab_before_an_entity_goes_to_column_1(tmp_path: Path) -> None:
    org = slipped(tmp_path, "teams.yaml", "\n- kind: Team\n  id: hk-ops",
                  "\n\t- kind: Team\n  id: hk-ops")
    [f] = check(org)
    assert (f.code, f.location.line) == ("IN001", 25)
    assert f.hint == ("remove the tab: `- kind: Team` then starts in column 1, in line with the "
                      "list item on line 12")


@pytest.mark.parametrize(("old", "new"), [
    TAB_ITEM, ("    - payment-reconciliation\n", "\t- payment-reconciliation\n"),
    ("\n- kind: Team\n  id: hk-ops", "\n\t- kind: Team\n  id: hk-ops"),
])
def test_the_tab_hint_followed_as_written_is_clean(tmp_path: Path, old: str, new: str) -> None:
    org = slipped(tmp_path, "teams.yaml", old, new)
    [f] = check(org)
    spaces = 0 if f.hint.startswith("remove the tab") else \
        int(f.hint.split(" by ", 1)[1].split(" ", 1)[0])
    edit(org / "teams.yaml", "\t", " " * spaces)
    assert check(org) == []
