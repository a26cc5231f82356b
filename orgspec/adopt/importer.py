"""`orgspec import`: run one importer and write its files (the Python API behind the CLI)."""

from __future__ import annotations

from orgspec.adopt.draft import Draft
from orgspec.adopt.slug import IdMap
from orgspec.adopt.write import Outcome, read_manifest, write_draft

SOURCES = ("backstage", "roster", "codeowners")


def import_org(source: str, paths: list[str], out_dir: str, *,
               columns: dict[str, str] | None = None, sheet: str | None = None,
               force: bool = False) -> tuple[Draft, Outcome]:
    """Import `paths` of kind `source` into `out_dir`; ids from an earlier import are kept.

    Raises AdoptError for an unreadable source or output folder."""
    ids = IdMap(read_manifest(out_dir).ids)
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
    return draft, write_draft(draft.files(), out_dir, source, ids.mapped(), force)
