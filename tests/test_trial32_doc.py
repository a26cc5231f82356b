"""Trial 32 (a Traditional Chinese user): the rule docs list the open-seat and undecided-owner
words from the code's own lists, in the reader's script, and say where `TBD` means which;
RO001's hint says what can be written (no field records who covers a seat: a suppression
with an end date can); a Taipei zone reads 台北, as Taiwan types it; a reference that is one
word of exactly one person's English name (`owner: Jimmy`) is pointed at that person."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import json_findings, run_cli, where

from orgspec.engine.registry import registry
from orgspec.model.models import PLACEHOLDER_WORDS, VACANT_WORDS, is_placeholder, is_vacant
from orgspec.report.docsgen import explain, rules_markdown
from orgspec.report.ruleswords import words_said

# --- 1. the words the docs list are the words the code reads -----------------------------


def _shown(text: str) -> set[str]:
    """The words a docs paragraph lists as code (`待招聘`)."""
    return set(text.split("`")[1::2])


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_explain_ro001_lists_every_open_seat_word_of_its_script_and_only_those(
        lang: str) -> None:
    text = explain(registry()["RO001"], lang)
    shown = _shown(text)
    # every word listed is one `check` reads as an open seat (none invented, none renamed:
    # the zh-Hant catalog's 待招聘 -> 待招募 no longer hides 待招聘)
    listed = shown & (set(VACANT_WORDS) | set(PLACEHOLDER_WORDS))
    assert all(is_vacant(w) for w in listed)
    assert {"待招聘", "待招募", "空缺", "vacant", "tbd", "待定"} <= shown
    if lang == "en":  # an English reader: all of them
        assert set(VACANT_WORDS) | set(PLACEHOLDER_WORDS) <= shown
    elif lang == "zh":  # Simplified: 缺编, not 缺編
        assert {"缺编", "职缺", "征才中", "暂无"} <= shown
        assert not {"缺編", "職缺", "徵才中", "暫無"} & shown
    else:  # Traditional: 缺編, 職缺, 暫無 (read as no owner too), never a Simplified form
        assert {"缺編", "職缺", "徵才中", "待補", "暫無", "無"} <= shown
        assert not {"缺编", "职缺", "征才中", "待补", "暂无", "无"} & shown


def test_the_docs_say_where_tbd_means_an_undecided_owner_and_where_an_open_seat() -> None:
    ro001 = words_said("vacant", "zh-Hant")
    assert "空缺只寫在職位的 `holders` 裡（或團隊的 `lead`，見 HI005）" in ro001
    # an owner field reads both kinds of word as no owner, its own rule says so (session 33)
    assert "寫在 `owner` 或 RACI 欄位裡時，兩類詞都視為沒有負責方" in ro001
    ow = explain(registry()["OW002"], "en")
    assert "An owner written as one of these (in capitals or not) is read as no owner" in ow
    assert "so is one written as an open seat: `vacant`" in ow
    assert "In a position's `holders` all these words mark an open seat (RO001)." in ow
    for code in ("MT001", "OK011", "OW002", "PR001", "PR009", "HI005", "RO001"):
        assert registry()[code].words, code


def test_docs_rules_md_lists_the_words_as_generated() -> None:
    committed = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text("utf-8")
    assert committed == rules_markdown()
    assert "`待招聘`" in committed and "`暫無`" in committed


def test_a_placeholder_in_traditional_script_is_read_as_no_owner() -> None:
    assert is_placeholder("暫無") and is_placeholder("無") and is_vacant("無")


def test_an_unknown_words_kind_of_a_rule_pack_is_no_traceback() -> None:
    with pytest.raises(KeyError):
        words_said("nope", "en")


# --- 1b. `lead: 待招聘` is an open seat: HI005, once ----------------------------------------

TEAM = """\
- {kind: Team, id: hr, name: 人資部, lead: 待招聘, members: [chen]}
- {kind: Person, id: chen, name: 陳怡君}
"""


def test_a_team_lead_written_as_an_open_seat_is_hi005(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"o.yaml": TEAM})
    assert [f for f in where(json_findings(org)) if f[0] != "OW006"] == \
        [("HI005", "o.yaml", 1, 41)]  # at `待招聘`, not its key


# --- 2. RO001's hint names what can be written ------------------------------------------

SEAT = """\
- {kind: Team, id: cs, name: 客服團隊, lead: lin, members: [lin]}
- {kind: Person, id: lin, name: 林志豪, roles: [cs-agent]}
- kind: Role
  id: cs-agent
  name: 客服專員
  team: cs
  holders:
    - lin
    - 待招聘
"""


def test_ro001_hint_is_a_suppression_with_an_end_date_and_it_works(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"o.yaml": SEAT})
    found = json_findings(org)
    assert [f for f in where(found) if f[0] != "OW006"] == [("RO001", "o.yaml", 9, 7)]
    hint = next(f["hint"] for f in found if f["code"] == "RO001")
    # the lead of the position's team by name (trial 33a: `Lin` in every org)
    assert "`# orgspec: ignore[RO001] 林志豪 covers until hired`, and add `until=`" in hint
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh-Hant", cwd=org)
    assert "建議: 在 `holders` 裡寫明任職者；要記下招到人之前由誰代管，在上一行寫：" in run.stdout
    assert "until=20" not in hint  # no date that goes by (trial 32b: it had)
    # doing what it says: no RO001, and no SU001 (the suppression is used)
    org = write_org({"o.yaml": SEAT.replace(
        "    - 待招聘", "    # orgspec: ignore[RO001] until=2999-06-30 招到人之前由林志豪代管\n"
                     "    - 待招聘")})
    assert [f for f in where(json_findings(org)) if f[0] != "OW006"] == []
    # the line exactly as the hint gives it
    org = write_org({"o.yaml": SEAT.replace(
        "    - 待招聘", "    # orgspec: ignore[RO001] 招到人之前由林志豪代管\n    - 待招聘")})
    assert [f for f in where(json_findings(org)) if f[0] != "OW006"] == []


def test_an_open_seat_word_as_an_owner_says_where_open_seats_go(write_org) -> None:  # type: ignore[no-untyped-def]
    # session 33: the meeting's own rule, as for `待定` (was RF001 [error]), and its hint
    # says how to record the seat
    org = write_org({"o.yaml": "- {kind: Meeting, id: m, name: 月會, owner: 空缺, "
                               "cadence: 每月, attendees: [p]}\n"
                               "- {kind: Person, id: p}\n"})
    found = [f for f in json_findings(org) if f["code"] in ("RF001", "MT001")]
    assert where(found) == [("MT001", "o.yaml", 1, 43)]
    assert found[0]["message"] == "meeting 'm' has no owner (written as '空缺')"
    assert found[0]["hint"] == ("name the team, position or person who chairs it; while the "
                                "seat is open, name a position instead: `owner: <position "
                                "id>`, with `holders: [空缺]` on the position (RO001 reports "
                                "the open seat)")


# --- 3. 台北, as Taiwan types it --------------------------------------------------------

MEETING = """\
- {kind: Person, id: lin, name: 林志豪}
- {kind: Meeting, id: weekly, name: 週會, owner: lin, attendees: [lin],
   cadence: 每週一 10:00 台北時間}
"""


def test_show_meeting_says_taipei_as_written_in_taiwan(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"o.yaml": MEETING})
    run = run_cli("show", "weekly", str(org), "--isolated", "--lang", "zh-Hant", cwd=org)
    assert "頻率: 每週 · 週一 · 10:00 台北時間" in run.stdout, run.stdout
    assert "臺北" not in run.stdout
    from orgspec.i18n import MC, say
    assert say(MC("label", "Taipei time"), "zh-Hant") == "台北時間"
    assert say(MC("label", "Taipei time"), "zh") == "台北时间"


def test_site_and_report_say_taipei_so_too(tmp_path: Path, write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"o.yaml": MEETING, ".orgspec.yaml": "lang: zh-Hant\n"})
    site = tmp_path / "site"
    run = run_cli("site", str(org), "-o", str(site), "--lang", "zh-Hant", cwd=org)
    assert run.code == 0, run.stderr
    pages = "".join(p.read_text("utf-8") for p in site.rglob("*.html"))
    assert "台北時間" in pages and "臺北" not in pages
    out = tmp_path / "r.md"
    run_cli("report", str(org), "-o", str(out), "--lang", "zh-Hant", cwd=org)
    assert "臺北" not in out.read_text("utf-8")


# --- 4. one word of one person's English name ---------------------------------------------

PEOPLE = """\
- {kind: Team, id: ops, name: 營運部, lead: lin-zhi-hao, members: [lin-zhi-hao, chen-yi-jun]}
- {kind: Person, id: lin-zhi-hao, name: 林志豪, names: {en: Jimmy Lin}}
- {kind: Person, id: chen-yi-jun, name: 陳怡君, names: {en: Amy Chen}}
- {kind: Meeting, id: weekly, name: 週會, cadence: 每週一, attendees: [ops], owner: OWNER}
"""


@pytest.mark.parametrize("owner", ["Jimmy", "jimmy", "Lin"])
def test_one_word_of_one_persons_english_name_points_to_them(write_org, owner: str) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"o.yaml": PEOPLE.replace("OWNER", owner)})
    found = json_findings(org)
    assert [f for f in where(found) if f[0] != "OW006"] == [("RF001", "o.yaml", 4, 80)]
    assert found[-1]["hint"] == (f"'{owner}' is part of 'Jimmy Lin', a name of person "
                                 "`lin-zhi-hao`: write `lin-zhi-hao`")
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh-Hant", cwd=org)
    assert f"建議: '{owner}' 是人員 `lin-zhi-hao` 的名字 'Jimmy Lin' 的一部分：請寫 `lin-zhi-hao`" \
        in run.stdout


def test_a_word_several_people_share_suggests_none(write_org) -> None:  # type: ignore[no-untyped-def]
    text = PEOPLE.replace("OWNER", "Lin").replace(
        "陳怡君, names: {en: Amy Chen}", "陳怡君, names: {en: Amy Lin}")
    found = json_findings(write_org({"o.yaml": text}))
    rf = [f for f in found if f["code"] == "RF001"]
    assert [(f["line"], f["column"]) for f in rf] == [(4, 80)]
    assert "lin-zhi-hao" not in rf[0]["hint"] and "chen-yi-jun" not in rf[0]["hint"]


def test_the_whole_name_still_says_did_you_mean(write_org) -> None:  # type: ignore[no-untyped-def]
    found = json_findings(write_org({"o.yaml": PEOPLE.replace("OWNER", "Jimmy Lin")}))
    assert [f["hint"] for f in found if f["code"] == "RF001"] == \
        ["did you mean 'lin-zhi-hao'?"]
