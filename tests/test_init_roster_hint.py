"""`orgspec init --no-example`'s next step (trial 27): it named `員工名冊.xlsx`, a file that
looked like one init had written, and said the xlsx install as if every roster were a
workbook. Now ROSTER is said to be the user's own file (init writes none), and the xlsx
extra is a line of its own, said only when it is missing and only for a workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.adopt import extras

C_LOCALE = {"LANGUAGE": "", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "ORGSPEC_LANG": ""}

NEXT = {
    "en": "next: orgspec import roster ROSTER -o org, then orgspec check (ROSTER: your own "
          "roster, a .csv file or an .xlsx workbook; init wrote no roster)",
    "zh": "下一步：orgspec import roster ROSTER -o org，然后 orgspec check（ROSTER 换成你自己的"
          "花名册文件：.csv 文件或 .xlsx 工作簿；init 没有创建花名册）",
    "zh-Hant": "下一步：orgspec import roster ROSTER -o org，然後 orgspec check（ROSTER 換成你自己"
               "的員工名冊檔案：.csv 檔案或 .xlsx 工作簿；init 沒有建立員工名冊）",
}
XLSX = {
    "en": "an .xlsx roster needs the xlsx extra first: {command} (a .csv roster needs nothing "
          "more)",
    "zh": "花名册是 .xlsx 工作簿时，先安装 xlsx 扩展：{command}（.csv 花名册不需要）",
    "zh-Hant": "員工名冊是 .xlsx 工作簿時，先安裝 xlsx 擴充套件：{command}（.csv 員工名冊不需要）",
}


def _init(tmp_path: Path, lang: str) -> list[str]:
    run = run_cli("init", ".", "--no-example", "--lang", lang, cwd=tmp_path, env=C_LOCALE)
    assert run.code == 0, run.stderr
    return run.stderr.splitlines()


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_with_the_extra_the_next_step_names_no_file_and_no_install(
        tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extras, "missing", lambda extra: False)
    lines = _init(tmp_path, lang)
    assert lines[-1] == NEXT[lang]
    assert not any("install" in line for line in lines)
    assert not any(p.suffix in (".xlsx", ".csv") for p in tmp_path.rglob("*"))  # none written


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_without_it_the_install_is_said_for_a_workbook_only(
        tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extras, "missing", lambda extra: True)
    lines = _init(tmp_path, lang)
    monkeypatch.chdir(tmp_path)  # the command names the clone relative to where init ran
    assert lines[-2:] == [NEXT[lang],
                          XLSX[lang].format(command=extras.install_command("xlsx"))]


def test_the_next_step_s_import_runs_with_a_csv_roster(tmp_path: Path) -> None:
    line = _init(tmp_path, "en")[-1]
    command = line.removeprefix("next: ").split(", then ")[0].split()
    (tmp_path / "roster.csv").write_text("工号,姓名,部门\nE1,林志豪,營運部\n", "utf-8")
    args = ["roster.csv" if word == "ROSTER" else word for word in command[1:]]
    assert run_cli(*args, cwd=tmp_path, env=C_LOCALE).code == 0
    assert run_cli("check", cwd=tmp_path, env=C_LOCALE).code == 0
