"""Hostile inputs, twelfth pass (hostile12): XLSX rosters, localized names, re-imported
comments and the site search, each given what a careless or hostile file holds."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli

SHEET = "xl/worksheets/sheet1.xml"


def _book(path: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """A two-person roster saved by openpyxl, then each zip member passed through `change`
    (None drops it): the hostile XLSX a hand or another tool writes."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["姓名", "部门"], ["Ada", "客服部"], ["Bob", "客服部"]):
        book.active.append(row)
    raw = io.BytesIO()
    book.save(raw)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = change(info.filename, src.read(info.filename))
            if data is not None:
                out.writestr(info.filename, data)
    return path


def _in_sheet(old: bytes, new: bytes) -> Callable[[str, bytes], bytes | None]:
    return lambda name, data: data.replace(old, new) if name == SHEET else data


def test_a_sheet_whose_xml_is_malformed_is_one_error_line(tmp_path: Path) -> None:
    roster = _book(tmp_path / "r.xlsx", _in_sheet(
        b"</sheetData>", b'</sheetData><mergeCells><mergeCell ref="B2:B3"></mergeCells>'))
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"), "--lang", "en")
    assert run.code == 2
    assert "internal error" not in run.stderr
    assert run.stderr.splitlines() == [
        f"orgspec: error: {roster}: not a readable XLSX workbook (ParseError)"]
    assert not (tmp_path / "org").exists()
