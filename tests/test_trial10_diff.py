"""The org diff of `--diff` (trial 10): every kind's renamed, added and removed lines, said
by one table; and a rename carries its findings over as unchanged, not new and fixed."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import assert_golden, committed_org, git, run_cli

from orgspec.ci.diff import OrgDiff, compare
from orgspec.engine.lint import lint_org
from orgspec.load.config import Config

BASE = """\
- {kind: Team, id: shop, name: 商店, lead: ada, members: [ada, bob]}
- {kind: Team, id: tech, name: 技术部, parent: shop, lead: ada, members: [ada]}
- {kind: Team, id: gone, parent: shop, lead: ada, members: [ada]}
- {kind: Team, id: mover, parent: shop, lead: ada, members: [ada]}
- {kind: Person, id: ada, name: 阿达}
- {kind: Person, id: bob}
- {kind: Person, id: carl}
- {kind: Position, id: dev, team: tech, title: Dev}
- {kind: Position, id: qa, team: tech, title: QA}
- {kind: Position, id: pm, team: tech, title: PM}
- {kind: Meeting, id: weekly, name: 周会, cadence: weekly, attendees: [ada]}
- {kind: Meeting, id: daily, name: 站会, cadence: daily, attendees: [ada]}
- {kind: Meeting, id: monthly, cadence: monthly, attendees: [ada]}
- {kind: Responsibility, id: refunds, accountable: shop}
- {kind: Responsibility, id: old-duty, accountable: tech}
- {kind: Responsibility, id: shared, accountable: shop}
- kind: Objective
  id: grow
  title: Grow
  owner: shop
  key_results: [{id: k1, title: GMV to 10M by 2026-12-31, metric: gmv, target: "10M"}]
- {kind: Objective, id: oldo, title: 老目标, owner: shop, key_results: []}
- {kind: Objective, id: reno, title: 改名目标, owner: shop, key_results: []}
"""
HEAD = """\
- {kind: Team, id: shop, name: 商店, lead: ada, members: [ada, bob]}
- {kind: Team, id: technology, aliases: [tech], name: 技术部, parent: shop, lead: ada,
   members: [ada]}
- {kind: Team, id: fresh, parent: shop, lead: ada, members: [ada]}
- {kind: Team, id: mover, parent: technology, lead: ada, members: [ada]}
- {kind: Person, id: ada2, aliases: [ada], name: 阿达}
- {kind: Person, id: bob}
- {kind: Person, id: dan}
- {kind: Position, id: developer, aliases: [dev], team: technology, title: Dev}
- {kind: Position, id: qa, team: technology, title: QA}
- {kind: Position, id: ux, team: technology, title: UX}
- {kind: Meeting, id: weekly-sync, aliases: [weekly], name: 周会, cadence: weekly, attendees: [ada]}
- {kind: Meeting, id: daily, name: 站会, cadence: daily, attendees: [ada]}
- {kind: Meeting, id: retro, cadence: monthly, attendees: [ada]}
- {kind: Responsibility, id: refund-handling, aliases: refunds, accountable: shop}
- {kind: Responsibility, id: new-duty, accountable: technology}
- {kind: Responsibility, id: shared, accountable: [shop, technology]}
- kind: Objective
  id: grow
  title: Grow
  owner: shop
  key_results: [{id: k1, title: GMV to 12M by 2026-12-31, metric: gmv, target: "12M"},
                {id: k2, title: new kr}]
- {kind: Objective, id: newo, title: 新目标, owner: shop,
   key_results: [{id: k9, title: 复购率从 20% 提升到 25%}]}
- {kind: Objective, id: renamed-o, aliases: [reno], title: 改名目标, owner: shop, key_results: []}
"""


def _compare(tmp_path: Path, base: str, head: str, config: Config | None = None) -> OrgDiff:
    runs = []
    for name, text in (("base", base), ("head", head)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "org.yaml").write_text(text, "utf-8")
        runs.append(lint_org([str(tmp_path / name)], config or Config()))
    (a, a_org), (b, b_org) = runs
    return compare(a, b, a_org, b_org)


def test_every_kind_says_its_renames_additions_and_removals(tmp_path: Path) -> None:
    # the findings of the renamed entities (position dev's vacancy and unknown field,
    # person ada's RO005, meeting weekly's MT001, objective reno's OK001) are carried over:
    # neither introduced nor fixed
    assert [str(c) for c in _compare(tmp_path, BASE, HEAD).changes] == [
    'team renamed: 技术部 (tech → technology)',
    'team added: fresh',
    'team removed: gone',
    'team moved: mover from 商店 (shop) to 技术部 (technology)',
    'person renamed: 阿达 (ada → ada2)',
    'person added: dan',
    'person removed: carl',
    'position renamed: developer (dev → developer)',
    'position added: ux',
    'position removed: pm',
    'meeting renamed: 周会 (weekly → weekly-sync)',
    'meeting added: retro',
    'meeting removed: monthly',
    'duty renamed: refund-handling (refunds → refund-handling)',
    'duty added: new-duty (accountable: 技术部 (technology))',
    'duty removed: old-duty (was accountable: 技术部 (tech))',
    'accountable owner of duty shared changed: 商店 (shop) → 商店 (shop), 技术部 (technology)',
    "vacancy introduced: 岗位 'ux' 没有任职者",
    "overlap introduced: 职责 'shared' 有 2 个批准方 (A)：shop、technology",
    "vacancy fixed: 岗位 'pm' 没有任职者",
    "fixed: OW006 团队 'gone' 的职责清单为空：不承担任何职责",
    "fixed: HI007 人员 'carl' 不属于任何团队",
    'fixed: SC001 未知字段 `title`',
    "fixed: MT001 会议 'monthly' 没有主持人",
    "fixed: OK001 目标 'oldo' 没有关键结果",
    'objective renamed: 改名目标 (reno → renamed-o)',
    'objective added: 新目标 (newo)',
    'objective removed: 老目标 (oldo)',
    'key result added: new kr (grow/k2)',
    'key result added: 复购率从 20% 提升到 25% (newo/k9)',
    'key result changed: GMV to 12M by 2026-12-31 (grow/k1)',
    ]


OBJECTIVE = """\
- {kind: Team, id: tech, lead: ada, members: [ada]}
- {kind: Person, id: ada}
- kind: Objective
  id: tech-2026q1-stability
  title: 大促期间平台稳定运行
  owner: tech
  period: 2026-Q1
  key_results:
    - {id: availability, title: 平台可用性不低于99.95%, metric: 可用性, target: 99.95%,
       due: 2026-03-31}
    - {id: weekly-review, title: 召开大促稳定性评审会}
    - {id: nightly, title: 召开每晚巡检会}
"""
RENAMED = OBJECTIVE.replace("id: tech-2026q1-stability",
                            "id: tech-stability\n  aliases: [tech-2026q1-stability]")


def test_a_renamed_objective_carries_its_key_results_findings_over(tmp_path: Path) -> None:
    diff = _compare(tmp_path, OBJECTIVE, RENAMED)
    assert (diff.new, diff.fixed, diff.unknown) == ([], [], [])
    assert [str(c) for c in diff.changes] == [
        "objective renamed: 大促期间平台稳定运行 (tech-2026q1-stability → tech-stability)"]


def test_a_finding_new_on_a_renamed_entity_is_still_new(tmp_path: Path) -> None:
    head = RENAMED.replace("    - {id: nightly, title: 召开每晚巡检会}\n",
                           "    - {id: nightly, title: 召开每晚巡检会}\n"
                           "    - {id: vague, title: 提升稳定性}\n")
    diff = _compare(tmp_path, OBJECTIVE, head)
    assert [(f.code, f.location.line) for f in diff.new] == [("OK004", 14)]
    assert diff.fixed == []


def test_check_diff_counts_a_renamed_entitys_findings_as_unchanged(tmp_path: Path) -> None:
    committed_org(Path(__file__).parent.parent / "examples" / "ecommerce", tmp_path)
    okrs = tmp_path / "org" / "okrs" / "2026-q1.yaml"
    okrs.write_text(okrs.read_text("utf-8").replace(
        "id: tech-2026q1-stability", "id: tech-stability\naliases: [tech-2026q1-stability]"),
        "utf-8")
    git(tmp_path, "mv", "org/positions/positions.yaml", "org/positions/roles.yaml")
    run = run_cli("check", "org", "--diff", "HEAD", "--lang", "en", cwd=tmp_path)
    assert run.code == 0, run.stdout
    assert run.stdout.splitlines() == [
        "org diff against HEAD: 0 new findings, 0 fixed",
        "  objective renamed: 大促期间平台稳定运行 (tech-2026q1-stability → tech-stability)",
        "No new problems since HEAD in 12 files (59 entities); 7 findings unchanged since then "
        "are not shown.",
    ]


def test_a_finding_outside_every_entity_keeps_over_a_file_rename(tmp_path: Path) -> None:
    committed_org(Path(__file__).parent.parent / "examples" / "minimal", tmp_path)
    (tmp_path / "org" / "extra.yaml").write_text("- {kind: Tean, id: x}\n", "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "extra")
    git(tmp_path, "mv", "org/extra.yaml", "org/more.yaml")
    run = run_cli("check", "org", "--diff", "HEAD", "--lang", "en", cwd=tmp_path)
    assert run.code == 0, run.stdout
    assert run.stdout.startswith("org diff against HEAD: 0 new findings, 0 fixed\n")
    (tmp_path / "org" / "other.yaml").write_text("- {kind: Tean, id: y}\n", "utf-8")
    again = run_cli("check", "org", "--diff", "HEAD", "--lang", "en", "--format", "json",
                    cwd=tmp_path)  # a second one, in a new file, is new
    assert [(f["code"], f["file"]) for f in again.json()["findings"]] == [
        ("IN010", "org/other.yaml")]


def _pull_request(tmp_path: Path) -> Path:
    """A repo whose base has teams `legacy` (no lead) and `draft` (no duties), and whose
    working tree drops `legacy` and adds a duty two teams are accountable for: findings
    new, unchanged (draft's) and fixed (legacy's)."""
    committed_org(Path(__file__).parent.parent / "examples" / "minimal", tmp_path)
    org = tmp_path / "org" / "org.yaml"
    with org.open("a", encoding="utf-8") as handle:
        handle.write("\n- {kind: Team, id: legacy, parent: platform, members: [grace]}\n"
                     "- {kind: Team, id: draft, parent: platform, lead: grace, "
                     "members: [grace]}\n")
    git(tmp_path, "commit", "-qam", "base")
    text = org.read_text("utf-8").replace(
        "- {kind: Team, id: legacy, parent: platform, members: [grace]}\n", "")
    org.write_text(text + "- {kind: Responsibility, id: status-page, "
                          "accountable: [platform, support]}\n", "utf-8")
    return tmp_path


def test_diff_reports_count_new_unchanged_and_fixed_golden(tmp_path: Path) -> None:
    repo = _pull_request(tmp_path)
    text = run_cli("check", "org", "--diff", "HEAD", "--lang", "zh", cwd=repo)
    assert text.stdout.splitlines()[-1] == (
        "与 HEAD 相比新发现 1 个错误、0 个警告、0 个提示，共 1 个文件（11 个实体）；"
        "另有 1 条此前就有的问题未显示。")
    assert "与 HEAD 对比：1 条新问题，2 条已修复" in text.stdout
    md = run_cli("report", "org", "--diff", "HEAD", "--lang", "zh", cwd=repo)
    assert md.code == 0, md.stderr
    assert "\n与 HEAD 相比：新问题 1 条，未变 1 条，已修复 2 条；团队健康度也计入了未变的问题\n" \
        in md.stdout
    assert_golden("report-diff.md", md.stdout)
    html = run_cli("report", "org", "--diff", "HEAD", "--format", "html", "--lang", "en",
                   cwd=repo, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert html.code == 0, html.stderr
    assert '<p class="diff-counts">Since HEAD: 1 new, 1 unchanged, 2 fixed; team health counts '\
        'the unchanged findings too</p>' in html.stdout
    assert_golden("report-diff.html", re.sub(r"orgspec \d+\.\d+\.\d+\S*?(?=[\s\"<])",
                                             "orgspec VERSION", html.stdout))


def test_a_report_without_diff_has_no_counts_line(tmp_path: Path) -> None:
    repo = _pull_request(tmp_path)
    md = run_cli("report", "org", "--lang", "zh", cwd=repo)
    assert "与 HEAD 相比" not in md.stdout and "新问题" not in md.stdout
