"""The people a reference calls as a Chinese workplace does (`text.personcall`): 王总 and
小王 call everyone surnamed 王, 雅婷 everyone whose given name is 雅婷, 阿豪 and 豪哥 everyone
with 豪 in their given name, in either script.
RF001's hint suggests the one person so called, and the hold-back guesses that person
(`model.unresolved`); two or more, and neither picks one."""

from __future__ import annotations

import re
from collections import defaultdict

from orgspec.han import is_han
from orgspec.model.org import Org

# between the words of a name that mixes Latin letters and Han (`Jimmy 王`, `王 Jimmy`)
_WORDS = re.compile(r"[^\s·・•‧]+")


def _mixed_parts(name: str) -> tuple[str, str] | None:
    """(surname, given name) of the one Han word of a folded name that mixes it with Latin
    words: `jimmy 王` is surnamed 王, `jimmy 王伟` is 王 + 伟; None for any other name (a
    transliterated one, `阿卜杜拉·买买提`, has no Chinese surname)."""
    from orgspec.text.personcall import COMPOUND_SURNAMES, name_parts

    words = _WORDS.findall(name)
    han = [w for w in words if all(is_han(c) for c in w)]
    if len(han) != 1 or len(words) < 2 or not all(w.isascii() for w in words if w not in han):
        return None
    word = han[0]
    if len(word) == 1 or word in COMPOUND_SURNAMES:
        return word, ""
    return name_parts(word)


class PersonCalls:
    """People's ids by surname, by two-character given name and by each character of the
    given name, read from every Chinese name of theirs (`name` and `names`), folded; built
    on first use, O(people)."""

    def __init__(self, org: Org) -> None:
        self._org = org
        self._by: dict[tuple[str, str], list[str]] | None = None
        self._order: dict[str, int] = {}

    def _index(self) -> dict[tuple[str, str], list[str]]:
        from orgspec.text.fold import fold_name
        from orgspec.text.personcall import GIVEN_LENGTH, name_parts

        by: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._order = {ident: i for i, ident in enumerate(self._org.people)}
        for ident, person in self._org.people.items():
            names = person.names.every() if person.names is not None else []
            for name in dict.fromkeys(fold_name(n) for n in (person.name, *names) if n):
                parts = name_parts(name) or _mixed_parts(name)
                if parts is None:
                    continue
                keys = [("surname", parts[0])]
                if len(parts[1]) == GIVEN_LENGTH:
                    keys.append(("given", parts[1]))
                keys += [("char", c) for c in parts[1]]
                for key in keys:
                    if ident not in by[key]:
                        by[key].append(ident)
        return dict(by)

    def having(self, written: str) -> list[str]:
        """The ids of the people, in the org's order, whose surname is one Han character
        `written` or whose given name has it (`芳`: 王芳, 李秀芳); [] for longer text."""
        from orgspec.text.fold import fold_name

        char = fold_name(written.strip())
        if len(char) != 1 or not is_han(char):
            return []
        if self._by is None:
            self._by = self._index()
        found = {*self._by.get(("surname", char), ()), *self._by.get(("char", char), ())}
        return sorted(found, key=self._order.__getitem__)

    def called(self, written: str) -> tuple[list[str], tuple[str, str] | None]:
        """(the ids of the people `written` calls (王总: those surnamed 王), in the org's
        order, and how it calls the first: ("surname", "王"), ("given", "雅婷") or ("char",
        "豪"), the surname, given name or character as `written` writes it), or ([], None)
        when it calls nobody or is no such call."""
        from orgspec.text.fold import fold_name
        from orgspec.text.personcall import calls

        folded = fold_name(written)
        ways = calls(folded)
        if not ways:
            return [], None
        if self._by is None:
            self._by = self._index()
        found: dict[str, tuple[str, str]] = {}
        for way in ways:
            for ident in self._by.get(way, ()):
                found.setdefault(ident, way)
        if len(found) > 1:
            order = self._order
            ids = sorted(found, key=order.__getitem__)
        else:
            ids = list(found)
        if not ids:
            return [], None
        kind, said = found[ids[0]]
        shown = written.strip()
        if len(shown) == len(folded):  # as written (張, not 张): folding keeps the length
            at = folded.find(said)
            said = shown[at:at + len(said)]
        return ids, (kind, said)
