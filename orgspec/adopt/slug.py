"""Ids for imported entities, stable across imports (the manifest) and unique within a kind;
each new one is made by `orgspec.text.slug.slugify` (the strategy is documented there)."""

from __future__ import annotations

from orgspec.text.slug import free_id, is_slug, slugify

__all__ = ["IdMap", "is_slug", "slugify"]


class IdMap:
    """Source keys to ids, per kind: stable across imports, unique within a kind."""

    def __init__(self, previous: dict[str, dict[str, str]] | None = None,
                 existing: dict[str, dict[str, str]] | None = None,
                 within: dict[str, dict[str, tuple[str, ...]]] | None = None,
                 moved: dict[str, dict[str, str]] | None = None,
                 emails: dict[str, str] | None = None) -> None:
        self.previous = {kind: dict(table) for kind, table in (previous or {}).items()}
        # the org already in the output folder, by kind: id -> display name ("" for none),
        # for the importers' did-you-mean; the ids an earlier import gave are among them
        self.existing = existing or {}
        # ... and where its entities sit, by kind: id -> team ids (a team's parent, the
        # teams a person leads or is a member of), to tell which of several that an earlier
        # import knew as one keeps its id
        self.within = within or {}
        # ... and what leads to one of its ids, by kind: a former id (an alias the user
        # kept on renaming it) or a team's name -> the id it has now (`importer.moved_ids`)
        self.moved = moved or {}
        # ... and its people by email (case-folded; an email two people share is left out)
        self.emails = emails or {}
        self.ids: dict[str, dict[str, str]] = {}
        self.taken: dict[str, set[str]] = {}
        # ids an earlier import gave, by kind: id -> source key
        self.reserved = {kind: {v: k for k, v in table.items()}
                         for kind, table in self.previous.items()}

    def get(self, kind: str, key: str, text: str | None = None, email: str | None = None
            ) -> str:
        """The id of the `kind` entity known in the source as `key` (slugged from `text`,
        default `key`); for a person whose `email` the source gives, one the org in the
        output folder has under another id is that person when the id of their own is not
        one the org has (matched by id, then by email: a new hire added by hand)."""
        table = self.ids.setdefault(kind, {})
        if key in table:
            return table[key]
        taken = self.taken.setdefault(kind, set())
        earlier = self.previous.get(kind, {})
        reserved = self.reserved.get(kind, {})
        ident = self.follow(kind, key, earlier.get(key))
        if ident is not None and ident in taken and kind == "team" and \
                ident in self.moved.get(kind, {}).values():
            # a second department the org's team takes in (`aliases: [yun-ying-bu]` on
            # 营运部 for the roster's 运营部): one team, as the user said, not a new id
            table[key] = ident
            return ident
        if ident is None and email and kind == "person":
            ident = self._by_email(key, text, email, taken)
        if ident is None and is_slug(key) and text in (None, key) and key not in taken:
            ident = key  # the source's own valid id wins over an id made up earlier
        elif ident is None or ident in taken or not is_slug(ident):
            base = slugify(text if text is not None else key, kind, kind == "person")
            ident = free_id(base, lambda i: i in taken or reserved.get(i, key) != key)
        taken.add(ident)
        table[key] = ident
        return ident

    def _by_email(self, key: str, text: str | None, email: str, taken: set[str]) -> str | None:
        """The person of the org in the output folder with `email`, unless the id `key`
        would get on its own is a person there (an id match comes first) or theirs is taken."""
        own = key if is_slug(key) and text in (None, key) else \
            slugify(text if text is not None else key, "person", True)
        if own in self.existing.get("person", {}):
            return None
        ident = self.emails.get(email.strip().casefold())
        return ident if ident is not None and ident not in taken else None

    def follow(self, kind: str, key: str, ident: str | None) -> str | None:
        """The id the org in the output folder now gives what an earlier import called
        `ident` (renamed by hand, the old id kept in `aliases`), or, when no import named
        `key`, the id of the entity it names there (a department 数据分析组 -> the team
        `data` of that name): the roster's department is that team, never a duplicate."""
        moved = self.moved.get(kind, {})
        if ident is not None:
            return moved.get(ident, ident)
        return moved.get(key)

    def inherit(self, kind: str, key: str, old: str, replace: bool = False) -> str | None:
        """Let `key` keep the id an earlier import gave `old` (one department of a name the
        earlier roster had once, now one of several; or the reverse): the id, or None when
        `old` had none or `key` already has one (unless `replace`)."""
        table = self.previous.setdefault(kind, {})
        ident = self.issued(kind, old)
        if ident is None or (key in table and not replace):
            return None
        table[key] = ident
        return ident

    def issued(self, kind: str, key: str) -> str | None:
        """The id an earlier import gave the `kind` entity known as `key`: the manifest's,
        else `key` itself when it is a valid id the org in the output folder has."""
        ident = self.previous.get(kind, {}).get(key)
        if ident is None and is_slug(key) and key in self.existing.get(kind, {}):
            return key
        return ident

    def mapped(self) -> dict[str, dict[str, str]]:
        """What the manifest records: the earlier mappings, updated by this import's keys
        whose id differs from the key."""
        out: dict[str, dict[str, str]] = {}
        for kind in sorted(set(self.previous) | set(self.ids)):
            table = {**self.previous.get(kind, {}),
                     **{k: v for k, v in self.ids.get(kind, {}).items() if k != v}}
            if table:
                out[kind] = dict(sorted(table.items()))
        return out
