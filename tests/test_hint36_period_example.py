"""OK003's example is due at the end of the objective's period even when the period is
written so that SC003 flags it (`period: 2026Q1`, fresh-user trial 36): read as SC003's
fix reads it (2026-Q1: by 3月31日), not the example's own 6月30日 in the next year."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

ORG = {
    "teams.yaml": "- {kind: Team, id: tech, name: 技术部, lead: zhang-wei2,\n"
                  "   members: [zhang-wei2]}\n",
    "people.yaml": "- {kind: Person, id: zhang-wei2, name: 章伟}\n",
    "okrs.yaml": """\
- kind: Objective
  id: stability
  title: 大促期间系统稳定
  owner: tech
  period: 2026Q1
  key_results:
    - id: review-meeting
      title: 召开大促稳定性评审会
""",
}


@pytest.mark.parametrize(("lang", "due"), [("en", "by 2026-03-31"), ("zh", "（3月31日前）")])
def test_the_example_is_due_at_the_end_of_the_quarter_meant(  # type: ignore[no-untyped-def]
        write_org, lang: str, due: str) -> None:
    org: Path = write_org(ORG)
    found = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                    "--lang", lang).json()["findings"]
    assert [(f["code"], f["line"]) for f in found if f["code"] in ("SC003", "OK003")] == \
        [("SC003", 5), ("OK003", 8)]
    ok003 = next(f for f in found if f["code"] == "OK003")
    assert (ok003.get("hint") or "").endswith(due)
