"""The people a reference calls as a Chinese workplace does (`text.personcall`): 王总 and
小王 call everyone surnamed 王, 雅婷 everyone whose given name is 雅婷, in either script.
RF001's hint suggests the one person so called, and the hold-back guesses that person
(`model.unresolved`); two or more, and neither picks one."""

from __future__ import annotations

from collections import defaultdict

from orgspec.model.org import Org


class PersonCalls:
    """People's ids by surname and by two-character given name, read from every Chinese
    name of theirs (`name` and `names`), folded; built on first use, O(people)."""

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
                parts = name_parts(name)
                if parts is None:
                    continue
                keys = [("surname", parts[0])]
                if len(parts[1]) == GIVEN_LENGTH:
                    keys.append(("given", parts[1]))
                for key in keys:
                    if ident not in by[key]:
                        by[key].append(ident)
        return dict(by)

    def called(self, written: str) -> tuple[list[str], tuple[str, str] | None]:
        """(the ids of the people `written` calls (王总: those surnamed 王), in the org's
        order, and how it calls the first: ("surname", "王") or ("given", "雅婷"), the
        surname or given name as `written` writes it), or ([], None) when it calls nobody or
        is no such call."""
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
