"""A full-width colon after a field inside a flow mapping nested in an entity
(`- {ref： refund-handling, role: informed}` in a team's duties, fresh-user trial 36): the
IN001 the block form gets, at the colon, not SC001 "unknown field `ref： refund-handling`"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

TEAMS = """\
- kind: Team
  id: finance
  name: 财务部
  lead: pan-yue
  members: [pan-yue]
  responsibilities:
    - {ref: refund-handling, role: informed}
"""
PEOPLE = "- {kind: Person, id: pan-yue, name: 潘悦}\n"
DUTIES = "- {kind: Responsibility, id: refund-handling, name: 退款处理, accountable: pan-yue}\n"


def _check(org: Path, lang: str) -> tuple[list[tuple[str, str, int, int]], str]:
    found = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                    "--lang", lang).json()["findings"]
    text = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang).stdout
    return [(f["code"], Path(f["file"]).name, f["line"], f["column"]) for f in found], text


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "teams.yaml:7:11: IN001 [error] a full-width colon `：` (U+FF1A) follows `ref`: "
           "YAML needs an ASCII colon, so it does not read a field here\n"
           "    hint: write `ref: refund-handling` (an ASCII colon and a space)\n"),
    ("zh", "teams.yaml:7:11: IN001 [错误] `ref` 后面是全角冒号 `：`（U+FF1A）：YAML 只认半角冒号，"
           "所以这里读不出字段\n    建议: 写成 `ref: refund-handling`（半角冒号加一个空格）\n"),
])
def test_a_full_width_colon_in_a_charter_item(write_org, lang: str, said: str) -> None:  # type: ignore[no-untyped-def]
    teams = TEAMS.replace("{ref: refund-handling", "{ref： refund-handling")
    org = write_org({"teams.yaml": teams, "people.yaml": PEOPLE, "duties.yaml": DUTIES})
    found, text = _check(org, lang)
    assert found == [("IN001", "teams.yaml", 7, 11)]
    assert said in text
    (org / "teams.yaml").write_text(TEAMS, "utf-8")  # the hint, followed
    assert _check(org, lang)[0] == []
