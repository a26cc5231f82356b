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


OKRS = """\
- kind: Objective
  id: double11
  title: 雙十一大促創新高
  owner: cs
  period: 2026-Q4
  key_results:
    - id: gmv
      title: 雙十一當日 GMV 由 800 萬港元增長到 1,200 萬港元（11月12日前）
    - id: tw-share
      title: 台灣訂單佔比由 20% 提高到 30%（12月31日前）
"""
POSITIONS = """\
- kind: Position
  id: cs-agent
  name: 客服專員
  team: cs
  holders: [hk005]
  kpis:
    - 首次回應時間不超過 5 分鐘
    - metric: 投訴一次解決率
      title: 投訴一次解決率 85%
      target: 85%
"""


@pytest.mark.parametrize(("file", "written", "line", "en", "hant"), [
    ("okr.yaml", "      title: 台灣訂單佔比", 10,
     "SC001 [error] key result 2 of objective 雙十一大促創新高 (double11) has an unknown field "
     "`標題`\n    hint: rename `標題` to `title` and keep its value: `title: 台灣訂單佔比由 20% "
     "提高到 30%（12月31日前）`\n",
     "SC001 [錯誤] 目標 雙十一大促創新高 (double11) 的第 2 個關鍵結果裡有未知欄位 `標題`\n"
     "    建議: 把 `標題` 改成 `title`，值保持不變：`title: 台灣訂單佔比由 20% 提高到 30%"
     "（12月31日前）`\n"),
    ("okr.yaml", "  title: 雙十一", 3,
     "SC001 [error] unknown field `標題`\n    hint: rename `標題` to `title` and keep its value: "
     "`title: 雙十一大促創新高`\n",
     "SC001 [錯誤] 未知欄位 `標題`\n    建議: 把 `標題` 改成 `title`，值保持不變："
     "`title: 雙十一大促創新高`\n"),
    ("positions.yaml", "      title: 投訴", 9,
     "SC001 [error] KPI 2 of position 客服專員 (cs-agent) has an unknown field `標題`\n"
     "    hint: rename `標題` to `title` and keep its value: `title: 投訴一次解決率 85%`\n",
     "SC001 [錯誤] 職位 客服專員 (cs-agent) 的第 2 項 KPI 裡有未知欄位 `標題`\n"
     "    建議: 把 `標題` 改成 `title`，值保持不變：`title: 投訴一次解決率 85%`\n"),
])
def test_a_chinese_name_for_a_required_title_is_one_finding_saying_to_rename_it(
        write_org, file: str, written: str, line: int, en: str, hant: str) -> None:  # type: ignore[no-untyped-def]
    """Before: SC002 `the 3rd key result has no title` with an unrelated example title
    (followed, 標題 stayed: SC001), plus SC001 `unknown field key_results[2].標題` (counted
    from 0); an objective's `標題` gave a bare SC002 and SC001. Now the one SC001, at the key,
    counted from 1, saying to rename it (as `負責人:` gives SC001 alone)."""
    files = {"okr.yaml": OKRS, "positions.yaml": POSITIONS}
    files[file] = files[file].replace(written, written.replace("title", "標題"), 1)
    org = _org(write_org, **files)
    found, text = _check(org)
    assert found == [("SC001", file, line)]
    assert f"{file}:{line}:" in text and en in text
    assert "SC002" not in text and "[2]" not in text and "98%" not in text
    assert hant in _check(org, "zh-Hant")[1]
    (org / file).write_text(files[file].replace("標題", "title"), "utf-8")  # followed
    assert _check(org)[0] == []


def test_a_chinese_name_for_an_optional_field_still_gives_sc001_alone(write_org) -> None:  # type: ignore[no-untyped-def]
    org = _org(write_org, **{"okr.yaml": OKRS.replace("  owner: cs", "  負責人: cs")})
    found, text = _check(org)
    assert found == [("SC001", "okr.yaml", 4)]
    assert "hint: did you mean `owner`?" in text


PEOPLE_HK = """\
- kind: Person
  id: hk002
  name: 陳嘉欣
- kind: Person
  id: hk005
  name: 何詠詩
  names:
    en: Winnie Ho
- kind: Person
  id: hk008
  name: 鄭浩然
  names:
    en: Ho Yin Cheng
"""


@pytest.mark.parametrize(("owner", "en", "hant"), [
    ("鄭sir", "hint: '鄭sir' calls a person by the surname 鄭, which only 鄭浩然 has: write "
     "`hk008`\n", "建議: '鄭sir' 是按姓氏 鄭 對人的稱呼，而姓 鄭 的只有 鄭浩然：請寫 `hk008`\n"),
    ("何Madam", "hint: '何Madam' calls a person by the surname 何, which only 何詠詩 has: "
     "write `hk005`\n", None),
    ("hk005#何詠詩", "hint: `#` starts a comment only after a space: YAML reads 'hk005#何詠詩' "
     "as one value; the id is `hk005`: write `hk005`, and a note at the end of the line after "
     "a space: `# 何詠詩`\n",
     "建議: `#` 前面要有空格才是註解：YAML 把 'hk005#何詠詩' 讀成一個值；id 是 `hk005`：寫 "
     "`hk005`，備註寫在行尾，前面加空格：`# 何詠詩`\n"),
    ("hk005＃何詠詩", "hint: a full-width `＃` never starts a comment: YAML reads "
     "'hk005＃何詠詩' as one value; the id is `hk005`: write `hk005`, and a note at the end of "
     "the line after a space and a half-width `#`: `# 何詠詩`\n",
     "建議: 全形的 `＃` 不是註解符號：YAML 把 'hk005＃何詠詩' 讀成一個值；id 是 `hk005`：寫 "
     "`hk005`，備註寫在行尾，前面加空格和半形的 `#`：`# 何詠詩`\n"),
    ("winnie-ho", "hint: did you mean hk005 (Winnie Ho)?\n", None),
])
def test_an_owner_written_as_colleagues_write_it_is_told_the_id(
        write_org, owner: str, en: str, hant: str | None) -> None:  # type: ignore[no-untyped-def]
    """Before: `鄭sir`, `hk005#何詠詩` and `hk005＃何詠詩` were told to write an id or add a
    team, person or position with that `name` (a fake entity); `winnie-ho` to add it to
    the org's files. Now each hint names the id meant."""
    meetings = MEETINGS.replace("  owner: hk005", f"  owner: {owner}", 1)
    org = _org(write_org, meetings, **{"people.yaml": PEOPLE_HK, "teams.yaml": TEAMS.replace(
        "[hk002, hk005]", "[hk002, hk005, hk008]")})
    found, text = _check(org)
    assert found == [("RF001", "會議.yml", 5)]
    assert en in text
    assert "add the" not in text and "name: " not in text
    if hant is not None:
        assert hant in _check(org, "zh-Hant")[1]
    (org / "會議.yml").write_text(MEETINGS, "utf-8")
    assert _check(org)[0] == []


@pytest.mark.parametrize(("seat_elsewhere", "en_word", "hant_word"), [
    (True, "待招聘", "待招聘"), (False, "vacant", "待招募")])
def test_a_holder_who_left_is_told_the_open_seat_word_too(
        write_org, seat_elsewhere: bool, en_word: str, hant_word: str) -> None:  # type: ignore[no-untyped-def]
    """Before: a person who left, still in a position's `holders`, was told only to add
    them back or change the reference. Now the hint says to write the open seat too: in
    the word the org writes one with (`待招聘`), else `vacant` in the report's language."""
    positions = POSITIONS.replace("holders: [hk005]", "holders: [hk005, fanny-chan]")
    if seat_elsewhere:
        positions += ("- kind: Position\n  id: sre\n  name: SRE 工程師\n  team: cs\n"
                      "  # orgspec: ignore[RO001] 招到人之前由何詠詩代管\n  holders: [待招聘]\n")
    org = _org(write_org, **{"positions.yaml": positions})
    found, text = _check(org)
    assert found == [("RF001", "positions.yaml", 5)]
    assert "hint: add the Person 'fanny-chan' to the org's files, or change it to an existing " \
        "id; if the person left and the seat is open now, write " \
        f"`{en_word}` in their place (RO001 reports an open seat)\n" in text
    assert "；如果此人已離職、這個職位現在空缺，在原處寫 " \
        f"`{hant_word}`（RO001 會報告空缺的職位）\n" in _check(org, "zh-Hant")[1]
    (org / "positions.yaml").write_text(positions.replace("fanny-chan", en_word), "utf-8")
    # followed: the seat is open, as the hint says RO001 then reports
    assert _check(org)[0] == [("RO001", "positions.yaml", 5)]


def test_a_typo_in_holders_gets_its_did_you_mean_alone(write_org) -> None:  # type: ignore[no-untyped-def]
    org = _org(write_org, **{"positions.yaml": POSITIONS.replace("[hk005]", "[hk00S]")})
    found, text = _check(org)
    assert found == [("RF001", "positions.yaml", 5)]
    assert "the seat is open" not in text and "did you mean" in text


SEAT = """\
- kind: Position
  id: sre
  name: SRE 工程師
  team: cs
  {comment}
  holders: [待招聘]
"""


def test_an_until_written_as_a_chinese_date_is_given_converted(write_org) -> None:  # type: ignore[no-untyped-def]
    """Before: `SU002 ... write until=YYYY-MM-DD`. Now the date to write."""
    comment = "# orgspec: ignore[RO001] 招到人之前由何詠詩代管 until=2027年1月31日"
    org = _org(write_org, **{"seat.yaml": SEAT.format(comment=comment)})
    found, text = _check(org)
    assert found == [("SU002", "seat.yaml", 5)]
    assert "SU002 [warning] suppression has an invalid expiry '2027年1月31日'\n" \
        "    hint: write `until=2027-01-31` (YYYY-MM-DD)\n" in text
    hant = _check(org, "zh-Hant")[1]
    assert "SU002 [警告] 忽略註解的到期日期 '2027年1月31日' 無效\n" \
        "    建議: 寫成 `until=2027-01-31`（YYYY-MM-DD）\n" in hant
    (org / "seat.yaml").write_text(SEAT.format(comment=comment.replace(
        "2027年1月31日", "2027-01-31")), "utf-8")
    assert _check(org)[0] == []


@pytest.mark.parametrize("comment", ["# orgspec：ignore［RO001］ 招到人之前由鄭浩然代管",
                                     "# orgspec：ignore[RO001] 招到人之前由鄭浩然代管",
                                     "# orgspec ignore【RO001】"])
def test_a_full_width_suppression_is_read_and_said_once(write_org, comment: str) -> None:  # type: ignore[no-untyped-def]
    """Before: SU003 ('遮蔽註解' where SU002 says '忽略註解') plus the RO001 it failed to
    hide. Now it is read as the suppression it plainly is: SU003 alone, one term."""
    org = _org(write_org, **{"seat.yaml": SEAT.format(comment=comment)})
    found, text = _check(org)
    assert found == [("SU003", "seat.yaml", 5)]
    written = comment.split(" 招")[0]
    assert f"SU003 [warning] malformed suppression `{written}`: orgspec reads it as " \
        "`# orgspec: ignore[RO001]`\n    hint: write `# orgspec: ignore[RO001]` (an ASCII " \
        "colon and ASCII brackets)\n" in text
    hant = _check(org, "zh-Hant")[1]
    assert f"SU003 [警告] 忽略註解格式不對 `{written}`：orgspec 按 `# orgspec: ignore[RO001]` " \
        "讀取它\n" in hant and "遮蔽" not in hant
    (org / "seat.yaml").write_text(SEAT.format(comment=comment.replace("：", ": ").replace(
        "［", "[").replace("］", "]").replace("【", "[").replace("】", "]").replace(
        "orgspec ignore", "orgspec: ignore")), "utf-8")
    assert _check(org)[0] == []


def test_explain_in_traditional_says_in_the_org_as_taiwan_writes_it() -> None:
    """`explain OW002` in zh-Hant had 組織里 (里, a unit of distance) and 寫明瞭 (明瞭, to
    understand): the zh -> zh-Hant conversion (`i18n.hant`) now writes 組織裡, 寫明了."""
    out = run_cli("explain", "OW002", "--lang", "zh-Hant").stdout
    assert "組織裡有這個人選" in out and "組織里" not in out
    assert "寫明了人選" in out and "明瞭" not in out
