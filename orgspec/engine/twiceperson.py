"""One mistake, one finding: a person entered twice (李晓雯 `li-xiaowen` added beside 李曉雯
`li-xiao-wen`, RF009) is RF009's finding alone, at the copy, saying to delete it.

RF009 (`checks.names`) picks the copy from the people alone: the one not written in the
org's script, else the later by file and line. Here, with the org's references: when a
reference names that one and none names the other, the other is the copy and the finding
is turned round (`turned`); the hint says to delete the copy, moving what it adds into the
original, or, when a reference names it, to change those, keep its id in the original's
`aliases` and delete it (`copy_hint`; trial 31: the finding was at the original, chosen by
file path, and told to keep the copy). When the copy is all its file holds, the file is what
to delete, named (deleting the entry left an empty file: IN014). `ci.headcopy` turns it
round again when git `HEAD` defined the copy and not the original.

The copy is on no team (HI007) because it is a copy: the original is on its teams. That
HI007 is held back behind the RF009, whose hint names it (`holdback.held_hint`). Only when
RF009 is reported for that person: turned off, ignored or suppressed, HI007 is reported
as it was.

Reads the findings, and the org's references only when RF009 is among them.
"""

from __future__ import annotations

from dataclasses import replace

from orgspec.engine.holdback import Held, bare_hint, held_hint, rehint
from orgspec.findings import Finding, Related
from orgspec.i18n import M, said_from
from orgspec.model.org import Org, node_key

TWICE = "RF009"
ON_THE_COPY = ("HI007",)  # on no team
_KEEP = "if both are one person, keep"  # how the hint for a copy some reference names starts


def copy_hint(copy: str, kept: str, copy_named: bool, kept_named: bool, file: str = "",
              kept_file: str = "", adds: tuple[str, ...] = (),
              kept_adds: tuple[str, ...] = ()) -> M:
    """RF009's hint at person `copy`, a copy of `kept`: delete it (a reference naming it,
    `copy_named`: change those, keep its id in `kept`'s `aliases`). `file`: the copy is
    all that file holds, so the file is what to delete (deleting the entry would leave it
    empty: IN014). `adds`: the fields the copy has and `kept` has not (`added`), to move
    into it first; nothing to move is said when it adds none (trial 32: "such as its
    `email`" with no email written). `kept_named`, `kept_file` and `kept_adds` (the same
    of `kept`) are kept with it, for `turned`."""
    more = {"kept_named": kept_named, "kept_file": kept_file, "adds": adds,
            "kept_adds": kept_adds}
    if copy_named and file:
        return M("if both are one person, keep {other!r}: change the references to {id!r} "
                 "to {other!r}, write `aliases: [{alias}]` under its `id` (old links to {id!r} "
                 "then still work) and delete the file {file}, which holds only this entry; "
                 "if they are two people, give each their `email`", id=copy, alias=copy,
                 other=kept, file=file, **more)
    if copy_named:  # the id to write in code (`alias`) apart from the id said in prose
        return M("if both are one person, keep {other!r}: change the references to {id!r} "
                 "to {other!r}, write `aliases: [{alias}]` under its `id` (old links to {id!r} "
                 "then still work) and delete this entry; if they are two people, give each "
                 "their `email`", id=copy, alias=copy, other=kept, **more)
    fields = [f"`{name}`" for name in adds]
    if file and fields:
        return M("if both are one person, delete the file {file}, which holds only this entry "
                 "(nothing references {id!r}; first move what it adds, {fields}, into the "
                 "entry of {other!r}); if they are two people, give each their `email`",
                 id=copy, other=kept, file=file, fields=fields, **more)
    if file:
        return M("if both are one person, delete the file {file}, which holds only this entry "
                 "(nothing references {id!r}); if they are two people, give each their `email`",
                 id=copy, other=kept, file=file, **more)
    if fields:
        return M("if both are one person, delete this entry (nothing references {id!r}; first "
                 "move what it adds, {fields}, into the entry of {other!r}); if they are two "
                 "people, give each their `email`", id=copy, other=kept, fields=fields, **more)
    return M("if both are one person, delete this entry (nothing references {id!r}); if they "
             "are two people, give each their `email`", id=copy, other=kept, **more)


# the fields of a person that a copy may add to the original (`added`), as written
# (no prose: RF009 reads the people's names alone, and its findings are kept while only
# a title changed)
_FIELDS = ("email", "manager", "roles", "names")


def added(org: Org, copy: str, kept: str) -> tuple[str, ...]:
    """The fields person `copy` has and person `kept` has not (`email`, `manager`...; a
    position in `roles` the other does not hold), in `_FIELDS` order; () when either is
    unknown."""
    one, other = org.people.get(copy), org.people.get(kept)
    if one is None or other is None:
        return ()
    out = []
    for name in _FIELDS:
        mine, theirs = getattr(one, name), getattr(other, name)
        if name == "roles":
            if set(mine) - set(theirs):
                out.append(name)
        elif mine and not theirs:
            out.append(name)
    return tuple(out)


def pair_of(f: Finding) -> tuple[str, str] | None:
    """(the person an RF009 is at, the one it keeps), from its message."""
    message = getattr(f.message, "source", f.message)
    values = getattr(message, "values", {})
    copy, kept = values.get("id"), values.get("other")
    return (copy, kept) if isinstance(copy, str) and isinstance(kept, str) else None


def turned(f: Finding, lang: str | None = None) -> Finding:
    """RF009 `f` at the person it kept, which it keeps no more: the other way round, its
    hint kept as it says (the held-back findings it names too). `lang`: `f` is said in it
    (else English, as the checks say it)."""
    message = getattr(f.message, "source", f.message)
    if not isinstance(message, M) or not f.related or pair_of(f) is None:
        return f
    values = message.values
    copy, kept = values["other"], values["id"]
    swapped = {**values, "id": copy, "other": kept}
    if "other_name" in values:
        swapped.update(name=values["other_name"], other_name=values["name"])
    bare = bare_hint(f.hint)  # said of the other way round: its `kept` is `copy` now
    was = getattr(bare, "values", {})
    hint = copy_hint(copy, kept, bool(was.get("kept_named")),
                     getattr(bare, "template", "").startswith(_KEEP),
                     str(was.get("kept_file") or ""), str(was.get("file") or ""),
                     tuple(was.get("kept_adds") or ()), tuple(was.get("adds") or ()))
    here = M("person {id!r} is named {name} here", id=kept, name=values["name"])

    def say(text: M) -> str:
        return said_from(text, lang) if lang else text

    return replace(f, message=say(M(message.template, **swapped)),
                   location=f.related[0].location, entity=f"person:{copy}",
                   related=(Related(f.location, say(here)), *f.related[1:]),
                   hint=say(rehint(f.hint, hint)))


def person_twice_behind(findings: list[Finding], org: Org
                        ) -> tuple[list[Finding], list[Finding]]:
    """`findings` with each RF009 at the copy as the org's references tell it, its hint
    saying what to do with it, and without the HI007 on that copy (see the module); and
    those HI007s, as they were. One pass over `findings`, more when RF009 is among them."""
    if not any(f.code == TWICE for f in findings):
        return findings, []
    named = _named_people(org)
    out = []
    for f in findings:
        pair = pair_of(f) if f.code == TWICE else None
        if pair is not None:
            copy, kept = pair
            if copy in named and kept not in named:
                f = turned(f)
                copy, kept = kept, copy
            f = replace(f, hint=copy_hint(copy, kept, copy in named, kept in named,
                                          _alone(org, copy), _alone(org, kept),
                                          added(org, copy, kept), added(org, kept, copy)))
        out.append(f)
    copies = {f.entity: f for f in out if f.code == TWICE and f.entity}
    behind: dict[int, list[Finding]] = {}
    for f in out:
        cause = copies.get(f.entity) if f.code in ON_THE_COPY else None
        if cause is not None:
            behind.setdefault(id(cause), []).append(f)
    if not behind:
        return out, []
    gone = {id(f) for held in behind.values() for f in held}
    kept_out = []
    for f in out:
        if id(f) in gone:
            continue
        if id(f) in behind:
            f = replace(f, hint=held_hint(f.hint, [Held(h, h.entity) for h in behind[id(f)]]))
        kept_out.append(f)
    return kept_out, [f for held in behind.values() for f in held]


def _alone(org: Org, ident: str) -> str:
    """The file person `ident` is in when it is all that file holds (no other item or
    document, valid or not: deleting it would leave the file empty, IN014), else ""."""
    at = org.origins.get(node_key("Person", ident))
    if at is None:
        return ""
    items = sum(0 if doc is None else len(doc) if isinstance(doc, list) else 1
                for doc in at.fmap.parsed.docs)
    return at.file if items == 1 else ""


def _named_people(org: Org) -> set[str]:
    """The people a reference field of any entity names (a team's `members`, a person's
    `manager`, a RACI list...)."""
    from orgspec.model.unresolved import references

    return {value for _, _, _, _, value, kinds in references(org) if "Person" in kinds and
            value in org.people}
