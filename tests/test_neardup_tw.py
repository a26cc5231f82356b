"""Near-duplicate duties (OW007) and key-result wording judge Taiwan's words as they judge the
mainland's: 專案 is 项目, 點數 is 积分, 轉換率 is 转化率 (docs/near-duplicates.md, "Taiwan's
words"). The pairs here are the development pairs the lexicon's Taiwan variants were added
from; tests/data/duty_pairs_blind_tw.tsv was frozen before and is only measured."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from neardup_eval import BLIND_TW, evaluate_duties, read_duty_pairs

from orgspec.engine.registry import rule
from orgspec.text.neardup import similarity

THRESHOLD = rule("OW007").option_defaults()["threshold"]


@pytest.mark.parametrize(("mainland", "taiwan"), [
    ("提升商品页转化率", "提高商品頁轉換率"),
    ("负责项目管理", "負責專案管理"),
    ("管理会员积分", "管理會員點數"),
    ("负责网络安全", "負責網路安全"),
    ("移动端体验优化", "行動端體驗優化"),
    ("开发小程序", "開發小程式"),
    ("数字化转型", "數位轉型"),
    ("回复用户留言", "回覆使用者留言"),
    ("支付系统对接", "金流系統串接"),
    ("打印发票", "列印發票"),
])
def test_taiwans_words_meet_the_mainlands(mainland: str, taiwan: str) -> None:
    assert similarity(mainland, taiwan) >= THRESHOLD


@pytest.mark.parametrize(("a", "b"), [
    ("负责App端的版本发布", "负责小程序端的版本发布"),  # the App and a mini program differ
    ("管理會員點數", "管理會員等級"),
    ("列印出貨單", "列印發票"),
])
def test_look_alikes_in_taiwans_words_stay_apart(a: str, b: str) -> None:
    assert similarity(a, b) < THRESHOLD


def test_a_taiwanese_duty_and_its_mainland_twin_are_one_finding(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text("""\
- {kind: Team, id: cs, name: 客服部}
- {kind: Team, id: ops, name: 營運部}
- kind: Responsibility
  id: member-points
  name: 會員點數
  description: 管理會員點數的兌換與發放
  accountable: cs
- kind: Responsibility
  id: loyalty-points
  name: 会员积分
  description: 管理会员积分的兑换与发放
  accountable: ops
""", "utf-8")
    run = run_cli("check", str(tmp_path), "--isolated", "--select", "OW007", "--format",
                  "json")
    found = [(f["code"], Path(f["file"]).name, f["line"], f["related"][0]["line"])
             for f in json.loads(run.stdout)["findings"]]
    assert found == [("OW007", "org.yaml", 11, 6)]  # at the later duty, the first related


def test_docs_report_the_taiwan_blind_figures() -> None:
    """Measured, never asserted to a quality level (the set is not tuned on)."""
    pairs = read_duty_pairs(BLIND_TW)
    labels = [dup for dup, *_ in pairs]
    assert len(pairs) == 52 and sum(labels) == 26
    s = evaluate_duties(pairs, THRESHOLD)["all"]
    row = (f"| blind-tw, after | {s.tp} | {s.fp} | {s.fn} | {s.tn} | {s.precision:.3f} | "
           f"{s.recall:.3f} |")
    doc = (REPO / "docs" / "near-duplicates.md").read_text("utf-8")
    assert row in doc, f"docs/near-duplicates.md is stale; expected row:\n{row}"


@pytest.mark.parametrize(("mainland", "taiwan"), [
    ("转化率从2%提升到3%", "轉換率從2%提升到3%"),
    ("提升转化率", "提升轉換率"),
    ("营收增长20%", "營收成長20%"),
    ("做好用户运营", "做好用戶營運"),
    ("客诉率降低到1%以下", "客訴率降到1%以下"),
    ("优化软件质量", "優化軟體品質"),
    ("完成项目上线", "完成專案上線"),
    ("数据看板上线", "資料看板上線"),
    ("提升客服满意度", "提升客服滿意度"),
    ("App下载量达到10万", "App下載量達到10萬"),
    ("首次回复时间缩短到3分钟", "首次回覆時間縮短到3分鐘"),
    ("加强品牌影响力", "加強品牌聲量"),
    ("网站流量提升30%", "網站流量提升30%"),
    ("积极推进数字化", "積極推動數位化"),
])
def test_key_results_in_taiwans_words_are_judged_alike(mainland: str, taiwan: str) -> None:
    from orgspec.text.measurable import assess

    def verdict(text: str) -> tuple[bool, bool, bool, bool, bool]:
        v = assess(text)
        # vague words count where no target follows them (OK004): 降低 is one since trial
        # 33b, the Taiwanese 降到 none, which does not matter beside a target
        return v.metric, v.target, v.deadline, bool(v.vague) and not v.target, bool(v.activity)

    assert verdict(mainland) == verdict(taiwan)
