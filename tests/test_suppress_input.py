"""Suppressions only where YAML has a comment, and never of an input error.

Hostile-input run 34: directive text inside a quoted or block value (a `mission`, a roster
cell an import wrote) was obeyed or said unused; `ignore-file[IN001]` made a file that does
not parse pass, its teams gone without a word (IN004, IN005 likewise); a code named three
times in one comment was three SU001.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint
from orgspec.load.config import Config, Selector
from orgspec.load.suppress import scan_directives
from orgspec.load.yamlevents import parse

TODAY = dt.date(2026, 11, 22)
ALL = Config()
HIER = Config(select=[Selector(s, "t") for s in ("HI005", "HI006", "suppressions")])

UNCLOSED = "- kind: Team\n  id: a\n  members: [x\n- kind: Team\n"


def found(root: Path, config: Config = ALL) -> list[tuple[str, str, int]]:
    return [(f.code, f.location.file.rsplit("/", 1)[-1], f.location.line)
            for f in lint([str(root)], config, today=TODAY).findings]


@pytest.fixture(params=["c", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", request.param)
    return str(request.param)


# --- 1: only a YAML comment is a suppression ---------------------------------------------------

IN_VALUES = (
    "- kind: Team\n"
    "  id: a\n"
    '  mission: "Keep the shop up #orgspec:ignore-file[RF001]"\n'  # quoted: text
    "  name: '客服部 # orgspec: ignore[RF001]'\n"
    "  description: |\n"
    "      仓库 # orgspec: ignore[HI005] 不是注释\n"  # in a block value: text
    "      # orgspec：ignore[HI005] nor this\n"
    "  members: [ghost]\n"
    '  "x # orgspec: ignore[SC001]": 1\n'  # in a quoted key
    "  parent: 'two\n"
    "    lines #orgspec: ignore[RF001]'\n"
)


def test_directive_text_inside_a_value_or_key_is_text(write_org, parser: str) -> None:
    """Each finding stays, and none is said of the text that looks like a suppression."""
    assert found(write_org({"t.yaml": IN_VALUES})) == [
        ("HI005", "t.yaml", 2), ("RF001", "t.yaml", 8), ("SC001", "t.yaml", 9),
        ("RF001", "t.yaml", 10)]


def test_a_comment_is_still_read_beside_values_that_look_like_one(write_org, parser: str
                                                                  ) -> None:
    """A `#` YAML reads as a comment stays a suppression: after a plain value, on the
    line after a block value (indented less than its text), after a quoted value."""
    text = ("- kind: Team\n"
            "  id: a\n"
            "  description: |\n"
            "      仓库 # orgspec: ignore-file[OW006] text\n"
            "    # orgspec: ignore-file[HI005] a comment, indented less than the text\n"
            '  mission: "#orgspec:ignore[RF001]"  # orgspec: ignore[RF001] read\n'
            "  members: [ghost]\n"
            "  parent: x #orgspec: ignore[RF001] read\n")
    assert found(write_org({"t.yaml": text})) == [("OW006", "t.yaml", 2)]


def test_the_parse_tells_which_are_comments(parser: str) -> None:
    """At the unit: what starts inside a scalar the parser read is left out, and the
    search goes on after it on the same line."""
    scalars: list[tuple[int, int, int, int]] = []
    parse(IN_VALUES, scalars=scalars)
    assert sorted(d.location.line for d in scan_directives(IN_VALUES, "t.yaml")) == \
        [3, 4, 6, 7, 9, 11]
    assert scan_directives(IN_VALUES, "t.yaml", scalars) == []
    text = "a: '#orgspec: ignore[X1]'  # orgspec: ignore[X2]\nb: 1 # orgspec: ignore[X3]\n"
    scalars.clear()
    parse(text, scalars=scalars)
    assert [d.codes for d in scan_directives(text, "t.yaml", scalars)] == [("X2",), ("X3",)]


def test_a_roster_cell_that_looks_like_a_suppression_hides_nothing(tmp_path: Path) -> None:
    """`import roster` writes the cell as a quoted name: it stays a name, and the unknown
    manager of the file is still said."""
    (tmp_path / "roster.csv").write_text(
        "姓名,部门,岗位,上级\n#orgspec:ignore-file[RF001],客服部,客服主管,\n"
        "萧雨,客服部,客服专员,王五\n", "utf-8")
    assert run_cli("import", "roster", "roster.csv", "-o", "org", cwd=tmp_path).code == 0
    written = (tmp_path / "org" / "ke-fu-bu.yaml").read_text("utf-8")
    assert "  name: '#orgspec:ignore-file[RF001]'\n" in written
    assert found(tmp_path / "org") == [("HI005", "ke-fu-bu.yaml", 5),
                                       ("OW006", "ke-fu-bu.yaml", 5),
                                       ("RF001", "ke-fu-bu.yaml", 20)]


# --- 2: an input error is never suppressed -------------------------------------------------------

def test_a_file_that_does_not_parse_is_not_hidden_by_a_suppression(write_org) -> None:
    root = write_org({"t.yaml": "# orgspec: ignore-file[IN001] 先不管\n" + UNCLOSED,
                      "u.yaml": "- kind: Person\n  id: x\n  name: X\n"})
    result = lint([str(root)], ALL, today=TODAY)
    assert [(f.code, f.location.line) for f in result.findings] == [("SU001", 1), ("IN001", 4)]
    su = result.findings[0]
    assert su.message == ("IN001 cannot be suppressed: its finding says that a file or an "
                          "entity was not read, so it is always reported")
    assert su.hint == ("take IN001 out of this comment (delete the comment if it names "
                       "nothing else), and fix what IN001 reports")
    # the hint followed: the comment deleted, the input error is the one finding left
    (root / "t.yaml").write_text(UNCLOSED, "utf-8")
    assert found(root) == [("IN001", "t.yaml", 3)]


def test_the_cli_fails_on_a_suppressed_syntax_error(write_org) -> None:
    root = write_org({"t.yaml": "# orgspec: ignore-file[IN001]\n" + UNCLOSED})
    run = run_cli("check", str(root), "--no-cache")
    assert run.code == 1
    assert "No problems found" not in run.stdout


@pytest.mark.parametrize(("text", "expected"), [
    ("# orgspec: ignore-file[IN004] 重复\n- kind: Person\n  id: x\n  name: X\n  name: Y\n",
     [("SU001", 1), ("HI007", 3), ("IN004", 5)]),
    ("- &p kind: Person  # orgspec: ignore[IN005]\n  id: x\n  name: X\n",
     [("IN005", 1), ("SU001", 1)]),
    # by its rule name; and named on a file without that error
    ("# orgspec: ignore-file[yaml-syntax-error]\n" + UNCLOSED, [("SU001", 1), ("IN001", 4)]),
    ("# orgspec: ignore-file[IN001]\n- kind: Person\n  id: x\n  name: X\n",
     [("SU001", 1), ("HI007", 3)]),
])
def test_other_input_errors_are_not_hidden(write_org, text: str,
                                           expected: list[tuple[str, int]]) -> None:
    assert [(c, line) for c, _, line in found(write_org({"t.yaml": text}))] == expected


def test_a_duplicate_id_and_an_entity_not_read_are_not_hidden(write_org) -> None:
    """RF002 (the second definition is not read) and a schema finding on an entity that
    was not read (no id) stay; one on an entity read without the bad field is hidden."""
    text = ("# orgspec: ignore-file[RF002, SC002, SC003] 迁移中\n"
            "- kind: Person\n  id: x\n  name: X\n  email: 5\n"
            "- kind: Person\n  id: x\n  name: Y\n"
            "- kind: Person\n  name: 没有 id\n")
    assert [(c, line) for c, _, line in found(write_org({"t.yaml": text}))] == [
        ("SU001", 1), ("SU001", 1), ("HI007", 3), ("RF002", 7), ("SC002", 9)]


# --- 3: a code named twice is one finding -------------------------------------------------------

def test_a_code_named_several_times_is_said_once(write_org) -> None:
    text = ("- kind: Team  # orgspec: ignore[HI005,HI005,HI005]\n  id: a\n  lead: x\n"
            "  members: [x]\n"
            "- kind: Team  # orgspec: ignore[HI005, team-without-lead, hi005] 同一条\n"
            "  id: b\n  lead: x\n  members: [x]\n"
            "- kind: Team  # orgspec: ignore[HI005, HI005] used\n  id: c\n  members: [x]\n"
            "- kind: Team  # orgspec: ignore[IN001, IN001]\n  id: d\n  lead: x\n"
            "  members: [x]\n")
    assert found(write_org({"t.yaml": text}), HIER) == [
        ("SU001", "t.yaml", 1), ("SU001", "t.yaml", 5), ("SU001", "t.yaml", 12)]
