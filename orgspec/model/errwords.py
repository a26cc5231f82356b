"""Every error pydantic can give on the org models, said in plain words (no library text
reaches a message, in any language).

`said(kind, ctx, value)` takes pydantic's error `type`, its `ctx` and the value written, and
returns (what is wrong, how to fix it); the types are those the models can produce (strings,
lists, mappings, literals, integers, booleans, dates, lengths, patterns, bounds), found by
feeding every field every shape a YAML file can give. A type not listed still gets plain words
(`has a value orgspec cannot read`), never pydantic's English.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from orgspec.i18n import M
from orgspec.text.fieldnames import raci_named
from orgspec.text.shorten import shown

Said = tuple[str, str]  # message (after the field's label), hint

# `direction: 增加` is what a Chinese writer types; the field takes the English word.
DIRECTION_WORDS = {
    "increase": ("增加", "上升", "提高", "提升", "增长", "增長", "成长", "成長", "上涨", "上漲",
                 "up", "higher", "grow", "more", "raise"),
    "decrease": ("减少", "減少", "降低", "下降", "减", "減", "降", "down", "lower", "less",
                 "reduce"),
    "maintain": ("维持", "維持", "保持", "持平", "不变", "不變", "keep", "stay", "hold"),
}
_MEANT = {w.casefold(): fix for fix, words in DIRECTION_WORDS.items() for w in words}


def raci_meant(word: str) -> tuple[str, ...]:
    """The RACI role(s) a letter or Chinese word names (`R` or `执行` -> responsible; `负责`,
    which charts use for either, -> responsible and accountable): `text.fieldnames`'s
    `raci_named`; () for any other word."""
    return raci_named(word)


def raci_hint(field: str, roles: tuple[str, ...]) -> str:
    """`write `role: responsible`` for one role; both spellings when the word is ambiguous."""
    if len(roles) == 1:
        return M("write `{field}: {fix}`", field=field, fix=roles[0])
    return M("write `{field}: responsible` if it does the work, or `{field}: accountable` if "
             "it answers for the outcome", field=field)
_QUOTED = re.compile(r"'([^']*)'")
_EMAIL = r"^[^@\s＠．。]+@[^@\s＠．。]+$"  # models.Person.email
# what an IME types for an email's `@` and `.`, and the half-width character meant
_WIDE_EMAIL = {"＠": "@", "．": ".", "。": "."}


# Characters an IME types for `-` that YAML does not read as a list item's marker.
_DASHES = {"–": M("an en dash"), "—": M("an em dash"), "－": M("a full-width hyphen"),
           "ー": M("a long vowel mark"), "―": M("a horizontal bar"), "−": M("a minus sign"),
           "‐": M("a Unicode hyphen"), "‑": M("a Unicode hyphen")}


def _dashed(value: str) -> Said:
    """`responsibilities:` then lines `– refund`: one text `– refund – returns`, as YAML
    reads an en dash (or em dash, full-width hyphen, long vowel mark) as text."""
    dash = value[0]
    item = value[1:].split(dash, 1)[0].strip() or "..."
    return (M("needs a list, not a text: it starts with `{char}` ({what}, U+{code:04X}), "
              "which YAML does not read as a list item's `-`", char=dash, what=_DASHES[dash],
              code=ord(dash)),
            M("start each item with an ASCII hyphen and a space: `- {item}` (switch the IME "
              "to half-width)", item=item))


def shape(value: Any) -> str:
    """What was written instead, in words: a list, a mapping, a text."""
    if isinstance(value, list):
        return M("a list")
    if isinstance(value, dict):
        return M("a mapping")
    if value is None:  # `members:` with nothing after it
        return M("an empty value")
    return M("a text")


def said(kind: str, ctx: dict[str, Any], value: Any, field: str) -> Said:
    """(message, hint) for pydantic's error `kind` on `value` written in `field` (its last
    name, e.g. `direction`); a long value is quoted cut (`shown`)."""
    if kind == "int_parsing_size" and isinstance(value, str):
        # more digits than Python reads (4,300): a pasted or mistyped number, said by its size
        digits = sum(c.isdigit() for c in value)
        return (M("{value!r} has {n} digits, too many for a number here", value=shown(value),
                  n=digits), M("write the number meant in digits, e.g. `1`"))
    written, value = value, shown(value)
    if kind == "string_type":
        return (M("needs one text, not {shape}", shape=shape(value)),
                M("write a single value after `{field}:`; several values go in a list field",
                  field=field))
    if kind == "list_type" and isinstance(value, str) and value.lstrip()[:1] in _DASHES:
        return _dashed(value.lstrip())
    if kind == "list_type" and value is None:
        return (M("needs a list, not {shape}", shape=shape(value)),
                M("list the items under it, one `- item` per line, or as `[a, b]`; for none, "
                  "write `{field}: []` or remove the field", field=field))
    if kind == "list_type":
        return (M("needs a list, not {shape}", shape=shape(value)),
                M("write the items as `[a, b]`, or one `- item` per line"))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (M("needs a mapping of fields, not {shape}", shape=shape(value)),
                M("write the item's fields as `key: value` (e.g. `id: ...`), one per line"))
    if kind == "string_too_short":
        return (M("is empty"), M("write a value, or remove the field"))
    if kind == "string_too_long":
        return (M("is {n} characters long; at most {max} are allowed",
                  n=len(written) if isinstance(written, str) else "?",
                  max=ctx.get("max_length")),
                M("shorten it; a long text goes in `description`"))
    if kind in ("too_long", "too_short"):
        limit = ctx.get("max_length") if kind == "too_long" else ctx.get("min_length")
        word = M("at most {n}", n=limit) if kind == "too_long" else M("at least {n}", n=limit)
        n = ctx.get("actual_length", "?")
        return (M("has 1 item; {limit} are allowed", limit=word) if n == 1 else
                M("has {n} items; {limit} are allowed", n=n, limit=word),
                M("split it over several entities"))
    if kind == "literal_error":
        return _literal(ctx, value, field)
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == _EMAIL:
            return _email(value)
        return (M("{value!r} is not written in the form this field takes", value=value),
                M("see the field in the README's table of the org format"))
    if kind in ("bool_parsing", "bool_type"):
        return (M("{value!r} is neither `true` nor `false`", value=value),
                M("write `true` or `false` (`是` or `否`)"))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        # an IME's full-width digits (`２`, `１２`): the number meant, never read as it
        folded = unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else ""
        hint = M("did you mean `{fix}`? write it in half-width digits", fix=folded) \
            if folded.isascii() and folded.isdigit() else M("write it in digits, e.g. `3`")
        return M("{value!r} is not a whole number", value=value), hint
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return (M("is below the smallest value allowed, {bound}", bound=bound),
                M("write a number from {bound} up", bound=bound))
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return (M("is above the largest value allowed, {bound}", bound=bound),
                M("write a number up to {bound}", bound=bound))
    if kind.startswith("date"):
        return (M("{value!r} is not a date", value=value) if isinstance(value, str)
                else M("is not a date"),
                M("dates are written YYYY-MM-DD with hyphens, e.g. 2026-12-31"))
    if kind == "value_error":
        error = ctx.get("error")
        reason = error.args[0] if error is not None and error.args else None
        if isinstance(reason, M):
            return reason, ""
    return M("has a value orgspec cannot read"), M("see the field in the README's table of "
                                                    "the org format")


def _literal(ctx: dict[str, Any], value: Any, field: str) -> Said:
    choices = _QUOTED.findall(str(ctx.get("expected", "")))
    wrong = M("{value!r} is not one of {choices}", value=value,
              choices=[f"`{c}`" for c in choices]) if isinstance(value, str) \
        else M("must be one of {choices}", choices=[f"`{c}`" for c in choices])
    if isinstance(value, str):
        word = value.strip().casefold()
        if "accountable" in choices and (roles := raci_meant(word)):
            # refused by design, not by ignorance: a value has one spelling, as a field name
            # does, so every reader of the files (schema, exports, diffs) reads one word
            return (M("{value!r} means `{role}`, but a value is written in the format's own "
                      "word, the one spelling the schema, exports and diffs read", value=value,
                      role=roles[0]) if len(roles) == 1 else wrong), raci_hint(field, roles)
        fix = _MEANT.get(word) if "increase" in choices else None
        if fix is None:
            fix = next((c for c in choices if c.casefold() == word), None)
        if fix is not None:
            return wrong, M("write `{field}: {fix}`", field=field, fix=fix)
    return wrong, M("write one of them as it is spelt here")


def _email(value: Any) -> Said:
    """SC003's message and hint for an email that fails `_EMAIL`: the address to write
    when only an IME's full-width `＠` or dot (`．`, `。`) is wrong
    (`liuyang＠example.com`), else how one is written."""
    if isinstance(value, str):
        wide = [c for c in dict.fromkeys(value) if c in _WIDE_EMAIL]
        fixed = "".join(_WIDE_EMAIL.get(c, c) for c in value)
        if wide and re.match(_EMAIL, fixed):
            chars = [f"`{c}` (U+{ord(c):04X})" for c in wide]
            said_chars = {_WIDE_EMAIL[c] for c in wide}
            hint = M("write @ (half-width): `{fixed}`", fixed=fixed) if said_chars == {"@"} \
                else M("write . (half-width): `{fixed}`", fixed=fixed) if "@" not in said_chars \
                else M("write @ and . (half-width): `{fixed}`", fixed=fixed)
            return (M("{value!r} is not an email address: it has the full-width {chars}",
                      value=value, chars=chars), hint)
    return (M("{value!r} is not an email address", value=value),
            M("write it as name@example.com"))
