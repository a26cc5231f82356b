"""A reference to a former id (`aliases:`) names the entity that keeps it: one RF005 per
such reference, and nothing else (no RF001, no person on no team, no coordination gap)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config, Selector

TODAY = dt.date(2026, 11, 30)
ALL = Config(extends="strict", select=[Selector("ALL", "test")], lang="en")

# team `technology` was `tech`, duty `uptime` was `stability`, person `li` was `li-qiang`
# and position `sre` was `ops-engineer`; every other file still says the old ids
NEW = """\
- kind: Team
  id: company
  name: 公司
  lead: wang
  members: [wang]
  responsibilities: [hiring]
- kind: Team
  id: technology
  aliases: [tech]
  name: 技术部
  parent: company
  lead: li
  members: [li, zhao]
  responsibilities: [uptime]
- {kind: Person, id: wang, name: 王芳}
- {kind: Person, id: li, name: 李强, aliases: li-qiang}
- {kind: Responsibility, id: uptime, aliases: stability, name: 稳定性, accountable: technology}
- {kind: Responsibility, id: hiring, name: 招聘, accountable: company, consulted: technology}
- {kind: Role, id: sre, aliases: ops-engineer, name: 运维, team: technology, holders: [zhao]}
"""
OLD_REFS = """\
- {kind: Person, id: zhao, name: 赵六, roles: [ops-engineer]}
- kind: Meeting
  id: weekly
  name: 技术周会
  cadence: 每周一 10:00
  owner: tech
  attendees: [tech, company]
- kind: Objective
  id: o1
  title: 稳定
  owner: tech
  period: 2026-Q4
  key_results:
    - {id: k1, title: 可用性从 99.9% 提升到 99.95%, owner: li-qiang}
- kind: Process
  id: release
  owner: tech
  responsibility: stability
  steps:
    - {id: build, owner: tech, tracker: company}
"""


def _findings(org: Path) -> list[tuple[str, str, int, int, str]]:
    result, _ = lint_org([str(org)], ALL, TODAY)
    return [(f.code, Path(f.location.file).name, f.location.line, f.location.col,
             f.message) for f in result.findings]


def test_former_ids_are_read_as_the_entity_with_one_finding_each(write_org: Any) -> None:
    old = write_org({"a-new.yaml": NEW, "b-refs.yaml": OLD_REFS})
    got = _findings(old)
    renamed = [f for f in got if f[0] == "RF005"]
    # one for each former id: `tech`'s five references are one (trial 31), the others its
    # related locations
    assert [(f[2], f[3]) for f in renamed] == [(1, 46), (6, 10), (14, 53), (18, 19)]
    assert renamed[0][4] == "'ops-engineer' in `roles` is a former id of position 'sre'"
    assert renamed[2][4] == "'li-qiang' in `owner` is a former id of person 'li'"
    result, _ = lint_org([str(old)], ALL, TODAY)
    tech = next(f for f in result.findings if f.code == "RF005" and f.location.line == 6)
    assert [(r.location.line, r.location.col) for r in tech.related] == [
        (7, 15), (11, 10), (17, 10), (20, 26)]
    # everything else is what the org says with the current ids written
    current = OLD_REFS.replace("ops-engineer", "sre").replace("li-qiang", "li") \
        .replace("stability", "uptime").replace(": tech", ": technology") \
        .replace("[tech,", "[technology,").replace("owner: tech,", "owner: technology,")
    assert "tech," not in current and " tech\n" not in current
    (old / "b-refs.yaml").write_text(current, "utf-8")
    assert [f for f in got if f[0] != "RF005"] == _findings(old)


def test_rf005_is_a_warning_with_the_id_to_write(write_org: Any) -> None:
    org = write_org({"a-new.yaml": NEW, "b-refs.yaml": OLD_REFS})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--select", "RF", "--lang",
                  "en")
    assert run.code == 0, run.stdout
    assert run.stdout.splitlines()[:2] == [
        f"{org / 'b-refs.yaml'}:1:46: RF005 [warning] 'ops-engineer' in `roles` is a former "
        "id of position 运维 (sre)",
        "    hint: write `sre`: 'ops-engineer' is kept in its `aliases` only so that old links "
        "still work"]


@pytest.mark.parametrize(("lang", "line"), [
    ("zh", "`owner` 中的 'tech' 是团队 技术部 (technology) 以前的 id"),
    ("zh-Hant", "`owner` 中的 'tech' 是團隊 技术部 (technology) 以前的 id"),
    ("en", "'tech' in `owner` is a former id of team 技术部 (technology)"),
])
def test_rf005_speaks_chinese_and_names_the_team(write_org: Any, lang: str, line: str) -> None:
    """Trial 14: RF005 said the team by its id in code (团队 `warehouse`) where every other
    message names it (仓储物流部 (warehouse)); the hint still gives the id to write. The
    finding's fingerprint is the one it had before (as a baseline or code scanning keeps
    it)."""
    org = write_org({"o.yaml": "- {kind: Team, id: technology, name: 技术部, aliases: tech}\n"
                               "- {kind: Meeting, id: m, owner: tech}\n"})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--select", "RF005",
                  "--lang", lang)
    lines = run.stdout.splitlines()
    assert lines[0].endswith(line), run.stdout
    assert "`technology`" in lines[1]
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--select", "RF005",
                  "--format", "json")
    assert [(f["code"], f["fingerprint"]) for f in json.loads(run.stdout)["findings"]] == [
        ("RF005", "80b53b83b1d3bafa")]  # as main 4ae2e4b gave it, before the change


def test_an_id_in_use_is_never_read_as_a_former_one(write_org: Any) -> None:
    """`aliases: [ops]` on team `operations` while person `ops` exists: `ops` is the person
    wherever a person may be named (a lead, a meeting's owner); two teams claiming one
    former id: the first by id takes it; a current team id in another's aliases: none."""
    org = write_org({"o.yaml": """\
- {kind: Team, id: operations, aliases: [ops, sales], lead: ops, members: [ops]}
- {kind: Team, id: b-team, aliases: [old], lead: ops, members: [ops]}
- {kind: Team, id: a-team, aliases: [old], lead: ops, members: [ops]}
- {kind: Team, id: sales, lead: ops, members: [ops]}
- {kind: Person, id: ops}
- {kind: Meeting, id: m1, owner: ops, attendees: [old, sales]}
"""})
    got = [(f[0], f[2], f[4]) for f in _findings(org) if f[0].startswith("RF")]
    assert got == [("RF006", 1, "'sales' in `aliases` is the id of another team"),
                   ("RF006", 2, "'old' in `aliases` is also a former id of team 'a-team'"),
                   ("RF005", 6, "'old' in `attendees` is a former id of team 'a-team'")]


def test_a_charter_claim_by_a_former_duty_id_is_the_duty(write_org: Any) -> None:
    """The team's charter claims the duty by its former id: no team without duties, no
    unclaimed duty, no charter disagreement."""
    org = write_org({"o.yaml": """\
- {kind: Team, id: t, lead: p, members: [p], responsibilities: [{ref: old, role: accountable}]}
- {kind: Person, id: p}
- {kind: Responsibility, id: new, aliases: old, accountable: t}
- {kind: Role, id: r, team: t, holders: [p], duties: [old]}
"""})
    # the two references to `old` are one RF005 (trial 31)
    assert [(f[0], f[2], f[3]) for f in _findings(org) if f[0][:2] in ("RF", "OW", "RO")] == \
        [("RF005", 1, 71)]


def test_an_alias_that_can_never_work_is_one_rf006_at_it(write_org: Any) -> None:
    """Its own id, another team's current id, a former id an earlier team keeps too."""
    org = write_org({"o.yaml": """\
- {kind: Team, id: technology, aliases: [tech, it], lead: p, members: [p]}
- {kind: Team, id: cs, aliases: [tech, cs], parent: technology, lead: p, members: [p]}
- {kind: Team, id: ops, aliases: [cs], parent: technology, lead: p, members: [p]}
- {kind: Person, id: p}
"""})
    got = [(f[0], f[2], f[3], f[4]) for f in _findings(org) if f[0] == "RF006"]
    assert got == [
        ("RF006", 1, 42, "'tech' in `aliases` is also a former id of team 'cs'"),
        ("RF006", 2, 40, "'cs' in `aliases` is the id of this team itself"),
        ("RF006", 3, 35, "'cs' in `aliases` is the id of another team"),
    ]


@pytest.mark.parametrize(("lang", "words"), [("zh", "同一个人员"), ("zh-Hant", "同一個人員"),
                                             ("en", "is the same person as 'hj'")])
def test_a_person_listed_by_a_former_and_a_current_id_is_named_as_one(
        write_org: Any, lang: str, words: str) -> None:
    org = write_org({"o.yaml": "- {kind: Team, id: t, lead: he-jing, members: [hj, he-jing]}\n"
                               "- {kind: Person, id: he-jing, aliases: [hj]}\n"})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--select", "RF004",
                  "--lang", lang)
    first = run.stdout.splitlines()[0]
    assert ":1:52: RF004" in first and words in first and "'hj'" in first, run.stdout


def test_rf005_names_the_field_the_user_wrote(write_org: Any) -> None:
    """A bare charter item or duty has no `ref` in the file: the finding names the list.
    (Three former ids: references to one former id are one RF005.)"""
    org = write_org({"o.yaml": (
        "- {kind: Responsibility, id: refund, aliases: [refunds, rf, tk], accountable: cs}\n"
        "- {kind: Team, id: cs, lead: li, members: [li], responsibilities: [refunds]}\n"
        "- {kind: Team, id: ops, responsibilities: [{ref: rf, role: consulted}]}\n"
        "- {kind: Person, id: li}\n"
        "- {kind: Role, id: clerk, team: cs, holders: [li], duties: [tk]}\n")})
    got = [(f[2], f[4]) for f in _findings(org) if f[0] == "RF005"]
    assert got == [
        (2, "'refunds' in `responsibilities` is a former id of duty 'refund'"),
        (3, "'rf' in `ref` is a former id of duty 'refund'"),
        (5, "'tk' in `duties` is a former id of duty 'refund'")]


def test_the_org_lists_the_entities_with_aliases_as_they_join(write_org: Any) -> None:
    """`Org.aliased`: what `model.aliases` reads instead of walking every entity; a second
    definition of an id (RF002) never joins, so its aliases are not the id's."""
    from orgspec.engine.lint import load_org
    from orgspec.model.aliases import former_keys

    org = write_org({"a-new.yaml": NEW, "b-refs.yaml": OLD_REFS,
                     "c-dup.yaml": "- {kind: Person, id: wang, aliases: [wang-fang]}\n"})
    loaded = load_org([str(org)], ALL)
    assert loaded.org.aliased == {"Team": ["technology"], "Person": ["li"],
                                  "Responsibility": ["uptime"], "Role": ["sre"]}
    assert former_keys(loaded.org) == {
        "team:technology": ("team:tech",), "person:li": ("person:li-qiang",),
        "responsibility:uptime": ("responsibility:stability",),
        "role:sre": ("role:ops-engineer",)}
