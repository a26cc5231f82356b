"""Trial 11 (周晓雯): the handbook site's OKR page said `✓ 可衡量（指标、目标值、时限）` on key
results whose 指标 and 截止 columns were empty: the metric was read from the sentence and the
time bound from the objective's period, and the columns now say so."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli

ORG = """\
- {kind: Person, id: lina, name: 李娜}
- {kind: Team, id: zhi-bo, name: 直播运营部, lead: lina, members: [lina]}
- kind: Objective
  id: gmv-2027q1
  title: 直播间GMV大幅增长
  owner: zhi-bo
  period: 2027-Q1
  key_results:
    - id: gmv
      title: 直播间GMV从每月800万提升到1200万
"""


def _cells(page: str, title: str) -> list[str]:
    row = next(r for r in re.findall(r"<tr\b.*?</tr>", page, re.S) if title in r)
    return [re.sub(r"<[^>]+>|\s+", " ", c).strip()
            for c in re.findall(r"<td\b.*?</td>", row, re.S)]


def test_a_key_result_measurable_from_its_sentence_and_period_shows_both(
        tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "okr.yaml").write_text(ORG, "utf-8")
    run = run_cli("site", "org", "-o", "public", "--lang", "zh", "--isolated", cwd=tmp_path)
    assert run.code in (0, 1), run.stderr
    page = (tmp_path / "public" / "okrs" / "gmv-2027q1.html").read_text("utf-8")
    cells = _cells(page, "直播间GMV从每月800万提升到1200万")
    # title, metric, baseline, current, target, due, progress, measurable, findings
    assert cells[1] == "（见标题）" and cells[5] == "2027-Q1 期末", cells
    assert "✓" in cells[7]


INLINE = """\
- {kind: Person, id: lina, name: 李娜}
- kind: Team
  id: ji-shu-bu
  lead: lina
  members: [lina]
  responsibilities:
    - {id: system-stability, description: 直播推流稳定}
"""


def test_the_report_names_an_unnamed_inline_duty_once(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(INLINE, "utf-8")
    run_cli("report", "org", "--format", "html", "-o", "r.html", "--lang", "zh",
            "--isolated", cwd=tmp_path)
    page = (tmp_path / "r.html").read_text("utf-8")
    # titled as the site titles it (its description), then its id (trial 32)
    assert "<td>直播推流稳定 <code>system-stability</code>" in page
    assert "system-stability <code>system-stability" not in page


TREE = """\
- {kind: Person, id: lina, name: 李娜}
- {kind: Team, id: zong, name: 总经办, lead: lina, members: [lina], responsibilities: [a]}
- {kind: Team, id: kefu, name: 客服部, parent: zong, lead: lina, members: [lina]}
- {kind: Responsibility, id: a, name: 经营}
"""


def test_the_home_tree_shows_a_parents_subtree_score_beside_its_own(tmp_path: Path) -> None:
    """Decided: a team's badge is its own score (as on the health page); a team with teams
    below also shows the score of its subtree, so 100 never hides a child's 97."""
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(TREE, "utf-8")
    run_cli("site", "org", "-o", "public", "--lang", "zh", "--isolated", cwd=tmp_path)
    page = (tmp_path / "public" / "index.html").read_text("utf-8")
    item = next(li for li in re.findall(r"<li data-name=\"总经办 zong\">.*?(?=<li|</ul>)",
                                        page, re.S))
    assert re.search(r'class="badge ok"[^>]*>100</span>', item)
    assert re.search(r'class="subtree"[^>]*>含下级团队的得分：97 · 1 个下级团队</span>', item), item
