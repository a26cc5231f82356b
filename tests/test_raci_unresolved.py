"""OW002 reads only the duties whose RACI fields name no owner (`Raci.unresolved`), and
OW004 only the duty's own statements: placeholders in every field and spelling, unknown
ids, a duty with no fields and an empty org give the findings they gave when every field
of every duty was read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from orgspec.engine.lint import lint, load_org
from orgspec.findings import Finding
from orgspec.load.config import Config
from orgspec.model.models import ROLES

TODAY = dt.date(2026, 12, 4)
TEAMS = ("- {kind: Team, id: ops, lead: ann, members: [ann]}\n"
         "- {kind: Person, id: ann}\n"
         "- {kind: Team, id: cs}\n")


def _findings(tmp_path: Path, text: str, *codes: str) -> list[Finding]:
    (tmp_path / "org.yaml").write_text(text, "utf-8")
    result = lint([str(tmp_path)], Config(lang="en"), today=TODAY)
    return [f for f in result.findings if f.code in codes]


@pytest.mark.parametrize("role", [r for r in ROLES if r != "accountable"])
@pytest.mark.parametrize("written", ["待定", "TBD", " tbd ", "n/a", "待分配", "无"])
def test_a_placeholder_in_any_other_field_is_one_finding_at_it(
        tmp_path: Path, role: str, written: str) -> None:
    text = TEAMS + ("- kind: Responsibility\n"
                    "  id: refunds\n"
                    "  accountable: ops\n"
                    f"  {role}: [cs, '{written}']\n")
    [found] = _findings(tmp_path, text, "OW002", "RF001")
    assert (found.code, found.location.line, found.location.col) == (
        "OW002", 7, len(f"  {role}: [cs, ") + 1)  # at the placeholder, not at cs
    assert found.message == (f"duty 'refunds' names '{written}' among its {role} owners")


@pytest.mark.parametrize("written", ["待定", "TBD", "Unknown"])
def test_an_accountable_placeholder_is_the_gap_once(tmp_path: Path, written: str) -> None:
    text = TEAMS + ("- kind: Responsibility\n"
                    "  id: refunds\n"
                    f"  accountable: {written}\n"
                    "  informed: [待定]\n")
    found = _findings(tmp_path, text, "OW002", "OW003", "RF001")
    assert [(f.code, f.location.line, f.message) for f in found] == [
        ("OW002", 6, f"duty 'refunds' has no accountable owner (written as '{written}')"),
        ("OW002", 7, "duty 'refunds' has no informed owner (written as '待定')")]


def test_a_full_width_tbd_is_an_unknown_id_not_a_placeholder(tmp_path: Path) -> None:
    # ＴＢＤ is not folded to TBD: the reference check names it, OW002 does not
    text = TEAMS + ("- kind: Responsibility\n"
                    "  id: refunds\n"
                    "  accountable: ops\n"
                    "  consulted: [ＴＢＤ]\n")
    assert [f.code for f in _findings(tmp_path, text, "OW002", "RF001")] == ["RF001"]


def test_unresolved_holds_the_duties_with_a_placeholder_or_unknown_owner(
        tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(TEAMS + (
        "- {kind: Responsibility, id: a, accountable: ops, informed: [cs]}\n"
        "- {kind: Responsibility, id: b, accountable: ops, consulted: [待定]}\n"
        "- {kind: Responsibility, id: c, accountable: ghost}\n"
        "- {kind: Responsibility, id: d, accountable: ann, responsible: [TBD, cs]}\n"
        "- {kind: Responsibility, id: e}\n"), "utf-8")
    org = load_org([str(tmp_path)]).org
    assert org.raci.unresolved == {"b", "c", "d"}
    assert list(org.raci.by_duty) == ["a", "b", "c", "d", "e"]


def test_a_charter_role_on_a_duty_with_no_fields_is_no_disagreement(tmp_path: Path) -> None:
    text = TEAMS.replace("id: cs}", "id: cs, responsibilities: [{ref: bare, role: consulted}, "
                         "{ref: named, role: consulted}]}") + (
        "- {kind: Responsibility, id: bare}\n"
        "- {kind: Responsibility, id: named, accountable: ops, responsible: [cs]}\n")
    [found] = _findings(tmp_path, text, "OW004")
    assert (found.location.line, found.message) == (
        3, "team 'cs' claims to be consulted for 'named', but the duty lists it as responsible")


def test_an_empty_org_gives_no_ownership_finding(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text("[]\n", "utf-8")
    result = lint([str(tmp_path)], Config(lang="en"), today=TODAY)
    assert not [f for f in result.findings if f.code.startswith(("OW", "MT", "RO"))]
    org = load_org([str(tmp_path)]).org
    assert (org.raci.holds, org.raci.by_duty, org.raci.unresolved) == ([], {}, frozenset())
