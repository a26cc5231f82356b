"""Trial 35: a team `parent` cycle (`parent: ying-yun-bu` added to 總經理室, the root) is
HI001's one finding, naming the teams as every finding does (it gave ids only, where HI009
gives names), and a finding judged on the tree the loop makes is held back behind it: OK013
said 營運部's objective was above 技術部's only because 總經理室 now hung below 營運部."""

from __future__ import annotations

from orgspec.engine.lint import lint
from orgspec.load.config import Config

ORG = """\
- {{kind: Person, id: hk001, name: 黃家明}}
- {{kind: Person, id: hk002, name: 陳美玲}}
- {{kind: Person, id: hk008, name: 鄭浩然}}
- {{kind: Responsibility, id: ops-duty, name: 營運, accountable: [ying-yun-bu]}}
- {{kind: Responsibility, id: tech-duty, name: 技術, accountable: [ji-shu-bu]}}
- {{kind: Responsibility, id: mgmt-duty, name: 管理, accountable: [zong-jing-li-shi]}}
- kind: Team
  id: zong-jing-li-shi
  name: 總經理室{parent}
  lead: hk001
  members: [hk001]
  responsibilities: [mgmt-duty]
- {{kind: Team, id: ying-yun-bu, name: 營運部, parent: zong-jing-li-shi, lead: hk002,
    members: [hk002], responsibilities: [ops-duty]}}
- {{kind: Team, id: ji-shu-bu, name: 技術部, parent: zong-jing-li-shi, lead: hk008,
    members: [hk008], responsibilities: [tech-duty]}}
- {{kind: Objective, id: ops-q4, title: 雙十一大促創新高, owner: ying-yun-bu, period: 2026-Q4,
    key_results: [{{id: gmv, title: 雙十一當日 GMV 由 800 萬港元增長到 1200 萬港元}}]}}
- {{kind: Objective, id: tech-q4, title: 大促期間系統零重大事故, owner: ji-shu-bu,
    period: 2026-Q4, key_results: [{{id: sev1, title: 一級事故由 3 宗減少到 0 宗}}]}}
"""

QUIET = ("OK015", "MT005")  # no objective for today's period; no meetings in this org


def _found(write_org, parent: str, lang: str = "en") -> list[tuple[str, str, int, str]]:
    folder = write_org({"org.yaml": ORG.format(parent=parent)})
    result = lint([str(folder)], Config(lang=lang))
    return [(f.code, f.location.file.rsplit("/", 1)[-1], f.location.line, f.message, f.hint)
            for f in result.findings if f.code not in QUIET]


def test_the_tree_without_the_loop_has_nothing_to_report(write_org) -> None:
    assert _found(write_org, "") == []


def test_a_parent_cycle_is_one_finding_naming_the_teams(write_org) -> None:
    assert _found(write_org, "\n  parent: ying-yun-bu") == [
        ("HI001", "org.yaml", 14,
         "teams form a parent cycle: 營運部 (ying-yun-bu) -> 總經理室 (zong-jing-li-shi) -> "
         "營運部 (ying-yun-bu)",
         "every chain of `parent` must end at a root team (1 finding that follows from this "
         "mistake is held back until it is fixed: OK013 on objective 'tech-q4')")]


def test_the_cycle_is_said_with_names_in_traditional_chinese(write_org) -> None:
    [(code, _, line, message, _)] = _found(write_org, "\n  parent: ying-yun-bu", "zh-Hant")
    assert (code, line) == ("HI001", 14)
    assert "營運部 (ying-yun-bu) -> 總經理室 (zong-jing-li-shi) -> 營運部 (ying-yun-bu)" in message


def test_with_hi001_turned_off_nothing_is_held_behind_it(write_org) -> None:
    from orgspec.load.config import Selector

    folder = write_org({"org.yaml": ORG.format(parent="\n  parent: ying-yun-bu")})
    result = lint([str(folder)], Config(lang="en", ignore=[Selector("HI001", "HI001")]))
    assert [(f.code, f.location.line) for f in result.findings if f.code not in QUIET] == [
        ("OK013", 20)]
