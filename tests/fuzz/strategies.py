"""Structural fuzzing: Hypothesis strategies for org files of every kind, with type confusion
in every field (scalars for lists and the reverse, mappings anywhere, nulls, huge numbers,
dates, Chinese, bidi and control characters), duplicate and dangling ids, and cycles in every
relation (a small pool of ids makes them likely)."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import strategies as st

from tests.fuzz.harness import Files

IDS = ["core", "ops", "tech", "ada", "bob", "cs", "q1", "a-b", "x_1", "step-1", "review"]
ODD_IDS = ["", " ", "TBD", "待定", "Core", "研发部", "a" * 70, "-x", "1", "core\u202e",
           "null", "~", "n/a"]
ODD_TEXT = ["", " ", "研发部", "客服團隊", "提升", "从120万增长到132万", "99.95%", "1.2M",
            "\u202eevil", "\u200b", "a\x00b", "\x1b[31mred", "\x7f", "<script>x</script>",
            "](javascript:alert(1))", "| a | b |", "::error::x", "{{ 7*7 }}", "&amp;", "#",
            "9" * 40, "-1", "1e400", "NaN", "2024-13-45", "2026-02-29", "2026-01-01",
            "2026-Q5", "2026-H2", "12:30", "0755", "NO", "yes", "true", "2h", "2小时", "0m",
            "increase", "decrease", "maintain", "accountable", "informed", "x" * 300,
            "line\nbreak", "\t", "🙂", "ＴＢＤ"]
KINDS = ["Team", "Person", "Responsibility", "Objective", "Process"]
ROLES = ["accountable", "responsible", "consulted", "informed"]

ident = st.one_of(st.sampled_from(IDS), st.sampled_from(IDS), st.sampled_from(ODD_IDS))
text = st.one_of(st.sampled_from(ODD_TEXT), st.text(max_size=20))
scalar = st.one_of(text, ident, st.integers(-10**30, 10**30).map(str),
                   st.dates().map(str), st.floats(allow_nan=True).map(str))


def confused(depth: int = 2) -> st.SearchStrategy[Any]:
    """Any raw value the loader can hand over: text, null, lists and mappings of them."""
    if depth <= 0:
        return st.one_of(st.none(), scalar)
    inner = confused(depth - 1)
    return st.one_of(
        st.none(), scalar,
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(["kind", "id", "ref", "role", "a"]), text),
                        inner, max_size=3),
    )


JUNK = confused()
HUGE = st.builds(lambda n, v: [v] * n, st.sampled_from([0, 1001, 1500]), ident)


def _maybe(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly (3 in 4) a well-typed value, else anything at all."""
    return st.integers(0, 3).flatmap(lambda n: good if n else JUNK)


ref = _maybe(ident)
refs = _maybe(st.one_of(ident, st.lists(ident, max_size=5), HUGE))
charter = st.one_of(ident, st.fixed_dictionaries({"ref": ref}, optional={"role": _maybe(
    st.sampled_from(ROLES))}), st.fixed_dictionaries({"id": ref}, optional={
        "description": _maybe(text), "name": _maybe(text), "role": JUNK}))
key_result = st.fixed_dictionaries(
    {"id": ref, "title": _maybe(text)},
    optional={f: _maybe(scalar) for f in ("metric", "baseline", "target", "current", "unit",
                                          "direction", "due", "owner")})
step = st.fixed_dictionaries(
    {"id": ref},
    optional={"name": _maybe(text), "owner": ref, "tracker": ref, "sla": _maybe(scalar),
              "next": refs, "description": _maybe(text)})

FIELDS: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "Team": {"name": _maybe(text), "parent": ref, "lead": ref, "members": refs,
             "children": refs, "mission": _maybe(text), "description": _maybe(text),
             "responsibilities": _maybe(st.lists(_maybe(charter), max_size=4))},
    "Person": {"name": _maybe(text), "title": _maybe(text),
               "email": _maybe(st.sampled_from(["a@b.c", "@", "a@b@c", "x"]))},
    "Responsibility": {"name": _maybe(text), "description": _maybe(text),
                       **{role: refs for role in ROLES}},
    "Objective": {"title": _maybe(text), "description": _maybe(text), "owner": ref,
                  "period": _maybe(scalar), "start": _maybe(scalar), "end": _maybe(scalar),
                  "aligns_to": ref, "key_results": _maybe(st.lists(_maybe(key_result),
                                                                   max_size=4))},
    "Process": {"name": _maybe(text), "owner": ref, "responsibility": ref,
                "require_tracker": _maybe(st.sampled_from(["true", "false", "yes"])),
                "steps": _maybe(st.lists(_maybe(step), max_size=5))},
}


@st.composite
def entity(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(KINDS))
    data: dict[str, Any] = {}
    if draw(st.integers(0, 9)):
        data["kind"] = kind if draw(st.integers(0, 5)) else draw(st.one_of(
            st.sampled_from(["team", "Teams", "", "Kind"]), JUNK))
    if draw(st.integers(0, 9)):
        data["id"] = draw(ref)
    for name, strategy in FIELDS[kind].items():
        if draw(st.booleans()):
            data[name] = draw(strategy)
    if not draw(st.integers(0, 7)):
        data[draw(st.sampled_from(["nmae", "owners", "Kind", "id ", "成员"]))] = draw(JUNK)
    if not draw(st.integers(0, 15)):
        return draw(JUNK)  # not an entity at all
    return data


@st.composite
def org_file(draw: st.DrawFn) -> bytes:
    entities = draw(st.lists(entity(), min_size=0, max_size=6))
    if draw(st.booleans()):
        text = yaml.safe_dump_all(entities, allow_unicode=True, sort_keys=False)
    else:
        text = yaml.safe_dump(entities, allow_unicode=True, sort_keys=False)
    return text.encode("utf-8", "surrogatepass")


orgs: st.SearchStrategy[Files] = st.dictionaries(
    st.sampled_from(["org.yaml", "teams/a.yaml", "b.yml", "深/团队.yaml"]), org_file(),
    min_size=1, max_size=3)
