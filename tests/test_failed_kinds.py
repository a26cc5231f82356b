"""A kind written as a word for it (`kind: 团队`, `kind: 團隊`, text.kindwords) is read the
same in a file that did not parse as in one that did: the findings that file's entities
would make false are held back (one mistake, one finding)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from orgspec.engine.lint import lint
from orgspec.load.config import Config, Selector

TODAY = dt.date(2026, 12, 2)


def found(root: Path, lang: str = "en") -> list[tuple[str, str, int]]:
    result = lint([str(root)], Config(lang=lang), today=TODAY)
    return [(f.code, Path(f.location.file).name, f.location.line) for f in result.findings]


# a team below `web` whose lead holds web's position; its members' list is not closed
BROKEN = """\
# 前端组：在 web 之下
- kind: {kind}
  id: web-sub
  name: 前端组
  parent: web
  lead: bo
  members: [bo
"""
LOADED = """\
- {kind: Person, id: ada, name: Ada}
- {kind: Person, id: bo, name: Bo}
- {kind: Team, id: web, name: Web, lead: ada, members: [ada]}
- {kind: Position, id: buyer, name: 买手, team: web, holders: [bo]}
"""


@pytest.mark.parametrize("kind", ["Team", "团队", "團隊", "部門", "小组", "Department",
                                  "'团队'", "\"團隊\""])
def test_a_team_in_a_file_that_did_not_parse_holds_back_what_it_would_answer(
        write_org, kind: str) -> None:
    """bo leads a team below web in the broken file: RO002's "not on its team" is not known
    to hold, whichever word the file writes its kind with."""
    root = write_org({"a.yaml": BROKEN.format(kind=kind), "b.yaml": LOADED})
    assert found(root) == [("IN001", "a.yaml", 8)]  # the summary says checks are incomplete


def test_a_full_width_colon_and_a_flow_mapping_are_read_too(write_org) -> None:
    broken = "- {kind：团队，id: web-sub, parent: web, lead: bo, members: [bo}\n"
    root = write_org({"a.yaml": broken, "b.yaml": LOADED})
    assert found(root) == [("IN001", "a.yaml", 1)]


def test_a_failed_file_of_other_kinds_still_lets_the_finding_through(write_org) -> None:
    """Only a file that may define a team holds RO002 back: one of people (人员) does not
    (bo is then on no team, and web answers for nothing): RO002 goes through, and is held
    back behind bo's HI007 (one mistake, one finding: `engine.noteam`)."""
    broken = "- kind: 人员\n  id: cy\n  name: [陈玉\n"
    root = write_org({"a.yaml": broken, "b.yaml": LOADED})
    assert found(root) == [("IN001", "a.yaml", 4),
                           ("HI007", "b.yaml", 2), ("OW006", "b.yaml", 3)]
    alone = lint([str(root)], Config(lang="en", ignore=[Selector("HI007", "test")]),
                 today=TODAY)
    assert [(f.code, Path(f.location.file).name, f.location.line) for f in alone.findings] \
        == [("IN001", "a.yaml", 4), ("OW006", "b.yaml", 3), ("RO002", "b.yaml", 4)]


def test_a_suppression_a_failed_chinese_kind_may_answer_is_not_called_unused(
        write_org) -> None:
    """web's `ignore` of HI002 (its children and their parents disagree) may be needed once
    the broken file, of a person and a 团队, loads: it is not said to suppress nothing."""
    broken = "- {kind: Person, id: cy, name: 陈玉}\n" + BROKEN.format(kind="团队")
    loaded = LOADED.replace("members: [ada]}", "members: [ada], children: [web-sub]}"
                            "  # orgspec: ignore[HI002] web-sub moves here")
    root = write_org({"a.yaml": broken, "b.yaml": loaded})
    assert found(root) == [("IN001", "a.yaml", 9)]
