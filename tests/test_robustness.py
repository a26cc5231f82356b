"""Robustness of the edges: the environment, the command line, huge roots, names and
encodings a user's machine may hand orgspec. Each case is one error line (exit 2) or one
finding at its place (exit 1), never a traceback nor a silent surprise."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, run_cli

EN = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.mark.parametrize("value", ["PURE", "python", "libyaml"])
def test_an_unknown_yaml_parser_is_one_error_line(value: str) -> None:
    """ORGSPEC_YAML_PARSER=PURE (a typo) quietly ran the C parser."""
    run = run_cli("check", str(EXAMPLES / "minimal"), "--isolated", "--no-cache",
                  env={**EN, "ORGSPEC_YAML_PARSER": value})
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"orgspec: error: ORGSPEC_YAML_PARSER must be `c` or `pure`, "
                          f"not {value!r}\n")


def test_an_unknown_yaml_parser_is_said_in_the_run_language() -> None:
    run = run_cli("export", str(EXAMPLES / "minimal"), "--isolated", "--lang", "zh-Hant",
                  env={**EN, "ORGSPEC_YAML_PARSER": "x"})
    assert run.code == 2
    assert run.stderr == "orgspec: 錯誤：ORGSPEC_YAML_PARSER 必須是 `c` 或 `pure`，而不是 'x'\n"


@pytest.mark.parametrize("value", ["c", "pure", ""])
def test_the_known_yaml_parsers_and_unset(value: str) -> None:
    run = run_cli("check", str(EXAMPLES / "minimal"), "--isolated", "--no-cache",
                  env={**EN, "ORGSPEC_YAML_PARSER": value})
    assert (run.code, run.stderr) == (0, "")


@pytest.mark.parametrize("command", [
    ["check", str(EXAMPLES / "minimal")], ["export", str(EXAMPLES / "minimal")],
    ["rules"], ["explain", "RF001"], ["config"], ["cache", "dir"]])
def test_config_with_isolated_is_a_usage_error(command: list[str], tmp_path) -> None:
    """`--config X --isolated` ignored X silently (ruff: the two conflict, exit 2)."""
    config = tmp_path / ".orgspec.yaml"
    config.write_text("fail-on: info\n", "utf-8")
    run = run_cli(*command, "--config", str(config), "--isolated", env=EN)
    assert (run.code, run.stdout) == (2, "")
    where = " ".join(["orgspec", *command[:2 if command[0] == "cache" else 1]])
    assert run.stderr == ("orgspec: error: option '--config' cannot be used with "
                          f"'--isolated' (see `{where} --help`)\n")


def test_config_with_isolated_is_said_in_zh() -> None:
    run = run_cli("check", "--isolated", "--config", "x.yaml", "--lang", "zh", env=EN)
    assert run.code == 2
    assert run.stderr == ("orgspec: 错误：选项 '--config' 不能与 '--isolated' 同时使用"
                          "（参见 `orgspec check --help`）\n")


def _runner_property(escaped: str) -> str:
    """The runner's UnescapeProperty (actions/runner ActionCommand.cs), in its order."""
    for token, code in (("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"),
                        ("%", "%25")):
        escaped = escaped.replace(code, token)
    return escaped


def test_a_line_break_in_a_file_name_reaches_github_as_it_is(write_org) -> None:
    """`file=` carried `a⏎b.yaml` (a file no repository has), so the annotation landed on
    no file; the runner unescapes %0A in a property, so the exact path can be said."""
    root = write_org({"a\nb,c:d%0A.yaml": "- kind: Team\n  id: t\n  name: T\n  bogus: 1\n",
                      "e\x1bx.yaml": "- kind: Team\n  id: u\n  name: U\n  bogus: 1\n"})
    run = run_cli("check", "org", "--isolated", "--no-cache", "--format", "github",
                  "--select", "SC001", cwd=root.parent, env=EN)
    assert run.code == 1, run.stderr
    files = [line.split("file=", 1)[1].split(",line=", 1)[0]
             for line in run.stdout.splitlines()]
    assert files == ["org/a%0Ab%2Cc%3Ad%250A.yaml", "org/e\\x1bx.yaml"]
    # what GitHub reads: the real name; ESC stays an escape (no such escape in a property,
    # and the runner echoes commands into the log when step debugging is on)
    assert [_runner_property(f) for f in files] == ["org/a\nb,c:d%0A.yaml", "org/e\\x1bx.yaml"]
    assert all(line.count("\n") == 0 and "\x1b" not in line
               for line in run.stdout.splitlines())


def _roster(tmp_path, broken: bytes, bom: bool = False):
    rows = "工号,姓名,部门\n" + "".join(f"E{i},张伟{i},技术部\n" for i in range(8))
    roster = tmp_path / "roster.csv"
    roster.write_bytes((b"\xef\xbb\xbf" if bom else b"") + rows.encode() + "E9,李".encode()
                       + broken + ",客服部\n".encode())
    return roster


def test_a_utf8_roster_with_one_broken_byte_stays_utf8(tmp_path) -> None:
    """Without a BOM, one broken byte (a name cut mid-character) made the whole roster
    GB18030: the header became mojibake and the import failed; the byte is said at its
    line and column."""
    roster = _roster(tmp_path, b"\xe5\xbc")  # 张 (e5 bc a0) without its last byte
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"), "--lang", "en",
                  env=EN)
    assert run.code == 0, run.stderr
    assert run.stderr == ("note: roster.csv:10:5: invalid UTF-8 byte 0xE5 and 1 more, each "
                          "read as U+FFFD (the rest of the file is UTF-8)\n"
                          "note: no row flags a lead or names a manager, so no team has a lead "
                          "(teams: 2): flag each team's lead in a lead column (Lead: yes) or set "
                          "`lead:` in the team's file\n"
                          "note: no parent-department column: 2 top-level teams; add one to the "
                          "roster, or set `parent:` in a team's file (a re-import keeps it)\n")
    from orgspec.engine.lint import load_org

    org = load_org([str(tmp_path / "org")]).org
    assert sorted(str(p.name) for p in org.people.values()) == [
        *(f"张伟{i}" for i in range(8)), "李\ufffd\ufffd"]
    assert sorted(str(t.name) for t in org.teams.values()) == ["客服部", "技术部"]


def test_a_broken_byte_behind_a_bom_is_said_too(tmp_path) -> None:
    roster = _roster(tmp_path, b"\xff", bom=True)
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"), "--lang", "zh",
                  env=EN)
    assert run.code == 0, run.stderr
    assert run.stderr == ("提示：roster.csv:10:5：无效的 UTF-8 字节 0xFF，已读作 U+FFFD"
                          "（文件其余部分是 UTF-8）\n"
                          "提示：没有一行标出负责人或写明直属上级，所以所有团队都没有负责人"
                          "（团队数：2）：在负责人列里标出每个团队的负责人（负责人: 是），"
                          "或在团队文件里写 `lead:`\n"
                          "提示：没有上级部门列：2 个团队都是顶层；请在花名册中加上级部门列，"
                          "或在团队文件中设 `parent:`（重新导入会保留）\n")


def test_the_file_system_root_is_not_walked() -> None:
    """`root: /` (or `orgspec check /`) walked every disk, /proc included, with no end."""
    run = run_cli("check", "/", "--isolated", "--no-cache", env=EN)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == ("orgspec: error: /: will not walk the whole file system; name the "
                          "org's folder (or set `root` in .orgspec.yaml)\n")


def test_the_home_folder_is_not_walked(tmp_path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / ".orgspec.yaml").write_text("root: .\n", "utf-8")
    run = run_cli("check", "--no-cache", cwd=tmp_path, env={**EN, "HOME": str(tmp_path)})
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"orgspec: error: {tmp_path}: will not walk the whole home folder; "
                          "name the org's folder (or set `root` in .orgspec.yaml)\n")
    run = run_cli("check", "org", "--no-cache", "--isolated", cwd=tmp_path,
                  env={**EN, "HOME": str(tmp_path)})
    assert (run.code, run.stderr) == (0, "")  # a folder in it is fine


def _folders(tmp_path, limit: str):
    org = tmp_path / "org"
    for i in range(3):  # 3 folders + 3 files; hidden and excluded ones do not count
        (org / f"t{i}").mkdir(parents=True, exist_ok=True)
        (org / f"t{i}" / "team.yaml").write_text(f"- kind: Team\n  id: t{i}\n  name: T{i}\n",
                                                 "utf-8")
    (org / ".git").mkdir(exist_ok=True)
    (org / ".git" / "x.yaml").write_text("", "utf-8")
    (org / "skip").mkdir(exist_ok=True)
    (tmp_path / ".orgspec.yaml").write_text(f"max-files: {limit}\nexclude: [skip]\n", "utf-8")


def test_a_walk_past_max_files_is_one_error_line(tmp_path) -> None:
    _folders(tmp_path, "5")
    run = run_cli("check", "--no-cache", "--select", "SC", cwd=tmp_path, env=EN)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"orgspec: error: {tmp_path / 'org'}: more than 5 files and folders "
                          "to walk; is this the org's folder? (`max-files` in the config "
                          "raises the limit)\n")
    _folders(tmp_path, "6")
    run = run_cli("check", "--no-cache", "--select", "SC", cwd=tmp_path, env=EN)
    assert (run.code, run.stderr) == (0, "")


@pytest.mark.parametrize("value", ["0", "lots", "-3", "true", "1.5"])
def test_max_files_must_be_a_whole_number(tmp_path, value: str) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / ".orgspec.yaml").write_text(f"root: org\nmax-files: {value}\n", "utf-8")
    run = run_cli("check", "--no-cache", cwd=tmp_path, env=EN)
    assert run.code == 2
    assert run.stderr == (f"orgspec: error: {tmp_path / '.orgspec.yaml'}:2:12: 'max-files' must "
                          f"be a whole number of at least 1, not {value!r}\n")
