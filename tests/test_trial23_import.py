"""Trial 23 (张伟, an HRBP importing his roster with 工号 as ids): a re-import never leaves
the org with fewer people than before because an update waits in a NAME.yaml.new."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

FIRST = "工号,姓名,部门,直属上级\n1024,张伟,人力资源部,\n1025,孔琪,人力资源部,1024\n" \
        "1035,邹平,,1024\n"
MOVED = "工号,姓名,部门,直属上级\n1024,张伟,人力资源部,\n1025,孔琪,人力资源部,1024\n" \
        "1035,邹平,人力资源部,1024\n"
HIRED = MOVED + "1036,钱多多,人力资源部,1024\n"
HR = "ren-li-zi-yuan-bu.yaml"


def _import(roster: Path, out: Path, text: str) -> str:
    roster.write_text(text, "utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(out), "--lang", "en")
    assert run.code == 0, run.stderr
    return run.stderr + run.stdout


def _findings(out: Path) -> list[tuple[str, str, int]]:
    check = run_cli("check", str(out), "--format", "json", "--lang", "en")
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in check.json()["findings"]
            if f["code"] != "OW006"]  # no duty for the team: the roster gives none


def _hand_added(tmp_path: Path) -> tuple[Path, Path]:
    """The trial's org: 邹平 imported without a team (in _unassigned.yaml), then added by
    hand to 人力资源部's members, unquoted and with a comment."""
    roster, out = tmp_path / "roster.csv", tmp_path / "org"
    _import(roster, out, FIRST)
    assert (out / "_unassigned.yaml").is_file()
    team = out / HR
    team.write_text(team.read_text("utf-8").replace("  - '1025'\n",
                                                    "  - '1025'\n  - 1035   # 邹平 行政\n"),
                    "utf-8")
    assert _findings(out) == []
    return roster, out


def test_a_person_whose_new_team_file_was_edited_stays_where_the_org_has_them(
        tmp_path: Path) -> None:
    roster, out = _hand_added(tmp_path)
    mine = (out / HR).read_text("utf-8")
    said = _import(roster, out, MOVED)
    # her team's file already says all the import says but her entry: nothing waits
    assert not (out / (HR + ".new")).exists() and (out / HR).read_text("utf-8") == mine
    assert "id: '1035'" in (out / "_unassigned.yaml").read_text("utf-8")
    assert "邹平 (1035) stays in " in said and "_unassigned.yaml for now" in said
    assert _findings(out) == []


def test_a_pending_update_is_the_one_finding_and_merging_it_gives_a_clean_org(
        tmp_path: Path) -> None:
    roster, out = _hand_added(tmp_path)
    _import(roster, out, HIRED)  # a new hire in the edited file: its update must wait
    assert (out / (HR + ".new")).is_file()
    assert "id: '1035'" in (out / "_unassigned.yaml").read_text("utf-8")
    assert "id: '1035'" not in (out / (HR + ".new")).read_text("utf-8")
    assert _findings(out) == [("IN018", HR + ".new", 1)]
    (out / (HR + ".new")).replace(out / HR)
    assert _findings(out) == []
    _import(roster, out, HIRED)  # merged: the next import moves her into her team's file
    assert not (out / "_unassigned.yaml").exists()
    assert "id: '1035'" in (out / HR).read_text("utf-8")
    assert _findings(out) == []
