"""A fresh user's trial (trust14): `--diff` with a baseline says one set of counts, in the
text, the Markdown report and the chat message."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import git, run_cli

BASE = """\
- {kind: Team, id: tech, name: 技术部, lead: p1, members: [p1]}
- {kind: Person, id: p1, name: 张三}
- {kind: Responsibility, id: ops, name: 运维, accountable: tech}
- kind: Objective
  id: o1
  title: 稳定运行
  owner: tech
  period: 2026-Q1
  key_results:
    - {id: kr1, title: 显著提升稳定性}
"""
# a vague key result added (baselined on the branch) and a meeting
ADDED = BASE + """\
- kind: Objective
  id: o2
  title: 降本
  owner: tech
  period: 2026-Q1
  key_results:
    - {id: kr2, title: 大幅降低成本}
- {kind: Meeting, id: m1, name: 周会, cadence: 每周一 10:00, owner: p1, attendees: [tech]}
"""
TYPO = ADDED.replace("owner: p1, attendees", "owner: p2, attendees")  # RF001, not baselined


def _branch(repo: Path) -> Path:
    """`repo` with BASE committed (one OK004) and ADDED in the working tree, baselined
    there (the OK004 unchanged since HEAD and the new one)."""
    (repo / "org").mkdir(parents=True)
    (repo / "org" / "org.yaml").write_text(BASE, "utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    (repo / "org" / "org.yaml").write_text(ADDED, "utf-8")
    wrote = run_cli("check", "org", "--write-baseline", "b.json", "--lang", "en", cwd=repo)
    assert wrote.stderr == "wrote a baseline of 2 findings to b.json\n"
    return repo


@pytest.mark.parametrize(("text", "lang", "head", "summary"), [
    (ADDED, "en", "org diff against HEAD: 0 new findings, 0 fixed; the baseline hides 2 more: "
     "1 new, 1 unchanged",
     "No new problems since HEAD in 1 file (6 entities). 2 known findings hidden by the "
     "baseline."),
    (TYPO, "en", "org diff against HEAD: 1 new finding, 0 fixed; the baseline hides 2 more: "
     "1 new, 1 unchanged",
     "Found 1 error, 0 warnings, 0 info new since HEAD in 1 file (6 entities). 2 known "
     "findings hidden by the baseline."),
    (ADDED, "zh", "与 HEAD 对比：0 条新问题，0 条已修复；基线另隐藏了 2 条：新问题 1 条，未变 1 条",
     "与 HEAD 相比没有新问题，共 1 个文件（6 个实体）。基线隐藏了 2 条已知问题。"),
    (TYPO, "zh", "与 HEAD 对比：1 条新问题，0 条已修复；基线另隐藏了 2 条：新问题 1 条，未变 1 条",
     "与 HEAD 相比新发现 1 个错误、0 个警告、0 个提示，共 1 个文件（6 个实体）。基线隐藏了 2 条已知"
     "问题。"),
], ids=["en-none-new", "en-typo", "zh-none-new", "zh-typo"])
def test_diff_with_a_baseline_counts_what_is_left_and_what_it_hid(
        tmp_path: Path, text: str, lang: str, head: str, summary: str) -> None:
    repo = _branch(tmp_path)
    (repo / "org" / "org.yaml").write_text(text, "utf-8")
    run = run_cli("check", "org", "--diff", "HEAD", "--baseline", "b.json", "--lang", lang,
                  cwd=repo)
    assert run.code == (1 if text == TYPO else 0)
    lines = run.stdout.splitlines()
    assert [line for line in lines if "HEAD" in line] == [head, summary]


@pytest.mark.parametrize(("fmt", "lang", "counts"), [
    ("markdown", "en", "Since HEAD: 1 new, 0 unchanged, 0 fixed; the baseline hides 2 more: "
     "1 new, 1 unchanged"),
    ("chat", "en", "Since `HEAD`: 1 new, 0 unchanged, 0 fixed; the baseline hides 2 more: 1 new, "
     "1 unchanged"),
    ("markdown", "zh", "与 HEAD 相比：新问题 1 条，未变 0 条，已修复 0 条；"
     "基线另隐藏了 2 条：新问题 1 条，未变 1 条"),
    ("chat", "zh", "与 `HEAD` 相比：新问题 1 条，未变 0 条，已修复 0 条；"
     "基线另隐藏了 2 条：新问题 1 条，未变 1 条"),
])
def test_the_reports_say_the_same_counts(tmp_path: Path, fmt: str, lang: str,
                                         counts: str) -> None:
    repo = _branch(tmp_path)
    (repo / "org" / "org.yaml").write_text(TYPO, "utf-8")
    run = run_cli("report", "org", "--diff", "HEAD", "--baseline", "b.json", "--lang", lang,
                  "--format", fmt, cwd=repo)
    assert run.code == 0, run.stderr
    assert [line for line in run.stdout.splitlines() if "HEAD" in line] == [counts]


def test_without_a_baseline_the_counts_are_as_before(tmp_path: Path) -> None:
    repo = _branch(tmp_path)
    (repo / "org" / "org.yaml").write_text(TYPO, "utf-8")
    run = run_cli("check", "org", "--diff", "HEAD", "--no-baseline", "--lang", "en", cwd=repo)
    assert [line for line in run.stdout.splitlines() if "HEAD" in line] == [
        "org diff against HEAD: 2 new findings, 0 fixed",
        "Found 2 errors, 0 warnings, 0 info new since HEAD in 1 file (6 entities); 1 finding "
        "unchanged since then is not shown."]
    report = run_cli("report", "org", "--diff", "HEAD", "--no-baseline", "--lang", "en",
                     cwd=repo)
    assert [line for line in report.stdout.splitlines() if "HEAD" in line] == [
        "Since HEAD: 2 new, 1 unchanged, 0 fixed; team health counts the unchanged findings "
        "too"]


# --- one mistake, one finding: a holder left out of every team is HI007's alone ---

TEAM = """\
- {kind: Team, id: tech, name: 技术部, lead: p1, members: [p1, he-li]}
- {kind: Person, id: p1, name: 张三}
- {kind: Person, id: he-li, name: 何丽}
- {kind: Responsibility, id: ops, name: 运维, accountable: tech}
- {kind: Role, id: sre, name: 运维工程师, team: tech, holders: [he-li]}
"""
LEFT_OUT = TEAM.replace("members: [p1, he-li]", "members: [p1]")


def _codes(run_stdout: str) -> list[str]:
    return [line.split(" ", 2)[:2] for line in run_stdout.splitlines()
            if line.startswith("org/")]  # type: ignore[misc]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "org/org.yaml:3:18: HI007 [warning] person 何丽 (he-li) is on no team\n"
           "    hint: add the person to the `members` of 技术部 (tech)\n"),
    ("zh", "org/org.yaml:3:18: HI007 [警告] 人员 何丽 (he-li) 不属于任何团队\n"
           "    建议: 把此人加入 技术部 (tech) 的 `members`\n"),
])
def test_a_holder_on_no_team_is_one_finding(tmp_path: Path, lang: str, said: str) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(LEFT_OUT, "utf-8")
    run = run_cli("check", "org", "--lang", lang, "--no-cache", cwd=tmp_path)
    assert run.code == 0
    assert run.stdout.startswith(said)
    assert _codes(run.stdout) == [["org/org.yaml:3:18:", "HI007"]]


def test_with_hi007_off_ro002_reports_as_before(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(LEFT_OUT, "utf-8")
    run = run_cli("check", "org", "--lang", "en", "--no-cache", "--ignore", "HI007",
                  cwd=tmp_path)
    assert _codes(run.stdout) == [["org/org.yaml:5:60:", "RO002"]]


def test_a_person_on_no_team_without_a_position_keeps_the_general_hint(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(
        LEFT_OUT.replace("holders: [he-li]", "holders: [p1]"), "utf-8")
    run = run_cli("check", "org", "--lang", "en", "--no-cache", cwd=tmp_path)
    assert run.stdout.startswith(
        "org/org.yaml:3:18: HI007 [warning] person 何丽 (he-li) is on no team\n"
        "    hint: add the person to a team's `members`\n")
    assert _codes(run.stdout) == [["org/org.yaml:3:18:", "HI007"]]


def test_the_held_ro002_is_not_fixed_for_a_baseline(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(LEFT_OUT, "utf-8")
    ro002 = run_cli("check", "org", "--ignore", "HI007", "--write-baseline", "b.json",
                    cwd=tmp_path)
    assert ro002.code == 0
    run = run_cli("check", "org", "--lang", "en", "--baseline", "b.json", cwd=tmp_path)
    assert "0 stale entries" in run.stderr
    assert "baseline entry not checked (held back behind another finding until that one is " \
        "fixed): org/org.yaml: RO002" in run.stderr


def test_a_team_renamed_warm_equals_a_fresh_check(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    org = tmp_path / "org" / "org.yaml"
    org.write_text(LEFT_OUT, "utf-8")
    env = {"ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    first = run_cli("check", "org", "--lang", "en", cwd=tmp_path, env=env)
    assert "技术部 (tech)" in first.stdout
    for name in ("研发部", "技术中心"):
        org.write_text(LEFT_OUT.replace("name: 技术部", f"name: {name}"), "utf-8")
        warm = run_cli("check", "org", "--lang", "en", cwd=tmp_path, env=env)
        cold = run_cli("check", "org", "--lang", "en", "--no-cache", cwd=tmp_path)
        assert warm.stdout == cold.stdout
        assert f"hint: add the person to the `members` of {name} (tech)\n" in warm.stdout


# --- stale baseline entries told apart: by entity, identical ones once with a count ---

def _entry(fp: str, code: str, entity: str, en: str, zh: str) -> dict[str, object]:
    return {"fingerprint": fp, "code": code, "file": "org/org.yaml", "entity": entity,
            "message": zh, "messages": {"en": en, "zh": zh, "zh-Hant": zh}}


RF005 = ("'logistics' in `attendees` is a former id of team `warehouse`",
         "`attendees` 中的 'logistics' 是团队 `warehouse` 以前的 id")
STALE = [_entry("a1", "RF005", "meeting:weekly", *RF005),
         _entry("a2", "RF005", "meeting:standup", *RF005),
         _entry("a3", "RF005", "meeting:standup", *RF005),  # written twice: identical
         _entry("a4", "OK004", "objective:o9/key_result:kr1", "key result 'kr1' is vague",
                "关键结果 'kr1' 表述模糊"),
         _entry("a5", "SU001", "", "unused suppression", "无用的抑制注释")]


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["stale baseline entry (fixed): org/org.yaml: RF005 on meeting 'weekly': "
            "'logistics' in `attendees` is a former id of team `warehouse`",
            "stale baseline entry (fixed): org/org.yaml: RF005 on meeting 'standup': "
            "'logistics' in `attendees` is a former id of team `warehouse` (2 identical "
            "entries)",
            "stale baseline entry (fixed): org/org.yaml: OK004 on key result 'kr1' of "
            "objective 'o9': key result 'kr1' is vague",
            "stale baseline entry (fixed): org/org.yaml: SU001 unused suppression"]),
    ("zh", ["过时的基线条目（已修复）：org/org.yaml：会议 'weekly' 的 RF005：`attendees` 中的 "
            "'logistics' 是团队 `warehouse` 以前的 id",
            "过时的基线条目（已修复）：org/org.yaml：会议 'standup' 的 RF005：`attendees` 中的 "
            "'logistics' 是团队 `warehouse` 以前的 id（共 2 条相同的条目）",
            "过时的基线条目（已修复）：org/org.yaml：目标 'o9' 的关键结果 'kr1' 的 OK004：关键结果 "
            "'kr1' 表述模糊",
            "过时的基线条目（已修复）：org/org.yaml：SU001 无用的抑制注释"]),
])
def test_stale_entries_name_their_entity_and_say_identical_ones_once(
        tmp_path: Path, lang: str, lines: list[str]) -> None:
    import json

    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(TEAM, "utf-8")
    (tmp_path / "b.json").write_text(json.dumps(
        {"version": 2, "tool": "orgspec", "findings": STALE}, ensure_ascii=False), "utf-8")
    run = run_cli("check", "org", "--baseline", "b.json", "--lang", lang, cwd=tmp_path)
    assert run.code == 0
    assert run.stderr.splitlines()[1:] == lines
    assert ("5 stale entries" if lang == "en" else "5 条过时条目") in run.stderr
