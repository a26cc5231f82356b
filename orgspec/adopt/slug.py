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


def slugify(text: str, prefix: str) -> str:
    """A valid id for `text`; `prefix` (e.g. `team`) leads when nothing ASCII is left."""
    if is_slug(text):
        return text
    read = _pinyin(text.strip())
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


def _pinyin(text: str) -> str:
    """`text` with each Han character (either script) as its toneless pinyin, a word apart
    (`客服部 CS` -> `ke fu bu  CS`); unchanged without Han characters (pypinyin, whose
    dictionary loads in about 0.3 s, is imported only then)."""
    from orgspec.text.collate import has_han

    if not has_han(text):
        return text
    from pypinyin import Style, lazy_pinyin

    # `ü` is written `v` (`绿` -> `lv`), as pinyin input methods type it
    return " ".join(lazy_pinyin(text, style=Style.NORMAL, errors="default"))


class IdMap:
    """Source keys to ids, per kind: stable across imports, unique within a kind."""

    def __init__(self, previous: dict[str, dict[str, str]] | None = None,
                 existing: dict[str, dict[str, str]] | None = None) -> None:
        self.previous = previous or {}
        # the org already in the output folder, by kind: id -> display name ("" for none),
        # for the importers' did-you-mean; the ids an earlier import gave are among them
        self.existing = existing or {}
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
            base = slugify(text if text is not None else key, kind)
            ident, n = base, 2
            while ident in taken or reserved.get(ident, key) != key:
                ident = f"{base[:MAX - 4]}-{n}"
                n += 1
        taken.add(ident)
        table[key] = ident
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
