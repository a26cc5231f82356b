"""A reference written as the name an entity had at git `HEAD` (`owner: 技術部` after 技術部
was renamed 技術中心): RF001's hint said to add a team named 技術部 (trial 31). The org's
files as `HEAD` holds them say whose name it was; when that entity is there now (under its
id, under an id that keeps it in `aliases`, or renamed with it: `ci.headlooks`) under
another name, the hint says so and which id to write.

Read by `ci.headrenames`, with the files it read at `HEAD` and now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from orgspec.ci.headlooks import looks_renamed
from orgspec.ci.rawnames import said_raw
from orgspec.engine.holdback import bare_hint, rehint
from orgspec.findings import Finding, replaced
from orgspec.i18n import M, said_from
from orgspec.load.loader import RawEntity
from orgspec.text.fold import fold_name

# RF001's own hints for a value that names nothing (`checks.references`): not an id, or one
NO_ID = "write an id (ascii letters, digits, -), or add the {kinds} with `name: {value}`"
GENERIC = "add the {kinds} {value!r} to the org's files, or change it to an existing id"


def asked(findings: list[Finding]) -> dict[int, str]:
    """Index -> value of each RF001 whose own hint is only "write an id, or add it"."""
    out = {}
    for i, f in enumerate(findings):
        if f.code != "RF001":
            continue
        hint = bare_hint(f.hint)
        if getattr(hint, "template", "") in (NO_ID, GENERIC):
            value = getattr(hint, "values", {}).get("value")
            if isinstance(value, str) and value.strip():
                out[i] = value
    return out


def former_names(then: Iterable[RawEntity], values: Iterable[str]
                 ) -> dict[str, list[tuple[str, str, str]]]:
    """Folded name -> (kind, id, name) of each entity `then` defines whose name, folded
    (`text.fold.fold_name`), is one of `values`'."""
    wanted = {fold_name(v) for v in values}
    out: dict[str, list[tuple[str, str, str]]] = {}
    for entity in then:
        ident, kind, name = entity.data.get("id"), entity.kind, entity.data.get("name")
        if isinstance(ident, str) and isinstance(kind, str) and isinstance(name, str) and \
                (folded := fold_name(name)) in wanted:
            out.setdefault(folded, []).append((kind, ident, name.strip()))
    return out


def said_former(findings: list[Finding], at: dict[int, str],
                named: dict[str, list[tuple[str, str, str]]], then: list[RawEntity],
                now: list[RawEntity], fits: Callable[[Finding, str], bool],
                lang: str, words: dict[str, M]) -> list[Finding]:
    """`findings` with each RF001 of `at` (index -> value) written as the name one entity
    of a kind its field takes had at `HEAD` (`named`: `former_names`) given the hint that
    says whose name it was and the id to write, when that entity is in `now` under another
    name. `words`: each kind as a hint says it."""
    out = list(findings)
    tables: dict[str, dict[str, tuple[str, frozenset[str]]]] = {}
    shown: dict[tuple[str, str], str] = {}  # (kind, id) -> its name as `lang` says it
    for entity in now:
        ident, kind, name = entity.data.get("id"), entity.kind, entity.data.get("name")
        if isinstance(ident, str) and isinstance(kind, str):
            shown.setdefault((kind, ident), said_raw(entity.data, lang))
            aliases = entity.data.get("aliases")
            tables.setdefault(kind, {})[ident] = (
                name.strip() if isinstance(name, str) else "",
                frozenset(a for a in aliases if isinstance(a, str))
                if isinstance(aliases, list) else frozenset())
    for i, value in at.items():
        found = [(kind, ident, name) for kind, ident, name in named.get(fold_name(value), ())
                 if fits(findings[i], kind) and kind in words]
        if len(found) != 1:
            continue  # none, or a name several had: which one is not said
        kind, old, _ = found[0]
        new = _now_id(kind, old, tables.get(kind, {}), then, now)
        if new is None or fold_name(tables[kind][new][0]) == fold_name(value):
            continue
        hint = M("{value} was the name of {kind} `{id}` at git HEAD (it is named {name} "
                 "now): write `{id}`", value=value.strip(), kind=words[kind], id=new,
                 name=shown.get((kind, new)) or new)
        out[i] = replaced(out[i], hint=said_from(rehint(out[i].hint, hint), lang))
    return out


def _now_id(kind: str, old: str, table: dict[str, tuple[str, frozenset[str]]],
            then: list[RawEntity], now: list[RawEntity]) -> str | None:
    """The id the entity `old` of `kind` at `HEAD` has now: its own, one that keeps it in
    `aliases`, or the one it looks renamed to; None when it is gone."""
    if old in table:
        return old
    kept = [ident for ident, (_, aliases) in table.items() if old in aliases]
    if len(kept) == 1:
        return kept[0]
    looks = looks_renamed(then, now, kind).get(old)
    return looks[0] if looks is not None and looks[0] in table else None

