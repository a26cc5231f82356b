"""A Taiwanese operations lead's trial (trial 6): the mistakes that gave a wrong value, a
cascade, English words or escaped code points, each now one plain finding in the run's
language."""

from __future__ import annotations

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
     "給這一項加上引號：`\"雙11 GMV 達 NT$4,000 萬\"`，或者把列表寫成每行一項（`- 雙11 GMV 達 "
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
    "kpis: [a,b]",
    "title: 營收 5,000 萬元",  # a block mapping's plain value
])
def test_a_comma_that_does_not_split_a_number_is_no_finding(text: str) -> None:
    assert parse(text).fatal is None


@pytest.mark.parametrize("loader", ["c", "pure"])
def test_the_comma_is_found_after_wide_characters_with_either_parser(
        monkeypatch: pytest.MonkeyPatch, loader: str) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", loader)
    fatal = parse("- {id: k1, title: 👩‍💻 營收 1,200,000 元}\n").fatal
    assert fatal is not None
    assert (fatal.code, fatal.line, fatal.col) == ("IN015", 1, 27)
    assert "`title: \"👩‍💻 營收 1,200,000 元\"`" in fatal.hint
