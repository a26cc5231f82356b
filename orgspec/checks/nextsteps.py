"""What a `next` naming no step of its process meant (trial 35): a close step id
(`reveiw` -> review), a step's name where its id belongs (`next: [查核訂單及物流]`, in either
script), or several steps written with an IME separator (`next: investigate、review`,
`[investigate，review]`). RF001 says it in its hint, and PR003 and the flowcharts read the
`next` as meant, so the one mistake is RF001's one finding."""

from __future__ import annotations

from collections.abc import Sequence

from orgspec.model.foldednames import FoldedNames
from orgspec.model.models import Step
from orgspec.text.separators import split_ids
from orgspec.text.suggest import Suggester


class StepNames:
    """The steps of one process by id and by name; built on the first unknown `next`."""

    def __init__(self, steps: Sequence[Step]) -> None:
        self.ids = {s.id for s in steps}
        by_name: dict[str, tuple[str, ...]] = {}
        for s in steps:
            name = str(s.name or "").strip()
            if name:
                by_name[name] = (*by_name.get(name, ()), s.id)
        self._names = by_name
        self._folded = FoldedNames(by_name, lambda a, b: tuple(dict.fromkeys((*a, *b))))
        self._suggest: Suggester | None = None

    def named(self, value: str) -> tuple[str, ...]:
        """The ids of the steps `value` is the name of (as written, else in another script,
        width, case or spacing); () for none."""
        bare = value.strip()
        return self._names.get(bare) or self._folded.get(bare) or ()

    def written(self, ident: str) -> str:
        """The name step `ident` is written under, "" for none."""
        return next((n for n, ids in self._names.items() if ident in ids), "")

    def id_of(self, value: str) -> str:
        """The step id `value` is or names (one step's name); else `value` itself."""
        bare = value.strip()
        if bare in self.ids:
            return bare
        named = self.named(bare)
        return named[0] if len(named) == 1 else value

    def close(self, value: str) -> str | None:
        """The step id close to `value` (a typo), else None."""
        self._suggest = self._suggest or Suggester(self.ids)
        return self._suggest.close(value)

    def meant(self, value: str) -> list[str]:
        """The step ids the unknown `next` `value` was meant to name: the one step it is the
        name of, the steps a separator lists (each an id or one step's name), else the
        close id of a typo; [] when none can be told."""
        named = self.named(value)
        if len(named) == 1:
            return [named[0]]
        if named:
            return []  # a name several steps share: which one is not told
        parts = split_ids(value)
        if parts:
            return [i for i in dict.fromkeys(self.id_of(p) for p in parts) if i in self.ids]
        close = self.close(value)
        return [close] if close else []


def meant_links(steps: Sequence[Step]) -> list[tuple[str, str, str]]:
    """(step, unknown `next`, a step it was meant to name: `StepNames.meant`) for each
    `next` of `steps` naming no step, one row per step meant."""
    ids = {s.id for s in steps}
    names: StepNames | None = None
    out = []
    for step in steps:
        for nxt in step.next:
            if nxt not in ids:
                names = names or StepNames(steps)
                out += [(step.id, nxt, meant) for meant in names.meant(nxt)]
    return out
