"""A duty that leaves a role undecided (`accountable: 待定`, 未定, TBD) while a team's charter
or a position's duties name its owner: one mistake, one finding.

The charter side counts (a bare charter entry is a claim of accountable), so the duty has an
owner and OW002's "no accountable owner" would be false. One claimant: one OW004 at the
placeholder, the claim as its related location, the hint the field to write or the entry's
role to give. Several accountable claimants: OW001 alone, saying what the duty itself
writes. The shapes without a claim, or with a real owner written, are as they were.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from orgspec.engine.lint import lint
from orgspec.findings import Finding
from orgspec.load.config import Config

TODAY = dt.date(2026, 12, 5)
OWNERSHIP = ("OW001", "OW002", "OW003", "OW004", "OW005")

ONE = ("- {kind: Team, id: ops, name: 运营部, lead: ada, members: [ada], "
       "responsibilities: [d1]}\n"
       "- {kind: Person, id: ada, name: 王芳}\n"
       "- kind: Responsibility\n"
       "  id: d1\n"
       "  description: 负责大促活动的策划\n"
       "  accountable: {written}\n")
TWO = ("- {kind: Team, id: ops, name: 运营部, lead: ada, members: [ada], "
       "responsibilities: [d1]}\n"
       "- {kind: Team, id: mkt, name: 市场部, lead: bob, members: [bob], "
       "responsibilities: [d1]}\n"
       "- {kind: Person, id: ada, name: 王芳}\n"
       "- {kind: Person, id: bob, name: 李强}\n"
       "- kind: Responsibility\n"
       "  id: d1\n"
       "  description: 负责大促活动的策划\n"
       "  accountable: {written}\n")
# the placeholders of every script and English, written alone or as a list of them
WRITTEN = ["待定", "未定", "TBD", "none", "n/a", "[待定]", "[TBD, 未定]"]


def _first(written: str) -> str:
    return written.strip("[]").split(",")[0]


def _findings(tmp_path: Path, text: str, lang: str = "en") -> list[Finding]:
    (tmp_path / "org.yaml").write_text(text, "utf-8")
    result = lint([str(tmp_path)], Config(lang=lang), today=TODAY)
    return [f for f in result.findings if f.code in OWNERSHIP]


def _at(f: Finding) -> tuple[str, str, int, int]:
    return f.code, Path(f.location.file).name, f.location.line, f.location.col


@pytest.mark.parametrize("written", WRITTEN)
def test_one_bare_claimant_is_one_disagreement_at_the_placeholder(
        tmp_path: Path, written: str) -> None:
    [found] = _findings(tmp_path, ONE.replace("{written}", written))
    col = len("  accountable: ") + 1 + (written.startswith("["))
    assert _at(found) == ("OW004", "org.yaml", 6, col)
    value = _first(written)
    assert found.message == (f"duty 'd1' writes '{value}' as its accountable owner, but team "
                             "'ops' claims it as accountable in its charter")
    assert [(r.location.line, r.message) for r in found.related] == [
        (1, "ops is accountable here")]
    assert found.hint == (
        "ops's charter lists d1 without a role, which counts as accountable: write "
        f"`accountable: ops` in the duty in place of '{value}'; or, if ops does not "
        "answer for it, give the entry its role: `{ref: d1, role: responsible}`")
    assert found.teams == ("ops",)


@pytest.mark.parametrize("written", WRITTEN)
def test_two_bare_claimants_are_the_overlap_alone(tmp_path: Path, written: str) -> None:
    [found] = _findings(tmp_path, TWO.replace("{written}", written))
    assert _at(found) == ("OW001", "org.yaml", 1, 82)
    value = _first(written)
    assert found.message == ("duty 'd1' has 2 accountable owners: ops, mkt; "
                             f"the duty itself writes '{value}'")
    col = len("  accountable: ") + 1 + (written.startswith("["))
    assert [(r.location.line, r.location.col, r.message) for r in found.related] == [
        (2, 82, "mkt is accountable here"),
        (8, col, f"the duty itself writes '{value}' here")]
    assert found.hint == (
        f"the duty's own `accountable` (line 8) says '{value}': write there the one owner "
        "that answers for it (`accountable: ops`), and give the others' entries a role "
        "(`{ref: d1, role: responsible}`) or remove them")


def test_the_messages_in_each_language(tmp_path: Path) -> None:
    zh = _findings(tmp_path, ONE.replace("{written}", "待定"), "zh")
    assert [(f.code, f.message) for f in zh] == [
        ("OW004", "职责 'd1' 的批准方 (A)写作 '待定'，但团队 'ops' 在其职责清单中认领为批准方 (A)")]
    hant = _findings(tmp_path, ONE.replace("{written}", "未定").replace("运营部", "運營部"),
                     "zh-Hant")
    assert [(f.code, f.message) for f in hant] == [
        ("OW004", "職責 'd1' 的批准方 (A)寫作 '未定'，但團隊 'ops' 在其職責清單中認領為批准方 (A)")]
    assert hant[0].hint.startswith("ops 的職責清單列出 d1 時沒寫角色，按批准方 (A)計：")
    two = _findings(tmp_path, TWO.replace("{written}", "TBD"), "zh-Hant")
    assert [(f.code, f.message) for f in two] == [
        ("OW001", "職責 'd1' 有 2 個批准方 (A)：ops、mkt；而該職責本身寫的是 'TBD'")]


def test_one_of_two_claimants_the_duty_makes_responsible_is_told_its_entry(
        tmp_path: Path) -> None:
    text = TWO.replace("{written}", "待定") + "  responsible: [ops]\n"
    [found] = _findings(tmp_path, text)
    assert _at(found) == ("OW001", "org.yaml", 1, 82)
    assert found.hint == (
        "ops's charter lists d1 without a role, which counts as accountable; the duty "
        "itself makes it responsible: write `{ref: d1, role: responsible}` in the charter, or "
        "keep one accountable owner; and write mkt in the duty's own `accountable` "
        "(line 8), which says '待定': `accountable: mkt`")


def test_a_bare_entry_the_duty_gives_another_role_is_told_that_role(tmp_path: Path) -> None:
    text = ONE.replace("{written}", "待定") + "  consulted: [ops]\n"
    [found] = _findings(tmp_path, text)
    assert _at(found) == ("OW004", "org.yaml", 6, 16)
    assert found.hint.endswith("give the entry its role: `{ref: d1, role: consulted}`")


def test_a_charter_entry_with_the_role_written_is_told_to_write_the_duty(
        tmp_path: Path) -> None:
    text = ONE.replace("responsibilities: [d1]", "responsibilities: [{ref: d1, role: "
                       "accountable}]").replace("{written}", "TBD")
    [found] = _findings(tmp_path, text)
    assert _at(found) == ("OW004", "org.yaml", 6, 16)
    assert found.hint == ("write `accountable: ops` in the duty in place of 'TBD', or delete "
                          "the duty's `accountable`, which names nobody: ops's charter names "
                          "the owner")


POSITION = ("- {kind: Team, id: ops, name: Ops, lead: ada, members: [ada], "
            "responsibilities: [d2]}\n"
            "- {kind: Person, id: ada, name: Ada, roles: [planner]}\n"
            "- {kind: Role, id: planner, name: Planner, team: ops, holders: [ada], "
            "duties: [{ref: d2, role: accountable}, d3]}\n"
            "- {kind: Responsibility, id: d1, description: Plan the big sale, "
            "accountable: ops}\n"
            "- {kind: Responsibility, id: d2, description: Run the big sale, "
            "accountable: TBD}\n"
            "- {kind: Responsibility, id: d3, description: Report the big sale, "
            "accountable: ops, responsible: 待定}\n")


def test_a_position_that_holds_the_undecided_role_is_one_disagreement(
        tmp_path: Path) -> None:
    text = POSITION.replace("responsibilities: [d2]", "responsibilities: [d1, {ref: d2, "
                            "role: consulted}]")
    found = _findings(tmp_path, text)
    assert [(*_at(f), f.message) for f in found] == [
        ("OW004", "org.yaml", 5, 78, "duty 'd2' writes 'TBD' as its accountable owner, but "
         "position 'planner' holds it as accountable in its duties"),
        ("OW004", "org.yaml", 6, 99, "duty 'd3' writes '待定' as its responsible owner, but "
         "position 'planner' holds it as responsible in its duties")]
    assert [(r.location.line, r.location.col, r.message) for r in found[1].related] == [
        (3, 110, "planner is responsible here")]
    # either edit leaves a clean check (trial 33: "change the entry" named no edit)
    assert found[1].hint == ("write `responsible: planner` in the duty in place of '待定', "
                             "or delete the duty's `responsible`, which names nobody: "
                             "position planner's duties names the owner")


def test_several_claimants_of_another_role_are_one_disagreement(tmp_path: Path) -> None:
    text = ("- {kind: Team, id: ops, responsibilities: [d1]}\n"
            "- {kind: Team, id: cs, responsibilities: [{ref: d1, role: responsible}]}\n"
            "- {kind: Team, id: mkt, responsibilities: [{ref: d1, role: responsible}]}\n"
            "- kind: Responsibility\n"
            "  id: d1\n"
            "  responsible: [TBD, none]\n")
    [found] = _findings(tmp_path, text)
    assert _at(found) == ("OW004", "org.yaml", 6, 17)
    assert found.message == ("duty 'd1' writes 'TBD' as its responsible owner, but 2 owners "
                             "claim it as responsible elsewhere: cs, mkt")
    assert [r.location.line for r in found.related] == [2, 3]
    assert found.hint == ("write `responsible: [cs, mkt]` in the duty in place of 'TBD', or "
                          "delete the duty's `responsible`, which names nobody: the entries "
                          "that name them say who")
    assert found.teams == ("ops", "cs", "mkt")


def test_the_shapes_without_a_claimant_are_as_they_were(tmp_path: Path) -> None:
    text = ("- {kind: Team, id: ops, responsibilities: [{ref: d2, role: responsible}, "
            "{ref: d3, role: consulted}, d4]}\n"
            "- kind: Responsibility\n"
            "  id: d1\n"
            "  accountable: 待定\n"  # nobody claims it: the gap
            "- kind: Responsibility\n"
            "  id: d2\n"
            "  accountable: 未定\n"  # only someone responsible: OW003, not OW004
            "- kind: Responsibility\n"
            "  id: d3\n"
            "  accountable: TBD\n"  # consulted is no accountable owner: the gap
            "- kind: Responsibility\n"
            "  id: d4\n"
            "  accountable: [ops, 待定]\n")  # a real owner beside it: the placeholder named
    found = _findings(tmp_path, text)
    assert [(*_at(f), f.message) for f in found] == [
        ("OW002", "org.yaml", 4, 16, "duty 'd1' has no accountable owner (written as '待定')"),
        ("OW003", "org.yaml", 6, 3, "duty 'd2' has responsible ops but no accountable owner "
         "(written as '未定')"),
        ("OW002", "org.yaml", 10, 16, "duty 'd3' has no accountable owner (written as 'TBD')"),
        ("OW002", "org.yaml", 13, 22, "duty 'd4' names '待定' among its accountable owners")]


def test_the_good_shapes_give_no_ownership_finding(tmp_path: Path) -> None:
    text = ("- {kind: Team, id: ops, name: 运营部, responsibilities: [d1, "
            "{id: d2, description: 大促复盘}]}\n"
            "- {kind: Team, id: mkt, name: 市场部, responsibilities: [{ref: d1, role: "
            "consulted}, {ref: d2, role: informed}]}\n"
            "- {kind: Role, id: planner, team: ops, duties: [d1]}\n"
            "- kind: Responsibility\n"
            "  id: d1\n"
            "  description: 负责大促活动的策划\n"
            "  accountable: ops\n"
            "  responsible: [planner]\n"
            "  consulted: [mkt]\n")
    assert _findings(tmp_path, text) == []


# each edit as a warm run after the one before: the findings are a cold run's (the rules'
# kept results are read again after an edit of a duty's field, a charter or a position)
EDITS = [
    ("accountable: {written}", "accountable: 待定"),  # ops claims it: OW004
    ("responsibilities: [d1]}", "responsibilities: [d1]}\n- {kind: Team, id: mkt, "
     "responsibilities: [d1]}"),  # a second claimant: OW001 alone
    ("- {kind: Team, id: mkt, responsibilities: [d1]}", "- {kind: Team, id: mkt}"),
    ("accountable: 待定", "accountable: ops"),  # decided: no finding
    ("accountable: ops", "accountable: TBD\n  responsible: [planner]\n- {kind: Role, id: "
     "planner, team: ops, duties: [{ref: d1, role: responsible}]}"),
    # the position accountable too, beside ops' bare entry: OW001
    ("duties: [{ref: d1, role: responsible}]", "duties: [{ref: d1, role: accountable}]"),
]


def test_warm_runs_after_each_edit_find_what_a_cold_run_finds(tmp_path: Path) -> None:
    from conftest import run_cli

    folder = tmp_path / "org"
    folder.mkdir()
    text = ONE
    env = {"ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    args = ["check", str(folder), "--isolated", "--format", "json", "--lang", "en"]

    def said(*extra: str) -> list[tuple[str, int, str]]:
        run = run_cli(*args, *extra, cwd=folder, env=env)
        return [(f["code"], f["line"], f["message"])
                for f in run.json()["findings"] if f["code"] in OWNERSHIP]

    seen = []
    for old, new in EDITS:
        assert old in text
        text = text.replace(old, new, 1)
        (folder / "org.yaml").write_text(text, "utf-8")
        warm = said()
        assert warm == said("--no-cache"), (old, new)
        seen.append([code for code, _, _ in warm])
    assert seen == [["OW004"], ["OW001"], ["OW004"], [], ["OW004"], ["OW001"]]
