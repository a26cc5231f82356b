"""CODEOWNERS -> one duty per path pattern, accountable to its first owner team.

`@org/team` owners become teams (id: the team slug), `@user` and e-mail owners people. A
pattern's first team owner is accountable and every other owner responsible; a pattern owned
only by people is accountable to the first person. As in git, a later line for the same
pattern replaces an earlier one; a pattern with no owners is dropped. Duty ids are the pattern
slugged (`/docs/` -> `docs`, `*` -> `all-files`), mapped when that clashes or is empty.
"""

from __future__ import annotations

import os

from orgspec.adopt.draft import Draft, DraftDuty
from orgspec.adopt.slug import IdMap
from orgspec.adopt.write import AdoptError
from orgspec.i18n import M, reason

MAX_BYTES = 3 * 1024 * 1024  # GitHub ignores CODEOWNERS files larger than 3 MB


def parse(path: str) -> list[tuple[int, str, list[str]]]:
    """(line, pattern, owners) per rule line, comments and blank lines skipped."""
    try:
        if os.path.getsize(path) > MAX_BYTES:
            raise AdoptError(M("{where}: larger than 3 MB (GitHub ignores it too)",
                               where=path))
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except OSError as exc:
        raise AdoptError(M("cannot read {path!r}: {why}", path=path,
                           why=reason(exc))) from None
    except UnicodeDecodeError:
        raise AdoptError(M("{where}: not UTF-8 text", where=path)) from None
    out = []
    for n, raw in enumerate(lines, start=1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line or line.startswith("["):  # blank, comment, or a GitLab section header
            continue
        pattern, *owners = line.replace("\\ ", "\0").split()
        out.append((n, pattern.replace("\0", " "), owners))
    return out


def _pattern_text(pattern: str) -> str:
    text = pattern.strip("/").replace("*", " ").strip()
    return text or "all-files"


def import_codeowners(paths: list[str], ids: IdMap | None = None) -> Draft:
    """Read the CODEOWNERS files in `paths` into one Draft."""
    ids = ids or IdMap()
    draft = Draft("codeowners")
    rules: dict[str, tuple[str, int, list[str]]] = {}
    for path in paths:
        for line, pattern, owners in parse(path):
            rules.pop(pattern, None)  # a later rule for a pattern replaces it, and its place
            rules[pattern] = (os.path.basename(path), line, owners)
    for pattern, (where, line, owners) in rules.items():
        if not owners:
            continue
        teams, people = [], []
        for owner in owners:
            if owner.startswith("@") and "/" in owner:
                org_team = owner[1:]
                tid = ids.get("team", org_team, org_team.partition("/")[2])
                draft.team(tid).name = owner
                teams.append(tid)
            elif owner.startswith("@") or "@" in owner:
                handle = owner[1:] if owner.startswith("@") else owner
                local = handle.partition("@")[0] if "@" in handle else handle
                pid = ids.get("person", handle, local)
                person = draft.person(pid)
                person.name = person.name or owner
                if "@" in handle:
                    person.email = handle
                people.append(pid)
            else:
                draft.notes.append(M("{where}: owner {owner!r} is not @user, @org/team or an "
                                     "e-mail; skipped", where=where + ":" + str(line), owner=owner))
        ordered = list(dict.fromkeys(teams + people))  # an owner named twice counts once
        if not ordered:
            continue
        did = ids.get("responsibility", pattern, _pattern_text(pattern))
        draft.duties[did] = DraftDuty(did, name=f"Code owners of {pattern}",
                                      description=f"Review changes to `{pattern}`",
                                      accountable=ordered[:1], responsible=ordered[1:])
    return draft
