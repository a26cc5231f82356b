"""Export then `import roster` back into the same org gives the same org: no file written
or changed, the same findings; a roster with one person more adds exactly that person
(trial 34c: the import wrote `live.yaml` and `shanghai-ops.yaml` for teams `teams.yaml`
already defined, RF002 on the next check, and a `teams.yaml.new` that dropped their
missions and charters)."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import json_findings, run_cli

from orgspec.adopt.importer import existing_org

ROOT = Path(__file__).resolve().parent.parent
ORGS = {"trial34c": ROOT / "tests" / "fixtures" / "trial34c" / "org",
        "ecommerce": ROOT / "examples" / "ecommerce"}


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _export(org: Path, tmp_path: Path) -> Path:
    out = tmp_path / "exported"
    run = run_cli("export", str(org), "--format", "csv", "-o", str(out))
    assert run.code == 0, run.stderr
    return out / "people.csv"


def _import(sheet: Path, org: Path) -> Any:
    run = run_cli("import", "roster", str(sheet), "-o", str(org))
    assert run.code == 0, run.stderr
    return run


def _copy(name: str, tmp_path: Path) -> Path:
    org = tmp_path / "org"
    shutil.copytree(ORGS[name], org)
    return org


@pytest.mark.parametrize("name", sorted(ORGS))
def test_reimporting_the_export_changes_nothing(tmp_path: Path, name: str) -> None:
    org = _copy(name, tmp_path)
    before, found = _files(org), json_findings(org)
    sheet = _export(org, tmp_path)
    _import(sheet, org)
    assert _files(org) == before
    assert json_findings(org) == found
    _import(sheet, org)  # and again
    assert _files(org) == before


def _with_new_person(sheet: Path, team: str) -> Path:
    """The exported roster with a row more: 周新 in `team` (an id), copied from a member's row."""
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    head = rows[0]
    tid = head.index("orgspec 部门编号" if "orgspec 部门编号" in head else "orgspec 部門編號")
    lead = head.index("负责人" if "负责人" in head else "負責人")
    row = list(next(r for r in rows[1:] if r[tid] == team and not r[lead]))  # not its lead
    person = head.index("orgspec 人员编号" if "orgspec 人员编号" in head else "orgspec 人員編號")
    name = head.index("姓名")
    row[person], row[name] = "zhou-xin", "周新"
    for column in ("邮箱", "電子郵件", "英文名"):
        if column in head:
            row[head.index(column)] = ""
    out = sheet.with_name("more.csv")
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([*rows, row])
    return out


def _org(folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    org = existing_org(str(folder))
    assert org is not None
    return ({tid: t.model_dump() for tid, t in org.teams.items()},
            {pid: p.model_dump() for pid, p in org.people.items()})


def test_a_new_person_is_added_into_the_hand_written_teams_file(tmp_path: Path) -> None:
    org = _copy("trial34c", tmp_path)
    teams, people = _org(org)
    found = json_findings(org)
    _import(_with_new_person(_export(org, tmp_path), "live"), org)
    assert sorted(p.name for p in org.iterdir()) == sorted(
        [p.name for p in ORGS["trial34c"].iterdir()] + [".orgspec-import.json"])
    after_teams, after_people = _org(org)
    assert set(after_people) - set(people) == {"zhou-xin"}
    assert {pid: after_people[pid] for pid in people} == people
    assert after_people["zhou-xin"]["name"] == "周新"
    assert after_people["zhou-xin"]["manager"] == "lin-hao"
    teams["live"]["members"].append("zhou-xin")
    assert after_teams == teams  # missions, charters, order of members: all kept
    assert json_findings(org) == found


def test_a_team_in_a_subfolder_is_left_there_and_its_new_member_told(tmp_path: Path) -> None:
    org = _copy("ecommerce", tmp_path)
    teams, people = _org(org)
    run = _import(_with_new_person(_export(org, tmp_path), "product"), org)
    written = {p.name for p in org.iterdir() if p.is_file()}
    assert written == {"_unassigned.yaml", ".orgspec-import.json"}
    after_teams, after_people = _org(org)
    assert set(after_people) - set(people) == {"zhou-xin"}
    assert after_teams == teams
    assert "zhou-xin" in run.stderr + run.stdout  # the note on product's new member


def test_a_team_an_earlier_import_duplicated_counts_by_the_hand_written_copy(
        tmp_path: Path) -> None:
    org = _copy("trial34c", tmp_path)
    before = _files(org)
    copy = b"- kind: Team\n  id: live\n  name: \xe7\x9b\xb4\xe6\x92\xad\n  parent: company\n"
    (org / "live.yaml").write_bytes(copy)
    (org / ".orgspec-import.json").write_text(json.dumps(
        {"source": "roster", "ids": {},
         "files": {"live.yaml": hashlib.sha256(copy).hexdigest()}}), encoding="utf-8")
    _import(_export(ORGS["trial34c"], tmp_path), org)
    after = _files(org)
    assert "live.yaml" not in after and not any(n.endswith(".new") for n in after)
    assert {n: b for n, b in after.items() if n != ".orgspec-import.json"} == before


def test_people_left_in_one_hand_written_file_are_one_note(tmp_path: Path) -> None:
    """Re-importing beside the example's people.yaml (14 people the source agrees with)
    said the same sentence 14 times; now one note names the file, the count and the first
    of them, in the reader's language."""
    org = _copy("ecommerce", tmp_path)
    sheet = _export(org, tmp_path)
    notes = [line.replace(str(tmp_path) + "/", "")
             for line in _import(sheet, org).stderr.splitlines() if line]
    assert notes == [
        "提示：14 位人员已在 org/teams/people.yaml 中，导入不写这个文件：保持原样，不再写一遍："
        "陈静 (chen-jing)、郭静 (guo-jing)、何丽 (he-li)、李娜 (li-na)、林雪 (lin-xue)、…"]
    run = run_cli("import", "roster", str(sheet), "-o", str(org), "--lang", "en")
    assert [line.replace(str(tmp_path) + "/", "") for line in run.stderr.splitlines()
            if line] == [
        "note: 14 people are already in org/teams/people.yaml, which the import does not "
        "write: left there as they are, not written again: 陈静 (chen-jing), 郭静 (guo-jing), "
        "何丽 (he-li), 李娜 (li-na), 林雪 (lin-xue), …"]
