"""Findings: what a check reports, stamped with its rule's code, name and severity."""

from __future__ import annotations

import enum
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any


class Severity(enum.IntEnum):
    """How bad a finding is; higher is worse, so `>=` compares with a fail level."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read `error`, `warning` (or `warn`) and `info`, in any case."""
        key = text.strip().lower()
        key = {"warn": "warning", "note": "info"}.get(key, key)
        try:
            return cls[key.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Location:
    """A place in an org file: 1-based line and column (code points); `end_*` may be 0."""

    file: str
    line: int = 1
    col: int = 1
    end_line: int = 0
    end_col: int = 0

    def short(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Related:
    """Another location that explains a finding (the other owner in an overlap)."""

    location: Location
    message: str


# Related locations every format lists under one finding; the rest are counted ("… and N
# more"). A near-duplicate group of 200 duties is one finding: listing all its members
# would make a finding's size, and a report's, grow with the org's share of duplicated
# duties rather than with the findings. The terminal lists fewer (`reporters.text`).
LISTED_RELATED = 10


@dataclass(frozen=True)
class Issue:
    """What a check yields: the framework turns it into a stamped `Finding`.

    A check leaves `code` empty: the framework stamps the code the check is registered
    under. The loader and validation, which are not checks, name their code (`code="IN001"`).
    """

    message: str
    location: Location
    entity: str = ""
    related: tuple[Related, ...] = ()
    hint: str = ""
    code: str = ""
    related_more: int = 0  # related locations beyond `related`, counted only
    # team ids the check knows the finding involves beyond the team owning `entity` (the
    # other team of a coordination gap); the engine adds the owner (`engine.teams`)
    teams: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One reported problem: code, rule name, severity, message and where it is."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    entity: str = ""
    related: tuple[Related, ...] = ()
    hint: str = ""
    fingerprint: str = ""
    related_more: int = 0  # related locations beyond `related`, counted only
    # the ids of the teams the finding involves, the one that answers for it first (the
    # team owning its entity): the reports' team filter, team health and the site's team
    # pages read them. Not part of the fingerprint.
    teams: tuple[str, ...] = ()

    def listed_related(self, limit: int = LISTED_RELATED) -> tuple[tuple[Related, ...], int]:
        """(the related locations to list, at most `limit` in the check's order; how many
        more there are). One more than `limit` is listed rather than counted."""
        more = len(self.related) - limit
        if more <= 0 or (more == 1 and not self.related_more):
            return self.related, self.related_more
        return self.related[:limit], more + self.related_more

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.col, self.code, self.entity, self.message)

    def to_record(self) -> dict[str, object]:
        """A plain, JSON-ready view of the finding (the `json` format's item): the related
        locations listed (`listed_related`) and the number not listed, `related_more`; `teams`
        the ids of the teams it involves."""
        loc = self.location
        listed, more = self.listed_related()
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "file": loc.file,
            "line": loc.line,
            "column": loc.col,
            "end_line": loc.end_line or loc.line,
            "end_column": loc.end_col or loc.col,
            "entity": self.entity,
            "related": [
                {"file": r.location.file, "line": r.location.line,
                 "column": r.location.col, "message": r.message}
                for r in listed
            ],
            "related_more": more,
            "hint": self.hint,
            "fingerprint": self.fingerprint,
            "teams": list(self.teams),
        }


_FINDING_FIELDS = frozenset(f.name for f in fields(Finding))


def message_values(finding: Finding, code: str) -> dict[str, Any] | None:
    """The values finding `finding`'s message was made with (its `M`'s, before it was said
    in a language: `source`), when it is of rule `code`; else None."""
    if finding.code != code:
        return None
    message = getattr(finding.message, "source", finding.message)
    values = getattr(message, "values", None)
    return values if isinstance(values, dict) else None


def replaced(finding: Finding, **changes: Any) -> Finding:
    """`dataclasses.replace(finding, **changes)`: a copy of `finding` (of its class) with
    `changes` set, without `replace`'s walk over every field and its `__init__` call (a
    run's last steps make up to three copies of each finding: 8 us each with `replace`).
    Raises TypeError for a name that is no field, as `replace` does."""
    if not _FINDING_FIELDS.issuperset(changes):
        raise TypeError(f"no field of a Finding: {sorted(set(changes) - _FINDING_FIELDS)}")
    new = object.__new__(finding.__class__)
    values = new.__dict__
    values.update(finding.__dict__)
    values.update(changes)
    return new


def fingerprint(code: str, anchor: str) -> str:
    """A stable id for a finding: its rule and what it is about (`anchors.assign_fingerprints`
    chooses the anchor), never a line number or, for an entity, the file that holds it."""
    raw = "\0".join(("orgspec/v2", code, anchor)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(raw).hexdigest()[:16]


@dataclass
class LintResult:
    """Everything a run found, sorted, with summary counts and the files it read."""

    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    failed_files: list[str] = field(default_factory=list)
    entity_count: int = 0
    rules: dict[str, Any] = field(default_factory=dict)  # enabled rule code -> RuleMeta
    org_diff: list[str] = field(default_factory=list)  # with --diff: what changed (`M`s)
    org_diff_head: str = ""  # with --diff: `org diff against REF: N new findings, M fixed`
    diff_ref: str = ""  # with --diff: REF; `unchanged`: the findings left out as in REF too
    unchanged: int = 0
    fixed: int = 0  # with --diff: findings of REF gone now; `not_compared`: gone, but their
    not_compared: int = 0  # file did not load here, so not known to be fixed
    held_back: int = 0  # of `not_compared`, those held back here (not for a file)
    # with --diff: the `unchanged` findings left out of `findings` (team health counts them,
    # as it counts `baselined`: a team's score is that of every current finding)
    left_out: list[Finding] = field(default_factory=list)
    lang: str = ""  # the language of the messages (en, zh); "" when not linted by `lint_org`
    # the config's `name-order` (stroke, pinyin): the order lists of names are in; "" by
    # the output's language (text.collate.order_for)
    name_order: str = ""
    # the config's `timezone` (reports and the site place meetings in it; "" none) and the
    # date the run judged (ISO; the week the calendar converts times for; "" not linted)
    timezone: str = ""
    today: str = ""
    # what this run could not judge: the fingerprints of findings held back (they depend on
    # a value dropped or a file that failed), and the entities kept without some fields
    # with those fields (`("objective:o", {"Objective.period"})`; `{"*"}`: held as invalid,
    # nothing checked); a baseline entry among them is not fixed
    held: frozenset[str] = frozenset()
    # rule code -> how many of its findings wait on the files that failed to load (held
    # back only because of them): the summary says so beside those files
    waiting: dict[str, int] = field(default_factory=dict)
    held_messages: dict[str, str] = field(default_factory=dict)  # fingerprint -> English
    # the fingerprints of the findings that hold others back (a file left out, IN019): the
    # formats that show only some findings show these first (`reporters.github`)
    causes: frozenset[str] = frozenset()
    unchecked: tuple[tuple[str, frozenset[str]], ...] = ()
    # fingerprint -> the fingerprints the finding had before its entity was renamed (its
    # former id kept in `aliases`): a baseline entry with one of them is that finding
    former: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the paths the findings were narrowed to (`check org/meetings.yaml`; a folder covers
    # what is below it); (): the whole org. A baseline entry outside them (or of a rule not
    # in `rules`) was not asked about: it is neither fixed nor dropped.
    scope: tuple[str, ...] = ()
    # with `scope`: the findings of the other files not listed (`engine.lint.focus` keeps
    # those the named files caused; a baseline drops those it knows), and the org folder
    # whose check lists them, as the working directory reaches it: the summary counts them,
    # never a bare "no problems"
    elsewhere: list[Finding] = field(default_factory=list)
    whole_org: str = ""
    # the findings a baseline knows and left out of `findings` (reports say how many, and
    # team health counts them: hiding them must not make the org look healthy)
    baselined: list[Finding] = field(default_factory=list)
    baselined_new: int = 0  # with --diff: of `baselined`, those new since `diff_ref`
    # the fingerprint of each OK003 at a key result written as an activity -> the OK005
    # held back behind it (`engine.activities`): written to a baseline beside its OK003
    activities: dict[str, Finding] = field(default_factory=dict)
    # id -> the name a reader of `lang` is shown (`model.names.id_names`): the text output
    # names an entity a message quotes by id as the reports do (`客服部 (cs)`); the machine
    # formats keep the message as the rule said it
    names: dict[str, str] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(f.severity.label for f in self.findings)
        return {s.label: c.get(s.label, 0) for s in sorted(Severity, reverse=True)}

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def fails(self, fail_on: Severity) -> bool:
        """True when any finding is at or above `fail_on`."""
        worst = self.worst()
        return worst is not None and worst >= fail_on


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Sort by file, line, column, code, entity and message: a stable, total order."""
    return sorted(findings, key=Finding.sort_key)
