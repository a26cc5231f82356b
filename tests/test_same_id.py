"""One unknown id named by several references is one RF001 (trial 30: renaming team `tech`
to `engineering` in teams.yaml, only the `id:` line, gave one RF001 per reference, fifteen
findings for one edit in the example org). The first reference by file and line is the
finding; the others are its related locations, counted in its hint, their RF001s held back
behind it (`engine.sameid`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import git, run_cli

TEAMS = """\
- kind: Team
  id: company
  name: 公司
  lead: chan
  members: [chan]
- kind: Team
  id: tech
  name: 技术部
  parent: company
  lead: lee
  members: [lee]
- kind: Team
  id: sre
  name: 运维组
  parent: tech
  lead: wong
  members: [wong]
"""
PEOPLE = """\
- kind: Person
  id: chan
  name: 陈大文
- kind: Person
  id: lee
  name: 李小明
- kind: Person
  id: wong
  name: 王芳
"""
DUTIES = """\
- kind: Responsibility
  id: platform
  name: 平台建设
  accountable: tech
- kind: Responsibility
  id: uptime
  name: 稳定性
  accountable: sre
  consulted: [tech]
"""
POSITIONS = """\
- kind: Role
  id: engineer
  name: 工程师
  team: tech
  holders: [lee]
"""
FILES = {"teams.yaml": TEAMS, "people.yaml": PEOPLE, "duties.yaml": DUTIES,
         "positions.yaml": POSITIONS}
# where `tech` is referenced, by file and line: the first is the one finding
FIRST = ("duties.yaml", 4)
OTHERS = [("duties.yaml", 9), ("positions.yaml", 4), ("teams.yaml", 15)]
# where the renamed team's new id is defined: its first related location, git HEAD telling
# what `tech` was (trial 31)
DEFINED = ("teams.yaml", 7)


def _rename(root: Path) -> None:
    teams = root / "teams.yaml"
    teams.write_text(teams.read_text(encoding="utf-8").replace("id: tech", "id: engineering"),
                     encoding="utf-8")


@pytest.fixture
def repo(write_org) -> Path:
    """The org committed to git, then team `tech` renamed `engineering` (the `id:` only)."""
    root = write_org(FILES)
    git(root.parent, "init", "-q")
    git(root.parent, "add", ".")
    git(root.parent, "commit", "-qm", "org")
    _rename(root)
    return root


def _json(root: Path, *args: str, lang: str = "en") -> dict:
    run = run_cli("check", *args, "--no-cache", "--format", "json", "--lang", lang,
                  cwd=root.parent)
    return json.loads(run.stdout)


def _rf001(root: Path, *args: str, lang: str = "en") -> list[dict]:
    return [f for f in _json(root, *(args or ("org",)), lang=lang)["findings"]
            if f["code"] == "RF001"]


def _at(f: dict) -> tuple[str, int]:
    return Path(f["file"]).name, f["line"]


def _related(f: dict) -> list[tuple[str, int]]:
    return [(Path(r["file"]).name, r["line"]) for r in f.get("related", ())]


def test_a_renamed_team_is_one_rf001_at_its_first_reference(repo: Path) -> None:
    found = _rf001(repo)
    assert [_at(f) for f in found] == [FIRST]
    assert _related(found[0]) == [DEFINED, *OTHERS]
    hint = found[0]["hint"]
    assert "3 other references name 'tech' too" in hint
    # git HEAD knows what `tech` was: the rename is said, not a guess
    assert "did you mean 'engineering'? its id was `tech` at git HEAD" in hint
    assert "`aliases: [tech]`" in hint


def test_the_text_lists_the_first_other_references_with_file_and_line(repo: Path) -> None:
    out = run_cli("check", "org", "--no-cache", "--lang", "en", cwd=repo.parent).stdout
    lines = [line for line in out.splitlines()
             if (line.startswith("org/") and "RF001" in line) or line.startswith("    related:")]
    assert lines == [
        "org/duties.yaml:4:16: RF001 [error] unknown Team, Person or Role 'tech' in RACI list "
        "`accountable` of duty 平台建设 (platform)",
        "    related: org/teams.yaml:7:7: 技术部 has the id 'engineering' here, `tech` at git HEAD",
        "    related: org/duties.yaml:9:15: 'tech' referenced here",
        "    related: org/positions.yaml:4:9: 'tech' referenced here",
        "    related: org/teams.yaml:15:11: 'tech' referenced here"]


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "另有 3 处引用也写了 'tech'，即相关位置；它们的 RF001 在这一条改正之前暂不报告"),
    ("zh-Hant",
     "另有 3 處引用也寫了 'tech'，即相關位置；它們的 RF001 在這一條改正之前暫不報告"),
])
def test_the_count_is_said_in_chinese(repo: Path, lang: str, said: str) -> None:
    found = _rf001(repo, lang=lang)
    assert [_at(f) for f in found] == [FIRST]
    assert said in found[0]["hint"]


def test_fixing_the_first_reference_alone_brings_the_next_forward(repo: Path) -> None:
    duties = repo / "duties.yaml"
    duties.write_text(DUTIES.replace("accountable: tech", "accountable: engineering"),
                      encoding="utf-8")
    found = _rf001(repo)
    assert [_at(f) for f in found] == [OTHERS[0]]
    assert _related(found[0]) == [DEFINED, *OTHERS[1:]]
    assert "2 other references name 'tech' too" in found[0]["hint"]


def test_an_alias_fixes_them_all(repo: Path) -> None:
    teams = repo / "teams.yaml"
    teams.write_text(teams.read_text(encoding="utf-8").replace(
        "id: engineering", "id: engineering\n  aliases: [tech]"), encoding="utf-8")
    found = _json(repo, "org")["findings"]
    assert not [f for f in found if f["code"] == "RF001"]
    # one RF005 for the one former id (trial 31), the others its related locations
    former = [f for f in found if f["code"] == "RF005"]
    assert [_at(f) for f in former] == [FIRST]
    assert _related(former[0]) == [*OTHERS[:2], ("teams.yaml", 16)]  # below `aliases:`
    assert former[0]["hint"].startswith("write `engineering` here and at the 3 other "
                                        "references to 'tech', its related locations")


def test_the_good_org_has_no_rf001(write_org) -> None:
    root = write_org(FILES)
    assert _rf001(root) == []


def test_typos_of_different_ids_stay_separate(write_org) -> None:
    duties = DUTIES.replace("accountable: tech", "accountable: tehc")
    root = write_org({**FILES, "duties.yaml": duties.replace("[tech]", "[tecj]")})
    found = _rf001(root)
    assert [_at(f) for f in found] == [("duties.yaml", 4), ("duties.yaml", 9)]
    assert all(not f.get("related") for f in found)
    assert all("other reference" not in f["hint"] for f in found)


def test_one_id_in_fields_of_unrelated_kinds_stays_separate(write_org) -> None:
    """`tech` as a duty in a position's `duties` and as an owner in a RACI list: two ids
    that happen to be written alike, not one reference twice."""
    root = write_org({**FILES, "teams.yaml": TEAMS.replace("id: tech", "id: engineering")
                      .replace("parent: tech", "parent: engineering"),
                      "duties.yaml": DUTIES.replace("  consulted: [tech]\n", ""),
                      "positions.yaml": POSITIONS.replace("team: tech", "team: engineering")
                      + "  duties: [tech]\n"})
    found = _rf001(root)
    assert [_at(f) for f in found] == [("duties.yaml", 4), ("positions.yaml", 6)]
    assert all(not f.get("related") for f in found)


def test_a_suppressed_reference_is_neither_held_nor_counted(repo: Path) -> None:
    duties = repo / "duties.yaml"
    duties.write_text(DUTIES.replace("consulted: [tech]",
                                     "consulted: [tech]  # orgspec: ignore[RF001]"),
                      encoding="utf-8")
    found = _rf001(repo)
    assert [_at(f) for f in found] == [FIRST]
    assert _related(found[0]) == [DEFINED, *OTHERS[1:]]
    assert "2 other references name 'tech' too" in found[0]["hint"]


def test_rf001_ignored_for_the_first_file_groups_the_rest(repo: Path) -> None:
    (repo.parent / ".orgspec.yaml").write_text(
        "root: org\nper-file-ignores:\n  duties.yaml: [RF001]\n", encoding="utf-8")
    found = _rf001(repo)
    assert [_at(f) for f in found] == [("positions.yaml", 4)]
    assert _related(found[0]) == [DEFINED, ("teams.yaml", 15)]


def test_rf001_turned_off_reports_nothing(repo: Path) -> None:
    assert _rf001(repo, "org", "--ignore", "RF001") == []


def test_checking_the_renaming_file_lists_the_one_rf001(repo: Path) -> None:
    found = _rf001(repo, "org/teams.yaml")
    assert [_at(f) for f in found] == [FIRST]
    assert _related(found[0]) == [DEFINED, *OTHERS]


def test_checking_a_file_with_a_later_reference_lists_the_one_rf001(repo: Path) -> None:
    found = _rf001(repo, "org/positions.yaml")
    assert [_at(f) for f in found] == [FIRST]


def test_a_baseline_of_the_broken_org_hides_the_one_rf001(repo: Path) -> None:
    base = repo.parent / "baseline.json"
    run_cli("check", "org", "--no-cache", "--write-baseline", str(base), cwd=repo.parent)
    assert _rf001(repo, "org", "--baseline", str(base)) == []
    # the references held back are not in it (as any finding held back): fixing the first
    # reference alone shows the next as new, with the rest behind it
    duties = repo / "duties.yaml"
    duties.write_text(DUTIES.replace("accountable: tech", "accountable: engineering"),
                      encoding="utf-8")
    found = _rf001(repo, "org", "--baseline", str(base))
    assert [_at(f) for f in found] == [OTHERS[0]]


def test_the_cache_gives_the_same_findings(repo: Path) -> None:
    cold = _json(repo, "org")["findings"]
    for _ in range(2):
        run = run_cli("check", "org", "--format", "json", "--lang", "en", cwd=repo.parent)
        assert json.loads(run.stdout)["findings"] == cold
