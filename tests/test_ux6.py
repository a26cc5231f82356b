"""Small user-facing defects (branch ux6): wording, names, Markdown code spans, site search."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

# --- 1: OW007's hint says "the two" (两者) for a pair only ------------------------------------

PAIR = (
    "- {kind: Team, id: cs, name: 客服部}\n"
    "- {kind: Team, id: ops, name: 运营部}\n"
    "- {kind: Responsibility, id: refunds, name: 退款处理, description: 审核并处理用户的退款申请,\n"
    "   accountable: [cs]}\n"
    "- {kind: Responsibility, id: refund-review, name: 退款审核,\n"
    "   description: 审核并处理用户退款申请, accountable: [ops]}\n"
)
THREE = PAIR + (
    "- {kind: Team, id: tech, name: 技术部}\n"
    "- {kind: Responsibility, id: refund-check, description: 审核并处理用户退款的申请,\n"
    "   accountable: [tech]}\n"
)


@pytest.mark.parametrize(("org", "lang", "hint"), [
    (PAIR, "zh", "    建议: 合并到一个负责团队下，或把两者的不同之处写清楚"),
    (PAIR, "zh-Hant", "    建議: 合併到一個負責團隊下，或把兩者的不同之處寫清楚"),
    (PAIR, "en", "    hint: merge them under one accountable team, or reword what differs"),
    (THREE, "zh", "    建议: 把这 3 项职责合并到一个负责团队下，或把各项的不同之处写清楚"),
    (THREE, "zh-Hant", "    建議: 把這 3 項職責合併到一個負責團隊下，或把各項的不同之處寫清楚"),
    (THREE, "en", "    hint: merge the 3 duties under one accountable team, or reword what "
                  "sets each apart"),
])
def test_a_near_duplicate_hint_counts_the_duties_of_its_group(
        write_org, org: str, lang: str, hint: str) -> None:
    root = write_org({"org.yaml": org})
    run = run_cli("check", "org", "--select", "OW007", "--no-cache", "--lang", lang,
                  cwd=root.parent)
    assert [line for line in run.stdout.splitlines() if line.startswith("    ") and
            not line.lstrip().startswith(("related", "相关", "相關"))] == [hint]
