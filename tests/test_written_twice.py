"""One team or person written twice, in two scripts or two regions' words, is one warning at
the second (trial 30: 运营部 beside 營運部 with different ids, 陈雅婷 beside 陳雅婷, said
nothing). Teams: RF008, which already folded script and width, now also folds a
department's words as Taiwan and Hong Kong write them (營運 is 运营). People: RF009, only for
names that differ as written (namesakes written alike are two people)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import json_findings

TEAMS = """\
- kind: Team
  id: company
  name: 公司
  lead: chen-yating
  members: [chen-yating]
- kind: Team
  id: ops
  name: 运营部
  parent: company
  lead: li
  members: [li, zhang-wei]
- kind: Team
  id: ying-yun
  name: 營運部
  parent: company
  lead: chen-yating-tw
  members: [chen-yating-tw, zhang-wei-2]
"""
PEOPLE = """\
- {kind: Person, id: chen-yating, name: 陈雅婷}
- {kind: Person, id: li, name: 李娜}
- {kind: Person, id: chen-yating-tw, name: 陳雅婷}
- {kind: Person, id: zhang-wei, name: 张伟}
- {kind: Person, id: zhang-wei-2, name: 张伟}
"""


def _found(root: Path, *codes: str, lang: str = "en") -> list[dict]:
    run = json_findings(root, "--lang", lang) if lang != "en" else json_findings(root)
    return [f for f in run if f["code"] in codes]


def _where(found: list[dict]) -> list[tuple[str, str, int]]:
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in found]


def test_one_team_and_one_person_written_twice_are_one_warning_each(write_org) -> None:
    root = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE})
    found = _found(root, "RF008", "RF009")
    assert _where(found) == [("RF009", "people.yaml", 3), ("RF008", "teams.yaml", 14)]
    assert all(f["severity"] == "warning" for f in found)
    person, team = found
    assert person["message"] == ("person 'chen-yating-tw' is named 陳雅婷, which is 陈雅婷 of "
                                 "person 'chen-yating' written another way: one person "
                                 "entered twice?")
    assert [(Path(r["file"]).name, r["line"]) for r in person["related"]] == [
        ("people.yaml", 1)]
    assert "`aliases: [chen-yating-tw]`" in person["hint"]
    assert team["message"] == ("team 'ying-yun' is named 營運部, which is 运营部 of team 'ops' "
                               "in other words: two teams of one name")
    assert [(Path(r["file"]).name, r["line"]) for r in team["related"]] == [("teams.yaml", 8)]
    assert "`aliases: [ying-yun]`" in team["hint"]


@pytest.mark.parametrize(("lang", "person", "team"), [
    ("zh", "与人员 'chen-yating' 的 陈雅婷 只是写法不同：同一个人录入了两次？",
     "与团队 'ops' 的 运营部 只是说法不同：两个团队用了同一个名称"),
    ("zh-Hant", "與人員 'chen-yating' 的 陈雅婷 只是寫法不同",
     "與團隊 'ops' 的 运营部 只是說法不同：兩個團隊用了同一個名稱"),
])
def test_said_in_chinese(write_org, lang: str, person: str, team: str) -> None:
    root = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE})
    found = _found(root, "RF008", "RF009", lang=lang)
    assert _where(found) == [("RF009", "people.yaml", 3), ("RF008", "teams.yaml", 14)]
    assert person in found[0]["message"]
    assert team in found[1]["message"]
    assert "aliases: [chen-yating-tw]" in found[0]["hint"]


def test_full_width_letters_and_blanks_are_the_same_name(write_org) -> None:
    people = ("- {kind: Person, id: ada, name: Ada Li}\n"
              "- {kind: Person, id: ada2, name: Ａｄａ　Ｌｉ}\n"
              "- {kind: Person, id: he, name: 何静}\n"
              "- {kind: Person, id: he2, name: 何 静}\n")
    teams = "- {kind: Team, id: t, name: T, lead: ada, members: [ada, ada2, he, he2]}\n"
    root = write_org({"teams.yaml": teams, "people.yaml": people})
    assert _where(_found(root, "RF009")) == [("RF009", "people.yaml", 2),
                                             ("RF009", "people.yaml", 4)]


def test_namesakes_two_emails_and_different_names_say_nothing(write_org) -> None:
    people = PEOPLE.replace("name: 陈雅婷}", "name: 陈雅婷, email: yt@example.cn}").replace(
        "name: 陳雅婷}", "name: 陳雅婷, email: yt@example.tw}")
    teams = TEAMS.replace("name: 營運部", "name: 经营部")  # another word, not another way
    root = write_org({"teams.yaml": teams, "people.yaml": people})
    assert _found(root, "RF008", "RF009") == []


def test_a_team_and_a_position_of_one_name_say_nothing(write_org) -> None:
    positions = ("- kind: Role\n  id: ops-role\n  name: 營運部\n  team: ops\n"
                 "  holders: [li]\n")
    people = PEOPLE.replace("name: 陳雅婷", "name: 王芳")
    teams = TEAMS.split("- kind: Team\n  id: ying-yun")[0].replace(
        "members: [li, zhang-wei]", "members: [li, zhang-wei, chen-yating-tw, zhang-wei-2]")
    root = write_org({"teams.yaml": teams, "people.yaml": people,
                      "positions.yaml": positions})
    assert _found(root, "RF008", "RF009") == []


@pytest.mark.parametrize(("second", "found"), [
    ("sun.li@example.com", [("RF009", "people.yaml", 7)]),
    ("Sun.Li@Example.com", [("RF009", "people.yaml", 7)]),  # one address, written apart
    ("li.sun@example.com", []),  # two people of one name
    (None, []),
])
def test_namesakes_with_one_email_are_one_person_entered_twice(
        write_org, second: str | None, found: list[tuple[str, str, int]]) -> None:
    # trial 30b: 孙丽 added beside 孙丽, same title and email, under a new id said nothing
    people = PEOPLE.replace("name: 陳雅婷", "name: 王芳") \
        + "- {kind: Person, id: sun-li, name: 孙丽, email: sun.li@example.com}\n" \
        + ("- {kind: Person, id: sunli, name: 孙丽}\n" if second is None else
           f"- {{kind: Person, id: sunli, name: 孙丽, email: '{second}'}}\n")
    teams = TEAMS.replace("members: [li, zhang-wei]", "members: [li, zhang-wei, sun-li, sunli]")
    root = write_org({"teams.yaml": teams, "people.yaml": people})
    got = _found(root, "RF009")
    assert _where(got) == found
    if got:
        assert got[0]["message"].startswith("person 'sunli' has the name 孙丽 and the email ")
        assert got[0]["message"].endswith(" of person 'sun-li': one person entered twice?")
        assert [(Path(r["file"]).name, r["line"]) for r in got[0]["related"]] == [
            ("people.yaml", 6)]


DUTIES = """\
- {kind: Responsibility, id: daily, name: 日常运营, accountable: ops}
- {kind: Responsibility, id: brand, name: 品牌建设, accountable: company}
- kind: Meeting
  id: weekly
  name: 周例会
  cadence: weekly
  owner: chen-yating
  attendees: [company]
"""


@pytest.mark.parametrize("duty", [True, False])
def test_what_a_team_entered_twice_causes_is_held_behind_rf008(write_org, duty: bool) -> None:
    # trial 30b: 營運部 added beside 运营部 gave RF008 and an OW001 error ("make it
    # consulted", which keeps the copy), or RF008 and OW006 (its empty charter)
    teams = TEAMS.replace("  members: [li, zhang-wei]\n",
                          "  members: [li, zhang-wei]\n  responsibilities: [daily]\n")
    teams = teams.replace("  members: [chen-yating-tw, zhang-wei-2]\n",
                          "  members: [chen-yating-tw, zhang-wei-2]\n" +
                          ("  responsibilities: [daily]\n" if duty else ""))
    teams = teams.replace("  members: [chen-yating]\n",
                          "  members: [chen-yating]\n  responsibilities: [brand]\n")
    people = PEOPLE.replace("name: 陳雅婷", "name: 王芳")
    root = write_org({"teams.yaml": teams, "people.yaml": people, "duties.yaml": DUTIES})
    found = json_findings(root)
    assert _where(found) == [("RF008", "teams.yaml", 16)]
    held = "OW001 on duty 'daily'" if duty else "OW006 on team 'ying-yun'"
    assert f"(1 finding that follows from this mistake is held back until it is fixed: " \
        f"{held})" in found[0]["hint"]
    # RF008 not reported: what it held is
    shown = json_findings(root, "--ignore", "RF008")
    assert [f["code"] for f in shown] == (["OW001"] if duty else ["OW006"])



EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ecommerce"
COPY = """
- kind: Team
  id: tw-operations
  name: 營運團隊
  parent: company
"""


def _bare(tmp_path: Path, duty: bool, alias: bool = False) -> Path:
    """The example org with 營運團隊 `tw-operations` added, a bare copy of 运营团队
    `operations` (no lead, no members), given its duty `daily-operations` too when `duty`;
    `operations` keeping `tw-operations` in its `aliases` when `alias` (RF008's hint
    followed, the copy not deleted)."""
    import shutil

    root = tmp_path / "org"
    shutil.copytree(EXAMPLE, root)
    teams = root / "teams" / "teams.yaml"
    text = teams.read_text("utf-8") + COPY + \
        ("  responsibilities: [daily-operations]\n" if duty else "")
    if alias:
        text = text.replace("  id: operations\n", "  id: operations\n  aliases: [tw-operations]\n")
    teams.write_text(text, "utf-8")
    return root


def _codes(found: list[dict]) -> list[tuple[str, str, int]]:
    return sorted((f["code"], Path(f["file"]).name, f["line"]) for f in found)


@pytest.mark.parametrize(("duty", "held"), [
    (False, [("HI006", "teams.yaml", 100)]),
    (True, [("HI006", "teams.yaml", 100), ("MT004", "operations.yaml", 4),
            ("OW001", "operations.yaml", 7)]),
])
def test_what_a_bare_copy_causes_is_held_behind_rf008(
        tmp_path: Path, duty: bool, held: list[tuple[str, str, int]]) -> None:
    # trial 31: a bare copy (no lead, no members) also gave HI006 (no members) and, given
    # the duty, an MT004 between the two names: the fix is one, deleting the copy
    base = _codes(json_findings(EXAMPLE))
    root = _bare(tmp_path, duty)
    found = json_findings(root)
    assert _codes(found) == sorted([*base, ("RF008", "teams.yaml", 101)])
    rf008 = next(f for f in found if f["code"] == "RF008")
    assert f"({len(held)} finding" in rf008["hint"]
    assert all(f"{code} on " in rf008["hint"] for code, _, _ in held)
    # RF008 not reported: what it held is
    assert _codes(json_findings(root, "--ignore", "RF008")) == sorted([*base, *held])


def test_rf008_says_to_delete_the_copy_and_keep_its_id_as_an_alias(tmp_path: Path) -> None:
    found = [f for f in json_findings(_bare(tmp_path, False)) if f["code"] == "RF008"]
    assert found[0]["hint"].startswith(
        "if both are one team, delete team 'tw-operations' and write `aliases: "
        "[tw-operations]` under the `id` of 'operations' (references to 'tw-operations' then "
        "still work); else give each a name of its own (")


def test_an_alias_written_while_the_copy_is_there_is_held_behind_rf008(tmp_path: Path) -> None:
    # trial 31: following the alias hint without deleting the copy added an RF006 ("the
    # alias is the id of another team: remove it"), which undid the advice
    base = _codes(json_findings(EXAMPLE))
    root = _bare(tmp_path, False, alias=True)
    found = json_findings(root)
    assert _codes(found) == sorted([*base, ("RF008", "teams.yaml", 102)])
    rf008 = next(f for f in found if f["code"] == "RF008")
    assert rf008["hint"].startswith(
        "if both are one team, delete team 'tw-operations': 'operations' keeps "
        "'tw-operations' in its `aliases` already, so references to 'tw-operations' then name "
        "'operations'; else give each a name of its own and take 'tw-operations' out of "
        "those `aliases` (2 findings")
    assert "RF006 on team 'operations'" in rf008["hint"]
    # RF008 not reported: RF006 says the copy is the reason, as RF008 would
    shown = [f for f in json_findings(root, "--ignore", "RF008") if f["code"] == "RF006"]
    assert _codes(shown) == [("RF006", "teams.yaml", 28)]
    assert shown[0]["hint"] == (
        "team 'tw-operations' has the name of this team in other words (RF008): if it is a "
        "copy of this team, delete it, and references to 'tw-operations' then name "
        "'operations'; else remove 'tw-operations' from `aliases`")
