"""Export then `import roster` gives back each person's `name` and `names` as written, in
every language and format (session 34's trial: `{name: Alex Chan, names: {zh-Hant: 陳子朗}}`
came back as `name: 陳子朗`, Alex Chan gone)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from orgspec.adopt.importer import existing_org

ROOT = Path(__file__).resolve().parent.parent
MIXED = """\
- {kind: Team, id: mgmt, name: Management, names: {zh-Hant: 管理層, zh: 管理层}, lead: alex-chan,
   members: [alex-chan, bella-wong]}
- {kind: Team, id: hk-cs, name: 香港客服組, names: {en: HK Customer Service}, parent: mgmt,
   lead: lee-ka-yan, members: [lee-ka-yan, chan-chi-ming]}
- {kind: Team, id: sz-wh, name: 深圳仓储组, parent: mgmt, lead: wang-qiang,
   members: [wang-qiang, liu-yang]}
- {kind: Person, id: alex-chan, name: Alex Chan, names: {zh-Hant: 陳子朗}}
- {kind: Person, id: bella-wong, name: Bella Wong, names: {zh-Hant: 黃佩珊, zh: 黄佩珊},
   manager: alex-chan}
- {kind: Person, id: lee-ka-yan, name: 李嘉欣, names: {en: Karen Lee}, manager: bella-wong}
- {kind: Person, id: chan-chi-ming, name: 陳志明, names: {en: Jimmy Chan, zh: 陈志明},
   manager: lee-ka-yan}
- {kind: Person, id: wang-qiang, name: 王强, names: {zh-Hant: 王強}, manager: bella-wong}
- {kind: Person, id: liu-yang, name: 刘洋, manager: wang-qiang}
"""


def _people(folder: Path) -> dict[str, tuple[Any, ...]]:
    org = existing_org(str(folder))
    assert org is not None
    return {pid: (p.name, p.names.model_dump(by_alias=True, exclude_none=True)
                  if p.names else None, p.manager) for pid, p in org.people.items()}


def _round_trip(org: Path, tmp_path: Path, fmt: str, lang: str) -> Path:
    out = tmp_path / f"sheets-{fmt}-{lang}"
    out = out.with_suffix(".xlsx") if fmt == "xlsx" else out
    run = run_cli("export", str(org), "--format", fmt, "-o", str(out), "--lang", lang)
    assert run.code == 0, run.stderr
    sheet = out / "people.csv" if fmt == "csv" else out
    back = tmp_path / f"back-{fmt}-{lang}"
    args = ["import", "roster", str(sheet), "-o", str(back), "--lang", "en"]
    if fmt == "xlsx":
        args += ["--sheet", {"en": "People", "zh": "人员名录", "zh-Hant": "人員名錄"}[lang]]
    run = run_cli(*args)
    assert run.code == 0, run.stderr
    return back


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["zh", "zh-Hant", "en"])
def test_a_mixed_org_comes_back_with_its_names(tmp_path: Path, fmt: str, lang: str) -> None:
    pytest.importorskip("openpyxl") if fmt == "xlsx" else None
    org = tmp_path / "org"
    org.mkdir()
    (org / "org.yaml").write_text(MIXED, "utf-8")
    want = _people(org)
    assert want["alex-chan"] == ("Alex Chan", {"zh-Hant": "陳子朗"}, None)
    assert _people(_round_trip(org, tmp_path, fmt, lang)) == want


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_example_comes_back_with_its_names(tmp_path: Path, fmt: str) -> None:
    pytest.importorskip("openpyxl") if fmt == "xlsx" else None
    org = ROOT / "examples" / "ecommerce"
    assert _people(_round_trip(org, tmp_path, fmt, "zh")) == _people(org)


@pytest.mark.parametrize(("lang", "head", "alex", "lee"), [
    ("zh", ["姓名", "英文名", "简体名", "繁体名", "部门"], ["Alex Chan", "", "", "陳子朗"],
     ["李嘉欣", "Karen Lee", "", ""]),
    ("zh-Hant", ["姓名", "英文名", "簡體名", "繁體名", "部門"], ["Alex Chan", "", "", "陳子朗"],
     ["李嘉欣", "Karen Lee", "", ""]),
    ("en", ["name", "name_en", "name_zh", "name_zh_hant", "team"],
     ["Alex Chan", "", "", "陳子朗"], ["李嘉欣", "Karen Lee", "", ""]),
])
def test_the_name_column_is_name_as_written_and_each_language_has_its_own(
        tmp_path: Path, lang: str, head: list[str], alex: list[str], lee: list[str]) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "org.yaml").write_text(MIXED, "utf-8")
    out = tmp_path / "sheets"
    assert run_cli("export", str(org), "--format", "csv", "-o", str(out), "--lang",
                   lang).code == 0
    with (out / "people.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:5] == head
    by_id = {row[10]: row for row in rows[1:]}  # the person id, after 3 name columns
    assert by_id["alex-chan"][:4] == alex
    assert by_id["lee-ka-yan"][:4] == lee
    assert by_id["bella-wong"][:4] == ["Bella Wong", "", "黄佩珊", "黃佩珊"]
