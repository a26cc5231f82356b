"""Inline suppressions: line, line above, file level, names, expiry, unused ones."""

from __future__ import annotations

import datetime as dt

from orgspec.engine.lint import lint
from orgspec.load.config import Config, Selector

TODAY = dt.date(2026, 11, 22)
HIER = Config(select=[Selector(s, "t") for s in ("HI005", "HI006", "suppressions")])


def codes(root, config=HIER) -> list[tuple[str, int]]:
    return [(f.code, f.location.line) for f in lint([str(root)], config, today=TODAY).findings]


def test_same_line_and_line_above(write_org) -> None:
    text = ("- kind: Team  # orgspec: ignore[HI005] lead is being hired\n  id: a\n"
            "  members: [x]\n"
            "# orgspec: ignore[team-without-lead] by name, on the line above\n"
            "- kind: Team\n  id: b\n  members: [x]\n"
            "- kind: Team\n  id: c\n  members: [x]\n")
    assert codes(write_org({"t.yaml": text})) == [("HI005", 9)]  # at the id, as every team finding


def test_file_level_and_several_codes(write_org) -> None:
    text = "# orgspec: ignore-file[HI005, HI006] a stub file\n- kind: Team\n  id: a\n"
    assert codes(write_org({"t.yaml": text})) == []


def test_expired_suppression_returns_the_finding(write_org) -> None:
    text = "- kind: Team  # orgspec: ignore[HI005] until=2026-01-31 hiring\n  id: a\n" \
           "  members: [x]\n"
    assert codes(write_org({"t.yaml": text})) == [("SU002", 1), ("HI005", 2)]


def test_unused_and_malformed_suppressions(write_org) -> None:
    text = ("- kind: Team  # orgspec: ignore[HI006] has members\n  id: a\n  lead: x\n"
            "  members: [x]\n"
            "- kind: Team  # orgspec: ignore[HI005] until=someday\n  id: b\n  lead: x\n"
            "  members: [x]\n")
    result = lint([str(write_org({"t.yaml": text}))], HIER, today=TODAY)
    assert [(f.code, f.location.line, f.message) for f in result.findings] == [
        ("SU001", 1, "unused suppression of HI006 (nothing to suppress)"),
        ("SU002", 5, "suppression has an invalid expiry 'someday'"),
    ]


def test_suppression_of_a_disabled_rule_is_reported(write_org) -> None:
    text = "- kind: Team  # orgspec: ignore[OW006] not on\n  id: a\n  lead: x\n  members: [x]\n"
    result = lint([str(write_org({"t.yaml": text}))], HIER, today=TODAY)
    assert [f.message for f in result.findings] == [
        "unused suppression of OW006 (rule is not enabled)"]


def test_related_location_counts(write_org) -> None:
    text = ("- kind: Responsibility\n  id: d\n  description: Run ads\n  accountable: a\n"
            "- kind: Team\n  id: a\n- kind: Team\n  id: b\n"
            "  # orgspec: ignore[OW001] b co-owns d until the reorg\n"
            "  responsibilities: [d]\n")
    config = Config(select=[Selector("OW001", "t"), Selector("suppressions", "t")])
    plain = write_org({"plain.yaml": text.replace("ignore[OW001]", "note")})
    [overlap] = lint([str(plain)], config).findings
    assert (overlap.location.line, overlap.related[0].location.line) == (4, 10)
    # the directive stands on line 9, the line above the related location
    directive_file = write_org({"t.yaml": text}) / "t.yaml"
    assert codes(directive_file, config) == []


def test_until_at_the_end_of_the_reason(write_org) -> None:
    """`until=` added after the reason, as the hints' "add `until=`" is read (trial 34a):
    expired, the finding is back with SU002; still to come, it suppresses."""
    text = ("- kind: Team  # orgspec: ignore[HI005] 招到人之前由張偉倫代管 until=2026-11-20\n"
            "  id: a\n  members: [x]\n"
            "- kind: Team  # orgspec: ignore[HI005] Will covers until=2027-01-31\n"
            "  id: b\n  members: [x]\n"
            "- kind: Team  # orgspec: ignore[HI005] covers until hired until=soon\n"
            "  id: c\n  members: [x]\n")
    result = lint([str(write_org({"t.yaml": text}))], HIER, today=TODAY)
    assert [(f.code, f.location.line, f.message) for f in result.findings] == [
        ("SU002", 1, "suppression of HI005 expired on 2026-11-20"),
        ("HI005", 2, "team 'a' has no lead"),
        ("SU002", 7, "suppression has an invalid expiry 'soon'"),
    ]
