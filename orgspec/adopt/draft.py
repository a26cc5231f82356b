"""What an importer found, as format-v1 entities grouped into one file per team.

A team's file holds the Team, the people whose home it is (the team they lead, else their first
team by id) and the duties it is first accountable for. Whatever has no team goes to
`_unassigned.yaml`. Everything is sorted by id, so the same source gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

from orgspec.escape import is_text_joiner
from orgspec.i18n import M, say
from orgspec.load.source import FORBIDDEN_VALUE
from orgspec.paths import windows_reserved
from orgspec.text.spaces import quotes_around, without_wide_spaces

UNASSIGNED = "_unassigned.yaml"


def team_file(tid: str) -> str:
    """The file an import writes team `tid` to: `tid.yaml`, or `_tid.yaml` for a device
    name Windows reserves (`con.yaml`, `nul.yaml` are no files there: `windows_reserved`);
    no id starts with `_`, so no other team's file has that name."""
    return f"_{tid}.yaml" if windows_reserved(tid) else f"{tid}.yaml"


@dataclass
class DraftTeam:
    id: str
    name: str | None = None
    parent: str | None = None
    lead: str | None = None
    members: list[str] = field(default_factory=list)
    description: str | None = None


@dataclass
class DraftPerson:
    id: str
    name: str | None = None
    title: str | None = None
    email: str | None = None
    manager: str | None = None
    name_en: str | None = None  # an English name column (英文名): `names: {en: ...}`
    name_zh: str | None = None  # a Simplified name column (简体名): `names: {zh: ...}`
    name_zh_hant: str | None = None  # a Traditional one (繁體名): `names: {zh-Hant: ...}`


@dataclass
class DraftDuty:
    id: str
    name: str | None = None
    description: str | None = None
    accountable: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """The entities one import produces, and notes for the user (skipped rows and the like)."""

    source: str  # "backstage", "roster" or "codeowners"
    teams: dict[str, DraftTeam] = field(default_factory=dict)
    people: dict[str, DraftPerson] = field(default_factory=dict)
    duties: dict[str, DraftDuty] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # (kind, id, field) the importer guessed rather than read (a team's parent from the
    # managers): the org already in the output folder says better
    inferred: set[tuple[str, str, str]] = field(default_factory=set)
    # people whose `manager` is kept as the roster wrote it, matching no one (a typo): a
    # re-import keeps a manager set in the org's files instead
    unmatched: set[str] = field(default_factory=set)
    # a roster's department tree taken from its manager column: team -> inferred parent,
    # and the teams left top-level as unclear; where its notes sit in `notes` (start,
    # count); and team -> the parent the org in the output folder sets instead, kept
    tree: tuple[dict[str, str], list[str]] | None = None
    tree_named: bool = False  # the roster names a manager (why a tree was looked for)
    tree_notes: tuple[int, int] | None = None
    kept_parents: dict[str, str] = field(default_factory=dict)
    # a roster's rows for the notes on teams with no lead (`roster.leaderless_notes`): team ->
    # its first row, team -> the first row naming it as parent, and whether no row flags a
    # lead or names a manager; where those notes sit in `notes` (start, count)
    lead_rows: tuple[dict[str, str], dict[str, str], bool] | None = None
    leaderless_notes: tuple[int, int] | None = None
    # team -> why the manager column gives it no lead: ("tie", the members heading chains of
    # one size) or ("loop", the members whose managers go round, in reporting order)
    lead_unclear: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    # team -> the people flagged as its lead -> their row, and where the note on a team
    # with several sits in `notes` (start, count; told anew with the team's real file)
    flagged: dict[str, dict[str, str]] = field(default_factory=dict)
    flagged_notes: tuple[int, int] | None = None
    # team -> the file it is written to when not `ID.yaml` (the org in the output folder
    # defines it there: `importer.team_files`)
    homes: dict[str, str] = field(default_factory=dict)
    # person -> the file the org in the output folder defines them in, one the import does
    # not write (added by hand): they stay there, a member of their teams, and are not
    # written again (`importer.people_elsewhere`); or one the user edited, whose update
    # waiting beside it leaves them out (`importer.held`)
    elsewhere: dict[str, str] = field(default_factory=dict)
    # team -> the file the org in the output folder defines it in, one the import cannot
    # write (in a subfolder): it stays there as it is and is not written again; its people
    # the import writes go to `_unassigned.yaml` (`importer.teams_elsewhere`)
    teams_elsewhere: dict[str, str] = field(default_factory=dict)
    # person -> the team whose file keeps them ("": `_unassigned.yaml`), and whose member they
    # stay, where the org in the output folder has them, while the file they move to waits
    # as NAME.new (`importer.staying`): the org never loses a person to a pending merge
    stay: dict[str, str] = field(default_factory=dict)

    def team(self, ident: str) -> DraftTeam:
        """The team `ident`, created on first mention."""
        if ident not in self.teams:
            self.teams[ident] = DraftTeam(ident)
        return self.teams[ident]

    def person(self, ident: str) -> DraftPerson:
        """The person `ident`, created on first mention."""
        if ident not in self.people:
            self.people[ident] = DraftPerson(ident)
        return self.people[ident]

    def add_member(self, team: str, person: str) -> None:
        members = self.team(team).members
        if person not in members:
            members.append(person)

    def fit(self) -> None:
        """Make every value fit the format, so an import never writes what `check` rejects:
        control and invisible characters removed, names cut to 200 characters and
        descriptions to 10,000 (the models' Name and Text), an email the format would
        reject left out, id lists without repeats and at most 1,000 long. Each change but
        a dropped repeat is a note."""
        for kind, table in ((M("team"), self.teams), (M("person"), self.people),
                            (M("duty"), self.duties)):
            for ident in sorted(table):
                entry = table[ident]
                for f in fields(entry):
                    value = getattr(entry, f.name)
                    if isinstance(value, list):
                        kept = list(dict.fromkeys(value))[:LIST_MAX]
                        if len(kept) < len(dict.fromkeys(value)):
                            self.notes.append(M(
                                "{kind} {ident}: {field} has {n} ids; the first {most} kept "
                                "(the format's limit)", kind=kind, ident=ident, field=f.name,
                                n=len(dict.fromkeys(value)), most=LIST_MAX))
                        setattr(entry, f.name, kept)
                        continue
                    if f.name == "id" or not isinstance(value, str):
                        continue
                    fitted, why = _fit(f.name, value)
                    if why:
                        setattr(entry, f.name, fitted or None)
                        self.notes.append(M("{kind} {ident}: {field} {why}", kind=kind,
                                            ident=ident, field=f.name, why=why))

    def files(self, lang: str = "en") -> dict[str, str]:
        """File name -> YAML text: one file per team, plus `_unassigned.yaml` if needed; the
        header comment in `lang`."""
        homes: dict[str, list[dict[str, Any]]] = {t: [] for t in sorted(self.teams)
                                                  if t not in self.teams_elsewhere}
        loose: list[dict[str, Any]] = []
        home_of = self._homes() | self.stay
        for pid in sorted(set(self.people) - set(self.elsewhere)):
            homes.get(home_of.get(pid, ""), loose).append(_person(self.people[pid]))
        for did in sorted(self.duties):
            duty = self.duties[did]
            first = duty.accountable[0] if duty.accountable else ""
            home = first if first in self.teams else home_of.get(first, "")
            homes.get(home, loose).append(_duty(duty))
        names = self.numbered()
        kept: dict[str, list[str]] = {}  # a team keeping a person is still theirs meanwhile
        for pid, tid in self.stay.items():
            if tid:
                kept.setdefault(tid, []).append(pid)
        grouped: dict[str, list[dict[str, Any]]] = {}  # a file may hold several teams
        for tid, entities in homes.items():
            grouped.setdefault(self.file_of(tid), []).extend([
                _team(self.teams[tid], kept.get(tid, [])), *entities])
        out = {name: render(self.source, entities, lang, names)
               for name, entities in grouped.items()}
        if loose:
            out[UNASSIGNED] = render(self.source, loose, lang, names)
        return out

    def numbered(self) -> dict[str, str]:
        """Person id -> name, for each person whose id is an employee number (工号, all
        digits): the files name them beside the number (`- '1002'  # 李娜`)."""
        return {pid: person.name for pid, person in self.people.items()
                if person.name and pid.isdigit()}

    def file_of(self, tid: str) -> str:
        """The file team `tid` is written to ("", or a team the import does not write:
        `_unassigned.yaml`, where its people go)."""
        if not tid or tid in self.teams_elsewhere:
            return UNASSIGNED
        return self.homes.get(tid, team_file(tid))

    def team_of_file(self, name: str) -> str:
        """The team written to file `name` ("": `_unassigned.yaml`, or none; the last when
        several share it)."""
        if name == UNASSIGNED:
            return ""
        return {self.file_of(tid): tid for tid in self.teams}.get(name, "")

    def home_team(self, pid: str) -> str:
        """The team whose file person `pid` is written to but for `stay` ("": none)."""
        return self._homes().get(pid, "")

    def home_files(self, stay: bool = True) -> dict[str, str]:
        """Person id -> the file they are written to (those not `elsewhere`); with `stay`
        False, the one they would be written to but for `stay`."""
        home_of = self._homes() | (self.stay if stay else {})
        return {pid: self.file_of(home_of.get(pid, "")) for pid in self.people
                if pid not in self.elsewhere}

    def _homes(self) -> dict[str, str]:
        home: dict[str, str] = {}
        for tid in sorted(self.teams):
            lead = self.teams[tid].lead
            if lead and lead not in home:
                home[lead] = tid
        for tid in sorted(self.teams):
            for pid in self.teams[tid].members:
                home.setdefault(pid, tid)
        return home


NAME_MAX, TEXT_MAX, LIST_MAX = 200, 10_000, 1000  # orgspec.model.models: Name, Text, RefList
EMAIL = re.compile(r"^[^@\s＠．。]+@[^@\s＠．。]+$")  # orgspec.model.models.Person.email


def _fit(name: str, value: str) -> tuple[str, list[M]]:
    """`value` fitted to field `name`, and why it changed (empty if it did not)."""
    why: list[M] = []
    clean = FORBIDDEN_VALUE.sub(lambda m: m.group() if is_text_joiner(value, m.start()) else "",
                                value)
    if clean != value:
        why.append(M("had control or invisible characters (removed)"))
    if name == "name":  # as SC004 and SC005 would ask: what a search finds
        bare = without_wide_spaces(clean)
        if bare != clean:
            why.append(M("had full-width or other wide spaces (removed)"))
        pair = quotes_around(bare)
        if pair is not None:
            bare = bare[1:-1].strip()
            why.append(M("was inside the quotes {quotes} (removed)", quotes=pair))
        clean = bare
    if name == "email" and (not EMAIL.match(clean) or len(clean) > 254):
        return "", [M("{value!r} is not an email address (left out)", value=clean)]
    most = TEXT_MAX if name == "description" else NAME_MAX
    if len(clean) > most:
        clean = clean[:most]
        why.append(M("longer than {most} characters (cut)", most=most))
    return clean, why


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def _team(t: DraftTeam, kept: list[str]) -> dict[str, Any]:
    members = sorted(dict.fromkeys([*t.members, *kept]))
    return _compact({"kind": "Team", "id": t.id, "name": t.name, "parent": t.parent,
                     "lead": t.lead, "members": members,
                     "description": t.description})


def _person(p: DraftPerson) -> dict[str, Any]:
    names = {lang: name for lang, name in (("en", p.name_en), ("zh", p.name_zh),
                                           ("zh-Hant", p.name_zh_hant))
             if name and name != p.name} or None
    return _compact({"kind": "Person", "id": p.id, "name": p.name, "names": names,
                     "title": p.title, "email": p.email, "manager": p.manager})


def _duty(d: DraftDuty) -> dict[str, Any]:
    return _compact({"kind": "Responsibility", "id": d.id, "name": d.name,
                     "description": d.description, "accountable": d.accountable,
                     "responsible": d.responsible})


def header(source: str, lang: str = "en") -> str:
    """The comment that opens every imported file, in `lang`, one `# ` per line."""
    text = say(M("Imported by `orgspec import {source}`. Edit freely: a re-import updates this "
                 "file and\nkeeps your comments and the fields you add; once you have edited "
                 "it, a change or removal\ngoes beside it (NAME.yaml.new) and yours is left "
                 "alone.", source=source), lang)
    return "".join(f"# {line}\n" for line in text.splitlines())


# The headers earlier versions wrote, in each language, word for word (history, not messages
# to translate): a re-import takes them for the import's, never the user's comment, so a
# file imported then gets today's header in their place (`importer._headers`).
FORMER_HEADERS = (
    # first (an edited file was never updated in place)
    "Imported by `orgspec import {source}`. Edit freely: a re-import updates this file\n"
    "only while it is as imported; once edited, it writes the new version beside it\n"
    "(NAME.yaml.new) and leaves yours alone.",
    "由 `orgspec import {source}` 导入。可以随意编辑：文件未改动时，重新导入会更新它；\n"
    "改动过之后，重新导入会把新版本写在旁边（NAME.yaml.new），不动你的文件。",
    "由 `orgspec import {source}` 匯入。可以隨意編輯：檔案未改動時，重新匯入會更新它；\n"
    "改動過之後，重新匯入會把新版本寫在旁邊（NAME.yaml.new），不動你的檔案。",
    # then (comments and added fields went to NAME.yaml.new)
    "Imported by `orgspec import {source}`. Edit freely: a re-import updates this file\n"
    "and keeps the fields you set; if you add comments or fields it does not write,\n"
    "it puts its version beside it (NAME.yaml.new) and leaves yours alone.",
    "由 `orgspec import {source}` 导入。可以随意编辑：重新导入会更新本文件，并保留你设的字段；\n"
    "你若加了注释或导入不写的字段，它会把新版本写在旁边（NAME.yaml.new），不动你的文件。",
    "由 `orgspec import {source}` 匯入。可以隨意編輯：重新匯入會更新本檔案，並保留你設的欄位；\n"
    "你若加了註解或匯入不寫的欄位，它會把新版本寫在旁邊（NAME.yaml.new），不動你的檔案。",
)


def former_header_lines(source: str) -> frozenset[str]:
    """Each comment line of a header an earlier version wrote for `source` (`# ...`)."""
    return frozenset(f"# {line}" for text in FORMER_HEADERS
                     for line in text.replace("{source}", source).splitlines())


def render(source: str, entities: list[dict[str, Any]], lang: str = "en",
           names: dict[str, str] | None = None) -> str:
    """Format-v1 YAML: a list of entities, a blank line between them, Chinese kept as is;
    the header comment in `lang`; each person id of `names` in a team's `lead` and
    `members` and a person's `manager` followed by the name as a comment."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: ~10x faster
    chunks = [yaml.dump([e], Dumper=dumper, allow_unicode=True, sort_keys=False, width=100,
                        default_flow_style=False) for e in entities]
    text = "\n".join(chunks)
    return header(source, lang) + (_named(text, names) if names else text)


_NAMED_FIELD = re.compile(r"^  (lead|manager): '?(\d+)'?$")
_NAMED_ITEM = re.compile(r"^  - '?(\d+)'?$")
_FIELD = re.compile(r"^  [^\s-][^:]*:")


def _named(text: str, names: dict[str, str]) -> str:
    """`text` (as `render` dumps it: two-space fields, block lists) with `  # NAME` after
    each line giving a person of `names` as a lead, member or manager. O(lines)."""
    out, listing = [], False
    for line in text.split("\n"):
        if _FIELD.match(line) or not line.startswith("  "):
            listing = line == "  members:"
        found = _NAMED_FIELD.match(line) or (_NAMED_ITEM.match(line) if listing else None)
        name = names.get(found.group(found.lastindex or 1)) if found else None
        out.append(f"{line}  # {name}" if name else line)
    return "\n".join(out)
