"""Names as people search for them: no full-width or other non-ASCII space inside, no IME
quotes around them."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Location
from orgspec.i18n import LANGS, M
from orgspec.model.idnames import said_name_id
from orgspec.model.org import ENTITY_KINDS, Org, node_key
from orgspec.text.spaces import QUOTE_PAIRS, WIDE_SPACE, quotes_around, without_wide_spaces

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
            # the entity said as every message says one, `陳　志明 (chan-chi-ming)`, by the
            # name as written (a reporter's would be the reader's: `Jimmy Chan`)
            yield Issue(M("the name of {kind} {name} holds the space U+{code:04X}: a search "
                          "for {fixed!r} does not find it", kind=_KIND_WORDS[kind],
                          name=said_name_id(_marked(name), ident), code=ord(found.group()),
                          fixed=suggestion),
                        _at(where, name, found.start()), node_key(kind, ident),
                        hint=M("write {fixed!r}", fixed=suggestion))




@check("SC005", local=True)
def quotes_around_name(ctx: RuleContext) -> Iterator[Issue]:
    """A name or title wholly inside IME quotes (`“Returns Cell”`, `「退货组」`, `＂客服部＂`),
    which YAML keeps as part of it: an entity's `name`, `title` and `names`, a key result's
    `title`, a process step's `name` and `names`, a KPI's `title`. Quotes inside a name
    (`“双11”大促复盘会`) are its own."""
    org = ctx.org
    for kind in ENTITY_KINDS:
        for ident, entity in org.table(kind).items():
            for path, text in _titles(entity, quoted=True):
                if (pair := quotes_around(text.strip())) is None:
                    continue
                origin = org.origin(kind, ident)
                bare = text.strip()[1:-1].strip()
                fixed = _yaml_scalar(bare)
                if isinstance(origin.fmap.node((*origin.path, *path[:-1])), str):
                    # a KPI written as a bare sentence (`- 「可用率 99.9%」`)
                    where, hint = origin.value(*path[:-1]), M(
                        "write the item as `- {fixed}` (quote a value with ASCII `\"` or `'` "
                        "only)", fixed=fixed)
                else:
                    where, hint = origin.value(*path), M(
                        "write `{field}: {fixed}` (quote a value with ASCII `\"` or `'` "
                        "only)", field=path[-1], fixed=fixed)
                yield Issue(_said(kind, ident, entity, path, text.strip(), pair, bare), where,
                            node_key(kind, ident), hint=hint)


# the fields that hold a name or title, as the model names them and as YAML writes them
_NAME_FIELDS = (("name", "name"), ("title", "title"))
_NAMES = (("en", "en"), ("zh", "zh"), ("zh_Hant", "zh-Hant"))


def _titles(entity: object, quoted: bool = False) -> list[tuple[tuple[str | int, ...], str]]:
    """Each name or title of `entity` and of its key results, steps and KPIs: (its path
    below the entity as written, its text); `quoted`: only those whose first character but
    blanks is a quote (`quotes_around` judges no other: most entities have none, and SC005
    then makes no path for them: 0.33 s CPU at 5,000 teams, ~0.1 s of it paths)."""
    own, parts = _fields(type(entity))
    starts = _QUOTE_STARTS if quoted else None
    found = _own(entity, (), own, starts)
    for field in parts:
        for i, part in enumerate(getattr(entity, field, None) or ()):
            found.extend(_own(part, (field, i), _fields(type(part))[0], starts))
    return found


# the characters a name wholly inside quotes starts with (`spaces.QUOTE_PAIRS`)
_QUOTE_STARTS = frozenset("".join(QUOTE_PAIRS))


def _own(item: object, at: tuple[str | int, ...], attrs: tuple[str, ...],
         starts: frozenset[str] | None = None) -> list[tuple[tuple[str | int, ...], str]]:
    found = []
    for attr, written in _NAME_FIELDS:
        if attr in attrs and isinstance(text := getattr(item, attr, None), str) and \
                (starts is None or text.lstrip()[:1] in starts):
            found.append(((*at, written), text))
    names = getattr(item, "names", None) if "names" in attrs else None
    for attr, written in _NAMES if names is not None else ():
        if isinstance(text := getattr(names, attr, None), str) and \
                (starts is None or text.lstrip()[:1] in starts):
            found.append(((*at, "names", written), text))
    return found


_ATTRS = ("name", "title", "names")
_PARTS = ("key_results", "steps", "kpis")
_FIELDS: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _fields(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The name fields (`name`, `title`, `names`) and the part lists (`key_results`, `steps`,
    `kpis`) an instance of `cls` can have: for a model that forbids extra fields, those
    among its fields and class attributes (a `getattr` of another name goes through
    pydantic's `__getattr__` to an AttributeError, ~3 us: SC005 took 0.47 s CPU at 500
    teams asking each entity for the fields it has not); for any other class, all."""
    found = _FIELDS.get(cls)
    if found is None:
        fields = getattr(cls, "__pydantic_fields__", None)
        config = getattr(cls, "model_config", None)
        if isinstance(fields, dict) and isinstance(config, dict) and \
                config.get("extra") == "forbid":
            found = (tuple(a for a in _ATTRS if a in fields or hasattr(cls, a)),
                     tuple(a for a in _PARTS if a in fields or hasattr(cls, a)))
        else:
            found = (_ATTRS, _PARTS)
        _FIELDS[cls] = found
    return found


def _said(kind: str, ident: str, entity: object, path: tuple[str | int, ...], text: str,
          pair: str, bare: str) -> M:
    """SC005's message: the entity's `name` as before, any other field with its path; the
    entity said `name (id)` as elsewhere (trial 36), by the name meant when its `name` is
    the one in quotes."""
    said = _name_id(entity, ident, kind, bare if path == ("name",) else None)
    if path == ("name",):
        return M("name {name} of {kind} {entity} is inside the quotes {quotes}, which YAML "
                 "keeps as part of the name: a search for {bare!r} does not find it", name=text,
                 kind=_KIND_WORDS[kind], entity=said, quotes=pair, bare=bare)
    field = ".".join(str(p) for p in path if isinstance(p, str) and p not in _PARTS)
    if len(path) > 1 and isinstance(path[1], int):
        part = getattr(entity, str(path[0]))[path[1]]
        part_id = getattr(part, "id", None)
        if path[0] == "key_results":
            return M("`{field}` {name} of key result {part!r} of objective {entity} is "
                     "inside the quotes {quotes}, which YAML keeps as part of it: a search "
                     "for {bare!r} does not find it", field=field, name=text, part=part_id,
                     entity=said, quotes=pair, bare=bare)
        if path[0] == "steps":
            return M("`{field}` {name} of step {part!r} of process {entity} is inside the "
                     "quotes {quotes}, which YAML keeps as part of it: a search for {bare!r} "
                     "does not find it", field=field, name=text, part=part_id, entity=said,
                     quotes=pair, bare=bare)
        return M("`{field}` {name} of a KPI of position {entity} is inside the quotes "
                 "{quotes}, which YAML keeps as part of it: a search for {bare!r} does not "
                 "find it", field=field, name=text, entity=said, quotes=pair, bare=bare)
    return M("`{field}` {name} of {kind} {entity} is inside the quotes {quotes}, which YAML "
             "keeps as part of it: a search for {bare!r} does not find it", field=field,
             name=text, kind=_KIND_WORDS[kind], entity=said, quotes=pair, bare=bare)


def _name_id(entity: object, ident: str, kind: str, name: str | None) -> str:
    """`name (id)` of `entity` (its `name`, an objective's `title`, without quotes around
    it), or `'id'` when it has none."""
    if name is None:
        written = getattr(entity, "title" if kind == "Objective" else "name", None)
        if isinstance(written, str) and written.strip():
            name = written.strip()
            pair = quotes_around(name)
            name = name[1:-1].strip() if pair is not None else name
    return said_name_id(name, ident) if name else repr(ident)


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
    运营部 and 運營部 are one name), or in a department's words as Taiwan and Hong Kong
    write them (`fold_team_name`: 營運部 is 运营部), with that one as related location: the
    team with the most members (then the first written) is taken as the one meant. Names
    are quoted as each team writes its own. A reader of one language sees a team's `names` for it
    (`names: {en: Ops}`): two teams shown under one name to that reader are two of one
    name too, reported at the name that reader sees; a team once, at its first such name
    (written, then en, zh, zh-Hant). O(teams)."""
    from orgspec.findings import Related
    from orgspec.model.names import said
    from orgspec.text.fold import fold_name, fold_team_name
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
                by_name.setdefault((lang, fold_team_name(name)), []).append(ident)
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
            if fold_name(name) != fold_name(first_name):  # 營運部 beside 运营部
                yield Issue(M("team {id!r} is named {name}, which is {other_name} of team "
                              "{other!r} in other words: two teams of one name", id=ident,
                              name=name, other_name=first_name, other=first),
                            at, node_key("Team", ident),
                            related=(Related(first_at, M("team {id!r} is named {name} here",
                                                         id=first, name=first_name)),),
                            hint=_merge_hint(ident, first,
                                             ident in org.teams[first].aliases),
                            teams=(ident, first))
                continue
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


def _merge_hint(copy: str, first: str, aliased: bool) -> M:
    """RF008's hint for team `copy` named as team `first` in other words: delete the copy
    and keep its id in `first`'s `aliases` (an alias that is still another team's id names
    that team, RF006); `aliased`: `first` keeps it already, so the deletion is what is
    left."""
    if aliased:
        return M("if both are one team, delete team {id!r}: {other!r} keeps {id!r} in its "
                 "`aliases` already, so references to {id!r} then name {other!r}; else give "
                 "each a name of its own and take {id!r} out of those `aliases`", id=copy,
                 other=first)
    # the id to write in code (`alias`), in prose said as every id of a hint is
    # (`營運部 (ops-tw)`: `report.idnames`)
    return M("if both are one team, delete team {id!r} and write `aliases: [{alias}]` under "
             "the `id` of {other!r} (references to {id!r} then still work); else give each a "
             "name of its own", id=copy, alias=copy, other=first)


@check("RF009", graph=False, kinds=("Person",), text=(), names=("Person",))
def person_written_twice(ctx: RuleContext) -> Iterator[Issue]:
    """Yield RF009 at the `name` of each person whose name is another person's written
    another way: in the other script (陳雅婷 beside 陈雅婷), in full-width letters, or
    with other blanks (`text.fold.fold_name`); a person once. Namesakes written alike (张伟
    twice) are two people, unless their `email` is one (the same person entered twice, trial
    30b), as are two whose `email`s differ. Of each such group, the one meant (named as
    related location) is the one written in the org's script (as its people's names
    are), else the first by file and line; the finding is at the copy. Which one a
    reference names, and what git `HEAD` holds, may turn it round (`engine.twiceperson`,
    `ci.headcopy`: trial 31, it was at the original, chosen by file path). O(people)."""
    from orgspec.engine.twiceperson import added, copy_hint
    from orgspec.findings import Related
    from orgspec.text.fold import fold_name

    org = ctx.org
    by_name: dict[str, list[str]] = {}
    for ident, person in org.people.items():
        if isinstance(person.name, str) and person.name.strip():
            by_name.setdefault(fold_name(person.name), []).append(ident)
    groups = [idents for idents in by_name.values()
              if len(idents) > 1 and not (len({str(org.people[i].name).strip()
                                                 for i in idents}) < 2 and
                                            len({_mail(org.people[i].email) for i in idents})
                                            == len(idents))]
    if not groups:
        return
    # located and ranked only here, for the few names two people share
    lean = _org_lean(org, {i for idents in groups for i in idents})
    for idents in groups:
        at = {i: org.origin("Person", i).value("name") for i in idents}
        ordered = sorted(idents, key=lambda i: (
            _off_script(str(org.people[i].name), lean),
            at[i].file, at[i].line, at[i].col, i))
        first = ordered[0]
        first_name = str(org.people[first].name).strip()
        for ident in ordered[1:]:
            name = str(org.people[ident].name).strip()
            mail = _mail(org.people[ident].email)
            if name == first_name:
                if not mail or mail != _mail(org.people[first].email):
                    continue  # namesakes
                said = M("person {id!r} has the name {name} and the email {email} of person "
                         "{other!r}: one person entered twice?", id=ident, name=name,
                         email=str(org.people[ident].email).strip(), other=first)
            elif _told_apart(org.people[ident].email, org.people[first].email):
                continue
            else:
                said = M("person {id!r} is named {name}, which is {other_name} of person "
                         "{other!r} written another way: one person entered twice?",
                         id=ident, name=name, other_name=first_name, other=first)
            yield Issue(said,
                        at[ident], node_key("Person", ident),
                        related=(Related(at[first], M("person {id!r} is named {name} here",
                                                      id=first, name=first_name)),),
                        hint=copy_hint(ident, first, False, False,
                                       adds=added(org, ident, first),
                                       kept_adds=added(org, first, ident)))


def _org_lean(org: Org, but: set[str]) -> int:
    """Which script the org's people are named in, but the people `but`: > 0 Traditional,
    < 0 Simplified, 0 neither tells (RF009 reads no other names)."""
    names = [str(p.name) for i, p in org.people.items() if i not in but and
             isinstance(p.name, str)]
    return _lean("".join(names)[:20_000])  # as `i18n.content_lang` samples an org


def _off_script(name: str, lean: int) -> bool:
    """Whether `name` leans to the other script than the org (`_org_lean`)."""
    own = _lean(name)
    return bool(lean and own) and (own > 0) != (lean > 0)


def _lean(text: str) -> int:
    """Traditional-only characters of `text` less Simplified-only ones (a character
    OpenCC folds is Traditional; one GB2312 has and Big5 has not, Simplified)."""
    from orgspec.han import han_char
    from orgspec.text.script import to_simplified

    chars = han_char().findall(text)
    if not chars:
        return 0
    folded = to_simplified("".join(chars))
    return sum(1 if c != f else -1 if _simplified_only(c) else 0
               for c, f in zip(chars, folded, strict=True))


def _simplified_only(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    try:
        char.encode("big5")
    except UnicodeEncodeError:
        return True
    return False


def _mail(email: object) -> str:
    """A person's `email` as compared: blanks aside, case folded ("" when none)."""
    return email.strip().casefold() if isinstance(email, str) else ""


def _told_apart(one: object, other: object) -> bool:
    """Whether two people's `email`s say they are two: both given, and not the same."""
    return isinstance(one, str) and isinstance(other, str) and bool(one.strip()) and \
        bool(other.strip()) and one.strip().casefold() != other.strip().casefold()


def _renamed(name: str) -> str:
    """`name` with a second team's suffix written in the name's own script (运营部（二组）,
    運營部（二組）, Customer Service (Team 2)), so the example never mixes scripts; a
    number, not a region, which would be a mainland one to a reader in Taiwan."""
    from orgspec.han import han_char
    from orgspec.text.script import to_simplified

    if not han_char().search(name):
        return f"{name} (Team 2)"
    return name + ("（二组）" if to_simplified(name) == name else "（二組）")
