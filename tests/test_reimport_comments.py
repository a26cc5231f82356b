"""A re-import keeps the user's comments: carried to the same line of the new text (in place
when the import only adds to her file, else into NAME.yaml.new), and each one that has no
place there is named with its file:line (left11, item 1)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from orgspec.adopt.keepcomments import carry
from orgspec.cli import main


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _imported(tmp_path: Path, rows: str) -> tuple[Path, Path]:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,team\n" + rows, "utf-8")
    out = tmp_path / "org"
    assert cli("import", "roster", str(roster), "-o", str(out))[0] == 0
    return roster, out


def _comment(ops: Path) -> str:
    text = ops.read_text("utf-8")
    text = text.replace("- kind: Person\n  id: grace", "# Grace leads the night shift\n"
                        "- kind: Person\n  id: grace")
    text = text.replace("  - ada\n", "  - ada  # on leave until May\n")
    ops.write_text(text, "utf-8")
    return text


def test_a_new_hire_updates_the_file_in_place_keeping_her_comments(tmp_path: Path) -> None:
    roster, out = _imported(tmp_path, "Ada,ops\nGrace,ops\n")
    _comment(out / "ops.yaml")
    roster.write_text("name,team\nAda,ops\nGrace,ops\nHopper,ops\n", "utf-8")
    code, _, err = cli("import", "roster", str(roster), "-o", str(out))
    assert code == 0
    assert not (out / "ops.yaml.new").exists()
    text = (out / "ops.yaml").read_text("utf-8")
    assert "  - ada  # on leave until May\n  - grace\n  - hopper\n" in text
    assert "\n# Grace leads the night shift\n- kind: Person\n  id: grace\n" in text
    assert "id: hopper" in text
    assert "updated ops.yaml, which you edited" in err
    again = cli("import", "roster", str(roster), "-o", str(out))
    assert again[0] == 0 and (out / "ops.yaml").read_text("utf-8") == text


def test_a_conflicting_change_carries_comments_into_new_and_names_the_lost(
        tmp_path: Path) -> None:
    roster, out = _imported(tmp_path, "Ada,ops\nGrace,ops\n")
    mine = _comment(out / "ops.yaml")
    roster.write_text("name,team\nGrace,ops\nAda,qa\n", "utf-8")  # Ada moved away
    code, _, err = cli("import", "roster", str(roster), "-o", str(out))
    assert code == 0
    assert (out / "ops.yaml").read_text("utf-8") == mine
    new = (out / "ops.yaml.new").read_text("utf-8")
    assert "\n# Grace leads the night shift\n- kind: Person\n  id: grace\n" in new
    line = mine.splitlines().index("  - ada  # on leave until May") + 1
    assert f"ops.yaml:{line}:10: your comment '# on leave until May' has no place in " \
        "ops.yaml.new (its line changed): copy it by hand" in err


def test_carry_keeps_a_hash_inside_quotes_and_block_text_as_text() -> None:
    now = (b"- kind: Team\n  id: a\n  name: 'x # y'\n  description: |\n    z # w\n"
           b"  members:\n  - b  # kept\n")
    new = (b"- kind: Team\n  id: a\n  name: 'x # y'\n  description: |\n    z # w\n"
           b"  members:\n  - b\n  - c\n")
    text, lost = carry(now, new)
    assert (text, lost) == (new.replace(b"  - b\n", b"  - b  # kept\n"), [])


def test_carry_names_a_comment_whose_line_is_gone() -> None:
    now = b"- kind: Team\n  id: a\n  # about b\n  lead: b\n"
    new = b"- kind: Team\n  id: a\n  lead: c\n"
    assert carry(now, new) == (new, [(3, 3, "# about b")])


def test_a_header_in_another_language_is_the_imports_not_carried(tmp_path: Path) -> None:
    roster, out = _imported(tmp_path, "Ada,ops\nGrace,ops\n")
    _comment(out / "ops.yaml")
    roster.write_text("name,team\nAda,ops\nGrace,ops\nHopper,ops\n", "utf-8")
    assert cli("import", "roster", str(roster), "-o", str(out), "--lang", "zh")[0] == 0
    text = (out / "ops.yaml").read_text("utf-8")
    assert "# Imported by" not in text and text.startswith("# ")
    assert "  - ada  # on leave until May\n" in text
