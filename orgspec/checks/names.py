"""Names as people search for them: no full-width or other non-ASCII space inside, no IME
quotes around them."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Location
from orgspec.i18n import LANGS, M
from orgspec.model.org import ENTITY_KINDS, node_key
from orgspec.text.spaces import WIDE_SPACE, quotes_around, without_wide_spaces

# the entity a name belongs to is said with its kind, as `check` says an id elsewhere
_KIND_WORDS = {"Team": M("team"), "Person": M("person"), "Role": M("position"),
               "Responsibility": M("duty"), "Objective": M("objective"),
               "Process": M("process"), "Meeting": M("meeting")}


@check("SC004", local=True)
def wide_space_in_name(ctx: RuleContext) -> Iterator[Issue]:
    """A `name` holding a full-width (U+3000) or other non-ASCII space (`何　静`)."""
    org = ctx.org
    for kind in ENTITY_KINDS:
        for ident, entity in org.table(kind).items():
            name = getattr(entity, "name", None)
            if not isinstance(name, str):
                continue
            found = WIDE_SPACE.search(name)
            if found is None:
                continue
            where = org.origin(kind, ident).value("name")
            suggestion = without_wide_spaces(name)
            yield Issue(M("name {name!r} of {kind} {entity!r} holds the space U+{code:04X}: a "
                          "search for {fixed!r} does not find it", name=_marked(name),
                          kind=_KIND_WORDS[kind], entity=ident, code=ord(found.group()),
                          fixed=suggestion),
                        _at(where, name, found.start()), node_key(kind, ident),
                        hint=M("write {fixed!r}", fixed=suggestion))




@check("SC005", local=True)
def quotes_around_name(ctx: RuleContext) -> Iterator[Issue]:
    """A `name` wholly inside IME quotes (`“Returns Cell”`, `「退货组」`, `＂客服部＂`), which
    YAML keeps as part of it; quotes inside a name (`“双11”大促复盘会`) are its own."""
    org = ctx.org
    for kind in ENTITY_KINDS:
        for ident, entity in org.table(kind).items():
            name = getattr(entity, "name", None)
            if not isinstance(name, str) or (pair := quotes_around(name.strip())) is None:
                continue
            bare = name.strip()[1:-1].strip()
            yield Issue(M("name {name} of {kind} {entity!r} is inside the quotes {quotes}, "
                          "which YAML keeps as part of the name: a search for {bare!r} does "
                          "not find it", name=name.strip(), kind=_KIND_WORDS[kind],
                          entity=ident, quotes=pair, bare=bare),
                        org.origin(kind, ident).value("name"), node_key(kind, ident),
                        hint=M("write `name: {fixed}` (quote a value with ASCII `\"` or `'` "
                               "only)", fixed=_yaml_scalar(bare)))


def _yaml_scalar(text: str) -> str:
    """`text` as a YAML value: plain where YAML reads it back as this text, else in ASCII
    double quotes (JSON's escapes are YAML's)."""
    import json

    import yaml

    try:
        if yaml.safe_load(f"k: {text}") == {"k": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def _marked(name: str) -> str:
    """`name` with each space that looks like an ASCII one (U+00A0, the thin and other
    typographic spaces) written as `[U+00A0]`, so the message does not show it as the same
    text as the suggestion; U+3000 is seen as wide and stays as written."""
    return WIDE_SPACE.sub(lambda m: m.group() if m.group() == "\u3000"
                          else f"[U+{ord(m.group()):04X}]", name)


def _at(where: Location, name: str, offset: int) -> Location:
    """The space itself when the value sits on one line as written, else the value."""
    if where.end_line == where.line and where.end_col - where.col == len(name):
        col = where.col + offset
        return Location(where.file, where.line, col, where.line, col + 1)
    return where


@check("RF008", graph=False, kinds=("Team",), text=("Team",))
def duplicate_name(ctx: RuleContext) -> Iterator[Issue]:
    """Yield RF008 at the `name` of each team whose display name another team has too, as
    `show` looks names up (`text.fold.fold_name`: blanks, case, width and script aside, so
    运营部 and 運營部 are one name), with that one as related location: the team with the
    most members (then the first written) is taken as the one meant. Names are quoted as
    each team writes its own. A reader of one language sees a team's `names` for it
    (`names: {en: Ops}`): two teams shown under one name to that reader are two of one
    name too, reported at the name that reader sees; a team once, at its first such name
    (written, then en, zh, zh-Hant). O(teams)."""
    from orgspec.findings import Related
    from orgspec.model.names import said
    from orgspec.text.fold import fold_name
    from orgspec.text.suggest import closest

    org = ctx.org

    def rank(ident: str) -> tuple[tuple[int, str, int, int], str]:
        where = org.origin("Team", ident).value("name")
        return (-len(org.teams[ident].members), where.file, where.line, where.col), ident

    def shown(ident: str, lang: str) -> tuple[str, Location]:
        """The name of team `ident` a reader of `lang` sees ("": as written), and where."""
        team, origin = org.teams[ident], org.origin("Team", ident)
        given = team.names.said(lang) if lang and team.names is not None else None
        if given:
            return given.strip(), origin.value("names", lang)
        return str(team.name).strip(), origin.value("name")

    by_name: dict[tuple[str, str], list[str]] = {}
    for ident, team in org.teams.items():
        for lang in ("", *LANGS):
            name = said(team, lang) if lang else team.name
            if isinstance(name, str) and name.strip():
                by_name.setdefault((lang, fold_name(name)), []).append(ident)
    reported: set[str] = set()
    for (lang, _), idents in by_name.items():
        if len(idents) < 2:
            continue
        # located only here, for the few names two teams share, not for every team
        teams = sorted(map(rank, idents))
        first = teams[0][1]
        first_name, first_at = shown(first, lang)
        for _, ident in teams[1:]:
            if ident in reported:
                continue
            reported.add(ident)
            name, at = shown(ident, lang)
            typo = closest(ident, [first])
            yield Issue(M("team {id!r} has the name {name} of team {other!r}: two teams of one "
                          "name", id=ident, name=name, other=first),
                        at, node_key("Team", ident),
                        related=(Related(first_at, M("team {id!r} is named {name} here",
                                                     id=first, name=first_name)),),
                        hint=M("{id!r} is close to {other!r}: if it is a typo (a roster's "
                               "department id), write {other!r}", id=ident, other=first)
                        if typo else
                        M("if both are one team, keep one of them; else give each a name "
                          "of its own (e.g. {example})", example=_renamed(name)),
                        teams=(ident, first))


def _renamed(name: str) -> str:
    """`name` with a region suffix written in the name's own script (运营部（华东）,
    運營部（華東）, Customer Service (East China)), so the example never mixes scripts."""
    from orgspec.han import han_char
    from orgspec.text.script import to_simplified

    if not han_char().search(name):
        return f"{name} (East China)"
    return name + ("（华东）" if to_simplified(name) == name else "（華東）")
