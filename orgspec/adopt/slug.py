"""Ids for imported entities: the source's own id when it is already a valid slug, else a
deterministic one.

The strategy (documented in the README): lowercase; accents folded (`Zoë` -> `zoe`); Chinese
in either script read as toneless pinyin, a syllable a word (`客服部` -> `ke-fu-bu`,
`倉儲部` -> `cang-chu-bu`, `张伟` -> `zhang-wei`, `客服部 CS` -> `ke-fu-bu-cs`; pypinyin,
phrase-aware, so 重庆 is `chong-qing`); runs of anything but `a-z 0-9 _ -` become `-`. Text
that still loses letters on the way (Japanese kana, Cyrillic ...) keeps what is ASCII and
gains the first 8 hex digits of the SHA-256 of the original text (`Отдел` ->
`team-1b2c3d4e`). The same text always gives the same id; a clash (two names of one reading,
张伟 and 章伟) gets `-2`, `-3`; ids given on an earlier import are reused (the manifest), so
an org imported when Chinese names got hashed ids (`team-1ad87fa6`) keeps them: an id is
never renamed silently.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from orgspec.model.models import ID_PATTERN

_VALID = re.compile(ID_PATTERN)
_UNSAFE = re.compile(r"[^a-z0-9_-]+")
MAX = 63


def is_slug(text: str) -> bool:
    """True when `text` can be an orgspec id as it is."""
    return bool(_VALID.match(text))


def slugify(text: str, prefix: str, surname: bool = False) -> str:
    """A valid id for `text`; `prefix` (e.g. `team`) leads when nothing ASCII is left.
    `surname`: `text` is a person's name, whose first character is read as a surname
    (`曾敏` -> `zeng-min`, not `ceng-min`)."""
    if is_slug(text):
        return text
    read = _pinyin(text.strip(), surname)
    folded = unicodedata.normalize("NFKD", read.lower())
    ascii_part = folded.encode("ascii", "ignore").decode()
    lost = any(unicodedata.category(c)[0] in "LN" and not c.isascii() for c in folded)
    slug = _UNSAFE.sub("-", ascii_part).strip("-_")
    if read != text.strip():  # `运营部-华东`: the syllables' spaces beside the hyphen
        slug = re.sub("-{2,}", "-", slug)
    if lost or not slug:
        digest = hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:8]
        slug = f"{slug[:MAX - 9].rstrip('-_') or prefix}-{digest}"
    return slug[:MAX].rstrip("-_")


def _pinyin(text: str, surname: bool = False) -> str:
    """`text` with each Han character (either script) as its toneless pinyin, a word apart
    (`客服部 CS` -> `ke fu bu  CS`); unchanged without Han characters (pypinyin, whose
    dictionary loads in about 0.3 s, is imported only then). `surname`: the first
    character is read as a surname where that reading differs (the sort's table)."""
    from orgspec.text.collate import has_han, surname_reading

    if not has_han(text):
        return text
    from pypinyin import Style, lazy_pinyin

    # `ü` is written `v` (`绿` -> `lv`), as pinyin input methods type it
    words = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    reading = surname_reading(text) if surname else None
    if reading and words:  # a surname in the table is a Han character: one word of its own
        words[0] = reading
    return " ".join(words)


class IdMap:
    """Source keys to ids, per kind: stable across imports, unique within a kind."""

    def __init__(self, previous: dict[str, dict[str, str]] | None = None,
                 existing: dict[str, dict[str, str]] | None = None,
                 within: dict[str, dict[str, tuple[str, ...]]] | None = None) -> None:
        self.previous = {kind: dict(table) for kind, table in (previous or {}).items()}
        # the org already in the output folder, by kind: id -> display name ("" for none),
        # for the importers' did-you-mean; the ids an earlier import gave are among them
        self.existing = existing or {}
        # ... and where its entities sit, by kind: id -> team ids (a team's parent, the
        # teams a person leads or is a member of), to tell which of several that an earlier
        # import knew as one keeps its id
        self.within = within or {}
        self.ids: dict[str, dict[str, str]] = {}
        self.taken: dict[str, set[str]] = {}
        # ids an earlier import gave, by kind: id -> source key
        self.reserved = {kind: {v: k for k, v in table.items()}
                         for kind, table in self.previous.items()}

    def get(self, kind: str, key: str, text: str | None = None) -> str:
        """The id of the `kind` entity known in the source as `key` (slugged from `text`,
        default `key`)."""
        table = self.ids.setdefault(kind, {})
        if key in table:
            return table[key]
        taken = self.taken.setdefault(kind, set())
        earlier = self.previous.get(kind, {})
        reserved = self.reserved.get(kind, {})
        ident = earlier.get(key)
        if ident is None and is_slug(key) and text in (None, key) and key not in taken:
            ident = key  # the source's own valid id wins over an id made up earlier
        elif ident is None or ident in taken or not is_slug(ident):
            base = slugify(text if text is not None else key, kind, kind == "person")
            ident, n = base, 2
            while ident in taken or reserved.get(ident, key) != key:
                ident = f"{base[:MAX - 4]}-{n}"
                n += 1
        taken.add(ident)
        table[key] = ident
        return ident

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
