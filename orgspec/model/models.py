"""The org format v1 as pydantic models: Team, Person, Responsibility, Objective, Process,
Role (a position) and Meeting (a recurring coordination mechanism).

The loader hands these plain strings (never YAML-guessed types), so numbers and dates are
typed here. Unknown keys are errors; references are plain ids checked later.
"""

# No `from __future__ import annotations`: pydantic would evaluate each field's annotation
# string (compiling it) as it makes the classes, 1.5-2 ms of every run that imports them.
import contextlib
import copyreg
import datetime as dt
import functools
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import repeat
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import SchemaValidator

from orgspec.i18n import M
from orgspec.lazyre import lazy
from orgspec.load.source import without_hidden
from orgspec.text.slug import ID_PATTERN as ID_PATTERN  # its home; re-exported

_ID = lazy(ID_PATTERN)
KINDS = ("Team", "Person", "Responsibility", "Objective", "Process", "Role", "Meeting")
# Other names of a kind, as written in `kind:` (岗位 is a position; the model calls it Role).
KIND_ALIASES = {"Position": "Role"}
ROLES = ("accountable", "responsible", "consulted", "informed")


def _unhidden(value: Any) -> Any:
    """A matched value (an id, a reference, a zone) without the hidden characters the
    loader reported (IN003), so that they make no second finding (`load.source`)."""
    return without_hidden(value) if isinstance(value, str) else value


Unhidden = BeforeValidator(_unhidden)


# `clean_validator`s by model: those read back from the cache (`engine.validators`), which
# it takes rather than build one, and those it built in this process
KEPT_VALIDATORS: dict[type[BaseModel], SchemaValidator] = {}
BUILT_VALIDATORS: dict[type[BaseModel], SchemaValidator] = {}


@functools.cache
def clean_validator(model: type[BaseModel]) -> SchemaValidator:
    """`model`'s validator without `Unhidden`: for the data of a file in which no value
    holds a hidden character (`load.yamlevents.Parsed.hidden` is false), where it would
    change nothing. Validates to `model`'s instances, with the same errors; the Python call
    per id and reference cost about 0.5 us, 0.2-0.3 s of `validate` on 5,000 teams.
    One in `KEPT_VALIDATORS` is taken as it is (the same core schema and config)."""
    kept = KEPT_VALIDATORS.get(model)
    if kept is not None:
        return kept
    BUILT_VALIDATORS[model] = built = _clean_validator(model)
    return built


def _clean_validator(model: type[BaseModel]) -> SchemaValidator:
    def without(node: Any) -> Any:
        if isinstance(node, dict):
            if node.get("type") == "function-before" and \
                    node["function"].get("function") is _unhidden:
                return without(node["schema"])
            return {k: without(v) for k, v in node.items()}
        if isinstance(node, list):
            return [without(v) for v in node]
        return node

    model.model_rebuild()  # its schema built now (`defer_build`), when not yet
    schema = without(model.__pydantic_core_schema__)
    # pydantic-core would reuse the validator a complete model class holds for a `model`
    # schema of that class (its "prebuilt" one, with `Unhidden`): each is marked incomplete
    # while this one is built, then as it was (a class not built yet, `defer_build`, is not)
    models = [node for node in _nodes(schema) if node.get("type") == "model"]
    classes = {node["cls"]: node["cls"].__pydantic_complete__ for node in models}
    config = next(node for node in models if node["cls"] is model).get("config")
    for cls in classes:
        type.__setattr__(cls, "__pydantic_complete__", False)
    try:
        return SchemaValidator(schema, config)
    finally:
        for cls, complete in classes.items():
            type.__setattr__(cls, "__pydantic_complete__", complete)


def _nodes(schema: Any) -> Iterator[dict[str, Any]]:
    """Every mapping in a core schema, outermost first."""
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from _nodes(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _nodes(value)


Id = Annotated[str, Field(pattern=ID_PATTERN, description="Lowercase slug, unique per kind."),
               Unhidden]
Ref = Annotated[str, Field(min_length=1, max_length=100, description="The id of another entity."),
                Unhidden]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(max_length=10_000)]


def _one_or_many(value: Any) -> Any:
    """Let a list field be written as a single value: `next: review`."""
    return [value] if isinstance(value, str) else value


def _ref_shorthand(value: Any) -> Any:
    """A charter entry may be a bare responsibility id."""
    return {"ref": value} if isinstance(value, str) else value


# YAML reads yes/no/on/off as booleans; a Chinese team writes 是/否 (or 是/否 in quotes).
_YES_NO = {"是": True, "否": False, "是的": True, "不是": False, "对": True, "對": True,
           "真": True, "假": False, "开": True, "開": True, "关": False, "關": False,
           "需要": True, "不需要": False, "要": True, "不要": False, "必须": True, "必須": True,
           "不用": False}


def _yes_no(value: Any) -> Any:
    return _YES_NO.get(value.strip(), value) if isinstance(value, str) else value


YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": sorted(_YES_NO)}]}),
]
RefList = Annotated[
    list[Ref],
    BeforeValidator(_one_or_many, json_schema_input_type=Ref | list[Ref]),
    Field(max_length=1000),
]
Aliases = Annotated[
    list[Id],
    BeforeValidator(_one_or_many, json_schema_input_type=Id | list[Id]),
    Field(max_length=100, description="Former ids: the handbook site keeps their links working."),
]
# Quantities keep the text the user wrote ("1.2M", "120万", "99.95%"); the OKR rules parse it.
Quantity = Annotated[
    str,
    Field(max_length=200),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "maxLength": 200}]}),
]

PERIOD_PATTERN = r"^[1-9]\d{3}(-(Q[1-4]|H[12]))?$"  # years 1000-9999: a date has no year 0
# `period: 2026` is an integer to an editor's YAML parser, so the schema allows one.
Period = Annotated[
    str,
    Field(pattern=PERIOD_PATTERN),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1000, "maximum": 9999},
                              {"type": "string", "pattern": PERIOD_PATTERN}]}),
]


class Strict(BaseModel):
    """Base for every model: unknown keys forbidden, no NaN or Infinity."""

    # `defer_build`: a class's schema and validators are built at its first validation,
    # not at import: a process that only reads models (revived from the cache:
    # `engine.warm`'s prose edits) imports them ~0.05-0.07 s CPU cheaper
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, str_max_length=10_000,
                              frozen=True, defer_build=True)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (for the cache) as what pydantic's own `__getstate__` keeps, read back
        by `_revive` as pydantic's `__setstate__` sets it, without a state mapping or a
        method call per model: reading 500 files' models back took 0.25 s, now 0.15 s.
        The cache's keys name the pydantic installed (`load.cache.code_fingerprint`).
        One of `bare`'s models is pickled as an empty instance (its state apart: `Bare`)."""
        if id(self) in _BARE:
            return _NEWOBJ, (type(self),)
        state = self.__getstate__()
        return _revive, (type(self), state["__pydantic_fields_set__"],
                         state["__pydantic_extra__"], state["__pydantic_private__"],
                         state["__dict__"])


_set = object.__setattr__
# pickle writes a reduce to this as its NEWOBJ opcode: `cls.__new__(cls)`, no Python call
_NEWOBJ = copyreg.__newobj__  # type: ignore[attr-defined]


def _revive(cls: type[Strict], fields_set: set[str], extra: dict[str, Any] | None,
            private: dict[str, Any] | None, values: dict[str, Any]) -> Strict:
    """A model as pickled by `Strict.__reduce__` (the attributes in `__setstate__`'s order)."""
    model = cls.__new__(cls)
    _set(model, "__pydantic_fields_set__", fields_set)
    _set(model, "__pydantic_extra__", extra)
    _set(model, "__pydantic_private__", private)
    _set(model, "__dict__", values)
    return model


# ids of the models a pickle made in `bare` writes as empty instances
_BARE: set[int] = set()


class Bare:
    """The states of models pickled as empty instances (`bare`), set back by `fill`: the
    kept org's ~32,000 models at 500 teams are read back without a Python call each
    (`_revive`), ~8 % less time to read the org (`engine.keptorg`). Three lists in step:
    the models, their fields' sets, their `__dict__`s."""

    def __init__(self, models: list[Strict]) -> None:
        self.models = models
        self.sets = [m.__pydantic_fields_set__ for m in models]
        self.values = [m.__dict__ for m in models]

    def fill(self) -> bool:
        """Give each model its state back (once, after unpickling; as `_revive` sets
        it); False when the lists are not in step (the models stay empty: do not use)."""
        models = self.models
        if not len(models) == len(self.sets) == len(self.values):
            return False
        for name, values in (("__pydantic_fields_set__", self.sets),
                             ("__pydantic_extra__", repeat(None)),
                             ("__pydantic_private__", repeat(None)),
                             ("__dict__", self.values)):
            deque(map(_set, models, repeat(name), values), 0)  # a C loop: no call per model
        self.models, self.sets, self.values = [], [], []
        return True


def models_in(values: Iterable[Any]) -> list[Strict]:
    """Every model in `values` and in their fields (in lists, tuples, dicts and models,
    at any depth), each once, and only those whose extra and private state are None (as
    every `Strict` model's are: `extra="forbid"`, no private attributes)."""
    found: dict[int, Strict] = {}
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, Strict):
            if id(value) not in found and value.__pydantic_extra__ is None and \
                    value.__pydantic_private__ is None:
                found[id(value)] = value
                stack.extend(value.__dict__.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
    return list(found.values())


@contextlib.contextmanager
def bare(models: list[Strict]) -> Iterator[Bare]:
    """While inside, `models` pickle as empty instances; pickle the `Bare` given with
    them (after them or not) and `fill` it once read back."""
    _BARE.update(map(id, models))
    try:
        yield Bare(models)
    finally:
        _BARE.clear()


class Names(Strict):
    """An entity's name in the languages orgspec speaks, beside its `name` (an objective's
    `title`): a reader of that language (`--lang en`) sees it in the name's place; a
    language without one sees `name`. `names: {en: Customer Service}`."""

    en: Name | None = None
    zh: Name | None = Field(None, description="Simplified Chinese.")
    zh_Hant: Name | None = Field(None, alias="zh-Hant", description="Traditional Chinese.")

    def said(self, lang: str) -> str | None:
        """The name for a reader of `lang` (`en`, `zh`, `zh-Hant`); None when not given."""
        value: str | None = self.zh_Hant if lang == "zh-Hant" else getattr(self, lang, None)
        return value

    def every(self) -> list[str]:
        """Every name given, in LANGS order (`en`, `zh`, `zh-Hant`)."""
        return [v for v in (self.en, self.zh, self.zh_Hant) if v]


NamesField = Annotated[Names | None, Field(
    description="The name in other languages, shown to a reader of that language: "
                      "`{en: Customer Service, zh-Hant: 客服部}`.")]


class CharterItem(Strict):
    """One line of a team's charter: a claim on a duty, or a duty defined inline."""

    ref: Ref | None = Field(None, description="A Responsibility id this team claims.")
    id: Id | None = Field(None, description="Define a Responsibility inline with this id.")
    role: Literal["accountable", "responsible", "consulted", "informed"] = "accountable"
    description: Text | None = None
    name: Name | None = None
    names: NamesField = None

    @model_validator(mode="after")
    def _ref_or_id(self) -> "CharterItem":
        if (self.ref is None) == (self.id is None):
            raise ValueError(M("give either `ref` (claim a duty) or `id` (define one "
                               "inline)"))
        return self


CharterEntry = Annotated[
    CharterItem, BeforeValidator(_ref_shorthand, json_schema_input_type=Ref | CharterItem)
]


class Team(Strict):
    """A team: its place in the tree, its people and its charter."""

    kind: Literal["Team"]
    id: Id
    aliases: Aliases = Field(default_factory=list)
    name: Name | None = None
    names: NamesField = None
    parent: Ref | None = Field(None, description="Parent Team id; root teams have none.")
    lead: Ref | None = Field(None, description="Person id of the team lead.")
    members: RefList = Field(default_factory=list)
    mission: Text | None = None
    description: Text | None = None
    children: RefList | None = Field(None, description="Child Team ids, if declared here too.")
    responsibilities: list[CharterEntry] = Field(default_factory=list, max_length=1000)
    channels: RefList = Field(default_factory=list,
                              description="Where the team talks: 钉钉群, Slack, email list.")
    trackers: RefList = Field(default_factory=list,
                              description="Where its work is tracked: Jira, Trello...")


class Person(Strict):
    """A person; team membership is declared on the team, positions on the Role or here."""

    kind: Literal["Person"]
    id: Id
    aliases: Aliases = Field(default_factory=list)
    name: Name | None = None
    names: NamesField = None
    title: Name | None = None
    # an IME's full-width `＠` and dots (`．`, `。`) too: SC003 says the address to write
    email: Annotated[str, Field(max_length=254, pattern=r"^[^@\s＠．。]+@[^@\s＠．。]+$")] | \
        None = None
    roles: RefList = Field(default_factory=list,
                           description="Role (position) ids this person holds.")
    manager: Ref | None = Field(None, description="Person id of the one this person reports "
                                "to (their line manager, 直属上级).")


class Responsibility(Strict):
    """A duty, with its RACI owners (team or person ids)."""

    kind: Literal["Responsibility"]
    id: Id
    aliases: Aliases = Field(default_factory=list)
    name: Name | None = None
    names: NamesField = None
    description: Text | None = None
    accountable: RefList = Field(default_factory=list, description="Exactly one is expected.")
    responsible: RefList = Field(default_factory=list)
    consulted: RefList = Field(default_factory=list)
    informed: RefList = Field(default_factory=list)


class KeyResult(Strict):
    """A key result: structured fields, or a measurable sentence in `title`."""

    id: Id
    title: Text
    metric: Name | None = None
    baseline: Quantity | None = None
    target: Quantity | None = None
    current: Quantity | None = None
    unit: Name | None = None
    direction: Literal["increase", "decrease", "maintain"] | None = None
    due: dt.date | None = None
    owner: Ref | None = None


class Objective(Strict):
    """An objective for a period, owned by a team, with its key results."""

    kind: Literal["Objective"]
    id: Id
    aliases: Aliases = Field(default_factory=list)
    title: Text
    names: NamesField = None
    description: Text | None = None
    owner: Ref | None = None
    period: Period | None = Field(None, description="2026, 2026-H2 or 2026-Q1; or start and end.")
    start: dt.date | None = None
    end: dt.date | None = None
    aligns_to: Ref | None = Field(None, description="The parent Objective id.")
    key_results: list[KeyResult] = Field(default_factory=list, max_length=1000)


class Step(Strict):
    """One step of a process: who does it, who tracks it, where it goes next."""

    id: Id
    name: Name | None = None
    names: NamesField = None
    description: Text | None = None
    owner: Ref | None = None
    tracker: Ref | None = Field(None, description="Who tracks the step, if not the doer.")
    sla: Annotated[str, Field(max_length=50)] | None = Field(None, description="2h, 30m, 1d, 2小时")
    next: RefList = Field(default_factory=list, description="Step ids that follow this one.")


class Process(Strict):
    """A process: its owner, the duty it serves and its steps as a flow."""

    kind: Literal["Process"]
    id: Id
    aliases: Aliases = Field(default_factory=list)
    name: Name | None = None
    names: NamesField = None
    description: Text | None = None
    owner: Ref | None = None
    responsibility: Ref | None = Field(None, description="The Responsibility it serves.")
    require_tracker: YesNo = False
    channels: RefList = Field(default_factory=list, description="Where hand-offs are talked over.")
    trackers: RefList = Field(default_factory=list, description="Where the work is tracked.")
    steps: list[Step] = Field(default_factory=list, max_length=20_000)


class RoleDuty(CharterItem):
    """One duty of a position: a claim on a Responsibility, or one defined inline. The role
    defaults to `responsible`: the position does the work its team answers for."""

    role: Literal["accountable", "responsible", "consulted", "informed"] = "responsible"


RoleDutyEntry = Annotated[
    RoleDuty, BeforeValidator(_ref_shorthand, json_schema_input_type=Ref | RoleDuty)
]


def _title_shorthand(value: Any) -> Any:
    """A KPI may be a bare sentence: `- 客服响应时间 2 分钟以内`."""
    return {"title": value} if isinstance(value, str) else value


class Kpi(Strict):
    """A position's KPI, written like a key result: structured fields or one sentence."""

    title: Text
    id: Id | None = None
    metric: Name | None = None
    baseline: Quantity | None = None
    target: Quantity | None = None
    unit: Name | None = None
    direction: Literal["increase", "decrease", "maintain"] | None = None
    due: dt.date | None = None


KpiEntry = Annotated[Kpi, BeforeValidator(_title_shorthand, json_schema_input_type=Text | Kpi)]


class Role(Strict):
    """A position (岗位): its team, who holds it, how many seats, its duties and KPIs.

    A holder written `待招聘`, `空缺`, `vacant`, `TBD` (or any placeholder) is an open seat;
    so is every seat of `headcount` beyond the holders named."""

    kind: Literal["Role", "Position"] = Field(
        description="`Position` is another name of `Role`.")
    id: Id
    aliases: Aliases = Field(default_factory=list)
    name: Name | None = None
    names: NamesField = None
    description: Text | None = None
    team: Ref | None = Field(None, description="The Team the position belongs to.")
    holders: RefList = Field(default_factory=list, description="Person ids, or 待招聘/vacant.")
    headcount: Annotated[int, Field(ge=0, le=100_000)] | None = Field(
        None, description="Planned seats; defaults to the number of holders (at least 1).")
    duties: list[RoleDutyEntry] = Field(default_factory=list, max_length=1000)
    kpis: list[KpiEntry] = Field(default_factory=list, max_length=1000)


class Meeting(Strict):
    """A recurring meeting or report (晨会, 周例会, weekly report): who runs it, who attends."""

    kind: Literal["Meeting"]
    id: Id
    aliases: Aliases = Field(default_factory=list)
    name: Name | None = None
    names: NamesField = None
    cadence: Annotated[str, Field(max_length=50), Unhidden] | None = Field(
        None, description="daily, weekly, biweekly, monthly, quarterly, half-yearly or "
                          "yearly (每日/每周/双周/每月/每季度/每半年/每年); weekdays and a time "
                          "may follow: 每周一 10:00, Mon-Fri 9:30; a day of the month or "
                          "period: 每月15日, 每月第一个周一, 每季度末 (每月初一 is the 1st); a "
                          "date or festival of the year, or some time before it: 每年3月1日, "
                          "每年双十一前两周, 每年春节前; a lunar day: 每逢农历十五, "
                          "每年农历正月初八. A time range keeps its end (9:00-9:15) and a "
                          "time zone may follow the time: 8:00 PT, 北京时间 10:00, UTC+8.")
    timezone: Annotated[str, Field(max_length=64), Unhidden] | None = Field(
        None, description="The time zone its cadence's time is in: an IANA name "
                          "(America/Los_Angeles, Asia/Shanghai, Asia/Singapore), UTC+8, or "
                          "PT, ET, 北京时间, 美西时间. Default: the config's `timezone`.")
    owner: Ref | None = Field(None, description="The Team, Role or Person who chairs it.")
    attendees: RefList = Field(default_factory=list, description="Team, Role or Person ids.")
    purpose: Text | None = None
    inputs: RefList = Field(default_factory=list, description="What it takes in, e.g. 周报.")
    outputs: RefList = Field(default_factory=list, description="What it produces.")
    channel: Name | None = Field(None, description="Where it happens: 会议室, 钉钉, Zoom.")


MODELS: dict[str, type[Strict]] = {
    "Team": Team, "Person": Person, "Responsibility": Responsibility,
    "Objective": Objective, "Process": Process, "Role": Role, "Meeting": Meeting,
}

# Written where an owner is not yet known; the ownership rules report them as gaps,
# so the reference check must not call them unknown ids.
# In the order written: the rule docs list them so (`report.ruleswords`).
PLACEHOLDER_WORDS = ("tbd", "tba", "tbc", "todo", "none", "n/a", "na", "null", "?", "-",
                     "unknown", "待定", "未定", "暂无", "无", "待分配", "暫無", "無", "暂定",
                     "暫定", "待确认", "待確認", "待定中", "待安排", "待指派", "未分配")
PLACEHOLDERS = frozenset(PLACEHOLDER_WORDS)


def is_placeholder(value: str | None) -> bool:
    """True for an owner written as `TBD`, `待定`, `none`, `n/a` and the like."""
    return value is not None and value.strip().casefold() in PLACEHOLDERS


# A position's holder written as one of these is an open seat, not an unknown id.
VACANT_WORDS = (
    "vacant", "open", "hiring", "recruiting", "open seat", "opening", "to be hired",
    "待招聘", "空缺", "招聘中", "缺编", "待招", "空缺中", "出缺", "待補", "待招募", "空缺職位",
    "招募中", "待聘", "徵才中", "征才中", "徵人中", "征人中", "招人中", "缺編", "空缺职位",
    "待补", "職缺", "职缺", "開缺", "开缺", "待聘用")
VACANT = PLACEHOLDERS | frozenset(VACANT_WORDS)


def is_vacant(value: str) -> bool:
    """True for a holder written as `待招聘`, `空缺`, `vacant`, `TBD` and the like."""
    return value.strip().casefold() in VACANT


def is_open_seat(value: str | None) -> bool:
    """True for a value written as an open seat (`待招聘`, `空缺`, `vacant`), not as an
    owner not yet decided (`待定`, `TBD`: `is_placeholder`)."""
    return value is not None and not is_placeholder(value) and is_vacant(value)


# Open-seat words that are also ids an org plausibly gives a team (a recruiting team
# `recruiting`): an owner field may name a team, so there they are read as ids (RF001 says
# so when none has it) and only the unmistakable words are an open seat.
ID_LIKE_SEATS = frozenset(("open", "hiring", "recruiting", "opening"))


def seat_word_is_id(value: str, defined: Callable[[str], bool]) -> bool:
    """Whether open-seat word `value` (`is_vacant`) names an id all the same: `defined` (is
    this an id of the org?) holds it as written, or in lower case where it is one of
    `ID_LIKE_SEATS` (`RECRUITING` beside a team `recruiting`: ids are case-sensitive, so it
    is that id mistyped, and RF001 suggests the id rather than an open seat)."""
    if defined(value):
        return True
    folded = value.strip().casefold()
    return folded != value and folded in ID_LIKE_SEATS and defined(folded)


def is_unowned(value: str | None) -> bool:
    """True where an owner is due and none is named: no value, a placeholder (`待定`) or an
    open-seat word (`待招聘`, `vacant`, not one of `ID_LIKE_SEATS`); the words are read so
    whatever ids the org defines, as in a position's `holders` and a team's `lead` (the
    rule is entity-local)."""
    return value is None or (is_vacant(value)
                             and value.strip().casefold() not in ID_LIKE_SEATS)


def slug_of(written: str) -> str | None:
    """The id `written` (`Xu-Tao`, `Order Platform`) becomes in lowercase with spaces as
    `-`, when that is a valid id; else None (`徐涛`, `a/b`): what a hint can tell the user
    to write."""
    slug = re.sub(r"\s+", "-", written.strip().lower())
    return slug if slug != written and _ID.match(slug) else None
