"""Findings carry the teams they involve (`Finding.teams`, team ids): the team that owns the
entity a finding is about (the engine's) and the teams the rule names (the check's). The
report's team filter and team health, the site's team pages and health, and JSON read them;
nothing guesses teams from a message's words."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint, lint_org
from orgspec.findings import Finding
from orgspec.load.config import Config, Selector
from orgspec.report.render import render_html
from orgspec.report.view import build_view

# 华东电商: customer service (cs) and fulfilment (ops) share the refund duty with no meeting
# in common; a parent cycle, a children list that disagrees, two teams of one name.
ORG = """\
- {kind: Team, id: company, name: 公司, lead: zhou, members: [zhou]}
- {kind: Team, id: cs, name: 客服部, parent: company, lead: li, members: [li]}
- {kind: Team, id: ops, name: 仓储物流部, parent: company, lead: wang, members: [wang]}
- {kind: Team, id: tech, name: 技术部, parent: company, lead: chen, members: [chen]}
- {kind: Person, id: zhou, name: 周明}
- {kind: Person, id: li, name: 李娜}
- {kind: Person, id: wang, name: 王芳}
- {kind: Person, id: chen, name: 陈静}
- {kind: Role, id: cs-lead, name: 客服主管, team: cs, holders: [li]}
- kind: Responsibility
  id: refund
  name: 退款处理
  description: 审核并处理用户的退款申请
  accountable: cs
  responsible: [ops]
- kind: Responsibility
  id: invoice
  name: 开具发票
  description: 为用户开具电子发票
  accountable: [cs, tech]
- kind: Meeting
  id: cs-weekly
  name: 客服周会
  cadence: 每周一 10:00
  owner: cs-lead
  attendees: [cs]
- kind: Process
  id: returns
  name: 退货流程
  owner: cs
  responsibility: refund
  steps:
    - {id: receive, name: 接收, owner: cs, next: [fix]}
    - {id: fix, name: 修复, owner: tech}
- kind: Process
  id: escalation
  name: 升级流程
  owner: cs-lead
  responsibility: refund
  steps:
    - {id: start, name: 开始}
"""


def _found(write_org: Any, files: dict[str, str], *codes: str) -> list[Finding]:
    config = Config(select=[Selector(c, "t") for c in codes], lang="en")
    return lint([str(write_org(files))], config).findings


def _teams(found: list[Finding], code: str) -> list[tuple[str, ...]]:
    return [f.teams for f in found if f.code == code]


def test_a_coordination_gap_involves_both_teams(write_org: Any) -> None:
    # the duty's accountable team first (it answers for the finding), then the rule's
    # duty refund (cs accountable, ops responsible); process returns (cs owns it, hands a
    # step to tech)
    assert _teams(_found(write_org, {"o.yaml": ORG}, "MT004"), "MT004") == [
        ("cs", "ops"), ("cs", "tech")]


def test_a_gap_between_many_teams_names_every_team_not_only_those_in_its_message(
        write_org: Any) -> None:
    teams = [f"t{i:02}" for i in range(15)]
    org = "".join(f"- {{kind: Team, id: {t}, lead: p{t}, members: [p{t}]}}\n"
                  f"- {{kind: Person, id: p{t}}}\n" for t in teams)
    org += ("- {kind: Meeting, id: m, cadence: weekly, owner: t00, attendees: [t00]}\n"
            "- {kind: Responsibility, id: d, accountable: t00, "
            f"responsible: [{', '.join(teams)}]}}\n")
    [gap] = _found(write_org, {"o.yaml": org}, "MT004")
    assert "'t04' and 10 more teams" in gap.message  # the message names five ...
    assert gap.teams == tuple(teams)  # ... the finding carries all fifteen


def test_an_overlap_involves_every_accountable_team(write_org: Any) -> None:
    assert _teams(_found(write_org, {"o.yaml": ORG}, "OW001"), "OW001") == [("cs", "tech")]


def test_a_step_handed_to_a_team_without_a_role_involves_owner_and_that_team(
        write_org: Any) -> None:
    assert _teams(_found(write_org, {"o.yaml": ORG}, "PR005"), "PR005") == [("cs", "tech")]


def test_an_entity_owned_through_a_position_involves_the_position_team(
        write_org: Any) -> None:
    # process `escalation` is owned by position cs-lead of team cs; its step has no owner
    assert _teams(_found(write_org, {"o.yaml": ORG}, "PR001"), "PR001") == [("cs",)]


def test_team_rules_name_every_team_they_are_about(write_org: Any) -> None:
    org = """\
- {kind: Team, id: a, name: 华东仓, parent: b, lead: p, members: [p]}
- {kind: Team, id: b, name: 华东仓, parent: a, lead: p, members: [p]}
- {kind: Team, id: c, lead: p, members: [p], children: [d]}
- {kind: Team, id: d, parent: e, lead: p, members: [p]}
- {kind: Team, id: e, lead: p, members: [p], children: []}
- {kind: Person, id: p}
"""
    found = _found(write_org, {"o.yaml": org}, "HI001", "HI002", "RF008")
    assert _teams(found, "HI001") == [("a", "b")]
    assert sorted(_teams(found, "HI002")) == [("c", "d", "e"), ("d", "e")]
    assert _teams(found, "RF008") == [("b", "a")]


def test_a_key_result_owned_outside_the_tree_involves_both_teams(write_org: Any) -> None:
    org = ORG + """\
- kind: Objective
  id: cs-q1
  title: 提升客户满意度
  owner: cs
  period: 2026-Q1
  key_results:
    - {id: nps, title: NPS 从 30 提升到 40, metric: nps, baseline: 30, target: 40, owner: tech}
"""
    assert _teams(_found(write_org, {"o.yaml": org}, "OK014"), "OK014") == [("cs", "tech")]


def test_near_duplicate_duties_involve_every_owner(write_org: Any) -> None:
    org = ORG + """\
- kind: Responsibility
  id: refund-2
  name: 退款处理
  description: 审核并处理用户的退款申请
  accountable: tech
"""
    assert _teams(_found(write_org, {"o.yaml": org}, "OW007"), "OW007") == [("cs", "tech")]


def test_a_value_in_a_message_that_happens_to_be_a_team_id_is_not_a_team(
        write_org: Any) -> None:
    # person `tech` (an id a team has too) leads cs without being a member: HI004 is about
    # cs only, though its message names 'tech'
    org = ORG.replace("lead: li, members: [li]", "lead: tech, members: [li]") + \
        "- {kind: Person, id: tech, name: 技术}\n"
    result, model = lint_org([str(write_org({"o.yaml": org}))],
                             Config(select=[Selector("HI004", "t")], lang="en"))
    [f] = result.findings
    assert "'tech'" in f.message and f.teams == ("cs",)
    view = build_view(result, model)
    assert [(r.team, r.teams) for r in view.rows] == [("cs", ["cs"])]
    assert {h.team: h.warnings for h in view.health}["tech"] == 0


def test_json_carries_the_teams_and_keeps_the_fingerprint(write_org: Any) -> None:
    root = write_org({"o.yaml": ORG})
    doc = run_cli("check", str(root), "--format", "json", "--select", "OW001",
                  "--lang", "en").json()
    [finding] = doc["findings"]
    assert finding["teams"] == ["cs", "tech"]
    lines = run_cli("check", str(root), "--format", "json-lines", "--select", "OW001",
                    "--lang", "en").stdout.splitlines()
    assert json.loads(lines[0])["teams"] == ["cs", "tech"]
    # the fingerprint is the rule's and the entity's, not the teams'
    from orgspec.findings import fingerprint
    assert finding["fingerprint"] != fingerprint("OW001", "")


def test_team_health_counts_a_finding_under_every_team_it_involves(write_org: Any) -> None:
    result, org = lint_org([str(write_org({"o.yaml": ORG}))],
                           Config(select=[Selector("OW001", "t"), Selector("MT004", "t")],
                                  lang="en"))
    view = build_view(result, org)
    health = {h.team: (h.errors, h.warnings) for h in view.health}
    # OW001 (error) involves cs and tech; MT004 (warning) cs and ops, then cs and tech
    assert health == {"company": (0, 0), "cs": (1, 2), "ops": (0, 1), "tech": (1, 1)}
    html = render_html(view)
    rows = re.findall(r'data-rule="(\w+)" data-team="([^"]*)"', html)
    # each with the teams above (company): the team filter includes the teams below
    assert sorted(rows) == [("MT004", "cs company ops"), ("MT004", "cs company tech"),
                            ("OW001", "cs company tech")]


def test_a_baselined_finding_counts_for_every_team(write_org: Any) -> None:
    folder = write_org({"teams.yaml": ORG}).parent
    (folder / ".orgspec.yaml").write_text("root: org\nselect: [OW001]\nlang: en\n"
                                          "baseline: base.json\n", "utf-8")
    assert run_cli("check", "--write-baseline", "base.json", cwd=folder).code == 0
    html = run_cli("report", "--format", "html", cwd=folder).stdout
    assert "1 known finding hidden by the baseline" in html
    scores = dict(re.findall(r'<code>([\w-]+)</code></td><td><meter [^>]*value="(\d+)"', html))
    assert scores == {"company": "100", "cs": "90", "tech": "90", "ops": "100"}  # 100 - 10


@pytest.fixture
def ecommerce_site(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    done = run_cli("site", "examples/ecommerce", "-o", str(out), "--isolated")
    assert done.code == 0, done.stderr
    return out


def test_a_team_page_lists_findings_that_involve_the_team(ecommerce_site: Path) -> None:
    # order-platform only shares complaint-handling (MT004); it owns nothing flagged
    page = (ecommerce_site / "teams" / "order-platform.html").read_text("utf-8")
    assert "MT004" in page
    health = (ecommerce_site / "health.html").read_text("utf-8")
    row = re.search(r'<tr id="team-order-platform">(.*?)</tr>', health).group(1)
    assert re.findall(r"<td>(\d+)</td>", row) == ["0", "1", "0"]


# a meeting chaired by a person (li of cs, who also holds cs-lead), attended by a team, a
# position and a person of another team; one with no owner; chen leads three teams
MEETINGS = ORG + """\
- {kind: Meeting, id: sync, name: 协调会, cadence: sometimes, owner: li,
   attendees: [ops, cs-lead, chen]}
- {kind: Meeting, id: orphan, name: 无人会, cadence: weekly, attendees: [tech, cs]}
- {kind: Team, id: t2, name: 数据组, parent: tech, lead: chen, members: [chen]}
- {kind: Team, id: t3, name: 算法组, parent: tech, lead: chen, members: [chen]}
"""


def test_a_meeting_finding_involves_its_chairs_team_then_its_attendees_teams(
        write_org: Any) -> None:
    found = _found(write_org, {"o.yaml": MEETINGS}, "MT001", "MT002")
    # the chair li's team (cs, also through cs-lead), then ops, then chen's teams
    assert _teams(found, "MT002") == [("cs", "ops", "tech", "t2", "t3")]
    assert _teams(found, "MT001") == [("tech", "cs")]  # no chair: its attendees' teams


def test_a_person_finding_involves_the_persons_teams(write_org: Any) -> None:
    # chen leads tech, t2 and t3: more than two teams and positions
    found = _found(write_org, {"o.yaml": MEETINGS}, "RO005")
    assert _teams(found, "RO005") == [("tech", "t2", "t3")]


def test_team_health_and_the_json_count_meeting_and_person_findings(
        write_org: Any) -> None:
    root = write_org({"o.yaml": MEETINGS})
    doc = run_cli("check", str(root), "--format", "json", "--select", "MT002",
                  "--lang", "en").json()
    assert [f["teams"] for f in doc["findings"]] == [["cs", "ops", "tech", "t2", "t3"]]
    result, org = lint_org([str(root)], Config(select=[Selector("MT002", "t")], lang="en"))
    health = {h.team: h.warnings for h in build_view(result, org).health}
    assert health == {"company": 0, "cs": 1, "ops": 1, "tech": 1, "t2": 1, "t3": 1}


def test_a_parent_team_rolls_up_the_teams_below_it_each_finding_once(
        write_org: Any) -> None:
    result, org = lint_org([str(write_org({"o.yaml": ORG}))],
                           Config(select=[Selector("OW001", "t"), Selector("MT004", "t")],
                                  lang="en"))
    health = {h.team: h for h in build_view(result, org).health}
    company = health["company"]
    # nothing involves company itself; below it OW001 (cs, tech) once, MT004 twice
    assert (company.errors, company.warnings, company.score) == (0, 0, 100)
    assert (company.below, company.sub_errors, company.sub_warnings) == (3, 1, 2)
    assert company.subtree_score == 84  # 100 - 10 - 2 * 3
    cs = health["cs"]  # a leaf: its subtree is itself
    assert (cs.below, cs.sub_errors, cs.sub_warnings, cs.subtree_score) == (0, 1, 2, cs.score)


@pytest.mark.parametrize(("lang", "policy", "cell"), [
    ("en", "A team with teams below it also shows the score of its whole subtree, each "
           "finding counted once.", "84 · 3 teams below"),
    ("zh", "有下级团队的团队另列出它和全部下级团队合计的得分，每个问题只计一次。",
     "84 · 3 个下级团队"),
    ("zh-Hant", "有下級團隊的團隊另列出它和全部下級團隊合計的得分，每個問題只計一次。",
     "84 · 3 個下級團隊"),
])
def test_the_report_and_site_say_the_roll_up_policy(write_org: Any, tmp_path: Path, lang: str,
                                                    policy: str, cell: str) -> None:
    folder = write_org({"o.yaml": ORG}).parent
    (folder / ".orgspec.yaml").write_text(f"root: org\nselect: [OW001, MT004]\nlang: {lang}\n",
                                          "utf-8")
    html = run_cli("report", "--format", "html", cwd=folder).stdout
    assert policy in html
    row = html.split("<code>company</code>", 1)[1].split("</tr>", 1)[0]
    assert row.endswith(f"<td>{cell}</td>")
    md = run_cli("report", "--format", "markdown", cwd=folder).stdout
    assert policy in md and f"| {cell} |" in md
    assert run_cli("site", "-o", str(tmp_path / "s"), cwd=folder).code == 0
    page = (tmp_path / "s" / "health.html").read_text("utf-8")
    assert policy in page and f">{cell}</span></td></tr>" in page
    team = (tmp_path / "s" / "teams" / "company.html").read_text("utf-8")
    assert f">{cell}</span></p>" in team


def test_replaced_copies_a_finding_as_dataclasses_replace_does() -> None:
    """`findings.replaced` (the copies the run's last steps make: fingerprint, teams, the
    language) gives what `dataclasses.replace` gives, of the finding's own class, leaves the
    original as it was, and refuses a name that is no field."""
    import dataclasses

    from orgspec.findings import Location, Related, Severity, replaced

    class Sub(Finding):
        pass

    base = Finding("OW001", "owner", Severity.ERROR, "消息", Location("a.yaml", 3, 1),
                   "team:cs", (Related(Location("b.yaml", 1, 1), "here"),), "hint",
                   related_more=2, teams=("cs",))
    changes: list[dict[str, Any]] = [
        {}, {"teams": ("ops", "cs")}, {"fingerprint": "ab12"},
        {"message": "m", "hint": "", "related": ()}, {"severity": Severity.INFO}]
    for finding in (base, Sub("RF001", "ref", Severity.WARNING, "m", Location("c.yaml", 1, 2))):
        for change in changes:
            got = replaced(finding, **change)
            want = dataclasses.replace(finding, **change)
            assert got == want and type(got) is type(want) and got is not finding
            assert vars(got) == vars(want)
    assert base.teams == ("cs",) and base.fingerprint == ""
    with pytest.raises(TypeError):
        replaced(base, team=("cs",))
