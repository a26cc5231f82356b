"""Rules: metadata read from the declarative `rules/*.yaml` packs, checks registered by code.

A rule is metadata (stable code, kebab-case name, family, default severity, summary,
rationale, options with defaults) plus a check. The check is a Python function registered
with `@check("OW001")`, or, for simple field checks, a declarative `given`/`then` entry in
a pack. The framework, not the check, stamps code, name and severity on findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgspec.findings import Severity
from orgspec.i18n import M
from orgspec.resources import data_dir
from orgspec.text.lazyre import lazy

if TYPE_CHECKING:
    from orgspec.engine.context import RuleContext
    from orgspec.findings import Issue
    from orgspec.load.cache import Cache

CODE_PATTERN = lazy(r"^[A-Z]{2,4}\d{3}$")
NAME_PATTERN = lazy(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

CheckFunc = Callable[["RuleContext"], Iterable["Issue"]]
CHECKS: dict[str, CheckFunc] = {}
# Checks that never touch the graph; on large orgs they run in a second process.
GRAPH_FREE: set[str] = set()
# Entity-local checks: what they find about an entity depends only on that entity as written
# (its fields and positions), the rule's options and the date, never on another entity; so
# an unchanged file's findings of them can be kept between runs (see `engine.incremental`).
LOCAL: set[str] = set()
# The entity kinds a whole-org check reads ("Team" ...; "" for entities of no known kind),
# when it declares them: its findings are kept between runs while the entities of those
# kinds are written as before (see `engine.incremental`). Undeclared: every kind. A kind
# whose prose the check does not read is "Kind.structure" (see `engine.summary.PROSE`),
# "Kind.named" when it reads only the `name` of it: its findings are then kept while only
# that prose changed (a duty's description reworded).
READS: dict[str, frozenset[str]] = {}
# code -> how many of its findings a check leaves unsaid, rather than holding them back,
# while files fail to load (RF001's typos of ids the failed files define): the summary
# counts them with the held-back findings (`engine.lint._waiting`)
UNSAID: dict[str, Callable[[Any], int]] = {}
# Python modules holding built-in checks, imported when the checks are first needed.
CHECK_MODULES = (
    "orgspec.checks.references", "orgspec.checks.hierarchy", "orgspec.checks.ownership",
    "orgspec.checks.duplicates", "orgspec.checks.processes", "orgspec.checks.okrs",
    "orgspec.checks.positions", "orgspec.checks.meetings", "orgspec.checks.names",
)

# The near-duplicate rule's parts that read no org, only its extracts (`model.extracts`):
# the warm re-check (`engine.warm`) imports this module alone, not the check modules
# (which import the models: pydantic), as `load_checks` imports those, by name.
NEAR_DUPLICATE_PARTS = "orgspec.checks.dutygroups"


def near_duplicate_parts() -> Any:
    """The module of `NEAR_DUPLICATE_PARTS` (`duty_groups`, `duty_issues`)."""
    from importlib import import_module

    return import_module(NEAR_DUPLICATE_PARTS)


@dataclass(frozen=True)
class Option:
    """A rule option: its default and what it does."""

    name: str
    default: Any
    description: str
    maximum: float | None = None  # numbers are at least 0 (counts, shares); some at most this
    # what an option without a default takes (`type:` in the pack): "text" (an id), "date"
    # (YYYY-MM-DD); one with a default takes its default's type
    type: str = "text"


@dataclass(frozen=True)
class RuleMeta:
    """What a rule is: stable code, kebab-case name, family, default severity and its why."""

    code: str
    name: str
    family: str
    severity: Severity
    summary: str
    rationale: str
    options: tuple[Option, ...] = ()
    enabled: bool = True  # on in `recommended`; `strict` turns every rule on
    example: str = "yaml"  # "yaml": rules/examples/NAME/{bad,good}.yaml; "filesystem": tests
    given: str | None = None  # declarative rules: the entity kind they look at
    then: dict[str, Any] = field(default_factory=dict)
    message: str = ""
    # "Kind.field" this rule's check reads (Kind also KeyResult, Step, Charter): a finding
    # is held back when one of them was dropped as invalid (see `holdback`)
    reads: frozenset[str] = frozenset()
    # the entity kinds whose absence a finding asserts (MT004: no meeting, channel or
    # member that brings two teams together): while a file that failed to load may define
    # one of them, the finding is held back (see `holdback`)
    absence: frozenset[str] = frozenset()
    # the lists of words the code reads its docs show, generated from the code's lists:
    # "vacant" (an open seat), "undecided" (an owner not yet decided): `report.ruleswords`
    words: tuple[str, ...] = ()
    # a rule pack's rule: where its `then.options` are written, (key, `file:line:col`), for
    # an error about one met only when the rule runs (`engine.packregex`)
    places: tuple[tuple[str, str], ...] = ()

    def option_defaults(self) -> dict[str, Any]:
        return {o.name: o.default for o in self.options}


def check(code: str, graph: bool = True, local: bool = False,
          kinds: Iterable[str] | None = None, text: Iterable[str] | None = None,
          names: Iterable[str] = (), accountable_only: bool = False
          ) -> Callable[[CheckFunc], CheckFunc]:
    """Register a function as the check of rule `code`; `graph=False` declares that it
    never uses the graph, so it may run beside the graph build; `local=True` that it is
    entity-local (see `LOCAL`; implies `graph=False`); `kinds` the entity kinds it reads,
    if not all; `text` those of them whose prose (names, descriptions, missions, titles:
    `engine.summary.PROSE`) it reads, in its logic, messages or hints, if not all of them,
    and `names` those of the others whose `name` alone it reads (see `READS`);
    `accountable_only` that of a duty's own RACI fields it reads `accountable` alone (its
    prose read too: "Responsibility.owners", `engine.summary.OWNERS`). A
    declaration that says too little gives stale findings: the equality tests of the
    cache (`tests/test_cache.py`) edit every part of an org to catch one."""
    from orgspec.engine.summary import DUTY, KINDS, NAMED, OWNERS, STRUCTURE

    def register(func: CheckFunc) -> CheckFunc:
        CHECKS[code] = func
        if kinds is not None or text is not None or accountable_only:
            read = tuple(kinds) if kinds is not None else ("", *KINDS)
            prose = set(read) if text is None else {"", *text}
            named = set(names)
            if accountable_only and DUTY not in prose:  # no such part: a mistake here
                raise ValueError(f"{code}: accountable_only reads the duties' prose too")
            READS[code] = frozenset(k + OWNERS if accountable_only and k == DUTY
                                    else k if k in prose else k + NAMED if k in named
                                    else k + STRUCTURE for k in read)
        if not graph or local:
            GRAPH_FREE.add(code)
        if local:
            LOCAL.add(code)
        return func

    return register


# the built-in rules as an earlier run kept them (`read_back`)
_KEPT: list[dict[str, RuleMeta]] = []


def read_back(cache: Cache) -> None:
    """Let `registry` take the built-in rules from the cache, where a run that read their
    packs keeps them (once its output is out): reading the packs' YAML cost a warm
    re-check 5 ms CPU at any size, reading them back 0.3 ms. The packs are package data,
    so the code fingerprint every key holds (`load.cache.code_fingerprint`) names them;
    any doubt about the entry is a miss, and the packs are read."""
    from orgspec.load.cache import make_key

    if _KEPT or registry.cache_info().currsize:
        return
    key = make_key("registry", "built-in")
    kept = cache.get("registry", key, dict)
    if kept and all(isinstance(meta, RuleMeta) for meta in kept.values()):
        _KEPT.append(kept)
        return
    import os

    from orgspec.gcpause import after_output

    def keep() -> None:
        if os.path.isdir(cache.own):  # not made again by a late write after a clean
            cache.put("registry", key, registry())

    after_output(keep)


@lru_cache(maxsize=1)
def registry() -> dict[str, RuleMeta]:
    """Every built-in rule by code, in code order."""
    if _KEPT:
        return _KEPT[0]
    rules: dict[str, RuleMeta] = {}
    for pack in sorted(data_dir("rules").glob("*.yaml")):
        for meta in read_pack(pack):
            rules[meta.code] = meta
    return dict(sorted(rules.items()))


@lru_cache(maxsize=1)
def family_titles() -> dict[str, str]:
    """The built-in families' titles (`okrs` -> `OKRs`), English msgids of the catalogs."""
    titles: dict[str, str] = {}
    for pack in sorted(data_dir("rules").glob("*.yaml")):
        doc = _load_yaml(pack.read_text("utf-8"))
        if isinstance(doc, dict) and doc.get("family") and doc.get("title"):
            titles[str(doc["family"])] = str(doc["title"])
    return titles


def _load_yaml(text: str) -> Any:
    """`text` loaded by PyYAML's (C) safe loader: rule packs are trusted package data.
    PyYAML is imported here: a check whose result is cached reads no pack."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def read_pack(path: Path) -> list[RuleMeta]:
    """The rules of one pack file (a built-in one, or a user's rule pack). Raises ValueError
    for a file that is not a mapping with a `rules` list of mappings, KeyError for a rule
    without a required key, OSError and yaml.YAMLError as reading gives them."""
    doc: Any = _load_yaml(path.read_text("utf-8"))
    if not isinstance(doc, dict) or not isinstance(doc.get("rules", []), list) or \
            not all(isinstance(item, dict) for item in doc.get("rules", [])):
        raise ValueError("not a rule pack: expected a mapping with a `rules:` list of rules")
    return [_meta(item, doc.get("family", "custom")) for item in doc.get("rules", [])]


def _meta(item: dict[str, Any], family: str) -> RuleMeta:
    options = tuple(Option(name, spec.get("default"), spec.get("description", ""),
                           spec.get("maximum"), str(spec.get("type") or "text"))
                    for name, spec in (item.get("options") or {}).items())
    return RuleMeta(
        code=item["code"], name=item["name"], family=item.get("family", family),
        severity=Severity.parse(item["severity"]), summary=item["summary"],
        rationale=item["rationale"], options=options, enabled=item.get("enabled", True),
        example=item.get("example", "yaml"), given=item.get("given"),
        then=item.get("then") or {}, message=item.get("message", ""),
        reads=frozenset(item.get("reads") or ()) | given_reads(item),
        absence=frozenset(item.get("absence") or ()),
        words=tuple(w for w in item.get("words") or () if isinstance(w, str))
        if isinstance(item.get("words"), list) else (),
    )


def given_reads(item: dict[str, Any]) -> frozenset[str]:
    """`{"Kind.field"}` a declarative rule (`given`, `then.field`) reads; else empty."""
    then = item.get("then") or {}
    if isinstance(item.get("given"), str) and isinstance(then, dict) and \
            isinstance(then.get("field"), str):
        return frozenset((f"{item['given']}.{then['field']}",))
    return frozenset()


def rule(code: str) -> RuleMeta:
    """The metadata of one rule; an unknown code is a programming error."""
    return registry()[code]


def by_name_or_code(key: str, rules: dict[str, RuleMeta] | None = None,
                    titles: bool = False) -> RuleMeta | None:
    """Look a rule up by code (any case) or kebab-case name; with `titles`, also by its title
    as `orgspec rules` shows it in any language (职责重叠, 職責重疊, Responsibility overlap:
    script, case and blanks aside), as a reader copies it from a list or a page."""
    rules = rules if rules is not None else registry()
    if key.upper() in rules:
        return rules[key.upper()]
    found = next((m for m in rules.values() if m.name == key), None)
    if found is not None or not titles:
        return found
    from orgspec.i18n import rule_heading, rule_title
    from orgspec.text.script import to_simplified

    def folded(text: str) -> str:
        return "-".join(to_simplified(text).casefold().replace("_", " ").split())

    want = folded(key)
    return next((m for m in rules.values()
                 if want in {folded(m.name), folded(rule_heading(m.name, "en")),
                             folded(rule_title(m.name, "zh")),
                             folded(rule_title(m.name, "zh-Hant"))}), None)


def guess_rule(text: str, rules: dict[str, RuleMeta] | None = None,
               families: bool = False) -> M:
    """` (did you mean 'OK004'?)` for a mistyped code or name, names that hold a mistyped word
    (`overlapp` -> responsibility-overlap), else a pointer to `orgspec rules`; never the
    whole list."""
    rules = rules if rules is not None else registry()
    key = text.strip()
    pool = sorted(rules) if key[:2].isalpha() and any(c.isdigit() for c in key) else []
    names = sorted({m.name for m in rules.values()} |
                   ({m.family for m in rules.values()} if families else set()))
    from orgspec.text.suggest import closest

    one = closest(key.upper(), pool) or closest(key.lower(), names)
    close = [one] if one else []
    if not close:
        word = closest(key.lower(), {w for n in names for w in n.split("-")}, 0.75)
        close = [n for n in names if word and word in n.split("-")][:3]
    if not close:
        return M(" (`orgspec rules` lists them)")
    return M(" (did you mean {names}?)", names=either([repr(c) for c in close]))


def either(items: list[str]) -> str:
    """`'a'`, `'a' or 'b'`, `'a', 'b' or 'c'` (as an `M` when there are several)."""
    if len(items) == 1:
        return items[0]
    return M("{some} or {last}", some=items[:-1], last=items[-1])


def load_checks() -> dict[str, CheckFunc]:
    """Import the built-in check modules (once) and return the checks by code."""
    from importlib import import_module

    for module in CHECK_MODULES:
        import_module(module)
    return CHECKS
