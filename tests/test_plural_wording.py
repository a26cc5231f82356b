"""English counts agree in number (`leads 1 team`, `1 stale entry`); Chinese has none."""

from __future__ import annotations

from typing import Any

import pytest

from orgspec.engine.lint import lint
from orgspec.i18n import say
from orgspec.load.config import Config, RuleSetting, Selector

ORG = """\
- {kind: Team, id: cs, lead: li, members: [li]}
- {kind: Team, id: ops, lead: wang, members: [wang]}
- {kind: Team, id: it, lead: wang, members: [wang]}
- {kind: Person, id: li}
- {kind: Person, id: wang}
- {kind: Role, id: clerk, team: cs, holders: [li]}
- {kind: Role, id: desk, team: cs, holders: [li, zhao]}
- {kind: Role, id: pa, team: cs, holders: [zhao]}
- {kind: Person, id: zhao}
- {kind: Responsibility, id: refund, accountable: zhao}
"""


def _ro005(write_org: Any, lang: str) -> list[str]:
    config = Config(select=[Selector("RO005", "t")], rules={
        "RO005": RuleSetting("t", options={"max_roles": 0, "max_accountable": 0})}, lang=lang)
    found = lint([str(write_org({"o.yaml": ORG}))], config).findings
    return [str(f.message) for f in sorted(found, key=lambda f: f.location.line)]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ["'li' leads 1 team and holds 2 positions (3 teams and positions, more than 0): a "
            "single point of failure",
            "'wang' leads 2 teams (more than 0): a single point of failure",
            "'zhao' is accountable for 1 duty (more than 0) and holds 2 positions (more than 0)"
            ": a single point of failure"]),
    ("zh", ["'li' 带领 1 个团队并担任 2 个岗位（团队和岗位共 3 个，超过 0 个）：存在单点风险",
            "'wang' 带领 2 个团队（超过 0 个）：存在单点风险",
            "'zhao' 是 1 项职责的批准方 (A)（超过 0 项），并且担任 2 个岗位（超过 0 个）："
            "存在单点风险"]),
])
def test_ro005_counts_agree_in_number(write_org: Any, lang: str, said: list[str]) -> None:
    assert _ro005(write_org, lang) == said


def test_the_baseline_line_counts_agree_in_number() -> None:
    from orgspec.i18n import M

    one = M("baseline {path}: {known}, {stale}", path="b.json",
            known=M("1 known finding not shown"), stale=M("1 stale entry"))
    assert say(one, "en") == "baseline b.json: 1 known finding not shown, 1 stale entry"
    assert say(one, "zh") == "基线 b.json：1 条已知问题未显示，1 条过时条目"
