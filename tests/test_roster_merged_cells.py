"""A roster whose 部门 cell is merged over several rows (as HR lays a department out in
Excel): openpyxl's read-only mode gives the value to the first row only, so each other row
was a person with no team (a note a row). A merged cell's value applies to each row it spans
(left11, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.engine.lint import load_org

openpyxl = pytest.importorskip("openpyxl")


def test_a_merged_department_cell_applies_to_every_row_it_spans(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    for row in (["姓名", "部门", "岗位"], ["Ada", "客服部", "主管"], ["Bob", None, "专员"],
                ["Cy", None, None], ["Di", "运营部", "专员"]):
        ws.append(row)
    ws.merge_cells("B2:B4")
    ws.merge_cells("C3:C4")  # 专员 for Bob and Cy
    book.save(tmp_path / "roster.xlsx")
    run = run_cli("import", "roster", str(tmp_path / "roster.xlsx"), "-o", str(tmp_path / "org"),
                  "--lang", "en")
    assert run.code == 0, run.stderr
    assert "has no team" not in run.stderr
    org = load_org([str(tmp_path / "org")]).org
    teams = {t.name: sorted(t.members) for t in org.teams.values()}
    assert teams == {"客服部": ["ada", "bob", "cy"], "运营部": ["di"]}
    assert (org.people["bob"].title, org.people["cy"].title) == ("专员", "专员")
