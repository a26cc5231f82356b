"""SC005 says its entity `name (id)` as the other findings do (fresh-user trial 36: it said
`团队 'merchandising' 的名称 “商品部”`, the id in quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

TEAMS = """\
- {kind: Team, id: customer-service, name: 客服部, lead: ma-chao, members: [ma-chao]}
- kind: Team
  id: merchandising
  name: “商品部”
  lead: xie-ying
  members: [xie-ying]
"""
PEOPLE = """\
- {kind: Person, id: ma-chao, name: 马超}
- {kind: Person, id: xie-ying, name: 谢颖}
- {kind: Person, id: wei-xiaoming, name: 魏小明, title: 客服专员, manager: ma-chao}
"""


def _check(org: Path, lang: str) -> tuple[list[tuple[str, str, int]], str]:
    found = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                    "--lang", lang).json()["findings"]
    text = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang).stdout
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in found
            if f["code"] in ("SC005", "HI007")], text


@pytest.mark.parametrize(("lang", "sc005"), [
    ("zh", "teams.yaml:4:9: SC005 [警告] 团队 商品部 (merchandising) 的名称 “商品部” 包在引号 “” "
           "里，YAML 会把引号当作名称的一部分：搜索 '商品部' 找不到它\n"),
    ("en", "teams.yaml:4:9: SC005 [warning] name “商品部” of team 商品部 (merchandising) is "
           "inside the quotes “”, which YAML keeps as part of the name: a search for '商品部' "
           "does not find it\n"),
])
def test_sc005_says_name_and_id(write_org, lang: str, sc005: str) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE})
    found, text = _check(org, lang)
    assert ("SC005", "teams.yaml", 4) in found
    assert sc005 in text
