"""The command line: exit codes, formats, colour, config errors and no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import EXAMPLES, run_cli

BAD_TEAM = "kind: Team\nid: core\nlead: nobody\n"


def test_version_is_fast_path() -> None:
    run = run_cli("--version")
    assert (run.code, run.stdout.strip()) == (0, "orgspec 0.1.0")


def test_version_answers_before_click_is_imported() -> None:
    import subprocess
    import sys

    code = ("import sys; sys.argv = ['orgspec', '--version']; from orgspec.entry import main; "
            "main(); print(sorted(m for m in ('click', 'pydantic', 'yaml') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout == "orgspec 0.1.0\n[]\n"
    same = run_cli("--version", fresh=True)  # `python -m orgspec` goes through it too
    assert (same.code, same.stdout) == (0, "orgspec 0.1.0\n")


def test_clean_org_exits_zero_with_summary() -> None:
    run = run_cli("check", "examples/minimal")
    assert run.code == 0
    assert run.stdout == "No problems found in 1 file (9 entities).\n"


def test_findings_exit_one_and_use_the_ruff_like_line(write_org) -> None:
    root = write_org({"t.yaml": BAD_TEAM})
    run = run_cli("check", str(root), "--select", "RF")
    assert run.code == 1
    first = run.stdout.splitlines()[0]
    assert first.endswith("t.yaml:3:7: RF001 [error] unknown Person 'nobody' in `lead` of team "
                          "'core'")
    assert run.stdout.splitlines()[-1].startswith("Found 1 error, 0 warnings, 0 info in 1 file")


def test_exit_zero_and_fail_on(write_org) -> None:
    root = write_org({"empty.yaml": "# nothing\n"})  # one warning
    assert run_cli("check", str(root)).code == 0
    assert run_cli("check", str(root), "--fail-on", "warning").code == 1
    bad = write_org({"t.yaml": BAD_TEAM})
    assert run_cli("check", str(bad), "--exit-zero").code == 0


def test_json_is_versioned_and_complete(write_org) -> None:
    root = write_org({"t.yaml": BAD_TEAM})
    doc = run_cli("check", str(root), "--format", "json", "--select", "RF001").json()
    assert doc["version"] == 1
    assert doc["summary"] == {"files": 1, "failed_files": [], "entities": 1, "error": 1,
                              "warning": 0, "info": 0}
    [finding] = doc["findings"]
    assert set(finding) == {"code", "name", "severity", "message", "file", "line", "column",
                            "end_line", "end_column", "entity", "related", "related_more", "hint",
                            "fingerprint", "teams"}
    assert (finding["name"], finding["entity"]) == ("unknown-reference", "team:core")


def test_usage_errors_exit_two_with_one_line(tmp_path: Path) -> None:
    for args in (["check", "missing-folder"], ["check", "--format", "xml", "."],
                 ["check", "--fail-on", "fatal", "."], ["nonsense"]):
        run = run_cli(*args, cwd=tmp_path)
        assert run.code == 2, args
        assert "Traceback" not in run.stderr


def test_every_file_option_says_a_folder_is_not_a_file(tmp_path: Path) -> None:
    for command in ("check", "report"):  # `report --baseline` as `check --baseline`
        run = run_cli(command, str(EXAMPLES / "minimal"), "--baseline", str(tmp_path))
        assert run.code == 2
        assert run.stderr == (f"orgspec: error: invalid value for '--baseline': "
                              f"'{tmp_path}' is a folder, not a file (see `orgspec {command} "
                              "--help`)\n"), command


def test_no_org_found_is_a_usage_error(tmp_path: Path) -> None:
    run = run_cli("check", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.strip() == ("orgspec: error: no org found at 'org': pass a path, or set "
                                  "`root` in .orgspec.yaml")


def test_bad_config_is_one_line_with_its_position(tmp_path: Path) -> None:
    (tmp_path / ".orgspec.yaml").write_text("root: org\nfail_onn: warning\n", "utf-8")
    (tmp_path / "org").mkdir()
    run = run_cli("check", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr == (f"orgspec: error: {tmp_path / '.orgspec.yaml'}:2:1: unknown config "
                          "key 'fail_onn' (did you mean 'fail-on'?)\n")


def test_config_sets_root_and_fail_level(tmp_path: Path) -> None:
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "empty.yaml").write_text("# none yet\n", "utf-8")
    (tmp_path / ".orgspec.yaml").write_text("root: people\nfail-on: warning\n", "utf-8")
    sub = tmp_path / "deeper"
    sub.mkdir()
    run = run_cli("check", cwd=sub)  # found by walking up
    assert run.code == 1
    assert "IN014" in run.stdout


def test_a_named_file_the_org_does_not_read_is_an_error_not_a_clean_pass(tmp_path: Path
                                                                         ) -> None:
    (tmp_path / ".orgspec.yaml").write_text("root: org\n", "utf-8")
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "p.yaml").write_text("kind: Person\nid: ada\n", "utf-8")
    (tmp_path / "org" / "review.yaml.txt").write_text("kind: Person\nid: [\n", "utf-8")
    (tmp_path / "org" / "notes").write_text("kind: Person\nid: bo\n", "utf-8")
    run = run_cli("check", "org/review.yaml.txt", cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == ("orgspec: error: org/review.yaml.txt: not an org file: orgspec reads "
                          "only files whose names end in .yaml or .yml, so this one would be "
                          "left out of the org; rename it to 'review.yaml'\n")
    run = run_cli("check", "org/notes", "--lang", "zh", cwd=tmp_path)
    assert (run.code, run.stderr) == (2, "orgspec: 错误：org/notes：不是组织文件：orgspec 只读取"
                                      "文件名以 .yaml 或 .yml 结尾的文件，这个文件不会被算进组织；"
                                      "请改名为 'notes.yaml'\n")
    (tmp_path / "org" / "會議.txt").write_text("kind: Person\nid: cy\n", "utf-8")
    run = run_cli("check", "org/會議.txt", "--lang", "zh-Hant", cwd=tmp_path)
    assert (run.code, run.stderr.rsplit("；", 1)[1]) == (2, "請改名為 '會議.yaml'\n")
    run = run_cli("check", "org/p.yaml", cwd=tmp_path)  # a YAML file named: its findings
    assert (run.code, run.stdout.splitlines()[0]) == (
        0, "org/p.yaml:2:1: HI007 [warning] person 'ada' is on no team")


def test_pyproject_tool_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.orgspec]\nroot = "teams"\n'
                                             'ignore = ["HI007"]\n', "utf-8")
    (tmp_path / "teams").mkdir()
    (tmp_path / "teams" / "p.yaml").write_text("kind: Person\nid: ada\n", "utf-8")
    run = run_cli("check", cwd=tmp_path)
    assert (run.code, run.stdout) == (0, "No problems found in 1 file (1 entity).\n")


def test_exclude_patterns(tmp_path: Path) -> None:
    org = tmp_path / "org"
    (org / "archive").mkdir(parents=True)
    (org / "archive" / "old.yaml").write_text("not: [valid\n", "utf-8")
    (org / "p.yaml").write_text("kind: Person\nid: ada\n", "utf-8")
    (tmp_path / ".orgspec.yaml").write_text("exclude: ['archive/**']\n", "utf-8")
    assert run_cli("check", cwd=tmp_path).code == 0


def test_terminal_output_strips_control_sequences(write_org) -> None:
    # a value that is shown as written (a reference is matched without it: IN003 says it)
    root = write_org({"t.yaml": 'kind: Role\nid: core\nheadcount: "\\e[2Jx"\n'})
    run = run_cli("check", str(root))
    assert "\x1b" not in run.stdout
    assert "\\x1b[2Jx" in run.stdout


def test_notes_on_standard_error_escape_the_paths_they_quote(
        write_org, tmp_path: Path) -> None:
    root = write_org({"t.yaml": BAD_TEAM})
    baseline = tmp_path / "b\x1b[2J.json"
    run = run_cli("check", str(root), "--write-baseline", str(baseline))
    assert run.code == 0 and baseline.is_file()
    assert "\x1b" not in run.stderr and "\\x1b[2J.json" in run.stderr
    run = run_cli("check", str(root), "--baseline", str(baseline))
    assert "\x1b" not in run.stderr and "\\x1b[2J.json" in run.stderr


def test_colour_only_when_asked_or_on_a_tty(write_org) -> None:
    root = write_org({"t.yaml": BAD_TEAM})
    assert "\x1b[" not in run_cli("check", str(root)).stdout
    assert "\x1b[31m[error]\x1b[0m" in run_cli("check", str(root), "--color", "always").stdout


def test_output_file_is_written_atomically(write_org, tmp_path: Path) -> None:
    root = write_org({"t.yaml": BAD_TEAM})
    target = tmp_path / "report.json"
    target.write_text("old", "utf-8")
    run = run_cli("check", str(root), "--format", "json", "-o", str(target))
    assert (run.code, run.stdout) == (1, "")
    assert json.loads(target.read_text("utf-8"))["summary"]["error"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".orgspec-")] == []


def test_output_folders_are_created_and_unwritable_output_is_exit_two(
        write_org, tmp_path: Path) -> None:
    root = write_org({"t.yaml": BAD_TEAM})
    made = tmp_path / "no" / "such" / "dir" / "r.txt"
    assert run_cli("check", str(root), "-o", str(made)).code == 1
    assert "RF001" in made.read_text("utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    run = run_cli("check", str(root), "-o", str(blocker / "r.txt"))
    assert run.code == 2
    assert run.stderr.startswith("orgspec: error: cannot write")


def test_a_reader_that_leaves_the_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    """`orgspec export ... | head -1`: the pipe's reader goes away; no traceback, no
    "internal error", exit 141 (128 + SIGPIPE) as a shell reports for other tools."""
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # every write to the pipe now fails with EPIPE, as after `head -1` quit
    try:
        for args in (["export", str(EXAMPLES / "ecommerce"), "--format", "csv", "-o",
                      str(tmp_path / "csv")], ["check", "--no-cache", str(EXAMPLES / "ecommerce")]):
            done = subprocess.run([sys.executable, "-m", "orgspec", *args], stdout=write,
                                  stderr=subprocess.PIPE, text=True, check=False,
                                  cwd=tmp_path)
            assert (done.returncode, done.stderr) == (141, ""), args
    finally:
        os.close(write)


def test_python_module_and_schema_command() -> None:
    run = run_cli("schema", "--kind", "team")
    schema = json.loads(run.stdout)
    assert schema["$id"] == "https://orgspec.dev/schemas/v1/team.schema.json"
    assert schema["additionalProperties"] is False


def test_ecommerce_example_fails_with_located_findings() -> None:
    run = run_cli("check", str(EXAMPLES / "ecommerce"), cwd=EXAMPLES.parent)
    assert run.code == 1
    assert "examples/ecommerce/processes/payment-outage.yaml:35:12: PR001 [错误]" in run.stdout
