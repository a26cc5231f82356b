"""Structural fuzzing: Hypothesis strategies for org files of every kind, with type confusion
in every field (scalars for lists and the reverse, mappings anywhere, nulls, huge numbers,
dates, Chinese, bidi and control characters), duplicate and dangling ids, and cycles in every
relation (a small pool of ids makes them likely)."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import strategies as st

from tests.fuzz.harness import Files

IDS = ["core", "ops", "tech", "ada", "bob", "cs", "q1", "a-b", "x_1", "step-1", "review", "pm",
       "standup"]
ODD_IDS = ["", " ", "TBD", "待定", "待招聘", "空缺", "vacant", "Core", "研发部", "a" * 70, "-x",
           "1", "core\u202e", "null", "~", "n/a"]
ODD_TEXT = ["", " ", "研发部", "客服團隊", "提升", "从120万增长到132万", "99.95%", "1.2M",
            "\u202eevil", "\u200b", "a\x00b", "\x1b[31mred", "\x7f", "<script>x</script>",
            "](javascript:alert(1))", "| a | b |", "::error::x", "{{ 7*7 }}", "&amp;", "#",
            "9" * 40, "-1", "1e400", "NaN", "2024-13-45", "2026-02-29", "2026-01-01",
            "2026-Q5", "2026-H2", "12:30", "0755", "NO", "yes", "true", "2h", "2小时", "0m",
            "increase", "decrease", "maintain", "accountable", "informed", "x" * 300,
            "line\nbreak", "\t", "🙂", "ＴＢＤ"]
KINDS = ["Team", "Person", "Responsibility", "Objective", "Process", "Role", "Meeting"]
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


CLEAN_TEXT = st.sampled_from(["订单平台团队", "客服團隊", "Support", "提升转化率", "处理用户投诉",
                              "从120万增长到132万", "监控订单处理时效", "x", "review"])
Wrap = Any  # (strategy) -> strategy: identity for clean entities, `_maybe` for confused ones


def _fields(w: Wrap, slug: st.SearchStrategy[str]) -> dict[str, dict[str, Any]]:
    """Field strategies per kind; `w` decides whether a field may hold a value of any type."""
    txt = st.one_of(CLEAN_TEXT, CLEAN_TEXT, text)
    ref, one = w(st.one_of(slug, ident)), w(slug)
    refs = w(st.one_of(slug, st.lists(st.one_of(slug, ident), max_size=5), HUGE))
    charter = st.one_of(slug, st.fixed_dictionaries({"ref": ref}, optional={"role": w(
        st.sampled_from(ROLES))}), st.fixed_dictionaries({"id": one}, optional={
            "description": w(txt), "name": w(txt)}))
    key_result = st.fixed_dictionaries(
        {"id": one, "title": w(txt)},
        optional={"metric": w(txt), "unit": w(st.sampled_from(["%", "元", "单", "ms"])),
                  "direction": w(st.sampled_from(["increase", "decrease", "maintain"])),
                  "due": w(st.sampled_from(["2026-03-31", "2025-12-31", "2027-01-01"])),
                  "owner": ref, **{f: w(st.one_of(scalar, st.sampled_from(
                      ["120万", "99.95%", "1.2M", "4.6/5", "2h", "3.0x", "0"])))
                      for f in ("baseline", "target", "current")}})
    step = st.fixed_dictionaries(
        {"id": one},
        optional={"name": w(txt), "owner": ref, "tracker": ref,
                  "sla": w(st.sampled_from(["2h", "30m", "1d", "2小时", "0m", "99999d"])),
                  "next": refs, "description": w(txt)})
    kpi = st.one_of(txt, st.fixed_dictionaries(
        {"title": w(txt)},
        optional={"id": one, "metric": w(txt), "unit": w(st.sampled_from(["%", "元", "单"])),
                  "direction": w(st.sampled_from(["increase", "decrease", "maintain"])),
                  "due": w(st.sampled_from(["2026-03-31", "2025-12-31"])),
                  **{f: w(st.one_of(scalar, st.sampled_from(["8%", "95%", "2分钟", "0", "3"])))
                     for f in ("baseline", "target")}}))
    duty = st.one_of(slug, st.fixed_dictionaries({"ref": ref}, optional={"role": w(
        st.sampled_from(ROLES))}), st.fixed_dictionaries({"id": one}, optional={
            "description": w(txt), "name": w(txt), "role": w(st.sampled_from(ROLES))}))
    cadence = st.sampled_from(["daily", "weekly", "biweekly", "monthly", "quarterly", "yearly",
                               "每日", "每周", "双周", "每月", "每季度", "hourly", "隔周", ""])
    aliases = w(st.lists(st.one_of(txt, ident), max_size=3))
    return {
        "Role": {"name": w(txt), "description": w(txt), "team": ref, "holders": refs,
                 "headcount": w(st.one_of(st.integers(-2, 5), st.sampled_from(
                     [0, 100_000, 100_001, 10**20]))),
                 "duties": w(st.lists(w(duty), max_size=4)),
                 "kpis": w(st.lists(w(kpi), max_size=3))},
        "Meeting": {"name": w(txt), "cadence": w(cadence), "owner": ref, "attendees": refs,
                    "purpose": w(txt), "inputs": w(st.lists(txt, max_size=3)),
                    "outputs": w(st.lists(txt, max_size=3)), "channel": w(txt)},
        "Team": {"aliases": aliases, "channels": refs, "trackers": refs,
                 "name": w(txt), "parent": ref, "lead": ref, "members": refs,
                 "children": refs, "mission": w(txt), "description": w(txt),
                 "responsibilities": w(st.lists(w(charter), max_size=4))},
        "Person": {"name": w(txt), "title": w(txt), "aliases": aliases, "roles": refs,
                   "email": w(st.sampled_from(["a@b.c", "ada@例子.cn"]))},
        "Responsibility": {"name": w(txt), "description": w(txt),
                           **{role: refs for role in ROLES}},
        "Objective": {"title": w(txt), "description": w(txt), "owner": ref,
                      "period": w(st.sampled_from(["2026", "2026-Q1", "2026-H2", "2025-Q4"])),
                      "start": w(st.sampled_from(["2026-01-01", "2026-04-01"])),
                      "end": w(st.sampled_from(["2026-03-31", "2025-12-31"])),
                      "aligns_to": ref, "key_results": w(st.lists(w(key_result), max_size=4))},
        "Process": {"name": w(txt), "owner": ref, "responsibility": ref, "channels": refs,
                    "trackers": refs,
                    "require_tracker": w(st.sampled_from(["true", "false"])),
                    "steps": w(st.lists(w(step), max_size=5))},
    }


# Clean entities have every field well typed (the rules and reports then see them);
# confused ones may hold anything anywhere.
CLEAN = _fields(lambda s: s, st.sampled_from(IDS))
CONFUSED = _fields(_maybe, ident)


@st.composite
def entity(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(KINDS))
    clean = draw(st.booleans())
    data: dict[str, Any] = {}
    if clean:
        data["kind"], data["id"] = kind, draw(st.sampled_from(IDS))
    elif draw(st.integers(0, 9)):
        data["kind"] = kind if draw(st.integers(0, 5)) else draw(st.one_of(
            st.sampled_from(["team", "Teams", "", "Kind"]), JUNK))
    if not clean and draw(st.integers(0, 9)):
        data["id"] = draw(_maybe(ident))
    for name, strategy in (CLEAN if clean else CONFUSED)[kind].items():
        if draw(st.booleans()):
            data[name] = draw(strategy)
    if clean:
        return data
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
    st.sampled_from(["org.yaml", "teams/a.yaml", "b.yml", "深/团队.yaml", "a b/[x](y).yaml",
                     "\udcff\udcfe.yaml"]), org_file(),
    min_size=1, max_size=3)
