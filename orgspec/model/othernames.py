"""The other ways a reference may spell an entity than its id or `name`: a name in another
language, a name's reading as an id (pinyin), an id without its hyphens. RF001's did-you-mean
and the hold-back's guess of what an unknown reference means (`model.unresolved`) read the
same index, so a finding held back behind an RF001 is the one its hint names."""

from __future__ import annotations

from collections import defaultdict

from orgspec.model.org import Org

_READ_KINDS = frozenset(("Team", "Role"))  # whose names `OtherNames` reads as pinyin


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
    as teams. A spelling several entities share suggests none."""

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
                if not read_too:
                    continue
                for name in (getattr(entity, "name", None), *others):
                    read = reading_id(str(name)) if name else None
                    if read:
                        by[read].add(ident)
                        by[_joined(read)].add(ident)
        self._ids = {key: next(iter(ids)) for key, ids in by.items() if len(ids) == 1}

    def get(self, value: str) -> str | None:
        """The one id `value` spells so, or None."""
        folded = self._fold(value)
        for key in (folded, _joined(folded)):
            ident = self._ids.get(key)
            if ident is not None and ident != value:
                return ident
        return None
