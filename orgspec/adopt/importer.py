"""`orgspec import`: run one importer and write its files (the Python API behind the CLI)."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from orgspec.adopt.draft import UNASSIGNED, Draft, team_file
from orgspec.adopt.keepcomments import carry
from orgspec.adopt.slug import IdMap
from orgspec.adopt.write import Outcome, Rules, goes_beside, read_manifest, write_draft
from orgspec.i18n import M

if TYPE_CHECKING:
    from orgspec.engine.lint import Loaded
    from orgspec.model.org import Org

SOURCES = ("backstage", "roster", "codeowners")


def existing_org(out_dir: str) -> Org | None:
    """The org already in `out_dir`, as the loader reads it (what fails to load is left
    out), or None when there is no such folder."""
    loaded = _existing(out_dir)
    return loaded.org if loaded is not None else None


def _existing(out_dir: str, leave_out: str | None = None) -> Loaded | None:
    """The org in `out_dir` as the loader reads it, without the file `leave_out` (a name at
    its top: init's example the import replaces), or None when there is no such folder."""
    import os

    if not os.path.isdir(out_dir):
        return None
    from orgspec.engine.lint import load_org
    from orgspec.load.config import Config
    from orgspec.output import read_for_lookup

    with read_for_lookup():
        return load_org([out_dir], Config(exclude=[leave_out] if leave_out else []))


def existing_ids(out_dir: str, earlier: dict[str, dict[str, str]], org: Org | None = None
                 ) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, tuple[str, ...]]]]:
    """Kind (`team`, `person`) -> id -> display name of the org already in `out_dir` (read
    by the loader; a file that does not load adds nothing), and of the ids the manifest
    says an earlier import gave (`earlier`: kind -> source key -> id), named by their key;
    and kind -> id -> the ids of the teams it sits in there (a team's parent; the teams a
    person leads or is a member of)."""
    out: dict[str, dict[str, str]] = {kind: {ident: key for key, ident in table.items()}
                                      for kind, table in earlier.items()}
    within: dict[str, dict[str, tuple[str, ...]]] = {"team": {}, "person": {}}
    org = org if org is not None else existing_org(out_dir)
    if org is None:
        return out, within
    for kind, table in (("team", org.teams), ("person", org.people)):
        found = out.setdefault(kind, {})
        for ident, entity in table.items():
            found[ident] = str(getattr(entity, "name", None) or found.get(ident) or "")
    people: dict[str, list[str]] = {}
    for tid in sorted(org.teams):
        team = org.teams[tid]
        if team.parent:
            within["team"][tid] = (team.parent,)
        for pid in dict.fromkeys([*([team.lead] if team.lead else []), *team.members]):
            people.setdefault(pid, []).append(tid)
    within["person"] = {pid: tuple(tids) for pid, tids in people.items()}
    return out, within


def import_org(source: str, paths: list[str], out_dir: str, *,
               columns: dict[str, str] | None = None, sheet: str | None = None,
               force: bool = False, lang: str | Callable[[Draft], str] = "en"
               ) -> tuple[Draft, Outcome]:
    """Import `paths` of kind `source` into `out_dir`; ids from an earlier import are kept.
    `lang` is the language of the files' header comment, or a function of the draft that
    gives it (the run's language may follow the imported names).

    Raises AdoptError for an unreadable source or output folder."""
    manifest = read_manifest(out_dir)
    earlier = manifest.ids
    example = _untouched_example(out_dir)  # made up: nothing of the source is matched to it
    loaded = _existing(out_dir, example and example[0])
    org = loaded.org if loaded is not None else None
    ids = IdMap(earlier, *existing_ids(out_dir, earlier, org), moved=moved_ids(org),
                emails=emails_of(org))
    if source == "backstage":
        from orgspec.adopt.backstage import import_backstage

        draft = import_backstage(paths, ids)
    elif source == "roster":
        from orgspec.adopt.roster import import_roster

        draft = import_roster(paths, columns, sheet, ids)
    elif source == "codeowners":
        from orgspec.adopt.codeowners import import_codeowners

        draft = import_codeowners(paths, ids)
    else:
        raise ValueError(f"unknown import source {source!r}")
    if loaded is not None:
        draft.homes, draft.teams_elsewhere = team_files(draft, loaded, out_dir,
                                                        set(manifest.files))
        draft.elsewhere = people_elsewhere(draft, loaded, out_dir, set(manifest.files))
        draft.notes.extend(teams_elsewhere_notes(draft, loaded.org))
        draft.notes.extend(elsewhere_notes(draft, loaded.org))
        keep_own_fields(draft, loaded.org)
    draft.fit()
    said = lang if isinstance(lang, str) else lang(draft)
    numbered = draft.numbered()
    rules = Rules(same=same_entities, keeps=keeps_all,
                  own=lambda now, new: carry_own_fields(now, new, source, said, numbered),
                  carry=partial(carry, headers=_headers(source)))
    files = draft.files(said)
    if loaded is not None and not force:
        pending = goes_beside(files, out_dir, force, rules)
        kept = held(draft, loaded.org, out_dir, pending)
        draft.stay = staying(draft, loaded.org, out_dir, pending)
        draft.elsewhere.update(kept)
        if draft.stay or kept:
            files = draft.files(said)
            draft.notes.extend(staying_notes(draft, loaded.org, out_dir, kept))
    done = write_draft(files, out_dir, source, ids.mapped(), force, same=rules.same,
                       keeps=rules.keeps, own=rules.own, carry=rules.carry,
                       adopted=dict([example]) if example else None)
    if example and example[0] in (*done.removed, *done.written):
        draft.notes.append(M("removed {file}, the example org `orgspec init` wrote, unchanged: "
                             "the imported org takes its place",
                             file=_shown(out_dir, example[0])))
    return draft, done


def staying(draft: Draft, org: Org, out_dir: str, pending: set[str]) -> dict[str, str]:
    """Person id -> the team ("": unassigned) whose file keeps each drafted person whose new
    home is a file whose update waits beside it (`pending`: NAME.new, the user having
    edited NAME) while the org in `out_dir` defines them in another file this import writes
    and does not put beside: moved now, they would be in no file the org reads until the
    user merges NAME.new. Kept there, a member of that team still, the org loses no one;
    once NAME.new is merged, the next import moves them. O(people)."""
    out: dict[str, str] = {}
    for pid, (name, target) in _moving(draft, org, out_dir, pending).items():
        if target in pending and name not in pending:
            out[pid] = draft.team_of_file(name)
    return out


def held(draft: Draft, org: Org, out_dir: str, pending: set[str]) -> dict[str, str]:
    """Person id -> the file of the org in `out_dir` that defines them, for each drafted
    person moving out of a file whose update waits beside it (`pending`: the user edited
    it): that file still defines them, so writing them into their new team's file would
    define them twice (RF002) until the user merges NAME.new. The import leaves them there
    (`Draft.elsewhere`) and NAME.new without them; once it is merged, the next import
    writes them into their new team's file. O(people)."""
    return {pid: os.path.join(out_dir, name)
            for pid, (name, _) in _moving(draft, org, out_dir, pending).items()
            if name in pending}


def _moving(draft: Draft, org: Org, out_dir: str, pending: set[str]
            ) -> dict[str, tuple[str, str]]:
    """Person id -> (the file the org in `out_dir` defines them in, the one the draft writes
    them to) for each drafted person moving from one file the import writes to another,
    when an update waits beside one at least (`pending`). O(people)."""
    if not pending:
        return {}
    root = os.path.realpath(out_dir)
    files = {draft.file_of(tid) for tid in draft.teams} | {UNASSIGNED}
    out: dict[str, tuple[str, str]] = {}
    for pid, target in draft.home_files().items():
        if pid not in org.people:
            continue
        path = org.origin("Person", pid).fmap.file
        name = os.path.basename(path)
        if os.path.realpath(os.path.dirname(path) or ".") == root and name != target and \
                name in files and pending & {name, target}:
            out[pid] = (name, target)
    return out


def staying_notes(draft: Draft, org: Org, out_dir: str, kept: dict[str, str]) -> list[str]:
    """A note per person `staying` kept where they are, and per person `held` (`kept`)."""
    homes, moving = draft.home_files(), draft.home_files(stay=False)
    out: list[str] = []
    for pid in sorted({*draft.stay, *kept}):
        name = draft.people[pid].name or (str(org.people[pid].name)
                                          if org.people[pid].name else None)
        person = f"{name} ({pid})" if name else pid
        if pid in kept:
            file = _shown(out_dir, os.path.basename(kept[pid]))
            out.append(M("{person} stays in {file} for now: that file has edits of yours that "
                         "the import cannot merge, and its update ({file}.new) leaves them "
                         "out; written into {target} as well, they would be in the org twice. "
                         "Once you have merged {file}.new, import again to write them into "
                         "{target}", person=person, file=file,
                         target=_shown(out_dir, draft.file_of(draft.home_team(pid)))))
            continue
        out.append(M("{person} stays in {file} for now: their team's file, {target}, has "
                     "edits of yours that the import cannot merge, and moving them there "
                     "would leave them out of the org until you merge it by hand; move their "
                     "entry into {target} yourself if you like",
                     person=person, file=_shown(out_dir, homes[pid]),
                     target=_shown(out_dir, moving[pid])))
    return out


def _shown(out_dir: str, name: str) -> str:
    return os.path.normpath(os.path.join(out_dir, name)).replace(os.sep, "/")


def _headers(source: str) -> frozenset[str]:
    """The lines of the header an import of `source` writes, in every language, and of the
    headers earlier versions wrote (a file imported then: its header is replaced, not kept
    as the user's comment above today's)."""
    from orgspec.adopt.draft import former_header_lines, header
    from orgspec.i18n import LANGS

    return frozenset(line for lang in LANGS for line in header(source, lang).splitlines()) \
        | former_header_lines(source)


def moved_ids(org: Org | None) -> dict[str, dict[str, str]]:
    """Kind -> what leads to an id of `org` -> that id: each former id a team or person
    keeps in `aliases` (not itself an id there), and each team name only one team has.
    O(teams + people)."""
    out: dict[str, dict[str, str]] = {"team": {}, "person": {}}
    if org is None:
        return out
    names: dict[str, list[str]] = {}
    for tid, team in org.teams.items():
        if team.name:
            names.setdefault(str(team.name), []).append(tid)
    out["team"] = {name: tids[0] for name, tids in names.items()
                   if len(tids) == 1 and name not in org.teams}
    for kind, table in (("team", org.teams), ("person", org.people)):
        for ident, entity in table.items():
            for alias in entity.aliases:
                if alias not in table:
                    out[kind][alias] = ident
    return out


def emails_of(org: Org | None) -> dict[str, str]:
    """Case-folded email -> the id of the person of `org` who has it (an email two people
    share leads to neither). O(people)."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for pid, person in (org.people.items() if org is not None else ()):
        if person.email:
            email = str(person.email).strip().casefold()
            if out.setdefault(email, pid) != pid:
                shared.add(email)
    return {email: pid for email, pid in out.items() if email not in shared}


def people_elsewhere(draft: Draft, loaded: Loaded, out_dir: str, imported: set[str]
                     ) -> dict[str, str]:
    """Person id -> the file (as the loader names it) of each drafted person the org in
    `out_dir` already defines in a file the import neither writes nor wrote (`imported`:
    the manifest's; a new hire added by hand in `xin-ren.yaml`, or in a subfolder): the
    import leaves them there rather than write a second person of the id. A person it
    defines twice (a copy an earlier import wrote beside the hand-written one) counts by
    the hand-written copy. O(people + findings)."""
    import os

    root = os.path.realpath(out_dir)
    ours = imported | set(draft.homes.values()) | {team_file(tid) for tid in draft.teams} | \
        {UNASSIGNED}

    def by_hand(path: str) -> bool:
        return os.path.realpath(os.path.dirname(path) or ".") != root or \
            os.path.basename(path) not in ours

    where: dict[str, list[str]] = {}
    for pid in draft.people:
        if pid in loaded.org.people:
            where[pid] = [loaded.org.origin("Person", pid).fmap.file]
    for issue in loaded.issues:  # a second definition of one (RF002), in file order
        if issue.code == "RF002" and issue.entity.startswith("person:"):
            pid = issue.entity.partition(":")[2]
            if pid in where:
                where[pid].append(issue.location.file)
    out: dict[str, str] = {}
    for pid, files in where.items():
        hand = next((path for path in files if by_hand(path)), None)
        if hand is not None:
            out[pid] = hand.replace(os.sep, "/")
    return out


def elsewhere_notes(draft: Draft, org: Org) -> list[str]:
    """A note per person the import leaves where the org defines them (`draft.elsewhere`):
    found there, not written again, with what the source says that the file does not (a
    new title: the user copies it, since the import never edits a file it did not write)."""
    out: list[str] = []
    agreed: dict[str, list[str]] = {}  # file -> the people in it the source agrees with
    for pid in sorted(draft.elsewhere):
        new, was, file = draft.people[pid], org.people[pid], draft.elsewhere[pid]
        name = new.name or (str(was.name) if was.name else None)
        person = f"{name} ({pid})" if name else pid
        said = [f"{field}: {value}" for field in ("name", "title", "email")
                if (value := getattr(new, field)) and
                _fold(field, value) != _fold(field, getattr(was, field) or "")]
        if said:
            out.append(M("{person} is already in {file}, which the import does not write: "
                         "left there as it is, not written again; the source gives {values} "
                         "(change {file} if that is right)", person=person, file=file,
                         values=said))
        else:
            agreed.setdefault(file, []).append(person)
    for file, people in sorted(agreed.items()):
        # one note per file: re-importing a roster beside a hand-written people.yaml of
        # 200 people said the same sentence 200 times
        if len(people) == 1:
            out.append(M("{person} is already in {file}, which the import does not write: "
                         "left there as it is, not written again", person=people[0],
                         file=file))
        else:
            shown = people if len(people) <= _LISTED else [*people[:_LISTED - 1], "…"]
            out.append(M("{count} people are already in {file}, which the import does not "
                         "write: left there as they are, not written again: {people}",
                         count=len(people), file=file, people=shown))
    return out


_LISTED = 6  # people a grouped note names; more are "…" (the file lists them)


def _fold(field: str, value: object) -> str:
    return str(value).strip().casefold() if field == "email" else str(value)


def team_files(draft: Draft, loaded: Loaded, out_dir: str, imported: set[str]
               ) -> tuple[dict[str, str], dict[str, str]]:
    """Team id -> the file in `out_dir` the org there defines it in, for each drafted team
    the org defines in a file at its top not named by its id (renamed by hand, or a
    `teams.yaml` of several teams written by hand): the import updates that file, every
    team of it together, rather than adding a second team of the id; and team id -> the
    file (as the loader names it) of each drafted team the org defines only in a subfolder,
    which the import cannot write: it is left there. A team defined twice (a copy an
    earlier import wrote beside the hand-written one: `imported`, the manifest's files)
    counts by the hand-written copy. O(teams + findings)."""
    import os

    root = os.path.realpath(out_dir)
    where: dict[str, list[str]] = {tid: [loaded.org.origin("Team", tid).fmap.file]
                                   for tid in draft.teams if tid in loaded.org.teams}
    for issue in loaded.issues:  # a second definition of one (RF002), in file order
        if issue.code == "RF002" and issue.entity.startswith("team:"):
            tid = issue.entity.partition(":")[2]
            if tid in where:
                where[tid].append(issue.location.file)

    def at_top(path: str) -> bool:
        return os.path.realpath(os.path.dirname(path) or ".") == root

    homes: dict[str, str] = {}
    elsewhere: dict[str, str] = {}
    for tid in sorted(where):
        files = where[tid]
        path = next((f for f in files if not (at_top(f) and os.path.basename(f) in imported)),
                    files[0])
        name = os.path.basename(path)
        if not at_top(path):
            elsewhere[tid] = path.replace(os.sep, "/")
        elif name != team_file(tid) and name.endswith((".yaml", ".yml")):
            homes[tid] = name
    return homes, elsewhere


def teams_elsewhere_notes(draft: Draft, org: Org) -> list[str]:
    """A note per team the import leaves where the org defines it (`draft.teams_elsewhere`)
    and the source says something of that the file does not (a new member: the user adds them,
    since the import never edits a file outside the output folder's top)."""
    out: list[str] = []
    for tid in sorted(draft.teams_elsewhere):
        new, was, file = draft.teams[tid], org.teams[tid], draft.teams_elsewhere[tid]
        name = new.name or (str(was.name) if was.name else None)
        team = f"{name} ({tid})" if name else tid
        said = [f"{field}: {value}" for field in ("name", "parent", "lead")
                if (value := getattr(new, field)) and str(value) != str(getattr(was, field) or "")]
        added = [pid for pid in new.members if pid not in was.members and pid != was.lead]
        if added:
            said.append(f"members: + {', '.join(added)}")
        if said:  # a team the source agrees with goes unsaid: the org has many
            out.append(M("team {team} is already in {file}, which the import does not write: "
                         "left there as it is, not written again; the source gives {values} "
                         "(change {file} if that is right)", team=team, file=file, values=said))
    return out


def carry_own_fields(now: bytes, new: bytes, source: str, lang: str,
                     names: dict[str, str] | None = None) -> bytes:
    """The new text of an imported file with the fields the user added to its entities
    in `now` (a charter, aliases, a mission: what the source never gives) kept, in the
    user's order (a list's items too: new ones after), and the entities of kinds no import
    writes (a meeting, a process the user keeps beside their teams) kept after them; the
    source's values win over the user's for the fields it writes. `new` itself when either
    does not load cleanly or nothing is to be kept."""
    from orgspec.adopt.draft import render
    from orgspec.load.loader import load_bytes

    one, two = load_bytes("now.yaml", now), load_bytes("new.yaml", new)
    if one.issues or two.issues or one.failed is not None or two.failed is not None:
        return new
    mine = {(str(e.data.get("kind")), str(e.data.get("id"))): e.data for e in one.entities}
    out, kept = [], False
    for entity in two.entities:
        data = dict(entity.data)
        was = mine.get((str(data.get("kind")), str(data.get("id"))))
        if was is not None and set(was) - set(data):
            data = {name: data.get(name, value) for name, value in was.items()} | data
            kept = True
        for name, value in (was or {}).items():  # the user's order of a list's items
            ours = data.get(name)
            if isinstance(value, list) and isinstance(ours, list):
                mixed = [item for item in value if item in ours] + \
                    [item for item in ours if item not in value]
                if mixed != ours:
                    data[name], kept = mixed, True
        out.append(data)
    for entity in one.entities:
        if str(entity.data.get("kind")) not in IMPORTED_KINDS:
            kept = True
            out.append(dict(entity.data))
    return render(source, out, lang, names).encode("utf-8") if kept else new


IMPORTED_KINDS = frozenset({"Team", "Person", "Responsibility"})  # what `Draft.files` writes


def keep_own_fields(draft: Draft, org: Org) -> None:
    """Fill what the source leaves unsaid from the org already in the output folder: a
    team's parent (also over one the importer only guessed: `draft.inferred`), lead and
    description, a person's title and email, as the user set them there. What the source
    says wins. The notes on the department tree and on teams with no lead are told anew
    (a lead set in the team's file is no longer missing). O(teams + people)."""
    for tid, team in draft.teams.items():
        old = org.teams.get(tid)
        if old is None:
            continue
        if old.parent and (team.parent is None or ("team", tid, "parent") in draft.inferred):
            if draft.tree is not None and team.parent != old.parent:
                draft.kept_parents[tid] = str(old.parent)
            team.parent = old.parent
        team.lead = team.lead or old.lead
        team.description = team.description or (str(old.description)
                                                 if old.description else None)
    for pid, person in draft.people.items():
        was = org.people.get(pid)
        if was is not None:
            person.title = person.title or (str(was.title) if was.title else None)
            person.email = person.email or was.email
            if person.manager is None or (pid in draft.unmatched and was.manager):
                person.manager = was.manager
    # the notes these change, told anew: the tree's, then (before it) the teams' with no lead
    if draft.kept_parents and draft.tree_notes is not None:
        from orgspec.adopt.roster import tree_notes

        start, count = draft.tree_notes
        draft.notes[start:start + count] = tree_notes(draft)
    if draft.leaderless_notes is not None:
        from orgspec.adopt.roster import leaderless_notes

        start, count = draft.leaderless_notes
        draft.notes[start:start + count] = leaderless_notes(draft)
    if draft.flagged_notes is not None:  # the file a team is in, known now
        from orgspec.adopt.roster import flagged_notes

        start, count = draft.flagged_notes
        draft.notes[start:start + count] = flagged_notes(draft)


def same_entities(now: bytes, new: bytes) -> bool:
    """Whether two org files define the same entities with the same values (as the loader
    reads them: comments, order of fields and YAML style aside), both without a problem."""
    from orgspec.load.loader import load_bytes

    one, two = load_bytes("now.yaml", now), load_bytes("new.yaml", new)
    if one.issues or two.issues or one.failed is not None or two.failed is not None:
        return False

    def key(data: dict[str, object]) -> tuple[str, str]:
        return str(data.get("kind")), str(data.get("id"))

    return sorted((e.data for e in one.entities), key=key) == \
        sorted((e.data for e in two.entities), key=key)


def _untouched_example(out_dir: str) -> tuple[str, str] | None:
    """The name and SHA-256 of the example org `orgspec init` wrote into `out_dir`, when it
    is still that, byte for byte (`init.untouched_example`): a made-up team (客服部),
    person, objective and process the import replaces rather than matches the source's
    teams and people to. An example the user edited is theirs: None."""
    import os

    from orgspec.adopt.init import EXAMPLE, untouched_example
    from orgspec.adopt.write import digest

    name = os.path.basename(EXAMPLE)
    path = os.path.join(out_dir, name)
    if os.path.islink(path) or not untouched_example(path):
        return None
    with open(path, "rb") as handle:
        return name, digest(handle.read())


def keeps_all(now: bytes, new: bytes) -> bool:
    """Whether the new text of an imported file keeps everything the user's edited file
    (`now`) says, only adding to it (a new hire: a member and a person more): each of its
    entities is in `new` with every field of it equal there (a list's items all there).
    Then the file is updated in place (its comments carried over by `keepcomments.carry`,
    else it is not), losing nothing but its layout; a change or removal (a name edited, a
    person gone) goes beside it as NAME.new, since the importer cannot tell the user's edit
    from the source's."""
    from orgspec.load.loader import load_bytes

    one, two = load_bytes("now.yaml", now), load_bytes("new.yaml", new)
    if one.issues or two.issues or one.failed is not None or two.failed is not None:
        return False
    after = {(str(e.data.get("kind")), str(e.data.get("id"))): e.data for e in two.entities}
    for entity in one.entities:
        there = after.get((str(entity.data.get("kind")), str(entity.data.get("id"))))
        if there is None:
            return False
        for name, value in entity.data.items():
            if name not in there:
                return False
            if isinstance(value, list) and isinstance(there[name], list):
                if any(item not in there[name] for item in value):
                    return False
            elif there[name] != value:
                return False
    return True
