"""Leftovers (left12): the import's header says what a re-import does now and replaces the
header an older version wrote; ..."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from orgspec.adopt.draft import FORMER_HEADERS, header
from orgspec.cli import main


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --- 1: the header of an imported file -------------------------------------------------------

def test_the_header_says_comments_and_added_fields_are_kept() -> None:
    text = header("roster")
    assert "keeps your comments and the fields you add" in text
    assert "if you add comments" not in text
    assert "并保留你的注释和你加的字段" in header("roster", "zh")
    assert "並保留你的註解和你加的欄位" in header("roster", "zh-Hant")


def _imported(tmp_path: Path) -> tuple[Path, Path]:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,team\nAda,ops\nGrace,ops\n", "utf-8")
    out = tmp_path / "org"
    assert cli("import", "roster", str(roster), "-o", str(out), "--lang", "en")[0] == 0
    return roster, out


@pytest.mark.parametrize("former", range(len(FORMER_HEADERS)))
def test_a_header_an_older_version_wrote_is_replaced_not_kept_twice(
        tmp_path: Path, former: int) -> None:
    """A file imported by an older version, then commented by hand: a re-import that adds a
    hire updates it in place with today's header alone, the user's comment kept."""
    roster, out = _imported(tmp_path)
    ops = out / "ops.yaml"
    text = ops.read_text("utf-8")
    body = text[len(header("roster")):]
    old = "".join(f"# {line}\n" for line in
                  FORMER_HEADERS[former].replace("{source}", "roster").splitlines())
    ops.write_text(old + body.replace("  - ada\n", "  - ada  # on leave\n"), "utf-8")
    roster.write_text("name,team\nAda,ops\nGrace,ops\nHopper,ops\n", "utf-8")
    code, _, err = cli("import", "roster", str(roster), "-o", str(out), "--lang", "en")
    assert code == 0, err
    assert not (out / "ops.yaml.new").exists()
    now = ops.read_text("utf-8")
    assert now.startswith(header("roster") + "- kind: Team\n")
    gone = [line for line in old.splitlines() if line not in header("roster")]
    assert gone and not [line for line in gone if line in now]
    assert "  - ada  # on leave\n" in now and "id: hopper" in now
