"""The whole fix at once: a hint that writes a field after a full-width colon (`负责人：董洁`
-> `owner: 董洁`, IN001) writes the id a display name stands for (`owner: dongjie`), as
RF001 would say on the next run, once the org is read. A name several entities share is
said as all of them (`model.namedids`), none picked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from orgspec.findings import Finding
from orgspec.i18n import M
from orgspec.load.yamlhints import field_fix, refix
from orgspec.model.aliases import FIELDS
from orgspec.model.namedids import NamedIds, several
from orgspec.model.org import Org
from orgspec.text.separators import SEPARATORS

# field -> the kinds it names, whichever entity it is written on (`owner`: a team, person
# or position; `lead`: a person)
_KINDS: dict[str, tuple[str, ...]] = {}
for _fields in FIELDS.values():
    for _name, _kinds in _fields:
        if "." not in _name:
            _KINDS.setdefault(_name, _kinds)
_ITEMS = re.compile(rf"\s*[{SEPARATORS}]\s*")


def named_fixes(findings: Iterable[Finding], org: Org) -> list[Finding]:
    """`findings` with each IN001 hint that writes a reference field with display names
    written with their ids instead (`owner: 董洁` -> `owner: dongjie`, `attendees: [董洁，
    曾志伟]` -> `[dongjie, zengzhiwei]`); a name several share keeps its place and the hint
    says which ids it may be. O(findings) plus one index per kinds asked."""
    names: dict[tuple[str, ...], NamedIds] = {}
    out = []
    for f in findings:
        fix = field_fix(f.hint) if f.code == "IN001" and isinstance(f.hint, M) else None
        kinds = _KINDS.get(fix[0]) if fix is not None else None
        if fix is None or kinds is None or not isinstance(f.hint, M):
            out.append(f)
            continue
        index = names.get(kinds)
        if index is None:
            index = names[kinds] = NamedIds(org, kinds)
        value = fix[1].strip()
        listed = value.startswith("[") and value.endswith("]")
        items = [i for i in _ITEMS.split(value[1:-1]) if i] if listed else [value]
        ids = [i if any(i in org.table(k) for k in kinds) else index.id_of(i) or i
               for i in items]
        hint: str = f.hint
        if ids != items:
            hint = refix(f.hint, "[" + ", ".join(ids) + "]" if listed else ids[0])
        shared = next(((i, n) for i in items if (n := index.named(i)) and len(n[1]) > 1),
                      None)
        if shared is not None:
            hint = M("{hint}; {several}", hint=hint, several=several(org, *shared))
        out.append(replace(f, hint=hint) if hint is not f.hint else f)
    return out
