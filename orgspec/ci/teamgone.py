"""A team deleted since git `HEAD`: one HI007 for its former members, not one each.

Deleting a team (its entry in `teams.yaml`, or its file) leaves each of its members on no
team: one HI007 per person (trial 31: 市场团队 deleted, 刘洋 and 郭静 each an HI007), for
one edit. The org's files as `HEAD` holds them (`ci.before.committed`, only those that
`git grep` finds naming one of those people) say which teams they were on; of a team that
no file of the org defines now, the first of its former members' HI007s (by location) says
so, lists the others (as related locations too) and says how to bring the team back; the
others are held back behind it. When references still name the team, the one finding is
their RF001 (`ci.headgone` says the team was deleted), and the people's HI007s are held back
behind it (trial 31b). A person on no team whose team is still there (taken out of its
`members`) keeps an HI007 of their own.

Asked only when two or more HI007s, or an HI007 and an RF001, are reported: a clean org never
runs git for it. Git missing or failing: nothing changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from orgspec.ci.before import committed, git_out, head_specs, work_tree
from orgspec.ci.rawnames import said_raw
from orgspec.engine.holdback import Held, held_hint
from orgspec.findings import Finding, LintResult, Related, message_values, replaced
from orgspec.i18n import M, P, said_from
from orgspec.load.config import Config
from orgspec.load.discovery import would_read
from orgspec.load.loader import RawEntity, load_files
from orgspec.model.idnames import said_name_id
from orgspec.model.kindwords import kind_meant
from orgspec.paths import display_path

UNKNOWN = "RF001"
NO_TEAM = "HI007"


@dataclass(frozen=True)
class _Team:
    """A team as git `HEAD` defined it: its id, name and file (relative to the work tree)."""

    ident: str
    name: str
    rel: str


def said_team_gone(result: LintResult, targets: list[str], config: Config) -> None:
    """Make the HI007s of `result` (a check of `targets`) whose people were on one team at
    git `HEAD` that the org no longer defines one finding per team (see the module);
    `result.findings`, `held` and `causes` are replaced, the rest left as it is."""
    asked = {i: person for i, f in enumerate(result.findings)
             if f.code == NO_TEAM and (person := _person(f))}
    # an id references still name: the RF001 of a team deleted since (`ci.headgone`)
    unknown = {value: i for i, f in enumerate(result.findings)
               if (said := message_values(f, UNKNOWN)) and isinstance(value := said.get("value"),
                                                                    str)}
    if len(asked) < 2 and not (asked and unknown):
        return
    top = work_tree(targets)
    if top is None:
        return
    # as the org's walk reads them now: a file excluded by the config was no org file at
    # HEAD either, so its teams are not "gone since"
    folders = [t for t in targets if os.path.isdir(t)]
    named = {os.path.realpath(t) for t in targets if not os.path.isdir(t)}
    files = [f for f in _naming(top, targets, set(asked.values()))
             if os.path.realpath(f) in named or
             would_read(f, folders, config.include, config.exclude)]
    if not files:
        return
    was_on: dict[str, _Team] = {}  # person -> the first team HEAD had them on
    for raw in committed(files):
        for entity in raw.entities:
            team = _team(entity, raw.display, result.lang or "en")  # relative to the work tree
            if team is None:
                continue
            for person in _people(entity):
                was_on.setdefault(person, team)
    if not any(p in was_on for p in asked.values()):
        return
    now = {entity.data.get("id") for entity in load_files(
        targets, config.include, config.exclude,
        respect_gitignore=config.respect_gitignore).entities if _is_team(entity)}
    groups: dict[str, list[int]] = {}  # a team gone -> its former members' HI007s
    for i, person in asked.items():
        team = was_on.get(person)
        if team is not None and team.ident not in now:
            groups.setdefault(team.ident, []).append(i)
    # a team references still name: its people's HI007s follow from the one mistake its
    # RF001 reports, and are held back behind it (trial 31b: RF001 and HI007 for one
    # deleted team); else one HI007 for the team's people
    behind = {t: indices for t, indices in groups.items() if t in unknown}
    groups = {t: indices for t, indices in groups.items()
              if t not in unknown and len(indices) > 1}
    if not groups and not behind:
        return
    lang = result.lang or "en"
    out = list(result.findings)
    gone: set[int] = set()
    first: list[Finding] = []
    for ident, indices in behind.items():
        cause = unknown[ident]
        out[cause] = replaced(out[cause], hint=said_from(held_hint(
            out[cause].hint, [Held(out[i], out[i].entity) for i in indices]), lang))
        first.append(out[cause])
        gone.update(indices)
    for ident, indices in groups.items():
        indices.sort(key=lambda i: out[i].sort_key())
        lead, rest = indices[0], indices[1:]
        team = was_on[asked[lead]]
        shown = display_path(os.path.join(top, team.rel))
        said_team = said_name_id(team.name, ident) if team.name else ident
        people = [asked[i] for i in indices]
        f = out[lead]
        out[lead] = replaced(
            f, message=said_from(P(
                "{n} person of team {team}, which is gone since git HEAD, is on no team: "
                "{people}",
                "{n} people of team {team}, which is gone since git HEAD, are on no team: "
                "{people}", n=len(people), team=said_team, people=people), lang),
            related=(*f.related, *(Related(out[i].location, said_from(
                M("person {person!r} is on no team", person=asked[i]), lang))
                for i in rest)),
            hint=said_from(M("add team {team} back to {file} (git HEAD has it there), or add "
                             "each of them to the `members` of another team", team=said_team,
                             file=shown), lang))
        first.append(out[lead])
        gone.update(rest)
    result.held = result.held | {out[i].fingerprint for i in gone}
    result.causes = result.causes | {f.fingerprint for f in first}
    result.findings = [f for i, f in enumerate(out) if i not in gone]


def _person(f: Finding) -> str:
    """The person an HI007 is about, else ""."""
    message = getattr(f.message, "source", f.message)
    person = getattr(message, "values", {}).get("person")
    return person if isinstance(person, str) else ""


def _is_team(entity: RawEntity) -> bool:
    kind = entity.kind
    return isinstance(kind, str) and kind_meant(kind) == "Team"


def _team(entity: RawEntity, rel: str, lang: str) -> _Team | None:
    """Team `entity` as `HEAD` wrote it (`rel` its file), named for a reader of `lang`, or
    None for another entity."""
    ident = entity.data.get("id")
    if not _is_team(entity) or not isinstance(ident, str):
        return None
    return _Team(ident, said_raw(entity.data, lang), rel)


def _people(entity: RawEntity) -> list[str]:
    """The ids a team entity names as its lead and members, as written."""
    members = entity.data.get("members")
    lead = entity.data.get("lead")
    return [p for p in ([lead] if lead else []) +
            (members if isinstance(members, list) else []) if isinstance(p, str)]


def _naming(top: str, targets: list[str], people: set[str]) -> list[str]:
    """The files under `targets` that git `HEAD` holds with one of `people`'s ids as a word
    (one `git grep`, so that only those are read, not the whole org as it was), as paths."""
    specs = head_specs(top, targets)
    if not specs:
        return []
    patterns = "".join(f"{p}\n" for p in sorted(people))
    out = git_out(["grep", "-l", "-z", "-F", "-w", "-f", "-", "HEAD", "--", *specs], top,
                  patterns.encode("utf-8"))
    names = (out or b"").decode("utf-8", "surrogateescape").split("\0")
    return [os.path.join(top, name.split(":", 1)[1]) for name in names if ":" in name]
