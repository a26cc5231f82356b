"""Inline suppressions: `# orgspec: ignore[CODE] reason` on the line or the line above,
`# orgspec: ignore-file[CODE]` for a whole file, and an optional `until=YYYY-MM-DD` expiry,
right after the brackets or at the end of the reason.

A suppression that suppresses nothing, or has expired, is itself a finding (SU001, SU002).
One written with a full-width colon or brackets, or without its colon (`# orgspec：ignore[X]`,
an IME slip), is read as the directive it plainly is, and is SU003, at the comment, with the
form to write (trial 35: not read, it gave SU003 and the finding it was meant to hide).

Only a YAML comment is read: the same text inside a quoted or block value (`mission:
"... #orgspec:ignore-file[RF001]"`, a roster cell an import wrote) is the value's text
(`scan_directives`). An input error (`UNSUPPRESSIBLE`: a file or an entity that was not
read) is never suppressed: its finding stays, and the suppression naming it is SU001.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from orgspec.findings import Finding, Issue, Location
from orgspec.i18n import M
from orgspec.lazyre import lazy
from orgspec.load.source import LineIndex

# (entity key, finding locations) -> (file, line) of the first line of every entity, key
# result, step or charter item the finding is on, and of every key whose value holds it
# (engine.anchors.Anchors.first_lines)
FirstLines = Callable[[str, tuple[Location, ...]], set[tuple[str, int]]]

DIRECTIVE = lazy(
    r"#\s*orgspec:\s*(?P<kind>ignore-file|ignore)\[(?P<codes>[^\]\n]*)\]"
    r"(?:[ \t]+until=(?P<until>\S+))?(?P<reason>[^\n]*)")
# `until=` written after the reason (`ignore[RO001] 王总代管 until=2027-03-31`): the hints
# say "add `until=`", and people add it at the end (trial 34a); read there as well
LATE_UNTIL = lazy(r"(?:^|[ \t])until=(?P<until>\S*)[ \t]*$")
# What a suppression looks like when typed with an IME or from memory: any colon or none,
# ASCII or full-width brackets; a match that DIRECTIVE does not also read is malformed.
NEAR = lazy(r"#[ \t]*orgspec[ \t]*[:：﹕]?[ \t]*(?P<kind>ignore-file|ignore)[ \t]*"
            r"[\[［【](?P<codes>[^\]］】\n]*)[\]］】]?")


_CODE_SEP = lazy(r"[,，、]")  # between the codes of a near miss, as an IME types them
_EARLY_UNTIL = lazy(r"[ \t]+until=(?P<until>\S+)")


# Codes whose finding says a file or an entity was not read (an input error, a duplicate
# id whose second entity is dropped, the checks left incomplete): suppressing one made a
# broken file pass, its teams gone without a word. An `SC` finding on an entity that was
# not read is one too (`lint._suppress`).
UNSUPPRESSIBLE_PREFIX = "IN"
UNSUPPRESSIBLE = frozenset(("RF002", "RF003"))


def unsuppressible(code: str) -> bool:
    """Whether a finding of `code` is never suppressed (see `UNSUPPRESSIBLE`)."""
    return code.startswith(UNSUPPRESSIBLE_PREFIX) or code in UNSUPPRESSIBLE


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
    # the codes it names that covered a finding that cannot be suppressed (`Suppressor`)
    refused: set[str] = field(default_factory=set)
    malformed: tuple[str, str] | None = None  # (as written, as meant)

    def covers_line(self, line: int) -> bool:
        return self.file_level or line in (self.location.line, self.location.line + 1)


def scan_directives(text: str, file: str,
                    scalars: list[tuple[int, int, int, int]] | None = None) -> list[Directive]:
    """Every suppression comment in a file's text (cheap when there is none). `scalars`:
    the 0-based (line, column, end line, end column) of each scalar the parser read, in
    the text's order (`yamlevents.parse`); what starts inside one is its text, not a
    comment (`_comments`). A `#` YAML reads as a comment is inside none."""
    if "orgspec" not in text:
        return []
    index = LineIndex(text)
    inside = _inside(scalars, index) if scalars else None
    out = []
    read = set()
    for m in _comments(DIRECTIVE, text, inside):
        read.add(m.start())
        line, col = index.position(m.start())
        codes = tuple(c.strip() for c in m.group("codes").split(",") if c.strip())
        written, reason = m.group("until"), m.group("reason")
        late = LATE_UNTIL.search(reason) if written is None else None
        if late is not None:
            written, reason = late.group("until"), reason[:late.start()]
        until, bad = _until(written)
        out.append(Directive(Location(file, line, col), codes, m.group("kind") == "ignore-file",
                             until, bad, reason.strip()))
    for m in NEAR.finditer(text):
        # a near miss ends at its bracket: finditer goes on to a comment after it
        if m.start() not in read and (inside is None or not inside(m.start())):
            line, col = index.position(m.start())
            codes = tuple(c.strip() for c in _CODE_SEP.split(m.group("codes")) if c.strip())
            meant = f"# orgspec: {m.group('kind')}[{', '.join(codes)}]"
            # read as the directive it plainly is (trial 35: `# orgspec：ignore［RO001］`
            # gave SU003 and the RO001 it was meant to hide); SU003 says how to write it
            rest = text[m.end():text.find("\n", m.end()) if "\n" in text[m.end():] else None]
            late = LATE_UNTIL.search(rest)
            early = _EARLY_UNTIL.match(rest)
            written = early.group("until") if early else late.group("until") if late else None
            until, bad = _until(written)
            out.append(Directive(Location(file, line, col), codes, m.group("kind") == "ignore-file",
                                 until, bad, rest.strip(), malformed=(m.group(0), meant)))
    return out


def _comments(pattern: re.Pattern[str], text: str,
              inside: Callable[[int], bool] | None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` without the matches that start inside a scalar; the search
    goes on after such a match's `#`, as a real comment may follow on its line
    (`name: '#orgspec: ...'  # orgspec: ignore[...]`)."""
    if inside is None:
        yield from pattern.finditer(text)
        return
    at = 0
    while (m := pattern.search(text, at)) is not None:
        if inside(m.start()):
            at = m.start() + 1
            continue
        yield m
        at = m.end()


def _inside(scalars: list[tuple[int, int, int, int]], index: LineIndex
            ) -> Callable[[int], bool]:
    """Whether the character at an offset of the text is inside one of `scalars` (see
    `scan_directives`)."""
    starts = [(s[0], s[1]) for s in scalars]

    def inside(offset: int) -> bool:
        line, col = index.position(offset)
        at = (line - 1, col - 1)
        i = bisect_right(starts, at) - 1
        return i >= 0 and at < scalars[i][2:]

    return inside


def _until(text: str | None) -> tuple[dt.date | None, str]:
    if text is None:
        return None, ""
    try:
        return dt.date.fromisoformat(text), ""
    except ValueError:
        return None, text


# `2027年1月31日`, `2027/1/31`, `2027.01.31`: a date written as people write it
_DATE_WRITTEN = lazy(r"(\d{4})\s*(?:[-/.－／]|年)\s*(\d{1,2})\s*(?:[-/.－／]|月)\s*"
                     r"(\d{1,2})\s*[日号號]?")


def until_meant(text: str) -> str:
    """The `until=` date `text` means as YYYY-MM-DD (`2027年1月31日` -> 2027-01-31), or ""
    when it is no date."""
    m = _DATE_WRITTEN.fullmatch(text.strip())
    if m is None:
        return ""
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return ""


class Suppressor:
    """Matches findings against the directives of their files."""

    def __init__(self, directives: Iterable[Directive], names: dict[str, str],
                 today: dt.date, first_lines: FirstLines | None = None,
                 kept: Callable[[Finding], bool] | None = None) -> None:
        """`kept(finding)`: whether a finding of a code that may be suppressed is not,
        here (an `SC` finding on an entity that was not read)."""
        self.by_file: dict[str, list[Directive]] = defaultdict(list)
        # (file, line) -> directives covering it, and each file's file-level ones, so that
        # a finding looks at the few directives near it, not at every one of its file
        self.at: dict[tuple[str, int], list[Directive]] = defaultdict(list)
        self.whole: dict[str, list[Directive]] = defaultdict(list)
        for d in directives:
            where = d.location
            self.by_file[where.file].append(d)
            if d.file_level:
                self.whole[where.file].append(d)
            else:
                self.at[where.file, where.line].append(d)
                self.at[where.file, where.line + 1].append(d)
        self.names = names  # rule name -> code, so `ignore[responsibility-overlap]` works
        self.today = today
        self.first_lines = first_lines
        self.kept = kept

    def code_of(self, text: str) -> str:
        return self.names.get(text, text.upper())

    def suppressed(self, f: Finding) -> bool:
        """True (and the directive marked used) when a live directive covers `f`: one on or
        above the finding's line, a related line, or the first line of an entity, key
        result, step or charter item the finding is on. A finding that cannot be
        suppressed (`unsuppressible`, `kept`) is False, and each directive naming its code
        there is marked as refused."""
        refuse = unsuppressible(f.code) or (self.kept is not None and self.kept(f))
        locs = (f.location, *(r.location for r in f.related))
        lines = {(loc.file, loc.line) for loc in locs}
        if self.first_lines is not None:
            lines |= self.first_lines(f.entity, locs)
        for file, line in sorted(lines):
            near = self.whole.get(file, []) + self.at.get((file, line), [])
            for d in sorted(near, key=lambda d: (d.location.line, d.location.col)):
                if self.expired(d) or not d.covers_line(line):
                    continue
                for text in d.codes:
                    if self.code_of(text) == f.code:
                        if refuse:
                            d.refused.add(text)
                            break
                        d.used.add(text)
                        return True
        return False

    def expired(self, d: Directive) -> bool:
        return d.until is not None and d.until < self.today

    def leftovers(self, known: set[str], enabled: set[str],
                  unsure: Callable[[Directive, str], bool] | None = None) -> Iterable[Issue]:
        """SU002 for expired or malformed directives, SU001 for codes that matched nothing,
        except an enabled code for which `unsure(directive, code)` is True: its finding may
        have been held back (a file failed to load), so "nothing to suppress" is not known."""
        for directives in self.by_file.values():
            for d in directives:
                yield from self._leftover(d, known, enabled, unsure)

    def _leftover(self, d: Directive, known: set[str], enabled: set[str],
                  unsure: Callable[[Directive, str], bool] | None) -> Iterable[Issue]:
        if d.malformed:  # read as meant: said once, how to write it
            yield Issue(M("malformed suppression `{text}`: orgspec reads it as `{fixed}`",
                          text=d.malformed[0], fixed=d.malformed[1]), d.location,
                        hint=M("write `{fixed}` (an ASCII colon and ASCII brackets)",
                               fixed=d.malformed[1]), code="SU003")
            return
        if d.bad_until:
            meant = until_meant(d.bad_until)
            yield Issue(M("suppression has an invalid expiry {value!r}", value=d.bad_until),
                        d.location, hint=M("write `until={date}` (YYYY-MM-DD)", date=meant)
                        if meant else M("write until=YYYY-MM-DD"), code="SU002")
            return
        if self.expired(d):
            yield Issue(M("suppression of {codes} expired on {date}", codes=list(d.codes),
                          date=d.until), d.location,
                        hint=M("fix the finding, or renew the date"),
                        code="SU002")
            return
        if not d.codes:
            yield Issue(M("suppression names no rule"), d.location,
                        hint=M("name the codes: # orgspec: ignore[OW001] reason"), code="SU001")
        said: set[str] = set()
        for text in d.codes:
            code = self.code_of(text)
            if code in said:  # `ignore[HI005, HI005]`, `ignore[HI005, team-without-lead]`
                continue
            said.add(code)
            same = [t for t in d.codes if self.code_of(t) == code]
            if any(t in d.refused for t in same) or (code in known and unsuppressible(code)):
                yield Issue(M("{code} cannot be suppressed: its finding says that a file or "
                              "an entity was not read, so it is always reported", code=text),
                            d.location,
                            hint=M("take {code} out of this comment (delete the comment if "
                                   "it names nothing else), and fix what {code} reports",
                                   code=text), code="SU001")
                continue
            if any(t in d.used for t in same):
                continue
            if code in enabled and unsure is not None and unsure(d, code):
                continue
            why = (M("unknown rule") if code not in known else
                   M("rule is not enabled") if code not in enabled else M("nothing to suppress"))
            hint = M("remove it")
            if code not in known:
                # difflib, imported when a code is unknown: the loader imports this module
                # for every file it parses (1 ms CPU of a one-file re-check)
                from orgspec.text.suggest import closest

                close = closest(text.upper(), known) or closest(text, self.names)
                hint = M("did you mean {id!r}?", id=close) if close else hint
            yield Issue(M("unused suppression of {code} ({why})", code=text, why=why),
                        d.location, hint=hint, code="SU001")
