"""Trial 35's hints (an HK/Taipei ops lead writing Traditional Chinese): each said the exact
findings (code, file, line, hint) before the fix and after it, and each hint, followed,
leaves a clean check."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

MEETINGS = """\
- kind: Meeting
  id: cs-morning
  name: 客服晨會
  cadence: 逢星期一至五 9:15
  owner: hk005
  attendees: [cs]

- kind: Meeting
  id: ops-weekly
  name: 營運週例會
  cadence: 每週一 10:00
  owner: hk002
  attendees: [cs]

- kind: Meeting
  id: tw-morning
  name: 台灣晨會
  cadence: 平日 09:30
  owner: hk002
  attendees: [cs]
"""
TEAMS = """\
- {kind: Team, id: cs, name: 客服部, lead: hk002, members: [hk002, hk005],
   responsibilities: [{id: refunds, name: 退款處理}]}
"""
PEOPLE = """\
- {kind: Person, id: hk002, name: 陳嘉欣}
- {kind: Person, id: hk005, name: 何詠詩}
"""


def _check(org: Path, lang: str = "en") -> tuple[list[tuple[str, str, int]], str]:
    """The findings (code, file, line) and the text output, without the cache and with it
    (a second run reads it): the same both ways."""
    json_runs = [run_cli("check", str(org), "--isolated", "--format", "json", "--lang", lang,
                         *flag) for flag in (["--no-cache"], [], [])]
    found = [[(f["code"], Path(f["file"]).name, f["line"]) for f in run.json()["findings"]]
             for run in json_runs]
    assert found[0] == found[1] == found[2]
    text = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang)
    return found[0], text.stdout


def _org(write_org, meetings: str = MEETINGS, **more: str) -> Path:  # type: ignore[no-untyped-def]
    return write_org({"會議.yml": meetings, "teams.yaml": TEAMS, "people.yaml": PEOPLE,
                      **more})


def test_the_org_is_clean(write_org) -> None:  # type: ignore[no-untyped-def]
    assert _check(_org(write_org))[0] == []


@pytest.mark.parametrize(("item", "line"), [(2, 8), (1, 1), (3, 15)])
def test_a_list_item_without_its_dash_is_one_finding_saying_the_dash(
        write_org, item: int, line: int) -> None:  # type: ignore[no-untyped-def]
    """Before: the 2nd item without `- ` said to indent `kind:` 2 spaces (which then gave
    IN004, `- kind: Meeting`: two edits); the 1st said to align `id:` with `kind:`, then
    `name:`, ..., ending in a bare YAML syntax error. Now one finding on the item's line,
    whose hint is the line with its `- `."""
    at = -1
    for _ in range(item):
        at = MEETINGS.index("- kind: Meeting", at + 1)
    meetings = MEETINGS[:at] + MEETINGS[at + 2:]
    org = _org(write_org, meetings)
    found, text = _check(org)
    assert found == [("IN001", "會議.yml", line)]
    assert f"會議.yml:{line}:1: IN001 [error] `kind:` starts a list item, but its `- ` is " \
        "missing: the other items of the list start with `- `\n" \
        "    hint: start the new item with `- `: `- kind: Meeting`\n" in text
    assert "indent" not in text and "align" not in text
    _, hant = _check(org, "zh-Hant")
    assert "IN001 [錯誤] `kind:` 是一個清單項目的開頭，但缺了 `- `：這個清單的其他項都以 `- ` " \
        "開頭\n    建議: 新的一項要以 `- ` 開頭：`- kind: Meeting`\n" in hant
    _, zh = _check(org, "zh")
    assert "`kind:` 是一个列表项的开头，但缺了 `- `" in zh
    (org / "會議.yml").write_text(MEETINGS, "utf-8")  # the hint, followed
    assert _check(org)[0] == []


def test_a_nested_item_without_its_dash(write_org) -> None:  # type: ignore[no-untyped-def]
    okr = """\
- kind: Objective
  id: double11
  title: 雙十一大促創新高
  owner: cs
  period: 2026-Q4
  key_results:
    - id: gmv
      title: 雙十一當日 GMV 由 800 萬港元增長到 1,200 萬港元（11月12日前）
    id: csat
      title: 滿意度評分從4.6分升至4.8分（12月31日前）
"""
    found, text = _check(_org(write_org, **{"okr.yaml": okr}))
    assert found == [("IN001", "okr.yaml", 9)]
    assert "hint: start the new item with `- `: `- id: csat`\n" in text
