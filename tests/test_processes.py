"""Process rules on a broken variant of the ecommerce flows, flowcharts, and deep flows."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from conftest import EXAMPLES, FIXTURES
from test_rule_examples import marked

from orgspec.engine.lint import lint, lint_org, load_org
from orgspec.load.config import Config, Selector
from orgspec.report.graph_export import process_flowchart

BROKEN = FIXTURES / "broken-processes" / "processes.yaml"
PROCESS_RULES = Config(select=[Selector(s, "t") for s in ("processes", "RF001")])


def test_ecommerce_flows_pass_but_for_the_planted_gap() -> None:
    result = lint([str(EXAMPLES / "ecommerce")], PROCESS_RULES)
    assert [(f.code, Path(f.location.file).name, f.location.line) for f in result.findings] == [
        ("PR001", "payment-outage.yaml", 35)]


def test_broken_variant_triggers_each_rule_at_its_line(tmp_path: Path) -> None:
    org = tmp_path / "org"
    for part in ("teams", "responsibilities", "positions"):
        shutil.copytree(EXAMPLES / "ecommerce" / part, org / part)
    shutil.copy(BROKEN, org / "processes.yaml")
    result = lint([str(org)], PROCESS_RULES)
    found = [f for f in result.findings if f.location.file.endswith("processes.yaml")]
    assert all(f.location.file.endswith("/processes.yaml") for f in result.findings)
    codes = {f.code for f in found}
    assert codes == {f"PR00{i}" for i in range(1, 10)} | {"RF001"}
    for code in codes:
        got = Counter(f.location.line for f in found if f.code == code)
        assert got == marked(BROKEN, code), code


def test_flowchart_labels_steps_with_owners_and_marks_gaps() -> None:
    org = load_org([str(EXAMPLES / "ecommerce")]).org
    chart = process_flowchart(org, "payment-outage-response")
    assert '  s4["故障复盘<br/>no owner 待定"]' in chart  # the placeholder as written
    assert "  s1 --> s4" in chart
    assert chart.splitlines()[-6:] == ["  class s4 gap", '  subgraph key["Key"]',
                                       '  k0["step without an owner"]', "  end",
                                       "  s4 ~~~ key",  # laid out below the last step
                                       "  class k0 gap"]


def test_flowchart_escapes_hostile_names(write_org) -> None:
    text = ('kind: Process\nid: p\nowner: a\nsteps:\n'
            '  - {id: s, name: "x\\"]; click s0 call alert(1); y[\\"<b>|", owner: a}\n'
            '---\nkind: Team\nid: a\n')
    org = load_org([str(write_org({"p.yaml": text}))]).org
    label = next(ln for ln in process_flowchart(org, "p").splitlines() if ln.startswith("  s0"))
    escaped = "x#34;#93;#59; click s0 call alert#40;1#41;#59; y#91;#34;#60;b#62;#124;"
    assert label.startswith(f'  s0["{escaped}')
    assert label.count('"') == 2


def _chain(n: int, loop: bool) -> str:
    steps = [f"  - {{id: s{i}, owner: a, next: [s{(i + 1) % n}]}}" for i in range(n - 1)]
    steps.append(f"  - {{id: s{n - 1}, owner: a{', next: [s1]' if loop else ''}}}")
    return "kind: Process\nid: p\nowner: a\nsteps:\n" + "\n".join(steps) + \
        "\n---\nkind: Team\nid: a\n"


def test_ten_thousand_step_chain(write_org) -> None:
    root = write_org({"p.yaml": _chain(10_000, loop=False)})
    assert lint([str(root)], PROCESS_RULES).findings == []


def test_thousand_step_cycle_is_one_loop(write_org) -> None:
    root = write_org({"p.yaml": _chain(1_000, loop=True)})
    findings = lint([str(root)], PROCESS_RULES).findings
    # s0 starts and leads into s1 -> ... -> s999 -> s1, which never ends
    assert [(f.code, f.location.line) for f in findings] == [("PR004", 5), ("PR004", 6)]
    assert findings[0].message == "step 's0' of process 'p' only leads into a loop with no exit"
    assert findings[1].message.endswith("(+979 more)")


def test_a_process_flow_read_from_the_process_equals_its_step_view_of_the_org_graph(
        tmp_path: Path) -> None:
    """PR002-PR004 build each flow from the process itself: the same nodes, edges and
    adjacency order as `step_view` takes from the org graph, repeated step ids and
    unknown `next`s included."""
    import datetime as dt

    from orgspec.checks.processes import _flow
    from orgspec.engine.context import RuleContext, Shared
    from orgspec.model.graph import step_view

    (tmp_path / "p.yaml").write_text(
        "kind: Process\nid: p\nowner: a\nsteps:\n"
        "  - {id: s1, owner: a, next: [s2, s3]}\n  - {id: s2, owner: a, next: [s1, zz]}\n"
        "  - {id: s1, owner: a, next: [s3]}\n  - {id: s3, owner: a}\n"
        "---\nkind: Team\nid: a\n", "utf-8")
    for path in (str(tmp_path), "examples/ecommerce", "tests/fixtures/broken-processes"):
        org = load_org([path]).org
        shared = Shared(org, dt.date(2026, 1, 1))
        for pid in org.processes:
            mine = _flow(RuleContext(shared), pid)
            theirs = step_view(shared.graph, f"process:{pid}")
            assert list(mine.nodes) == list(theirs.nodes)
            assert list(mine.edges) == list(theirs.edges)
            assert [list(mine.pred[n]) for n in mine] == [list(theirs.pred[n]) for n in mine]


def test_step_links_are_the_flow_and_a_clean_process_builds_no_networkx_graph(
        tmp_path: Path) -> None:
    """PR002-PR004 judge reachability on `_links` (step -> next ids): the same successors
    as the networkx flow, repeated ids and self-loops included; a networkx flow is built
    only for a process with a step to report."""
    import datetime as dt

    from orgspec.checks.processes import _flow, _links
    from orgspec.engine.context import RuleContext, Shared
    from orgspec.engine.registry import load_checks
    from orgspec.model.graph import step_node

    (tmp_path / "p.yaml").write_text(
        "kind: Process\nid: p\nowner: a\nsteps:\n"
        "  - {id: s1, owner: a, next: [s2, s3]}\n  - {id: s2, owner: a, next: [s2, zz]}\n"
        "  - {id: s1, owner: a, next: [s3]}\n  - {id: s3, owner: a}\n"
        "---\nkind: Process\nid: clean\nowner: a\nsteps:\n"
        "  - {id: a1, owner: a, next: [a2]}\n  - {id: a2, owner: a}\n"
        "---\nkind: Process\nid: stuck\nowner: a\nsteps:\n"
        "  - {id: b1, owner: a, next: [b2]}\n  - {id: b2, owner: a, next: [b1]}\n"
        "  - {id: b0, owner: a, next: [b1]}\n"
        "---\nkind: Team\nid: a\n", "utf-8")
    for path in (str(tmp_path), "examples/ecommerce", "tests/fixtures/broken-processes"):
        shared = Shared(load_org([path]).org, dt.date(2026, 1, 1))
        for pid in shared.org.processes:
            links, flow = _links(RuleContext(shared), pid), _flow(RuleContext(shared), pid)
            assert [step_node(pid, s) for s in links] == list(flow.nodes)
            assert {s: set(n) for s, n in links.items()} == {
                s.rsplit("/", 1)[1]: {t.rsplit("/", 1)[1] for t in flow.succ[s]} for s in flow}
    shared = Shared(load_org([str(tmp_path)]).org, dt.date(2026, 1, 1))
    checks = load_checks()
    found = [(code, i.message) for code in ("PR002", "PR003", "PR004")
             for i in checks[code](RuleContext(shared))]
    assert sorted(k for k in shared._memo if k.startswith("flow:")) == ["flow:p", "flow:stuck"]
    assert found == [  # `clean` has nothing to report; s2's only `next`s are itself and zz
        ("PR004", "steps of process 'p' loop with no exit: s2"),
        ("PR004", "steps of process 'stuck' loop with no exit: b1 -> b2"),
        ("PR004", "step 'b0' of process 'stuck' only leads into a loop with no exit")]


_REWORK = ("kind: Process\nid: refund\nowner: a\nsteps:\n"
           "  - {id: receive, owner: a, next: [review]}\n"
           "  - {id: review, owner: a, next: [notify]}\n"
           "  - {id: notify, owner: a, next: [close, receive]}\n"
           "  - {id: close, owner: a}\n{extra}---\nkind: Team\nid: a\n")


def test_a_rework_loop_back_to_the_first_step_starts_there(write_org) -> None:
    """A last step looping back to the first leaves the first listed step the start: no
    PR002, and the flowchart marks no step unreachable."""
    from orgspec.report.view import unreachable_steps

    root = write_org({"p.yaml": _REWORK.replace("{extra}", "")})
    result, org = lint_org([str(root)], PROCESS_RULES)
    assert result.findings == []
    assert unreachable_steps(org, "refund", result.findings) == set()


def test_a_stray_step_beside_a_rework_loop_is_the_one_unreachable_step(write_org) -> None:
    """A step nothing points to, beside a flow whose first step has a predecessor, is one
    PR003 (not the start, which would make every real step unreachable)."""
    from orgspec.report.view import unreachable_steps

    stray = "  - {id: archive, owner: a}\n"
    root = write_org({"p.yaml": _REWORK.replace("{extra}", stray)})
    result, org = lint_org([str(root)], PROCESS_RULES)
    assert [(f.code, f.location.line) for f in result.findings] == [("PR003", 9)]
    assert result.findings[0].message == (
        "step 'archive' of process 'refund' cannot be reached from its start step 'receive'")
    assert unreachable_steps(org, "refund", result.findings) == {"archive"}


def test_a_process_listed_out_of_order_starts_at_the_step_nothing_leads_to(
        write_org) -> None:
    text = ("kind: Process\nid: p\nowner: a\nsteps:\n"
            "  - {id: b, owner: a, next: [c]}\n  - {id: c, owner: a}\n"
            "  - {id: a, owner: a, next: [b]}\n---\nkind: Team\nid: a\n")
    assert lint([str(write_org({"p.yaml": text}))], PROCESS_RULES).findings == []


def _sla_findings(write_org, sla: str) -> list[tuple[str, str]]:
    text = ("kind: Process\nid: p\nowner: a\nsteps:\n"
            f"  - {{id: s, owner: a, sla: '{sla}'}}\n---\nkind: Team\nid: a\n")
    return [(f.code, f.message) for f in lint([str(write_org({"p.yaml": text}))],
                                              PROCESS_RULES).findings]


def test_compound_half_and_quarter_hour_slas_are_durations(write_org) -> None:
    for sla in ("1小时30分钟", "一小时半", "两小时半", "一刻钟", "三刻钟", "1小時30分鐘",
                "一小時半", "兩小時半", "一刻鐘", "2h 30m", "1天2小时", "十五分钟"):
        assert _sla_findings(write_org, sla) == [], sla
    for sla in ("尽快", "刻钟", "半", "2小时半半", "P", "PT"):
        assert _sla_findings(write_org, sla) == [
            ("PR007", f"SLA {sla!r} of step 's' is not a duration")], sla


def test_a_zero_sla_is_pr007(write_org) -> None:
    for sla in ("0小时", "0h", "PT0H", "零分钟", "0.0天"):
        assert _sla_findings(write_org, sla) == [
            ("PR007", f"SLA {sla!r} of step 's' is zero")], sla


def test_the_hour_said_as_zhong_is_a_duration(write_org) -> None:
    """Trial 31: Hong Kong writes two hours 兩個鐘; colloquial Mandarin 两个钟头."""
    for sla in ("兩個鐘", "两个钟头", "半個鐘", "兩個半鐘", "一個鐘頭內", "兩個鐘內回覆", "3个钟"):
        assert _sla_findings(write_org, sla) == [], sla
    for sla in ("鐘", "個鐘", "钟表"):
        assert _sla_findings(write_org, sla) == [
            ("PR007", f"SLA {sla!r} of step 's' is not a duration")], sla
    assert _sla_findings(write_org, "零個鐘") == [("PR007", "SLA '零個鐘' of step 's' is zero")]
