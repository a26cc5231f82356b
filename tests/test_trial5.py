"""What a new user met on their own org (trial 5): an org diff that called a file it could
not read deleted, a folder inside the org linted alone, meetings ignored by the language
guess, English tails in Chinese runs, and a kept term converted inside a quoted example."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from test_trial4 import TEAMS, git, small_org

BROKEN = TEAMS.replace("  name: 优选商城", "  name：优选商城")
VACANCY = "- {kind: Role, id: buyer, name: 采购, team: company, holders: [li-na]}\n"


def diff_lines(repo: Path, lang: str) -> list[str]:
    """The org diff's changes, printed with the findings (standard output), not as notes."""
    run = run_cli("check", "--diff", "HEAD~1", "--lang", lang, "org", cwd=repo)
    assert "HEAD~1" not in run.stderr
    lines = run.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "HEAD~1" in line)
    return [line for line in lines[start + 1:] if line.startswith("  ")]


def test_a_file_that_failed_to_load_is_not_reported_deleted(tmp_path: Path) -> None:
    org = small_org(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    (org / "teams" / "teams.yaml").write_text(BROKEN, "utf-8")
    (org / "positions.yaml").write_text(VACANCY, "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "broken teams, a new position")
    assert diff_lines(tmp_path, "en") == [
        "  org diff incomplete: 1 file could not be read in one of the revisions; what it "
        "defines is not counted as added or removed",
        "  position added: 采购 (buyer)",
    ]
    assert diff_lines(tmp_path, "zh") == [
        "  组织变化不完整：有 1 个文件在其中一个版本里读不出来；其中定义的内容不计为新增或删除",
        "  新增岗位：采购 (buyer)",
    ]


def test_a_file_that_failed_at_the_base_is_not_reported_added(tmp_path: Path) -> None:
    org = small_org(tmp_path)
    (org / "teams" / "teams.yaml").write_text(BROKEN, "utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "broken")
    (org / "teams" / "teams.yaml").write_text(TEAMS, "utf-8")
    git(tmp_path, "commit", "-qam", "fixed")
    assert diff_lines(tmp_path, "en") == [
        "  org diff incomplete: 1 file could not be read in one of the revisions; what it "
        "defines is not counted as added or removed",
        # the head's "1 fixed", listed (RF003 is no second finding at the error: trial 10)
        "  fixed: IN001 a full-width colon `：` (U+FF1A) follows `name`: YAML needs an ASCII "
        "colon, so it does not read a field here",
    ]


MEETINGS = """\
- kind: Meeting
  id: standup
  name: 晨会
  purpose: 同步当天的投诉处理进度
  owner: li-na
  attendees: [company, wang-jiangu]
  cadence: daily
"""


def test_a_folder_inside_the_org_is_checked_with_the_whole_org(tmp_path: Path) -> None:
    org = small_org(tmp_path)
    (org / "meetings").mkdir()
    (org / "meetings" / "meetings.yaml").write_text(MEETINGS, "utf-8")
    for cwd, path in ((tmp_path, "org/meetings"), (org, "meetings"), (org, "meetings/")):
        run = run_cli("check", path, "--lang", "en", "--format", "json", cwd=cwd)
        found = [(f["code"], f["file"], f["line"], f["message"])
                 for f in run.json()["findings"]]
        assert found == [("RF001", str(Path(path.rstrip("/")) / "meetings.yaml"), 6,
                          "unknown Team, Person or Role 'wang-jiangu' in `attendees` of "
                          "meeting 'standup'")], path
        assert run.json()["summary"]["files"] == 3, path
        assert "only the files named were loaded" not in run.stderr


def test_a_folder_outside_any_org_is_the_org(tmp_path: Path) -> None:
    (tmp_path / "meetings").mkdir()
    (tmp_path / "meetings" / "meetings.yaml").write_text(MEETINGS, "utf-8")
    run = run_cli("check", "meetings", "--lang", "en", "--format", "json", cwd=tmp_path)
    assert [f["code"] for f in run.json()["findings"]] == ["RF001"] * 3
    assert run.json()["summary"]["files"] == 1


PROCESS = """\
- kind: Process
  id: refund
  name: 退款流程
  description: 客户申请退款后的处理步骤
  steps: [{id: review, name: 审核退款申请, owner: finance}]
"""


def test_meetings_and_processes_tell_the_content_language(tmp_path: Path) -> None:
    (tmp_path / "meetings.yaml").write_text(MEETINGS, "utf-8")
    (tmp_path / "process.yaml").write_text(PROCESS, "utf-8")
    for name, first in (("meetings.yaml",
                         "会议 'standup' 的 `owner` 中的 'li-na' 不是已知的团队、人员或岗位"),
                        ("process.yaml", "流程 'refund' 没有负责方")):
        run = run_cli("check", name, "--format", "json", cwd=tmp_path, env={"LANG": "C"})
        assert run.json()["lang"] == "zh", name
        assert run.json()["findings"][0]["message"] == first, name


def test_refusals_and_read_errors_are_said_whole_in_chinese(tmp_path: Path) -> None:
    small_org(tmp_path)
    cases = [
        (("check", "org", "-o", "org/teams/teams.yaml", "--lang", "zh"),
         "orgspec: 错误：无法写入 'org/teams/teams.yaml'：这是正在读取的组织的文件；orgspec "
         "从不修改组织文件，请写到别处"),
        (("site", "org", "-o", "org/teams", "--lang", "zh"),
         "orgspec: 错误：无法写入 'org/teams'：这是正在读取的组织的文件夹；orgspec 从不往里面写入，"
         "请写到别处"),
        (("check", "org", "--baseline", "nosuch.json", "--lang", "zh"),
         "orgspec: 错误：无法读取基线 'nosuch.json'：文件或文件夹不存在（ENOENT）"),
        (("check", "org", "--baseline", "nosuch.json", "--lang", "zh-Hant"),
         "orgspec: 錯誤：無法讀取基線 'nosuch.json'：檔案或資料夾不存在（ENOENT）"),
        (("show", "person", "徐涛", "org"), "orgspec: 错误：没有人员 '徐涛'"),  # the content's
    ]
    for args, line in cases:
        run = run_cli(*args, cwd=tmp_path, env={"LANG": "C"})
        assert (run.code, run.stderr.strip()) == (2, line), args
    (tmp_path / "bad.json").write_text("{x", "utf-8")
    run = run_cli("check", "org", "--baseline", "bad.json", "--lang", "en", cwd=tmp_path)
    assert run.stderr.strip() == \
        "orgspec: error: cannot read baseline 'bad.json': not valid JSON at line 1, column 2"


def test_an_example_after_li_ru_is_converted_by_script_only() -> None:
    import pytest

    pytest.importorskip("opencc")
    from orgspec.i18n import say
    from orgspec.i18n.build import converter

    convert = converter("s2twp")
    # typed text keeps its words (文件 stays 文件; s2twp's prose says 檔案), but for the
    # ones a Taiwanese author types otherwise (`hant.NAMES`: 用户 -> 使用者, 增长 -> 成長)
    assert convert("写成「指标」，例如：需求文件数从120增长到132。提升用户体验的文件") == \
        "寫成「指標」，例如：需求文件數從120成長到132。提升使用者體驗的檔案"
    assert convert("比如：文件留存；文件") == "比如：文件留存；檔案"
    from orgspec.i18n import M
    from orgspec.text.krexample import example_for

    hint = M("write it as <metric> from <baseline> to <target> by <date>, e.g. {example}",
             example=example_for("活跃用户"))  # monthly active users by 2026-03-31
    assert say(hint, "zh-Hant") == \
        "寫成「指標 從 基線 到 目標 + 截止時間」，例如：" \
        "月活躍使用者數從120萬成長到132萬（3月31日前）"


UPPER = """\
- {kind: Person, id: xu-tao, name: 徐涛}
- {kind: Person, id: Wu-Gang, name: 吴刚}
- {kind: Person, id: 赵六, name: 赵六}
- {kind: Team, id: tech, name: 技术部, lead: Xu-Tao, members: [Xu-Tao]}
"""


def hints(org: Path, lang: str) -> list[tuple[str, int, str]]:
    from orgspec.engine.lint import lint
    from orgspec.load.config import Config

    return [(f.code, f.location.line, f.hint)
            for f in lint([str(org)], Config(lang=lang)).findings if f.code in ("SC003", "RF001")]


def test_an_uppercase_id_hint_says_what_to_write(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(UPPER, "utf-8")
    assert hints(tmp_path, "en") == [
        ("SC003", 2, "an id is lowercase: write it as `wu-gang`"),
        ("SC003", 3, "an id is written in a-z, 0-9, - and _: write it in pinyin, `zhao-liu`, "
                     "and keep '赵六' as the `name`"),  # its pinyin
        # `Xu-Tao` as lead and member: one RF001 (trial 30)
        ("RF001", 4, "an id is lowercase: write it as `xu-tao` (1 other reference names "
                     "'Xu-Tao' too, at its related location: its RF001 is held back behind this "
                     "one) (1 finding that follows from this mistake is held back until it "
                     "is fixed: HI007 on person 'xu-tao')"),
    ]
    assert [h for _, _, h in hints(tmp_path, "zh")] == [
        "id 只用小写：写成 `wu-gang`",
        "id 只能用 a-z、0-9、- 和 _：写成拼音 `zhao-liu`，把 '赵六' 留作 `name`",
        "id 只用小写：写成 `xu-tao`（另有 1 处引用也写了 'Xu-Tao'，即相关位置；它们的 "
        "RF001 在这一条改正之前暂不报告）（由这个错误引起的 1 条问题在改正之前暂不报告：人员 "
        "'xu-tao' 的 HI007）"]
    assert hints(tmp_path, "zh-Hant")[0][2] == "id 只用小寫：寫成 `wu-gang`"


def test_a_reference_left_by_a_deleted_file_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "teams.yaml").write_text(
        "- {kind: Person, id: wang, name: 王}\n"
        "- {kind: Team, id: hk, name: 香港分公司, lead: chan-tai-man, members: [wang]}\n"
        "- {kind: Meeting, id: sync, name: 周会, cadence: weekly, owner: chan-tai-man}\n",
        "utf-8")  # hk.yaml, which defined chan-tai-man, was deleted
    # the lead and the meeting's owner name one id: one RF001 (trial 30)
    assert hints(tmp_path, "en") == [
        ("RF001", 2, "add the Person 'chan-tai-man' to the org's files, or change it to an "
                     "existing id (1 other reference names 'chan-tai-man' too, at its related "
                     "location: its RF001 is held back behind this one)"),
    ]
    assert [h for _, _, h in hints(tmp_path, "zh")] == [
        "在组织文件中添加人员 'chan-tai-man'，或改成已有的 id（另有 1 处引用也写了 "
        "'chan-tai-man'，即相关位置；它们的 RF001 在这一条改正之前暂不报告）"]


SERVICE = """\
- {kind: Person, id: zhou-ming, name: 周明}
- {kind: Person, id: lin-xue, name: 林雪}
- {kind: Team, id: cs, name: 客服部, lead: zhou-ming, members: [zhou-ming, lin-xue],
   responsibilities: [complaints]}
- {kind: Team, id: ops, name: 运营部, lead: zhou-ming, responsibilities: [review]}
- {kind: Responsibility, id: complaints, name: 投诉处理}
- {kind: Responsibility, id: review, name: 复盘}
- {kind: Position, id: cs-specialist, name: 客服专员, team: cs, holders: [lin-xue],
   duties: [complaints]}
- kind: Process
  id: complaint
  name: 投诉流程
  owner: cs
  responsibility: complaints
  steps:
    - {id: receive, name: 受理投诉, owner: cs-specialist, next: investigate}
    - {id: investigate, name: 调查原因, owner: cs, next: review}
    - {id: review, name: 复盘, owner: ops, next: close}
    - {id: close, name: 结案}
"""


def test_the_reports_flowchart_names_a_positions_step(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(SERVICE, "utf-8")
    for lang, gap in (("zh", "无负责人"), ("en", "no owner")):
        run = run_cli("report", "org.yaml", "--format", "markdown", "--lang", lang,
                      cwd=tmp_path)
        chart = run.stdout.split("```mermaid\n", 1)[1].split("```", 1)[0].splitlines()
        assert chart[2:6] == ['  s0["受理投诉<br/>客服专员"]', '  s1["调查原因<br/>客服部"]',
                              '  s2["复盘<br/>运营部"]', f'  s3["结案<br/>{gap}"]'], lang


def _section(page: Path, name: str) -> str:
    import re

    found = re.search(rf'<section id="{name}">(.*?)</section>', page.read_text("utf-8"), re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip() if found else ""


def test_a_positions_step_is_its_teams_and_its_holders(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(SERVICE, "utf-8")
    for lang, handoffs, via in (
            ("zh", "团队间交接 客服部 调查原因 investigate → 运营部 复盘 review",
             "（作为客服专员）"),
            ("en", "Hand-offs between teams 客服部 调查原因 investigate → 运营部 复盘 review",
             "(as 客服专员)")):
        site = tmp_path / lang
        run = run_cli("site", "org.yaml", "-o", str(site), "--lang", lang, cwd=tmp_path)
        assert run.code == 0, run.stderr
        # receive (客服专员, a position of 客服部) -> investigate (客服部) stays in the team
        assert _section(site / "processes" / "complaint.html", "handoffs") == handoffs
        # her position's step by name; her team's steps as a count (session 34, site34)
        assert f"投诉流程 › 受理投诉 {via}" in _section(site / "people" / "lin-xue.html",
                                                      "steps"), lang  # full-width (trial 33a)
        assert "复盘" in _section(site / "teams" / "cs.html", "handoffs")
        assert "受理投诉" not in _section(site / "teams" / "cs.html", "handoffs")


POSITIONS = """\
- {kind: Person, id: li, name: 李}
- kind: Team
  id: cs
  name: 客服部
  lead: 周明
  parent: Company
  members: [li, 周明]
- kind: Objective
  id: o
  title: 更快答复
  owner: cs
  period: 2026Q1
- kind: Person
  id: Xu-Tao
"""


def test_a_bad_value_is_reported_where_it_is_written(tmp_path: Path) -> None:
    from orgspec.engine.lint import lint
    from orgspec.load.config import Config

    (tmp_path / "org.yaml").write_text(POSITIONS, "utf-8")
    for lang in ("zh", "en"):
        got = [(f.code, f.location.line, f.location.col)
               for f in lint([str(tmp_path)], Config(lang=lang)).findings
               if f.code in ("RF001", "SC003")]
        # a scalar at its value, as a list item is: `lead: 周明` at 周, like `[li, 周明]`
        # line 7 names what line 5 does: one RF001 (trial 30)
        assert got == [("RF001", 5, 9), ("RF001", 6, 11),
                       ("SC003", 12, 11), ("SC003", 14, 7)], lang


CHANGES = """\
- {kind: Team, id: pr, name: 公关部, parent: company, lead: li-na, members: [li-na],
   responsibilities: [press]}
- {kind: Responsibility, id: press, name: 媒体关系}
- {kind: Objective, id: o, title: 口碑, owner: pr,
   key_results: [{id: k, title: 差评率从5%降到2%（6月30日前）}]}
"""


def test_the_org_diff_is_the_commands_output_and_names_what_changed(tmp_path: Path) -> None:
    org = small_org(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    (org / "pr.yaml").write_text(CHANGES, "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "公关部")
    assert diff_lines(tmp_path, "zh") == [
        "  新增团队：公关部 (pr)",
        "  新增职责：媒体关系 (press)（批准方：公关部 (pr)）",
        "  新增目标：口碑 (o)",
        "  新增关键结果：差评率从5%降到2%（6月30日前） (o/k)",
        "  加入团队：李娜 (li-na) 加入 公关部 (pr)，仍在 优选商城 (company)",  # its lead
    ]
    assert diff_lines(tmp_path, "en") == [
        "  team added: 公关部 (pr)",
        "  duty added: 媒体关系 (press) (accountable: 公关部 (pr))",
        "  objective added: 口碑 (o)",
        "  key result added: 差评率从5%降到2%（6月30日前） (o/k)",
        "  person joined a team: 李娜 (li-na) joined 公关部 (pr), still in 优选商城 (company)",
    ]
    # a machine format keeps standard output to itself: the diff is a note there
    run = run_cli("check", "--diff", "HEAD~1", "--lang", "en", "org", "--format", "json",
                  cwd=tmp_path)
    assert "  team added: 公关部 (pr)" in run.stderr.splitlines()
    assert run.json()["findings"] == []


def test_who_and_show_say_each_name_once(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(SERVICE, "utf-8")
    for lang, person in (("zh", "人员"), ("en", "person")):
        run = run_cli("who", "林雪", "org.yaml", "--lang", lang, cwd=tmp_path)
        assert run.stdout == f"{person} lin-xue 林雪\n", lang  # not `林雪 (lin-xue 林雪)`
        run = run_cli("who", "复盘", "org.yaml", "--lang", lang, cwd=tmp_path)
        assert "lin-xue 林雪 (lin-xue 林雪)" not in run.stdout
    (tmp_path / "org.yaml").write_text(
        SERVICE + "- {kind: Responsibility, id: calls, name: 回访, accountable: lin-xue}\n",
        "utf-8")
    run = run_cli("show", "duty", "calls", "org.yaml", "--lang", "en", cwd=tmp_path)
    assert run.stdout.splitlines()[1:] == ["  accountable:", "    - person lin-xue 林雪"]
    # a team or a position still says who stands behind it
    run = run_cli("who", "客服专员", "org.yaml", "--lang", "en", cwd=tmp_path)
    assert run.stdout.splitlines()[0] == "role cs-specialist 客服专员 (lin-xue 林雪)"


def test_init_in_chinese_writes_full_width_punctuation_in_its_prose() -> None:
    import re

    import yaml

    from orgspec.adopt.init import plan

    cjk = "\u3400-\u9fff"
    ascii_by_cjk = re.compile(f"[{cjk}][,;:()]|[,;:()][{cjk}]")
    english = plan("en")
    for lang in ("zh", "zh-Hant"):
        files = plan(lang)
        for name, text in files.items():
            comments = [c for line in text.splitlines()
                        for c in re.findall(r"(?:^|\s)#\s(.*)", line)]  # the prose
            prose = re.sub(r"`[^`]*`", "", "\n".join(comments))
            assert not ascii_by_cjk.findall(prose), (lang, name, ascii_by_cjk.findall(prose))
            if name.endswith((".yaml", ".yml")) and "{{" not in text and name in english:
                yaml.safe_load(text)  # YAML syntax stays ASCII
        assert "（teams/、people/、duties/ ……）。" in files["org/org.yaml"]
    assert "位置（parent）、負責人和成員（Person 的 id），以及職責清單：" in \
        plan("zh-Hant")["org/org.yaml"]


def test_a_reference_left_by_a_deleted_file_names_that_file_against_the_base(tmp_path: Path
                                                                           ) -> None:
    org = small_org(tmp_path)
    (org / "hk.yaml").write_text("- {kind: Person, id: chan-tai-man, name: 陳大文}\n", "utf-8")
    (org / "hk-team.yaml").write_text(
        "- {kind: Team, id: hk, name: 香港, parent: company, lead: chan-tai-man}\n", "utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    git(tmp_path, "rm", "-q", "org/hk.yaml")
    git(tmp_path, "commit", "-qm", "no hk people")
    for lang, hint in (
            ("en", "hint: 'chan-tai-man' was defined in org/hk.yaml at HEAD~1: add it back, or "
                   "change the reference to an existing id"),
            ("zh", "建议: 'chan-tai-man' 在 HEAD~1 时定义于 org/hk.yaml：请把它加回来，"
                   "或改成已有的 id")):
        run = run_cli("check", "--diff", "HEAD~1", "--lang", lang, "org", cwd=tmp_path)
        lines = run.stdout.splitlines()
        assert "RF001" in lines[0] and lines[1] == f"    {hint}", (lang, lines)
    # without --diff nothing says where it was: what to do, still
    run = run_cli("check", "org", "--lang", "en", cwd=tmp_path)
    assert "hint: add the Person 'chan-tai-man' to the org's files" in run.stdout
