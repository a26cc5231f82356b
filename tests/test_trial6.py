"""A Taiwanese operations lead's trial (trial 6): the mistakes that gave a wrong value, a
cascade, English words or escaped code points, each now one plain finding in the run's
language."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from orgspec.load.yamlevents import parse

TEAM = """\
- kind: Team
  id: ops
  name: 營運部
  lead: p
  members: [p]
  responsibilities: [{id: d, description: 營運}]
- kind: Person
  id: p
  name: 林美玲
"""

KPIS = TEAM + """\
  roles: [mgr]
- kind: Position
  id: mgr
  name: 營運經理
  team: ops
  holders: [p]
  duties: [d]
  kpis: [雙11 GMV 達 NT$4,000 萬, 轉換率 2.8% 以上]
"""

KEY_RESULTS = TEAM + """\
- kind: Objective
  id: o1
  title: 大促成長
  owner: ops
  period: 2026-Q4
  key_results:
    - {id: k1, title: 營收達新台幣 5,000 萬元}
    - {id: k2, title: 客訴率降至 0.3% 以下}
"""


def check(folder: Path, lang: str) -> list[dict[str, Any]]:
    run = run_cli("check", str(folder), "--isolated", "--format", "json", "--lang", lang)
    findings: list[dict[str, Any]] = run.json()["findings"]
    return findings


def where(findings: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    return [(f["code"], Path(f["file"]).name, f["line"], f["column"]) for f in findings]


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "the comma in `4,000` splits this item in two: inside `[...]` YAML ends an item at "
           "every comma, so it reads `雙11 GMV 達 NT$4` and `000 萬` as two items",
     "put the item in quotes: `\"雙11 GMV 達 NT$4,000 萬\"`, or write the list one item per "
     "line (`- 雙11 GMV 達 NT$4,000 萬`)"),
    ("zh", "`4,000` 中的逗号把这一项拆成了两项：在 `[...]` 里 YAML 遇到逗号就结束一项，所以读成了 "
           "`雙11 GMV 達 NT$4` 和 `000 萬` 两项",
     "给这一项加上引号：`\"雙11 GMV 達 NT$4,000 萬\"`，或者把列表写成每行一项（`- 雙11 GMV 達 "
     "NT$4,000 萬`）"),
    ("zh-Hant", "`4,000` 中的逗號把這一項拆成了兩項：在 `[...]` 裡 YAML 遇到逗號就結束一項，"
                "所以讀成了 `雙11 GMV 達 NT$4` 和 `000 萬` 兩項",
     "給這一項加上引號：`\"雙11 GMV 達 NT$4,000 萬\"`，或者把清單寫成每行一項（`- 雙11 GMV 達 "
     "NT$4,000 萬`）"),
])
def test_a_thousands_comma_in_a_flow_list_is_one_finding_at_the_comma(
        write_org, lang: str, message: str, hint: str) -> None:
    found = check(write_org({"org.yaml": KPIS}), lang)
    assert where(found) == [("IN015", "org.yaml", 17, 24)]  # no RO004 on the KPI '000 萬'
    assert (found[0]["message"], found[0]["hint"]) == (message, hint)


def test_a_thousands_comma_in_a_flow_mapping_is_one_finding_not_an_unknown_field(
        write_org) -> None:
    found = check(write_org({"okr.yaml": KEY_RESULTS}), "zh-Hant")
    assert where(found) == [("IN015", "okr.yaml", 16, 31)]  # no SC001 `000 萬元`
    assert found[0]["message"] == (
        "`5,000` 中的逗號截斷了 `title` 的值：在 `{...}` 裡 YAML 遇到逗號就結束一個欄位，所以 "
        "`title` 只剩 `營收達新台幣 5`，`000 萬元` 被當成另一個欄位")
    assert found[0]["hint"] == ("給這個值加上引號：`title: \"營收達新台幣 5,000 萬元\"`，"
                                "或者每行寫一個欄位")
    english = check(write_org({"okr.yaml": KEY_RESULTS}), "en")
    assert english[0]["message"].startswith("the comma in `5,000` cuts the value of `title`")


@pytest.mark.parametrize("text", [
    "kpis: ['NT$4,000 萬', x]",  # quoted: the comma is text
    'kpis: ["NT$4,000 萬", x]',
    "kpis:\n  - NT$4,000 萬\n",  # a block list: a comma is text
    "kpis: [1, 2, 3]",  # a comma and a space: a list of numbers
    "kpis: [1,2,3]",  # a list of bare numbers
    "kpis: [100,200,300]",
    "kpis: [a,b]",
    "title: 營收 5,000 萬元",  # a block mapping's plain value
])
def test_a_comma_that_does_not_split_a_number_is_no_finding(text: str) -> None:
    assert parse(text).fatal is None


@pytest.mark.parametrize(("text", "col"), [("kpis: [成長 1,5 倍]", 12),  # a decimal comma
                                           ("kpis: [1,000 萬]", 9), ("{a: 年 2026,12}", 11)])
def test_a_comma_between_digits_is_found_in_any_item(text: str, col: int) -> None:
    fatal = parse(text).fatal
    assert fatal is not None
    assert (fatal.code, fatal.line, fatal.col) == ("IN015", 1, col)


@pytest.mark.parametrize("loader", ["c", "pure"])
def test_the_comma_is_found_after_wide_characters_with_either_parser(
        monkeypatch: pytest.MonkeyPatch, loader: str) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", loader)
    fatal = parse("- {id: k1, title: 👩‍💻 營收 1,200,000 元}\n").fatal
    assert fatal is not None
    assert (fatal.code, fatal.line, fatal.col) == ("IN015", 1, 27)
    assert "`title: \"👩‍💻 營收 1,200,000 元\"`" in fatal.hint


def _pyyaml_texts() -> list[tuple[str, str]]:
    """(context, problem) of every error PyYAML's reader, scanner, parser, composer and
    constructor raise, read from their source (the literal text before any `%`)."""
    import ast
    import inspect

    import yaml.composer
    import yaml.constructor
    import yaml.parser
    import yaml.scanner

    def literal(node: ast.expr | None) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.BinOp):
            return literal(node.left)
        return ""

    out = []
    for module in (yaml.scanner, yaml.parser, yaml.composer, yaml.constructor):
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                    node.func.id.endswith("Error") and len(node.args) >= 3:
                out.append((literal(node.args[0]), literal(node.args[2])))
    return sorted(set(out))


PYYAML_TEXTS = _pyyaml_texts()
# libyaml (the C parser) says most of them in its own words
LIBYAML_TEXTS = [
    "found character that cannot start any token", "did not find expected key",
    "mapping values are not allowed in this context", "could not find expected ':'",
    "did not find expected '-' indicator", "did not find expected ',' or ']'",
    "did not find expected ',' or '}'", "did not find expected node content",
    "did not find expected <document start>", "found unexpected end of stream",
    "found unknown escape character", "did not find expected hexdecimal number",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "block sequence entries are not allowed in this context",
    "mapping keys are not allowed in this context", "found unexpected document indicator",
    "found an indentation indicator equal to 0", "did not find expected comment or line break",
    "did not find expected alphabetic or numeric character", "did not find the expected '>'",
    "found unknown directive name", "found duplicate %YAML directive", "found unexpected ':'",
    "did not find expected whitespace or line break", "found undefined tag handle",
    "control characters are not allowed", "invalid leading UTF-8 octet",
]


def test_pyyaml_source_is_read_for_its_texts() -> None:
    problems = {p for _, p in PYYAML_TEXTS}
    assert len(PYYAML_TEXTS) > 60
    assert "found character %r that cannot start any token" in problems
    assert "did not find expected key" in {p for _, p in PYYAML_TEXTS} | set(LIBYAML_TEXTS)


@pytest.mark.parametrize("text", [p for _, p in PYYAML_TEXTS if p] + LIBYAML_TEXTS)
@pytest.mark.parametrize("lang", ["zh", "zh-Hant", "en"])
def test_every_yaml_problem_is_said_in_plain_words(text: str, lang: str) -> None:
    from orgspec.i18n import say
    from orgspec.load.yamlwords import words

    said = words(text)
    assert said != "YAML cannot read the text here", text
    if lang != "en":
        assert not re.search(r"[A-Za-z]{3,}", re.sub(r"`[^`]*`|YAML|UTF-8|orgspec|Tab", "",
                                                    say(said, lang))), say(said, lang)


@pytest.mark.parametrize("context", sorted({c for c, _ in PYYAML_TEXTS if c.startswith("while")
                                            and "%" not in c}))
def test_every_yaml_context_is_said_in_plain_words(context: str) -> None:
    from orgspec.i18n import say
    from orgspec.load.yamlwords import words

    said = say(words(f"{context}: did not find expected key"), "zh")
    assert said.endswith("时：这一行不是上面那一项的字段（缩进对不上）"), said


BROKEN = [
    "- kind: Team\n  id: cs\n  name: 客服部\n  responsibilities:\n\t- complaint\n",
    "- kind: Team\n  id: cs\n  name: 客服部\n   lead: p\n",
    "- kind: Team\n  id: cs\n  members: [a, b\n",
    "- kind: Team\n  id: cs\n  name: '客服部\n",
    "- kind: Team\n  id: cs\n  name: \"客服\\q部\"\n",
    "- kind: Team\n  id: cs\n  name: 客服部\n- - - :\n",
    "- kind: Team\n  id: cs\n  name: |0\n    客服部\n",
    "- kind: Team\n  id: cs\n  lead: ]\n",
    "- kind: Team\n  id: cs\n  name: - 客服部\n",
    "- {kind: Team, id: cs} x\n",
]


@pytest.mark.parametrize("parser", ["c", "pure"])
@pytest.mark.parametrize("text", BROKEN)
def test_no_parser_english_in_a_chinese_message(write_org, monkeypatch: pytest.MonkeyPatch,
                                                parser: str, text: str) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    folder = write_org({"org.yaml": text})
    for lang in ("zh", "zh-Hant"):
        [finding] = check(folder, lang)
        assert finding["code"] == "IN001"
        said = re.sub(r"`[^`]*`|YAML|Tab", "", finding["message"] + finding["hint"])
        assert not re.search(r"[A-Za-z]{3,}", said), (lang, finding["message"])


DIRECTION = TEAM + """\
- kind: Objective
  id: o1
  title: 提升轉換率
  owner: ops
  period: 2026-Q4
  key_results:
    - id: k3
      title: 轉換率
      metric: 轉換率
      baseline: 2.1%
      target: 2.8%
      direction: {word}
"""


@pytest.mark.parametrize(("word", "fix"), [("增加", "increase"), ("上升", "increase"),
                                           ("提高", "increase"), ("減少", "decrease"),
                                           ("降低", "decrease"), ("下降", "decrease"),
                                           ("维持", "maintain"), ("保持", "maintain")])
def test_a_chinese_direction_gets_the_word_to_write(write_org, word: str, fix: str) -> None:
    folder = write_org({"okr.yaml": DIRECTION.replace("{word}", word)})
    said = {lang: check(folder, lang) for lang in ("zh", "zh-Hant", "en")}
    for lang, found in said.items():
        assert where(found) == [("SC003", "okr.yaml", 21, 18)], lang
    assert (said["zh-Hant"][0]["message"], said["zh-Hant"][0]["hint"]) == (
        f"關鍵結果 轉換率 (k3) 的 `direction`：'{word}' 不是 `increase`、`decrease`、"
        "`maintain` 之一",
        f"寫成 `direction: {fix}`")
    assert (said["zh"][0]["message"], said["zh"][0]["hint"]) == (
        f"关键结果 轉換率 (k3) 的 `direction`：'{word}' 不是 `increase`、`decrease`、"
        "`maintain` 之一",
        f"写成 `direction: {fix}`")
    assert (said["en"][0]["message"], said["en"][0]["hint"]) == (
        f"key result 轉換率 (k3): `direction`: '{word}' is not one of `increase`, `decrease`, "
        "`maintain`", f"write `direction: {fix}`")


SHAPES: list[Any] = ["x", "", "a" * 300, "-1", "三", "也许", "2026-13-45", "明天",
                     ["x"], [["x"]], {"a": "b"}, ["x"] * 1001]


def test_no_pydantic_english_in_a_chinese_message(write_org) -> None:
    """Every field of every kind (and of key results, steps, charter items, duties, KPIs)
    given every shape YAML can give: each SC003 is said without pydantic's words."""
    import json

    from orgspec.model.models import MODELS

    entities: list[dict[str, Any]] = []
    parts = {"key_results": {"id": "k", "title": "t"}, "steps": {"id": "s"},
             "responsibilities": {"id": "r"}, "duties": {"id": "r"}, "kpis": {"title": "t"}}
    for kind, model in MODELS.items():
        base = {"kind": kind, "id": "x", "title": "t"} if kind == "Objective" else \
            {"kind": kind, "id": "x"}
        for name in model.model_fields:
            if name in ("kind", "id"):
                continue
            for value in SHAPES:
                entities.append({**base, name: value})
            if name in parts:
                part = parts[name]
                inner = model.model_fields[name].annotation
                for field_name in ("id", "title", "role", "direction", "due", "sla", "next",
                                   "owner", "ref", "baseline"):
                    for value in SHAPES[:9]:
                        entities.append({**base, name: [{**part, field_name: value}]})
                assert inner is not None
    folder = write_org({"all.yaml": json.dumps(entities, ensure_ascii=False)})
    found = [f for f in check(folder, "zh") if f["code"] == "SC003"]
    assert len(found) > 100
    for f in found:
        said = re.sub(r"`[^`]*`|'[^']*'|\d+|YYYY-MM-DD|name@example\.com|README|"
                      r"order-platform", "", f["message"] + f["hint"])
        assert not re.search(r"[A-Za-z]{3,}", said), f["message"]


SPACE_LEAD = """\
- kind: Team
  id: cs
  name: 客服部
  lead: chen-jing\u3000
  members: [chen-jing, "lin-mei\u00a0"]
  responsibilities: [{id: refund, description: 退款}]
- kind: Person
  id: chen-jing
  name: 陳靜
- kind: Person
  id: lin-mei
  name: 林美
"""


@pytest.mark.parametrize(("lang", "said"), [
    ("zh-Hant", [("`lead` 中的 `chen-jing` 末尾多了一個全形空格，因此對不上任何人員",
                  "刪掉它，寫成 `lead: chen-jing`"),
                 ("`members` 中的 `lin-mei` 末尾多了一個不換行空格，因此對不上任何人員",
                  "刪掉它，寫成 `lin-mei`（由這個錯誤引起的 1 條問題在改正之前暫不報告："
                  "人員 'lin-mei' 的 HI007）")]),
    ("zh", [("`lead` 中的 `chen-jing` 末尾多了一个全角空格，因此对不上任何人员",
             "删掉它，写成 `lead: chen-jing`"),
            ("`members` 中的 `lin-mei` 末尾多了一个不换行空格，因此对不上任何人员",
             "删掉它，写成 `lin-mei`（由这个错误引起的 1 条问题在改正之前暂不报告："
             "人员 'lin-mei' 的 HI007）")]),
    ("en", [("`chen-jing` in `lead` ends with a full-width space, so it names no Person",
             "delete it: write `lead: chen-jing`"),
            ("`lin-mei` in `members` ends with a non-breaking space, so it names no Person",
             "delete it: write `lin-mei` (1 finding that follows from this mistake is "
             "held back until it is fixed: HI007 on person 'lin-mei')")]),
])
def test_a_typed_space_after_an_id_is_named_in_words(write_org, lang: str,
                                                     said: list[tuple[str, str]]) -> None:
    found = check(write_org({"org.yaml": SPACE_LEAD}), lang)
    assert where(found) == [("RF001", "org.yaml", 4, 9), ("RF001", "org.yaml", 5, 24)]
    assert [(f["message"], f["hint"]) for f in found] == said
    assert not any("\\u" in f["message"] or "\\x" in f["message"] for f in found)


def test_a_typed_space_after_a_defined_id_is_one_finding(write_org) -> None:
    text = ("- kind: Person\n  id: chen-jing\u3000\n  name: 陳靜\n- kind: Team\n  id: cs\n"
            "  name: 客服部\n  lead: chen-jing\n  members: [chen-jing]\n"
            "  responsibilities: [{id: refund, description: 退款}]\n")
    found = check(write_org({"org.yaml": text}), "zh-Hant")
    assert where(found) == [("SC003", "org.yaml", 2, 7)]  # no RF001 for the lead, the member
    assert (found[0]["message"], found[0]["hint"]) == (
        "`id` 的值 `chen-jing` 末尾多了一個全形空格", "刪掉它，寫成 `id: chen-jing`")


def test_a_quoted_value_shows_typed_spaces_not_code_points() -> None:
    from orgspec.i18n import M, say

    message = M("unknown {kinds} {value!r} in `{field}`", kinds=M("Person"),
                value="陳\u3000靜\u00a0", field="lead")
    assert say(message, "zh-Hant") == "`lead` 中的 '陳\u3000靜\u00a0' 不是已知的人員"
    assert str(message) == "unknown Person '陳\u3000靜\u00a0' in `lead`"
    hidden = M("{value!r}", value="a\u202eb\u200b\\u3000")  # bidi, zero-width: escaped
    assert str(hidden) == "'a\\u202eb\\u200b\\\\u3000'"


def test_a_yaml_file_in_upper_case_is_read(write_org) -> None:
    folder = write_org({
        "teams.yaml": "- kind: Team\n  id: cs\n  name: 客服部\n  lead: p\n  members: [p, q]\n"
                      "  responsibilities: [{id: refund, description: 退款}]\n",
        "people.YAML": "- kind: Person\n  id: p\n  name: 陳靜\n  title: 客服處長\n",
        "more/people.Yml": "- kind: Person\n  id: q\n  name: 林美\n",
        "notes.txt": "not an org file",
    })
    run = run_cli("check", str(folder), "--isolated", "--format", "json", "--lang", "en")
    assert run.json()["findings"] == []  # no RF001 for p and q
    assert run.json()["summary"]["files"] == 3
    assert run.json()["summary"]["entities"] == 4  # the team, its duty, two people


DUTIES = """\
- kind: Responsibility
  id: data
  name: 數據分析
  accountable: operatoins
- kind: Responsibility
  id: billing
  name: 帳務
  accountable: finanse
"""
TEAMS_BROKEN = "- kind: Team\n  id: operations\n  name：營運部\n"
TEAMS_FLOW_BROKEN = "- {kind: Team, id: operations, name: 營運部}\n- kind: Team\n  name：x\n"


@pytest.mark.parametrize("teams", [TEAMS_BROKEN, TEAMS_FLOW_BROKEN])
def test_an_unknown_id_close_to_one_an_unreadable_file_defines_is_held_back(
        write_org, teams: str) -> None:
    folder = write_org({"duties.yaml": DUTIES, "teams.yaml": teams})
    found = check(folder, "zh-Hant")
    # `operatoins` may be the typo of the team the broken file defines: held back until it
    # parses; `finanse` is close to nothing there: reported
    assert [(code, file) for code, file, _, _ in where(found)] == [
        ("RF001", "duties.yaml"), ("IN001", "teams.yaml")]
    assert found[0]["line"] == 8 and "'finanse'" in found[0]["message"]


def test_once_the_file_parses_the_typo_gets_its_did_you_mean(write_org) -> None:
    folder = write_org({"duties.yaml": DUTIES,
                        "teams.yaml": TEAMS_BROKEN.replace("name：", "name: ")})
    found = [f for f in check(folder, "zh-Hant") if f["code"] == "RF001"]
    assert (found[0]["line"], found[0]["hint"]) == (4, "是不是要寫 'operations'？"
                                                          "（由這個錯誤引起的 1 條問題在改正之前"
                                                          "暫不報告：團隊 'operations' 的 OW006）")


TINY = """\
- kind: Team
  id: cs
  name: {team}
  lead: p
  members: [p]
  responsibilities: [{{id: refund, description: {duty}}}]
- kind: Person
  id: p
  name: {person}
  title: {title}
"""


@pytest.mark.parametrize(("words", "locale", "lang"), [
    (("客服部", "退款", "陳靜", "客服處長"), "C", "zh-Hant"),  # 陳 靜 處 長
    (("客服部", "退款", "陈静", "客服处长"), "C", "zh"),
    (("客服部", "退款", "陈静", "客服处长"), "zh_TW.UTF-8", "zh"),
    (("Support", "Refunds", "Chen Jing", "Head of support"), "zh_TW.UTF-8", "en"),
    (("台中客服部", "退款", "林美", "客服"), "zh_TW.UTF-8", "zh-Hant"),  # 台 tells no script
    (("台中客服部", "退款", "林美", "客服"), "C", "zh"),
    (("客服部", "退款", "林美", "客服"), "zh_HK.UTF-8", "zh-Hant"),
])
def test_a_tiny_org_speaks_its_own_script(write_org, words: tuple[str, ...], locale: str,
                                          lang: str) -> None:
    team, duty, person, title = words
    folder = write_org({"o.yaml": TINY.format(team=team, duty=duty, person=person,
                                              title=title)})
    run = run_cli("check", str(folder), "--isolated", "--format", "json",
                  env={"LANG": locale, "LC_ALL": "", "LANGUAGE": "", "LC_MESSAGES": ""})
    assert run.json()["lang"] == lang


def test_a_tiny_traditional_org_is_summed_up_in_traditional(write_org) -> None:
    folder = write_org({"o.yaml": TINY.format(team="客服部", duty="退款", person="陳靜",
                                              title="客服處長")})
    run = run_cli("check", str(folder), "--isolated", env={"LANG": "C"})
    assert run.stdout == "未發現問題，共 1 個檔案（3 個實體）。\n"


def test_a_file_that_does_not_parse_speaks_its_writers_language(write_org) -> None:
    run = run_cli("check", str(write_org({"org.yaml": KPIS})), "--isolated", "--format",
                  "json", env={"LANG": "C"})
    assert run.json()["lang"] == "zh-Hant"  # 營運 雙 達 萬, read from the unparsed text
    assert run.json()["findings"][0]["message"].startswith("`4,000` 中的逗號")
