"""Trial 16 (a): a key result is quoted by what it says, `提升用户活跃度 (activity)`, as an entity
is by its name, not by its bare id `'activity'`: in every rule message that names one (the
OKR rules, RF001 at its fields, SC003 at its values, a rule pack's `given: KeyResult`), in
each language, its text on one line and cut with `…` when long."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from orgspec.engine.context import Shared
from orgspec.engine.declarative import run_declarative
from orgspec.engine.lint import lint, load_org
from orgspec.engine.registry import RuleMeta
from orgspec.findings import Severity
from orgspec.i18n import say
from orgspec.load.config import Config
from orgspec.model.krname import SHOWN, key_result_named
from orgspec.text.shorten import columns, shorten

TODAY = dt.date(2026, 2, 1)
EXAMPLE = str(REPO / "examples" / "ecommerce")


def test_shorten_keeps_short_text_and_cuts_long_text_before_a_word_or_number() -> None:
    assert shorten("月活跃用户数从120万增长到132万", 60) == "月活跃用户数从120万增长到132万"
    assert shorten("  two\n lines\t", 60) == "two lines"
    assert shorten("Reduce complaint resolution time from 48 hours to 24 hours", 40) == \
        "Reduce complaint resolution time from…"  # not `from 4…`
    assert shorten("新会员首单转化率从百分之十二提升到百分之十八，复购率提升", 30) == \
        "新会员首单转化率从百分之十二…"
    assert shorten("用户满意度评分从4.3提升到4.6", 18) == "用户满意度评分从…"  # not `从4…`
    assert shorten("用户满意度评分从4.3提升到4.6", 20) == "用户满意度评分从4.3…"
    assert shorten("x" * 80, 20) == "x" * 19 + "…"  # a long word is cut, not dropped
    for text in ("a" * 100, "汉" * 100, "ab 汉字 " * 30):
        assert sum(columns(c) for c in shorten(text, SHOWN)) <= SHOWN


def test_a_key_result_is_named_by_its_text_and_its_id() -> None:
    assert key_result_named("提升用户活跃度", "activity") == "提升用户活跃度 (activity)"
    assert repr(key_result_named("提升用户活跃度", "activity")) == "提升用户活跃度 (activity)"
    assert key_result_named("", "kr1") == "kr1"  # no text: its id, quoted as an id is
    assert key_result_named("MAU", "mau") == "mau"
    assert key_result_named(None, "kr1") == "kr1"
    long = key_result_named("Increase weekly engaged customers from 20,000 to 24,000 by the "
                            "end of March 2026", "kr2")
    assert long == "Increase weekly engaged customers from 20,000 to 24,000 by… (kr2)"
    # hidden characters escaped as `{value!r}` escapes them, so no format carries them raw;
    # a joiner inside an emoji is text
    assert key_result_named("improve \u202eevil\u200b x", "k") == \
        "improve \\u202eevil\\u200b x (k)"
    assert key_result_named("满意度 👩\u200d💻", "k") == "满意度 👩\u200d💻 (k)"


ENGAGE = "提升用户活跃度 (ops-2026q1-engagement)"
STABLE = "大促期间平台稳定运行 (tech-2026q1-stability)"
ACTIVITY, REVIEW = "提升用户活跃度 (activity)", "召开大促稳定性评审会 (weekly-review)"


@pytest.mark.parametrize(("lang", "ok004", "ok003"), [
    ("zh", f"目标 {ENGAGE} 的关键结果 {ACTIVITY} 表述模糊：用了 '提升' 却没有目标值",
     f"目标 {STABLE} 的关键结果 {REVIEW} 不可衡量：缺少目标值"),
    ("zh-Hant", f"目標 {ENGAGE} 的關鍵結果 {ACTIVITY} 描述模糊：用了 '提升' 卻沒有目標值",
     f"目標 {STABLE} 的關鍵結果 {REVIEW} 不可衡量：缺少目標值"),
    ("en", f"key result {ACTIVITY} of {ENGAGE} is vague: '提升' without a target value",
     f"key result {REVIEW} of {STABLE} is not measurable: no target value"),
])
def test_the_example_s_key_results_are_quoted_by_their_text(lang: str, ok004: str,
                                                             ok003: str) -> None:
    out = run_cli("check", EXAMPLE, "--isolated", "--no-cache", "--lang", lang).stdout
    tag = {"en": "error", "zh": "错误", "zh-Hant": "錯誤"}[lang]  # the severity as said
    assert f"examples/ecommerce/okrs/2026-q1.yaml:26:5: OK004 [{tag}] {ok004}\n" in out
    assert f"examples/ecommerce/okrs/2026-q1.yaml:87:5: OK003 [{tag}] {ok003}\n" in out
    assert "'activity'" not in out and "'weekly-review'" not in out


LONG = "Increase weekly engaged customers from 20,000 to 24,000 by the end of March 2026"
ORG = f"""\
- {{kind: Team, id: ops, name: 运营部, lead: li, members: [li]}}
- {{kind: Person, id: li, name: 李雷}}
- kind: Objective
  id: o1
  title: 提升用户活跃度
  owner: ops
  period: 2026-Q1
  key_results:
    - id: kr1
      title: 月活跃用户数从120万增长到132万
      due: 2026-02-30
    - id: kr2
      title: {LONG}
      owner: opz
      target: lots
    - id: ops
      title: 日活跃用户数从30万增长到36万
      baseline: 30万
      target: 36万
      due: 2026-09-30
"""


def _found(tmp_path: Path, lang: str) -> dict[tuple[str, int], str]:
    (tmp_path / "o.yaml").write_text(ORG, "utf-8")
    result = lint([str(tmp_path)], Config(lang=lang), today=TODAY)
    return {(f.code, f.location.line): str(f.message) for f in result.findings}


def test_every_rule_quotes_a_key_result_alike_cut_when_long(tmp_path: Path) -> None:
    shown = "Increase weekly engaged customers from 20,000 to 24,000 by… (kr2)"
    found = _found(tmp_path, "en")
    assert found[("SC003", 11)] == "key result 月活跃用户数从120万增长到132万 (kr1): `due` " \
        "'2026-02-30' is not a date: February 2026 has 28 days"
    assert found[("RF001", 14)] == f"unknown Team, Person or Role 'opz' in `owner` of key " \
        f"result {shown} of objective 'o1'"  # the output names the objective (`with_names`)
    assert found[("OK006", 15)] == f"target 'lots' of key result {shown} is not a number"
    assert found[("OK009", 20)] == "key result 日活跃用户数从30万增长到36万 (ops) is due " \
        "2026-09-30, outside the period of objective 'o1' (2026-01-01 to 2026-03-31)"
    zh = _found(tmp_path, "zh")
    assert zh[("SC003", 11)].startswith("关键结果 月活跃用户数从120万增长到132万 (kr1) 的 `due`")
    assert zh[("OK006", 15)] == f"关键结果 {shown} 的 target 值 'lots' 不是数字"


def test_a_key_result_whose_id_is_a_team_s_is_not_said_with_the_team_s_name(
        tmp_path: Path) -> None:
    """The text output names the ids a message quotes (`运营部 (ops)`); key result `ops`
    is quoted by its own text, never as team `ops`."""
    (tmp_path / "o.yaml").write_text(ORG, "utf-8")
    out = run_cli("check", str(tmp_path), "--isolated", "--no-cache", "--lang", "en").stdout
    assert "OK009 [warning] key result 日活跃用户数从30万增长到36万 (ops) is due 2026-09-30, " \
        "outside the period of objective 提升用户活跃度 (o1)" in out
    assert "运营部 (ops) is due" not in out


def test_a_key_result_quoted_in_a_cached_finding_is_said_alike(tmp_path: Path) -> None:
    """A finding read back from the cache (pickled) says the key result as a fresh one."""
    (tmp_path / "o.yaml").write_text(ORG, "utf-8")
    [f] = [f for f in lint([str(tmp_path)], Config(lang="en"), today=TODAY).findings
           if f.code == "OK006"]
    again = pickle.loads(pickle.dumps(f))
    source = again.message.source
    for lang in ("en", "zh", "zh-Hant"):
        assert say(source, lang) == say(f.message.source, lang)
    assert "by… (kr2)" in say(source, "zh") and "'" + "kr2" not in say(source, "zh")


def test_a_rule_pack_s_key_result_rule_quotes_it_by_its_text_but_code_keeps_the_id(
        tmp_path: Path) -> None:
    (tmp_path / "o.yaml").write_text(ORG, "utf-8")
    org = load_org([str(tmp_path)]).org
    for message, said in (
            ("", ["key result 月活跃用户数从120万增长到132万 (kr1) has no `owner`",
                  "key result 日活跃用户数从30万增长到36万 (ops) has no `owner`"]),
            ("{kind} {id!r}: set `owner` (see `{id}`)",
             ["key result 'kr1': set `owner` (see `kr1`)",
              "key result 'ops': set `owner` (see `ops`)"])):
        rule = RuleMeta("ACME001", "acme", "acme", Severity.ERROR, "s", "r", given="KeyResult",
                        then={"field": "owner", "function": "defined"}, message=message)
        issues = list(run_declarative(rule, Shared(org, TODAY)))
        assert [str(i.message) for i in issues] == said


def test_the_org_diff_cuts_a_long_key_result_as_the_findings_do(tmp_path: Path) -> None:
    from test_ci_units import BASE, org_changes

    head = BASE + ("- {kind: Objective, id: o, title: 增长, owner: shop,\n"
                   f"   key_results: [{{id: k9, title: '{LONG}'}}]}}\n")
    assert "key result added: Increase weekly engaged customers from 20,000 to 24,000 by… " \
        "(o/k9)" in org_changes(tmp_path, BASE, head)
