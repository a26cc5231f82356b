"""The other ways a reference may spell an entity than its id or `name`: a name in another
language, a name's reading as an id (pinyin), an id without its hyphens. RF001's did-you-mean
and the hold-back's guess of what an unknown reference means (`model.unresolved`) read the
same index, so a finding held back behind an RF001 is the one its hint names."""

from __future__ import annotations

import re
from collections import defaultdict

from orgspec.model.org import Org

_READ_KINDS = frozenset(("Team", "Role"))  # whose names `OtherNames` reads as pinyin
# One word of a person's name in Latin letters (`Jimmy` of `Jimmy Lin`, `O'Brien`, `Lin-Chen`)
_PART = re.compile(r"[A-Za-z][A-Za-z'.-]*[A-Za-z]")
# between the words of a name: spaces, and the middle dots of a transliterated one
# (阿卜杜拉·买买提); a name's Han words of two characters or more are its parts too
_BETWEEN = re.compile(r"[\s·・•‧]+")


def _joined(word: str) -> str:
    """`word` without the hyphens, underscores and spaces between its parts."""
    return word.replace("-", "").replace("_", "").replace(" ", "")


class OtherNames:
    """The ids of `kinds` by the other ways a reference may spell an entity, as `who` finds
    it by any of its names: a name in another language (`names: {en: Marketing}` for
    `marketing`), a name's reading as an id (`yingxiao` or `ying-xiao-bu` for 营销部, by
    pinyin; `customer-service` for `Customer Service`), an id without its hyphens
    (`shichangbu`). Not by `who`'s concept words: `Jira OPS` holds the concept of
    运营部 (ops), which it does not mean. Built on the first unknown reference that no
    closer hint explains (no id is close to it: the typos the benchmarks' orgs hold never
    build it), O(entities); the pinyin is read of the names of teams and positions only
    (a person's id is their name's pinyin as a rule), each once:
    about 80 µs a name after pypinyin's dictionary loads (0.3 s), ten times as many people
    as teams. A spelling several entities share suggests none. Last, a person by one word
    of a name in Latin letters (`Jimmy` or `Lin` of `names: {en: Jimmy Lin}`, trial 32):
    only a word of exactly one person's names, and only when no whole name is spelt so."""

    def __init__(self, org: Org, kinds: tuple[str, ...]) -> None:
        from orgspec.text.fold import fold_name
        from orgspec.text.slug import reading_id

        self._fold = fold_name
        by: dict[str, set[str]] = defaultdict(set)
        for kind in kinds:
            read_too = kind in _READ_KINDS
            for ident, entity in org.table(kind).items():
                by[_joined(ident)].add(ident)
                names = getattr(entity, "names", None)
                others = names.every() if names is not None else []
                for name in others:  # its `name` is `NamedIds`' (a closer hint)
                    by[fold_name(name)].add(ident)
                    # `winnie-ho` for `Winnie Ho`: the name written as an id (trial 35)
                    by[_joined(fold_name(name))].add(ident)
                if kind == "Person" and isinstance(getattr(entity, "name", None), str):
                    by[_joined(fold_name(entity.name))].add(ident)
                if not read_too:
                    continue
                for name in (getattr(entity, "name", None), *others):
                    read = reading_id(str(name)) if name else None
                    if read:
                        by[read].add(ident)
                        by[_joined(read)].add(ident)
        self._ids = {key: next(iter(ids)) for key, ids in by.items() if len(ids) == 1}
        self._shared = frozenset(key for key, ids in by.items() if len(ids) > 1)
        # the words of people's names: built on the first spelling no whole name matches
        self._org = org if "Person" in kinds else None
        self._parts: dict[str, tuple[str | None, str]] | None = None

    def get(self, value: str) -> str | None:
        """The one id `value` spells so (a whole name, else `part_of`'s word), or None."""
        ident, shared = self._whole(value)
        if ident is not None or shared:
            return ident  # a whole name of several entities: no word of one says which
        return self.part_of(value)[0]

    def whole(self, value: str) -> str | None:
        """The one id `value` spells as a whole name (not a word of one), or None."""
        return self._whole(value)[0]

    def _whole(self, value: str) -> tuple[str | None, bool]:
        folded = self._fold(value)
        for key in (folded, _joined(folded)):
            ident = self._ids.get(key)
            if ident is not None:
                return (ident if ident != value else None), True
            if key in self._shared:
                return None, True
        return None, False

    def part_of(self, value: str) -> tuple[str | None, str]:
        """(the one person with a name in Latin letters that has `value` as a word (a given
        or family name: `Jimmy` of `Jimmy Lin`), that name) or (None, ""): none, or
        several people share the word."""
        if self._org is None:
            return None, ""
        if self._parts is None:
            self._parts = _name_parts(self._org)
        return self._parts.get(self._fold(value).strip(), (None, ""))


def _han(word: str) -> bool:
    from orgspec.han import is_han

    return all(is_han(c) for c in word)


def _name_parts(org: Org) -> dict[str, tuple[str | None, str]]:
    """Each word of the Latin-letter, mixed (`Jimmy 王`) or middle-dotted (`阿卜杜拉·买买提`)
    names of people (`name` and `names`), folded, -> (the one person whose name has it, that
    name); (None, "") for a word of several people's. A Han word of one character is no
    part: a surname, which others' names share unseen here."""
    from orgspec.text.fold import fold_name

    parts: dict[str, tuple[str | None, str]] = {}
    for ident, person in org.table("Person").items():
        names = getattr(person, "names", None)
        mine: dict[str, str] = {}
        for name in (getattr(person, "name", None), *(names.every() if names else ())):
            words = [w for w in _BETWEEN.split(str(name or "")) if w]
            if len(words) < 2 or not all(_PART.fullmatch(w) or _han(w) for w in words):
                continue  # one word is the whole name (`OtherNames`); 王伟 has no parts
            for word in words:  # a surname alone (王 of `Jimmy 王`) is `PersonCalls`'
                if not (_han(word) and len(word) < 2):
                    mine.setdefault(fold_name(word), str(name))
        for word, name in mine.items():
            parts[word] = (ident, name) if word not in parts else (None, "")
    return parts
