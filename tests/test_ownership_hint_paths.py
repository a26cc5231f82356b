"""Every shape of one team's roles on one duty, each hint followed as written until the
check is clean (trial 33: hints that, followed literally, led to another finding).

The shapes: the team's charter entries for the duty (none, one in each role, two in two
roles), the roles the duty's own fields give it, and a second team accountable in the
duty or by a bare charter entry. Each RF004, OW002, OW003 and OW004 hint is read as the
edit it names (keep this entry, write this entry, write `accountable: ops`, move ops from
one field to another) and applied; each of its alternatives (`; or`) is followed. Every
path ends in a clean check, or in OW001 alone (two accountable owners: which one answers
is the user's decision, a mistake of its own).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

from orgspec.engine.lint import lint
from orgspec.findings import Finding
from orgspec.load.config import Config

TODAY = dt.date(2026, 12, 5)
ROLE = {"A": "accountable", "R": "responsible", "C": "consulted", "I": "informed"}
LETTER = {word: letter for letter, word in ROLE.items()}
CODES = {"RF004", "OW001", "OW002", "OW003", "OW004", "OW005"}
FOLLOWED = {"RF004", "OW002", "OW003", "OW004"}

Spec = tuple[tuple[str, ...], frozenset[str], bool, bool]  # ops's entries, its duty roles,
# cs accountable in the duty, cs's bare entry


def _entry(letter: str) -> str:
    return "d1" if letter == "A" else "{ref: d1, role: " + ROLE[letter] + "}"


def _yaml(spec: Spec) -> str:
    entries, roles, cs_in_duty, cs_bare = spec
    charter = ", ".join([_entry(r) for r in entries] + ["other"])
    fields: dict[str, list[str]] = {}
    for letter in sorted(roles):
        fields.setdefault(ROLE[letter], []).append("ops")
    if cs_in_duty:
        fields.setdefault("accountable", []).append("cs")
    raci = "".join(f"  {k}: [{', '.join(v)}]\n" for k, v in fields.items())
    return ("- {kind: Team, id: ops, name: Ops, lead: ada, members: [ada], "
            f"responsibilities: [{charter}]}}\n"
            "- {kind: Team, id: cs, name: CS, lead: bob, members: [bob], "
            f"responsibilities: [other2{', d1' if cs_bare else ''}]}}\n"
            "- {kind: Person, id: ada, name: Ada}\n- {kind: Person, id: bob, name: Bob}\n"
            "- {kind: Responsibility, id: other, name: Other}\n"
            "- {kind: Responsibility, id: other2, name: Other2}\n"
            f"- kind: Responsibility\n  id: d1\n  name: Refunds\n{raci}")


def _check(tmp_path: Path, spec: Spec) -> list[Finding]:
    (tmp_path / "org.yaml").write_text(_yaml(spec), "utf-8")
    result = lint([str(tmp_path)], Config(lang="en"), today=TODAY)
    return [f for f in result.findings if f.code in CODES]


def _followed(spec: Spec, hint: str) -> list[Spec] | None:
    """The shapes each alternative of `hint` leads to; None for a hint that names no edit."""
    out = []
    for alt in hint.split("; or "):
        entries, roles, cs_in_duty, cs_bare = list(spec[0]), set(spec[1]), spec[2], spec[3]
        named = False
        kept = (re.search(r"keep `([^`]*)` \(line", alt) or re.search(r"and keep `([^`]*)`", alt)
                or re.search(r"write `(d1|\{ref: d1, role: \w+\})` in ops's charter", alt)
                or re.search(r"write one entry for \S+ in (?:ops's|this) charter, `([^`]*)`",
                             alt))
        if kept:
            role = re.search(r"role: (\w+)", kept.group(1))
            entries = [LETTER[role.group(1)] if role else "A"]
            named = True
        owner = re.search(r"write `accountable: (\w+)` in the duty", alt)
        if owner:
            if owner.group(1) == "ops":
                roles.add("A")
            else:
                cs_in_duty = True
            named = True
        moved = re.search(r"write ops under `(\w+)` in place of `(\w+)`", alt)
        if moved:
            roles.discard(LETTER[moved.group(2)])
            roles.add(LETTER[moved.group(1)])
            named = True
        if not named:
            return None
        out.append((tuple(entries), frozenset(roles), cs_in_duty, cs_bare))
    return out


CHARTERS = [(), ("A",), ("R",), ("C",), ("A", "R"), ("A", "C"), ("R", "C")]
DUTIES = [frozenset(), frozenset("A"), frozenset("R"), frozenset("C"), frozenset("AR")]


def test_every_hint_followed_ends_clean(tmp_path: Path) -> None:
    stuck: list[tuple[Spec, list[str], str, str]] = []
    for spec in itertools.product(CHARTERS, DUTIES, (False, True), (False, True)):
        paths: list[tuple[Spec, list[str]]] = [(spec, [])]
        for _ in range(4):
            later = []
            for shape, path in paths:
                findings = _check(tmp_path, shape)
                if {f.code for f in findings} <= {"OW001", "OW005"}:
                    continue  # clean, or the overlap of two owners the user decides
                for f in findings:
                    if f.code not in FOLLOWED:
                        continue
                    ways = _followed(shape, str(f.hint))
                    if ways is None:
                        stuck.append((spec, path, f.code, str(f.hint)))
                        continue
                    later += [(way, [*path, f.code]) for way in ways if way != shape]
            paths = later
            if not paths:
                break
        stuck += [(spec, path, "loop", repr(shape)) for shape, path in paths]
    assert stuck == []
