"""$ORGSPEC_LANG: a reader's own language for every command, as `--lang`; `orgspec --lang`."""

from __future__ import annotations

import os

import pytest
from conftest import run_cli

TAB = "- kind: Team\n  id: us-returns\n\tname: US Returns\n"  # IN001 on line 3
ZH_ORG = "- {kind: Team, id: ops, name: 运营部, description: 负责店铺运营、大促活动策划与执行}\n"


@pytest.mark.parametrize(("lang", "words"), [("en", "tab"), ("zh-TW", "定位字元"),
                                             ("zh", "制表符")])
def test_the_reader_s_language_beats_the_content_s(write_org, monkeypatch, lang: str,
                                                    words: str) -> None:
    org = write_org({"o.yaml": ZH_ORG, "us.yaml": TAB})
    monkeypatch.setenv("ORGSPEC_LANG", lang)
    run = run_cli("check", str(org))
    assert run.code == 1
    line = next(ln for ln in run.stdout.splitlines() if "IN001" in ln)
    assert line.split("IN001")[0].endswith("us.yaml:3:1: "), line
    assert words in line, line


def test_the_flag_beats_the_reader_s_language(write_org, monkeypatch) -> None:
    monkeypatch.setenv("ORGSPEC_LANG", "en")
    run = run_cli("check", str(write_org({"o.yaml": ZH_ORG, "us.yaml": TAB})), "--lang", "zh")
    assert "制表符" in run.stdout


def test_the_group_option_sets_the_command_s_language_for_that_run_only(write_org) -> None:
    org = str(write_org({"o.yaml": ZH_ORG, "us.yaml": TAB}))
    assert "tab" in run_cli("--lang", "en", "check", org).stdout
    assert "ORGSPEC_LANG" not in os.environ
    assert "制表符" in run_cli("check", org).stdout  # the content's again


def test_the_group_help_takes_lang() -> None:
    run = run_cli("--help", "--lang", "zh")
    assert run.code == 0, run.stderr
    assert run.stdout.startswith("用法：")
    assert "[选项] 命令 [参数]" in run.stdout.splitlines()[0]


def test_a_language_orgspec_does_not_speak_is_one_error_line(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("ORGSPEC_LANG", "fr")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    run = run_cli("check", str(tmp_path))
    assert run.code == 2
    assert run.stderr.strip() == \
        "orgspec: error: $ORGSPEC_LANG is 'fr', not one of zh, zh-Hant, en"


PROC = """\
- {{kind: Team, id: ops, name: 运营部, members: [a]}}
- {{kind: Person, id: a, name: 安娜}}
- kind: Process
  id: refund
  name: 退款
  owner: ops
  require_tracker: {value}
  steps:
    - {{id: check, name: 审核, owner: ops}}
"""


@pytest.mark.parametrize(("value", "demands"), [("是", True), ('"是"', True), ("否", False),
                                                ("對", True), ("yes", True), ("off", False),
                                                ("是的", True), ("需要", True), ("不需要", False)])
def test_require_tracker_reads_chinese_yes_and_no(write_org, value: str, demands: bool) -> None:
    run = run_cli("check", str(write_org({"o.yaml": PROC.format(value=value)})), "--lang", "en",
                  "--format", "json")
    codes = [(f["code"], f["line"]) for f in run.json()["findings"]]
    assert not [c for c in codes if c[0] in ("SC003", "IN001")], codes
    assert (("PR006", 9) in codes) is demands, codes  # the step names no tracker


def test_a_word_that_is_no_yes_or_no_says_how_to_write_one(write_org) -> None:
    run = run_cli("check", str(write_org({"o.yaml": PROC.format(value="maybe")})),
                  "--lang", "zh")
    line = next(ln for ln in run.stdout.splitlines() if "SC003" in ln)
    assert line.split("SC003")[0].endswith("o.yaml:7:20: "), line
    assert "'maybe' 既不是 `true` 也不是 `false`" in line
    assert "`是` 或 `否`" in run.stdout


def test_a_bad_variable_does_not_stop_a_run_that_names_its_language(write_org,
                                                                    monkeypatch) -> None:
    monkeypatch.setenv("ORGSPEC_LANG", "zh-Hnat")
    org = str(write_org({"o.yaml": ZH_ORG}))
    assert run_cli("check", org, "--lang", "en").code != 2
    run = run_cli("check", org)
    assert run.code == 2
    assert "'zh-Hnat'" in run.stderr and "'zh-Hant'" in run.stderr  # the closest, said


def test_files_orgspec_writes_do_not_follow_the_reader_s_language(tmp_path, monkeypatch) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,部门\n张伟,客服部\n", "utf-8")
    out = tmp_path / "org"
    assert run_cli("import", "roster", str(roster), "-o", str(out)).code == 0
    before = {p.name: p.read_bytes() for p in out.rglob("*.yaml")}
    monkeypatch.setenv("ORGSPEC_LANG", "en")
    assert run_cli("import", "roster", str(roster), "-o", str(out)).code == 0
    assert {p.name: p.read_bytes() for p in out.rglob("*.yaml")} == before


EN_ROSTER = "name,team,email\nAmy Lee,Platform,amy@x.com\nBob Wu,Data,bob@x.com\n"


@pytest.mark.parametrize(("lang", "note", "summary"), [("zh", "提示：", "已导入 2 个团队"),
                                                       ("zh-Hant", "提示：", "已匯入 2 個團隊"),
                                                       ("en", "note: ", "imported 2 teams")])
def test_import_follows_the_group_lang_as_its_own(tmp_path, lang: str, note: str,
                                                  summary: str) -> None:
    """`orgspec --lang zh import ...` said its notes and summary in the names' language
    (English here): the group's --lang set only $ORGSPEC_LANG, which import leaves aside."""
    roster = tmp_path / "r.csv"
    roster.write_text(EN_ROSTER if lang != "en" else "姓名,部门\n张伟,客服部\n李娜,技术部\n",
                      "utf-8")
    group = run_cli("--lang", lang, "import", "roster", str(roster), "-o", str(tmp_path / "a"))
    own = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "b"), "--lang", lang)
    assert group.code == own.code == 0, group.stderr
    assert group.stdout.startswith(summary), group.stdout
    assert group.stderr.startswith(note), group.stderr
    assert group.stdout.replace("/a", "/b") == own.stdout
    assert group.stderr == own.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "a").rglob("*.yaml")} == \
        {p.name: p.read_bytes() for p in (tmp_path / "b").rglob("*.yaml")}
    assert "ORGSPEC_LANG" not in os.environ


def test_init_and_the_rules_reference_follow_the_group_lang(tmp_path) -> None:
    group = run_cli("--lang", "zh", "init", str(tmp_path / "a"), "--no-example")
    assert group.code == 0, group.stderr
    assert group.stdout.startswith("已创建 "), group.stdout
    assert (tmp_path / "a" / ".orgspec.yaml").read_bytes() == \
        (run_cli("init", str(tmp_path / "b"), "--no-example", "--lang", "zh") and
         (tmp_path / "b" / ".orgspec.yaml").read_bytes())
    md = run_cli("--lang", "zh-Hant", "rules", "--format", "markdown").stdout
    assert md == run_cli("rules", "--format", "markdown", "--lang", "zh-Hant").stdout
    assert md.startswith("# orgspec 規則"), md[:40]


@pytest.mark.parametrize("command", [
    ("rules",), ("explain", "HI001"), ("schema", "--help"), ("config", "--help"),
    ("cache", "dir", "--help"), ("cache", "dir"), ("who", "nobody", "examples/ecommerce"),
    ("show", "team", "nobody", "examples/ecommerce"), ("report", "examples/ecommerce"),
    ("check", "examples/ecommerce", "--no-cache"), ("graph", "examples/ecommerce")])
def test_every_command_says_what_the_group_lang_says(command: tuple[str, ...]) -> None:
    """The group's --lang is the command's own --lang, for every command that has one."""
    group = run_cli("--lang", "zh", *command)
    own = run_cli(*command, env={"ORGSPEC_LANG": "zh"}) if command[0] in ("config", "cache") \
        else run_cli(*command, "--lang", "zh")  # these two have no --lang: the reader's
    assert (group.code, group.stdout, group.stderr) == (own.code, own.stdout, own.stderr)
