"""PR006's hint for a step without a tracker says the tracker is someone other than the
step's owner (fresh-user trial 36: following `写明追踪人（tracker:）` with the owner gave a
second PR006, "tracked by its own doer")."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

ORG = {
    "teams.yaml": "- {kind: Team, id: cs, name: 客服部, lead: ma-chao,\n"
                  "   members: [ma-chao, lin-xue]}\n",
    "people.yaml": "- {kind: Person, id: ma-chao, name: 马超}\n"
                   "- {kind: Person, id: lin-xue, name: 林雪, manager: ma-chao}\n",
    "duties.yaml": "- {kind: Responsibility, id: complaints, name: 投诉处理, accountable: cs}\n",
    "processes.yaml": """\
- kind: Process
  id: complaint-flow
  name: 客诉处理流程
  owner: cs
  responsibility: complaints
  require_tracker: true
  steps:
    - id: escalate
      name: 升级处理
      owner: ma-chao
""",
}


def _check(org: Path, lang: str) -> tuple[list[tuple[str, int]], str]:
    found = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                    "--lang", lang).json()["findings"]
    text = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang).stdout
    return [(f["code"], f["line"]) for f in found if f["code"].startswith("PR")], text


@pytest.mark.parametrize(("lang", "hint"), [
    ("en", "hint: name who tracks the step (`tracker:`), as the process requires: someone "
           "other than its owner 马超 (ma-chao)\n"),
    ("zh", "建议: 按流程要求写明追踪人（`tracker:`）：须是执行者 马超 (ma-chao) 以外的人\n"),
    ("zh-Hant", "建議: 按流程要求寫明追蹤人（`tracker:`）：須是執行者 马超 (ma-chao) 以外的人\n"),
])
def test_the_hint_says_someone_other_than_the_owner(write_org, lang: str, hint: str) -> None:  # type: ignore[no-untyped-def]
    org = write_org(ORG)
    found, text = _check(org, lang)
    assert found == [("PR006", 8)]  # the step
    assert hint in text


def test_without_an_owner_the_hint_says_so_too(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({**ORG, "processes.yaml": ORG["processes.yaml"].replace(
        "      owner: ma-chao\n", "")})
    assert "as the process requires: someone other than its owner\n" in _check(org, "en")[1]
