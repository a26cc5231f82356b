"""Trial 23 (an HR business partner's org diff): a person on two teams, a person added to a
second team, a manager changed, and positions moved, renamed without `aliases` or given
new holders are each one line of the org diff that says what happened."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import committed_org, git, run_cli

BASE = """\
- {kind: Team, id: shop, name: 店铺运营部, lead: p1, members: [p1, p2, p4]}
- {kind: Team, id: live, name: 直播运营部, lead: p3, members: [p3, p5]}
- {kind: Person, id: p1, name: 冯涛}
- {kind: Person, id: p2, name: 褚丽, manager: p1}
- {kind: Person, id: p3, name: 陈静}
- {kind: Person, id: p4, name: 卫强, manager: p1}
- {kind: Person, id: p5, name: 喻文, manager: p3}
- {kind: Responsibility, id: ops, name: 店铺运营, accountable: shop}
- {kind: Responsibility, id: stream, name: 直播, accountable: live}
"""


def _diff(tmp_path: Path, base: str, head: str, lang: str) -> list[str]:
    """The org diff's change lines of `check --diff HEAD`, `base` committed, `head` not."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "org.yaml").write_text(base, "utf-8")
    repo = committed_org(source, tmp_path / "repo")
    (repo / "org" / "org.yaml").write_text(head, "utf-8")
    git(repo, "add", ".")
    run = run_cli("check", "org", "--diff", "HEAD", "--lang", lang, "--exit-zero", cwd=repo)
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if "HEAD" in line)  # the diff's first line
    changes = []
    for line in lines[head + 1:]:
        if not line.startswith("  "):
            break
        changes.append(line.strip())
    return changes


@pytest.mark.parametrize(("lang", "line"), [
    ("zh", "离开团队：褚丽 (p2) 离开 店铺运营部 (shop)，仍在 直播运营部 (live)"),
    ("zh-Hant", "離開團隊：褚丽 (p2) 離開 店铺运营部 (shop)，仍在 直播运营部 (live)"),
    ("en", "person left a team: 褚丽 (p2) left 店铺运营部 (shop), still in 直播运营部 (live)"),
])
def test_leaving_one_of_two_teams_says_the_team_she_is_still_on(tmp_path: Path, lang: str,
                                                                 line: str) -> None:
    base = BASE.replace("members: [p3, p5]", "members: [p3, p5, p2]")
    head = base.replace("members: [p1, p2, p4]", "members: [p1, p4]")
    assert _diff(tmp_path, base, head, lang) == [line]


@pytest.mark.parametrize(("lang", "lines"), [
    ("zh", ["加入团队：褚丽 (p2) 加入 直播运营部 (live)，仍在 店铺运营部 (shop)",
            "褚丽 (p2) 的直属上级变更：冯涛 (p1) → 陈静 (p3)"]),
    ("en", ["person joined a team: 褚丽 (p2) joined 直播运营部 (live), still in 店铺运营部 (shop)",
            "manager of 褚丽 (p2) changed: 冯涛 (p1) → 陈静 (p3)"]),
])
def test_joining_a_second_team_and_a_new_manager_are_shown(tmp_path: Path, lang: str,
                                                           lines: list[str]) -> None:
    head = BASE.replace("members: [p3, p5]", "members: [p3, p5, p2]").replace(
        "name: 褚丽, manager: p1", "name: 褚丽, manager: p3")
    assert _diff(tmp_path, BASE, head, lang) == lines


def test_moves_with_several_teams_name_each_side(tmp_path: Path) -> None:
    """On two teams, she trades one for a third (moved, still on the other); he leaves
    his only team (in no team now, which is true); one in no team joins one."""
    base = BASE.replace("members: [p3, p5]", "members: [p3, p5, p2]") + \
        "- {kind: Team, id: tmall, name: 天猫运营部, lead: p1, members: [p1]}\n" \
        "- {kind: Person, id: p6, name: 朱琳}\n"
    head = base.replace("lead: p1, members: [p1]}", "lead: p1, members: [p1, p2, p6]}"
                        ).replace("members: [p1, p2, p4]", "members: [p1]")
    assert [line for line in _diff(tmp_path, base, head, "en")
            if not line.startswith("fixed: ")] == [
        "person moved: 褚丽 (p2) from 店铺运营部 (shop) to 天猫运营部 (tmall), "
        "still in 直播运营部 (live)",
        "person left a team: 卫强 (p4) left 店铺运营部 (shop) and is in no team now",
        "person joined a team: 朱琳 (p6) joined 天猫运营部 (tmall)"]


POSITIONS = BASE + """\
- {kind: Position, id: store-manager, name: 店长, team: shop, holders: [p1],
   duties: [ops]}
- {kind: Position, id: host, name: 主播, team: live, holders: [p5]}
- {kind: Position, id: clerk, name: 运营专员, team: shop, holders: [p4]}
"""


@pytest.mark.parametrize(("lang", "lines"), [
    ("zh", ["岗位看起来改了名，但没有写 `aliases: [store-manager]`：店长 (store-manager) → "
            "天猫店长 (tmall-store-manager)",
            "岗位调整：运营专员 (clerk) 从 店铺运营部 (shop) 移到 直播运营部 (live)",
            "岗位 主播 (host) 的任职者变更：喻文 (p5) → 喻文 (p5)、陈静 (p3)"]),
    ("en", ["position looks renamed without `aliases: [store-manager]`: 店长 (store-manager) → "
            "天猫店长 (tmall-store-manager)",
            "position moved: 运营专员 (clerk) from 店铺运营部 (shop) to 直播运营部 (live)",
            "holders of position 主播 (host) changed: 喻文 (p5) → 喻文 (p5), 陈静 (p3)"]),
])
def test_positions_moved_renamed_and_given_holders(tmp_path: Path, lang: str,
                                                   lines: list[str]) -> None:
    head = POSITIONS.replace("id: store-manager, name: 店长", "id: tmall-store-manager, "
                             "name: 天猫店长").replace("holders: [p5]", "holders: [p5, p3]"
                             ).replace("team: shop, holders: [p4]", "team: live, holders: [p4]")
    assert _diff(tmp_path, POSITIONS, head, lang) == lines


def test_a_person_promoted_to_a_new_position_is_no_rename(tmp_path: Path) -> None:
    """Same holder, other duties: a promotion (one position removed, one added), not a
    position renamed without `aliases`."""
    head = POSITIONS.replace("- {kind: Position, id: clerk, name: 运营专员, team: shop, "
                             "holders: [p4]}", "- {kind: Position, id: lead-clerk, "
                             "name: 运营主管, team: shop, holders: [p4], duties: [ops]}")
    assert _diff(tmp_path, POSITIONS, head, "en") == [
        "position added: 运营主管 (lead-clerk)", "position removed: 运营专员 (clerk)"]


def _chat(tmp_path: Path, base: str, head: str, lang: str, *args: str) -> str:
    """`report --format chat --diff HEAD~1` of `base` committed, then `head` committed."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "org.yaml").write_text(base, "utf-8")
    repo = committed_org(source, tmp_path / "repo")
    (repo / "org" / "org.yaml").write_text(head, "utf-8")
    git(repo, "commit", "-qam", "moves")
    run = run_cli("report", "org", "--format", "chat", "--diff", "HEAD~1", "--lang", lang,
                  *args, cwd=repo)
    assert run.code == 0, run.stderr
    return run.stdout


MOVED = BASE.replace("members: [p1, p2, p4]", "members: [p1]").replace(
    "members: [p3, p5]", "members: [p3, p5, p2, p4]")


def test_the_chat_message_says_who_moved_and_keeps_the_ref_as_written(
        tmp_path: Path) -> None:
    text = _chat(tmp_path, BASE, MOVED, "zh")
    # `~` kept as typed, in a code span (not the full-width `～` of the escaping)
    assert "\n与 `HEAD~1` 相比：" in text and "～" not in text
    assert "\n**组织变化**\n" \
        "- 人员调动：褚丽 (p2) 从 店铺运营部 (shop) 调到 直播运营部 (live)\n" \
        "- 人员调动：卫强 (p4) 从 店铺运营部 (shop) 调到 直播运营部 (live)\n" in text
    assert "orgspec" not in text  # no command for a chat reader to run (no --link)


def test_the_chat_message_lists_so_many_changes_then_counts_the_rest(tmp_path: Path) -> None:
    from orgspec.report.chat import CHANGES_SHOWN

    people = "".join(f"- {{kind: Person, id: n{i}, name: 新人{i}}}\n"
                     for i in range(CHANGES_SHOWN + 3))
    text = _chat(tmp_path, BASE, BASE + people, "en")
    listed = [line for line in text.splitlines() if line.startswith("- person added: ")]
    assert len(listed) == CHANGES_SHOWN
    assert f"{listed[-1]}\n\n… and 3 more changes\n" in text


NAMELESS = """\
- {kind: Team, id: hr, name: 人力资源部, lead: p1, members: [p1]}
- {kind: Person, id: p1, name: 张伟}
- kind: Responsibility
  id: hiring
  name: 招聘
  负责人: hr
  accountable: hr
- {kind: Objective, id: o1, title: 提升直播间GMV, owner: hr, period: FY2026 Q3}
- {kind: Objective, id: o2, title: 降低退货率, owner: hr, period: FY2026 Q3}
"""


@pytest.mark.parametrize(("lang", "lines"), [
    ("zh", ["- ❌ SC003 目标 提升直播间GMV (o1) 的 `period` 的值 'FY2026 Q3' 按财年计：orgspec "
            "无法得知它覆盖哪些月份 `org/o.yaml:8`",
            "- ❌ SC003 目标 降低退货率 (o2) 的 `period` 的值 'FY2026 Q3' 按财年计：orgspec "
            "无法得知它覆盖哪些月份 `org/o.yaml:9`"]),
    ("zh-Hant", ["- ❌ SC003 目標 降低退货率 (o2) 的 `period` 的值 'FY2026 Q3' 按財年計：orgspec "
                 "無法得知它覆蓋哪些月份 `org/o.yaml:9`"]),
    ("en", ["- ❌ SC003 objective 提升直播间GMV (o1): `period` 'FY2026 Q3' counts by fiscal "
            "year: orgspec cannot tell which months it covers `org/o.yaml:8`"]),
])
def test_a_chat_line_names_the_objective_of_a_period(tmp_path: Path, lang: str,
                                                          lines: list[str]) -> None:
    """A chat line has no hint and no context: two objectives with one fiscal `period` must
    say which objective each is about."""
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text(NAMELESS, "utf-8")
    run = run_cli("report", "org", "--format", "chat", "--lang", lang, cwd=tmp_path)
    said = run.stdout.splitlines()
    assert [line for line in said if line in lines] == lines, run.stdout
