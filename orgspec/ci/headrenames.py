"""An id renamed since git `HEAD` without `aliases` (`id: tech` -> `id: jishu`): each
reference to the old id is an RF001 that no edit distance explains (`jishu` is nothing like
`tech`), so its hint said "add the team 'tech'". The org's files as `HEAD` holds them (one
`git cat-file --batch`: `ci.before.committed`) say which entity had that id; when exactly one
entity of its kind has its name now, under another id that does not keep the old one in
`aliases`, the hint says it was renamed and how to keep the references working, and the
entity's `id` (where the new id is defined) is its first related location.

Asked only when some RF001 has that generic hint: a clean org never runs git for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from orgspec.ci import headnames
from orgspec.ci.before import committed
from orgspec.ci.headlooks import Looks, looks_renamed
from orgspec.ci.rawnames import said_raw
from orgspec.engine.holdback import bare_hint, is_grouped, rehint
from orgspec.findings import Finding, LintResult, Location, Related, replaced
from orgspec.i18n import M, said_from
from orgspec.load.config import Config
from orgspec.load.loader import RawEntity, load_files
from orgspec.model.org import Org

GENERIC = "add the {kinds} {value!r} to the org's files, or change it to an existing id"


def said_renames(result: LintResult, targets: list[str], config: Config,
                 org_of: Callable[[], Org | None] | None = None) -> None:
    """Give each RF001 of `result` (a check of `targets`, the org's files or folders) whose
    id an entity had at git `HEAD` and now has under another id (found by its kind and
    name, or as `check --diff HEAD` finds it: `ci.headlooks`) the hint that says so, and
    each whose value is the name an entity had at `HEAD` (`ci.headnames`) the id to write;
    `result.findings` is replaced, the rest left as it is. With `org_of` (the org read
    again), what follows from a rename found as `--diff` finds it is held back behind its
    RF001 (`ci.headheld`). Git missing or failing: nothing changes."""
    asked = {i: value for i, f in enumerate(result.findings)
             if f.code == "RF001" and (value := _generic(f))}
    by_name = headnames.asked(result.findings)  # `owner: 技術部`, a name HEAD had
    if not asked and not by_name:
        return
    then_raw = [entity for raw in committed(targets) for entity in raw.entities]
    then = _named(then_raw)
    formerly = headnames.former_names(then_raw, by_name.values()) if by_name else {}
    if not any(old in then for old in asked.values()) and not formerly:
        return  # a typo, not a rename: no need to read the org's files again
    now_raw = load_files(targets, config.include, config.exclude,
                         respect_gitignore=config.respect_gitignore).entities
    looks: dict[str, Looks] = {}  # kind -> renamed by members or content (`ci.headlooks`)
    known: dict[str, dict[str, str]] = {}  # kind -> former id -> the id it has now
    now: dict[tuple[str, str], list[tuple[str, frozenset[str], Location]]] = \
        defaultdict(list)
    team_of: dict[tuple[str, str], str] = {}  # (kind, id) -> the team it is, or is of
    for entity in now_raw:
        ident, kind, name = entity.data.get("id"), entity.kind, _name_of(entity)
        if isinstance(ident, str) and isinstance(kind, str) and name:
            aliases = entity.data.get("aliases")
            kept = frozenset(a for a in aliases if isinstance(a, str)) \
                if isinstance(aliases, list) else frozenset()
            now[(kind, name)].append((ident, kept, entity.fmap.value((*entity.path, "id"))))
            team = ident if kind == "Team" else entity.data.get("team")
            if isinstance(team, str) and team:
                team_of[(kind, ident)] = team
    lang = result.lang or "en"
    shown: dict[tuple[str, str], str] = {}  # (kind, id) -> its name as `lang` says it
    for entity in now_raw:
        ident, kind = entity.data.get("id"), entity.kind
        if isinstance(ident, str) and isinstance(kind, str):
            shown.setdefault((kind, ident), said_raw(entity.data, lang))
    out = list(result.findings)
    for i, old in asked.items():
        if old not in then:
            continue
        kind, name = then[old]
        if not _fits(result.findings[i], kind):
            continue  # `tech` was a team; these references take a duty
        found = [(ident, at) for ident, kept, at in now.get((kind, name), ())
                 if ident != old and old not in kept]
        if len(found) != 1:
            if kind not in looks:
                looks[kind] = looks_renamed(then_raw, now_raw, kind)
            if old in looks[kind] and kind in _KIND_WORDS:  # id and name renamed at once
                new_id, why = looks[kind][old]
                known.setdefault("Role" if kind == "Position" else kind, {})[old] = new_id
                out[i] = replaced(out[i], hint=said_from(rehint(out[i].hint, M(
                    "{value!r} looks renamed to {kind} {id!r} since {ref} ({why}): add "
                    "`aliases: [{value}]` to it to keep references to {value!r} working; then "
                    "change them to {id!r} (RF005 lists them)",
                    value=old, kind=_KIND_WORDS[kind], id=new_id,
                    ref="HEAD", why=why)), lang))
            continue
        ids = [found[0][0]]
        name = shown.get((kind, ids[0])) or name
        defined = Related(found[0][1], said_from(M(
            "{name} has the id {id!r} here, `{old}` at git HEAD", name=name, id=ids[0],
            old=old), lang))
        # the id to write said as every did-you-mean says it (`jishu（技术部）` in text,
        # `'jishu'` in JSON: `report.idnames.with_names`), its name not said beside it
        # both steps: the alias alone leaves an RF005 asking to rewrite the references
        new = M("did you mean {id!r}? its id was `{old}` at git HEAD: `aliases: [{old}]` "
                "under its `id` keeps the old references working; then change them to {id!r} "
                "(RF005 lists them)", id=ids[0], old=old)
        # filed under the team renamed (a position's: its team), whose edit it is, not
        # under the team of the reference it sits at (trial 31: 运营部 scored for it)
        team = team_of.get((kind, ids[0]))
        out[i] = replaced(out[i], hint=said_from(rehint(out[i].hint, new), lang),
                          related=(defined, *out[i].related),
                          **({"teams": (team,)} if team else {}))
        result.names.setdefault(ids[0], name)
    if formerly:
        out = headnames.said_former(out, headnames.asked(out), formerly, then_raw, now_raw,
                                    _fits, lang, _KIND_WORDS)
    result.findings = out
    if known and org_of is not None:
        from orgspec.ci.headheld import hold_behind_renames

        hold_behind_renames(result, known, org_of)


def _generic(f: Finding) -> str:
    """The unknown id of an RF001 whose hint is only "add it, or change it to an existing
    id" (a hint naming what it holds back, `held_hint`, around it), or of the one RF001 of
    an id several references name (`engine.sameid`: what git says of the id is surer than
    the guess at its first reference, `did you mean 'tech-engineer'?`), else ""."""
    if is_grouped(f.hint):
        message = getattr(f.message, "source", f.message)
        value = getattr(message, "values", {}).get("value")
        return value if isinstance(value, str) else ""
    hint = bare_hint(f.hint)
    if not isinstance(hint, M) or getattr(hint, "template", "") != GENERIC:
        return ""
    value = hint.values.get("value")
    return value if isinstance(value, str) else ""


def _fits(f: Finding, kind: str) -> bool:
    """Whether an RF001's field may name an entity of `kind` as written at `HEAD` (`Team`,
    `Position`), as its message's kinds say (`Team, Person or Role`); a kind written
    otherwise (`团队`) is not judged."""
    message = getattr(f.message, "source", f.message)
    kinds = str(getattr(message, "values", {}).get("kinds", ""))
    kind = "Role" if kind == "Position" else kind
    return not kinds or kind not in _KINDS or kind in kinds


_KINDS = ("Team", "Person", "Role", "Responsibility", "Objective")
# a kind as written, said as `ci.diff` says it in the same hint
_KIND_WORDS = {"Team": M("team"), "Person": M("person"), "Role": M("position"),
               "Position": M("position"), "Responsibility": M("duty"),
               "Objective": M("objective"), "Process": M("process"), "Meeting": M("meeting")}


def _named(entities: Iterable[RawEntity]) -> dict[str, tuple[str, str]]:
    """Id -> (kind, name) of each entity written with an id, a kind and a name."""
    out: dict[str, tuple[str, str]] = {}
    for entity in entities:
        ident, kind, name = entity.data.get("id"), entity.kind, _name_of(entity)
        if isinstance(ident, str) and isinstance(kind, str) and name:
            out[ident] = (kind, name)
    return out


def _name_of(entity: RawEntity) -> str:
    name = entity.data.get("name") or entity.data.get("title")
    return name.strip() if isinstance(name, str) else ""
