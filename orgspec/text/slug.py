"""Ids made from names: the text's own id when it is already a valid slug, else a
deterministic one (the importers' ids, a hint's suggested id).

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

import re
import unicodedata
from collections.abc import Callable

from orgspec.lazyre import lazy

# An orgspec id (the models' `Id`): lowercase ASCII, digits, `-` and `_`, at most 63.
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,62}$"
_VALID = lazy(ID_PATTERN)
_UNSAFE = lazy(r"[^a-z0-9_-]+")
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
    slug, lost = _read(text, surname)
    if lost or not slug:
        import hashlib  # only for text that loses letters (1 ms of start-up otherwise)

        digest = hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:8]
        slug = f"{slug[:MAX - 9].rstrip('-_') or prefix}-{digest}"
    return slug[:MAX].rstrip("-_")


def free_id(base: str, taken: Callable[[str], bool]) -> str:
    """`base`, else the first of `base-2`, `base-3` ... (cut to stay an id) that is not
    `taken`: how the importers and a hint's suggested id keep clear of ids in use."""
    ident, n = base, 2
    while taken(ident):
        ident = f"{base[:MAX - 4]}-{n}"
        n += 1
    return ident


def reading_id(text: str, surname: bool = False) -> str | None:
    """The id `text` reads as (`大客户组` -> `da-ke-hu-zu`, `大客戶組 VIP` ->
    `da-ke-hu-zu-vip`), for a hint to suggest; None when `text` is already an id, or when
    letters would be lost on the way (`Отдел`: only a hashed id is left, no suggestion)."""
    if is_slug(text):
        return None
    slug, lost = _read(text, surname)
    return slug[:MAX].rstrip("-_") if slug and not lost and is_slug(slug[:MAX].rstrip("-_")) \
        else None


def _read(text: str, surname: bool) -> tuple[str, bool]:
    """`text` lowercased, folded and read as pinyin with runs of other characters as `-`;
    and whether a letter or digit was lost on the way (not ASCII after folding)."""
    read = _pinyin(text.strip(), surname)
    folded = unicodedata.normalize("NFKD", read.lower())
    ascii_part = folded.encode("ascii", "ignore").decode()
    lost = any(unicodedata.category(c)[0] in "LN" and not c.isascii() for c in folded)
    slug = _UNSAFE.sub("-", ascii_part).strip("-_")
    if read != text.strip():  # `运营部-华东`: the syllables' spaces beside the hyphen
        slug = re.sub("-{2,}", "-", slug)
    return slug, lost


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
