"""Inline suppressions: `# orgspec: ignore[CODE] reason` on the line or the line above,
`# orgspec: ignore-file[CODE]` for a whole file, and an optional `until=YYYY-MM-DD` expiry.

A suppression that suppresses nothing, or has expired, is itself a finding (SU001, SU002).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from orgspec.findings import Finding, Issue, Location
from orgspec.load.source import LineIndex

DIRECTIVE = re.compile(
    r"#\s*orgspec:\s*(?P<kind>ignore-file|ignore)\[(?P<codes>[^\]\n]*)\]"
    r"(?:[ \t]+until=(?P<until>\S+))?(?P<reason>[^\n]*)")


@dataclass
class Directive:
    """One suppression comment and which of its codes have been used."""

    location: Location
    codes: tuple[str, ...]
    file_level: bool
    until: dt.date | None = None
    bad_until: str = ""
    reason: str = ""
    used: set[str] = field(default_factory=set)

    def covers_line(self, line: int) -> bool:
        return self.file_level or line in (self.location.line, self.location.line + 1)


def scan_directives(text: str, file: str) -> list[Directive]:
    """Every suppression comment in a file's text (cheap when there is none)."""
    if "orgspec:" not in text:
        return []
    index = LineIndex(text)
    out = []
    for m in DIRECTIVE.finditer(text):
        line, col = index.position(m.start())
        codes = tuple(c.strip() for c in m.group("codes").split(",") if c.strip())
        until, bad = _until(m.group("until"))
        out.append(Directive(Location(file, line, col), codes, m.group("kind") == "ignore-file",
                             until, bad, m.group("reason").strip()))
    return out


def _until(text: str | None) -> tuple[dt.date | None, str]:
    if text is None:
        return None, ""
    try:
        return dt.date.fromisoformat(text), ""
    except ValueError:
        return None, text


class Suppressor:
    """Matches findings against the directives of their files."""

    def __init__(self, directives: Iterable[Directive], names: dict[str, str],
                 today: dt.date) -> None:
        self.by_file: dict[str, list[Directive]] = defaultdict(list)
        for d in directives:
            self.by_file[d.location.file].append(d)
        self.names = names  # rule name -> code, so `ignore[responsibility-overlap]` works
        self.today = today

    def code_of(self, text: str) -> str:
        return self.names.get(text, text.upper())

    def suppressed(self, f: Finding) -> bool:
        """True (and the directive marked used) when a live directive covers `f`."""
        places = (f.location, *(r.location for r in f.related))
        for loc in places:
            for d in self.by_file.get(loc.file, ()):
                if self.expired(d) or not d.covers_line(loc.line):
                    continue
                for text in d.codes:
                    if self.code_of(text) == f.code:
                        d.used.add(text)
                        return True
        return False

    def expired(self, d: Directive) -> bool:
        return d.until is not None and d.until < self.today

    def leftovers(self, known: set[str], enabled: set[str]) -> Iterable[Issue]:
        """SU002 for expired or malformed directives, SU001 for codes that matched nothing."""
        for directives in self.by_file.values():
            for d in directives:
                yield from self._leftover(d, known, enabled)

    def _leftover(self, d: Directive, known: set[str], enabled: set[str]) -> Iterable[Issue]:
        if d.bad_until:
            yield Issue(f"suppression has an invalid expiry {d.bad_until!r}",
                        d.location, hint="write until=YYYY-MM-DD", code="SU002")
            return
        if self.expired(d):
            yield Issue(f"suppression of {', '.join(d.codes)} expired on "
                        f"{d.until}", d.location, hint="fix the finding, or renew the date",
                        code="SU002")
            return
        if not d.codes:
            yield Issue("suppression names no rule", d.location,
                        hint="name the codes: # orgspec: ignore[OW001] reason", code="SU001")
        for text in d.codes:
            if text in d.used:
                continue
            code = self.code_of(text)
            why = ("unknown rule" if code not in known else
                   "rule is not enabled" if code not in enabled else "nothing to suppress")
            yield Issue(f"unused suppression of {text} ({why})", d.location,
                        hint="remove it", code="SU001")
