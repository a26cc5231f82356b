"""Trial 34's hints: a `team:` on a person the team lists already (SC001 says to delete it,
not to add them to the `members` they are in), SC004 naming the entity as every message
does (`陳　志明 (chan-chi-ming)`), and an email with an IME's full-width `＠` or dot (SC003
says the address to write). Each hint, followed, leaves a clean check."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

TEAMS = """\
- {kind: Team, id: mgmt, name: 管理层, lead: bella-wong, members: [bella-wong],
   responsibilities: [{id: strategy, name: 公司战略}]}
- {kind: Team, id: sz-warehouse, name: 深圳仓储物流组, parent: mgmt, lead: wang-qiang,
   members: [wang-qiang, liu-yang], responsibilities: [{id: picking, name: 仓库拣货}]}
"""
PEOPLE = """\
- {kind: Person, id: bella-wong, name: Bella Wong, names: {zh-Hant: 黃佩珊}}
- {kind: Person, id: wang-qiang, name: 王强, manager: bella-wong}
- {kind: Person, id: liu-yang, name: 刘洋, email: liuyang@example.com, manager: wang-qiang}
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


@pytest.mark.parametrize("field", ["team", "部门"])
def test_a_team_field_the_team_lists_already_is_said_to_be_deleted(
        write_org, field: str) -> None:  # type: ignore[no-untyped-def]
    people = PEOPLE.replace("name: 刘洋,", f"name: 刘洋, {field}: sz-warehouse,")
    org = write_org({"teams.yaml": TEAMS, "people.yaml": people})
    found, text = _check(org)
    assert found == [("SC001", "people.yaml", 3)]
    assert "hint: 刘洋 (liu-yang) is in the `members` of team 深圳仓储物流组 (sz-warehouse) " \
        f"already: `{field}` here says nothing more; delete it\n" in text
    assert "add the person" not in text
    _, zh = _check(org, "zh")
    assert "建议: 刘洋 (liu-yang) 已在团队 深圳仓储物流组 (sz-warehouse) 的 `members` 中：" \
        f"此处的 `{field}` 是多余的，请删除\n" in zh
    # the team no longer lists them (an edit the cache replays): the hint to add them
    (org / "teams.yaml").write_text(TEAMS.replace("[wang-qiang, liu-yang]", "[wang-qiang]"),
                                    "utf-8")
    found, text = _check(org)
    assert found == [("SC001", "people.yaml", 3)]
    assert "add the person to the Team's `members`" in text and "already" not in text
    (org / "teams.yaml").write_text(TEAMS, "utf-8")
    assert "already" in _check(org)[1]
    (org / "people.yaml").write_text(PEOPLE, "utf-8")  # the hint, followed
    assert _check(org)[0] == []


def test_a_lead_missing_from_the_members_is_told_to_add_them(write_org) -> None:  # type: ignore[no-untyped-def]
    people = PEOPLE.replace("name: 王强,", "name: 王强, team: sz-warehouse,")
    teams = TEAMS.replace("members: [wang-qiang, liu-yang]", "members: [liu-yang]")
    found, text = _check(write_org({"teams.yaml": teams, "people.yaml": people}))
    assert found == [("SC001", "people.yaml", 2), ("HI004", "teams.yaml", 3)]
    assert "hint: membership is written on the team" in text and "already" not in text


def test_a_team_field_the_team_does_not_list_still_says_to_add_the_person(
        write_org) -> None:  # type: ignore[no-untyped-def]
    people = PEOPLE.replace("name: 刘洋,", "name: 刘洋, team: mgmt,")
    found, text = _check(write_org({"teams.yaml": TEAMS, "people.yaml": people}))
    assert found == [("SC001", "people.yaml", 3)]
    assert "hint: membership is written on the team: add the person to the Team's `members`" \
        in text and "already" not in text


def test_sc004_names_the_entity_by_name_and_id(write_org) -> None:  # type: ignore[no-untyped-def]
    people = PEOPLE.replace("name: 刘洋,", "name: 刘\u3000洋,")
    org = write_org({"teams.yaml": TEAMS, "people.yaml": people})
    found, text = _check(org, "zh-Hant")
    assert found == [("SC004", "people.yaml", 3)]
    assert "SC004 [警告] 人員 刘\u3000洋 (liu-yang) 的名稱含有空格 U+3000：搜尋 '刘洋' 找不到它\n" \
        in text
    assert "'liu-yang'" not in text
    # a Traditional name given (`names.zh-Hant`) is not the one that holds the space
    people = PEOPLE.replace("name: Bella Wong,", "name: Bella\u3000Wong,")
    (org / "people.yaml").write_text(people, "utf-8")
    found, text = _check(org, "zh-Hant")
    assert found == [("SC004", "people.yaml", 1)]
    assert "人員 Bella\u3000Wong (bella-wong) 的名稱含有空格" in text


@pytest.mark.parametrize(("email", "col", "message", "hint"), [
    ("liuyang＠example.com", 73, "'liuyang＠example.com' is not an email address: it has the "
     "full-width `＠` (U+FF20)", "write @ (half-width): `liuyang@example.com`"),
    ("liuyang@example．com", 73, "'liuyang@example．com' is not an email address: it has the "
     "full-width `．` (U+FF0E)", "write . (half-width): `liuyang@example.com`"),
    ("liuyang＠example。com", 73, "'liuyang＠example。com' is not an email address: it has the "
     "full-width `＠` (U+FF20), `。` (U+3002)", "write @ and . (half-width): "
     "`liuyang@example.com`"),
])
def test_an_email_typed_full_width_is_told_the_address_to_write(
        write_org, email: str, col: int, message: str, hint: str) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"teams.yaml": TEAMS,
                     "people.yaml": PEOPLE.replace("liuyang@example.com", email)})
    found, text = _check(org)
    assert found == [("SC003", "people.yaml", 3)]
    assert f"SC003 [error] `email`: {message}\n    hint: {hint}\n" in text
    _, zh = _check(org, "zh")
    assert "不是电子邮件地址：其中有全角的 `＠` (U+FF20)" in zh or "＠" not in email
    fixed = hint.split("`")[1]
    (org / "people.yaml").write_text(PEOPLE.replace("liuyang@example.com", fixed), "utf-8")
    assert _check(org)[0] == []


def test_other_bad_emails_keep_the_general_hint(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"teams.yaml": TEAMS,
                     "people.yaml": PEOPLE.replace("liuyang@example.com", "刘洋＠＠公司")})
    found, text = _check(org)
    assert found == [("SC003", "people.yaml", 3)]
    assert "hint: write it as name@example.com\n" in text
