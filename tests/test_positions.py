"""Positions and meetings: the model, the one RACI source, the graph, person views, the
`who` and `show` lookups, and the rules on the e-commerce example."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES, run_cli

from orgspec import lint, load_org
from orgspec.engine.lint import load_org as load
from orgspec.load.config import Config
from orgspec.model.graph import build_graph
from orgspec.model.positions import cadence_of, raci_of, seats
from orgspec.report.lookup import NotFound, show, who

ORG = """\
- {kind: Team, id: cs, name: 客服团队, lead: chen, members: [chen, lin]}
- {kind: Team, id: tech, name: Tech, lead: sun, members: [sun]}
- {kind: Person, id: chen, name: 陈静}
- {kind: Person, id: lin, name: 林雪, roles: [agent]}
- {kind: Person, id: sun, name: 孙浩}
- kind: Role
  id: agent
  name: 客服专员
  team: cs
  headcount: 2
  holders: [待招聘]
  duties: [refunds]
- kind: Responsibility
  id: refunds
  name: 退款处理
  accountable: cs
  consulted: [agent, sun]
- {kind: Meeting, id: sync, name: 周例会, cadence: 每週, owner: chen, attendees: [cs, agent, sun]}
"""


@pytest.fixture
def org(write_org):
    folder = write_org({"org.yaml": ORG})
    return load([str(folder)]).org


def test_a_position_is_a_raci_holder_and_a_graph_node(org) -> None:
    assert org.raci.holders("refunds", "responsible") == ["role:agent"]
    assert org.raci.holders("refunds", "consulted") == ["person:sun", "role:agent"]
    g = build_graph(org)
    rel = {(u, v, d["relation"]) for u, v, d in g.edges(data=True)}
    assert ("person:lin", "role:agent", "holds") in rel
    assert ("role:agent", "team:cs", "in_team") in rel
    assert ("role:agent", "responsibility:refunds", "responsible_for") in rel
    assert ("person:chen", "meeting:sync", "chairs") in rel
    assert {u for u, v, r in rel if r == "attends"} == {"team:cs", "role:agent", "person:sun"}
    assert g.nodes["role:agent"]["kind"] == "role"
    assert g.nodes["meeting:sync"]["kind"] == "meeting"


def test_vacant_holders_are_open_seats_not_unknown_ids(org, write_org) -> None:
    s = seats(org, "agent")
    assert (s.planned, s.filled, s.open) == (2, 1, 1)
    result = lint([str(write_org({"org.yaml": ORG}))])
    assert [f.code for f in result.findings if f.code[:2] in ("RO", "MT", "RF")] == ["RO001"]


def test_a_seat_written_open_is_filled_by_a_person_naming_the_position(write_org) -> None:
    """`holders: [待招聘]` and no headcount, while person `lin` lists the position in
    `roles`: one seat, filled by lin; two written seats, one still open."""
    folder = write_org({"org.yaml": """\
- {kind: Team, id: cs, lead: lin, members: [lin, ma]}
- {kind: Person, id: lin, roles: [cs-lead]}
- {kind: Person, id: ma, roles: [agent]}
- {kind: Position, id: cs-lead, team: cs, holders: [待招聘]}
- {kind: Position, id: agent, team: cs, holders: [待招聘, 待招聘]}
"""})
    org = load([str(folder)]).org
    assert [(s.planned, s.filled, s.open) for s in (seats(org, "cs-lead"), seats(org, "agent"))] \
        == [(1, 1, 0), (2, 1, 1)]
    result = lint([str(folder)])
    assert [(f.code, f.location.line) for f in result.findings if f.code == "RO001"] == \
        [("RO001", 5)]


def test_person_view_goes_through_teams_and_positions(org) -> None:
    view = {(d.duty, d.role, d.via) for d in raci_of(org, "person:lin")}
    assert view == {("refunds", "accountable", "team:cs"), ("refunds", "responsible", "role:agent"),
                    ("refunds", "consulted", "role:agent")}
    assert [(d.role, d.via) for d in raci_of(org, "person:sun")] == [("consulted", "person:sun")]


@pytest.mark.parametrize(("text", "cadence"), [
    ("每日", "daily"), ("Weekly", "weekly"), ("每週", "weekly"), ("every 2 weeks", "biweekly"),
    ("双周", "biweekly"), ("月度", "monthly"), ("每季度", "quarterly"), ("sometimes", None),
    (None, None)])
def test_cadence_words(text, cadence) -> None:
    assert cadence_of(text) == cadence


def test_who_finds_duty_team_position_and_people() -> None:
    org = load_org([str(EXAMPLES / "ecommerce")]).org
    answer = who(org, "退款")
    duty = answer["matches"][0]
    assert duty["node"] == "responsibility:refund-handling"
    assert [h["node"] for h in duty["raci"]["accountable"]] == ["team:customer-service"]
    [agent] = duty["raci"]["responsible"]
    assert agent["node"] == "role:cs-specialist"
    assert [p["id"] for p in agent["people"]] == ["lin-xue", "ma-chao"]
    assert agent["open_seats"] == 1
    assert [m["node"] for m in answer["matches"]] == [
        "responsibility:refund-handling", "role:cs-specialist"]
    # "refunds" is nowhere literally; its concept word finds the Chinese 退款 texts
    assert [m["node"] for m in who(org, "refunds")["matches"]] == [
        "responsibility:refund-handling", "role:cs-specialist"]
    assert who(org, "zzz-nothing")["matches"] == []


def test_show_person_role_and_unknown_id() -> None:
    org = load_org([str(EXAMPLES / "ecommerce")]).org
    he = show(org, "person", "he-li")
    assert he["positions"] == ["operations-specialist"]
    # by title, as the site lists them: 促销活动 (cù) before 日常运营 (rì)
    assert [(d["id"], d.get("via")) for d in he["raci"]["responsible"]] == [
        ("promotion-campaigns", "role:operations-specialist"),
        ("daily-operations", "role:operations-specialist")]
    role = show(org, "role", "cs-specialist")
    assert (role["headcount"], role["open_seats"]) == (3, 1)
    with pytest.raises(NotFound, match="did you mean 'cs-specialist'"):
        show(org, "role", "cs-specialst")


def test_who_and_show_commands() -> None:
    run = run_cli("who", "退款", "examples/ecommerce", "--lang", "en")
    assert run.code == 0
    assert run.stdout.splitlines()[:3] == [
        "duty refund-handling 退款处理",
        "  accountable: team customer-service 客服团队 (chen-jing 陈静)",
        "  responsible: role cs-specialist 客服专员 (lin-xue 林雪, ma-chao 马超; "
        "1 open seat)"]
    run = run_cli("show", "meeting", "weekly-meeting", "examples/ecommerce", "--format", "json")
    assert run.code == 0
    assert json.loads(run.stdout)["cadence"] == "weekly"
    run = run_cli("show", "team", "nope", "examples/ecommerce", "--lang", "en")
    assert run.code == 2
    assert "no team 'nope'" in run.stderr


def test_who_speaks_the_content_language_by_default() -> None:
    run = run_cli("who", "退款", "examples/ecommerce")
    assert run.stdout.splitlines()[:3] == [
        "职责 refund-handling 退款处理",
        "  批准 (A): 团队 customer-service 客服团队 (chen-jing 陈静)",
        "  执行 (R): 岗位 cs-specialist 客服专员 (lin-xue 林雪, ma-chao 马超; 1 个空缺)"]
    assert run_cli("who", "不存在的东西", "examples/ecommerce").stdout == \
        "没有与 '不存在的东西' 匹配的内容\n"


def test_hostile_names_are_escaped_in_lookups(write_org) -> None:
    folder = write_org({"o.yaml": "- {kind: Team, id: t, name: \"x\\e[31my\"}\n"})
    run = run_cli("show", "team", "t", str(folder))
    assert "\x1b" not in run.stdout
    assert "\\x1b" in run.stdout


def test_minimal_example_has_no_positions_or_meeting_findings() -> None:
    result = lint([str(EXAMPLES / "minimal")])
    assert not [f for f in result.findings if f.code[:2] in ("RO", "MT")]


def test_exports_carry_positions_and_meetings(org) -> None:
    from orgspec.report.graph_export import export

    data = json.loads(export(build_graph(org), "json"))
    kinds = {n["id"]: n["kind"] for n in data["nodes"]}
    assert kinds["role:agent"] == "role"
    assert kinds["meeting:sync"] == "meeting"
    relations = {e["relation"] for e in data["edges"]}
    assert {"holds", "in_team", "attends", "chairs"} <= relations
    assert 'role:agent' in export(build_graph(org), "graphml")


def test_org_diff_names_positions_meetings_and_vacancies(write_org, tmp_path) -> None:
    from orgspec.ci.diff import compare
    from orgspec.engine.lint import lint_org

    filled = ORG.replace("headcount: 2\n  holders: [待招聘]", "headcount: 1")
    base = lint_org([str(write_org({"org.yaml": filled}))], Config(lang="en"))
    (tmp_path / "org" / "org.yaml").write_text(
        ORG + "- {kind: Meeting, id: daily, cadence: daily, owner: chen, attendees: [cs]}\n",
        "utf-8")
    head = lint_org([str(tmp_path / "org")], Config(lang="en"))
    changes = compare(base[0], head[0], base[1], head[1]).changes
    assert "meeting added: daily" in changes
    assert "vacancy introduced: position 'agent' has 1 open seat of 2 (written as '待招聘')" \
        in changes
