"""A fresh user's trial (trial 12, Hong Kong, Traditional Chinese): one misspelt person id
gave RO006 beside RF007, ..."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgspec.engine.lint import lint

# --- item 1: a misspelt person id is one finding, not RF007 and RO006 --------------------------

POSITION_ORG = """\
- {kind: Team, id: cs, name: 客戶服務部, lead: chan, members: [chan, lee-siu-ming, cheung]}
- {kind: Person, id: chan, name: 陳嘉欣}
- {kind: Person, id: lee-siu-ming, name: 李小明, roles: [cs-specialist]}
- {kind: Person, id: cheung, name: 張詠詩, roles: [cs-specialist]}
- kind: Position
  id: cs-specialist
  name: 客服專員
  team: cs
  headcount: 3
  holders: [lee-siu-ming, cheung, 待招聘]
"""


def _codes(folder: Path) -> list[tuple[str, int]]:
    """The findings of the codes a misspelt id may give (the org's other findings, an empty
    charter and an open seat, are the same in every case)."""
    return [(f.code, f.location.line) for f in lint([str(folder)]).findings
            if f.code in ("RF001", "RF007", "RO006")]


@pytest.mark.parametrize(("old", "new", "want"), [
    # the definition misspelt: RF007 there, and the position's disagreement is held back
    ("id: lee-siu-ming,", "id: lee-siu-mng,", [("RF007", 3)]),
    # one reference misspelt: RF001 there (the holder is unknown, so no one disagrees)
    ("holders: [lee-siu-ming,", "holders: [lee-siu-mng,", [("RF001", 10)]),
])
def test_a_misspelt_id_is_one_finding(write_org, old: str, new: str,
                                      want: list[tuple[str, int]]) -> None:
    assert old in POSITION_ORG
    folder = write_org({"org.yaml": POSITION_ORG.replace(old, new)})
    assert _codes(folder) == want


def test_a_real_disagreement_is_still_reported(write_org) -> None:
    folder = write_org({"org.yaml": POSITION_ORG.replace("holders: [lee-siu-ming, ",
                                                         "holders: [")})
    assert _codes(folder) == [("RO006", 10)]


# --- item 2: the key results sheet names its owners ---------------------------------------------

OKR_ORG = """\
- {kind: Team, id: customer-service, name: 客戶服務部, names: {en: Customer Service}, lead: chan,
   members: [chan]}
- {kind: Person, id: chan, name: 陳嘉欣}
- kind: Objective
  id: returns
  title: 退貨體驗更快更順
  owner: customer-service
  key_results:
    - {id: time, title: 退貨處理時間由72小時縮短至48小時, owner: chan}
    - {id: survey, title: 每月做一次客戶滿意度調查, owner: nobody-yet}
"""


@pytest.mark.parametrize(("lang", "team"), [("zh-Hant", "客戶服務部"), ("en", "Customer Service")])
def test_the_key_results_sheet_names_owners(tmp_path: Path, lang: str, team: str) -> None:
    from orgspec.adopt.export import tables
    from orgspec.engine.lint import lint_org

    (tmp_path / "org.yaml").write_text(OKR_ORG, "utf-8")
    _, org = lint_org([str(tmp_path / "org.yaml")])
    [krs] = [t for t in tables(org, lang) if t.name == "key-results"]
    # objective owner (column 4) and key result owner (column 14); an unknown id as written
    assert [(r[3], r[13]) for r in krs.rows] == [(team, "陳嘉欣"), (team, "nobody-yet")]


# --- item 3: `show team` lists a position's holders as `show role` does ---------------------------

SHOW_ORG = """\
- {kind: Team, id: cs, name: 客戶服務部, lead: a-zhang, members: [a-zhang, b-li]}
- {kind: Person, id: a-zhang, name: 張詠詩}
- {kind: Person, id: b-li, name: 李小明}
- {kind: Position, id: spec, name: 客服專員, team: cs, holders: [a-zhang, b-li]}
- {kind: Responsibility, id: complaints, name: 投訴處理, accountable: spec}
"""


@pytest.mark.parametrize(("lang", "want"), [
    ("zh-Hant", ["b-li", "a-zhang"]),  # 李 7 strokes before 張 11
    ("zh", ["b-li", "a-zhang"]),  # li before zhang
])
def test_show_lists_a_positions_holders_in_the_people_order(tmp_path: Path, lang: str,
                                                            want: list[str]) -> None:
    from orgspec.engine.lint import lint_org
    from orgspec.report.lookup import show

    (tmp_path / "org.yaml").write_text(SHOW_ORG, "utf-8")
    _, org = lint_org([str(tmp_path / "org.yaml")])
    assert show(org, "role", "spec", lang)["holders"] == want
    [position] = show(org, "team", "cs", lang)["positions"]
    assert [p["id"] for p in position["people"]] == want
    [holder] = show(org, "duty", "complaints", lang)["raci"]["accountable"]
    assert [p["id"] for p in holder["people"]] == want


# --- item 4: `show position` is `show role` ---------------------------------------------------


def test_show_position_is_show_role(tmp_path: Path) -> None:
    from conftest import run_cli

    (tmp_path / "org.yaml").write_text(SHOW_ORG, "utf-8")
    role = run_cli("show", "role", "spec", str(tmp_path), "--isolated", "--lang", "en")
    assert role.code == 0, role.stderr
    for word in ("position", "Position"):
        run = run_cli("show", word, "spec", str(tmp_path), "--isolated", "--lang", "en")
        assert (run.code, run.stdout) == (0, role.stdout)
    typo = run_cli("show", "positon", "spec", str(tmp_path), "--isolated", "--lang", "en")
    assert typo.code == 2 and "'position'?" in typo.stderr, typo.stderr


# --- item 5: a locale copied from $LANG is a language; a bad one is said in the config's ---------


@pytest.mark.parametrize(("value", "lang"), [
    ("zh_HK.UTF-8", "zh-Hant"), ("zh_TW", "zh-Hant"), ("zh_CN.UTF-8", "zh"),
    ("en_US.UTF-8", "en"), ("zh_TW.Big5@stroke", "zh-Hant"), ("C.UTF-8", None), ("fr", None)])
def test_a_locale_names_its_language(value: str, lang: str | None) -> None:
    from orgspec.i18n import parse_lang

    assert parse_lang(value) == lang


def test_a_bad_orgspec_lang_is_said_in_the_configs_language(tmp_path: Path) -> None:
    from conftest import run_cli

    (tmp_path / ".orgspec.yaml").write_text("lang: zh-Hant\nroot: .\n", "utf-8")
    (tmp_path / "org.yaml").write_text(SHOW_ORG, "utf-8")
    run = run_cli("check", cwd=tmp_path, env={"ORGSPEC_LANG": "fr"})
    assert (run.code, run.stderr) == (
        2, "orgspec: 錯誤：$ORGSPEC_LANG 的值是 'fr'，不是 zh、zh-Hant、en 之一\n")
    run = run_cli("check", cwd=tmp_path, env={"ORGSPEC_LANG": "en_US.UTF-8"})
    assert run.code == 0 and run.stdout.splitlines()[-1].startswith("Found 0 errors"), \
        run.stdout


# --- item 7: a roster header missing one column says which, in the header's language -------------


@pytest.mark.parametrize(("header", "args", "said"), [
    ("英文名,部門,職位,上級", (), "orgspec: 錯誤：{r}：表頭中沒有姓名欄（英文名、部門、職位、"
     "上級）；請用 --column name=表頭 指明\n"),
    ("英文名,部門,職位,上級", ("--lang", "en"), "orgspec: error: {r}: no name column in the "
     "header (英文名, 部門, 職位, 上級); map yours with --column name=HEADER\n"),
    ("姓名,职位", (), "orgspec: 错误：{r}：表头中没有团队列（姓名、职位）；请用 --column team=表头 "
     "指明\n"),
])
def test_a_roster_header_says_which_column_is_missing(
        tmp_path: Path, header: str, args: tuple[str, ...], said: str) -> None:
    from conftest import run_cli

    roster = tmp_path / "r.csv"
    roster.write_text(f"{header}\n" + ",".join("x" * len(header.split(","))) + "\n", "utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "o"), *args,
                  env={"LANG": "C.UTF-8", "LC_ALL": "", "LANGUAGE": ""})
    assert (run.code, run.stderr) == (2, said.format(r=roster))


# --- item 10: help pages say the subcommand placeholder and keep a note whole ---------------------


@pytest.mark.parametrize(("lang", "usage"), [
    ("zh", "用法：orgspec [选项] 命令 [参数]..."),
    ("zh-Hant", "用法：orgspec [選項] 命令 [引數]..."),
    ("en", "Usage: orgspec [OPTIONS] COMMAND [ARGS]...")])
def test_the_usage_line_says_the_command_placeholder(lang: str, usage: str) -> None:
    from conftest import run_cli

    run = run_cli("--help", "--lang", lang)
    assert run.stdout.splitlines()[0].replace("main", "orgspec", 1) == usage  # in-process


@pytest.mark.parametrize("width", [30, 31, 32, 33, 34, 35, 36, 37, 38, 40, 44])
def test_a_bracketed_note_is_not_split(width: int) -> None:
    from orgspec.clihelp import _wrap

    text = "範例組織及其註解（以及錯誤資訊）的語言：zh、zh-Hant（繁體）或 en［預設：en］。"
    lines = _wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert any("［預設：en］" in line for line in lines), lines
