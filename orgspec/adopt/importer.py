"""`orgspec import`: run one importer and write its files (the Python API behind the CLI)."""

from __future__ import annotations

from collections.abc import Callable

from orgspec.adopt.draft import Draft
from orgspec.adopt.slug import IdMap
from orgspec.adopt.write import Outcome, read_manifest, write_draft

SOURCES = ("backstage", "roster", "codeowners")


def existing_ids(out_dir: str, earlier: dict[str, dict[str, str]]
                 ) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, tuple[str, ...]]]]:
    """Kind (`team`, `person`) -> id -> display name of the org already in `out_dir` (read
    by the loader; a file that does not load adds nothing), and of the ids the manifest
    says an earlier import gave (`earlier`: kind -> source key -> id), named by their key;
    and kind -> id -> the ids of the teams it sits in there (a team's parent; the teams a
    person leads or is a member of)."""
    import os

    out: dict[str, dict[str, str]] = {kind: {ident: key for key, ident in table.items()}
                                      for kind, table in earlier.items()}
    within: dict[str, dict[str, tuple[str, ...]]] = {"team": {}, "person": {}}
    if not os.path.isdir(out_dir):
        return out, within
    from orgspec.engine.lint import load_org
    from orgspec.output import read_for_lookup

    with read_for_lookup():
        org = load_org([out_dir]).org
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
    earlier = read_manifest(out_dir).ids
    ids = IdMap(earlier, *existing_ids(out_dir, earlier))
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
    draft.fit()
    draft.notes.extend(_example_notes(out_dir))
    said = lang if isinstance(lang, str) else lang(draft)
    return draft, write_draft(draft.files(said), out_dir, source, ids.mapped(), force)


def _example_notes(out_dir: str) -> list[str]:
    """A note when `out_dir` still holds the example org `orgspec init` wrote (byte for
    byte: `init.untouched_example`): its made-up team, person, objective and process would
    join the imported org, so the user is told which file to delete."""
    import os

    from orgspec.adopt.init import EXAMPLE, untouched_example
    from orgspec.i18n import M

    path = os.path.join(out_dir, os.path.basename(EXAMPLE))
    if not untouched_example(path):
        return []
    shown = os.path.normpath(path).replace(os.sep, "/")
    return [M("{file} is still the example org `orgspec init` wrote (a made-up team, person, "
              "objective and process): they join the imported org until you delete "
              "{file}", file=shown)]
