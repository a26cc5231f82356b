"""A re-import into a hand-written org changes only what the roster changed (trial 36): the
user's file keeps its order of entities, its `[a, b]` lists and its lack of the import's
header, and the import says to commit its manifest."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from orgspec.adopt.keeporder import keep_order, without_header
from orgspec.cli import main

TEAMS = """\
- kind: Team
  id: ops
  name: Operations
  lead: ada
  members: [ada, bob]

- kind: Team
  id: cs
  name: Customer Service
  lead: cy
  members: [cy, dee]
"""
PEOPLE = """\
- {kind: Person, id: ada, name: Ada}
- {kind: Person, id: bob, name: Bob}
- {kind: Person, id: cy, name: Cy}
- {kind: Person, id: dee, name: Dee}
"""
# Bob moved to Customer Service, Eve hired into Operations
ROSTER = """\
name,team,lead,orgspec person id,orgspec team id
Cy,Customer Service,yes,cy,cs
Dee,Customer Service,,dee,cs
Bob,Customer Service,,bob,cs
Ada,Operations,yes,ada,ops
Eve,Operations,,,ops
"""


def _org(tmp_path: Path) -> Path:
    org = tmp_path / "org"
    org.mkdir()
    (org / "teams.yaml").write_text(TEAMS, "utf-8")
    (org / "people.yaml").write_text(PEOPLE, "utf-8")
    (tmp_path / "roster.csv").write_text(ROSTER, "utf-8")
    return org


def test_a_reimport_into_a_hand_written_file_changes_only_what_the_roster_changed(
        tmp_path: Path) -> None:
    org = _org(tmp_path)
    result = CliRunner().invoke(main, ["import", "roster", str(tmp_path / "roster.csv"),
                                       "-o", str(org)], catch_exceptions=False)
    assert result.exit_code == 0
    assert (org / "teams.yaml").read_text("utf-8") == TEAMS  # never the user's file
    assert (org / "teams.yaml.new").read_text("utf-8") == """\
- kind: Team
  id: ops
  name: Operations
  lead: ada
  members: [ada, eve]

- kind: Person
  id: eve
  name: Eve

- kind: Team
  id: cs
  name: Customer Service
  lead: cy
  members: [cy, dee, bob]
"""
    manifest = org / ".orgspec-import.json"
    assert result.stdout.count(f"wrote {manifest}: commit it with the org") == 1
    again = CliRunner().invoke(main, ["import", "roster", str(tmp_path / "roster.csv"),
                                      "-o", str(org)], catch_exceptions=False)
    assert again.exit_code == 0 and "commit it with the org" not in again.stdout


def test_keep_order_puts_known_entities_in_the_users_order_and_new_ones_after_their_own() -> None:
    now = "- {kind: Team, id: b}\n- {kind: Team, id: a}\n- {kind: Team, id: c}\n"
    new = ("- kind: Team\n  id: a\n\n- kind: Person\n  id: x\n\n- kind: Team\n  id: b\n\n"
           "- kind: Team\n  id: c\n")
    assert keep_order(now, new) == ("- kind: Team\n  id: b\n\n- kind: Team\n  id: a\n\n"
                                    "- kind: Person\n  id: x\n\n- kind: Team\n  id: c\n")
    assert keep_order(now, "- kind: Team\n  id: b\n\n- kind: Team\n  id: a\n") == \
        "- kind: Team\n  id: b\n\n- kind: Team\n  id: a\n"  # nothing moves: as it was
    twice = "- {kind: Team, id: a}\n- {kind: Team, id: a}\n"
    assert keep_order(twice, new) == new  # a key given twice: not guessed at
    assert keep_order("not: a list\n", new) == new


def test_a_file_without_the_imports_header_does_not_gain_it() -> None:
    header = frozenset({"# Imported by `orgspec import roster`."})
    new = "# Imported by `orgspec import roster`.\n\n- {kind: Team, id: a}\n"
    assert without_header("- {kind: Team, id: a}\n", new, header) == "- {kind: Team, id: a}\n"
    assert without_header("# my notes\n- {kind: Team, id: a}\n", new, header) == \
        "- {kind: Team, id: a}\n"
    kept = "# Imported by `orgspec import roster`.\n- {kind: Team, id: a}\n"
    assert without_header(kept, new, header) == new  # the user's file has it: kept
