"""Which rules run, at which severity, with which options: the config resolved against the rules."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from orgspec.engine.registry import (
    RuleMeta,
    guess_rule,
    registry,
)
from orgspec.findings import Severity
from orgspec.i18n import M
from orgspec.load.config import Config, ConfigError, Selector, did_you_mean
from orgspec.load.discovery import matches


@dataclass
class Plan:
    """The effective rule set of a run."""

    rules: dict[str, RuleMeta]
    severity: dict[str, Severity]  # enabled code -> effective severity
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_file: list[tuple[str, frozenset[str]]] = field(default_factory=list)

    def ignored_in(self, code: str, rel_path: str) -> bool:
        """True when a per-file-ignores glob switches `code` off for this file."""
        return any(code in codes and matches(rel_path, [glob]) for glob, codes in self.per_file)


def make_plan(config: Config | None = None) -> Plan:
    """Resolve presets, selections, overrides, options and rule packs. Raises ConfigError."""
    config = config or Config()
    rules = with_packs(config)
    strict = config.extends == "strict"
    on = {c for c, m in rules.items() if strict or m.enabled}
    if config.select is not None:
        on = _resolve_all(config.select, rules)
    on |= _resolve_all(config.extend_select, rules)
    on -= _resolve_all(config.ignore, rules)
    severity = {c: rules[c].severity for c in on}
    options = {c: m.option_defaults() for c, m in rules.items()}
    for key, setting in config.rules.items():
        meta = _one(Selector(key, setting.where), rules)
        if setting.severity == "off":
            severity.pop(meta.code, None)
        elif setting.severity is not None:
            severity[meta.code] = Severity.parse(setting.severity)
        options[meta.code].update(_options(meta, setting.options, setting.where))
    per_file = [(glob, frozenset(_resolve_all(sels, rules)))
                for glob, sels in config.per_file_ignores.items()]
    return Plan(rules, dict(sorted(severity.items())), options, per_file)


def with_packs(config: Config) -> dict[str, RuleMeta]:
    """The built-in rules and those of the config's rule packs, by code (`orgspec rules` and
    `explain` list a project's own rules too). Raises ConfigError."""
    rules = dict(registry())
    for pack in config.rule_packs:
        rules.update(_pack_rules(pack, rules))
    return rules


def _pack_rules(path: str, known: dict[str, RuleMeta]) -> dict[str, RuleMeta]:
    """The rules of a user's pack, every key checked (`engine.userpack`). Raises ConfigError."""
    from orgspec.engine.userpack import read_user_pack

    return {meta.code: meta for meta in read_user_pack(path, known)}


def _resolve_all(selectors: list[Selector], rules: dict[str, RuleMeta]) -> set[str]:
    out: set[str] = set()
    for sel in selectors:
        out |= _resolve(sel, rules)
    return out


def _resolve(sel: Selector, rules: dict[str, RuleMeta]) -> set[str]:
    text = sel.text.strip()
    if text.upper() == "ALL":
        return set(rules)
    hits = {c for c, m in rules.items()
            if c == text.upper() or m.name == text or m.family == text}
    if not hits and text.isalnum() and text[:1].isalpha():
        hits = {c for c in rules if c.startswith(text.upper())}
    if not hits:
        raise ConfigError(M("{where}: unknown rule, prefix or family {rule!r}{hint}",
                            where=sel.where, rule=text,
                            hint=guess_rule(text, rules, families=True)))
    return hits


def _one(sel: Selector, rules: dict[str, RuleMeta]) -> RuleMeta:
    text = sel.text.strip()
    meta = rules.get(text.upper()) or next((m for m in rules.values() if m.name == text), None)
    if meta is None:
        raise ConfigError(M("{where}: unknown rule {rule!r}{hint}", where=sel.where, rule=text,
                            hint=guess_rule(text, rules)))
    return meta


def _options(meta: RuleMeta, given: dict[str, Any], where: str) -> dict[str, Any]:
    defaults = meta.option_defaults()
    limits = {o.name: o.maximum for o in meta.options}
    types = {o.name: o.type for o in meta.options}
    out = {}
    for name, value in given.items():
        if name not in defaults:
            hint = did_you_mean(name, tuple(defaults)) if defaults else \
                M(" (this rule has no options)")
            raise ConfigError(M("{where}: rule {code} has no option {name!r}{hint}",
                                where=where, code=meta.code, name=name, hint=hint))
        label = f"{where}: {meta.code} option {name!r}"
        out[name] = _in_range(_coerce(value, defaults[name], label, types[name]),
                              limits[name], label)
    return out


def _in_range(value: Any, maximum: float | None, label: str) -> Any:
    """A number option is a count or a share: 0 or more, and at most its `maximum`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if not math.isfinite(value) or value < 0:
        raise ConfigError(M("{label} must be 0 or more, not {value!r}", label=label,
                            value=value))
    if maximum is not None and value > maximum:
        raise ConfigError(M("{label} must be at most {maximum}, not {value!r}", label=label,
                            maximum=maximum, value=value))
    return value


def _coerce(value: Any, default: Any, label: str, kind: str = "text") -> Any:
    """Type a config value like the option's default (YAML gives orgspec strings), or, for
    an option without one, as its declared `kind` ("text", "date": YYYY-MM-DD); null keeps
    an option without a default unset. Raises ConfigError for a value of another type: a
    mapping or list where one value is meant, a count that is no whole number."""
    try:
        if isinstance(default, bool):
            return _boolean(value)
        if isinstance(default, int):
            return _whole(value)
        if isinstance(default, float):
            return float(_one_value(value))
        if isinstance(default, list):
            return [str(_one_value(v)) for v in (value if isinstance(value, list) else [value])]
        if default is None:
            return _unset_or(value, kind)
        return str(_one_value(value))
    except (TypeError, ValueError, OverflowError):
        raise ConfigError(M("{label} must be {kind}, not {value!r}", label=label,
                            kind=_KINDS[kind if default is None else type(default).__name__],
                            value=str(value) if isinstance(value, list) else value)) from None


# what an option takes, as its error says it
_KINDS: dict[str, M] = {
    "bool": M("true or false"), "int": M("a whole number"), "float": M("a number"),
    "list": M("a list of texts"), "str": M("a text"), "text": M("a text"),
    "date": M("a date written YYYY-MM-DD"),
}


def _one_value(value: Any) -> Any:
    """`value` when it is one value (a text, number or date), else TypeError."""
    if isinstance(value, dict | list) or value is None:
        raise TypeError(value)
    return value


def _whole(value: Any) -> int:
    """A whole number written as one (`12`, `"12"`, `12.0`); `1.5`, `inf` are refused."""
    value = _one_value(value)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        return int(value)  # OverflowError for inf
    return int(value)


def _unset_or(value: Any, kind: str) -> str | None:
    """An option without a default: null leaves it unset, else a text of its `kind`."""
    import datetime as dt

    if value is None:
        return None
    if kind == "date":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value.isoformat()  # TOML's date
        if not isinstance(value, str):
            raise TypeError(value)
        return dt.date.fromisoformat(value).isoformat()  # ValueError: no date
    if isinstance(value, bool):
        raise TypeError(value)
    return str(_one_value(value))


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).lower()
    if text in ("true", "yes", "on", "1"):
        return True
    if text in ("false", "no", "off", "0"):
        return False
    raise ValueError(value)
