"""What an operations head at a Chinese e-commerce company met on a first org (trial 4):
each mistake gives one finding, at its place, in the run's language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orgspec.engine.lint import lint
from orgspec.load.config import Config
from orgspec.load.yamlhints import plain

MEETING = """\
- kind: Meeting
  id: standup
  name: 晨会
  cadence: 每日
  owner: he-li
  attendees: [cs]
"""


def _in001(tmp_path: Path, text: str, lang: str) -> list[tuple[str, int, int, str, str]]:
    (tmp_path / "org.yaml").write_text(text, "utf-8")
    result = lint([str(tmp_path)], Config(lang=lang))
    return [(f.code, f.location.line, f.location.col, f.message, f.hint)
            for f in result.findings if f.code.startswith("IN")]


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "a full-width space (U+3000) follows `owner:`: YAML needs an ASCII space after the "
           "colon, so it does not read a field here",
     "write `owner: he-li` (an ASCII space; switch the IME to half-width)"),
    ("zh", "`owner:` 后面是全角空格（U+3000）：YAML 要求冒号后面是半角空格，所以这里读不出字段",
     "写成 `owner: he-li`（半角空格；把输入法切到半角）"),
    ("zh-Hant",
     "`owner:` 後面是全形空格（U+3000）：YAML 要求冒號後面是半形空格，所以這裡讀不出欄位",
     "寫成 `owner: he-li`（半形空格；把輸入法切到半形）"),
])
def test_a_full_width_space_after_a_colon_is_said_where_it_is(tmp_path: Path, lang: str,
                                                             message: str, hint: str) -> None:
    text = MEETING.replace("owner: he-li", "owner:\u3000he-li")
    assert _in001(tmp_path, text, lang) == [("IN001", 5, 9, message, hint)]


TAB = "- kind: Team\n  id: cs\n  members:\n\t- he\n"  # cannot start any token
TAB_INDENT = "kind: Team\nid: cs\n\tname: x\n"  # a tab that violates indentation
NO_COLON = "kind: Team\nid: cs\n这是一段说明\nlead: he\n"


@pytest.mark.parametrize(("text", "line", "col", "lang", "start", "hint"), [
    (TAB, 4, 1, "zh", "这里有一个制表符（Tab）：YAML 只能用空格缩进",
     "把制表符换成空格：`- he` 缩进 4 个空格，比第 3 行的 `members:` 多两个"),
    (TAB_INDENT, 3, 1, "en", "a tab character here: YAML indents with spaces only",
     "replace the tab with spaces: indent `name:` by 0 spaces, in line with `id:` above it"),
    (TAB, 4, 1, "zh-Hant", "這裡有一個定位字元（Tab）：YAML 只能用空格縮排",
     "把定位字元換成空格：`- he` 縮排 4 個空格，比第 3 行的 `members:` 多兩個"),
    ("kind: Team\nid: cs\nname: @x\n", 3, 7, "zh",
     "`@` 不能作为 YAML 值的开头", "以 @、` 或 % 开头的值要加引号"),
    (NO_COLON, 3, 1, "zh", "这一行的文字后面没有 `:`，YAML 无法把它读成字段",
     "写成 `键: 值`，或者在行首加 `#` 变成注释"),
])
def test_parser_errors_are_said_in_plain_words(tmp_path: Path, text: str, line: int, col: int,
                                               lang: str, start: str, hint: str) -> None:
    [(code, at_line, at_col, message, said_hint)] = _in001(tmp_path, text, lang)
    assert (code, at_line, at_col, message, said_hint) == ("IN001", line, col, start, hint)


def test_a_colon_where_no_field_fits_is_plain_too() -> None:
    said = plain("mapping values are not allowed in this context", "x")
    assert said is not None
    assert said[0].startswith("a `: ` here would start a field where YAML cannot take one")
    assert said[0] == "a `: ` here would start a field where YAML cannot take one"
    assert plain("something else", "x") is None


POSITION = """\
- {kind: Team, id: cs, name: 客服部}
- kind: Role
  id: agent
  name: 客服专员
  team: cs
  kpis:
    {comment}
    - 做好客户服务工作
"""


@pytest.mark.parametrize(("comment", "fixed"), [
    ("# orgspec：ignore[RO004] 下季度再量化", "# orgspec: ignore[RO004]"),
    ("# orgspec ignore［RO004］ 下季度再量化", "# orgspec: ignore[RO004]"),
    ("#orgspec：ignore-file【RO004】", "# orgspec: ignore-file[RO004]"),
])
def test_a_malformed_suppression_is_one_finding_at_the_comment(tmp_path: Path, comment: str,
                                                               fixed: str) -> None:
    """Read as the suppression it plainly is (trial 35: not read, the finding it meant
    stayed beside SU003: two findings for one slip), and said once, at the comment, in
    the run's language, with the form to write."""
    (tmp_path / "org.yaml").write_text(POSITION.replace("{comment}", comment), "utf-8")
    result = lint([str(tmp_path)], Config(lang="zh"))
    said = [(f.code, f.location.line, f.location.col, f.message, f.hint)
            for f in result.findings if f.code in ("SU001", "SU003", "RO004")]
    written = comment.split("]")[0].split("］")[0].split("】")[0]
    assert said[0][:3] == ("SU003", 7, 5)
    assert said[0][3].startswith(f"忽略注释格式不对 `{written}")
    assert said[0][3].endswith(f"`：orgspec 按 `{fixed}` 读取它")
    assert said[0][4] == f"写成 `{fixed}`（半角冒号、半角方括号）"
    assert [s[0] for s in said] == ["SU003"]
    good = POSITION.replace("{comment}", fixed + " 下季度再量化")
    (tmp_path / "org.yaml").write_text(good, "utf-8")
    assert [f.code for f in lint([str(tmp_path)], Config()).findings
            if f.code in ("SU001", "SU003", "RO004")] == []


def test_explain_in_traditional_keeps_the_words_people_write() -> None:
    """s2twp would say 最佳化; people write 優化. A user is 使用者 in Taiwan, in quoted
    examples too (not the mainland 用戶)."""
    from conftest import run_cli

    run = run_cli("explain", "OK004", "--lang", "zh-hant")
    assert run.code == 0
    assert "（提升、優化、確保……）" in run.stdout
    assert "「提升使用者活躍度」" in run.stdout
    assert "最佳化" not in run.stdout and "用戶" not in run.stdout
    assert "程式碼" not in run_cli("explain", "SU001", "--lang", "zh-Hant").stdout


def test_converter_keeps_quoted_words_and_the_kept_terms() -> None:
    pytest.importorskip("opencc")
    from orgspec.i18n.build import converter

    convert = converter("s2twp")
    assert convert("模糊措辞（提升、优化）；“提升用户活跃度”；配置文件；规则代码") == \
        "模糊措辭（提升、優化）；「提升使用者活躍度」；設定檔；規則代碼"


@pytest.mark.parametrize("sla", ["2小時", "30分鐘", "1個工作日", "1週"])
def test_traditional_duration_units_are_durations(tmp_path: Path, sla: str) -> None:
    (tmp_path / "org.yaml").write_text(
        "- {kind: Team, id: cs}\n- kind: Process\n  id: p\n  owner: cs\n  steps:\n"
        f"    - {{id: a, owner: cs, sla: {sla}}}\n", "utf-8")
    assert [f.code for f in lint([str(tmp_path)], Config()).findings if f.code == "PR007"] == []


# --- 6. the lines of a zh run are Chinese -------------------------------------------------------

ZH_ORG = """\
- {kind: Team, id: cs, name: 客服部, lead: huang-lei, members: [huang-lei, wong-siu-ming]}
- {kind: Person, id: huang-lei, name: 黄磊}
- {kind: Person, id: wong-siu-ming, name: 黃小明}
"""


def _zh_repo(tmp_path: Path) -> Path:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(ZH_ORG, "utf-8")
    (tmp_path / ".orgspec.yaml").write_text("root: org\nlang: zh\n", "utf-8")
    return tmp_path


@pytest.mark.parametrize(("config", "line"), [
    ("root：org\nlang: zh\n", "orgspec: 错误：{path}:1:5：`root` 后面是全角冒号 `：`（U+FF1A）："
                              "YAML 只认半角冒号，所以这里读不出字段"),
    ("root: org\nlang: zh\n\tfail-on: error\n",
     "orgspec: 错误：{path}:3:1：这里有一个制表符（Tab）：YAML 只能用空格缩进\n"),
])
def test_a_broken_config_is_said_in_its_own_language(tmp_path: Path, config: str,
                                                      line: str) -> None:
    from conftest import run_cli

    path = tmp_path / "bad.yaml"
    path.write_text(config, "utf-8")
    run = run_cli("check", "--config", str(path), cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.startswith(line.format(path=path)), run.stderr


def test_show_init_export_cache_and_site_lines_in_chinese(tmp_path: Path) -> None:
    from conftest import run_cli

    repo = _zh_repo(tmp_path)
    run = run_cli("show", "person", "不存在", cwd=repo)
    assert (run.code, run.stderr) == (2, "orgspec: 错误：没有人员 '不存在'\n")
    run = run_cli("show", "person", "黄", cwd=repo)
    assert run.stderr == ("orgspec: 错误：'黄' 对应不止一个人员：huang-lei 黄磊、"
                          "wong-siu-ming 黃小明\n")
    run = run_cli("init", str(tmp_path / "new"), "--lang", "zh", cwd=repo)
    assert run.stdout.splitlines()[0] == f"已创建 {tmp_path / 'new' / '.github' / 'workflows'}" \
        f"{os.sep}orgspec.yml"
    assert run.stderr == f"{tmp_path / 'new'} 不在 git 仓库中：运行 " \
        f"`git init {tmp_path / 'new'}` 后即可检查改名的 id 以及移动或删除的文件\n" \
        f"下一步：cd {tmp_path / 'new'} && orgspec check（组织的 YAML 文件在 " \
        f"{tmp_path / 'new' / 'org'}{os.sep} 下）\n"
    run = run_cli("export", "--format", "csv", "-o", str(tmp_path / "csv"), cwd=repo)
    written = run.stdout.splitlines()
    assert f"已写入 {tmp_path / 'csv' / 'raci.csv'}" in written
    assert all(x.startswith(f"已写入 {tmp_path / 'csv'}{os.sep}") for x in written), written
    env = {"ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    run_cli("check", cwd=repo, env=env)
    assert run_cli("cache", "clean", cwd=repo, env=env).stdout == f"已删除 {tmp_path / 'cache'}\n"
    assert run_cli("cache", "clean", cwd=repo, env=env).stdout == \
        f"{tmp_path / 'cache'} 没有缓存\n"
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "x").write_text("", "utf-8")
    run = run_cli("site", "-o", str(tmp_path / "foreign"), cwd=repo)
    assert (run.code, run.stderr) == (2, f"orgspec: 错误：{tmp_path / 'foreign'} 已存在，且不是 "
                                         "`orgspec site` 写的；请选择一个空的或新的文件夹\n")


# --- 7. pages name what they speak of ------------------------------------------------------------

OVERLAP = """\
- {kind: Team, id: operations, name: 运营部}
- {kind: Team, id: marketing, name: 市场部}
- {kind: Responsibility, id: brand-campaign, name: 品牌推广, accountable: [operations, marketing]}
- {kind: Team, id: tech}
- {kind: Responsibility, id: uptime, accountable: [tech, marketing]}
"""


@pytest.mark.parametrize(("lang", "message", "related"), [
    ("zh", "职责 品牌推广 (brand-campaign) 有 2 个批准方 (A)：运营部 (operations)、市场部 "
           "(marketing)", "市场部 (marketing) 在此被写为批准方 (A)"),
    ("en", "duty 品牌推广 (brand-campaign) has 2 accountable owners: 运营部 (operations), "
           "市场部 (marketing)", "市场部 (marketing) is accountable here"),
])
def test_page_messages_say_names_beside_ids_and_machine_formats_keep_ids(
        tmp_path: Path, lang: str, message: str, related: str) -> None:
    from orgspec.engine.lint import lint_org
    from orgspec.report.view import build_view

    (tmp_path / "org.yaml").write_text(OVERLAP, "utf-8")
    result, org = lint_org([str(tmp_path)], Config(lang=lang))
    rows = {r.message.split(" ")[1]: r for r in build_view(result, org, lang).rows
            if r.code == "OW001"}
    row = rows["品牌推广"]
    assert row.message == message
    assert row.related[0].endswith(": " + related)
    # an id without a name (tech) stays as written; one with a name gets it, in a list too
    assert [r.message for r in rows.values() if r is not row] == [
        {"zh": "职责 'uptime' 有 2 个批准方 (A)：tech、市场部 (marketing)",
         "en": "duty 'uptime' has 2 accountable owners: tech, 市场部 (marketing)"}[lang]]
    machine = [f.message for f in result.findings if f.code == "OW001"]
    assert all("(brand-campaign)" not in m for m in machine)
    assert "'brand-campaign'" in machine[0]
    records = [f.to_record() for f in result.findings if f.code == "OW001"]
    assert all("品牌推广" not in str(r["message"]) for r in records)


@pytest.mark.parametrize(("people", "start"), [
    ("吳佩瑜", "用了全形空格（U+3000）縮排"),
    ("吴佩瑜", "用了全角空格（U+3000）缩进"),
    ("Wu Peiyu", "a full-width space (U+3000) is used to indent"),
])
def test_a_broken_flow_style_file_is_answered_in_the_language_of_its_values(
        tmp_path: Path, people: str, start: str) -> None:
    text = (f"- {{kind: Person, id: wu, name: {people}}}\n"
            "- {kind: Person, id: lin, name: X}\n\u3000- {kind: Person, id: chen}\n")
    [(code, line, _, message, _)] = _in001(tmp_path, text, "")
    assert (code, line, message.startswith(start)) == ("IN001", 3, True), message
