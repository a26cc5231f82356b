"""Leftovers of trial 32 (small wrong or doubled findings users met), as exact findings: a
duty listed twice in one charter with two roles, ..."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import EXAMPLES, committed_org, json_findings, run_cli, where

# --- 1: a charter lists one duty twice, once bare and once with a role -------------------

TWICE = """\
- kind: Team
  id: platform
  name: Platform
  lead: ada
  members: [ada, grace]
  responsibilities:
    - uptime
    - ref: uptime
      role: consulted
- {kind: Person, id: ada, name: Ada Lovelace}
- {kind: Person, id: grace, name: Grace Hopper}
- {kind: Responsibility, id: uptime, name: Uptime, accountable: platform}
"""


def test_a_duty_twice_in_a_charter_is_one_finding_that_says_what_to_delete(
        write_org: Any) -> None:
    found = json_findings(write_org({"o.yaml": TWICE}))
    assert where(found) == [("RF004", "o.yaml", 8, 7)]  # no OW004 beside it
    assert found[0]["message"] == ("'uptime' is listed twice in `responsibilities`, as "
                                   "accountable and as consulted")
    # the entry to keep is the one the duty's own fields agree with (trial 33)
    assert found[0]["hint"] == ("keep `uptime` (line 7, column 7) and remove the other entry "
                                "for uptime in this charter: it agrees with the duty's own "
                                "RACI fields, which make platform accountable")
    assert [(r["line"], r["column"]) for r in found[0]["related"]] == [(7, 7)]


def test_following_the_hint_leaves_a_clean_check(write_org: Any) -> None:
    fixed = TWICE.replace("    - ref: uptime\n      role: consulted\n", "")
    assert json_findings(write_org({"o.yaml": fixed})) == []
    # the duty says consulted: the bare (accountable) entry is the one to delete
    other = TWICE.replace("accountable: platform}", "consulted: [platform]}")
    found = json_findings(write_org({"o.yaml": other}))
    assert [f["code"] for f in found if f["code"] in ("RF004", "OW004")] == ["RF004"]
    kept = other.replace("    - uptime\n", "", 1)
    assert [f["code"] for f in json_findings(write_org({"o.yaml": kept}))
            if f["code"] in ("RF004", "OW004")] == []


def test_a_duty_twice_in_chinese(write_org: Any) -> None:
    folder = write_org({"o.yaml": TWICE})
    for lang, said, hint in (
            ("zh", "`responsibilities` 中 'uptime' 列出了两次，一次为批准方 (A)，一次为咨询方 (C)",
             "保留 `uptime`（第 7 行第 7 列），删去这份职责清单里 uptime 的其余 1 个条目："
             "它与该职责本身的 RACI 字段一致，那里把 platform 定为批准方 (A)"),
            ("zh-Hant",
             "`responsibilities` 中 'uptime' 列出了兩次，一次為批准方 (A)，一次為諮詢方 (C)",
             "保留 `uptime`（第 7 行第 7 欄），刪去這份職責清單裡 uptime 的其餘 1 個條目："
             "它與該職責本身的 RACI 欄位一致，那裡把 platform 定為批准方 (A)")):
        found = json_findings(folder, "--lang", lang)
        assert where(found) == [("RF004", "o.yaml", 8, 7)]
        assert found[0]["message"] == said
        assert found[0]["hint"] == hint


def test_no_entry_agrees_keeps_one_disagreement_at_the_first(write_org: Any) -> None:
    text = TWICE.replace("accountable: platform}", "informed: [platform]}")
    found = json_findings(write_org({"o.yaml": text}))
    assert where(found) == [("OW004", "o.yaml", 7, 7), ("RF004", "o.yaml", 8, 7)]
    assert found[0]["message"] == ("team 'platform' claims to be accountable for 'uptime', "
                                   "but the duty lists it as informed")


def test_the_same_role_twice_is_said_as_before(write_org: Any) -> None:
    text = TWICE.replace("    - ref: uptime\n      role: consulted\n", "    - uptime\n")
    found = json_findings(write_org({"o.yaml": text}))
    assert where(found) == [("RF004", "o.yaml", 8, 7)]
    assert found[0]["message"] == "'uptime' is listed twice in `responsibilities`"
    assert found[0]["hint"] == "remove the second 'uptime'"
    # one entry, disagreeing: OW004 as before
    one = TWICE.replace("    - uptime\n", "", 1)
    assert where(json_findings(write_org({"o.yaml": one}))) == [("OW004", "o.yaml", 7, 7)]


def test_a_second_accountable_entry_is_no_agreeing_entry(write_org: Any) -> None:
    # the duty names another accountable team and `platform` consulted: neither entry says
    # consulted, so the first one's disagreement stays (the bare one is OW001's overlap)
    text = TWICE.replace("    - uptime\n    - ref: uptime\n      role: consulted\n",
                         "    - {ref: uptime, role: informed}\n    - uptime\n") \
        .replace("accountable: platform}", "accountable: support, consulted: [platform]}") \
        + "- {kind: Team, id: support, name: Support, parent: platform, lead: grace, " \
          "members: [grace], responsibilities: [uptime]}\n"
    found = [f for f in json_findings(write_org({"o.yaml": text}))
             if f["code"] in ("OW004", "RF004")]
    assert where(found) == [("OW004", "o.yaml", 7, 7), ("RF004", "o.yaml", 8, 7)]


# --- 2: a placeholder lead is said as OW002 says a placeholder owner -------------------

LEADLESS = """\
- {kind: Team, id: platform, name: Platform, lead: 待定, members: [ada], responsibilities: [up]}
- {kind: Person, id: ada, name: Ada Lovelace}
- {kind: Responsibility, id: up, name: Uptime}
"""


def test_a_placeholder_lead_is_said_as_written(write_org: Any) -> None:
    folder = write_org({"o.yaml": LEADLESS})
    for lang, said in (("en", "team 'platform' has no lead (written as '待定')"),
                       ("zh", "团队 'platform' 没有负责人（写作 '待定'）"),
                       ("zh-Hant", "團隊 'platform' 沒有負責人（寫作 '待定'）")):
        found = json_findings(folder, "--lang", lang)
        assert where(found) == [("HI005", "o.yaml", 1, 52)]  # at `待定`, not `lead`
        assert found[0]["message"] == said
    # no lead at all: nothing is said as written
    found = json_findings(write_org({"o.yaml": LEADLESS.replace(" lead: 待定,", "")}))
    assert where(found) == [("HI005", "o.yaml", 1, 16)]
    assert found[0]["message"] == "team 'platform' has no lead"


# --- 3: RF009's hint names what the copy adds, and no email that nobody wrote -------------

PEOPLE = """\
- {kind: Team, id: ops, name: 运营部, lead: chen-yating, members: [chen-yating, li]}
- {kind: Person, id: chen-yating, name: 陈雅婷}
- {kind: Person, id: li, name: 李娜, manager: chen-yating}
- {kind: Person, id: chen-yating-tw, name: 陳雅婷}
- {kind: Responsibility, id: up, name: 稳定性, accountable: ops}
"""


def test_a_copy_that_adds_nothing_is_not_said_to_add_an_email(write_org: Any) -> None:
    folder = write_org({"o.yaml": PEOPLE})
    found = json_findings(folder)
    assert where(found) == [("RF009", "o.yaml", 4, 44)]
    assert found[0]["hint"].startswith(
        "if both are one person, delete this entry (nothing references 'chen-yating-tw'); if "
        "they are two people, give each their `email` (")
    for lang, said in (("zh", "如果两者是同一个人，删除这一条（没有任何地方引用 "
                              "'chen-yating-tw'）；"),
                       ("zh-Hant", "如果兩者是同一個人，刪除這一條（沒有任何地方引用 "
                                   "'chen-yating-tw'）；")):
        assert json_findings(folder, "--lang", lang)[0]["hint"].startswith(said)
    # the hint followed: the entry deleted, the check is clean
    fixed = PEOPLE.replace("- {kind: Person, id: chen-yating-tw, name: 陳雅婷}\n", "")
    assert json_findings(write_org({"o.yaml": fixed})) == []


def test_a_copy_is_said_to_add_only_what_it_has(write_org: Any) -> None:
    text = PEOPLE.replace("id: chen-yating-tw, name: 陳雅婷}",
                          "id: chen-yating-tw, name: 陳雅婷, email: yt@shop.tw, "
                          "manager: li, title: 主管}")
    found = json_findings(write_org({"o.yaml": text}))
    assert where(found) == [("RF009", "o.yaml", 4, 44)]
    # the title is in neither list: RF009 reads no prose but names (its findings are kept
    # while a title changes), and a title is not lost by deleting a copy of a person
    assert found[0]["hint"].startswith(
        "if both are one person, delete this entry (nothing references 'chen-yating-tw'; "
        "first move what it adds, `email`, `manager`, into the entry of 'chen-yating'); if "
        "they are two people, give each their `email` (")
    zh = json_findings(write_org({"o.yaml": text}), "--lang", "zh")[0]["hint"]
    assert zh.startswith("如果两者是同一个人，删除这一条（没有任何地方引用 'chen-yating-tw'；"
                         "先把它多写的 `email`、`manager` 移到 'chen-yating' 那一条里）；")
    # what the original has too is nothing to move
    both = text.replace("id: chen-yating, name: 陈雅婷}",
                        "id: chen-yating, name: 陈雅婷, email: YT@shop.tw}")
    found = json_findings(write_org({"o.yaml": both}))
    assert where(found) == [("RF009", "o.yaml", 4, 44)]
    assert "first move what it adds, `manager`, into the entry of 'chen-yating')" in \
        found[0]["hint"]


# --- 4: the terminal names the related places every other format lists -------------------

def _renamed(n: int) -> str:
    """Team `engineering`, formerly `tech`, and `n` teams whose `parent` still says `tech`."""
    return "".join(
        ["- {kind: Team, id: engineering, aliases: [tech], name: Eng, lead: p0, members: [p0], "
         "responsibilities: [d0]}\n", "- {kind: Person, id: p0, name: P0}\n",
         "- {kind: Responsibility, id: d0, name: D0, accountable: engineering}\n"]
        + [f"- {{kind: Team, id: t{i}, name: T{i}, parent: tech, lead: p{i}, members: [p{i}], "
           f"responsibilities: [d{i}]}}\n- {{kind: Person, id: p{i}, name: P{i}}}\n"
           f"- {{kind: Responsibility, id: d{i}, name: D{i}, accountable: t{i}}}\n"
           for i in range(1, n + 1)])


def test_a_former_id_lists_the_same_places_in_text_and_json(write_org: Any) -> None:
    folder = write_org({"o.yaml": _renamed(13)})
    (rf005,) = [f for f in json_findings(folder, "--select", "RF005")]
    assert (rf005["line"], len(rf005["related"]), rf005["related_more"]) == (4, 10, 2)
    run = run_cli("check", ".", "--select", "RF005", "--no-cache", "--lang", "en", cwd=folder)
    related = [line.strip() for line in run.stdout.splitlines() if "related: " in line]
    places = [f"{r['file']}:{r['line']}:{r['column']}" for r in rf005["related"]]
    assert related == [*(f"related: {p}: 'tech' referenced here" for p in places[:3]),
                       "related: also " + ", ".join(places[3:]), "related: … and 2 more"]
    zh = run_cli("check", ".", "--select", "RF005", "--no-cache", "--lang", "zh", cwd=folder)
    assert "    相关: 另见 " + "、".join(places[3:]) in zh.stdout.splitlines()


# --- 5: with --diff, the report's counts say they count the new findings ------------------

def test_the_report_since_a_revision_counts_new_findings_as_new(tmp_path: Path) -> None:
    top = committed_org(EXAMPLES / "minimal", tmp_path)
    org = top / "org" / "org.yaml"
    org.write_text(org.read_text("utf-8").replace("  lead: linus\n", ""), "utf-8")
    for fmt, lang, said in (
            ("markdown", "en", "**0** new errors · **1** new warning · **0** new info · "),
            ("markdown", "zh", "**0** 个新错误 · **1** 个新警告 · **0** 个新提示 · "),
            ("chat", "zh-Hant", "❌ 0 個新錯誤 · ⚠️ 1 個新警告 · ℹ️ 0 個新提示 · ")):
        run = run_cli("report", "org", "--diff", "HEAD", "--format", fmt, "--lang", lang,
                      cwd=top)
        assert said in run.stdout, run.stdout[:400]
    # without --diff the counts are the org's, said as before
    run = run_cli("report", "org", "--format", "markdown", "--lang", "en", cwd=top)
    assert "**0** errors · **1** warning · **0** info · " in run.stdout


# --- 6: an id beside its former id: RF004 names the entry to remove, and that is all -------

RENAMED = """\
- {kind: Team, id: engineering, aliases: [tech], name: Eng, lead: ada, members: [ada],
   responsibilities: [up]}
- {kind: Team, id: ops, name: Ops, parent: engineering, lead: bob, members: [bob],
   responsibilities: [run]}
- {kind: Person, id: ada, name: Ada}
- {kind: Person, id: bob, name: Bob}
- {kind: Responsibility, id: up, name: Up, accountable: engineering, consulted: LIST}
- {kind: Responsibility, id: run, name: Run, accountable: ops}
"""


def _consulted(write_org: Any, written: str) -> tuple[Path, list[dict[str, Any]]]:
    folder = write_org({"o.yaml": RENAMED.replace("LIST", written)})
    return folder, json_findings(folder)


def test_a_former_id_written_first_is_the_entry_to_remove(write_org: Any) -> None:
    folder, found = _consulted(write_org, "[tech, ops, engineering]")
    assert where(found) == [("RF004", "o.yaml", 7, 93)]  # no RF005 at 'tech' (7:82)
    assert found[0]["hint"] == "remove 'tech', the former id written first, and keep 'engineering'"
    assert [(r["line"], r["column"]) for r in found[0]["related"]] == [(7, 82)]
    zh = json_findings(folder, "--lang", "zh")[0]["hint"]
    assert zh == "删除前面写的旧 id 'tech'，保留 'engineering'"
    # the hint followed: clean
    assert _consulted(write_org, "[ops, engineering]")[1] == []


def test_a_former_id_written_second_is_one_finding(write_org: Any) -> None:
    _, found = _consulted(write_org, "[engineering, ops, tech]")
    assert where(found) == [("RF004", "o.yaml", 7, 100)]  # its RF005 (there too) held back
    assert found[0]["hint"] == "remove 'tech'"
    assert _consulted(write_org, "[engineering, ops]")[1] == []


def test_a_former_id_written_twice_keeps_the_rf005_of_the_one_left(write_org: Any) -> None:
    # two mistakes: the repeat to remove, and the former id left in the first entry
    _, found = _consulted(write_org, "[tech, ops, tech]")
    assert where(found) == [("RF005", "o.yaml", 7, 82), ("RF004", "o.yaml", 7, 93)]
    assert found[1]["hint"] == "remove 'tech'"
    _, found = _consulted(write_org, "[tech, ops]")
    assert where(found) == [("RF005", "o.yaml", 7, 82)]
    assert _consulted(write_org, "[engineering, ops]")[1] == []
