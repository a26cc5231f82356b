"""How two names are told to be the same name: one folding for `show`'s lookup and RF008
(duplicate team names), so what `show team 運營部` calls ambiguous, RF008 reports."""

from __future__ import annotations

import unicodedata

from orgspec.han import HAN
from orgspec.lazyre import lazy

# A space between two Chinese characters separates nothing (何　静, 何 静 are 何静); one
# between words does (`order platform`).
_CJK_GAP = lazy(f"(?<=[{HAN}])\\s+(?=[{HAN}])")
_SPACES = lazy(r"\s+")


def fold_name(text: str) -> str:
    """`text` as a name is searched for: case-folded, Traditional read as Simplified (運營部
    is 运营部), full-width forms as half-width (NFKC: `ＨＲ　部` is `HR 部`), runs of spaces as
    one, none at the ends nor between two Chinese characters (`何　静` is `何静`). For
    comparing only, never shown."""
    from orgspec.text.script import to_simplified

    text = unicodedata.normalize("NFKC", text)
    text = _CJK_GAP.sub("", _SPACES.sub(" ", text.strip()))
    return to_simplified(text).casefold()


# A department's word as Taiwan and Hong Kong write it -> as the mainland does, both in
# Simplified characters (`fold_name`'s output): 營運部 is 运营部 in other words, not only in
# another script, and OpenCC's phrase tables do not map it. Only words of team names.
_REGIONAL = (("营运", "运营"), ("行销", "营销"), ("资讯", "信息"), ("软体", "软件"),
             ("网路", "网络"), ("专案", "项目"))


def fold_team_name(text: str) -> str:
    """`fold_name` of a team's name, with the words Taiwan and Hong Kong write for a
    department's trade as the mainland writes them (營運部 is 运营部, 行銷部 is 营销部). For
    comparing only, never shown."""
    text = fold_name(text)
    for regional, mainland in _REGIONAL:
        text = text.replace(regional, mainland)
    return text
