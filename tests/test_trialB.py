"""An e-commerce operations lead's trial (trial B): a typo in a team's own id gave one
finding per correct reference, moves between teams were missing from the diff, IME
punctuation (full-width commas, curly quotes, dashes as list markers) hid findings or gave
no hint, a roster's team-id typo made a second team of one name, the baseline named a
moved file by its old path and `orgspec init` wrote into whatever folder it ran in."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

TYPO_ORG = """\
- kind: Team
  id: custmer-service
  name: 客服部
  lead: p1
  members: [p1]
- {kind: Person, id: p1, name: 张三}
- kind: Responsibility
  id: refunds
  name: 退款
  accountable: customer-service
  responsible: [customer-service]
- kind: Responsibility
  id: complaints
  name: 投诉
  accountable: customer-service
"""


def found(folder: Path, *args: str) -> list[tuple[str, str, int]]:
    run = run_cli("check", str(folder), "--format", "json", "--lang", "en", *args)
    assert run.code in (0, 1), run.stderr
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in run.json()["findings"]]


def test_a_typo_in_a_teams_own_id_is_one_finding_at_the_definition(write_org) -> None:
    folder = write_org({"org.yaml": TYPO_ORG})
    run = run_cli("check", str(folder), "--format", "json", "--lang", "en")
    findings = run.json()["findings"]
    assert [(f["code"], f["line"]) for f in findings] == [("RF007", 2)]
    assert findings[0]["message"] == (
        "team id 'custmer-service' is defined but never referenced; 'customer-service' is "
        "referenced 3 times: rename the definition?")
    assert [r["line"] for r in findings[0]["related"]] == [10, 11, 15]


def test_a_misspelt_id_off_leaves_the_references_reported(write_org) -> None:
    folder = write_org({"org.yaml": TYPO_ORG})
    codes = found(folder, "--ignore", "RF007")
    # one unknown id: one RF001, at the first reference (trial 30)
    assert [c for c in codes if c[0] == "RF001"] == [("RF001", "org.yaml", 10)]


def test_one_unknown_reference_is_no_misspelt_definition(write_org) -> None:
    # one reference and one definition apart: either may hold the typo
    folder = write_org({"org.yaml": TYPO_ORG.rsplit("- kind: Responsibility", 1)[0]
                        .replace("  responsible: [customer-service]\n", "")})
    assert [c for c in found(folder) if c[0] in ("RF001", "RF007")] == \
        [("RF001", "org.yaml", 10)]


def test_a_referenced_definition_is_no_misspelt_one(write_org) -> None:
    # `custmer-service` is referenced: the two `customer-service`s are the typos
    folder = write_org({"org.yaml": TYPO_ORG + "- kind: Responsibility\n  id: faq\n"
                        "  accountable: custmer-service\n"})
    assert [c for c in found(folder) if c[0] in ("RF001", "RF007")] == \
        [("RF001", "org.yaml", 10)]  # one unknown id: one RF001 (trial 30)


MOVE_BASE = """\
- {kind: Team, id: a, name: 甲组, lead: p1, members: [p1, p3]}
- {kind: Team, id: b, name: 乙组, lead: p2, members: [p2], parent: a}
- {kind: Person, id: p1, name: 张三}
- {kind: Person, id: p2, name: 李四}
- {kind: Person, id: p3, name: 王五}
"""


def diff_lines(repo: Path, text: str) -> list[str]:
    """The org diff's change lines after `org/org.yaml` (committed as MOVE_BASE) is `text`."""
    from conftest import git

    (repo / "org").mkdir()
    (repo / "org" / "org.yaml").write_text(MOVE_BASE, "utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    (repo / "org" / "org.yaml").write_text(text, "utf-8")
    run = run_cli("check", "org", "--diff", "HEAD", "--lang", "en", cwd=repo)
    assert run.code == 0, run.stderr
    return [line.strip() for line in run.stdout.splitlines()
            if line.startswith("  ") and not line.startswith("    ")]


def test_a_person_moved_between_teams_is_listed_in_the_org_diff(tmp_path: Path) -> None:
    moved = MOVE_BASE.replace("members: [p1, p3]", "members: [p1]") \
        .replace("members: [p2]", "members: [p2, p3]")
    assert diff_lines(tmp_path, moved) == ["person moved: 王五 (p3) from 甲组 (a) to 乙组 (b)"]


def test_a_renamed_team_moves_nobody(tmp_path: Path) -> None:
    renamed = MOVE_BASE.replace("id: b, name: 乙组,", "id: bb, aliases: [b], name: 乙组,")
    lines = diff_lines(tmp_path, renamed)
    assert "team renamed: 乙组 (b → bb)" in lines
    assert [line for line in lines if line.startswith("person")] == []


def test_a_person_leaving_every_team_is_in_no_team_now(tmp_path: Path) -> None:
    left = MOVE_BASE.replace("members: [p1, p3]", "members: [p1]")
    assert diff_lines(tmp_path, left) == [
        "person left a team: 王五 (p3) left 甲组 (a) and is in no team now"]


COMMA_ORG = """\
- kind: Team
  id: ops
  name: 运营部
  members: [li]
- kind: Team
  id: order-platform
  name: 订单平台
  lead: li
  members: [li]
  parent: ops
- {kind: Person, id: li, name: 李强}
- kind: Responsibility
  id: refunds
  name: 退款
  accountable: ops
  consulted: [order-platform，li]
"""


def test_a_full_width_comma_in_a_flow_list_loads_and_is_one_finding(write_org) -> None:
    folder = write_org({"org.yaml": COMMA_ORG})
    run = run_cli("check", str(folder), "--format", "json", "--lang", "en", "--isolated")
    findings = run.json()["findings"]
    # the team without a lead (HI005) is not hidden by the comma; order-platform's empty
    # charter (OW006) is the comma's doing: held back
    assert [(f["code"], f["line"], f["column"]) for f in findings] == \
        [("HI005", 2, 3), ("RF001", 16, 29)]  # at the comma (trial 30), not the item
    assert findings[1]["message"] == ("a full-width comma `，` (U+FF0C) in the list of "
                                      "`consulted`: YAML reads the items around it as one")
    assert findings[1]["hint"] == ("separate the items with ASCII commas: "
                                   "`consulted: [order-platform, li]` (1 finding that "
                                   "follows from this mistake is held back until it is fixed: "
                                   "OW006 on team 'order-platform')")


QUOTES_ORG = """\
- kind: Team
  id: live-ops
  name: 直播运营
  lead: p1
  members: [p1, “p2”]
- {kind: Person, id: p1, name: 张三}
- {kind: Person, id: p2, name: 李四}
- kind: Responsibility
  id: refunds
  name: 退款
  accountable: live-ops
  informed: [“p1”]
  consulted: [「live-ops」]
- kind: Objective
  id: o1
  title: 提升GMV
  owner: “live-ops”
"""


def test_ids_in_ime_quotes_get_the_same_did_you_mean_in_a_list_as_alone(write_org) -> None:
    folder = write_org({"org.yaml": QUOTES_ORG})
    run = run_cli("check", str(folder), "--format", "json", "--lang", "en", "--select", "RF,HI")
    # p2 is on a team once the quotes go: no HI007 "on no team" beside the RF001
    assert [(f["code"], f["line"], f["hint"]) for f in run.json()["findings"]] == [
        ("RF001", 5, "did you mean 'p2'? (1 finding that follows from this mistake is held "
                     "back until it is fixed: HI007 on person 'p2')"),
        ("RF001", 12, "did you mean 'p1'?"),
        ("RF001", 13, "did you mean 'live-ops'?"), ("RF001", 17, "did you mean 'live-ops'?")]


DASHED = """\
- kind: Team
  id: ops
  name: 运营部
  lead: li
  members: [li]
  responsibilities:
    {dash} refunds
    {dash} returns
- {{kind: Person, id: li, name: 李强}}
- {{kind: Responsibility, id: refunds, name: 退款, accountable: ops}}
- {{kind: Responsibility, id: returns, name: 退货, accountable: ops}}
"""


def test_a_dash_typed_for_a_list_marker_is_named(write_org) -> None:
    said = []
    for dash in "–—ー":
        folder = write_org({"org.yaml": DASHED.format(dash=dash)})
        run = run_cli("check", str(folder), "--format", "json", "--lang", "en", "--select",
                      "SC003")
        [found] = run.json()["findings"]
        assert (found["line"], found["hint"]) == (7, "start each item with an ASCII hyphen and a "
                                                     "space: `- refunds` (switch the IME to "
                                                     "half-width)")
        said.append(found["message"])
    assert said == [
        "`responsibilities`: needs a list, not a text: it starts with `–` (an en dash, U+2013), "
        "which YAML does not read as a list item's `-`",
        "`responsibilities`: needs a list, not a text: it starts with `—` (an em dash, U+2014), "
        "which YAML does not read as a list item's `-`",
        "`responsibilities`: needs a list, not a text: it starts with `ー` (a long vowel mark, "
        "U+30FC), which YAML does not read as a list item's `-`"]


ROSTER = ("工号,姓名,部门,部门编号,职位\n"
          "E01,张三,仓储物流部,warehouse,经理\n"
          "E02,李四,仓储物流部,warehouse,专员\n"
          "E03,王五,仓储物流部,warehose,专员\n"
          "E04,赵六,客服部,cs,专员\n")


def test_a_team_id_typo_in_a_roster_is_noted_and_checked(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(ROSTER, "utf-8")
    run = run_cli("import", "roster", "roster.csv", "-o", "org", "--lang", "en", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert run.stderr.splitlines() == [
        "note: roster.csv:4: team id 'warehose' names 仓储物流部 too, as 'warehouse' does on "
        "2 rows: did you mean 'warehouse'? (two teams called 仓储物流部 are made)",
        "note: no row flags a lead or names a manager, so no team has a lead (teams: 3): flag "
        "each team's lead in a lead column (Lead: yes) or set `lead:` in the team's file",
        "note: no parent-department column: 3 top-level teams; add one to the roster, or set "
        "`parent:` in a team's file (a re-import keeps it)"]
    assert [c for c in found(tmp_path / "org") if c[0].startswith("RF")] == \
        [("RF008", "warehose.yaml", 6)]


def test_two_teams_of_one_name_that_no_typo_explains(write_org) -> None:
    folder = write_org({"org.yaml": """\
- {kind: Team, id: shanghai, name: 运营部, lead: li, members: [li]}
- {kind: Team, id: beijing, name: " 运营部", lead: li, members: [li]}
- {kind: Person, id: li, name: 李强}
"""})
    run = run_cli("check", str(folder), "--format", "json", "--lang", "en", "--select", "RF")
    [finding] = run.json()["findings"]
    assert (finding["line"], finding["message"], finding["related"][0]["line"]) == \
        (2, "team 'beijing' has the name 运营部 of team 'shanghai': two teams of one name", 1)
    assert finding["hint"] == ("if both are one team, keep one of them; else give each a name "
                               "of its own (e.g. 运营部（二组）)")


BASE_TEAMS = """\
- kind: Team
  id: company
  name: 公司
  lead: wang
  members: [wang]
- kind: Person
  id: wang
  name: 王芳
- kind: Responsibility
  id: promo
  name: 大促活动
  responsible: company
"""


def test_a_baseline_entry_of_a_file_moved_with_git_mv_is_named_by_its_current_path(
        tmp_path: Path) -> None:
    from conftest import git

    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "teams.yaml").write_text(BASE_TEAMS, "utf-8")
    (tmp_path / ".orgspec.yaml").write_text("root: org\nbaseline: base.json\n", "utf-8")
    assert run_cli("check", "--write-baseline", "base.json", "--lang", "en",
                   cwd=tmp_path).code == 0
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    git(tmp_path, "mv", "org/teams.yaml", "org/团队.yaml")
    moved = tmp_path / "org" / "团队.yaml"
    moved.write_text(BASE_TEAMS + "- kind: Team\n  id: [x\n", "utf-8")  # fails to load
    run = run_cli("check", "--lang", "en", cwd=tmp_path)
    assert "baseline entry not checked (its file did not load): org/团队.yaml (renamed from "\
        "org/teams.yaml): OW003 duty 'promo' has responsible company but no accountable "\
        "owner" in run.stderr.splitlines()
    moved.write_text(BASE_TEAMS.replace("  responsible: company\n",
                                        "  accountable: company\n"), "utf-8")  # fixed
    run = run_cli("check", "--lang", "zh", cwd=tmp_path)  # in the run's language
    assert "过时的基线条目（已修复）：org/团队.yaml（原为 org/teams.yaml）：OW003 "\
        "职责 大促活动 (promo) 有执行方 (R) company，但没有批准方 (A)" in run.stderr.splitlines()


def test_init_without_a_folder_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", "utf-8")
    run = run_cli("init", "--lang", "en", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (
        2, "", "orgspec: error: say where: orgspec init DIR, or orgspec init . to use this "
               "folder\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_init_without_a_folder_takes_a_fresh_git_repository(tmp_path: Path) -> None:
    """`git init shop && cd shop && orgspec init` (trial 35: refused, as not empty)."""
    import subprocess
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    run = run_cli("init", "--lang", "en", cwd=tmp_path)
    assert (run.code, run.stderr) == (0, "next: orgspec check (the org's YAML files are in "
                                         "org/)\n")
    assert (tmp_path / "org" / "org.yaml").is_file()
    (tmp_path / "org").rename(tmp_path / "elsewhere")  # now a folder beside .git
    run = run_cli("init", "--lang", "en", cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")


def test_init_dot_says_the_next_step_without_a_cd(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", "utf-8")
    run = run_cli("init", ".", cwd=tmp_path)
    assert run.code == 0
    assert run.stderr == ("this folder is not in a git repository: `git init` enables the "
                          "checks of renamed ids and moved or deleted files\n"
                          "next: orgspec check (the org's YAML files are in org/)\n")
    assert (tmp_path / "org" / "org.yaml").is_file()
    empty = tmp_path / "empty"
    empty.mkdir()
    run = run_cli("init", "--lang", "zh", cwd=empty)  # an empty folder needs no `.`
    assert (run.code, run.stderr) == (0, "此文件夹不在 git 仓库中：运行 `git init` 后即可检查"
                                         "改名的 id 以及移动或删除的文件\n"
                                         "下一步：orgspec check（组织的 YAML 文件在 org/ 下）\n")
    assert (empty / "org" / "org.yaml").is_file()


def test_a_roster_reimport_that_moves_a_person_shows_the_move(tmp_path: Path) -> None:
    from conftest import git

    roster = tmp_path / "roster.csv"
    roster.write_text("工号,姓名,部门,部门编号\nE01,张三,仓储物流部,warehouse\n"
                      "E02,李四,仓储物流部,warehouse\nE03,王五,客服部,cs\n", "utf-8")
    assert run_cli("import", "roster", "roster.csv", "-o", "org", cwd=tmp_path).code == 0
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    roster.write_text(roster.read_text("utf-8").replace("E02,李四,仓储物流部,warehouse",
                                                        "E02,李四,客服部,cs"), "utf-8")
    assert run_cli("import", "roster", "roster.csv", "-o", "org", cwd=tmp_path).code == 0
    run = run_cli("check", "org", "--diff", "HEAD", "--lang", "en", cwd=tmp_path)
    assert "  person moved: 李四 (e02) from 仓储物流部 (warehouse) to 客服部 (cs)" in \
        run.stdout.splitlines()


def test_joining_one_more_team_is_a_join_not_a_move(tmp_path: Path) -> None:
    """Trial 23: a person added to a second team (the old line kept) was not in the diff."""
    joined = MOVE_BASE.replace("members: [p2]", "members: [p2, p3]")
    assert [line for line in diff_lines(tmp_path, joined) if line.startswith("person")] == [
        "person joined a team: 王五 (p3) joined 乙组 (b), still in 甲组 (a)"]
