"""HI007's hint for a person on no team whose manager leads a team names that team, as it
names a position's team (fresh-user trial 36: a new hire `manager: ma-chao` was told the
generic "add the person to a team's `members`")."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

TEAMS = """\
- {kind: Team, id: customer-service, name: 客服部, lead: ma-chao, members: [ma-chao]}
- {kind: Team, id: merchandising, name: 商品部, lead: xie-ying, members: [xie-ying]}
"""
PEOPLE = """\
- {kind: Person, id: ma-chao, name: 马超}
- {kind: Person, id: xie-ying, name: 谢颖}
- {kind: Person, id: wei-xiaoming, name: 魏小明, title: 客服专员, manager: ma-chao}
"""


@pytest.mark.parametrize(("lang", "hint"), [
    ("zh", "people.yaml:3:18: HI007 [警告] 人员 魏小明 (wei-xiaoming) 不属于任何团队\n"
           "    建议: 把此人加入 客服部 (customer-service) 的 `members`\n"),
    ("en", "people.yaml:3:18: HI007 [warning] person 魏小明 (wei-xiaoming) is on no team\n"
           "    hint: add the person to the `members` of 客服部 (customer-service)\n"),
])
def test_the_managers_team(write_org, lang: str, hint: str) -> None:  # type: ignore[no-untyped-def]
    org: Path = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE})
    found = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                    "--lang", lang).json()["findings"]
    assert [(f["code"], Path(f["file"]).name, f["line"]) for f in found
            if f["code"].startswith("HI")] == [("HI007", "people.yaml", 3)]
    assert hint in run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang).stdout


def test_a_manager_who_leads_no_team_gives_the_generic_hint(write_org) -> None:  # type: ignore[no-untyped-def]
    people = PEOPLE + "- {kind: Person, id: new-hire, name: 新人, manager: wei-xiaoming}\n"
    org: Path = write_org({"teams.yaml": TEAMS, "people.yaml": people})
    text = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en").stdout
    assert "hint: add the person to a team's `members`\n" in text
