"""`orgspec import roster`: a manager written in the other script (王建國 for 王建国) is
the person `check` would match, and a row naming its own person as manager gets a note."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import run_cli

ROSTER = "姓名,部门,直属上级\n王建国,运营部,王建国\n李娜,运营部,王建國\n赵强,运营部,李娜\n"


def _import(tmp_path: Path, roster: str, lang: str = "en") -> tuple[list[str], dict[str, object]]:
    (tmp_path / "r.csv").write_text(roster, "utf-8")
    run = run_cli("import", "roster", str(tmp_path / "r.csv"), "-o", str(tmp_path / "org"),
                  "--lang", lang)
    assert run.code == 0, run.stderr
    entities = yaml.safe_load((tmp_path / "org" / "yun-ying-bu.yaml").read_text("utf-8"))
    return run.stderr.splitlines(), {e["id"]: e for e in entities}


def test_a_manager_in_the_other_script_is_matched(tmp_path: Path) -> None:
    notes, org = _import(tmp_path, ROSTER)
    assert org["li-na"]["manager"] == "wang-jian-guo"  # type: ignore[index]
    assert org["zhao-qiang"]["manager"] == "li-na"  # type: ignore[index]
    assert org["yun-ying-bu"]["lead"] == "wang-jian-guo"  # type: ignore[index]
    assert not any("no one in it" in n for n in notes)


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "note: r.csv:2: 王建国 is named as their own manager; no manager is taken from the "
           "row (leave the cell empty for the top of the org)"),
    ("zh", "提示：r.csv:2：王建国 的直属上级写的是本人；这一行不设直属上级（组织最顶层的人，"
           "这一格留空即可）"),
    ("zh-Hant", "提示：r.csv:2：王建国 的直屬主管寫的是本人；這一行不設直屬主管（組織最頂層的人，"
                "這一格留空即可）")])
def test_a_row_naming_its_own_person_as_manager_has_a_note(tmp_path: Path, lang: str,
                                                          note: str) -> None:
    notes, org = _import(tmp_path, ROSTER, lang)
    assert "manager" not in org["wang-jian-guo"]
    assert notes == [note]


def test_a_name_as_written_wins_over_the_other_script(tmp_path: Path) -> None:
    """陳志明 and 陈志明, two people: 郭俊杰's manager written 陈志明 is the one written so."""
    _, org = _import(tmp_path, "姓名,部门,直属上级\n陳志明,运营部,\n陈志明,运营部,\n"
                               "郭俊杰,运营部,陈志明\n")
    assert org["guo-jun-jie"].get("manager") == "chen-zhi-ming-2"  # type: ignore[attr-defined]
