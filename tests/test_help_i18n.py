"""`--help` in the run's language: `--lang`, else the config's `lang`, else the locale's;
every help text orgspec writes and click's words on the page come from the catalog."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import click
import pytest
from conftest import REPO, run_cli

from orgspec.cli import main
from orgspec.i18n.build import help_texts


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", ["用法：orgspec check [选项] [PATHS]...", "",
            "  检查 PATHS 中的组织（默认：配置的根目录，否则 ./org）。", "", "选项："]),
    ("zh-Hant", ["用法：orgspec check [選項] [PATHS]...", "",
                 "  檢查 PATHS 中的組織（預設：設定的根目錄，否則 ./org）。", "", "選項："]),
    ("en", ["Usage: orgspec check [OPTIONS] [PATHS]...", "",
            "  Lint the org in PATHS (default: the configured root, else ./org).", "",
            "Options:"]),
])
def test_check_help_is_in_the_language_asked(lang: str, said: list[str]) -> None:
    run = run_cli("check", "--help", "--lang", lang)
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    lines[0] = lines[0].replace(" main check ", " orgspec check ")  # CliRunner's prog name
    lines[0] = lines[0].replace("：main check ", "：orgspec check ")
    assert lines[:5] == said
    if lang == "zh":
        assert "  --color [auto|always|never]     给文本输出着色。［默认：auto］" in lines
        assert "  -h, --help                      显示本帮助并退出。" in lines


def test_the_command_list_follows_the_locale(tmp_path: Path) -> None:
    run = run_cli("--help", cwd=tmp_path, env={"LANG": "zh_TW.UTF-8", "LANGUAGE": "",
                                                 "LC_ALL": "", "LC_MESSAGES": ""})
    lines = run.stdout.splitlines()
    assert "命令：" in lines
    assert "  rules       列出所有規則（代碼、名稱、嚴重性、是否預設開啟）" in lines


def test_the_config_language_decides_without_lang(tmp_path: Path) -> None:
    (tmp_path / ".orgspec.yaml").write_text("lang: zh\n", "utf-8")
    env = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    assert run_cli("rules", "--help", cwd=tmp_path, env=env).stdout.startswith("用法：")
    assert run_cli("rules", "--help", "--isolated", cwd=tmp_path,
                   env=env).stdout.startswith("Usage: ")


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [path]
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            out += _commands(cmd, (*path, name))
        else:
            out.append((*path, name))
    return out


def test_every_help_text_is_read_into_the_catalog() -> None:
    """The catalog's help texts are read from cli.py's source: each command's and each
    option's help in the command tree is one of them."""
    import inspect

    read = {text for _, text in help_texts((REPO / "orgspec" / "cli.py").read_text("utf-8"))}
    written: set[str] = set()
    for path in _commands(main):
        cmd: click.Command = main
        for name in path:
            assert isinstance(cmd, click.Group)
            cmd = cmd.commands[name]
        if cmd.help:
            written.add(inspect.cleandoc(cmd.help).partition("\f")[0])
        written |= {p.help for p in cmd.params if isinstance(p, click.Option) and p.help
                    and p.name not in ("help", "version")}
    assert written - read == set()


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_every_help_page_is_said_whole_within_the_terminal(lang: str) -> None:
    for path in _commands(main):
        run = run_cli(*path, "--help", env={"LANG": f"{'zh_TW' if lang != 'zh' else 'zh_CN'}"
                                                   ".UTF-8", "LANGUAGE": "", "LC_ALL": "",
                                            "LC_MESSAGES": ""}, cwd=REPO / "tests")
        assert run.code == 0, (path, run.stderr)
        lines = run.stdout.splitlines()
        assert lines[0].startswith("用法："), path
        # wrapped by display width (a Chinese character is two columns); an option's own
        # spelling (`--format [text|json|...]`) is click's, as in English
        assert all(_columns(line) <= 80 for line in lines
                   if not line.lstrip().startswith("-")), path
        # never a closing mark at the start of a line
        assert not [line for line in lines if line.strip()[:1] in tuple("，。、；：）］」")]
        # one bracket style for a default, click's and our own (trial 14: [默认：按 -o…]
        # beside ［默认：error］)
        assert "[默认" not in run.stdout and "[預設" not in run.stdout, path


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("另外以 FORMAT 格式把报告写到 PATH（可重复）。", 40,
     ["另外以 FORMAT 格式把报告写到 PATH（可重", "复）。"]),
    ("有问题达到或高于此级别时以 1 退出［默认：error］。", 44,
     ["有问题达到或高于此级别时以 1 退出", "［默认：error］。"]),  # a note is kept whole
    ("Write one YAML file per team into this folder.", 20,
     ["Write one YAML file", "per team into this", "folder."]),
])
def test_wrapping_counts_a_chinese_character_as_two_columns(text: str, width: int,
                                                            lines: list[str]) -> None:
    from orgspec.clihelp import _wrap

    assert _wrap(text, width) == lines


@pytest.mark.parametrize(("lang", "said"), [
    # trial 29: `［預設：respect］` named no choice a reader makes, `[x>=500]` was click's
    ("zh-Hant", ["遍歷資料夾時是否跳過 git 忽略的檔案［預設：跳過］。", "［至少 500］",
                 "  --max-bytes INTEGER "]),
    ("zh", ["遍历文件夹时是否跳过 git 忽略的文件［默认：跳过］。", "［至少 500］",
            "  --max-bytes INTEGER "]),
    ("en", ["Whether to skip files git ignores when walking folders [default: skip them].",
            "[at least 500]", "  --max-bytes INTEGER "]),
])
def test_the_default_and_range_notes_are_words(lang: str, said: list[str]) -> None:
    run = run_cli("check", "--help", "--lang", lang)
    assert run.code == 0, run.stderr
    page = " ".join(run.stdout.split()) if lang == "en" else "".join(run.stdout.split())
    for words in said:
        assert ("".join(words.split()) if lang != "en" else " ".join(words.split())) in page
    assert "respect]" not in page and "respect］" not in page
    assert "x>=" not in page and "RANGE" not in page


@pytest.mark.parametrize(("lang", "notes"), [
    ("zh-Hant", "［預設：60000；至少 1000］"), ("zh", "［默认：60000；至少 1000］"),
    ("en", "[default: 60000; at least 1000]"),
])
def test_two_notes_are_joined_in_the_language_asked(lang: str, notes: str) -> None:
    run = run_cli("report", "--help", "--lang", lang)
    assert run.code == 0, run.stderr
    joined = " ".join(run.stdout.split()) if lang == "en" else "".join(run.stdout.split())
    assert ("".join(notes.split()) if lang != "en" else notes) in joined
