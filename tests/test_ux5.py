"""Small user-facing defects (branch ux5): ids named in every human line of `check`."""

from __future__ import annotations

import re

import pytest

from tests.conftest import run_cli

# --- 1: OW007's main line and every hint name the ids they quote, as the other lines do -------

THREE_DUPLICATES = (
    "- {kind: Team, id: cs, name: 客服部}\n"
    "- {kind: Team, id: tech, name: 技术部}\n"
    "- {kind: Team, id: ops, name: 运营部}\n"
    "- {kind: Responsibility, id: refunds, name: 退款处理, description: 审核并处理用户的退款申请,\n"
    "   accountable: [cs]}\n"
    "- {kind: Responsibility, id: refund-review, name: 退款审核,\n"
    "   description: 审核并处理用户退款申请, accountable: [ops]}\n"
    "- {kind: Responsibility, id: refund-check, description: 审核并处理用户退款的申请,\n"
    "   accountable: [tech]}\n"
)


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["org/org.yaml:8:44: OW007 [warning] 3 个负责方的 3 项职责看起来是同一项职责："
            "技术部 (tech) 的职责 'refund-check'、运营部 (ops) 的职责 退款审核 "
            "(refund-review)、客服部 (cs) 的职责 退款处理 (refunds)（相似度 1.00）",
            "    相关: org/org.yaml:7:4: 运营部 (ops) 的职责 退款审核 (refund-review)："
            "审核并处理用户退款申请",
            "    相关: org/org.yaml:4:51: 客服部 (cs) 的职责 退款处理 (refunds)："
            "审核并处理用户的退款申请"]),
    ("en", ["org/org.yaml:8:44: OW007 [warning] 3 duties of 3 owners look like the same duty: "
            "'refund-check' of 技术部 (tech), 退款审核 (refund-review) of 运营部 (ops), "
            "退款处理 (refunds) of 客服部 (cs) (similarity 1.00)",
            "    related: org/org.yaml:7:4: 退款审核 (refund-review) of 运营部 (ops): "
            "审核并处理用户退款申请",
            "    related: org/org.yaml:4:51: 退款处理 (refunds) of 客服部 (cs): "
            "审核并处理用户的退款申请"]),
])
def test_a_near_duplicate_group_names_each_duty_and_owner_without_nested_brackets(
        write_org, lang: str, expected: list[str]) -> None:
    root = write_org({"org.yaml": THREE_DUPLICATES})
    run = run_cli("check", "org", "--select", "OW007", "--no-cache", "--lang", lang,
                  cwd=root.parent)
    assert run.stdout.splitlines()[:3] == expected


def test_the_machine_formats_keep_the_ids_of_a_near_duplicate_group(write_org) -> None:
    root = write_org({"org.yaml": THREE_DUPLICATES})
    run = run_cli("check", "org", "--select", "OW007", "--no-cache", "--lang", "en",
                  "--format", "json", cwd=root.parent)
    (finding,) = run.json()["findings"]
    assert finding["message"] == ("3 duties of 3 owners look like the same duty: 'refund-check' "
                                  "of tech, 'refund-review' of ops, 'refunds' of cs (similarity "
                                  "1.00)")
    assert [r["message"] for r in finding["related"]] == [
        "refund-review of ops: 审核并处理用户退款申请", "refunds of cs: 审核并处理用户的退款申请"]


# Two teams share a duty and meet nowhere (MT004); a team's objective aligns to nothing
# though its parent's could (OK013): both hints quote ids.
HINTED = (
    "- {kind: Team, id: hq, name: 总部, lead: wang, members: [wang], responsibilities: [sales],\n"
    "   channels: [钉钉-总部群]}\n"
    "- {kind: Team, id: cs, name: 客服部, parent: hq, lead: li, members: [li],\n"
    "   responsibilities: [{ref: sales, role: responsible}]}\n"
    "- {kind: Team, id: ops, name: 运营部, parent: hq, lead: zhao, members: [zhao],\n"
    "   responsibilities: [{ref: sales, role: responsible}]}\n"
    "- {kind: Person, id: wang, name: 王芳}\n"
    "- {kind: Person, id: li, name: 李强}\n"
    "- {kind: Person, id: zhao, name: 赵磊}\n"
    "- {kind: Responsibility, id: sales, name: 大促, accountable: hq, responsible: [cs, ops]}\n"
    "- kind: Objective\n"
    "  id: hq-goal\n"
    "  title: 全年增长\n"
    "  owner: hq\n"
    "  period: 2026\n"
    "  key_results:\n"
    "    - {id: gmv, title: GMV 从1亿增长到2亿, metric: GMV, baseline: 1亿, target: 2亿,\n"
    "       due: 2026-12-31}\n"
    "- kind: Objective\n"
    "  id: cs-goal\n"
    "  title: 客服提速\n"
    "  owner: cs\n"
    "  period: 2026-Q1\n"
    "  key_results:\n"
    "    - {id: t, title: 首响时间从5分钟降到1分钟, metric: 首响时间, baseline: 5分钟,\n"
    "       target: 1分钟, due: 2026-03-31}\n"
)


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["org/org.yaml:10:26: MT004 [warning] 团队 客服部 (cs) 和 运营部 (ops) 共担职责 "
            "大促 (sales)，但没有任何会议或沟通渠道同时包含两者",
            "    建议: 为这项职责组织一个有 客服部 (cs)、运营部 (ops) 参加的会议（如联合周例会），"
            "或给他们一个共同的沟通渠道",
            "org/org.yaml:20:3: OK013 [warning] 目标 客服提速 (cs-goal) 没有对齐任何目标，"
            "而上级的 全年增长 (hq-goal) 可以对齐",
            "    建议: 写 `aligns_to: hq-goal`（或另一个上级目标）"]),
    ("en", ["org/org.yaml:10:26: MT004 [warning] teams 客服部 (cs) and 运营部 (ops) share duty "
            "大促 (sales), but no meeting or channel includes both",
            "    hint: hold one meeting with 客服部 (cs), 运营部 (ops) about this duty (e.g. a "
            "joint weekly meeting), or give them a common channel",
            "org/org.yaml:20:3: OK013 [warning] objective 客服提速 (cs-goal) aligns to nothing, "
            "though 全年增长 (hq-goal) above it could",
            "    hint: set `aligns_to: hq-goal` (or another parent objective)"]),
])
def test_a_hint_names_the_ids_it_quotes_but_not_those_it_shows_as_code(
        write_org, lang: str, expected: list[str]) -> None:
    root = write_org({"org.yaml": HINTED})
    run = run_cli("check", "org", "--select", "MT004,OK013", "--no-cache", "--lang", lang,
                  cwd=root.parent)
    shown = [line for line in run.stdout.splitlines()
             if not line.lstrip().startswith(("related:", "相关:"))]
    assert shown[:4] == expected


def test_names_change_neither_the_machine_messages_nor_the_fingerprints(write_org) -> None:
    """The same org with and without display names: JSON says the same, with the same
    fingerprints (names are for a reader's lines only)."""
    named = write_org({"org.yaml": HINTED})
    plain = named.parent / "plain"
    plain.mkdir()
    text = re.sub(r"(, )?\bname: [^,}\n]+", "", HINTED).replace("title: 全年增长", "title: 增长") \
        .replace("title: 客服提速", "title: 提速")
    (plain / "org.yaml").write_text(text, encoding="utf-8")

    def machine(folder: str) -> list[tuple[str, str, str, str]]:
        run = run_cli("check", folder, "--select", "MT004,OK013", "--no-cache", "--lang", "en",
                      "--format", "json", cwd=named.parent)
        return [(f["code"], f["message"], f["hint"], f["fingerprint"])
                for f in run.json()["findings"]]

    with_names, without = machine("org"), machine("plain")
    assert [code for code, *_ in with_names] == ["MT004", "OK013"]
    assert with_names == without
    assert with_names[0][2].startswith("hold one meeting with 'cs', 'ops' about this duty")
