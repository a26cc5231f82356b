"""A position's `holders` and people's `roles` that disagree were merged silently: RO006 says
so once per position, at its `holders`, with each person's side as a related location."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config, Selector

ONLY = Config(select=[Selector("RO006", "test")], lang="en")

TEAM = """\
- {kind: Team, id: cs, lead: lin, members: [lin, ma, wu]}
"""


def _found(org: Path) -> list[tuple[str, int, int, list[tuple[str, int, int, str]]]]:
    result, _ = lint_org([str(org)], ONLY, dt.date(2026, 11, 30))
    return [(Path(f.location.file).name, f.location.line, f.location.col,
             [(Path(r.location.file).name, r.location.line, r.location.col, r.message)
              for r in f.related]) for f in result.findings]


def test_both_kinds_of_disagreement_on_one_position_are_one_finding(write_org: Any) -> None:
    org = write_org({
        "teams.yaml": TEAM,
        "people.yaml": "- {kind: Person, id: lin, roles: [cs-lead]}\n"
                       "- {kind: Person, id: ma, roles: [cs-lead, cs-specialist]}\n"
                       "- {kind: Person, id: wu}\n",
        "positions.yaml": "- {kind: Position, id: cs-lead, team: cs, holders: [lin]}\n"
                          "- kind: Position\n  id: cs-specialist\n  team: cs\n"
                          "  holders: [lin, wu, 待招聘]\n",
    })
    assert _found(org) == [
        ("positions.yaml", 1, 43, [
            ("people.yaml", 2, 34, "'ma' lists 'cs-lead' in `roles`, but is not one of its "
                                   "`holders`")]),
        ("positions.yaml", 5, 3, [  # wu writes no roles: no disagreement
            ("people.yaml", 1, 27, "'lin' is one of its `holders`, but their `roles` do not "
                                   "list it"),
            ("people.yaml", 2, 43, "'ma' lists 'cs-specialist' in `roles`, but is not one of "
                                   "its `holders`")]),
    ]


@pytest.mark.parametrize("people", [
    # no `roles` on anyone: the position's side alone says it
    "- {kind: Person, id: lin}\n- {kind: Person, id: ma}\n",
    # the same on both sides
    "- {kind: Person, id: lin, roles: cs-lead}\n- {kind: Person, id: ma}\n",
])
def test_one_side_or_both_sides_agreeing_is_no_finding(write_org: Any, people: str) -> None:
    org = write_org({"teams.yaml": TEAM, "people.yaml": people,
                     "positions.yaml": "- {kind: Position, id: cs-lead, team: cs, "
                                       "holders: [lin]}\n"
                                       "- {kind: Position, id: cs-agent, team: cs}\n"})
    assert _found(org) == []


@pytest.mark.parametrize("holders", ["", ", holders: [待招聘]", ", holders: [TBD, 空缺]"])
def test_roles_alone_are_no_finding(write_org: Any, holders: str) -> None:
    """A position whose `holders` name no one (none, or open seats that the person's
    `roles` fill one of)."""
    org = write_org({"teams.yaml": TEAM,
                     "people.yaml": "- {kind: Person, id: ma, roles: [cs-agent]}\n",
                     "positions.yaml": "- {kind: Position, id: cs-agent, team: cs, "
                                       f"headcount: 2{holders}}}\n"})
    assert _found(org) == []


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "RO006 [警告] 岗位 'cs-lead' 的 `holders` 与人员的 `roles` 对谁任职说法不一"),
    ("zh-Hant", "RO006 [警告] 職位 'cs-lead' 的 `holders` 與人員的 `roles` 對誰任職說法不一"),
    ("en", "RO006 [warning] the `holders` of position 'cs-lead' and the `roles` of the people "
           "disagree on who holds it"),
])
def test_ro006_in_each_language(write_org: Any, lang: str, said: str) -> None:
    org = write_org({"o.yaml": TEAM + "- {kind: Person, id: ma, roles: [cs-lead]}\n"
                                      "- {kind: Position, id: cs-lead, team: cs, "
                                      "holders: [lin]}\n"
                                      "- {kind: Person, id: lin}\n"})  # an unknown holder
    # would hold RO006 back
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--select", "RO006",
                  "--lang", lang)
    assert run.stdout.splitlines()[0] == f"{org / 'o.yaml'}:3:43: {said}"
