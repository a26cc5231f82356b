"""Unit tests of the engine: suppression comments and declarative rules, one function each."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from orgspec.engine.context import Shared
from orgspec.engine.declarative import run_declarative, validate_rule
from orgspec.engine.lint import load_org
from orgspec.engine.registry import RuleMeta
from orgspec.findings import Finding, Location, Related, Severity
from orgspec.load.suppress import Suppressor, scan_directives
from orgspec.model.org import Org

TODAY = dt.date(2026, 11, 30)


def test_scan_directives_reads_codes_expiry_and_reason() -> None:
    text = ("a: 1  # orgspec: ignore[HI005, team-without-lead] until=2026-12-31 hiring\n"
            "# orgspec: ignore-file[OW001]\n"
            "b: 2  # orgspec: ignore[HI006] until=someday\n")
    first, second, third = scan_directives(text, "t.yaml")
    assert (first.location.line, first.location.col) == (1, 7)
    assert first.codes == ("HI005", "team-without-lead") and not first.file_level
    assert first.until == dt.date(2026, 12, 31) and first.reason == "hiring"
    assert second.file_level and second.codes == ("OW001",) and second.until is None
    assert third.until is None and third.bad_until == "someday"
    assert scan_directives("a: 1  # an ordinary comment\n", "t.yaml") == []


def _f(code: str, line: int, related_line: int | None = None) -> Finding:
    related = (Related(Location("t.yaml", related_line, 1), "there"),) if related_line else ()
    return Finding(code, "n", Severity.WARNING, "m", Location("t.yaml", line, 1), related=related)


def test_suppressor_matches_line_line_above_names_and_related() -> None:
    text = "x\n# orgspec: ignore[team-without-lead]\ny\nz  # orgspec: ignore[OW001]\n"
    sup = Suppressor(scan_directives(text, "t.yaml"), {"team-without-lead": "HI005"}, TODAY)
    assert sup.suppressed(_f("HI005", 3))  # the line below the comment, by rule name
    assert not sup.suppressed(_f("HI005", 1))
    assert sup.suppressed(_f("OW001", 10, related_line=4))  # a related location counts
    assert not sup.suppressed(_f("OW002", 4))
    assert list(sup.leftovers({"HI005", "OW001"}, {"HI005", "OW001"})) == []


def test_suppressor_reports_expired_and_unused() -> None:
    text = "a  # orgspec: ignore[HI005] until=2026-01-01 old\nb  # orgspec: ignore[NOPE1]\n"
    sup = Suppressor(scan_directives(text, "t.yaml"), {}, TODAY)
    assert not sup.suppressed(_f("HI005", 1))  # expired: the finding is back
    issues = list(sup.leftovers({"HI005"}, {"HI005"}))
    assert [(i.code, i.location.line, i.message) for i in issues] == [
        ("SU002", 1, "suppression of HI005 expired on 2026-01-01"),
        ("SU001", 2, "unused suppression of NOPE1 (unknown rule)")]


def _rule(then: dict[str, object], given: str = "Team", message: str = "") -> RuleMeta:
    return RuleMeta("ACME001", "acme", "acme", Severity.ERROR, "s", "r", given=given,
                    then=then, message=message)


def _org(tmp_path: Path, text: str) -> Org:
    (tmp_path / "t.yaml").write_text(text, "utf-8")
    return load_org([str(tmp_path)]).org


def test_declarative_rule_flags_only_failing_entities(tmp_path: Path) -> None:
    org = _org(tmp_path, "- {kind: Team, id: a, mission: sell}\n- {kind: Team, id: b}\n")
    issues = list(run_declarative(_rule({"field": "mission", "function": "defined"}),
                                  Shared(org, TODAY)))
    assert [(i.code, i.entity, i.location.line, i.message) for i in issues] == [
        ("ACME001", "team:b", 2, "Team 'b' has no `mission`")]


def test_declarative_pattern_with_own_message(tmp_path: Path) -> None:
    org = _org(tmp_path, "- {kind: Team, id: a, name: Shop}\n- {kind: Team, id: b, name: shop}\n")
    rule = _rule({"field": "name", "function": "pattern", "options": {"match": "^[A-Z]"}},
                 message="{id}: name {value!r} starts lower-case")
    assert [i.message for i in run_declarative(rule, Shared(org, TODAY))] == [
        "b: name 'shop' starts lower-case"]


@pytest.mark.parametrize(("given", "then", "error"), [
    ("Tema", {"field": "x", "function": "defined"}, "`given` must be one of"),
    ("Team", {"field": "x", "function": "exists"}, "`then` needs `field` and a `function`"),
    ("Team", {"function": "defined"}, "`then` needs `field`"),
])
def test_malformed_declarative_rule_is_refused(given: str, then: dict[str, object],
                                               error: str) -> None:
    with pytest.raises(ValueError, match=error):
        validate_rule(_rule(then, given=given))
