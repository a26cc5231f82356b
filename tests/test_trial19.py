"""Trial 19 (a Hangzhou live-commerce operations director, README only): a file checked on its
own also reports the findings it causes elsewhere; duplicate duties within one team; corner
quotes around a key result's title; what a failed file held back; id hints."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import git, run_cli
from trialorgs import BASE, NEW_TEAM


def claimed(write_org) -> Path:
    """An org whose new team file claims a duty the base file's team is accountable for:
    OW001 on the duty in base.yaml, its related location in new-team.yaml."""
    return write_org({"base.yaml": BASE, "new-team.yaml": NEW_TEAM}).parent


@pytest.mark.parametrize("fmt", ["text", "json", "json-lines", "sarif", "github", "gitlab",
                                 "junit", "junit-suite", "markdown", "chat"])
def test_a_file_checked_alone_reports_the_error_it_causes_in_another_file(
        write_org, fmt: str) -> None:
    top = claimed(write_org)
    run = run_cli("check", "org/new-team.yaml", "--format", fmt, cwd=top)
    assert run.code == 1, run.stdout
    assert "OW001" in run.stdout and "base.yaml" in run.stdout


def test_the_finding_keeps_its_own_location_and_other_files_stay_quiet(write_org) -> None:
    top = claimed(write_org)
    whole = run_cli("check", "org", "--format", "json", cwd=top).json()["findings"]
    alone = run_cli("check", "org/new-team.yaml", "--format", "json", cwd=top)
    where = [(f["code"], f["file"], f["line"], f["column"]) for f in alone.json()["findings"]]
    assert where == [("OW001", "org/base.yaml", 4, 59)]
    assert alone.json()["findings"] == whole
    (top / "org" / "people.yaml").write_text("- {kind: Person, id: wu, name: 吴}\n", "utf-8")
    other = run_cli("check", "org/people.yaml", "--format", "json", cwd=top)
    assert [f["code"] for f in other.json()["findings"]] == ["HI007"]  # wu is on no team


def test_the_cached_result_is_filtered_per_run(write_org) -> None:
    top = claimed(write_org)
    (top / "org" / "people.yaml").write_text("- {kind: Person, id: wu, name: 吴}\n", "utf-8")
    runs = [run_cli("check", path, "--format", "json", cwd=top).json()["findings"]
            for path in ("org/people.yaml", "org/new-team.yaml", "org/base.yaml",
                         "org/people.yaml", "org/new-team.yaml")]
    codes = [[f["code"] for f in found] for found in runs]
    assert codes == [["HI007"], ["OW001"], ["OW001"], ["HI007"], ["OW001"]]


def test_staged_files_named_report_the_error_they_cause_elsewhere(write_org) -> None:
    top = claimed(write_org)
    git(top, "init", "-q")
    git(top, "add", ".")
    run = run_cli("check", "--staged", "org/new-team.yaml", "--format", "json", cwd=top)
    assert [(f["code"], f["file"], f["line"]) for f in run.json()["findings"]] == [
        ("OW001", "org/base.yaml", 4)]
    assert run.code == 1


# 2. A duty copied within one team -------------------------------------------------------------

def duties(first: str, second: str, same_team: bool = True,
           names: tuple[str, str] = ("售后服务", "售后服务")) -> dict[str, str]:
    """Two duties, accountable to one team (`cs`) or to two (`cs`, `ops`)."""
    owner = "cs" if same_team else "ops"
    return {"d.yaml": f"""\
- {{kind: Team, id: cs, name: 客服部, lead: p, members: [p], \
responsibilities: [after-sales{', refund' if same_team else ''}]}}
- {{kind: Team, id: ops, name: 运营部, lead: q, members: [q], \
responsibilities: [{'' if same_team else 'refund'}]}}
- {{kind: Person, id: p, name: 黄敏}}
- {{kind: Person, id: q, name: 王强}}
- {{kind: Responsibility, id: after-sales, name: {names[0]}, description: {first}, accountable: cs}}
- {{kind: Responsibility, id: refund, name: {names[1]}, description: {second}, \
accountable: {owner}}}
"""}


def ow007(folder: Path, lang: str = "en") -> list[tuple[int, int, str, list[int]]]:
    run = run_cli("check", str(folder), "--format", "json", "--lang", lang, "--select", "OW007")
    return [(f["line"], f["column"], f["message"], [r["line"] for r in f["related"]])
            for f in run.json()["findings"]]


def test_a_duty_copied_within_one_team_is_reported(write_org) -> None:
    folder = write_org(duties("处理退换货、退款等售后问题", "处理退换货、退款等售后问题"))
    assert ow007(folder) == [(5, 55, "duties 'after-sales' and 'refund' of cs say the same "
                                     "(similarity 1.00)", [6])]
    hint = run_cli("check", str(folder), "--lang", "zh").stdout
    assert "客服部 (cs) 的职责 售后服务 (after-sales) 和 售后服务 (refund) 内容重复" in hint
    assert "把其余各项的 id 写进它的 `aliases`" in hint


def test_one_teams_duties_in_both_scripts_are_one_duty(write_org) -> None:
    folder = write_org(duties("处理用户投诉", "處理用戶投訴"))
    assert [line for line, *_ in ow007(folder)] == [5]


def test_one_teams_related_duties_are_not_reported_though_across_teams_they_are(
        write_org, tmp_path: Path) -> None:
    names = ("用户投诉", "投诉处理")
    assert ow007(write_org(duties("处理用户投诉与建议", "解决用户投诉", names=names))) == []
    other = tmp_path / "two-teams"
    other.mkdir()
    for name, text in duties("处理用户投诉与建议", "解决用户投诉", False, names).items():
        (other / name).write_text(text, "utf-8")
    assert [line for line, *_ in ow007(other)] == [5]


# 3. IME quotes around any name or title ------------------------------------------------------

QUOTED = """\
- {kind: Team, id: t, name: 技术部, names: {en: “Tech”}, lead: p, members: [p], \
responsibilities: [d]}
- {kind: Person, id: p, name: 林宇, title: 「技术总监」}
- {kind: Responsibility, id: d, name: 直播稳定, accountable: t}
- kind: Process
  id: flow
  name: 发布流程
  owner: t
  responsibility: d
  steps:
    - {id: s1, name: 「提交」, owner: t, next: [s2]}
    - {id: s2, name: 审核, names: {zh-Hant: 『審核』}, owner: t}
- kind: Position
  id: pos
  name: 运维
  team: t
  holders: [p]
  kpis:
    - 「可用率 99.9%」
    - {id: k2, title: 『故障恢复 30 分钟内』}
- kind: Objective
  id: o
  title: 「直播系统稳定」
  owner: t
  period: 2026
  key_results:
    - {id: k, title: 「推流可用率从99.5%提升到99.9%」}
    - {id: k3, title: 推流成功率从“98%”提升到“99%”}
"""


def test_ime_quotes_around_every_name_or_title_are_sc005(write_org) -> None:
    folder = write_org({"q.yaml": QUOTED})
    run = run_cli("check", str(folder), "--format", "json", "--lang", "en", "--select", "SC005")
    found = [(f["line"], f["column"], f["hint"]) for f in run.json()["findings"]]
    assert found == [
        (1, 46, "write `en: Tech` (quote a value with ASCII `\"` or `'` only)"),
        (2, 42, "write `title: 技术总监` (quote a value with ASCII `\"` or `'` only)"),
        (10, 22, "write `name: 提交` (quote a value with ASCII `\"` or `'` only)"),
        (11, 43, "write `zh-Hant: 審核` (quote a value with ASCII `\"` or `'` only)"),
        (18, 7, "write the item as `- 可用率 99.9%` (quote a value with ASCII `\"` or `'` only)"),
        (19, 23, "write `title: 故障恢复 30 分钟内` (quote a value with ASCII `\"` or `'` only)"),
        (22, 10, "write `title: 直播系统稳定` (quote a value with ASCII `\"` or `'` only)"),
        (26, 22, "write `title: 推流可用率从99.5%提升到99.9%` (quote a value with ASCII `\"` or "
                 "`'` only)")]
    kr = run_cli("check", str(folder), "--lang", "zh", "--select", "SC005").stdout
    assert "目标 直播系统稳定 (o) 的关键结果 'k' 的 `title` 「推流可用率从99.5%提升到99.9%」 " \
        "包在引号 「」" in kr


# 4. What a file that failed to load held back ----------------------------------------------

TWO_TEAMS = """\
- {kind: Team, id: a, name: 客服部, lead: p, members: [p], responsibilities: [d]}
- {kind: Team, id: b, name: 仓储部, lead: q, members: [q], \
responsibilities: [{ref: d, role: responsible}]}
- {kind: Person, id: p, name: 黄敏}
- {kind: Person, id: q, name: 王强}
- {kind: Responsibility, id: d, name: 售后服务, accountable: a, responsible: [b]}
- {kind: Meeting, id: standup, name: 晨会, cadence: daily, owner: p, attendees: [a]}
"""
BROKEN = "- kind: Meeting\n  id: m\n  name: 周会\noops: [\n"


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "1 file could not be loaded, so cross-file checks are incomplete. 1 finding is "
           "held back until it loads (MT004)."),
    ("zh", "1 个文件无法加载，所以跨文件检查不完整。"
           "在它能加载之前，暂不报告 1 条问题（MT004）。"),
    ("zh-Hant", "1 個檔案無法載入，所以跨檔案檢查不完整。"
                "在它能載入之前，暫不報告 1 條問題（MT004）。"),
])
def test_the_summary_says_what_a_failed_file_held_back(write_org, lang: str, said: str) -> None:
    folder = write_org({"teams.yaml": TWO_TEAMS, "meetings.yaml": BROKEN})
    run = run_cli("check", str(folder), "--lang", lang)
    assert run.stdout.splitlines()[-1].endswith(said), run.stdout
    assert "MT004" not in run.stdout.replace("（MT004）", "").replace("(MT004)", "")
    (folder / "meetings.yaml").unlink()  # gone: the finding shows
    shown = run_cli("check", str(folder), "--format", "json").json()["findings"]
    assert [(f["code"], f["line"]) for f in shown] == [("MT004", 5)]


# 5. Id hints: the real problem, and an id for an entity without one --------------------------

IDS = """\
- {kind: Team, id: t, name: 技术部, lead: p, members: [p]}
- {kind: Person, id: p, name: 林宇}
- {kind: Person, id: wu xin, name: 吴欣}
- {kind: Person, id: Wu Xin, name: 吴欣}
- {kind: Person, id: Wu-Xin, name: 吴欣}
- {kind: Person, name: 吴欣}
- {kind: Team, name: Live Ops, lead: p, members: [p]}
- kind: Process
  id: flow
  owner: t
  steps:
    - {name: 提交审核, owner: t}
"""


@pytest.mark.parametrize(("lang", "hints"), [
    # four people cannot share one id: each is suggested one the others are not (fix23b)
    ("en", ["an id has no spaces: write it as `wu-xin`",
            "an id is lowercase, with no spaces: write it as `wu-xin-2`",
            "an id is lowercase: write it as `wu-xin-3`",
            "add `id: wu-xin-4` (read from `name` '吴欣')",
            "add `id: live-ops` (read from `name` 'Live Ops')",
            "add `id: ti-jiao-shen-he` (read from `name` '提交审核')"]),
    ("zh", ["id 中间不能有空格：写成 `wu-xin`",
            "id 只用小写，中间不能有空格：写成 `wu-xin-2`",
            "id 只用小写：写成 `wu-xin-3`",
            "加上 `id: wu-xin-4`（由 `name` '吴欣' 转写而来）",
            "加上 `id: live-ops`（由 `name` 'Live Ops' 转写而来）",
            "加上 `id: ti-jiao-shen-he`（由 `name` '提交审核' 转写而来）"]),
])
def test_id_hints_name_the_problem_and_read_a_missing_id_from_the_name(
        write_org, lang: str, hints: list[str]) -> None:
    folder = write_org({"p.yaml": IDS})
    run = run_cli("check", str(folder), "--format", "json", "--lang", lang, "--select", "SC")
    found = [(f["code"], f["line"], f["hint"]) for f in run.json()["findings"]]
    assert found == [(code, line, hint) for (code, line), hint in zip(
        [("SC003", 3), ("SC003", 4), ("SC003", 5), ("SC002", 6), ("SC002", 7), ("SC002", 12)],
        hints, strict=True)]


# 6. GitLab Code Quality and JUnit say names as `check` does ----------------------------------

def test_gitlab_and_junit_say_the_names_check_says(write_org) -> None:
    import json
    from xml.etree import ElementTree

    top = claimed(write_org)
    lines = run_cli("check", "org", cwd=top).stdout.splitlines()
    said = lines[0].split(" [错误] ", 1)[1]
    assert said == "职责 直播稳定性 (live-stability) 有 2 个批准方 (A)：技术部 (tech)、直播中台 " \
                   "(live-center)"
    gitlab = json.loads(run_cli("check", "org", "--format", "gitlab", cwd=top).stdout)
    assert [i["description"] for i in gitlab] == [f"OW001: {said}"]
    junit = ElementTree.fromstring(run_cli("check", "org", "--format", "junit", cwd=top).stdout)
    failure = junit.find(".//failure")
    assert failure is not None and failure.get("message") == said
    # then the related and hint lines `check` shows under it (fmt32: GitLab shows only this)
    assert failure.text == "\n".join([f"第 4 行第 59 列，{said}（OW001）", *lines[1:3]])
    assert lines[2].startswith("    建议: ")
