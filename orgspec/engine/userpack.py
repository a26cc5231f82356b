"""A user's rule pack (config `rule-packs`) checked key by key before any rule of it runs.

Every key is known (a misspelt one is an error with a did-you-mean, not ignored), every
value has its type (`enabled: "false"` is off; `values: "ada linus"` is refused, not
matched as a substring), `then.field` is a field of the `given` kind, a regex compiles and
has no nested unbounded quantifier, and a `message:` fills only the placeholders
`PLACEHOLDERS`, each a name alone in braces: no attribute or index lookup, conversion or
format spec reaches `str.format`. The first problem in the file is one ConfigError naming
the file, line, column, the rule and the key (`load.packfile.invalid`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from orgspec.engine.declarative import FUNCTIONS, GIVEN, KIND_WORDS
from orgspec.engine.registry import (
    CODE_PATTERN,
    NAME_PATTERN,
    RuleMeta,
    either,
    given_reads,
)
from orgspec.findings import Severity
from orgspec.i18n import M
from orgspec.load.config import ConfigError, did_you_mean
from orgspec.load.packfile import PackWhere, invalid, read_pack_file

TOP_KEYS = ("family", "rules")
RULE_KEYS = ("code", "name", "family", "severity", "summary", "rationale", "enabled", "given",
             "then", "message")
REQUIRED = ("code", "name", "severity", "summary", "rationale", "given", "then")
THEN_KEYS = ("field", "function", "options")
# the options of each function, and those of them one is needed of
OPTIONS: dict[str, tuple[str, ...]] = {
    "defined": (), "undefined": (), "truthy": (), "falsy": (),
    "pattern": ("match", "notMatch"), "length": ("min", "max"), "enumeration": ("values",)}
PLACEHOLDERS = ("kind", "id", "field", "value")
_BOOLEANS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
# `{{`, `}}`, a placeholder `{...}` or a lone brace, in a message
_BRACES = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class _Bad(Exception):
    """A problem at `keys` (at the key itself with `key`)."""

    def __init__(self, keys: tuple[Any, ...], why: str, key: bool = False) -> None:
        super().__init__(why)
        self.keys, self.why, self.key = keys, why, key


def read_user_pack(path: str, taken: dict[str, RuleMeta]) -> list[RuleMeta]:
    """The rules of the pack at `path`, checked; `taken` are the rules known so far, whose
    codes and names a pack's rule may not take again. Raises ConfigError."""
    doc, where = read_pack_file(path)
    try:
        rules = list(_rules(doc, taken))
    except _Bad as bad:
        raise _error(where, bad) from None
    return [replace(meta, places=tuple(
        (key, where(("rules", i, "then", "options", key), True))
        for key in meta.then["options"])) for i, meta in enumerate(rules)]


def _error(where: PackWhere, bad: _Bad) -> ConfigError:
    return invalid(where(bad.keys, not bad.key), bad.why)


def _rules(doc: Any, taken: dict[str, RuleMeta]) -> Iterator[RuleMeta]:
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        raise _Bad((), M("not a rule pack: expected a mapping with a `rules:` list of rules"))
    for key in doc:
        if key not in TOP_KEYS:
            raise _Bad((key,), M("unknown key {key!r}{hint}", key=str(key),
                                 hint=did_you_mean(str(key), TOP_KEYS)), key=True)
    family = _text(("family",), doc["family"]) if "family" in doc else "custom"
    codes: dict[str, str] = {m.code: m.code for m in taken.values()}
    names: dict[str, str] = {m.name: m.code for m in taken.values()}
    for i, item in enumerate(doc["rules"]):
        meta = _rule(("rules", i), item, family)
        for seen, value, said in (
                (codes, meta.code, M("rule {code}: code {value!r} is already taken by rule "
                                     "{other}", code=meta.code, value=meta.code,
                                     other=codes.get(meta.code))),
                (names, meta.name, M("rule {code}: name {value!r} is already taken by rule "
                                     "{other}", code=meta.code, value=meta.name,
                                     other=names.get(meta.name)))):
            if value in seen:
                raise _Bad(("rules", i, "code" if seen is codes else "name"), said)
            seen[value] = meta.code
        yield meta


def _rule(at: tuple[Any, ...], item: Any, family: str) -> RuleMeta:
    if not isinstance(item, dict):
        raise _Bad(at, M("a rule is a mapping of {keys}", keys=", ".join(REQUIRED)))
    code = item.get("code")
    label = code if isinstance(code, str) and code else f"#{at[-1] + 1}"
    for key in item:
        if key not in RULE_KEYS:
            raise _Bad((*at, key), M("rule {code}: unknown key {key!r}{hint}", code=label,
                                     key=str(key), hint=did_you_mean(str(key), RULE_KEYS)),
                       key=True)
    missing = [k for k in REQUIRED if item.get(k) is None]
    if missing:
        raise _Bad(at if missing[0] not in item else (*at, missing[0]),
                   M("rule {code}: {key!r} is required", code=label, key=missing[0]))
    checked: dict[str, Any] = {}
    for key, value in item.items():  # as written: the first problem in the file is said
        checked[key] = _value(at, label, key, value, item)
    then = checked["then"]
    return RuleMeta(
        code=checked["code"], name=checked["name"], family=checked.get("family", family),
        severity=checked["severity"], summary=checked["summary"],
        rationale=checked["rationale"], enabled=checked.get("enabled", True),
        given=checked["given"], then=then, message=checked.get("message", ""),
        reads=given_reads({"given": checked["given"], "then": then}))


def _value(at: tuple[Any, ...], label: str, key: str, value: Any, item: dict[str, Any]) -> Any:
    keys = (*at, key)
    if key == "then":
        return _then(keys, label, value, item.get("given"))
    text = _text(keys, value, label)
    if key == "code" and not CODE_PATTERN.match(text):
        raise _Bad(keys, M("rule {code}: a code is 2-4 capitals and 3 digits (ACME001), not "
                           "{value!r}", code=label, value=text))
    if key == "name" and not NAME_PATTERN.match(text):
        raise _Bad(keys, M("rule {code}: a name is kebab-case (team-has-mission), not "
                           "{value!r}", code=label, value=text))
    if key == "severity":
        try:
            return Severity.parse(text)
        except ValueError:
            raise _Bad(keys, M("rule {code}: unknown severity {value!r} (use error, warning "
                               "or info)", code=label, value=text)) from None
    if key == "enabled":
        if text.lower() not in _BOOLEANS:
            raise _Bad(keys, M("rule {code}: 'enabled' is true or false, not {value!r}",
                               code=label, value=text))
        return _BOOLEANS[text.lower()]
    if key == "given" and text not in GIVEN:
        raise _Bad(keys, M("rule {code}: unknown kind {value!r} for 'given'{hint}", code=label,
                           value=text, hint=did_you_mean(text, GIVEN)))
    if key == "message":
        _template(keys, label, text)
    return text


def _text(keys: tuple[Any, ...], value: Any, label: str = "") -> str:
    if not isinstance(value, str) or not value.strip():
        what = M("{key!r} must be a non-empty string", key=keys[-1])
        raise _Bad(keys, M("rule {code}: {what}", code=label, what=what) if label else what)
    return value


def _then(keys: tuple[Any, ...], label: str, value: Any, given: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(keys, M("rule {code}: 'then' is a mapping of field, function and "
                           "options", code=label))
    for key in value:
        if key not in THEN_KEYS:
            raise _Bad((*keys, key), M("rule {code}: unknown key {key!r} in 'then'{hint}",
                                       code=label, key=str(key),
                                       hint=did_you_mean(str(key), THEN_KEYS)), key=True)
    for key in ("field", "function"):
        if value.get(key) is None:
            raise _Bad(keys, M("rule {code}: 'then' needs {key!r}", code=label, key=key))
    function = _text((*keys, "function"), value["function"], label)
    if function not in FUNCTIONS:
        raise _Bad((*keys, "function"), M("rule {code}: unknown function {value!r}{hint}",
                                          code=label, value=function,
                                          hint=did_you_mean(function, tuple(FUNCTIONS))))
    field = _text((*keys, "field"), value["field"], label)
    fields = _fields(given)
    if fields and field not in fields:
        raise _Bad((*keys, "field"), M("rule {code}: {kind} has no field {value!r}{hint}",
                                       code=label, kind=KIND_WORDS.get(given, given), value=field,
                                       hint=did_you_mean(field, fields)))
    options = _options((*keys, "options"), label, function, value.get("options"))
    return {"field": field, "function": function, "options": options}


def _fields(given: Any) -> tuple[str, ...]:
    """The fields of the `given` kind's model; () for a kind that is not one (said apart)."""
    if given not in GIVEN:
        return ()
    from orgspec.model import models

    return tuple(getattr(models, str(given)).model_fields)


def _options(keys: tuple[Any, ...], label: str, function: str, value: Any) -> dict[str, Any]:
    known = OPTIONS[function]
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise _Bad(keys, M("rule {code}: 'options' is a mapping", code=label))
    for key in value:
        if key not in known:
            hint = did_you_mean(str(key), known) if known else \
                M(" ({function} takes no options)", function=function)
            raise _Bad((*keys, key), M("rule {code}: unknown option {key!r}{hint}",
                                       code=label, key=str(key), hint=hint), key=True)
    if known and not any(value.get(k) is not None for k in known):
        raise _Bad(keys[:-1], M("rule {code}: {function} needs the option {names}",
                                code=label, function=function,
                                names=either([repr(k) for k in known])))
    out: dict[str, Any] = {}
    for key, option in value.items():
        if key in ("match", "notMatch"):
            out[key] = _regex((*keys, key), label, option)
        elif key in ("min", "max"):
            out[key] = _count((*keys, key), label, option)
        else:
            out[key] = _words((*keys, key), label, option)
    if out.get("min", 0) > out.get("max", out.get("min", 0)):
        raise _Bad((*keys, "min"), M("rule {code}: 'min' ({low}) is more than 'max' ({high})",
                                     code=label, low=out["min"], high=out["max"]))
    return out


def _regex(keys: tuple[Any, ...], label: str, value: Any) -> str:
    text = _text(keys, value, label)
    try:
        compiled = re.compile(text)
    except re.error as exc:
        raise _Bad(keys, M("rule {code}: {key!r} is not a regular expression: {why}",
                           code=label, key=keys[-1], why=str(exc))) from None
    import regex

    from orgspec.engine.packregex import compile_pattern

    try:  # searched with `regex` (`engine.packregex`), which reads what `re` reads
        compile_pattern(text)
    except regex.error as exc:
        raise _Bad(keys, M("rule {code}: {key!r} is not a regular expression: {why}",
                           code=label, key=keys[-1], why=str(exc))) from None
    from orgspec.engine.redos import nested_repeat

    nested = nested_repeat(compiled.pattern)
    if nested:
        raise _Bad(keys, M("rule {code}: {key!r} repeats a group that holds an unbounded "
                           "repetition ({part}), which can take minutes on a short value: make "
                           "the inner repetition possessive (a++ or a*+) or atomic ((?>...))",
                           code=label, key=keys[-1], part=nested))
    return text


def _count(keys: tuple[Any, ...], label: str, value: Any) -> int:
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or \
            len(value) > 9:
        raise _Bad(keys, M("rule {code}: {key!r} is a whole number from 0 to 999999999, not "
                           "{value!r}", code=label, key=keys[-1], value=value))
    return int(value)


def _words(keys: tuple[Any, ...], label: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(keys, M("rule {code}: {key!r} is a list of texts ([ada, linus]), not "
                           "{value!r}", code=label, key=keys[-1], value=value))
    return list(value)


def _template(keys: tuple[Any, ...], label: str, text: str) -> None:
    """Refuse a message that `str.format` would do more with than fill `PLACEHOLDERS`."""
    names = ", ".join("{" + n + "}" for n in PLACEHOLDERS)
    for found in _BRACES.finditer(text):
        if found.group(0) in ("{{", "}}"):
            continue
        if found.group(1) is None:
            raise _Bad(keys, M("rule {code}: the message has a lone {brace}: write it twice "
                               "({twice}) for the brace itself", code=label,
                               brace=found.group(0), twice=found.group(0) * 2))
        if found.group(1) not in PLACEHOLDERS:
            raise _Bad(keys, M("rule {code}: the message's {placeholder} is not one of {names}"
                               " (a name alone in braces)", code=label,
                               placeholder=found.group(0), names=names))
