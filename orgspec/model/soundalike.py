"""People whose name sounds like a name no one has: what an input method's wrong pick
leaves in a reference (`张玮` for 张伟, the same pinyin; `何明` for 何敏, one letter of one
syllable apart)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from orgspec.text.suggest import edits

if TYPE_CHECKING:
    from orgspec.model.org import Org

_LONGEST = 4  # a Chinese personal name is two to four characters


class SoundAlike:
    """The person ids of `org` by their name's length and each character at its place,
    built on the first Chinese name asked, O(people); the pinyin is read only of the names
    that share a character, at the same place, with an asked name (a few, not every
    person's: ~80 µs a name)."""

    def __init__(self, org: Org) -> None:
        from orgspec.text.fold import fold_name

        self._org = org
        self._fold = fold_name
        self._names: dict[str, str] = {}
        self._at: dict[tuple[int, int, str], list[str]] | None = None  # on the first name
        self._read: dict[tuple[str, bool], str | None] = {}

    def _index(self) -> dict[tuple[int, int, str], list[str]]:
        if self._at is None:
            self._at = defaultdict(list)
            for ident, person in self._org.people.items():
                name = self._fold(str(person.name)) if person.name else ""
                if 2 <= len(name) <= _LONGEST and _all_han(name):
                    self._names[ident] = name
                    for place, char in enumerate(name):
                        self._at[(len(name), place, char)].append(ident)
        return self._at

    def ids(self, value: str) -> list[str]:
        """The ids of the people whose name reads as `value` does, character by character,
        but for characters of the same pinyin and at most one whose pinyin is one letter
        apart (`ming`, `min`), sharing at least one character at its place; sorted. []
        for a value that is no two-to-four-character Chinese name."""
        asked = self._fold(value.strip())
        if not 2 <= len(asked) <= _LONGEST or not _all_han(asked):
            return []
        at = self._index()
        near = dict.fromkeys(ident for place, char in enumerate(asked)
                             for ident in at.get((len(asked), place, char), ()))
        return sorted(ident for ident in near
                      if self._names[ident] != asked and self._alike(asked, self._names[ident]))

    def _alike(self, asked: str, name: str) -> bool:
        apart = 0
        for place, (a, b) in enumerate(zip(asked, name, strict=True)):
            if a == b:
                continue
            read_a, read_b = self._syllable(a, place == 0), self._syllable(b, place == 0)
            if read_a is None or read_b is None:
                return False
            if read_a != read_b:
                apart += 1
                if apart > 1 or edits(read_a, read_b, 1) > 1:  # `min`/`ming`, `zi`/`zhi`
                    return False
        return True

    def _syllable(self, char: str, surname: bool) -> str | None:
        found = self._read.get((char, surname), "")
        if found == "":
            from orgspec.text.slug import reading_id

            found = self._read[(char, surname)] = reading_id(char, surname)
        return found


def _all_han(text: str) -> bool:
    from orgspec.text.collate import has_han

    return all(map(has_han, text))
