"""The bundled examples: minimal is clean, ecommerce shows exactly the problems planted in it."""

from __future__ import annotations

import os

from conftest import EXAMPLES

from orgspec import lint
from orgspec.load.config import Config


def _rel(path: str) -> str:
    return os.path.relpath(path, EXAMPLES).replace(os.sep, "/")


def test_minimal_example_is_clean() -> None:
    result = lint([str(EXAMPLES / "minimal")])
    assert result.findings == []
    assert result.entity_count == 9


def test_ecommerce_example_has_exactly_the_planted_problems() -> None:
    result = lint([str(EXAMPLES / "ecommerce")], Config(lang="en"))
    found = [(f.code, _rel(f.location.file), f.location.line) for f in result.findings]
    assert found == [
        ("OK004", "ecommerce/okrs/2026-q1.yaml", 26),
        # an activity ('召开') with no target value: OK003 alone, its OK005 held back
        ("OK003", "ecommerce/okrs/2026-q1.yaml", 87),
        ("RO004", "ecommerce/positions/positions.yaml", 22),
        ("RO001", "ecommerce/positions/positions.yaml", 40),
        ("PR001", "ecommerce/processes/payment-outage.yaml", 35),
        ("MT004", "ecommerce/responsibilities/customer-service.yaml", 4),
        ("OW001", "ecommerce/responsibilities/customer-service.yaml", 16),
    ]
    gap = result.findings[5]
    assert gap.message == ("teams 'customer-service' and 'order-platform' share duty "
                           "'complaint-handling', but no meeting or channel includes both")
    overlap = result.findings[6]
    assert overlap.message == (
        "duty 'user-feedback' has 2 accountable owners: customer-service, tech")
    [(related)] = overlap.related
    assert (_rel(related.location.file), related.location.line) == (
        "ecommerce/teams/teams.yaml", 78)


def test_ecommerce_covers_the_seed_domain() -> None:
    from orgspec import load_org

    org = load_org([str(EXAMPLES / "ecommerce")]).org
    assert {"product", "operations", "marketing", "customer-service", "tech",
            "order-platform"} <= set(org.teams)
    steps = [s.id for s in org.processes["complaint-flow"].steps]
    assert steps == ["receive", "classify", "dispatch", "follow-up", "feedback", "review"]
    titles = [kr.title for kr in org.objectives["ops-2026q1-engagement"].key_results]
    assert "提升用户活跃度" in titles
    assert "月活跃用户数从120万增长到132万" in titles
    assert {p.name for p in org.positions.values()} == {
        "产品经理", "运营专员", "市场专员", "客服专员", "技術開發工程師"}
    assert {m.name for m in org.meetings.values()} == {
        "晨会", "周例会", "月度总结会", "市场技术联席会"}


def test_readme_quick_start_output_is_true() -> None:
    from conftest import REPO, run_cli

    readme = (REPO / "README.md").read_text("utf-8")
    quick = readme.split("## Quick start", 1)[1]
    shown = quick.split("```text\n", 1)[1].split("```", 1)[0]
    run = run_cli("check", "examples/ecommerce")
    assert run.code == 1
    assert run.stdout == shown
    assert ("python3 -m venv .venv && . .venv/bin/activate && python -m pip install -e . && "
            "orgspec check examples/ecommerce") in quick
    assert '. .venv/bin/activate && python -m pip install -e ".[test]" && python -m pytest' in quick
